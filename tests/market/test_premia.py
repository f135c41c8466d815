"""Premia, experience curves and country cells. Recomputed here from the raw survey with csv, numpy.linalg.lstsq on
a design with different reference levels, and statistics.quantiles, not through scripts/market_survey.py."""

from __future__ import annotations

import csv
import json
import math
import statistics
from pathlib import Path
from typing import Any

import pytest

from offercheck.datafiles import packaged
from offercheck.market.country_cells import country_cell
from offercheck.market.premia import experience_curve, premium, residual_sd, scope_of
from offercheck.offer.roles import normalise_role

np = pytest.importorskip("numpy")

BANDS = {"EN": "0-2", "MI": "3-5", "SE": "6-9", "EX": "10+"}
LOCAL = {"US": "USD", "GB": "GBP", "CA": "CAD", "DE": "EUR"}


def _table() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(packaged("market/premia.json").read_text(encoding="utf-8"))
    return data


def test_scopes() -> None:
    # The US, the anchored countries and the non-US pool; a country with its own 300+ rows (GB: 905 in GBP) is
    # fitted on them, CA (121 in CAD) and DE (85 in EUR) on the pool.
    fits = {s: t["fitted_on"] for s, t in _table()["scopes"].items()}
    assert set(fits) == {"US", "GB", "CA", "DE", "non-US"}
    assert fits["US"].startswith("US rows") and fits["GB"].startswith("GB rows")
    assert fits["CA"].startswith("the non-US pool") and fits["DE"] == fits["CA"] == fits["non-US"]
    assert (scope_of("US"), scope_of("gb"), scope_of("FR"), scope_of("PL"), scope_of(None)) == (
        "US", "GB", "non-US", "non-US", "non-US")


def test_neutral_exactly_when_interval_includes_one_or_n_is_small() -> None:
    table = _table()
    for scope, fit in table["scopes"].items():
        for factor, levels in fit["factors"].items():
            for level, p in levels.items():
                got = premium(factor, level, scope)
                not_own = factor in ("company_size", "remote") and p["fitted_on"].startswith("the non-US pool")
                neutral = p["n"] < table["min_n"] or p["ci_low"] <= 1 <= p["ci_high"] or not_own
                assert (got.multiplier == 1.0) == neutral, (scope, factor, level)
                assert got.applied == (not neutral)
                assert got.ci_low <= got.estimate <= got.ci_high
                if neutral:
                    assert "x1.000" in got.reason
                if not_own:  # company size and work mode only from the country's own rows (DESIGN 3)
                    assert "not applied to one country" in got.reason


def test_company_size_is_never_applied_outside_the_us_from_the_pool() -> None:
    # The pooled non-US fit measures large employers at x0.890 (n=110, 95% interval 0.805-0.984): the interval
    # excludes 1 with n >= 100, but in the POOL, whose size mix is 92% ai-jobs "M"; no single country has 100
    # large-employer rows of its own, so no country applies it.
    for scope in ("GB", "CA", "DE", "non-US"):
        large = premium("company_size", "large", scope)
        assert large.multiplier == 1.0, scope
    pooled = premium("company_size", "large", "non-US")
    assert pooled.estimate == pytest.approx(0.8898, abs=1e-4) and pooled.n == 110 and pooled.ci_high < 1
    assert premium("company_size", "large", "GB").n == 9  # GB's own rows: 9 large-employer rows in GBP


def test_premia_average_to_one_over_the_population() -> None:
    # Relative to the population the anchor describes: the n-weighted mean log premium of a fit is 0.
    for scope in ("US", "GB", "non-US"):
        fit = _table()["scopes"][scope]
        for factor in ("experience", "company_size", "remote"):
            levels = fit["factors"][factor].values()
            mean = sum(p["n"] * math.log(p["estimate"]) for p in levels) / sum(p["n"] for p in levels)
            assert abs(mean) < 2e-4, (scope, factor)


def test_lookups() -> None:
    assert premium("role", "Senior ML Engineer").level == "machine learning engineer"
    assert premium("role", "software engineer").multiplier == 1.0  # the reference role of 15-1252
    hybrid = premium("remote", "hybrid")
    assert hybrid.multiplier == 1.0 and f"only {hybrid.n} rows" in hybrid.reason
    assert premium("experience", "0-2").multiplier < 1 < premium("experience", "10+").multiplier
    assert 0.2 < residual_sd() < 0.8
    with pytest.raises(KeyError):
        premium("experience", "40+")
    with pytest.raises(ValueError):
        premium("experience", "0-2", scope="EU")


def test_roles_are_relative_to_the_core_role_of_the_countrys_occupation() -> None:
    # US SOC 15-1252: a machine learning engineer against a software engineer. CA NOC 21211 (Data scientists, with
    # ML engineers among its examples): against a data scientist, from the pool (CA has too few rows).
    assert premium("role", "machine learning engineer", "US").versus == "software engineer"
    ca = premium("role", "machine learning engineer", "CA")
    assert ca.versus == "data scientist" and ca.fitted_on.startswith("the non-US pool")
    assert premium("role", "data scientist", "CA").multiplier == 1.0  # the core role of 21211
    # DE KldB 43104 holds data scientists and data engineers alike: the data scientist is its core role.
    assert premium("role", "data engineer", "DE").versus == "data scientist"


