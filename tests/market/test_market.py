"""Tests for benchmark loading and lookup (offercheck.market.benchmarks) and the packaged data files.

Expected figures are computed here from the shared CSV files with the csv module, independently of the
build script and the module under test.
"""

from __future__ import annotations

import csv
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from offercheck.market.benchmark_files import load_benchmarks, load_factor_tables
from offercheck.market.benchmarks import (
    Benchmark,
    BenchmarkFileError,
    BenchmarkSet,
    Quantiles,
)
from tests.conftest import REPO, SHARED

DATA = SHARED / "data"
AIJOBS = DATA / "aijobs_salaries_2025-01-19.csv"
OEWS = DATA / "bls_oews_may2025_tech_occupations_by_area.csv"
needs_data = pytest.mark.skipif(not (AIJOBS.exists() and OEWS.exists()), reason=f"shared data not found in {DATA}")

REQUIRED_ROLES = ("data scientist", "machine learning engineer", "research scientist", "ai engineer",
                  "data engineer", "software engineer")
# Countries with 30 or more full-time 2023+ survey rows in their own currency (DESIGN section 3: the survey's own
# cells stand where no official anchor does); SG (3 SGD rows) and AU (10 AUD rows) have none since the survey is
# read in local currency, and PL (23 PLN rows) never had cells of its own.
REQUIRED_COUNTRIES = ("US", "CA", "GB", "DE", "FR", "IN", "NL", "ES")


def test_packaged_file_covers_the_grid() -> None:
    market = load_benchmarks()
    assert market is load_benchmarks()  # cached
    assert set(REQUIRED_ROLES) <= set(market.roles)
    assert set(REQUIRED_COUNTRIES) <= set(market.countries)
    assert not {"SG", "AU", "PL"} & set(market.countries)
    for role in REQUIRED_ROLES:
        for country in REQUIRED_COUNTRIES:
            for years in (1, 4, 7, 12):
                b = market.lookup(role=role, years_experience=years, country=country)
                assert b is not None
                # By role and country over all experience: the experience factor's curve moves it (no band cells,
                # so no step at a band edge and no "borrowed" note for want of a band).
                assert (b.role, b.experience, b.country) == (role, None, country)
                assert b.keyed_by == ("role", "country") and b.note is None and b.survey_only
                assert b.base.p25 < b.base.p50 < b.base.p75 and b.total is None and b.cash.p50 > b.base.p50
                assert b.source_title and b.method and b.year >= 2024
                assert b.currency == {"US": "USD", "CA": "CAD", "GB": "GBP", "IN": "INR"}.get(country, "EUR")


def test_meta_and_sources_record_provenance() -> None:
    market = load_benchmarks()
    assert market.meta.name == "built-in" and market.meta.currency == "USD"
    survey = market.sources["aijobs-2025"]
    extra = survey.model_extra or {}
    assert survey.licence == "CC0 1.0" and survey.year == 2025
    assert extra["rows_read"] == 74_301 and extra["duplicates"] == 39_304
    assert extra["sha256"] == "fce1318d2fa6f574cd36ce192bf3c38debcb61892d15255eb8f772a05e4a5aef"
    assert market.meta.bonus_norm == 0.15 and market.meta.bonus_source
    assert market.meta.bonus_norm_measured is False  # a seed article's range, not measured
    assert survey.kind == "survey"
    # Rows reported in another currency than the residence country's are left out and counted by country.
    left_out = extra["other_currency_by_country"]
    assert left_out["CA"] > 1000 and left_out["GB"] > 100 and left_out["DE"] > 40


def test_cash_is_base_plus_the_bonus_norm_and_there_is_no_made_up_total() -> None:
    b = load_benchmarks().lookup(role="data engineer", years_experience=4, country="GB")
    assert b.cash.p50 == pytest.approx(b.base.p50 * 1.15, abs=1) and b.total is None


@needs_data
def test_us_mle_p50_matches_the_survey_median() -> None:
    with AIJOBS.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = [dict(zip(header, r, strict=True)) for r in set(map(tuple, reader))]
    expected = statistics.median(
        float(r["salary"]) for r in rows
        if r["job_title"] == "Machine Learning Engineer" and r["salary_currency"] == "USD"
        and r["employee_residence"] == "US" and r["employment_type"] == "FT" and int(r["work_year"]) >= 2023
    )
    b = load_benchmarks().lookup(role="machine learning engineer", years_experience=7, country="US")
    assert b is not None and b.n is not None and b.n > 1000 and b.fallback is None
    assert b.base.p50 == pytest.approx(expected, rel=0.03)


