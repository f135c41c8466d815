"""The private-equity engine applied to an offer: its terms, risk factor and report (DESIGN.md section 5).

:mod:`.equity` holds the arithmetic on plain numbers; this module reads them off an ``Offer`` so that comp.py,
leave_early.py and the tax timing each need one call. Only ``company.public = false`` counts as private: a file
that does not say is valued at paper, as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from offercheck.offer.models import Equity, Offer
from offercheck.pay.equity_timing import price_in_year
from offercheck.pay.jurisdiction import local_defaults, us_terms

# The engine (six frozen dataclasses and its defaults table) is imported only for a private grant: a run whose
# offers are all public never loads it; its exit scenarios and exercise cash (equity_cases) only when asked for.
if TYPE_CHECKING:
    from offercheck.pay.equity import PrivateTerms, ResolvedTerms, RiskFactor, View
    from offercheck.pay.equity_cases import ExerciseCash, Scenario

__all__ = ["EquityReport", "equity_factor", "equity_report", "exercise_on_leaving", "grant_exercise_cost", "is_private",
           "private_terms", "resolved_terms", "vested_shares_by_year"]


def is_private(offer: Offer) -> bool:
    """A grant of a company whose file says ``public = false``."""
    return offer.equity is not None and offer.company.public is False


def grant_exercise_cost(equity: Equity | None) -> float:
    """Cash to exercise a whole option grant, public or private, in the offer's currency (0 without options)."""
    if equity is None or equity.kind != "options" or equity.shares is None or equity.strike is None:
        return 0.0
    from offercheck.pay.equity import exercise_cost  # only options need the private-equity engine

    return exercise_cost(equity.shares, equity.strike)


def private_terms(equity: Equity) -> PrivateTerms:
    from offercheck.pay.equity import PrivateTerms

    return PrivateTerms(
        liquidity_probability=equity.liquidity_probability,
        dilution_percent_per_round=equity.dilution_percent_per_round,
        rounds_to_exit=equity.rounds_to_exit,
        preferred_price=equity.preferred_price,
        exercise_window_days=equity.exercise_window_days,
        double_trigger=equity.double_trigger,
        exit_prices=equity.exit_prices,
        exercise_year=equity.exercise_year,
        liquidity_year=equity.liquidity_year,
    )


def resolved_terms(equity: Equity) -> ResolvedTerms:
    return private_terms(equity).resolved()


def equity_factor(offer: Offer, view: View) -> float:
    """What the offer's paper equity is multiplied by in ``view``: 1 for paper and for public grants."""
    if view == "paper" or not is_private(offer) or offer.equity is None:
        return 1.0
    from offercheck.pay.equity import risk_factor

    return risk_factor(resolved_terms(offer.equity)).factor


def vested_shares_by_year(equity: Equity, years: int) -> tuple[float, ...]:
    """Shares of the initial grant vesting in each year 1..``years`` (none: a grant given by value)."""
    if equity.shares is None:
        return (0.0,) * years
    schedule = equity.vesting_plan.schedule
    return tuple(equity.shares * schedule[y - 1] / 100 if y <= len(schedule) else 0.0 for y in range(1, years + 1))


def exercise_on_leaving(offer: Offer, vested_percent: float, year: int, fx: float = 1.0) -> ExerciseCash | None:
    """Keeping the private options vested (``vested_percent`` of the grant) when leaving in ``year``: the cash to
    pay within the exercise window, and what is lost without it, prices times ``fx`` (the offer's currency -> the
    display one, so the notes' arithmetic is in the display currency too). None: nothing to keep."""
    eq = offer.equity
    if eq is None or eq.kind != "options" or not is_private(offer) or not vested_percent:
        return None
    assert eq.shares is not None and eq.strike is not None and eq.fmv is not None  # options are validated so
    from offercheck.pay.equity_cases import exercise_cash_needed

    window = resolved_terms(eq).values.exercise_window_days
    fmv = price_in_year(eq.fmv, eq.annual_growth_percent, year)
    return exercise_cash_needed(eq.shares * vested_percent / 100, eq.strike * fx, int(window or 0), fmv=fmv * fx,
                                us=us_terms(offer))


@dataclass(frozen=True)
class EquityReport:
    """What the output says about a private grant, amounts in the display currency."""

    view: View
    terms: ResolvedTerms
    factor: RiskFactor
    scenarios: tuple[Scenario, ...]
    preferred_note: str | None


def equity_report(offer: Offer, view: View, years: int, fx: float = 1.0) -> EquityReport | None:
    """The private grant of ``offer`` in both views and its scenarios over ``years``."""
    equity = offer.equity
    if equity is None or not is_private(offer):
        return None
    from offercheck.pay.equity import preferred_price_note, risk_factor

    terms = private_terms(equity).resolved(local_defaults(offer))  # the defaults cited in the company's words
    factor = risk_factor(terms)
    v = terms.values
    options = equity.kind == "options"
    strike = (equity.strike or 0.0) if options else 0.0
    price = equity.fmv if options else equity.share_price
    found: tuple[Scenario, ...] = ()
    if equity.shares is not None and price is not None and v.exit_prices:
        from offercheck.pay.equity_cases import scenarios
        from offercheck.pay.vesting import equity_vested

        held = sum(vested_shares_by_year(equity, years))
        # Beside each exit: the same shares on paper and at risk over the horizon, as the totals count them (each
        # year's vesting at that year's price in the growth scenario), not at today's price: a grant whose strike
        # is today's 409A price is worth nothing today but is on paper in every later year.
        both, refreshers = equity_vested(equity, 12 * years)
        paper = (both - refreshers) * fx
        found = tuple(scenarios(held, strike * fx, [p * fx for p in v.exit_prices],
                                float(v.dilution_percent_per_round or 0), v.rounds_to_exit or 0,
                                paper=paper, risk=paper * factor.factor))
    return EquityReport(view, terms, factor, found, preferred_price_note(
        None if v.preferred_price is None else v.preferred_price * fx, None if price is None else price * fx,
        us=us_terms(offer)))
