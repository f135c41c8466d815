"""Score an offer against the market: benchmark x factor adjustments -> expected distribution -> percentiles."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from offercheck.errors import PluginError
from offercheck.market.adjustments import Adjustment
from offercheck.market.evidence import bound_weak, resolve_overlaps
from offercheck.plugins import call_hook

if TYPE_CHECKING:
    import pluggy

    from offercheck.market.anchoring import AnchorProvider
    from offercheck.market.benchmarks import Benchmark, Quantiles
    from offercheck.offer.models import Offer
    from offercheck.pay.comp import YearPay
    from offercheck.pay.currency import RateTable

QUANTILES: tuple[tuple[int, str], ...] = ((10, "p10"), (25, "p25"), (50, "p50"), (75, "p75"), (90, "p90"))


@dataclass(frozen=True)
class Percentile:
    """Where a value falls in a distribution; ``bound`` says the value lies beyond the outermost quantile."""

    value: float  # 0-100, clamped to the outermost known quantile
    bound: str | None = None  # "above" | "below" | None

    def __str__(self) -> str:
        if self.bound:
            return f"{self.bound} p{self.value:g}"
        return f"p{self.value:.0f}"


def percentile_of(x: float, q: Quantiles) -> Percentile:
    """Percentile of ``x``, interpolating linearly between the known quantiles."""
    points = [(p, getattr(q, name)) for p, name in QUANTILES if getattr(q, name) is not None]
    lo_p, lo_v = points[0]
    hi_p, hi_v = points[-1]
    if x < lo_v:
        return Percentile(lo_p, "below")
    if x > hi_v:
        return Percentile(hi_p, "above")
    for (p0, v0), (p1, v1) in itertools.pairwise(points):
        if v0 <= x <= v1:
            if v1 == v0:
                return Percentile(float(p0))
            return Percentile(p0 + (p1 - p0) * (x - v0) / (v1 - v0))
    return Percentile(float(hi_p))  # unreachable for sorted quantiles; keeps mypy content


def value_at(p: float, q: Quantiles) -> float:
    """The inverse of :func:`percentile_of`: the pay at percentile ``p`` (clamped to the known range)."""
    points = [(pp, getattr(q, name)) for pp, name in QUANTILES if getattr(q, name) is not None]
    if p <= points[0][0]:
        return float(points[0][1])
    for (p0, v0), (p1, v1) in itertools.pairwise(points):
        if p <= p1:
            return float(v0 + (v1 - v0) * (p - p0) / (p1 - p0))
    return float(points[-1][1])


@dataclass(frozen=True)
class AppliedAdjustment:
    plugin: str
    adjustment: Adjustment


@dataclass(frozen=True)
class MarketPosition:
    """An offer's market benchmark after every factor, and its percentiles, in the display currency.

    ``basis`` is "total" when the benchmark measured total pay including equity, else "cash" (base plus the
    bonus norm): the score is the percentile of the offer's average pay on that basis.
    """

    benchmark: Benchmark
    adjustments: tuple[AppliedAdjustment, ...]
    fx: float  # benchmark currency -> display currency
    base: Percentile  # year-1 base
    cash: Percentile  # average base + bonus over the horizon
    total: Percentile | None  # average total pay, only against a total benchmark

    @property
    def multiplier(self) -> float:
        return math.prod(a.adjustment.multiplier for a in self.adjustments)

    @property
    def expected_base(self) -> Quantiles:
        return self.benchmark.base.scaled(self.multiplier * self.fx)

    @property
    def expected_cash(self) -> Quantiles:
        return self.benchmark.cash.scaled(self.multiplier * self.fx)

    @property
    def expected_total(self) -> Quantiles | None:
        t = self.benchmark.total
        return None if t is None else t.scaled(self.multiplier * self.fx)

    @property
    def basis(self) -> str:
        return "cash" if self.total is None else "total"

    @property
    def expected_basis(self) -> Quantiles:
        """The distribution the score is taken in: total where the benchmark has one, else cash."""
        return self.expected_cash if self.expected_total is None else self.expected_total

    @property
    def scored(self) -> Percentile:
        return self.cash if self.total is None else self.total

    @property
    def overall(self) -> float:
        """The score, 0-100: the percentile of the average pay on the basis."""
        return self.scored.value


def collect_adjustments(pm: pluggy.PluginManager, offer: Offer, benchmark: Benchmark) -> tuple[AppliedAdjustment, ...]:
    """Call every factor; check what each returns so a bad plugin is named, not a crash. Weak evidence is
    bounded and overlapping factors are applied once (``market.evidence``)."""
    out = []
    for plugin, result in call_hook(pm, "offercheck_adjust", offer=offer, benchmark=benchmark):
        if not isinstance(result, Adjustment):
            raise PluginError(plugin, "offercheck_adjust",
                              f"returned {type(result).__name__}, expected an Adjustment or None")
        # model_construct() can bypass validation: check again what scoring relies on.
        if not (math.isfinite(result.multiplier) and result.multiplier > 0):
            raise PluginError(plugin, "offercheck_adjust",
                              f"multiplier must be a positive finite number, got {result.multiplier!r}")
        out.append(AppliedAdjustment(plugin, bound_weak(result)))
    resolved = resolve_overlaps([a.adjustment for a in out])
    return tuple(AppliedAdjustment(a.plugin, r) for a, r in zip(out, resolved, strict=True))


def market_position(years: Sequence[YearPay], benchmark: Benchmark, adjustments: Sequence[AppliedAdjustment],
                    fx: float) -> MarketPosition:
    """Percentiles of the offer's year-1 base, average cash and (against a total benchmark) average total.

    ``years`` are in the display currency; ``fx`` converts the benchmark's currency to it.
    """
    mult = math.prod(a.adjustment.multiplier for a in adjustments) * fx
    total = benchmark.total
    return MarketPosition(
        benchmark=benchmark,
        adjustments=tuple(adjustments),
        fx=fx,
        base=percentile_of(years[0].base, benchmark.base.scaled(mult)),
        cash=percentile_of(sum(y.base + y.bonus for y in years) / len(years), benchmark.cash.scaled(mult)),
        total=None if total is None else percentile_of(sum(y.total for y in years) / len(years), total.scaled(mult)),
    )


def score(offer: Offer, years: Sequence[YearPay], currency: str, pm: pluggy.PluginManager, benchmarks: Any,
          rates: RateTable, anchor: AnchorProvider | None = None) -> MarketPosition:
    """Look up the offer's benchmark, apply every factor plugin, and place ``years`` (in ``currency``) in it.

    ``anchor`` (e.g. the BLS anchor for US offers) gives the base benchmark where it has one; otherwise the
    benchmark file's cell for the offer's role, experience, country and city is used.
    """
    loc = offer.location
    benchmark = anchor(offer, benchmarks) if anchor is not None else None
    if benchmark is None:
        benchmark = benchmarks.lookup(role=offer.offer.role, years_experience=offer.candidate.years_experience,
                                      country=loc.country, city=loc.city)
    fx = rates.rate(benchmark.currency, currency)
    return market_position(years, benchmark, collect_adjustments(pm, offer, benchmark), fx)