def test_unknown_role_falls_back_within_the_country_and_a_country_without_cells_has_none() -> None:
    market = load_benchmarks()
    b = market.lookup(role="quantum chef", years_experience=12, country="US")
    assert b is not None and b.role is None and b.experience is None and b.country == "US"
    assert b.keyed_by == ("country",)
    assert b.note is not None and "quantum chef" in b.note and "machine learning engineer" in b.note
    # DESIGN section 3: no cell of its own, no benchmark; never an all-countries table.
    for country in ("BR", "PL", "SG"):
        assert market.lookup(role="data scientist", years_experience=None, country=country) is None
    assert not any(c.country is None for c in market.cells)


def test_role_titles_and_case_are_normalised() -> None:
    b = load_benchmarks().lookup(role="Senior ML Engineer", years_experience=3, country="de")
    assert b is not None and (b.role, b.experience, b.country) == ("machine learning engineer", None, "DE")


def test_quantiles_scaled_and_validated() -> None:
    q = Quantiles(p10=1, p25=2, p50=3, p75=4, p90=5)
    assert q.scaled(2) == Quantiles(p10=2, p25=4, p50=6, p75=8, p90=10)
    assert Quantiles(p25=1, p50=2, p75=3).scaled(1.5).p10 is None
    with pytest.raises(ValueError):
        Quantiles(p25=3, p50=2, p75=4)
    with pytest.raises(ValueError):
        q.scaled(0)


CELL = """
[[sources]]
id = "acme"
title = "Acme bands"
year = 2026

[[cells]]
role = "data scientist"
country = "US"
base = { p25 = 100000, p50 = 120000, p75 = 140000 }
total = { p25 = 110000, p50 = 132000, p75 = 154000 }
"""


def test_user_file_and_overlay(tmp_path: Path) -> None:
    path = tmp_path / "acme.toml"
    path.write_text(CELL, encoding="utf-8")
    acme = load_benchmarks(path)
    b = acme.lookup(role="data scientist", years_experience=5, country="US")
    # The file has no band cells: it is not asked for one (the experience factor moves it), so no note.
    assert b is not None and b.base.p50 == 120_000 and b.keyed_by == ("role", "country")
    assert b.source_title == "Acme bands" and b.note is None and b.year == 2026
    # A role the file lacks: its country's all-roles cell if any; a country it has no cell for: no benchmark.
    assert acme.lookup(role="chef", years_experience=None, country="US") is None  # no all-roles US cell
    assert acme.lookup(role="data scientist", years_experience=None, country="FR") is None
    merged = load_benchmarks().overlay(acme)
    assert merged.lookup(role="data scientist", years_experience=None, country="US").source == "acme"
    eur = tmp_path / "eur.toml"
    eur.write_text('[meta]\ncurrency = "EUR"\n' + CELL.replace('"US"', '"DE"'), encoding="utf-8")
    merged = merged.overlay(load_benchmarks(eur))
    assert merged.lookup(role="data scientist", years_experience=None, country="DE").currency == "EUR"
    assert merged.lookup(role="data scientist", years_experience=None, country="US").currency == "USD"
    assert merged.lookup(role="data engineer", years_experience=4, country="US").source == "aijobs-2025"


def test_a_file_not_by_country_speaks_for_every_country(tmp_path: Path) -> None:
    path = tmp_path / "bands.toml"
    path.write_text(CELL.replace('country = "US"\n', ""), encoding="utf-8")
    b = load_benchmarks(path).lookup(role="data scientist", years_experience=None, country="PL")
    assert b is not None and b.base.p50 == 120_000 and b.country is None


@pytest.mark.parametrize(("text", "field", "message"), [
    ("[[sources]]\nid='a'\ntitle='t'\nyear=2026\n", "cells", "Field required"),
    (CELL.replace("p50 = 120000", "p50 = 90000"), "cells[0].base", "must not decrease"),
    (CELL.replace('country = "US"', 'country = "usa"'), "cells[0].country", "pattern"),
    (CELL.replace('role = "data scientist"', 'experience = "senior"'), "cells[0].experience", "must be one of"),
    (CELL.replace('role = "data scientist"', 'source = "nope"'), "cells[0].source", "unknown source"),
    (CELL + CELL.split("[[cells]]")[1].join(["[[cells]]", ""]), "cells[1]", "same role"),
    (CELL.replace("year = 2026", "year = 2026\nbogus = 1").replace("[[cells]]", "[[cell]]"), "cell",
     "Extra inputs"),
    ("not toml [", None, "not valid TOML"),
])
def test_bad_user_file_names_file_and_field(tmp_path: Path, text: str, field: str | None, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BenchmarkFileError) as info:
        load_benchmarks(path)
    err = info.value
    assert isinstance(err, ValueError) and err.file == str(path) and message in str(err)
    if field is not None:
        assert err.field == field and f"{path}: {field}:" in str(err)


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(BenchmarkFileError, match=r"missing\.toml"):
        load_benchmarks(tmp_path / "missing.toml")


