"""The bonus ask, or the question of bonus eligibility (DESIGN.md section 4, issue 25).

A bonus is asked for only with a reason a person can give: a better competing offer in hand that has a bonus
(a target percent or an amount), or a *measured* bonus norm for the offer's country and kind of company. The
benchmark's norm today (15% of base, the midpoint of one article's "10-20%") measured nothing, so it counts only
where the benchmark data marks its norm as measured (``bonus_norm_measured``; no shipped file does yet). An
offer whose file says nothing of a bonus gets a question instead: is the role eligible for one?
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from offercheck.market.position import MarketPosition
    from offercheck.negotiation.gaps import Gap
    from offercheck.results import Evaluation

__all__ = ["BONUS_NORM_KINDS", "BonusAsk", "BonusReason", "ask_bonus", "bonus_unstated", "company_kind",
           "competing_bonus", "measured_norm"]

# A norm describes the companies its source measured; the benchmark's note speaks of "top tech companies". So a
# norm is asked for only at a large company (size = "large", or public when the size is not given).
BONUS_NORM_KINDS = ("large",)


@dataclass(frozen=True)
class BonusReason:
    """A bonus a reason supports, as a percent of base, cited: a competing offer's or a measured market norm."""

    percent: float
    source: str
    competitor: Gap | None = None  # the better offer in hand whose bonus it is; None: a measured market norm


@dataclass(frozen=True)
class BonusAsk:
    percent: float
    now_percent: float  # 0 with no bonus; a fixed bonus as a percent of the offered base
    reason: BonusReason


def company_kind(e: Evaluation) -> str | None:
    c = e.offer.company
    if c.size is not None:
        return c.size
    return "large" if c.public else None


def measured_norm(e: Evaluation, market: MarketPosition | None) -> BonusReason | None:
    """The bonus norm of the offer's market (``market``: the position that applies to its country, or None),
    when the benchmark marks it measured and the company is of a kind the norm describes."""
    if market is None or company_kind(e) not in BONUS_NORM_KINDS:
        return None
    b = market.benchmark
    # A benchmark says its norm was measured with ``bonus_norm_measured = True``; the field is the market room's
    # to add (a norm without it, like the seed article's, is not evidence for an ask).
    if b.bonus_norm is None or getattr(b, "bonus_norm_measured", False) is not True:
        return None
    return BonusReason(100 * b.bonus_norm, b.bonus_source or b.source_title)


def competing_bonus(better: Sequence[tuple[Gap, Evaluation]]) -> BonusReason | None:
    """The largest bonus, as a percent of its base, among the better offers in hand: its target percent, or a
    fixed bonus as whole percent of its year-1 base (rounded down: never more than it pays)."""
    best: BonusReason | None = None
    for g, o in better:
        y = o.years[0]
        given = o.offer.bonus.target_percent
        percent = given if given is not None else math.floor(100 * y.bonus / y.base + 1e-9)
        if y.bonus > 0 and percent > 0 and (best is None or percent > best.percent):
            best = BonusReason(float(percent), f"{g.label} offer file", g)
    return best


def ask_bonus(e: Evaluation, market: MarketPosition | None,
              better: Sequence[tuple[Gap, Evaluation]]) -> BonusAsk | None:
    """The larger of a better offer's bonus and a measured norm, where the offer's bonus is below it."""
    now = 100 * e.years[0].bonus / e.years[0].base
    reasons = [r for r in (competing_bonus(better), measured_norm(e, market)) if r is not None]
    reason = max(reasons, key=lambda r: r.percent, default=None)
    if reason is None or now >= reason.percent - 1e-9:
        return None
    return BonusAsk(reason.percent, now, reason)


def bonus_unstated(e: Evaluation) -> bool:
    """Whether the offer file says nothing of a bonus (neither a target percent nor an amount, not even 0)."""
    return e.offer.bonus.target_percent is None and e.offer.bonus.amount is None
