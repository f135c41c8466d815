"""How far a factor's evidence lets it move a benchmark, and which factors must not stack.

A seed article's raw averages (education, certification, industry) compare groups that also differ in seniority,
role and employer: they are labelled weak and bounded to +-5% (WEAK_CAP). Two factors that measure the same
thing apply once: of each overlap group only one adjustment keeps its multiplier, a strong one before a weak
one, then the larger in magnitude; the others become x1.000 and say which factor they yield to. See
docs/market.md for the figures behind these rules.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from offercheck.market.adjustments import Adjustment

__all__ = ["OVERLAPS", "WEAK_CAP", "bound_weak", "resolve_overlaps"]

WEAK_CAP = 0.05

# (factors measuring the same thing, why): of each group at most one applies.
OVERLAPS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("education", "certification"), "both proxy skill and seniority"),
    # The seed's industry averages are of employers that also differ in size (its own size table spans
    # x0.96-x1.28): with a size premium applied, the industry gap would count size twice.
    (("company_size", "industry"), "the seed's industry averages mix in employer size"),
)


def bound_weak(adj: Adjustment) -> Adjustment:
    """A weak-evidence adjustment held within +-WEAK_CAP, and saying it is weak evidence."""
    if adj.evidence != "weak":
        return adj
    m = adj.multiplier
    reason = adj.reason if "weak evidence" in adj.reason else f"{adj.reason} (weak evidence)"
    if abs(m - 1) > WEAK_CAP:
        capped = 1 + WEAK_CAP if m > 1 else 1 - WEAK_CAP
        reason += f"; bounded to x{capped:.3f} (weak evidence moves the benchmark by at most 5%)"
        m = capped
    return adj.model_copy(update={"multiplier": m, "reason": reason})


def resolve_overlaps(adjustments: Sequence[Adjustment]) -> list[Adjustment]:
    """``adjustments`` with every overlap group reduced to one applied multiplier (order kept)."""
    out = list(adjustments)
    for group, why in OVERLAPS:
        members = [i for i, a in enumerate(out) if a.factor in group and a.multiplier != 1.0]
        if len(members) < 2:
            continue
        keep = max(members, key=lambda i: (out[i].evidence == "strong", abs(math.log(out[i].multiplier))))
        for i in members:
            if i != keep:
                a = out[i]
                out[i] = a.model_copy(update={
                    "multiplier": 1.0,
                    "reason": f"{a.reason}; not applied: {out[keep].factor} applies instead ({why})"})
    return out
