"""Survey half of the market tables: jointly estimated premia, the experience curves and the country cells (used by
build_market.py and bench/calibration.py).

Rows follow `offercheck benchmarks build`: exact duplicate rows dropped, full-time (FT) only, work_year >= 2023,
ai-jobs levels EN/MI/SE/EX read as experience bands 0-2/3-5/6-9/10+, titles mapped by roles.normalise_role
(rows whose title maps to no role are left out: they belong to no occupation). Pay is ``salary`` in
``salary_currency``, the local currency: a row whose currency is not its residence country's is left out and
counted by country (in the 2025-01-19 snapshot 91% of the Canadian rows are reported in USD, and the USD rows of
CA, DE and GB residents have medians 1.35-2.1x the local-currency rows': another population, not a conversion).

Premia model: ordinary least squares of log(salary) on indicators of experience band, role, company size
and work mode, all at once, so that e.g. the large-company premium is net of large companies hiring more senior
people. Scopes:

* ``US``: US residents only; the US premia move a BLS anchor, which describes US workers.
* a country with MIN_ROWS_SCOPE usable rows or more (GB in this snapshot): its own rows.
* ``non-US``: every other country's rows, with country fixed effects (which also absorb each country's
  currency: every row is in its country's own).

Standard errors are heteroskedasticity-robust (HC1 sandwich): pay spread differs a lot between levels.
A premium is expressed relative to the population the anchor describes: exp(beta_level - sum_k w_k beta_k),
w_k being the share of the fitting rows at level k, so the rows-weighted average multiplier is about 1 (the
anchor already averages over all levels). Roles are the exception: each role is relative to the core role of
its occupation in the anchor's classification (software engineer for SOC 15-1252 and SOC 2020 2134, data
scientist for 15-2051, NOC 21211 and KldB 43104, ...: the first of CORE_ORDER mapped to the occupation), because
the survey's role mix is nothing like the occupation's and the core role is what the occupation mainly measures.

What applies where (``scope_table``), for the US and each country with an official anchor or its own rows:
experience and role from the country's own fit where it has n >= MIN_N_PREMIUM (experience: at least three bands),
else from the non-US pool; company size and work mode ONLY from the country's own rows (DESIGN section 3: "n >= 100
in that country's scope"), never from the pool, whose size mix (97% ai-jobs "M") says nothing of one country's.
A premium applies where n >= MIN_N_PREMIUM and its 95% interval excludes 1, else x1.000 and says why.

Experience curve: the band premia as knots at the band centres CENTRES (years; 10+ is open-ended: its centre is
taken at 13, the middle of 10-16), log-linear between knots, flat before the first and after the last; only bands
with n >= MIN_N_PREMIUM are knots. Knots are made monotone (a running maximum) and one year never raises the
multiplier by more than MAX_STEP (a steeper segment is capped, and the curve says so).
"""

from __future__ import annotations

import csv
import itertools
import math
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from offercheck.market.survey.cells import SHRINK_K, cells_from_groups
from offercheck.market.survey.fields import LOCAL_CURRENCY, local_currency
from offercheck.offer.roles import AIJOBS_LEVELS, EXPERIENCE_BANDS, normalise_role

MIN_YEAR = 2023
MIN_N_PREMIUM = 100  # DESIGN section 3: fewer rows than this and a premium applies x1.000
MIN_N_CELL = 30  # a country cell with fewer rows is shrunk toward a broader one
MIN_ROWS_SCOPE = 300  # a country's own premia are fitted from this many usable rows (GB: 905; CA: 121; DE: 85)
ANCHORED = ("GB", "CA", "DE")  # countries with an official anchor (market/official): premia relative to it
CENTRES = {"0-2": 1.5, "3-5": 4.5, "6-9": 8.0, "10+": 13.0}  # years: the middle of [0,3), [3,6), [6,10), 10-16
MAX_STEP = 1.08  # DESIGN section 3: one more year raises p50 by at most 8%
MIN_KNOTS = 3  # a country's own experience curve needs this many bands with n >= MIN_N_PREMIUM
Z95 = 1.959963984540054
SIZES = {"S": "startup", "M": "sme", "L": "large"}
MODES = {"0": "onsite", "50": "hybrid", "100": "remote"}
FACTORS = ("experience", "role", "company_size", "remote")
POOL = "non-US"
OTHER_CURRENCY = "other_currency_by_country"
ROLES_TOML = Path(__file__).resolve().parents[1] / "src/offercheck/data/market/official/roles.toml"

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
# The core role of an occupation in any classification: the first of these mapped to it (for SOC 2018 exactly
# CORE_ROLE).
CORE_ORDER = tuple(dict.fromkeys([*CORE_ROLE.values(), *ROLE_SOC]))


