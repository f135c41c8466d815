"""Compare offers: pay by year in one display currency, horizon totals and the ranking."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from .comp import YearPay, pay_by_year
from .currency import RateTable, load_rates
from .models import Offer

if TYPE_CHECKING:
    import datetime as dt

    import pluggy

DEFAULT_YEARS = 4


@dataclass(frozen=True)
class Evaluation:
    """One offer's pay over the horizon, in the display currency, and (once scored) its market position."""

    offer: Offer
    currency: str
    years: tuple[YearPay, ...]
    # Set by scoring: offercheck.scoring.MarketPosition.
    market: Any = None

    @property
    def label(self) -> str:
        return self.offer.label

    @property
    def total(self) -> float:
        return sum(y.total for y in self.years)

    @property
    def annual_average(self) -> float:
        return self.total / len(self.years)

    @property
    def year1(self) -> float:
        return self.years[0].total

    def component_total(self, name: str) -> float:
        """Sum of one YearPay component (``base``, ``bonus``, ...) over the horizon."""
        return float(sum(getattr(y, name) for y in self.years))


@dataclass(frozen=True)
class Comparison:
    currency: str
    rates: RateTable
    horizon_years: int
    evaluations: tuple[Evaluation, ...]

    @property
    def rates_date(self) -> dt.date:
        return self.rates.date

    @property
    def ranked(self) -> tuple[Evaluation, ...]:
        """Best first by horizon total; ties keep the input order."""
        return tuple(sorted(self.evaluations, key=lambda e: -e.total))


def evaluate(offer: Offer, *, years: int = DEFAULT_YEARS, currency: str | None = None,
             rates: RateTable | None = None) -> Evaluation:
    """Pay by year for one offer, converted to ``currency`` (default: the offer's own)."""
    if years < 1:
        raise ValueError("years must be at least 1")
    target = currency or offer.currency
    factor = (rates or load_rates()).rate(offer.currency, target)
    return Evaluation(offer, target, tuple(y.scaled(factor) for y in pay_by_year(offer, years)))


def compare(offers: Sequence[Offer], *, years: int = DEFAULT_YEARS, currency: str | None = None,
            rates: RateTable | None = None, pm: pluggy.PluginManager | None = None,
            benchmarks: Any = None) -> Comparison:
    """Evaluate every offer in one display currency (default: the first offer's).

    With a plugin manager, each offer is also scored against the market: ``benchmarks`` (default: the built-in
    tables plus any that plugins register) adjusted by every factor plugin.
    """
    if not offers:
        raise ValueError("compare needs at least one offer")
    rates = rates or load_rates()
    target = currency or offers[0].currency
    evaluations = tuple(evaluate(o, years=years, currency=target, rates=rates) for o in offers)
    if pm is not None:
        from .market import market_for
        from .scoring import score

        market = benchmarks if benchmarks is not None else market_for(pm)
        evaluations = tuple(replace(e, market=score(e, pm, market, rates)) for e in evaluations)
    return Comparison(target, rates, years, evaluations)
