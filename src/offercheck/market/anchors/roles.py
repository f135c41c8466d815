"""Role key -> the official occupation of each country's classification (data/market/official/roles.toml).

GB: SOC 2020 (ONS ASHE), CA: NOC 2021 (Job Bank), DE: KldB 2010 (BA Entgeltatlas). Each mapping carries a
one-line reason. The US map (SOC 2018) stays in bls_anchor.json.
"""

from __future__ import annotations

from dataclasses import dataclass

from offercheck.market.anchors.tables import data

__all__ = ["CLASSIFICATIONS", "Occupation", "occupation", "occupation_map"]

CLASSIFICATIONS = {"GB": "SOC 2020", "CA": "NOC 2021", "DE": "KldB 2010"}


@dataclass(frozen=True)
class Occupation:
    """The occupation an official table describes a role by."""

    country: str
    classification: str
    code: str
    reason: str


def _table(country: str) -> dict[str, dict[str, str]]:
    keys = data("roles")["meta"]["classifications"]
    if country not in keys:
        raise ValueError(f"no official occupation map for {country!r} (have {', '.join(keys)})")
    table: dict[str, dict[str, str]] = data("roles")[keys[country]]
    return table


def occupation_map(country: str) -> dict[str, Occupation]:
    """Every role key -> its occupation in ``country`` (GB, CA or DE)."""
    return {role: Occupation(country, CLASSIFICATIONS[country], m["code"], m["reason"])
            for role, m in _table(country).items()}


def occupation(country: str, role: str) -> Occupation | None:
    """The occupation for ``role`` (a role key) in ``country``, or None for a role the map does not know."""
    m = _table(country).get(role)
    return None if m is None else Occupation(country, CLASSIFICATIONS[country], m["code"], m["reason"])
