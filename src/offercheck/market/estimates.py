"""Survey premia as factor plugins use them: :func:`premium` reads the jointly estimated table.

Survey-based factors (experience, role, company size, work mode) ask ``premium(factor, level, scope)`` for the
multiplier to apply, its n and 95% interval. The table (``market.premia``, fitted by scripts/build_market.py)
already applies the rule of DESIGN section 3 (x1.000 when the interval includes 1 or n < 100) and says why.
"""

from __future__ import annotations

from dataclasses import dataclass

from offercheck.market import premia

__all__ = ["Estimate", "premium", "scope_of"]


@dataclass(frozen=True)
class Estimate:
    """A premium as estimated and as applied (x1.000 when the evidence does not support it, ``neutral`` says why)."""

    estimated: float
    applied: float
    n: int | None
    interval: tuple[float, float] | None
    source: str
    neutral: str | None = None


def scope_of(country: str | None) -> str:
    """Which premia move a benchmark: the US ones (relative to a BLS anchor) or the non-US fit."""
    return "US" if country == "US" else "non-US"


def premium(factor: str, level: str, scope: str = "US") -> Estimate | None:
    """The premium for ``level`` of ``factor`` (e.g. "company_size", "large"), or None when the table has none."""
    try:
        p = premia.premium(factor, level, scope)
    except KeyError:
        return None
    why = None if p.applied else p.reason.split(": ", 1)[-1].removeprefix("x1.000: ")
    return Estimate(p.estimate, p.multiplier, p.n, (p.ci_low, p.ci_high), p.source, why)