@dataclass(frozen=True)
class Row:
    pay: float  # salary in the local currency of ``country``
    band: str
    role: str
    soc: str
    size: str
    mode: str
    country: str
    year: int


def read_rows(path: Path) -> tuple[list[Row], dict[str, Any]]:
    """Usable survey rows and a count of what was dropped (``other_currency_by_country``: rows in another
    currency than their country's, by country), in file order (duplicates after their first)."""
    counts: Counter[str] = Counter()
    other: Counter[str] = Counter()
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
        row = _row(rec, idx, counts, other)
        if row is not None:
            rows.append(row)
    counts["used"] = len(rows)
    return rows, {**counts, OTHER_CURRENCY: dict(sorted(other.items()))}


def _row(rec: Sequence[str], idx: dict[str, int], counts: Counter[str], other: Counter[str]) -> Row | None:
    if rec[idx["employment_type"]] != "FT":
        counts["not full-time"] += 1
        return None
    year = int(rec[idx["work_year"]])
    if year < MIN_YEAR:
        counts[f"work_year before {MIN_YEAR}"] += 1
        return None
    role = normalise_role(rec[idx["job_title"]])
    pay = float(rec[idx["salary"]])
    band = AIJOBS_LEVELS.get(rec[idx["experience_level"]])
    size, mode = SIZES.get(rec[idx["company_size"]]), MODES.get(rec[idx["remote_ratio"]])
    country = rec[idx["employee_residence"]]
    if role is None:
        counts["title maps to no role"] += 1
        return None
    if band is None or size is None or mode is None or not pay > 0:
        counts["unreadable level, size, mode or pay"] += 1
        return None
    if rec[idx["salary_currency"]] != local_currency(country):
        counts[LOCAL_CURRENCY] += 1
        other[country] += 1
        return None
    return Row(pay, band, role, ROLE_SOC[role], size, mode, country, year)


def split(rows: Sequence[Row], seed: int, train_share: float = 0.8) -> tuple[list[Row], list[Row]]:
    """A reproducible random split (fit on the first part, test on the second)."""
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    cut = round(len(rows) * train_share)
    return [rows[i] for i in order[:cut]], [rows[i] for i in order[cut:]]


# --- the fit --------------------------------------------------------------------------------------------

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


@dataclass(frozen=True)
class Fit:
    """One OLS fit of log pay: what premia of any classification's roles are computed from."""

    label: str  # "US rows", "GB rows", "the non-US pool (73 countries, country fixed effects)"
    rows: int
    countries: int
    residual_sd: float
    beta: np.ndarray
    cov: np.ndarray
    columns: dict[tuple[str, str], int]
    levels: dict[str, list[str]]
    counts: dict[str, Counter[str]]


def fit(rows: Sequence[Row], label: str, *, country_effects: bool) -> Fit:
    levels = _levels(rows)
    countries = sorted({r.country for r in rows}) if country_effects else []
    x, columns = _design(rows, levels, countries)
    beta, cov, resid = ols_hc1(x, np.log([r.pay for r in rows]))
    counts = {factor: Counter(_value(r, factor) for r in rows) for factor in levels}
    return Fit(label, len(rows), len(countries) or 1, round(float(np.std(resid, ddof=x.shape[1])), 4), beta, cov,
               columns, levels, counts)


def scope_rows(rows: Sequence[Row], scope: str) -> list[Row]:
    """The rows a scope is fitted on: "US", "non-US" (every other country) or one country's code."""
    if scope == POOL:
        return [r for r in rows if r.country != "US"]
    return [r for r in rows if r.country == scope]


