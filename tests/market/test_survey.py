"""Tests for the survey reader and cell builder (offercheck.market.survey.build).

Expected figures for the real ai-jobs file are computed here with the csv module, independently of the code
under test.
"""

from __future__ import annotations

import csv
import math
import statistics
from pathlib import Path

import pytest

from offercheck.market.quantiles import quantile
from offercheck.market.survey.cells import build_cells
from offercheck.market.survey.fields import SurveyFormatError, SurveyRow
from offercheck.market.survey.read import read_survey
from offercheck.market.survey.write import benchmark_text
from offercheck.offer.roles import EXPERIENCE_BANDS, experience_band, normalise_role
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


@needs_data
def test_aijobs_counts_match_an_independent_pass() -> None:
    rows, stats = read_survey(AIJOBS)
    with AIJOBS.open(newline="", encoding="utf-8") as f:
        raw = list(csv.reader(f))[1:]
    assert stats.rows_read == len(raw) == 74_301
    assert stats.duplicates == len(raw) - len(set(map(tuple, raw))) == 39_304
    assert stats.bad_rows == 0
    full_time = sum(1 for r in set(map(tuple, raw)) if r[2] == "FT")
    assert stats.rows_used == len(rows) == full_time
    assert sum(stats.excluded.values()) == 34_997 - full_time
    assert stats.format == "ai-jobs"
    assert stats.sha256 == "fce1318d2fa6f574cd36ce192bf3c38debcb61892d15255eb8f772a05e4a5aef"


@needs_data
def test_min_year_and_all_employment_types() -> None:
    rows, stats = read_survey(AIJOBS, employment_types=None, min_year=2023)
    expected = sum(1 for r in _unique_rows() if int(r["work_year"]) >= 2023)
    assert len(rows) == expected
    assert all(r.year is not None and r.year >= 2023 for r in rows)
    assert stats.excluded == {"year before 2023": 34_997 - expected}


@needs_data
def test_us_senior_mle_median_matches_the_survey() -> None:
    expected = statistics.median(
        float(r["salary_in_usd"]) for r in _unique_rows()
        if r["job_title"] == "Machine Learning Engineer" and r["experience_level"] == "SE"
        and r["employee_residence"] == "US" and r["employment_type"] == "FT" and int(r["work_year"]) >= 2023
    )
    rows, _ = read_survey(AIJOBS, min_year=2023)
    cells = {(c.role, c.experience, c.country): c
             for c in build_cells(rows, roles=["machine learning engineer"], countries=["US"])}
    cell = cells[("machine learning engineer", "6-9", "US")]
    assert cell.fallback is None and cell.n is not None and cell.n >= 1000
    # The role also covers MLOps, computer vision and similar titles, so allow a few percent.
    assert cell.base["p50"] == pytest.approx(expected, rel=0.03)


def test_generic_csv_with_mapping_and_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "company.csv"
    path.write_text(
        "Title,Annual Pay,YOE,Nation,Work mode,Org size\n"
        "Senior ML Engineer,200000,7,us,remote,large\n"
        "Senior ML Engineer,200000,7,us,remote,large\n"  # exact duplicate
        "Data Scientist,\"150,000\",2,GB,onsite,startup\n"
        "Data Scientist,n/a,3,GB,onsite,sme\n"  # non-numeric pay
        "Data Analyst,,4,DE,hybrid,sme\n"  # missing pay
        "Data Analyst,-5,4,DE,hybrid,sme\n"  # not positive
        "Chef\n"  # missing columns
        "\n"
        "Quantum Chef,90000,12,FR,onsite,sme\n",
        encoding="utf-8",
    )
    mapping = {"base": "Annual Pay", "role": "title", "years": "YOE", "country": "Nation",
               "remote": "Work mode", "size": "Org size"}
    progress: list[int] = []
    rows, stats = read_survey(path, mapping=mapping, progress=progress.append)
    assert stats.rows_read == stats.duplicates + stats.bad_rows + sum(stats.excluded.values()) + stats.rows_used
    assert stats.format == "generic"
    assert stats.rows_read == 8 and stats.duplicates == 1
    assert stats.bad_reasons == {"missing columns": 1, "missing pay": 1, "non-numeric pay": 1,
                                 "pay not a positive number": 1}
    assert stats.bad_rows == 4 and stats.rows_used == 3 and stats.unmapped_roles == 1
    assert progress[-1] == 8
    assert rows[0] == SurveyRow(200000.0, "machine learning engineer", "Senior ML Engineer", "6-9", "US",
                                "remote", "large", None)
    assert rows[1].base == 150000.0 and rows[1].experience == "0-2" and rows[1].size == "startup"
    assert rows[2].role is None and rows[2].experience == "10+"


def test_not_a_survey(tmp_path: Path) -> None:
    path = tmp_path / "offer.toml"
    path.write_text('[offer]\ncompany = "Acme"\n', encoding="utf-8")
    with pytest.raises(SurveyFormatError, match="not a recognised salary survey"):
        read_survey(path)
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(SurveyFormatError, match="empty file"):
        read_survey(empty)
    binary = tmp_path / "x.csv"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(SurveyFormatError, match="not a UTF-8"):
        read_survey(binary)


