"""Survey half of the market tables: jointly estimated premia and non-US country cells (used by build_market.py
and bench/calibration.py).

Rows follow `offercheck benchmarks build`: exact duplicate rows dropped, full-time (FT) only, work_year >= 2023,
ai-jobs levels EN/MI/SE/EX read as experience bands 0-2/3-5/6-9/10+, titles mapped by roles.normalise_role
(rows whose title maps to no role are left out: they belong to no occupation).

Premia model: ordinary least squares of log(salary_in_usd) on indicators of experience band, role, company size
and work mode, all at once, so that e.g. the large-company premium is net of large companies hiring more senior
people. Two scopes:

* ``US``: US residents only. The US premia move a BLS anchor, which describes US workers; fitting on US rows
  alone keeps other countries' pay structure (and the exchange rates inside salary_in_usd) out of them.
  Country fixed effects would impose one set of premia on every country anyway, so nothing is gained.
* ``non-US``: every other country, with country fixed effects (pay levels differ far more between countries
  than within them), for use beside the country cells.

Standard errors are heteroskedasticity-robust (HC1 sandwich): pay spread differs a lot between levels.
A premium is expressed relative to the population the anchor describes: exp(beta_level - sum_k w_k beta_k),
w_k being the share of the fitting rows at level k, so the rows-weighted average multiplier is about 1 (the
anchor already averages over all levels). Roles are the exception: each role is relative to the core role of
its occupation (software engineer for 15-1252, data scientist for 15-2051, ...), because the survey's role
mix is nothing like the occupation's (BLS 15-1252 is mostly general software developers; the survey is mostly
data and ML engineers), and the core role is what the BLS occupation mainly measures.
"""

from __future__ import annotations

import csv
import math
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from offercheck.market.quantiles import quantile
from offercheck.offer.roles import AIJOBS_LEVELS, EXPERIENCE_BANDS, normalise_role

MIN_YEAR = 2023
MIN_N_PREMIUM = 100  # DESIGN section 3: fewer rows than this and a premium applies x1.000
MIN_N_CELL = 30  # a country cell with fewer rows borrows from a broader one
Z95 = 1.959963984540054
SIZES = {"S": "startup", "M": "sme", "L": "large"}
MODES = {"0": "onsite", "50": "hybrid", "100": "remote"}
QUANTILES = (("p10", 0.10), ("p25", 0.25), ("p50", 0.50), ("p75", 0.75), ("p90", 0.90))
FACTORS = ("experience", "role", "company_size", "remote")

# The SOC occupation (BLS anchor) of every role key in roles.py, the core role of each occupation first.
ROLE_SOC: dict[str, str] = {
    "software engineer": "15-1252", "machine learning engineer": "15-1252", "ai engineer": "15-1252",
    "research engineer": "15-1252", "data engineer": "15-1252", "analytics engineer": "15-1252",
    "data scientist": "15-2051", "applied scientist": "15-2051", "data analyst": "15-2051",
    "business intelligence": "15-2051",
    "research scientist": "15-1221",
    "data architect": "15-1243",
    "engineering manager": "11-3021", "data manager": "11-3021", "product manager": "11-3021",
    "solutions architect": "15-1211",
}
CORE_ROLE = {"15-1252": "software engineer", "15-2051": "data scientist", "15-1221": "research scientist",
             "15-1243": "data architect", "11-3021": "engineering manager", "15-1211": "solutions architect"}


@dataclass(frozen=True)
class Row:
    pay: float
    band: str
    role: str
    soc: str
    size: str
    mode: str
    country: str
    year: int


def read_rows(path: Path) -> tuple[list[Row], dict[str, int]]:
    """Usable survey rows and a count of what was dropped, in file order (duplicates after their first)."""
    counts: Counter[str] = Counter()
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        idx = {h: i for i, h in enumerate(header)}
        records = list(reader)
    counts["read"] = len(records)
    distinct = list(dict.fromkeys(map(tuple, records)))
    counts["duplicates"] = len(records) - len(distinct)
    rows = []
    for rec in distinct:
        row = _row(rec, idx, counts)
        if row is not None:
            rows.append(row)
    counts["used"] = len(rows)
    return rows, dict(counts)