def pool_fit(rows: Sequence[Row]) -> Fit:
    pool = scope_rows(rows, POOL)
    n = len({r.country for r in pool})
    return fit(pool, f"the non-US pool ({len(pool):,} rows, {n} countries, country fixed effects)",
               country_effects=True)


def own_fit(rows: Sequence[Row], country: str) -> Fit | None:
    """The country's own fit, or None below MIN_ROWS_SCOPE usable rows (always for the US)."""
    own = scope_rows(rows, country)
    if country != "US" and len(own) < MIN_ROWS_SCOPE:
        return None
    return fit(own, f"{country} rows ({len(own):,})", country_effects=False)


def _contrast(f: Fit, factor: str, level: str, core: str | None) -> np.ndarray:
    """Weights c so that c @ beta is the log premium of ``level`` against its reference: the role ``core``, or
    (other factors) the fit's rows-weighted mix of levels."""
    c = np.zeros(len(f.beta))
    cols = f.columns
    if (factor, level) in cols:
        c[cols[(factor, level)]] += 1.0
    if factor == "role":
        if (factor, core) in cols:
            c[cols[(factor, str(core))]] -= 1.0
        return c
    values, counts = f.levels[factor], f.counts[factor]
    total = sum(counts[v] for v in values)
    for v in values:
        if (factor, v) in cols:
            c[cols[(factor, v)]] -= counts[v] / total
    return c


def _entry(f: Fit, c: np.ndarray, n: int) -> dict[str, Any]:
    log_est = float(c @ f.beta)
    se = math.sqrt(max(float(c @ f.cov @ c), 0.0))
    est, lo, hi = math.exp(log_est), math.exp(log_est - Z95 * se), math.exp(log_est + Z95 * se)
    if n < MIN_N_PREMIUM:
        applied, note = 1.0, f"x1.000: only {n} rows (< {MIN_N_PREMIUM})"
    elif lo <= 1.0 <= hi:
        applied, note = 1.0, f"x1.000: the 95% interval {lo:.3f}-{hi:.3f} includes 1"
    else:
        applied, note = est, f"x{est:.3f} (95% interval {lo:.3f}-{hi:.3f}, n={n})"
    return {"estimate": round(est, 4), "ci_low": round(lo, 4), "ci_high": round(hi, 4), "n": n,
            "applied": round(applied, 4), "note": note, "fitted_on": f.label}


def factor_table(f: Fit, factor: str, occupations: Mapping[str, str] | None = None) -> dict[str, dict[str, Any]]:
    """Every level of ``factor`` in fit ``f``; roles against the core role of their occupation in
    ``occupations`` (role -> occupation code; default the US SOC map)."""
    occupations = occupations or ROLE_SOC
    out: dict[str, dict[str, Any]] = {}
    for level in f.levels[factor]:
        n = f.counts[factor][level]
        if factor != "role":
            out[level] = _entry(f, _contrast(f, factor, level, None), n)
            continue
        if level not in occupations:
            continue
        occupation = occupations[level]
        core = core_role(level, occupations)
        if core == level:
            out[level] = {"estimate": 1.0, "ci_low": 1.0, "ci_high": 1.0, "n": n, "applied": 1.0,
                          "note": f"x1.000: the reference role of {occupation} (by definition)", "fitted_on": f.label,
                          "versus": core}
        elif f.counts[factor][core] == 0:
            out[level] = {"estimate": 1.0, "ci_low": 1.0, "ci_high": 1.0, "n": n, "applied": 1.0,
                          "note": f"x1.000: no {core} rows, the reference role of {occupation}", "fitted_on": f.label,
                          "versus": core}
        else:
            out[level] = {**_entry(f, _contrast(f, factor, level, core), n), "versus": core}
    return out


def core_role(role: str, occupations: Mapping[str, str]) -> str:
    """The core role of ``role``'s occupation: the first of CORE_ORDER mapped to the same occupation."""
    return next(r for r in CORE_ORDER if occupations.get(r) == occupations[role])


