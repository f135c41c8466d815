"""``match_base``: the year-1 base at which an offer's total equals another's, solved exactly (DESIGN section 4).

Everything that moves with base moves: each year's base (raises follow the year-1 base), a percent bonus, the
ESPP gain, linear in base up to the 423(b)(8) limit and flat above it (``pay.comp.espp_terms``), and the
retirement match, linear in base up to the 402(g) limit of the deferral and flat above it
(``pay.comp.match_terms``). So a horizon total is piecewise linear in the year-1 base, with up to two kinks a year
where the ESPP gain or the match reaches its cap: the solution is found on its segment, exactly.

What does not move with base (a fixed bonus, sign-on, equity, health and other benefits) is read from
``Evaluation.years`` as the difference between each year's total and its base-linked pay, so the line passes
through the evaluated total at the offered base by construction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from offercheck.pay.comp import espp_terms, match_terms

if TYPE_CHECKING:
    from offercheck.results import Evaluation

__all__ = ["BaseLine", "base_line", "match_base"]


@dataclass(frozen=True)
class YearLine:
    """One year's total as a function of the year-1 base ``b``:
    fixed + slope x b + min(match x b, cap) + min(espp x b, espp_cap)."""

    fixed: float  # what does not move with base
    slope: float  # base and percent bonus per unit of year-1 base
    match: float  # the retirement match per unit of year-1 base
    cap: float | None  # the match's cap (402(g)), in the display currency; None: no cap
    espp: float = 0.0  # the ESPP gain per unit of year-1 base
    espp_cap: float | None = None  # the gain's cap (423(b)(8)), in the display currency; None: no cap

    def at(self, b: float) -> float:
        return self.fixed + self.slope * b + _capped(self.match * b, self.cap) + _capped(self.espp * b, self.espp_cap)

    @property
    def kink(self) -> float | None:
        """The year-1 base from which the match stops growing (None: it never does)."""
        return _kink(self.match, self.cap)

    @property
    def kinks(self) -> tuple[float, ...]:
        """Every year-1 base where a part stops growing: the match's and the ESPP gain's."""
        return tuple(k for k in (self.kink, _kink(self.espp, self.espp_cap)) if k is not None)

    @property
    def final_slope(self) -> float:
        """The slope past every kink."""
        return self.slope + (self.match if self.cap is None else 0.0) + (self.espp if self.espp_cap is None else 0.0)


def _capped(amount: float, cap: float | None) -> float:
    return amount if cap is None else min(amount, cap)


def _kink(rate: float, cap: float | None) -> float | None:
    return None if cap is None or rate <= 0 else cap / rate


@dataclass(frozen=True)
class BaseLine:
    """An offer's yearly totals as functions of its year-1 base."""

    base: float  # the offered year-1 base
    years: tuple[YearLine, ...]

    def total(self, b: float, years: int | None = None) -> float:
        """The total over the first ``years`` years (default: the horizon) at year-1 base ``b``."""
        return sum(y.at(b) for y in self.years[:years])

    def solve(self, target: float, years: int | None = None) -> float | None:
        """The year-1 base at which the total over ``years`` equals ``target``, at or above the offered base;
        None when the offered base already reaches it (or the total does not grow with base)."""
        lines = self.years[:years]
        lo = self.base
        if self.total(lo, years) >= target:
            return None
        kinks = sorted({k for y in lines for k in y.kinks if k > lo})
        for hi in kinks:  # linear between two kinks: the solution is on the first segment that reaches it
            if self.total(hi, years) >= target:
                return _on_segment(self, lo, hi, target, years)
            lo = hi
        slope = sum(y.final_slope for y in lines)  # past every kink
        return None if slope <= 0 else lo + (target - self.total(lo, years)) / slope


def _on_segment(line: BaseLine, lo: float, hi: float, target: float, years: int | None) -> float:
    f_lo, f_hi = line.total(lo, years), line.total(hi, years)
    return lo + (target - f_lo) * (hi - lo) / (f_hi - f_lo)


def base_line(e: Evaluation) -> BaseLine:
    """``e``'s yearly totals as functions of its year-1 base (display currency)."""
    first = e.years[0].base
    percent_bonus = e.offer.bonus.target_percent is not None
    percent, cap = match_terms(e.offer)
    espp_rate, espp_cap = espp_terms(e.offer)
    out = []
    for y in e.years:
        growth = y.base / first  # raises: year y's base per unit of year-1 base
        bonus = y.bonus if percent_bonus else 0.0
        slope = growth + bonus / first  # a percent bonus is a share of that base
        match = growth * percent / 100
        limit = None if cap is None else cap * e.fx
        espp_limit = None if espp_cap is None else espp_cap * e.fx
        out.append(YearLine(y.total - (y.base + bonus + y.espp + y.retirement_match), slope, match, limit,
                            growth * espp_rate, espp_limit))
    return BaseLine(first, tuple(out))


def match_base(e: Evaluation, other: Evaluation) -> tuple[float | None, float | None]:
    """The year-1 base at which ``e``'s year-1 total, and its total over the horizon (so its average), equal
    ``other``'s. None where the other offer pays no more: no base needs matching."""
    line = base_line(e)
    return line.solve(other.year1, 1), line.solve(other.total)
