"""Built-in factor plugins: each module adjusts the market benchmark for one aspect of an offer.

Each is registered under its own name exactly like a third-party plugin (``--without NAME`` removes it; a
plugin installed under the same name replaces it). Their figures come from ``data/factors.toml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offercheck.market.adjustments import Adjustment


def table(name: str) -> Mapping[str, Any]:
    from offercheck.market.benchmarks import load_factor_tables

    t: Mapping[str, Any] = load_factor_tables()[name]
    return t


def cite(t: Mapping[str, Any]) -> str:
    """The table's source, shortened to its name, and year, as printed next to every adjustment."""
    name = str(t["source"]).split(" (")[0].split(", extract")[0]
    if name.startswith("seeds/"):
        name = f"seed article {name.removeprefix('seeds/')[:3]}"
    if str(t.get("verification", "")).startswith("not checked"):
        name += " (unverified extract)"
    return f"{name}, {t['year']}"


def neutral(factor: str, reason: str, source: str = "") -> Adjustment:
    """A multiplier of 1: the factor looked and explains why it changes nothing."""
    return Adjustment(factor=factor, multiplier=1.0, reason=reason, source=source)


def already_in_benchmark(factor: str, benchmark: Any, dimension: str, value: object) -> Adjustment | None:
    """Neutral when the benchmark cell is already specific to ``dimension`` (no double counting)."""
    if dimension in benchmark.keyed_by:
        return neutral(factor, f"the benchmark cell is already for {value}; not applied twice")
    return None


def keyed_multiplier(factor: str, t: Mapping[str, Any], key: str, label: str, versus: str, *,
                     cap: float | None = None) -> Adjustment:
    """The table's multiplier for ``key``, or a neutral adjustment listing the known keys.

    ``versus`` names what the multiplier is relative to, for the reason a user reads.
    """
    multipliers: Mapping[str, float] = t["multiplier"]
    if key not in multipliers:
        return neutral(factor, f"no figure for {label} {key!r}; known: {', '.join(sorted(multipliers))}", cite(t))
    m = float(multipliers[key])
    reason = f"{label} {key} pays x{m:.3f} vs {versus}"
    n = t.get("n", {}).get(key)
    if n:
        reason += f", n={n}"
    if cap is not None and abs(m - 1) > cap:
        capped = 1 + cap if m > 1 else 1 - cap
        reason += f"; capped at x{capped:.2f} ({CAP_REASON})"
        m = capped
    return Adjustment(factor=factor, multiplier=m, reason=reason, source=cite(t))


# Seed articles compare averages of people who differ in seniority and role as well; within a benchmark cell
# that already fixes role and experience, the full gap would count those twice.
SEED_PREMIUM_CAP = 0.10
CAP_REASON = "the seed's gap also reflects seniority and role"
