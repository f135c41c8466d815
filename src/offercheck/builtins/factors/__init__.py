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
from offercheck.market.estimates import premium, scope_of

# What each survey premium is relative to (the joint fit, scripts/market_survey.py).
VERSUS = {
    "experience": "all experience levels together (what the anchor describes), same role, size and work mode",
    "role": "the core role of the same occupation",
    "company_size": "all company sizes together, same experience, role and work mode",
    "remote": "all work modes together, same experience, role and company size",
}

__all__ = ["already_in_benchmark", "cite", "neutral", "seed_multiplier", "survey_multiplier", "table"]


def table(name: str) -> Mapping[str, Any]:
    from offercheck.market.benchmark_files import load_factor_tables

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


def survey_multiplier(factor: str, key: str, label: str, benchmark: Any) -> Adjustment:
    """The survey premium for ``key`` (strong evidence), x1.000 when its n or interval does not support it.

    Each benchmark takes the premia of its country's scope (``market.premia.scope_of``): the US's, an anchored
    country's (its own rows where they suffice, else the non-US pool; company size and work mode only from its
    own rows) or the non-US pool's.
    """
    scope = scope_of(benchmark.country)
    est = premium(factor, key, scope)
    if est is None:
        return neutral(factor, f"no {scope} survey premium for {label} {key!r}; x1.000")
    if est.interval == (1.0, 1.0):  # the reference level itself
        return neutral(factor, f"{label} {key}: {est.neutral}; x1.000", est.source)
    versus = f"{est.versus} (the core role of its occupation)" if factor == "role" and est.versus else VERSUS[factor]
    reason = f"{label} {key} pays x{est.estimated:.3f} vs {versus}"
    if est.n is not None:
        reason += f", n={est.n}"
    if est.interval is not None:
        reason += f", 95% interval x{est.interval[0]:.3f}-x{est.interval[1]:.3f}"
    if est.fitted_on:
        reason += f"; fitted on {est.fitted_on}"
    if est.neutral:
        reason += f"; not applied (x1.000): {est.neutral}"
    return Adjustment(factor=factor, multiplier=est.applied, reason=reason, source=est.source, n=est.n,
                      interval=est.interval)


def cite(t: Mapping[str, Any]) -> str:
    """A factor table's source, shortened to its name, and year, as printed next to every adjustment."""
    name = str(t["source"]).split(" (")[0].split(", extract")[0]
    if name.startswith("seeds/"):
        name = f"seed article {name.removeprefix('seeds/')[:3]}"
    if str(t.get("verification", "")).startswith("not checked"):
        name += " (unverified extract)"
    return f"{name}, {t['year']}"


def seed_multiplier(factor: str, t: Mapping[str, Any], key: str, label: str, versus: str,
                    reference: str | None = None) -> Adjustment:
    """A seed article's ratio for ``key`` (over ``reference``'s, when given): weak evidence (the scoring bounds it
    to +-5%)."""
    multipliers: Mapping[str, float] = t["multiplier"]
    if key not in multipliers:
        return neutral(factor, f"no figure for {label} {key!r}; known: {', '.join(sorted(multipliers))}", cite(t),
                       evidence="weak")
    m = float(multipliers[key]) / (float(multipliers[reference]) if reference is not None and reference in multipliers
                                   else 1.0)
    return Adjustment(factor=factor, multiplier=m, reason=f"{label} {key} pays x{m:.3f} vs {versus}",
                      source=cite(t), evidence="weak")
