"""Bring your own data: `benchmarks build` on a small CSV written here, then scoring an offer with the file."""

from __future__ import annotations

import json
from pathlib import Path

from offercheck.market.benchmarks import load_benchmarks
from tests.conftest import invoke


def _survey(path: Path) -> Path:
    # Semicolon separated; two spellings of one role; "City, ST" locations. 40 rows in Austin, 3-5 years.
    rows = ["title;yrs;location;salary;bonus;rsu"]
    rows += [f"{'ML  engineer' if i % 2 else 'machine learning ENGINEER'};4;Austin, TX;{100_000 + 1000 * i};10000;20000"
             for i in range(40)]
    rows += [f"ML engineer;4;Boston, MA;{90_000 + 1000 * i};0;0" for i in range(5)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _build(tmp_path: Path) -> Path:
    out = tmp_path / "mine.toml"
    code, _, err = invoke("benchmarks", "build", str(_survey(tmp_path / "s.csv")), "-o", str(out),
                          "--map", "role=title", "--map", "years=yrs", "--map", "location=location",
                          "--map", "base=salary", "--map", "bonus=bonus", "--map", "stock=rsu")
    assert code == 0, err
    return out


def test_built_file_reads_back_through_the_market_schema(tmp_path: Path) -> None:
    market = load_benchmarks(_build(tmp_path))
    cells = {c.key: c for c in market.cells}
    austin = cells[("machine learning engineer", "3-5", "US", "austin")]
    # Totals 130,000 + 1,000 i (i < 40): type-7 p50 at h = 19.5 -> 149,500; base p50 119,500.
    assert austin.n == 40 and austin.total is not None and austin.total.p50 == 149_500
    assert austin.base.p50 == 119_500 and austin.total_includes_equity
    # Boston has 5 rows: no city cell, the US cell (all 45 rows) serves it.
    us = cells[("machine learning engineer", "3-5", "US", None)]
    assert us.n == 45 and not any(k[3] == "boston" for k in cells)


def test_compare_scores_total_pay_against_the_built_file(tmp_path: Path) -> None:
    bench = _build(tmp_path)
    offer = tmp_path / "offer.toml"
    offer.write_text('[offer]\ncompany = "Acme"\nrole = "ML Engineer"\n[candidate]\nyears_experience = 4\n'
                     '[location]\ncity = "Austin"\nstate = "TX"\ncountry = "US"\n[salary]\nbase = 150000\n',
                     encoding="utf-8")
    code, out, err = invoke("compare", str(offer), "--benchmarks", str(bench), "--format", "json")
    assert code == 0, err
    score = json.loads(out)["offers"][0]["score"]
    # By hand: total pay 150,000 lies between p50 149,500 and p75 159,250 (h = 29.25 -> 159,250):
    # 50 + 25 x 500 / 9,750.
    assert score["basis"] == "total"
    assert abs(score["overall"] - (50 + 25 * 500 / 9_750)) < 0.05


def test_mixed_currencies_without_a_currency_mapping_is_one_error(tmp_path: Path) -> None:
    survey = tmp_path / "mixed.csv"
    survey.write_text("pay,salary_currency\n" + "".join(f"{50_000 + i},{'EUR' if i % 2 else 'USD'}\n"
                                                       for i in range(40)), encoding="utf-8")
    code, _, err = invoke("benchmarks", "build", str(survey), "-o", "-", "--map", "base=pay")
    assert code == 1 and err.startswith(f"Error: {survey}: salary_currency: mixed currencies (EUR, USD)")


def test_no_numeric_pay_names_the_column(tmp_path: Path) -> None:
    survey = tmp_path / "words.csv"
    survey.write_text("pay\n" + "lots\n" * 40, encoding="utf-8")
    code, _, err = invoke("benchmarks", "build", str(survey), "-o", "-", "--map", "total=pay")
    assert code == 1 and err.startswith(f"Error: {survey}: pay: no usable pay in any row")
