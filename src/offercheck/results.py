"""The result types of a comparison: each offer's pay in the display currency, horizon totals, the ranking.

Built only by ``offercheck.api``, which chains every step and stores each room's per-offer result here; the
renderers read these and compute nothing of their own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from offercheck.offer.models import Offer
from offercheck.pay.comp import YearPay
from offercheck.pay.currency import RateTable

if TYPE_CHECKING:
    import datetime as dt

    from offercheck.market.position import MarketPosition
    from offercheck.pay.current import Forfeited, VsCurrent
    from offercheck.pay.equity_offer import EquityReport
    from offercheck.pay.leave_early import LeaveEarly
    from offercheck.real.price_levels import PriceLevel
    from offercheck.real.real_terms import RealTerms
    from offercheck.tax.types import AfterTax


DEFAULT_YEARS = 4


@dataclass(frozen=True)
class Evaluation:
    """One offer's pay over the horizon, in the display currency, and (once scored) its market position."""

    offer: Offer
    currency: str
    years: tuple[YearPay, ...]
    # The same years in the offer's own currency: computed once, converted once (``years`` = these times ``fx``).
    # Taxes start from these, in the offer's jurisdiction.
    native_years: tuple[YearPay, ...]
    fx: float = 1.0  # offer currency -> display currency, for amounts outside ``years``
    # The steps the api chains, each one room's result for this offer (None when not asked for):
    market: MarketPosition | None = None  # offercheck.market.scoring.score
    no_market: str | None = None  # why there is no market position: "no market data for PL" (market.no_market.NoMarket)
    taxes: AfterTax | None = None  # offercheck.tax.aftertax.offer_taxes (after_tax)
    tax_note: str | None = None  # after_tax, but no regime covers the offer: why it is not estimated (taxes None)
    real: RealTerms | None = None  # offercheck.real.real_terms.real_terms (real)
    leave_early: LeaveEarly | None = None  # offercheck.pay.leave_early.leave_early (leave_after)
    vs_current: VsCurrent | None = None  # an offer minus staying (current), offercheck.pay.current
    forfeited: Forfeited | None = None  # the current job's only: what leaving it costs (its [leaving] table)
    equity_view: str = "paper"  # how private equity counts in ``years`` (DESIGN.md section 5)
    equity: EquityReport | None = None  # for a private grant
    exercise_cost: float = 0.0  # strike x shares of an option grant, public or private, in the display currency
    pay_notes: tuple[str, ...] = ()  # how a part of the pay was counted (the ESPP limit), said with the pay

    @property
    def label(self) -> str:
        return self.offer.label

    @property
    def after_tax(self) -> bool:
        """Taxes were asked for: estimated (``taxes``) or not estimated (``tax_note``)."""
        return self.taxes is not None or self.tax_note is not None

    @property
    def total(self) -> float:
        return sum(y.total for y in self.years)

    @property
    def annual_average(self) -> float:
        return self.total / len(self.years)

    @property
    def year1(self) -> float:
        return self.years[0].total

    @property
    def cash_average(self) -> float:
        """Average cash pay per year: base + bonus."""
        return sum(y.base + y.bonus for y in self.years) / len(self.years)

    @property
    def scored_average(self) -> float:
        """The pay the score places: average total pay against a total benchmark, else the year-1 base."""
        return self.annual_average if self.market is not None and self.market.basis == "total" else self.years[0].base

    def component_total(self, name: str) -> float:
        """Sum of one YearPay component (``base``, ``bonus``, ...) over the horizon."""
        return float(sum(getattr(y, name) for y in self.years))


@dataclass(frozen=True)
class Comparison:
    """Every offer evaluated in one currency over one horizon, each with the steps asked for (``api.compare``)."""

    currency: str
    rates: RateTable
    horizon_years: int
    evaluations: tuple[Evaluation, ...]
    rank_by: str = "total"  # one of RANK_BY
    # With real terms: the price level real pay is expressed at.
    home: PriceLevel | None = None
    # The current job (compare --current, see offercheck.pay.current): the baseline, evaluated like an offer,
    # not ranked.
    current: Evaluation | None = None
    # The date the comparison is made for (default: today); benchmarks are aged to it (issue 23).
    as_of: dt.date | None = None
    # Why every private grant is valued at paper though the risk view was asked for (pay.equity_view); None: it is not.
    equity_note: str | None = None

    @property
    def rates_date(self) -> dt.date:
        return self.rates.date

    @property
    def after_tax(self) -> bool:
        """Taxes were asked for (``api.compare(..., after_tax=True)``), whether or not each offer could be taxed."""
        return any(e.after_tax for e in (*self.evaluations, *(() if self.current is None else (self.current,))))

    @property
    def untaxed(self) -> tuple[Evaluation, ...]:
        """The offers (and the current job) taxes were asked for but no regime covers."""
        return tuple(e for e in (*self.evaluations, *(() if self.current is None else (self.current,)))
                     if e.tax_note is not None)

    @property
    def ranked(self) -> tuple[Evaluation, ...]:
        """Best first by horizon total (or net or real pay, per ``rank_by``).

        Ties, and offers with no real value when ranking by real pay or no net pay (not taxed) when ranking by net
        pay, go by horizon total, then input order.
        """
        return tuple(sorted(self.evaluations, key=lambda e: (-rank_value(e, self.rank_by), -e.total)))


RANK_BY: tuple[str, ...] = ("total", "net", "real")


def rank_value(e: Evaluation, rank_by: str) -> float:
    """The horizon amount ``rank_by`` ranks on; an offer with no real value (no PPP) or no net pay (no tax regime)
    ranks last."""
    if rank_by == "net":
        if e.taxes is None:
            if e.tax_note is not None:
                return -math.inf
            raise ValueError("rank_by='net' needs taxes: api.compare(..., after_tax=True)")
        return float(e.taxes.net_total)
    if rank_by == "real":
        if e.real is None:
            raise ValueError("rank_by='real' needs real terms: api.compare(..., real=True)")
        return -math.inf if e.real.total is None else float(e.real.total)
    return e.total
