"""Competing offers versus the one negotiated: the gap in each component and the base that would match.

Pure functions of evaluations: every amount is read from ``Evaluation.years`` (display currency), none recomputed.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from offercheck.results import Evaluation

COMPONENT_NAMES = {"base": "base", "bonus": "bonus", "sign_on": "sign-on", "equity": "equity",
                   "benefits": "benefits"}


@dataclass(frozen=True)
class Gap:
    """A competing offer versus this one: positive gaps mean the other pays more."""

    label: str
    company: str
    year1_gap: float
    average_gap: float
    match_base_year1: float | None  # this offer's base that equals the other's year-1 total (None: it pays less)
    match_base_average: float | None  # ... that equals the other's average total over the horizon
    component: str  # the component paying most of the difference over the horizon
    component_gap: float  # that component's difference over the horizon
    # With --after-tax: the same gaps in estimated net pay (each offer taxed in its own jurisdiction).
    year1_net_gap: float | None = None
    average_net_gap: float | None = None

    @property
    def better(self) -> bool:
        """Whether the other offer beats this one, in year 1 or on average: only such offers are cited."""
        return self.year1_gap > 0 or self.average_gap > 0


def percent_bonus(e: Evaluation) -> bool:
    """Whether the bonus moves with base (a target percent) rather than being a fixed amount."""
    return e.offer.bonus.target_percent is not None


def base_slopes(e: Evaluation) -> list[float]:
    """How much each year's base-linked pay (base, and a percent bonus) rises per unit of year-1 base.

    Read from the evaluated years: base in year y is base_1 x (1 + raise)^(y-1), a percent bonus a share of it.
    Retirement match and ESPP are left out: capped by legal limits, they are not linear in base.
    """
    b = e.years[0].base
    return [(y.base + (y.bonus if percent_bonus(e) else 0.0)) / b for y in e.years]


def match_base(e: Evaluation, other: Evaluation) -> tuple[float | None, float | None]:
    """The year-1 base at which ``e``'s year-1 total, and its average total, equal ``other``'s.

    None where the other offer pays less: no base needs matching.
    """
    slopes = base_slopes(e)
    base = e.years[0].base
    year1 = base + (other.year1 - e.year1) / slopes[0] if other.year1 > e.year1 else None
    average = (base + (other.annual_average - e.annual_average) / fmean(slopes)
               if other.annual_average > e.annual_average else None)
    return year1, average


def gap_to(e: Evaluation, other: Evaluation) -> Gap:
    diffs = {name: other.component_total(name) - e.component_total(name) for name in COMPONENT_NAMES}
    year1, average = match_base(e, other)
    component = max(diffs, key=lambda k: diffs[k])
    net1 = net_avg = None
    if e.taxes is not None and other.taxes is not None:
        net1 = other.taxes.nets[0] - e.taxes.nets[0]
        net_avg = (other.taxes.net_total - e.taxes.net_total) / len(e.years)
    return Gap(other.label, other.offer.offer.company, other.year1 - e.year1, other.annual_average - e.annual_average,
               year1, average, component, diffs[component], net1, net_avg)


def same_market(e: Evaluation, other: Evaluation) -> bool:
    """Whether two offers share a country, so that PTO and benefits norms compare."""
    return e.offer.location.country == other.offer.location.country