def test_experience_curve_knots_are_the_band_premia_at_the_band_centres() -> None:
    table = _table()["scopes"]
    for scope in ("US", "GB", "CA", "DE", "non-US"):
        curve = experience_curve(scope)
        bands = table[scope]["factors"]["experience"]
        centres = {"0-2": 1.5, "3-5": 4.5, "6-9": 8.0, "10+": 13.0}
        # Only bands with n >= 100 are knots: GB's 10+ band has 34 GBP rows, the pool's 43, so the GB and
        # non-US curves are flat after 8 years; the US's 10+ band has 658 rows.
        expected = [(centres[b], bands[b]["estimate"]) for b in centres if bands[b]["n"] >= 100]
        assert list(curve.knots) == expected, scope
    assert [k[0] for k in experience_curve("US").knots] == [1.5, 4.5, 8.0, 13.0]
    assert [k[0] for k in experience_curve("GB").knots] == [1.5, 4.5, 8.0]


def test_experience_curve_by_hand() -> None:
    us = experience_curve("US")  # knots x0.762 at 1.5y, x0.9039 at 4.5y, x1.0914 at 8y, x1.3651 at 13y
    assert us.multiplier(0) == us.multiplier(1.5) == pytest.approx(0.762)  # flat before the first knot
    # 6 years: t = (6 - 4.5) / (8 - 4.5) = 0.428571; exp(ln 0.9039 + t ln(1.0914 / 0.9039)) = 0.97995
    assert us.multiplier(6) == pytest.approx(0.97995, abs=1e-4)
    # 3 years: t = 0.5 between 1.5y and 4.5y: sqrt(0.762 x 0.9039) = 0.82992
    assert us.multiplier(3) == pytest.approx(0.82992, abs=1e-4)
    assert us.multiplier(20) == pytest.approx(1.3651)  # flat after the last knot
    gb = experience_curve("GB")  # x0.7646 at 1.5y, x0.9144 at 4.5y, x1.1909 at 8y
    # The steepest year: (1.1909 / 0.9144) ** (1 / 3.5) = 1.0784, under the 8% cap.
    assert (gb.knots[2][1] / gb.knots[1][1]) ** (1 / 3.5) == pytest.approx(1.0784, abs=1e-4)
    assert gb.multiplier(12) == gb.multiplier(8) == pytest.approx(1.1909)


def _survey_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        distinct = list(dict.fromkeys(tuple(r) for r in reader))
    rows = [dict(zip(header, r, strict=True)) for r in distinct]
    return [r for r in rows if r["employment_type"] == "FT" and int(r["work_year"]) >= 2023
            and normalise_role(r["job_title"]) is not None]


def test_experience_premia_match_an_independent_fit(survey_csv: Path) -> None:
    # US residents paid in USD (the 74 US rows in GBP, EUR or CAD are left out), log(salary).
    rows = [r for r in _survey_rows(survey_csv) if r["employee_residence"] == "US" and r["salary_currency"] == "USD"]
    factors = {
        "band": [BANDS[r["experience_level"]] for r in rows],
        "role": [str(normalise_role(r["job_title"])) for r in rows],
        "size": [r["company_size"] for r in rows],
        "mode": [r["remote_ratio"] for r in rows],
    }
    # Reference = the LAST level of each factor (the build uses the first): the contrasts must not care.
    columns = [np.ones(len(rows))]
    names = []
    for factor, values in factors.items():
        for level in sorted(set(values))[:-1]:
            columns.append(np.array([v == level for v in values], dtype=float))
            names.append((factor, level))
    x = np.column_stack(columns)
    beta = np.linalg.lstsq(x, np.log([float(r["salary"]) for r in rows]), rcond=None)[0]
    coef = {lvl: beta[names.index(("band", lvl)) + 1] if ("band", lvl) in names else 0.0
            for lvl in set(factors["band"])}
    counts = {lvl: factors["band"].count(lvl) for lvl in coef}
    mean = sum(counts[lvl] * coef[lvl] for lvl in coef) / len(rows)
    for level, b in coef.items():
        assert premium("experience", level).estimate == pytest.approx(math.exp(b - mean), abs=2e-4)
        assert premium("experience", level).n == counts[level]


def test_country_cell_matches_raw_quantiles_in_local_currency(survey_csv: Path) -> None:
    rows = _survey_rows(survey_csv)
    soc_of = json.loads(packaged("market/bls_anchor.json").read_text(encoding="utf-8"))["roles"]
    pay = sorted(float(r["salary"]) for r in rows if r["employee_residence"] == "GB"
                 and r["salary_currency"] == "GBP" and r["experience_level"] == "SE"
                 and soc_of[str(normalise_role(r["job_title"]))] == "15-1252")
    cuts = statistics.quantiles(pay, n=20, method="inclusive")  # type 7, as the build
    cell = country_cell("GB", "software engineer", "6-9")
    assert cell is not None and cell.borrowed_from is None and cell.n == len(pay) >= 30 and cell.currency == "GBP"
    assert cell.quantiles() == {"p10": round(cuts[1]), "p25": round(cuts[4]), "p50": round(cuts[9]),
                                "p75": round(cuts[14]), "p90": round(cuts[17])}


def test_thin_cell_names_what_it_is_shrunk_toward() -> None:
    cell = country_cell("DE", "data scientist", "0-2")
    assert cell is not None and cell.borrowed_from is not None and cell.n < 30 and cell.currency == "EUR"
    assert cell.note is not None and f"n={cell.n} < 30: shrunk toward" in cell.note
    assert f"{cell.n / (cell.n + 10):.2f} on its own rows" in cell.note
    assert country_cell("ZZ", "data scientist", "0-2") is None
    assert country_cell("PL", "data scientist", "0-2") is None  # 23 PLN rows: no cell of its own
