"""Stay or go: the current job as the baseline every offer is measured against.

The current job uses the offer-file format, describing what staying pays from today (salary, bonus, the
remaining vesting of existing grants, refreshers), plus a ``[leaving]`` table with what leaving costs. It is read
by ``loading.load_current``, evaluated and scored like an offer (``api.compare(..., current=job)``) and kept
apart: it is the baseline, not ranked. Per offer, ``versus_current`` is that offer minus staying; ``forfeited``
is what leaving the current job costs. The api computes both once and stores them in the results.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from offercheck.offer.models import Offer
    from offercheck.pay.comp import YearPay

__all__ = ["FORFEITED_PARTS", "Forfeited", "VsCurrent", "forfeited", "versus_current"]

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
    take_homes: tuple[float, ...] | None = None  # take-home cash minus take-home cash, likewise

    @property
    def net_total(self) -> float | None:
        return None if self.nets is None else sum(self.nets)

    @property
    def take_home_total(self) -> float | None:
        return None if self.take_homes is None else sum(self.take_homes)


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


def forfeited(stay: Offer, fx: float = 1.0) -> Forfeited | None:
    """What leaving the job ``stay`` costs, times ``fx`` (its currency -> the display one); None without a
    ``[leaving]`` table."""
    leaving = stay.leaving
    if leaving is None:
        return None
    return Forfeited(leaving.unvested_equity * fx, leaving.unpaid_bonus * fx, leaving.clawback_owed * fx,
                     leaving.notice_weeks)


def versus_current(years: Sequence[YearPay], stay: Sequence[YearPay], nets: Sequence[float] | None = None,
                   stay_nets: Sequence[float] | None = None, take_homes: Sequence[float] | None = None,
                   stay_take_homes: Sequence[float] | None = None) -> VsCurrent:
    """Year-by-year difference of total pay between an offer's ``years`` and staying's (positive: the offer pays
    more), both in one currency; with the net pay (and take-home cash) of both (``--after-tax``), the difference
    of those too."""
    diffs = tuple(a.total - b.total for a, b in zip(years, stay, strict=True))
    return VsCurrent(diffs, sum(diffs), _minus(nets, stay_nets), _minus(take_homes, stay_take_homes))


def _minus(a: Sequence[float] | None, b: Sequence[float] | None) -> tuple[float, ...] | None:
    if a is None or b is None:
        return None
    return tuple(x - y for x, y in zip(a, b, strict=True))
