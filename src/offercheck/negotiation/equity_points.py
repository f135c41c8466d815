"""Talking points for private-company equity (DESIGN.md section 5, issue 17): what an offer file cannot say.

Questions and terms, said after the money asks of :mod:`.asks`, so nothing is asked twice: the fully diluted
share count (the offer format has none: it is asked for, never assumed), the preference stack beside the price
of the common (both questions, amount 0), and a longer exercise window (a term: its amount is the equity at
stake, not pay), with US companies' published policies as precedent for a US company only
(``negotiation.local``). Forfeited equity is asked back as year-1 sign-on and an extra equity grant
(``asks.buyout_part``, ``buyout.buyout_grant``), not here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from offercheck.negotiation.asks import format_money
from offercheck.negotiation.local import local_terms
from offercheck.negotiation.points import TalkingPoint
from offercheck.pay.equity_cases import published_exercise_windows
from offercheck.pay.equity_offer import is_private, resolved_terms
from offercheck.text import years_text

if TYPE_CHECKING:
    from offercheck.results import Evaluation

__all__ = ["private_equity_points"]

DAYS_A_YEAR = 365
LONGER_YEARS = 1  # without a precedent: a window of a year or more already is a longer exercise period


def private_equity_points(e: Evaluation) -> list[TalkingPoint]:
    """The equity-terms points of ``e`` (unranked): ownership, preferences, exercise window."""
    return [p for kind in (_ownership_point, _preference_point, _exercise_window_point) for p in kind(e)]


def _at_stake(e: Evaluation) -> str:
    grant = format_money(e.component_total("equity"), e.currency)
    return f"at stake: the grant's {grant} over {years_text(len(e.years))}"


def _ownership_point(e: Evaluation) -> list[TalkingPoint]:
    eq = e.offer.equity
    if eq is None or not is_private(e.offer) or e.component_total("equity") <= 0:
        return []
    what = "options" if eq.kind == "options" else "shares"
    grant = f"{eq.shares:,.0f} {what}" if eq.shares is not None else f"a grant of {what}"
    local = local_terms(e.offer)
    extra = f" {local.ownership_question}" if local.ownership_question and eq.kind == "options" else ""
    return [TalkingPoint(
        topic="ownership",
        text=(f"The offer gives {grant} but not the company's fully diluted share count, so I cannot tell what "
              "part of the company the grant is. Could you tell me the fully diluted number of shares, and the "
              f"percent ownership the grant represents?{extra}"),
        amount=0.0, kind="question", ask="the fully diluted share count and the grant's percent ownership",
        source=f"shares in the offer file, which has no fully diluted count ({_at_stake(e)})"
               + (f"; {local.ownership_source}" if extra else ""))]


def _preference_point(e: Evaluation) -> list[TalkingPoint]:
    eq = e.offer.equity
    if eq is None or not is_private(e.offer) or e.component_total("equity") <= 0:
        return []
    local = local_terms(e.offer)
    preferred = resolved_terms(eq).values.preferred_price
    common = eq.fmv if eq.kind == "options" else eq.share_price
    said = []
    if preferred is not None and common is not None:
        said.append(f"Investors paid {format_money(preferred * e.fx, e.currency, cents=True)} a share for "
                    f"preferred shares; {local.common_price} is "
                    f"{format_money(common * e.fx, e.currency, cents=True)} a share. The preferred price is not the "
                    "common's value: preferred shares are repaid first in a sale.")
    elif common is not None:
        said.append(f"{local.common_price[:1].upper()}{local.common_price[1:]} is "
                    f"{format_money(common * e.fx, e.currency, cents=True)} a share.")
    said.append("Could you share the liquidation preferences ahead of the common (amounts, multiples, whether "
                f"they participate) and the date of {local.valuation}?")
    fields = f"preferred_price and {local.fmv_field}" if preferred is not None else local.fmv_field
    return [TalkingPoint(
        topic="preference stack", text=" ".join(said), amount=0.0, kind="question",
        ask=f"the liquidation preference stack and {local.valuation}",
        source=f"{fields} in the offer file ({_at_stake(e)})")]


def _exercise_window_point(e: Evaluation) -> list[TalkingPoint]:
    """Vested options expire soon after leaving unless bought. To a US company, companies that publish longer
    windows are named as precedent; elsewhere the ask is a longer exercise period, with the country's own reason
    where one is shipped (``negotiation.local``)."""
    eq = e.offer.equity
    if eq is None or eq.kind != "options" or e.component_total("equity") <= 0:
        return []
    assert eq.shares is not None and eq.strike is not None  # options are validated so
    terms = resolved_terms(eq)
    window = int(terms.values.exercise_window_days or 0)
    local = local_terms(e.offer)
    policies = published_exercise_windows(verified_only=True) if local.us else ()
    asked = min((p.window_years for p in policies), default=None)
    if window >= (asked or LONGER_YEARS) * DAYS_A_YEAR:
        return []
    years = len(e.years)
    cost = format_money(eq.shares * min(sum(eq.vesting_plan.schedule[:years]), 100) / 100 * eq.strike * e.fx,
                        e.currency)
    given = terms.origin("exercise_window_days") == "user"
    if given or local.us:
        expire = (f"Vested options {'' if given else 'usually '}expire {window} days after leaving unless "
                  f"exercised, which would cost {cost} for the options vested over {years_text(years)}.")
    else:  # the 90-day default rests on the US ISO rule: not said as the norm elsewhere
        expire = (f"If vested options expire {window} days after leaving unless exercised, keeping them would cost "
                  f"{cost} for the options vested over {years_text(years)}.")
    private = (" The company is private, so the shares cannot be sold to pay for it until a sale, listing or "
               "tender offer." if e.offer.company.public is False else "")
    at_stake = f" At stake: {_at_stake(e).removeprefix('at stake: ')}."
    sources = [f"strike and shares from the offer file ({_at_stake(e)}, not pay)"]
    if asked is not None:
        named = " and ".join(p.company for p in policies)
        terms_of = ", ".join(f"{p.company} {p.condition}" for p in policies if p.condition)
        reason = f" {named} give {asked:g} years to exercise after leaving ({terms_of})."
        ask = f"a {asked:g}-year post-termination exercise window"
        sources = [*(f"{p.source} ({p.url})" for p in policies),
                   "IRC section 422(a)(2): an incentive stock option must be exercised within 3 months of leaving, "
                   "hence the usual 90-day window", *sources]
    else:
        reason = f" {local.window_reason}" if local.window_reason else ""
        ask = "a longer exercise period for vested options after leaving"
        sources = [*([local.window_source] if local.window_source else []), *sources]
    return [TalkingPoint(
        topic="option exercise window",
        text=f"{expire}{private}{reason} I would ask for {ask}.{at_stake}",
        # A term: the equity that expires unless exercised is at stake, not pay; ranked after every money ask.
        amount=e.component_total("equity"), ask=ask, kind="term", source="; ".join(sources))]
