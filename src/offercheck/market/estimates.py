"""Premia estimated from the survey, read through one function: :func:`premium`.

Survey-based factors (experience, role, company size, work mode) ask ``premium(factor, level)`` for the
multiplier to apply, its n and 95% interval. A premium whose interval includes 1, or whose n is under MIN_N,
applies x1.000 and says so. Today the figures come from ``data/factors.toml`` (ratios of medians, n, no
interval); the jointly estimated table (``market/premia.py``, built by scripts/) plugs in by replacing
:func:`_lookup` with a call to it: any object with the attributes of :class:`PremiumLike` converts as is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

__all__ = ["MIN_N", "Estimate", "PremiumLike", "cite", "estimate_from", "premium"]

MIN_N = 100


class PremiumLike(Protocol):
    """What a premia table gives per (factor, level): the estimate, its n and 95% interval, and its source."""

    @property
    def multiplier(self) -> float: ...
    @property
    def n(self) -> int | None: ...
    @property
    def interval(self) -> tuple[float, float] | None: ...
    @property
    def source(self) -> str: ...


@dataclass(frozen=True)
class Estimate:
    """A premium as estimated and as applied (x1.000 when the evidence does not support it, ``neutral`` says why)."""

    estimated: float
    applied: float
    n: int | None
    interval: tuple[float, float] | None
    source: str
    neutral: str | None = None


def estimate_from(p: PremiumLike) -> Estimate:
    """Apply the rule: neutral when n < MIN_N or the 95% interval includes 1."""
    why = None
    if p.n is not None and p.n < MIN_N:
        why = f"n={p.n} < {MIN_N}"
    elif p.interval is not None and p.interval[0] <= 1.0 <= p.interval[1]:
        why = f"95% interval x{p.interval[0]:.3f}-x{p.interval[1]:.3f} includes x1"
    return Estimate(p.multiplier, 1.0 if why else p.multiplier, p.n, p.interval, p.source, why)


@dataclass(frozen=True)
class _TablePremium:
    multiplier: float
    n: int | None
    interval: tuple[float, float] | None
    source: str


def _lookup(factor: str, level: str) -> PremiumLike | None:
    """The premia table's entry. The lead's wiring: ``return offercheck.market.premia.premium(factor, level)``."""
    from offercheck.market.benchmarks import load_factor_tables

    t: Mapping[str, Any] = load_factor_tables()[factor]
    if level not in t["multiplier"]:
        return None
    n = t.get("n", {}).get(level)
    return _TablePremium(float(t["multiplier"][level]), None if n is None else int(n), None, cite(t))


def cite(t: Mapping[str, Any]) -> str:
    """A factor table's source, shortened to its name, and year, as printed next to every adjustment."""
    name = str(t["source"]).split(" (")[0].split(", extract")[0]
    if name.startswith("seeds/"):
        name = f"seed article {name.removeprefix('seeds/')[:3]}"
    if str(t.get("verification", "")).startswith("not checked"):
        name += " (unverified extract)"
    return f"{name}, {t['year']}"


def premium(factor: str, level: str) -> Estimate | None:
    """The premium for ``level`` of ``factor`` (e.g. "company_size", "large"), or None when the table has none."""
    p = _lookup(factor, level)
    return None if p is None else estimate_from(p)
