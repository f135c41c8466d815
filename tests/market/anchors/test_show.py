"""``benchmarks show`` lists the official anchor an offer is scored against (tests/market/anchors/test_providers.py
works the figures out: London SOC 2134 p50 70,400.49 as published, aged x1.091244 to the suite's 2026-12-06)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import invoke

LONDON = ("benchmarks", "show", "--country", "GB", "--city", "London", "--role", "software engineer")


def test_the_london_anchor_in_json() -> None:
    code, out, err = invoke(*LONDON, "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["as_of"] == "2026-12-06" and doc["cells"] == []
    (a,) = doc["anchors"]
    assert (a["role"], a["country"], a["area"], a["currency"]) == ("software engineer", "GB", "London", "GBP")
    assert a["occupation"] == "SOC 2020 2134 Programmers and software development professionals"
    assert a["as_published"]["p50"] == pytest.approx(70400.49, abs=0.01)
    assert a["base"]["p50"] == pytest.approx(70400.49 * 1.091244, abs=0.1)
    assert set(a["derived"]) == {"p10", "p25", "p50", "p75", "p90"}  # London 2134: all scaled from the UK's
    assert a["aged"]["factor"] == 1.091244 and a["aged"]["index"] == "AWE regular pay"
    assert a["source_title"] == "ONS ASHE 2025 (provisional)" and a["reference_period"] == "April 2025 (provisional)"


def test_the_table_marks_derived_figures_and_says_the_ageing() -> None:
    code, out, _ = invoke(*LONDON)
    assert code == 0
    assert "Official anchors: GB (GBP per year, aged to 2026-12-06)" in out
    assert "76,824*" in out and "70,400*" in out  # aged, and as published
    assert "* derived: not published by the source" in out
    assert "aged from October 2024 to 2026-12-06 by AWE regular pay x1.091" in " ".join(out.split())


def test_a_published_figure_is_not_marked() -> None:
    # UK national 2134: p10 32,835 ... p90 102,860 all published by the ONS (Table 14.7a).
    _, out, _ = invoke("benchmarks", "show", "--country", "GB", "--role", "software engineer", "-f", "json")
    (a,) = json.loads(out)["anchors"]
    assert a["derived"] == {} and a["as_published"]["p10"] == 32835 and a["as_published"]["p90"] == 102860
    _, text, _ = invoke("benchmarks", "show", "--country", "GB", "--role", "software engineer")
    assert "32,835 " in text and "32,835*" not in text


@pytest.mark.parametrize(("name", "check"), [
    ("s.json", lambda t: json.loads(t)["anchors"][0]["area"] == "London"),
    ("s.csv", lambda t: next(csv.DictReader(io.StringIO(t)))["area"] == "London"),
    ("s.md", lambda t: t.startswith("## Official anchors: GB") and "| software engineer" in t),
    ("s.txt", lambda t: t.startswith("Official anchors: GB") and "\n=====" in t),
])
def test_output_file_format_from_its_extension(tmp_path: Path, name: str, check: object) -> None:
    target = tmp_path / name
    code, _, err = invoke(*LONDON, "-o", str(target))
    assert code == 0, err
    assert check(target.read_text(encoding="utf-8"))  # type: ignore[operator]


def test_csv_rows_aged_and_as_published() -> None:
    _, out, _ = invoke(*LONDON, "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["pay"] for r in rows] == ["aged", "as published"]
    assert float(rows[1]["p50"]) == pytest.approx(70400.49) and rows[0]["aged_factor"] == "1.091244"


def test_us_ca_de_anchors() -> None:
    _, out, _ = invoke("benchmarks", "show", "--country", "US", "--city", "San Francisco", "--state", "CA",
                       "--role", "software engineer", "-f", "json")
    (us,) = json.loads(out)["anchors"]
    assert us["area"] == "San Francisco-Oakland-Fremont, CA" and us["as_published"]["p50"] == 186640
    assert us["source_title"] == "BLS OEWS May 2025 (11 cells match republished BLS figures)"
    _, out, _ = invoke("benchmarks", "show", "--country", "CA", "--city", "Toronto", "--role", "software engineer",
                       "-f", "json")
    (ca,) = json.loads(out)["anchors"]
    assert ca["area"] == "Toronto" and ca["as_published"]["p50"] == pytest.approx(56.49 * 2080)
    assert set(ca["derived"]) == set()  # a Labour Force Survey cell: all five published
    _, out, _ = invoke("benchmarks", "show", "--country", "DE", "--city", "Berlin", "--role", "software engineer",
                          "-f", "json")
    (de,) = json.loads(out)["anchors"]
    assert de["area"] == "Berlin" and de["as_published"]["p50"] == pytest.approx(5858 * 12 * 1.0461, abs=0.01)


def test_every_role_without_a_role_and_the_file_cells_after() -> None:
    _, out, _ = invoke("benchmarks", "show", "--country", "CA", "-f", "json")
    doc = json.loads(out)
    assert {a["role"] for a in doc["anchors"]} >= {"software engineer", "data scientist", "engineering manager"}
    assert all(a["area"] == "Canada" for a in doc["anchors"]) and doc["cells"]


def test_usage_errors() -> None:
    code, _, err = invoke("benchmarks", "show", "--city", "London")
    assert code == 2 and "--city: needs a country" in err  # a usage error (DESIGN section 8)
    code, _, err = invoke("benchmarks", "show", "--country", "GB", "--role", "quantum chef")
    assert code == 1 and "no benchmark for role 'quantum chef'" in err
    assert invoke(*LONDON, "-o", "x.html")[0] == 2  # show writes no HTML