def test_bad_mapping(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("pay,title\n100,Engineer\n", encoding="utf-8")
    with pytest.raises(SurveyFormatError, match="no such column"):
        read_survey(path, mapping={"base": "salary"})
    with pytest.raises(SurveyFormatError, match="unknown mapping key"):
        read_survey(path, mapping={"base": "pay", "salary": "pay"})
    with pytest.raises(SurveyFormatError, match="pay column"):
        read_survey(path, mapping={"role": "title"})
    assert issubclass(SurveyFormatError, ValueError)


def test_quoted_fields_and_crlf_use_the_general_path(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_bytes(b'pay,title\r\n100,"Engineer, Data"\r\n100,"Engineer, Data"\r\n100,Engineer\n')
    rows, stats = read_survey(path, mapping={"base": "pay", "role": "title"})
    assert stats.duplicates == 1 and [r.title for r in rows] == ["Engineer, Data", "Engineer"]


@pytest.mark.parametrize(("title", "role"), [
    ("ML Engineer", "machine learning engineer"),
    ("Machine Learning Engineer", "machine learning engineer"),
    ("MLOps Engineer", "machine learning engineer"),
    ("Sr. ML Engineer II", "machine learning engineer"),
    ("Lead Data Scientist", "data scientist"),
    ("AI Research Scientist", "research scientist"),
    ("Software Development Engineer", "software engineer"),
    ("Full-Stack Developer", "software engineer"),
    ("BI Analyst", "business intelligence"),
    ("Head of Data", "data manager"),
    ("Analista de Datos", None),
    ("Quantum Chef", None),
])
def test_normalise_role(title: str, role: str | None) -> None:
    assert normalise_role(title) == role


def test_experience_band() -> None:
    assert [experience_band(y) for y in (0, 2.9, 3, 5.5, 6, 9.99, 10, 40)] == [
        "0-2", "0-2", "3-5", "3-5", "6-9", "6-9", "10+", "10+"]
    with pytest.raises(ValueError):
        experience_band(-1)
    with pytest.raises(ValueError):
        experience_band(math.nan)


def test_quantile_is_type_7() -> None:
    values = [1.0, 2.0, 3.0, 4.0, 10.0]
    # numpy.quantile(values, [0.1, 0.25, 0.5, 0.9], method="linear")
    assert [quantile(values, p) for p in (0.1, 0.25, 0.5, 0.9)] == pytest.approx([1.4, 2.0, 3.0, 7.6])
    assert quantile([5.0], 0.9) == 5.0


def _row(base: float, role: str | None, band: str, country: str) -> SurveyRow:
    return SurveyRow(base, role, role or "", band, country, None, None, 2024)


def test_build_cells_falls_back_and_says_so() -> None:
    rows = [_row(100_000 + i, "data analyst", "3-5", "US") for i in range(40)]
    rows += [_row(200_000 + i, "data scientist", "3-5", "US") for i in range(40)]
    rows += [_row(150_000 + i, "data scientist", "6-9", "US") for i in range(10)]
    rows += [_row(160_000 + i, "data analyst", "6-9", "US") for i in range(25)]
    rows += [_row(50_000 + i, "data analyst", "3-5", "CA") for i in range(20)]
    rows += [_row(70_000 + i, "data analyst", "6-9", "CA") for i in range(15)]
    cells = {(c.role, c.experience, c.country): c for c in build_cells(rows, min_sample=30)}
    own = cells[("data scientist", "3-5", "US")]
    assert own.fallback is None and own.n == 40 and own.base["p50"] == round(200_019.5)
    # Level 2: all roles in the same country and band, scaled by the role's pay ratio.
    thin = cells[("data scientist", "6-9", "US")]
    # n is the cell's own rows (10); the borrowed cell is named with its own n (25 + 10 rows).
    assert thin.n == 10 and thin.borrowed == ("all roles x 6-9y x US", 35) and thin.fallback is not None
    assert thin.fallback.startswith("n=10 < 30: used all roles x 6-9y x US; x ")
    # Level 3: the whole country, scaled by the role's and the band's pay ratios.
    ca = cells[("data scientist", "3-5", "CA")]
    assert ca.n == 0 and ca.borrowed == ("all roles x all bands x CA", 35) and ca.fallback is not None
    assert "all bands x CA" in ca.fallback and "3-5y pay ratio" in ca.fallback
    # No 10+ rows anywhere: no ratio to scale by, so no cell rather than an unscaled one.
    assert ("data scientist", "10+", "US") not in cells
    assert set(cells) >= {(None, None, None), (None, "3-5", "US"), ("data analyst", None, None)}
    assert all(c.experience in (*EXPERIENCE_BANDS, None) for c in cells.values())


def test_benchmark_text_round_trips(tmp_path: Path) -> None:
    from offercheck.market.benchmarks import load_benchmarks

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
    from offercheck.market.benchmarks import load_benchmarks

    survey = tmp_path / "bands.csv"
    lines = ["title,pay"] + [f"Data Engineer,{90_000 + i * 500}" for i in range(30)]
    lines += [f"Data Analyst,{60_000 + i * 500}" for i in range(30)]
    survey.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows, stats = read_survey(survey, mapping={"base": "pay", "role": "title"})
    out = tmp_path / "bands.toml"
    out.write_text(benchmark_text(build_cells(rows), stats, name=out.stem), encoding="utf-8")
    bench = load_benchmarks(out).lookup(role="data engineer", years_experience=4, country="US")
    assert bench.keyed_by == ("role",) and bench.base.p50 == 97_250
    assert bench.note is not None and "not by country" in bench.note