def _row(rec: Sequence[str], idx: dict[str, int], counts: Counter[str]) -> Row | None:
    if rec[idx["employment_type"]] != "FT":
        counts["not full-time"] += 1
        return None
    year = int(rec[idx["work_year"]])
    if year < MIN_YEAR:
        counts[f"work_year before {MIN_YEAR}"] += 1
        return None
    role = normalise_role(rec[idx["job_title"]])
    pay = float(rec[idx["salary_in_usd"]])
    band = AIJOBS_LEVELS.get(rec[idx["experience_level"]])
    size, mode = SIZES.get(rec[idx["company_size"]]), MODES.get(rec[idx["remote_ratio"]])
    if role is None:
        counts["title maps to no role"] += 1
        return None
    if band is None or size is None or mode is None or not pay > 0:
        counts["unreadable level, size, mode or pay"] += 1
        return None
    return Row(pay, band, role, ROLE_SOC[role], size, mode, rec[idx["employee_residence"]], year)


def split(rows: Sequence[Row], seed: int, train_share: float = 0.8) -> tuple[list[Row], list[Row]]:
    """A reproducible random split (fit on the first part, test on the second)."""
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    cut = round(len(rows) * train_share)
    return [rows[i] for i in order[:cut]], [rows[i] for i in order[cut:]]


# --- premia ---------------------------------------------------------------------------------------------

def _levels(rows: Sequence[Row]) -> dict[str, list[str]]:
    # Sorted for a reproducible design matrix; a level with no rows gets no column.
    return {
        "experience": [b for b in EXPERIENCE_BANDS if any(r.band == b for r in rows)],
        "role": sorted({r.role for r in rows}),
        "company_size": [s for s in SIZES.values() if any(r.size == s for r in rows)],
        "remote": [m for m in MODES.values() if any(r.mode == m for r in rows)],
    }


def _value(row: Row, factor: str) -> str:
    return {"experience": row.band, "role": row.role, "company_size": row.size, "remote": row.mode}[factor]


def _design(rows: Sequence[Row], levels: dict[str, list[str]], countries: list[str]
            ) -> tuple[np.ndarray, dict[tuple[str, str], int]]:
    """Intercept, then one column per non-reference level (the first level of each factor is the reference)."""
    columns: dict[tuple[str, str], int] = {}
    for factor, values in [*levels.items(), ("country", countries)]:
        for v in values[1:]:
            columns[(factor, v)] = len(columns) + 1
    x = np.zeros((len(rows), len(columns) + 1))
    x[:, 0] = 1.0
    for i, r in enumerate(rows):
        for factor in levels:
            col = columns.get((factor, _value(r, factor)))
            if col is not None:
                x[i, col] = 1.0
        col = columns.get(("country", r.country))
        if col is not None:
            x[i, col] = 1.0
    return x, columns


