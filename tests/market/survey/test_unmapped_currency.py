"""An unmapped currency column is not ignored (found bug b, issue 27).

`benchmarks build` with a column named like "salary_currency" but not mapped (`--map currency=...`) read pay as US
dollars. Mixed values were refused; one value such as EUR produced a file labelled USD: a silently wrong
currency. Now a single value other than USD refuses the build, naming the column, the value and the fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from offercheck.market.benchmark_files import load_benchmarks
from tests.conftest import invoke

MAP = ["--map", "role=title", "--map", "years=yrs", "--map", "country=country", "--map", "base=salary"]


def _survey(path: Path, currency: str) -> Path:
    path.write_text("title,yrs,country,salary,salary_currency\n" + "".join(
        f"Data Scientist,4,DE,{70_000 + 1_000 * i},{currency}\n" for i in range(40)), encoding="utf-8")
    return path


@pytest.mark.parametrize("currency", ["EUR", "eur", " GBP ", "dollars"])
def test_one_value_other_than_usd_refuses_the_build(tmp_path: Path, currency: str) -> None:
    survey = _survey(tmp_path / "s.csv", currency)
    out = tmp_path / "b.toml"
    status, stdout, err = invoke("benchmarks", "build", str(survey), "-o", str(out), *MAP)
    value = currency.strip().upper()
    assert status == 1 and stdout == "" and err.count("\n") == 1, err
    assert err == (f"Error: {survey}: salary_currency: every row says {value}, but without --map "
                   "currency=salary_currency pay is read as US dollars; map the column (to build a "
                   f"{value} benchmark file) or convert the pay\n")
    assert not out.exists()


def test_mapping_the_column_builds_a_file_in_its_currency(tmp_path: Path) -> None:
    survey = _survey(tmp_path / "s.csv", "EUR")
    out = tmp_path / "b.toml"
    status, _, err = invoke("benchmarks", "build", str(survey), "-o", str(out), *MAP,
                            "--map", "currency=salary_currency")
    assert status == 0, err
    assert load_benchmarks(out).meta.currency == "EUR"


@pytest.mark.parametrize("currency", ["USD", "usd", ""])
def test_usd_or_blank_builds_a_usd_file(tmp_path: Path, currency: str) -> None:
    survey = _survey(tmp_path / "s.csv", currency)
    out = tmp_path / "b.toml"
    status, _, err = invoke("benchmarks", "build", str(survey), "-o", str(out), *MAP)
    assert status == 0, err
    assert load_benchmarks(out).meta.currency == "USD"
