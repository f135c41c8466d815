"""Stay or go: the current job as the baseline every offer is measured against.

The current job uses the offer-file format, describing what staying pays from today (salary, bonus, the
remaining vesting of existing grants, refreshers), plus a ``[leaving]`` table with what leaving costs. It is read
by ``loading.load_current``, evaluated and scored like an offer (``compare(..., current=job)``) and kept apart:
it is the baseline, not ranked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from offercheck.results import Comparison, Evaluation

__all__ = ["FORFEITED_PARTS", "Forfeited", "VsCurrent", "forfeited", "including_current", "versus_current"]

# The money parts of [leaving], in the order they are shown.
FORFEITED_PARTS: tuple[tuple[str, str], ...] = (
    ("unvested_equity", "unvested equity"),
    ("unpaid_bonus", "unpaid bonus"),
    ("clawback_owed", "clawback to repay"),
)


@dataclass(frozen=True)
class VsCurrent:
    """An offer minus staying, per year and over the horizon, in the display currency."""

    years: tuple[float, ...]
    total: float
    nets: tuple[float, ...] | None = None  # net pay minus net pay, when both carry taxes (--after-tax)

    @property
    def net_total(self) -> float | None:
        return None if self.nets is None else sum(self.nets)


@dataclass(frozen=True)
class Forfeited:
    """What leaving the current job costs, in the display currency: the amount of a buyout to ask for."""

    unvested_equity: float
    unpaid_bonus: float
    clawback_owed: float
    notice_weeks: float

    @property
    def total(self) -> float:
        return self.unvested_equity + self.unpaid_bonus + self.clawback_owed


def forfeited(stay: Evaluation) -> Forfeited | None:
    """What leaving costs, converted to the display currency; None without a ``[leaving]`` table."""
    leaving = stay.offer.leaving
    if leaving is None:
        return None
    fx = stay.fx
    return Forfeited(leaving.unvested_equity * fx, leaving.unpaid_bonus * fx, leaving.clawback_owed * fx,
                     leaving.notice_weeks)


def versus_current(e: Evaluation, stay: Evaluation) -> VsCurrent:
    """Year-by-year difference of total pay between an offer and staying (positive: the offer pays more).

    With taxes on both (``offercheck.tax.aftertax.with_taxes``), the difference of net pay too.
    """
    diffs = tuple(a.total - b.total for a, b in zip(e.years, stay.years, strict=True))
    nets = None
    if e.taxes is not None and stay.taxes is not None:
        nets = tuple(a - b for a, b in zip(e.taxes.nets, stay.taxes.nets, strict=True))
    return VsCurrent(diffs, sum(diffs), nets)


def including_current(c: Comparison, step: Callable[[Comparison], Comparison]) -> Comparison:
    """Apply a step that maps over ``c.evaluations`` (``with_taxes``, ``in_real_terms``) to the current job too.

    The current job goes last, so a step that defaults to the first offer (the home place of real terms) is
    unchanged by it.
    """
    if c.current is None:
        return step(c)
    done = step(replace(c, evaluations=(*c.evaluations, c.current), current=None))
    return replace(done, evaluations=done.evaluations[:-1], current=done.evaluations[-1])
