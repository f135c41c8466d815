"""Premia and country cells. Recomputed here from the raw survey with csv, numpy.linalg.lstsq on a design
with different reference levels, and statistics.quantiles, not through scripts/market_survey.py."""

from __future__ import annotations

import csv
import json
import math
import statistics
from pathlib import Path
from typing import Any

import pytest

from offercheck.datafiles import packaged
from offercheck.market.premia import country_cell, premium, residual_sd
from offercheck.offer.roles import normalise_role

np = pytest.importorskip("numpy")

BANDS = {"EN": "0-2", "MI": "3-5", "SE": "6-9", "EX": "10+"}


def _table() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(packaged("market/premia.json").read_text(encoding="utf-8"))
    return data


def test_neutral_exactly_when_interval_includes_one_or_n_is_small() -> None:
    table = _table()
    for scope, fit in table["scopes"].items():
        for factor, levels in fit["factors"].items():
            for level, p in levels.items():
                got = premium(factor, level, scope)
                neutral = p["n"] < table["min_n"] or p["ci_low"] <= 1 <= p["ci_high"]
                assert (got.multiplier == 1.0) == neutral, (scope, factor, level)
                assert got.applied == (not neutral)
                assert got.ci_low <= got.estimate <= got.ci_high
                if neutral:
                    assert "x1.000" in got.reason


def test_premia_average_to_one_over_the_population() -> None:
    # Relative to the population the anchor describes: the n-weighted mean log premium is 0.
    for fit in _table()["scopes"].values():
        for factor in ("experience", "company_size", "remote"):
            levels = fit["factors"][factor].values()
            mean = sum(p["n"] * math.log(p["estimate"]) for p in levels) / sum(p["n"] for p in levels)
            assert abs(mean) < 2e-4, factor


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


def _survey_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        distinct = list(dict.fromkeys(tuple(r) for r in reader))
    rows = [dict(zip(header, r, strict=True)) for r in distinct]
    return [r for r in rows if r["employment_type"] == "FT" and int(r["work_year"]) >= 2023
            and normalise_role(r["job_title"]) is not None]


def test_experience_premia_match_an_independent_fit(survey_csv: Path) -> None:
    rows = [r for r in _survey_rows(survey_csv) if r["employee_residence"] == "US"]
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
    beta = np.linalg.lstsq(x, np.log([float(r["salary_in_usd"]) for r in rows]), rcond=None)[0]
    coef = {lvl: beta[names.index(("band", lvl)) + 1] if ("band", lvl) in names else 0.0
            for lvl in set(factors["band"])}
    counts = {lvl: factors["band"].count(lvl) for lvl in coef}
    mean = sum(counts[lvl] * coef[lvl] for lvl in coef) / len(rows)
    for level, b in coef.items():
        assert premium("experience", level).estimate == pytest.approx(math.exp(b - mean), abs=2e-4)
        assert premium("experience", level).n == counts[level]


def test_country_cell_matches_raw_quantiles(survey_csv: Path) -> None:
    rows = _survey_rows(survey_csv)
    soc_of = json.loads(packaged("market/bls_anchor.json").read_text(encoding="utf-8"))["roles"]
    pay = sorted(float(r["salary_in_usd"]) for r in rows if r["employee_residence"] == "GB"
                 and r["experience_level"] == "SE" and soc_of[str(normalise_role(r["job_title"]))] == "15-1252")
    cuts = statistics.quantiles(pay, n=20, method="inclusive")  # type 7, as the build
    cell = country_cell("GB", "software engineer", "6-9")
    assert cell is not None and cell.borrowed_from is None and cell.n == cell.own_n == len(pay)
    assert cell.quantiles() == {"p10": round(cuts[1]), "p25": round(cuts[4]), "p50": round(cuts[9]),
                                "p75": round(cuts[14]), "p90": round(cuts[17])}


def test_thin_cell_names_what_it_borrows() -> None:
    cell = country_cell("DE", "data scientist", "0-2")
    assert cell is not None and cell.borrowed_from is not None and cell.own_n < 30 <= cell.n
    assert cell.note is not None and str(cell.own_n) in cell.note and str(cell.n) in cell.note
    assert country_cell("ZZ", "data scientist", "0-2") is None