def ols_hc1(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Coefficients, HC1 robust covariance and residuals of y on x."""
    beta, *_ = np.linalg.lstsq(x, y, rcond=None)
    resid = y - x @ beta
    bread = np.linalg.pinv(x.T @ x)
    meat = (x * resid[:, None] ** 2).T @ x
    n, k = x.shape
    return beta, bread @ meat @ bread * (n / (n - k)), resid


def fit_premia(rows: Sequence[Row], scope: str) -> dict[str, Any]:
    """The premia table of one scope ("US" or "non-US"): see the module docstring."""
    rows = [r for r in rows if (r.country == "US") == (scope == "US")]
    levels = _levels(rows)
    countries = [] if scope == "US" else sorted({r.country for r in rows})
    x, columns = _design(rows, levels, countries)
    y = np.log([r.pay for r in rows])
    beta, cov, resid = ols_hc1(x, y)
    factors: dict[str, dict[str, Any]] = {}
    for factor, values in levels.items():
        counts = Counter(_value(r, factor) for r in rows)
        factors[factor] = {
            v: _premium(_contrast(factor, v, values, counts, columns, len(beta)), beta, cov, counts[v])
            for v in values
        }
        if factor == "role":
            for v in values:
                if CORE_ROLE[ROLE_SOC[v]] == v:
                    factors[factor][v]["note"] = f"x1.000: the reference role of {ROLE_SOC[v]} (by definition)"
    return {"rows": len(rows), "countries": len(countries) or 1,
            "residual_sd": round(float(np.std(resid, ddof=x.shape[1])), 4),
            "factors": factors}


def _contrast(factor: str, level: str, values: list[str], counts: Counter[str],
              columns: dict[tuple[str, str], int], k: int) -> np.ndarray:
    """Weights c so that c @ beta is the log premium of ``level`` against its factor's reference population."""
    c = np.zeros(k)
    if (factor, level) in columns:
        c[columns[(factor, level)]] += 1.0
    if factor == "role":
        core = CORE_ROLE[ROLE_SOC[level]]
        if (factor, core) in columns:
            c[columns[(factor, core)]] -= 1.0
        return c
    total = sum(counts[v] for v in values)
    for v in values:
        if (factor, v) in columns:
            c[columns[(factor, v)]] -= counts[v] / total
    return c


def _premium(c: np.ndarray, beta: np.ndarray, cov: np.ndarray, n: int) -> dict[str, Any]:
    log_est = float(c @ beta)
    se = math.sqrt(max(float(c @ cov @ c), 0.0))
    est, lo, hi = math.exp(log_est), math.exp(log_est - Z95 * se), math.exp(log_est + Z95 * se)
    if n < MIN_N_PREMIUM:
        applied, note = 1.0, f"x1.000: only {n} rows (< {MIN_N_PREMIUM})"
    elif lo <= 1.0 <= hi:
        applied, note = 1.0, f"x1.000: the 95% interval {lo:.3f}-{hi:.3f} includes 1"
    else:
        applied, note = est, f"x{est:.3f} (95% interval {lo:.3f}-{hi:.3f}, n={n})"
    return {"estimate": round(est, 4), "ci_low": round(lo, 4), "ci_high": round(hi, 4), "n": n,
            "applied": round(applied, 4), "note": note}


# --- country cells --------------------------------------------------------------------------------------

def quantiles(values: Iterable[float]) -> dict[str, int]:
    ordered = sorted(values)
    return {name: round(quantile(ordered, p)) for name, p in QUANTILES}


def country_cells(rows: Sequence[Row]) -> dict[str, dict[str, dict[str, Any]]]:
    """{country: {"SOC|band": cell}} for every non-US country, thin cells borrowing as documented below.

    A cell (country, occupation, band) with fewer than MIN_N_CELL rows uses, in order: the same country and
    band over all occupations ("*|band"), then the same country and occupation over all bands ("SOC|*").
    Both keep the country, because pay levels differ far more between countries than between neighbouring
    cells within one. A cell none of whose fallbacks has MIN_N_CELL rows is left out.
    """
    pools: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    for r in rows:
        if r.country == "US":
            continue
        for key in ((r.soc, r.band), ("*", r.band), (r.soc, "*")):
            pools[(r.country, *key)].append(r.pay)
    out: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for (country, soc, band), pay in sorted(pools.items()):
        if soc == "*" or band == "*":
            continue
        cell = _cell(country, soc, band, pay, pools)
        if cell is not None:
            out[country][f"{soc}|{band}"] = cell
    return dict(out)


def _cell(country: str, soc: str, band: str, pay: list[float],
          pools: dict[tuple[str, str, str], list[float]]) -> dict[str, Any] | None:
    if len(pay) >= MIN_N_CELL:
        return {**quantiles(pay), "n": len(pay), "own_n": len(pay), "borrowed_from": None, "note": None}
    for broader, what in (((country, "*", band), f"all occupations at {band}"),
                          ((country, soc, "*"), f"{soc} at all experience levels")):
        wider = pools.get(broader, [])
        if len(wider) >= MIN_N_CELL:
            return {**quantiles(wider), "n": len(wider), "own_n": len(pay),
                    "borrowed_from": f"{broader[0]}|{broader[1]}|{broader[2]}",
                    "note": f"{country} {soc} {band} has {len(pay)} rows (< {MIN_N_CELL}); "
                            f"uses {country} {what} ({len(wider)} rows)"}
    return None
