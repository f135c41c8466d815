"""Tests for the survey reader and cell builder (offercheck.market.survey.build).

Expected figures for the real ai-jobs file are computed here with the csv module, independently of the code
under test.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from offercheck.market.quantiles import quantile
from offercheck.market.survey.cells import build_cells
from offercheck.market.survey.fields import SurveyRow
from offercheck.market.survey.read import read_survey
from offercheck.market.survey.write import benchmark_text
from offercheck.offer.roles import EXPERIENCE_BANDS
from tests.conftest import SHARED

DATA = SHARED / "data"
AIJOBS = DATA / "aijobs_salaries_2025-01-19.csv"
needs_data = pytest.mark.skipif(not AIJOBS.exists(), reason=f"shared survey data not found at {AIJOBS}")


def _unique_rows() -> list[dict[str, str]]:
    with AIJOBS.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        unique = set(map(tuple, reader))
    return [dict(zip(header, row, strict=True)) for row in unique]


def _local(row: dict[str, str]) -> bool:
    """Paid in the residence country's own currency (the places table's), and in a currency with a rate."""
    from offercheck.places import all_countries

    country = all_countries().get(row["employee_residence"])
    return country is not None and row["salary_currency"] == country.currency != "CLP"


@needs_data
def test_aijobs_counts_match_an_independent_pass() -> None:
    rows, stats = read_survey(AIJOBS)
    with AIJOBS.open(newline="", encoding="utf-8") as f:
        raw = list(csv.reader(f))[1:]
    unique = _unique_rows()
    assert stats.rows_read == len(raw) == 74_301
    assert stats.duplicates == len(raw) - len(set(map(tuple, raw))) == 39_304
    # One row is paid in CLP, a currency without an exchange rate: bad, counted, never used.
    assert stats.bad_rows == 1 and stats.bad_reasons == {"currency: no exchange rate for CLP": 1}
    used = sum(1 for r in unique if r["employment_type"] == "FT" and _local(r))
    assert stats.rows_used == len(rows) == used
    assert sum(stats.excluded.values()) == 34_997 - 1 - used
    # Full-time rows in another currency than their country's: left out and counted, by country.
    other = [r for r in unique if r["employment_type"] == "FT" and r["salary_currency"] != "CLP" and not _local(r)]
    assert stats.excluded["salary in another currency than the residence country's"] == len(other)
    assert stats.other_currency["CA"] == sum(1 for r in other if r["employee_residence"] == "CA") > 1000
    assert sum(stats.other_currency.values()) == len(other)
    assert stats.format == "ai-jobs"
    assert stats.sha256 == "fce1318d2fa6f574cd36ce192bf3c38debcb61892d15255eb8f772a05e4a5aef"
    # Pay is the row's salary in its own currency: a GB row's base is GBP, not the publisher's USD.
    gb = next(r for r in unique if r["employee_residence"] == "GB" and r["salary_currency"] == "GBP"
              and r["employment_type"] == "FT")
    assert any(x.country == "GB" and x.base == float(gb["salary"]) for x in rows)


@needs_data
def test_min_year_and_all_employment_types() -> None:
    rows, stats = read_survey(AIJOBS, employment_types=None, min_year=2023)
    recent = [r for r in _unique_rows() if int(r["work_year"]) >= 2023 and r["salary_currency"] != "CLP"]
    expected = sum(1 for r in recent if _local(r))
    assert len(rows) == expected
    assert all(r.year is not None and r.year >= 2023 for r in rows)
    old = 34_997 - 1 - len(recent)  # distinct rows, less the CLP one (bad, and 2023+), before 2023
    assert stats.excluded == {"year before 2023": old,
                              "salary in another currency than the residence country's": len(recent) - expected}


def test_quantile_is_type_7() -> None:
    values = [1.0, 2.0, 3.0, 4.0, 10.0]
    # numpy.quantile(values, [0.1, 0.25, 0.5, 0.9], method="linear")
    assert [quantile(values, p) for p in (0.1, 0.25, 0.5, 0.9)] == pytest.approx([1.4, 2.0, 3.0, 7.6])
    assert quantile([5.0], 0.9) == 5.0


def _row(base: float, role: str | None, band: str, country: str) -> SurveyRow:
    return SurveyRow(base, role, role or "", band, country, None, None, 2024)


def test_build_cells_shrinks_thin_cells_and_says_so() -> None:
    rows = [_row(100_000 + i, "data analyst", "3-5", "US") for i in range(40)]
    rows += [_row(200_000 + i, "data scientist", "3-5", "US") for i in range(40)]
    rows += [_row(150_000 + i, "data scientist", "6-9", "US") for i in range(10)]
    rows += [_row(160_000 + i, "data analyst", "6-9", "US") for i in range(25)]
    rows += [_row(50_000 + i, "data analyst", "3-5", "CA") for i in range(20)]
    rows += [_row(70_000 + i, "data analyst", "6-9", "CA") for i in range(15)]
    cells = {(c.role, c.experience, c.country): c for c in build_cells(rows, min_sample=30)}
    own = cells[("data scientist", "3-5", "US")]
    assert own.fallback is None and own.n == 40 and own.base["p50"] == round(200_019.5)
    # A thin cell (10 rows) is shrunk toward all roles in the same country and band, scaled by the role's pay
    # ratio, with weight 10 / (10 + 10) = 0.5 on its own rows.
    thin = cells[("data scientist", "6-9", "US")]
    # n is the cell's own rows (10); the parent is named with its own n (25 + 10 rows).
    assert thin.n == 10 and thin.borrowed == ("all roles x 6-9y x US", 35) and thin.fallback is not None
    assert thin.fallback.startswith("n=10 < 30: shrunk toward all roles x 6-9y x US; x 1.333 role pay ratio")
    assert thin.fallback.endswith("weight n/(n+10) = 0.50 on its own rows")
    # By hand: the data scientist's ratio is the median of its 50 rows' pay over their group's median. The US 3-5
    # group (80 rows) has median (100,039 + 200,000) / 2 = 150,019.5, the US 6-9 group (35 rows) its 18th value,
    # 160,007; the 25th and 26th of the 50 sorted ratios are 200,014 and 200,015 over 150,019.5: 1.333257, kept to
    # four decimals (1.3333) as every pay ratio is.
    ratio = round(200_014.5 / 150_019.5, 4)
    # p50: own 150,004.5 (of 150,000..150,009); parent 160,007 x ratio; shrunk exp(0.5 ln a + 0.5 ln b).
    assert thin.base["p50"] == round(math.sqrt(150_004.5 * 160_007 * ratio)) == 178_890
    assert list(thin.base.values()) == sorted(thin.base.values())
    # No rows of its own: the whole country's cell, scaled by the role's and the band's pay ratios.
    ca = cells[("data scientist", "3-5", "CA")]
    assert ca.n == 0 and ca.borrowed == ("all roles x all bands x CA", 35) and ca.fallback is not None
    assert "all bands x CA" in ca.fallback and "3-5y pay ratio" in ca.fallback and "no rows of its own" in ca.fallback
    # No 10+ rows anywhere: no ratio to scale by, so no cell rather than an unscaled one.
    assert ("data scientist", "10+", "US") not in cells
    assert set(cells) >= {(None, None, None), (None, "3-5", "US"), ("data analyst", None, None)}
    assert all(c.experience in (*EXPERIENCE_BANDS, None) for c in cells.values())


def test_shrink_weight_by_hand() -> None:
    from offercheck.market.survey.cells import SHRINK_K, shrink

    # 3 rows: w = 3 / 13; exp(w ln 100 + (1 - w) ln 200) = 200 x 0.5 ** (3/13) = 170.44.
    assert SHRINK_K == 10
    assert shrink((100.0,), (200.0,), 3) == pytest.approx((200 * 0.5 ** (3 / 13),))
    assert shrink((100.0,), (200.0,), 3)[0] == pytest.approx(170.44, abs=0.01)
    assert shrink((100.0,), (200.0,), 0) == (200.0,)


def test_packaged_cells_are_each_countrys_own() -> None:
    """The packaged file: cells only for countries with 30 local-currency rows; a thin role cell is shrunk toward its
    country's all-roles cell (never another country's), with the real n of both."""
    from offercheck.market.benchmark_files import load_benchmarks

    market = load_benchmarks()
    for c in market.cells:
        assert c.country is not None and c.experience is None
        if c.borrowed_from is not None:
            assert c.n is not None and c.n < 30 and c.borrowed_from.cell == f"all roles x all bands x {c.country}"
            assert c.borrowed_from.n is not None and c.borrowed_from.n >= 30
    # IN data scientists: 8 INR rows of their own (n/(n+10) = 0.44 on them), shrunk toward IN's 32 rows.
    ds = next(c for c in market.cells if (c.role, c.country) == ("data scientist", "IN"))
    assert ds.n == 8 and ds.currency == "INR" and ds.borrowed_from is not None and ds.borrowed_from.n == 32
    assert ds.fallback is not None and "0.44 on its own rows" in ds.fallback


def test_benchmark_text_round_trips(tmp_path: Path) -> None:
    from offercheck.market.benchmark_files import load_benchmarks

    survey = tmp_path / "s.csv"
    lines = ["pay,title,years,country"] + [f"{100_000 + i * 1000},Data Scientist,4,US" for i in range(35)]
    survey.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows, stats = read_survey(survey, mapping={"base": "pay", "role": "title", "years": "years",
                                               "country": "country"})
    out = tmp_path / "mine.toml"
    out.write_text(benchmark_text(build_cells(rows), stats, name=out.stem), encoding="utf-8")
    text = out.read_text(encoding="utf-8")
    assert f'sha256 = "{stats.sha256}"' in text and "rows_read = 35" in text and "cash = base x (1 + 0.15)" in text
    bench = load_benchmarks(out).lookup(role="data scientist", years_experience=4, country="US")
    # Median of 100,000..134,000 (35 values) is the 18th: 117,000. No total column: no total, cash = base x 1.15.
    assert bench.base.p50 == 117_000 and bench.total is None and bench.cash.p50 == pytest.approx(117_000 * 1.15)
    assert bench.n == 35 and bench.source == "s" and bench.keyed_by == ("role", "experience", "country")


def test_survey_without_country_or_experience(tmp_path: Path) -> None:
    from offercheck.market.benchmark_files import load_benchmarks

    survey = tmp_path / "bands.csv"
    lines = ["title,pay"] + [f"Data Engineer,{90_000 + i * 500}" for i in range(30)]
    lines += [f"Data Analyst,{60_000 + i * 500}" for i in range(30)]
    survey.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows, stats = read_survey(survey, mapping={"base": "pay", "role": "title"})
    out = tmp_path / "bands.toml"
    out.write_text(benchmark_text(build_cells(rows), stats, name=out.stem), encoding="utf-8")
    bench = load_benchmarks(out).lookup(role="data engineer", years_experience=4, country="US")
    assert bench is not None and bench.keyed_by == ("role",) and bench.base.p50 == 97_250
    assert bench.note is not None and "not by country" in bench.note
