"""The counter-offer email: one package, a reason for every ask, companies named, no ultimatum (DESIGN section 4).

In the manner of the well-known negotiation guides (and seed 001's advice: research the market, weigh the whole
package, be confident and professional): thank them, say what you would sign and why, leave the door open.

The email is one a person can send: the reasons are the talking points' own sentences (a better offer in hand, the
market figure that supports an ask, forfeited pay), never the tool's rules, which stay in each point's source.
Money asks come first, in the order they were computed (base, bonus, sign-on, the buyout in equity, equity), each
said as the new total the counter holds; then the terms, their amounts said as at stake; the package to sign
lists these asks only. Questions (the share count, the preference stack, bonus eligibility) follow in a
paragraph of their own. Only points that carry an ask are asked for, so only offers that beat this one are cited.
The equity-view note of the comparison is for the reader of the other formats, not for the employer: not here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from offercheck.negotiation.asks import applicable_market
from offercheck.render.common import fill, printable

if TYPE_CHECKING:
    from offercheck.negotiation.counter import Negotiation
    from offercheck.negotiation.points import TalkingPoint

WIDTH = 72
# The counter's money first, in the order it was computed; then other money asks and the terms, by value.
MONEY_FIRST = ("base", "bonus", "sign-on", "buyout in equity", "equity")


def _wrap(text: str, indent: str = "") -> str:
    # "year 2" stays on one line: a no-break space while wrapping, a space after.
    glued = re.sub(r"\b(year|month) (\d)", "\\1\u00a0\\2", text)
    return fill(glued, WIDTH, first=indent, rest=" " * len(indent)).replace("\u00a0", " ")


def render(n: Negotiation, *, width: int | None = None, colour: bool = False, explain: bool = False) -> str:
    """The email keeps its 72 columns, for a mail client, whatever the terminal's width."""
    return printable(email(n))


def _parts(n: Negotiation) -> tuple[list[TalkingPoint], list[TalkingPoint], list[TalkingPoint]]:
    """The money asks (in MONEY_FIRST order, then by value), the term asks and the questions."""
    def first(p: TalkingPoint) -> int:
        return MONEY_FIRST.index(p.topic) if p.topic in MONEY_FIRST else len(MONEY_FIRST)

    money = sorted((p for p in n.talking_points if p.ask and p.kind == "money"), key=first)
    terms = [p for p in n.talking_points if p.ask and p.kind == "term"]
    return money, terms, [p for p in n.talking_points if p.kind == "question"]


def email(n: Negotiation) -> str:
    """The draft, from the ranked talking points: every ask with its reason, the package, then the questions."""
    e = n.evaluation
    company = e.offer.offer.company
    position = f"the {e.offer.offer.role} position" if e.offer.offer.role else "this position"
    money, terms, questions = _parts(n)
    asking = money + terms
    thanks = f"Thank you for the offer for {position}. I am excited about the role and the team at {company}"
    if asking:
        parts = [f"Subject: {company} offer: a counter-proposal", f"Dear {company} team,",
                 _wrap(f"{thanks}, and I would like to find terms that work for both of us. Having looked closely "
                       "at the whole package, here is what I would ask for, and why:"),
                 "\n".join(_wrap(p.text, "- ") for p in asking),
                 _wrap("If we can agree on this package, I am ready to sign:"),
                 "\n".join(_wrap(p.ask or "", "  * ") for p in asking)]
        ask_more = "I also have a few questions, apart from the package:"
    else:
        subject = "a few questions" if questions else "next steps"
        # "In line with the market" only where a market of its own country describes the offer.
        fits = "I find it in line with the market" if applicable_market(e) is not None else "it works for me"
        parts = [f"Subject: {company} offer: {subject}", f"Dear {company} team,",
                 _wrap(f"{thanks}. Having looked closely at the whole package, {fits}"
                       + (", and I look forward to the next steps." if not questions else "."))]
        ask_more = "Before I sign, I have a few questions:"
    if questions:
        parts += [_wrap(ask_more), "\n".join(_wrap(p.text, "- ") for p in questions)]
    parts += [_wrap("Thank you for considering this. I am happy to talk it through at your convenience."),
              "Best regards,\n[Your name]"]
    return "\n\n".join(parts) + "\n"
