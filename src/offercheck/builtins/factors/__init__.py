"""Built-in factor plugins: each module adjusts the market benchmark for one aspect of an offer.

Each is registered under its own name exactly like a third-party plugin (``--without NAME`` removes it; a
plugin installed under the same name replaces it). Survey-backed factors read their premia through
``market.estimates.premium``; seed-backed ones (education, certification, industry) read ``data/factors.toml``
and are weak evidence, bounded by the scoring (``market.evidence``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offercheck.market.adjustments import Adjustment
from offercheck.market.estimates import cite, premium

__all__ = ["already_in_benchmark", "cite", "neutral", "seed_multiplier", "survey_multiplier", "table"]


def table(name: str) -> Mapping[str, Any]:
    from offercheck.market.benchmarks import load_factor_tables

    t: Mapping[str, Any] = load_factor_tables()[name]
    return t


def neutral(factor: str, reason: str, source: str = "", *, evidence: str = "strong") -> Adjustment:
    """A multiplier of 1: the factor looked and explains why it changes nothing."""
    return Adjustment.model_validate({"factor": factor, "multiplier": 1.0, "reason": reason, "source": source,
                                      "evidence": evidence})


def already_in_benchmark(factor: str, benchmark: Any, dimension: str, value: object) -> Adjustment | None:
    """Neutral when the benchmark cell is already specific to ``dimension`` (no double counting)."""
    if dimension in benchmark.keyed_by:
        return neutral(factor, f"the benchmark cell is already for {value}; not applied twice")
    return None


def survey_multiplier(factor: str, key: str, label: str, versus: str) -> Adjustment:
    """The survey premium for ``key`` (strong evidence), x1.000 when its n or interval does not support it."""
    est = premium(factor, key)
    if est is None:
        known = ", ".join(sorted(table(factor)["multiplier"]))
        return neutral(factor, f"no figure for {label} {key!r}; known: {known}", cite(table(factor)))
    reason = f"{label} {key} pays x{est.estimated:.3f} vs {versus}"
    if est.n is not None:
        reason += f", n={est.n}"
    if est.neutral:
        reason += f"; not applied (x1.000): {est.neutral}"
    return Adjustment(factor=factor, multiplier=est.applied, reason=reason, source=est.source, n=est.n,
                      interval=est.interval)


def seed_multiplier(factor: str, t: Mapping[str, Any], key: str, label: str, versus: str) -> Adjustment:
    """A seed article's ratio for ``key``: weak evidence (the scoring bounds it to +-5%)."""
    multipliers: Mapping[str, float] = t["multiplier"]
    if key not in multipliers:
        return neutral(factor, f"no figure for {label} {key!r}; known: {', '.join(sorted(multipliers))}", cite(t),
                       evidence="weak")
    m = float(multipliers[key])
    return Adjustment(factor=factor, multiplier=m, reason=f"{label} {key} pays x{m:.3f} vs {versus}",
                      source=cite(t), evidence="weak")
