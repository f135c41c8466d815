"""Jointly estimated pay premia (experience, role, company size, work mode) and the experience curves; the non-US
country cells, read from the same build, are in :mod:`.country_cells`.

Both tables are fitted when the data files are built (scripts/build_market.py, method in market_survey.py) from
the survey in local currencies; this module only reads ``data/market/premia.json`` and
``data/market/country_cells.json`` (loaded on first use and kept). A premium is relative to the population its
anchor describes, with its 95% interval, n and the rows it was fitted on; one whose interval includes 1, whose n
is under the table's ``min_n``, or (company size, work mode) that was not measured on the country's own rows,
applies x1.000 and says so.

Scopes: "US", each country with an official anchor or enough rows of its own ("GB", "CA", "DE"), and "non-US"
for every other country (:func:`scope_of`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from offercheck.datafiles import packaged_json
from offercheck.offer.roles import experience_band, normalise_role

__all__ = ["ExperienceCurve", "Premium", "experience_band_n", "experience_curve", "premium", "residual_sd", "scope_of",
           "scopes"]

FACTORS = ("experience", "role", "company_size", "remote")
POOL = "non-US"


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
    fitted_on: str = ""  # the rows behind the estimate: "GB rows (905)", "the non-US pool (...)"
    versus: str | None = None  # a role premium's reference: the core role of its occupation


@dataclass(frozen=True)
class ExperienceCurve:
    """Pay by years of experience in one scope: knots (years, multiplier) at the band centres, log-linear between
    them and flat outside, monotone and at most ``max_step`` a year (market_survey.experience_curve)."""

    scope: str
    knots: tuple[tuple[float, float], ...]
    intervals: tuple[tuple[float, float], ...]  # each knot's 95% interval (its band's)
    ns: tuple[int, ...]  # each knot's band n
    bands: tuple[str, ...]  # each knot's band
    max_step: float
    notes: tuple[str, ...]
    fitted_on: str
    source: str

    def _interp(self, years: float, values: tuple[float, ...]) -> float:
        xs = [k[0] for k in self.knots]
        if years <= xs[0]:
            return values[0]
        if years >= xs[-1]:
            return values[-1]
        i = next(i for i in range(1, len(xs)) if years <= xs[i])
        t = (years - xs[i - 1]) / (xs[i] - xs[i - 1])
        return math.exp((1 - t) * math.log(values[i - 1]) + t * math.log(values[i]))

    def multiplier(self, years: float) -> float:
        """The multiplier at ``years`` (>= 0)."""
        return self._interp(years, tuple(k[1] for k in self.knots))

    def interval(self, years: float) -> tuple[float, float]:
        """The 95% interval at ``years``, interpolated like the multiplier between the knots' band intervals."""
        return (self._interp(years, tuple(i[0] for i in self.intervals)),
                self._interp(years, tuple(i[1] for i in self.intervals)))

    def describe(self) -> str:
        """The knots in words: "x0.762 at 1.5y, x0.904 at 4.5y, ..."."""
        return ", ".join(f"x{m:.3f} at {x:g}y" for x, m in self.knots)


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


def scopes() -> tuple[str, ...]:
    """Every scope the premia table has."""
    return tuple(_load("premia")["scopes"])


def scope_of(country: str | None) -> str:
    """The premia that move a benchmark of ``country``: its own scope where the table has one (the US, the
    anchored countries), else the non-US pool."""
    code = (country or "").strip().upper()
    return code if code in _load("premia")["scopes"] and code != POOL else POOL


def _scope(scope: str) -> dict[str, Any]:
    table = _load("premia")["scopes"]
    if scope not in table:
        raise ValueError(f"scope must be one of {tuple(table)}, not {scope!r}")
    found: dict[str, Any] = table[scope]
    return found


def premium(factor: str, level: str, scope: str = "US") -> Premium:
    """The premium of ``level`` of ``factor`` (levels: experience bands "0-2".."10+", role keys or titles,
    company size "startup"/"sme"/"large", work mode "onsite"/"hybrid"/"remote") in ``scope`` (see
    :func:`scope_of`). Raises KeyError for an unknown factor or level, ValueError for an unknown scope.
    """
    levels = _scope(scope)["factors"][factor]
    key = (_role_key(level) or level) if factor == "role" else level
    if key not in levels:
        raise KeyError(f"no {scope} premium for {factor} {level!r}; known: {', '.join(levels)}")
    p = levels[key]
    applied = p["applied"] != 1.0
    return Premium(factor, key, scope, p["applied"], p["estimate"], p["ci_low"], p["ci_high"], p["n"],
                   "strong", applied, f"{factor} {key}: {p['note']}", _source(_load("premia")),
                   p.get("fitted_on", ""), p.get("versus"))


def experience_curve(scope: str = "US") -> ExperienceCurve:
    """The experience curve of ``scope``."""
    s = _scope(scope)
    curve, bands = s["experience_curve"], s["factors"]["experience"]
    by_centre = {float(c): b for b, c in curve["centres"].items()}
    knots = tuple((float(x), float(m)) for x, m in curve["knots"])
    names = tuple(by_centre[x] for x, _ in knots)
    return ExperienceCurve(scope, knots, tuple((bands[b]["ci_low"], bands[b]["ci_high"]) for b in names),
                           tuple(bands[b]["n"] for b in names), names, curve["max_step"], tuple(curve["notes"]),
                           s["fitted_on"], _source(_load("premia")))


def experience_band_n(years: float, scope: str = "US") -> int:
    """The survey rows of the band ``years`` falls in, in the fit behind ``scope``'s curve."""
    n: int = _scope(scope)["factors"]["experience"].get(experience_band(years), {}).get("n", 0)
    return n


def residual_sd(scope: str = "US") -> float:
    """Spread (sd of log pay) the premia model leaves unexplained: the within-cell dispersion."""
    value: float = _scope(scope)["residual_sd"]
    return value
