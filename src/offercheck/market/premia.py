"""Jointly estimated pay premia (experience, role, company size, work mode) and the non-US country cells.

Both tables are fitted when the data files are built (scripts/build_market.py, method in market_survey.py);
this module only reads ``data/market/premia.json`` and ``data/market/country_cells.json`` (loaded on first
use and kept). A premium is relative to the population its anchor describes, with its 95% interval and n; one
whose interval includes 1 or whose n is under the table's ``min_n`` applies x1.000 and says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from offercheck.datafiles import packaged_json
from offercheck.offer.roles import normalise_role

__all__ = ["CountryCell", "Premium", "country_cell", "premium", "residual_sd"]

FACTORS = ("experience", "role", "company_size", "remote")
SCOPES = ("US", "non-US")


@dataclass(frozen=True)
class Premium:
    """One factor level's multiplier, the estimate behind it and why it is (or is not) applied."""

    factor: str
    level: str
    scope: str
    multiplier: float  # what is applied: the estimate, or 1.0 when the evidence is not enough
    estimate: float
    ci_low: float
    ci_high: float
    n: int
    evidence: str  # "strong": a joint fit with n and interval, never a seed article's averages
    applied: bool
    reason: str
    source: str


@dataclass(frozen=True)
class CountryCell:
    """Survey quantiles of base pay (USD) for one country, occupation and experience band."""

    country: str
    soc: str
    band: str
    p10: int
    p25: int
    p50: int
    p75: int
    p90: int
    n: int  # rows behind the quantiles (the broader cell's when borrowed)
    own_n: int  # rows in this very cell
    borrowed_from: str | None
    note: str | None
    source: str
    reference_period: str

    def quantiles(self) -> dict[str, int]:
        return {"p10": self.p10, "p25": self.p25, "p50": self.p50, "p75": self.p75, "p90": self.p90}


def _load(name: str) -> dict[str, Any]:
    return packaged_json(f"market/{name}.json")  # shared with the other market modules


def _source(table: dict[str, Any]) -> str:
    s = table["source"]
    # Short enough for a table column; the file's name and sha256 stay in premia.json and docs/market.md.
    snapshot = re.search(r"\d{4}-\d{2}-\d{2}", s["file"])
    return f"{s['publisher']}" + (f" {snapshot.group()}" if snapshot else "") + f", {s['reference_period']}"


def _role_key(role: str) -> str | None:
    key = role.strip().lower()
    roles: dict[str, str] = _load("bls_anchor")["roles"]
    return key if key in roles else normalise_role(role)


def premium(factor: str, level: str, scope: str = "US") -> Premium:
    """The premium of ``level`` of ``factor`` (levels: experience bands "0-2".."10+", role keys or titles,
    company size "startup"/"sme"/"large", work mode "onsite"/"hybrid"/"remote").

    ``scope`` "US" (premia that move a BLS anchor) or "non-US" (fitted with country fixed effects).
    Raises KeyError for an unknown factor or level, ValueError for an unknown scope.
    """
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {SCOPES}, not {scope!r}")
    table = _load("premia")
    levels = table["scopes"][scope]["factors"][factor]
    key = (_role_key(level) or level) if factor == "role" else level
    if key not in levels:
        raise KeyError(f"no {scope} premium for {factor} {level!r}; known: {', '.join(levels)}")
    p = levels[key]
    applied = p["applied"] != 1.0
    return Premium(factor, key, scope, p["applied"], p["estimate"], p["ci_low"], p["ci_high"], p["n"],
                   "strong", applied, f"{factor} {key}: {p['note']}", _source(table))


def residual_sd(scope: str = "US") -> float:
    """Spread (sd of log pay) the premia model leaves unexplained: the within-cell dispersion."""
    value: float = _load("premia")["scopes"][scope]["residual_sd"]
    return value


def country_cell(country: str, role_or_soc: str, band: str) -> CountryCell | None:
    """The survey cell for a non-US ``country`` (ISO code), a role (or SOC code) and experience band, or None.

    A thin cell comes borrowed from a broader one of the same country: ``borrowed_from`` names it and
    ``note`` says why, with the real n of both.
    """
    table = _load("country_cells")
    soc = role_or_soc
    if role_or_soc not in _load("bls_anchor")["occupations"]:
        key = _role_key(role_or_soc)
        if key is None:
            return None
        soc = _load("bls_anchor")["roles"][key]
    cell = table["cells"].get(country.strip().upper(), {}).get(f"{soc}|{band}")
    if cell is None:
        return None
    return CountryCell(country.strip().upper(), soc, band, cell["p10"], cell["p25"], cell["p50"], cell["p75"],
                       cell["p90"], cell["n"], cell["own_n"], cell["borrowed_from"], cell["note"],
                       _source(table), table["source"]["reference_period"])
