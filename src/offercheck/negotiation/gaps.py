"""Competing offers versus the one negotiated: the gap in each component and the base that would match.

Pure functions of evaluations: every amount is read from ``Evaluation.years`` (display currency), none recomputed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from offercheck.negotiation.matching import match_base

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
    # This offer's year-1 base at which its year-1 total, or its average total, equals the other's (None: the
    # other pays no more), everything that moves with base moving (``negotiate.matching``).
    match_base_year1: float | None
    match_base_average: float | None
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
