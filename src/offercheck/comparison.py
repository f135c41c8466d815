"""Compare offers: pay by year in one display currency, horizon totals and the ranking."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from .comp import YearPay, pay_by_year
from .currency import RateTable, load_rates, normalise_code
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
    fx: float = 1.0  # offer currency -> display currency, for amounts outside ``years``
    # Set by scoring: offercheck.scoring.MarketPosition.
    market: Any = None
    # Set by offercheck.aftertax.with_taxes: offercheck.aftertax.AfterTax.
    taxes: Any = None
    # Set by offercheck.realterms.in_real_terms: offercheck.realterms.RealTerms.
    real: Any = None
    # Set by offercheck.leave_early.with_leave_early: offercheck.leave_early.LeaveEarly.
    leave_early: Any = None

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
    rank_by: str = "total"  # one of RANK_BY
    # Set by offercheck.realterms.in_real_terms: the offercheck.prices.PriceLevel real pay is expressed at.
    home: Any = None
    # The current job (compare --current, see offercheck.current): the baseline, evaluated like an offer, not ranked.
    current: Evaluation | None = None

    @property
    def rates_date(self) -> dt.date:
        return self.rates.date

    @property
    def ranked(self) -> tuple[Evaluation, ...]:
        """Best first by horizon total (or net or real pay, per ``rank_by``).

        Ties, and offers with no real value when ranking by real pay, go by horizon total, then input order.
        """
        return tuple(sorted(self.evaluations, key=lambda e: (-rank_value(e, self.rank_by), -e.total)))


RANK_BY: tuple[str, ...] = ("total", "net", "real")


def rank_value(e: Evaluation, rank_by: str) -> float:
    """The horizon amount ``rank_by`` ranks on; an offer with no real value (no PPP) ranks last."""
    if rank_by == "net":
        if e.taxes is None:
            raise ValueError("rank_by='net' needs taxes: see offercheck.aftertax.with_taxes")
        return float(e.taxes.net_total)
    if rank_by == "real":
        if e.real is None:
            raise ValueError("rank_by='real' needs real terms: see offercheck.realterms.in_real_terms")
        return -math.inf if e.real.total is None else float(e.real.total)
    return e.total


def evaluate(offer: Offer, *, years: int = DEFAULT_YEARS, currency: str | None = None,
             rates: RateTable | None = None) -> Evaluation:
    """Pay by year for one offer, converted to ``currency`` (default: the offer's own)."""
    if years < 1:
        raise ValueError("years must be at least 1")
    target = offer.currency if currency is None else normalise_code(currency)  # blank: an unknown code
    factor = (rates or load_rates()).rate(offer.currency, target)
    return Evaluation(offer, target, tuple(y.scaled(factor) for y in pay_by_year(offer, years)), fx=factor)


def compare(offers: Sequence[Offer], *, years: int = DEFAULT_YEARS, currency: str | None = None,
            rates: RateTable | None = None, pm: pluggy.PluginManager | None = None,
            benchmarks: Any = None, current: Offer | None = None) -> Comparison:
    """Evaluate every offer in one display currency (default: the first offer's).

    With a plugin manager, each offer is also scored against the market: ``benchmarks`` (default: the built-in
    tables plus any that plugins register) adjusted by every factor plugin. ``current``, the job held now (see
    ``offercheck.loading.load_current``), is evaluated and scored the same way and kept apart as the baseline.
    """
    if not offers:
        raise ValueError("compare needs at least one offer")
    rates = rates or load_rates()
    # Codes are trimmed capitals in every output, however --currency or a caller gave them.
    target = offers[0].currency if currency is None else normalise_code(currency)
    jobs = (*offers, current) if current is not None else tuple(offers)
    evaluations = tuple(evaluate(o, years=years, currency=target, rates=rates) for o in jobs)
    if pm is not None:
        from .market import market_for
        from .scoring import score

        market = benchmarks if benchmarks is not None else market_for(pm)
        evaluations = tuple(replace(e, market=score(e, pm, market, rates)) for e in evaluations)
    if current is not None:
        return Comparison(target, rates, years, evaluations[:-1], current=evaluations[-1])
    return Comparison(target, rates, years, evaluations)
