"""An offer's market position: the adjusted benchmark and where the offer's pay falls in it (pure types).

Kept apart from ``scoring`` (which calls the factor plugins) so the result types can name it without importing
the plugin machinery.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from offercheck.market.adjustments import Adjustment
from offercheck.market.quantiles import NAMES, PERCENTILES

if TYPE_CHECKING:
    from offercheck.market.benchmarks import Benchmark, Quantiles

QUANTILES: tuple[tuple[int, str], ...] = tuple(zip(PERCENTILES, NAMES, strict=True))


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
    """Percentile of ``x``, interpolating linearly between the known quantiles.

    A value equal to several quantiles (a tied block, e.g. p25 = p50 = 120,000 when many responses share one
    figure) is at the block's middle percentile (p37.5): the data cannot place it anywhere in the block, and its
    lowest percentile would understate it as much as its highest would overstate it.
    """
    points = [(p, getattr(q, name)) for p, name in QUANTILES if getattr(q, name) is not None]
    lo_p, lo_v = points[0]
    hi_p, hi_v = points[-1]
    if x < lo_v:
        return Percentile(lo_p, "below")
    if x > hi_v:
        return Percentile(hi_p, "above")
    tied = [p for p, v in points if v == x]  # consecutive: the quantiles are sorted
    if tied:
        return Percentile((tied[0] + tied[-1]) / 2)
    for (p0, v0), (p1, v1) in itertools.pairwise(points):
        if v0 < x < v1:
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

    ``basis`` is "total" when the benchmark measured total pay including equity, else "base": the score is the
    percentile of the offer's average total pay against the total benchmark, else of its year-1 base against the
    base benchmark (DESIGN section 3). The cash line (average base + bonus against base x (1 + the bonus norm)) is
    shown beside it, never as the score: a norm applied to every employer would mark down those that pay no bonus.
    """

    benchmark: Benchmark
    adjustments: tuple[AppliedAdjustment, ...]
    fx: float  # benchmark currency -> display currency
    base: Percentile | None  # year-1 base; None against a total-only benchmark (no base measured)
    cash: Percentile | None  # average base + bonus over the horizon; None likewise
    total: Percentile | None  # average total pay, only against a total benchmark

    @property
    def multiplier(self) -> float:
        return math.prod(a.adjustment.multiplier for a in self.adjustments)

    def _expected(self, q: Quantiles | None) -> Quantiles | None:
        return None if q is None else q.scaled(self.multiplier * self.fx)

    @property
    def expected_base(self) -> Quantiles | None:
        return self._expected(self.benchmark.base)

    @property
    def expected_cash(self) -> Quantiles | None:
        return self._expected(self.benchmark.cash)

    @property
    def expected_total(self) -> Quantiles | None:
        return self._expected(self.benchmark.total)

    @property
    def basis(self) -> str:
        return "base" if self.total is None else "total"

    @property
    def expected_basis(self) -> Quantiles:
        """The distribution the score is taken in: total where the benchmark has one, else base."""
        q = self.expected_base if self.expected_total is None else self.expected_total
        assert q is not None  # a Benchmark has base or total
        return q

    @property
    def scored(self) -> Percentile:
        p = self.base if self.total is None else self.total
        assert p is not None  # as expected_basis
        return p

    @property
    def overall(self) -> float:
        """The score, 0-100: the percentile of the offer's pay on the basis."""
        return self.scored.value