def test_benchmark_is_frozen_and_typed() -> None:
    b = load_benchmarks().lookup(role="data analyst", years_experience=2, country="CA")
    assert isinstance(b, Benchmark) and b.currency == "CAD"  # the survey's CA rows in CAD, not converted
    with pytest.raises(ValueError):
        b.n = 3  # type: ignore[misc]
    assert isinstance(load_benchmarks(), BenchmarkSet)


# --- factors.toml -------------------------------------------------------------------------------------

def test_factor_tables_name_source_year_method() -> None:
    tables = load_factor_tables()
    for name in ("experience", "role", "company_size", "remote", "industry", "education", "certification",
                 "location_us_metro", "location_us_state", "location_international"):
        t = tables[name]
        assert t["source"] and t["year"] and t["method"], name
    assert tables["industry"]["multiplier"]["finance"] == pytest.approx(140_000 / 125_000)
    assert tables["company_size"]["n"]["large"] > 100
    assert "keyed_by" in tables["experience"]["use"] and "curve" in tables["experience"]["use"]
    london = next(c for c in tables["location_international"]["cities"] if c["city"] == "London")
    assert london["multiplier"] == pytest.approx(150 / 140, abs=1e-4)


@needs_data
def test_san_francisco_multiplier_from_bls() -> None:
    with OEWS.open(newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["OCC_CODE"] in ("15-1252", "15-2051")]
    national = {r["OCC_CODE"]: int(r["A_MEDIAN"]) for r in rows if r["AREA_TYPE"] == "N"}
    sf = {r["OCC_CODE"]: int(r["A_MEDIAN"]) for r in rows if r["AREA_TITLE"].startswith("San Francisco-")}
    metro = load_factor_tables()["location_us_metro"]
    area = next(a for a in metro["areas"] if "San Francisco" in a["cities"])
    assert area["states"] == ["CA"] and area["code"] == "0041860"
    for occ in ("15-1252", "15-2051"):
        assert area["multiplier"][occ] == pytest.approx(sf[occ] / national[occ], abs=1e-4)
    assert area["multiplier"]["15-1252"] == pytest.approx(1.3726, abs=1e-4)
    california = next(a for a in load_factor_tables()["location_us_state"]["areas"] if a["state"] == "CA")
    assert california["multiplier"]["15-1252"] > 1.2
    # BLS joins principal cities with "--" when a name has its own hyphen.
    scranton = next(a for a in metro["areas"] if a["title"].startswith("Scranton"))
    assert scranton["cities"] == ["Scranton", "Wilkes-Barre"]
    # "-" (not released) leaves the code out rather than inventing a value.
    assert any("15-2051" not in a["multiplier"] for a in metro["areas"])


@needs_data
def test_build_script_reproduces_the_packaged_files(tmp_path: Path) -> None:
    built = load_benchmarks().meta.built
    assert built is not None
    subprocess.run([sys.executable, str(REPO / "scripts" / "build_benchmarks.py"), str(DATA), "--out", str(tmp_path),
                    "--built", built.isoformat()], check=True, capture_output=True)
    packaged = REPO / "src" / "offercheck" / "data"
    for name in ("benchmarks.toml", "factors.toml"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (packaged / name).read_text(encoding="utf-8"), name


def test_market_for_overlays_registered_benchmarks(tmp_path: Path) -> None:
    from offercheck import hookimpl
    from offercheck.errors import PluginError
    from offercheck.market.registered import market_for
    from offercheck.plugins.manager import get_plugin_manager

    path = tmp_path / "acme.toml"
    path.write_text(CELL, encoding="utf-8")

    class Bands:
        @hookimpl
        def offercheck_register_benchmarks(self, register):  # type: ignore[no-untyped-def]
            register(path)

    class Broken:
        @hookimpl
        def offercheck_register_benchmarks(self, register):  # type: ignore[no-untyped-def]
            register(42)

    pm = get_plugin_manager(entry_points=False)
    pm.register(Bands(), name="acme-bands")
    market = market_for(pm)
    assert market.lookup(role="data scientist", years_experience=None, country="US").source == "acme"
    assert market.lookup(role="data scientist", years_experience=None, country="GB").source == "aijobs-2025"
    pm.register(Broken(), name="broken")
    with pytest.raises(PluginError, match="broken"):
        market_for(pm)