def fit_premia(rows: Sequence[Row], scope: str) -> dict[str, Any]:
    """The premia of one fit ("US", "non-US" or a country's own rows), roles against the US SOC map's cores.

    What the factors apply is :func:`scope_table`'s; this is the raw fit (also for bench/calibration.py)."""
    f = pool_fit(rows) if scope == POOL else own_fit(rows, scope) or fit(scope_rows(rows, scope), scope,
                                                                           country_effects=False)
    return {"rows": f.rows, "countries": f.countries, "residual_sd": f.residual_sd, "fitted_on": f.label,
            "factors": {factor: factor_table(f, factor) for factor in FACTORS}}


# --- what applies where -----------------------------------------------------------------------------------

def occupation_maps() -> dict[str, dict[str, str]]:
    """Role key -> occupation code, per country with an anchor: US SOC 2018 and the official maps."""
    raw = tomllib.loads(ROLES_TOML.read_text(encoding="utf-8"))
    maps = {"US": dict(ROLE_SOC)}
    for country, table in raw["meta"]["classifications"].items():
        maps[country] = {role: m["code"] for role, m in raw[table].items()}
    return maps


def _not_here(entry: dict[str, Any], country: str, own_rows: int) -> dict[str, Any]:
    why = (f"x1.000: not measured on {country}'s own rows ({own_rows} usable, own premia from {MIN_ROWS_SCOPE}); "
           f"the pooled non-US x{entry['estimate']:.3f} is not applied to one country (company size and work mode "
           "only from that country's own rows)")
    return {**entry, "applied": 1.0, "note": why}


def scope_table(rows: Sequence[Row], country: str, pool: Fit, occupations: Mapping[str, str]) -> dict[str, Any]:
    """What applies to benchmarks of ``country`` (module docstring), with each level's ``fitted_on``."""
    own = own_fit(rows, country)
    own_rows = len(scope_rows(rows, country))
    factors: dict[str, dict[str, dict[str, Any]]] = {}
    pooled = {factor: factor_table(pool, factor, occupations) for factor in FACTORS}
    mine = {factor: factor_table(own, factor, occupations) for factor in FACTORS} if own else {}
    # Experience: one fit for the whole curve, the country's own where it gives MIN_KNOTS knots.
    exp_own = mine.get("experience", {})
    knots_own = sum(1 for e in exp_own.values() if e["n"] >= MIN_N_PREMIUM)
    factors["experience"] = exp_own if knots_own >= MIN_KNOTS else pooled["experience"]
    # Role: the country's own where the role and its core both have MIN_N_PREMIUM rows there.
    roles: dict[str, dict[str, Any]] = {}
    for role in sorted(set(pooled["role"]) | set(mine.get("role", {}))):
        e = mine.get("role", {}).get(role)
        core = e and e.get("versus")
        if e is not None and e["n"] >= MIN_N_PREMIUM and own is not None and \
                own.counts["role"][core or role] >= MIN_N_PREMIUM:
            roles[role] = e
        elif role in pooled["role"]:
            roles[role] = pooled["role"][role]
    factors["role"] = roles
    for factor in ("company_size", "remote"):
        factors[factor] = mine[factor] if own else {k: _not_here(e, country, own_rows)
                                                    for k, e in pooled[factor].items()}
    used = own if own is not None and factors["experience"] is exp_own else pool
    return {"rows": own_rows, "fitted_on": own.label if own else pool.label,
            "residual_sd": used.residual_sd, "factors": factors,
            "experience_curve": experience_curve(factors["experience"])}


def pool_table(rows: Sequence[Row], pool: Fit) -> dict[str, Any]:
    """What applies to a survey-only country's benchmark: the pool's experience curve and roles; company size and
    work mode are not applied (not measured on that country's own rows)."""
    factors = {factor: factor_table(pool, factor) for factor in FACTORS}
    for factor in ("company_size", "remote"):
        factors[factor] = {k: {**e, "applied": 1.0, "note": (
            f"x1.000: the pooled non-US x{e['estimate']:.3f} is not applied to one country (company size and work "
            f"mode only from that country's own rows, none has {MIN_ROWS_SCOPE})")} for k, e in factors[factor].items()}
    return {"rows": pool.rows, "countries": pool.countries, "fitted_on": pool.label,
            "residual_sd": pool.residual_sd, "factors": factors,
            "experience_curve": experience_curve(factors["experience"])}


