"""Bring your own data: `benchmarks build` on a small CSV written here, then scoring an offer with the file."""

from __future__ import annotations

import json
from pathlib import Path

from offercheck.market.benchmark_files import load_benchmarks
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
    # A US city is grouped by its BLS metro (the place table: Austin, TX is in the Austin-Round Rock metro).
    austin = cells[("machine learning engineer", "3-5", "US", "austin-round rock-san marcos, tx")]
    # Totals 130,000 + 1,000 i (i < 40): type-7 p50 at h = 19.5 -> 149,500; base p50 119,500.
    assert austin.n == 40 and austin.total is not None and austin.total.p50 == 149_500
    assert austin.base.p50 == 119_500 and austin.total_includes_equity
    # Boston has 5 rows: no city cell, the US cell (all 45 rows) serves it.
    us = cells[("machine learning engineer", "3-5", "US", None)]
    assert us.n == 45 and not any(k[3] and "boston" in k[3] for k in cells)


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


def test_no_pay_column_mapped_names_the_file_and_its_columns(tmp_path: Path) -> None:
    survey = tmp_path / "nopay.csv"
    survey.write_text("title,city\nData Scientist,Austin\n", encoding="utf-8")
    code, out, err = invoke("benchmarks", "build", str(survey), "-o", "-", "--map", "role=title")
    assert code == 1 and out == ""
    assert err == (f"Error: {survey}: no pay column mapped: give --map base=<column> or --map total=<column>; "
                   "the header has title, city\n")


def test_some_non_numeric_pay_is_counted_not_used(tmp_path: Path) -> None:
    survey = tmp_path / "some.csv"
    # 30 numeric pays 60,000 .. 89,000 and two that are not numbers.
    survey.write_text("pay\n" + "".join(f"{60_000 + 1000 * i}\n" for i in range(30)) + "$70k\nn/a\n",
                      encoding="utf-8")
    code, out, err = invoke("benchmarks", "build", str(survey), "-o", "-", "--map", "base=pay")
    assert code == 0, err
    assert "2 bad rows (non-numeric pay: 2), used 30" in err
    # Type-7 median of 60,000 + 1,000 i, i < 30: h = 14.5 -> 74,500.
    assert "p50 = 74500" in out


def test_bad_base_pay_beside_numeric_bonus_and_stock_is_counted_not_a_crash(tmp_path: Path) -> None:
    survey = tmp_path / "parts.csv"
    # 30 rows of base 100,000 .. 129,000 with bonus 5,000 and stock 10,000; one blank base, one not a number.
    survey.write_text("base,bonus,stock\n" + "".join(f"{100_000 + 1000 * i},5000,10000\n" for i in range(30))
                      + ",5000,10000\nabc,5000,10000\n", encoding="utf-8")
    code, out, err = invoke("benchmarks", "build", str(survey), "-o", "-", "--map", "base=base",
                            "--map", "bonus=bonus", "--map", "stock=stock")
    assert code == 0, err
    assert "2 bad rows (missing pay: 1, non-numeric pay: 1), used 30" in err
    # Totals 115,000 + 1,000 i, i < 30: type-7 median at h = 14.5 -> 129,500.
    assert "p50 = 129500" in out


def test_tab_delimited_city_region_country_locations(tmp_path: Path) -> None:
    survey = tmp_path / "tabs.tsv"
    rows = ["role\tlocation\tpay"]
    rows += [f"Data Scientist\tToronto, Ontario, Canada\t{80_000 + 1000 * i}" for i in range(30)]
    rows += [f"Data Scientist\tBerlin, Berlin, Germany\t{70_000 + 1000 * i}" for i in range(30)]
    survey.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "tabs.toml"
    code, stdout, err = invoke("benchmarks", "build", str(survey), "-o", str(out), "--map", "role=role",
                               "--map", "location=location", "--map", "base=pay")
    assert code == 0, err
    assert stdout == ""  # the file goes to -o, the summary to stderr
    cells = {c.key: c for c in load_benchmarks(out).cells}
    toronto = cells[("data scientist", None, "CA", "toronto")]
    berlin = cells[("data scientist", None, "DE", "berlin")]
    # Type-7 medians of 80,000 + 1,000 i and 70,000 + 1,000 i, i < 30: 94,500 and 84,500.
    assert toronto.n == 30 and toronto.base.p50 == 94_500
    assert berlin.n == 30 and berlin.base.p50 == 84_500


def test_progress_goes_to_stderr_only(tmp_path: Path) -> None:
    survey = tmp_path / "long.csv"
    survey.write_text("pay\n" + "".join(f"{50_000 + i}\n" for i in range(100_000)), encoding="utf-8")
    out = tmp_path / "long.toml"
    code, stdout, err = invoke("benchmarks", "build", str(survey), "-o", str(out), "--map", "base=pay")
    assert code == 0, err
    assert stdout == "" and out.is_file()
    # The progress line once (the final count is not repeated), the summary, then where the file went.
    assert err.splitlines() == ["... 100,000 rows", "read 100,000 rows, dropped 0 duplicates, 0 bad rows, used 100,000",
                                f"Wrote {out}"]
