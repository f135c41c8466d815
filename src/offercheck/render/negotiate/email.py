"""The counter-offer email: one package, a reason for every ask, companies named, no ultimatum.

In the manner of the well-known negotiation guides (and seed 001's advice: research the market, weigh the whole
package, be confident and professional): thank them, say what you would sign and why, leave the door open.
Only points that carry an ask are said, so the email cites only competing offers that beat this one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from offercheck.render.common import fill, printable

if TYPE_CHECKING:
    from offercheck.negotiation.counter import Negotiation

WIDTH = 72
# The counter's money first, in the order it was computed; then terms, by value.
MONEY_FIRST = ("base", "bonus", "sign-on", "buyout in equity", "equity")


def _wrap(text: str, indent: str = "") -> str:
    return fill(text, WIDTH, first=indent, rest=" " * len(indent))


def render(n: Negotiation, *, width: int | None = None, colour: bool = False) -> str:
    """The email keeps its 72 columns, for a mail client, whatever the terminal's width."""
    return printable(email(n))


def email(n: Negotiation) -> str:
    """The draft, from the ranked talking points that carry an ask (all of them: every ask has its reason)."""
    e = n.evaluation
    company = e.offer.offer.company
    position = f"the {e.offer.offer.role} position" if e.offer.offer.role else "this position"
    asking = sorted((p for p in n.talking_points if p.ask),
                    key=lambda p: MONEY_FIRST.index(p.topic) if p.topic in MONEY_FIRST else len(MONEY_FIRST))
    thanks = f"Thank you for the offer for {position}. I am excited about the role and the team at {company}"
    if not asking:
        # With no market data for the offer's country (e.no_market), the email claims nothing about the market.
        found = "I find it in line with the market, and " if e.no_market is None else ""
        parts = [f"Subject: {company} offer: next steps", f"Dear {company} team,",
                 _wrap(f"{thanks}. Having looked closely at the whole package, {found}I look forward to the next "
                       "steps.")]
    else:
        parts = [f"Subject: {company} offer: a counter-proposal", f"Dear {company} team,",
                 _wrap(f"{thanks}, and I would like to find terms that work for both of us. Having looked closely "
                       "at the whole package, here is what I would ask for, and why:"),
                 "\n".join(_wrap(p.text, "- ") for p in asking),
                 _wrap("If we can agree on this package, I am ready to sign:"),
                 "\n".join(_wrap(p.ask or "", "  * ") for p in asking)]
    parts += [_wrap("Thank you for considering this. I am happy to talk it through at your convenience."),
              "Best regards,\n[Your name]"]
    return "\n\n".join(parts) + "\n"