def experience_curve(bands: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Knots (years, multiplier) from the band premia, monotone and at most MAX_STEP a year (module docstring)."""
    knots: list[list[float]] = []
    notes: list[str] = []
    for band in EXPERIENCE_BANDS:
        e = bands.get(band)
        if e is None or e["n"] < MIN_N_PREMIUM:
            rows = "no rows" if e is None else f"only {e['n']} rows"
            notes.append(f"{band}: {rows} (< {MIN_N_PREMIUM}), no knot")
            continue
        x, m = CENTRES[band], float(e["estimate"])
        if knots and m < knots[-1][1]:
            notes.append(f"{band}: x{m:.4f} below the previous knot; held at x{knots[-1][1]:.4f} (monotone)")
            m = knots[-1][1]
        if knots and m > knots[-1][1] * MAX_STEP ** (x - knots[-1][0]):
            capped = knots[-1][1] * MAX_STEP ** (x - knots[-1][0])
            notes.append(f"{band}: x{m:.4f} would rise more than {MAX_STEP - 1:.0%} a year; capped at x{capped:.4f}")
            m = capped
        knots.append([x, round(m, 4)])
    steps = [math.exp(math.log(b[1] / a[1]) / (b[0] - a[0])) for a, b in itertools.pairwise(knots)]
    return {"knots": knots, "centres": CENTRES, "max_step": MAX_STEP,
            "steepest_year": round(max(steps, default=1.0), 4), "notes": notes,
            "method": "log-linear between the knots (band premia at the band centres), flat before the first and "
                      "after the last knot; only bands with n >= 100 are knots"}


def premia_tables(rows: Sequence[Row]) -> dict[str, dict[str, Any]]:
    """Every scope premia.json holds: the US, each anchored country and each country with its own rows, and the
    non-US pool (for survey-only countries)."""
    pool = pool_fit(rows)
    maps = occupation_maps()
    by_country = Counter(r.country for r in rows)
    own = [c for c, n in sorted(by_country.items()) if c != "US" and n >= MIN_ROWS_SCOPE]
    scopes = {"US": scope_table(rows, "US", pool, maps["US"])}
    for country in dict.fromkeys([*ANCHORED, *own]):
        scopes[country] = scope_table(rows, country, pool, maps.get(country, ROLE_SOC))
    scopes[POOL] = pool_table(rows, pool)
    return scopes


# --- country cells --------------------------------------------------------------------------------------

def country_cells(rows: Sequence[Row], min_sample: int = MIN_N_CELL) -> dict[str, dict[str, dict[str, Any]]]:
    """{country: {"SOC|band": cell}} for every non-US country with ``min_sample`` rows, in its local currency.

    Built by the rule of ``offercheck benchmarks build`` (market.survey.cells, occupations in place of roles): a
    cell with fewer than ``min_sample`` rows is shrunk toward its country's all-occupations cell at its band
    (else over all bands), scaled by the occupation's and band's pay ratios, with weight n / (n + SHRINK_K) on
    its own rows. A country with fewer than ``min_sample`` rows has no cells.
    """
    groups: dict[tuple[str | None, str | None, str | None, str | None], list[float]] = defaultdict(list)
    for r in rows:
        groups[(r.soc, r.band, r.country, None)].append(r.pay)
    socs = sorted({r.soc for r in rows})
    out: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for c in cells_from_groups(groups, None, min_sample=min_sample, roles=socs, all_countries=False):
        if c.country == "US" or c.role is None or c.experience is None or c.base is None:
            continue
        borrowed = None if c.borrowed is None else {"cell": c.borrowed[0], "n": c.borrowed[1]}
        out[c.country][f"{c.role}|{c.experience}"] = {
            **{k: round(v) for k, v in c.base.items()}, "n": c.n, "currency": local_currency(c.country),
            "borrowed_from": borrowed, "note": c.fallback, "shrink_k": SHRINK_K}
    return dict(sorted(out.items()))
