"""Issue 27 item 7: survey pay outside a stated sane range (1 to 100,000,000 US dollars a year, at the row's
currency) is a bad row, so the benchmark file and every output stay valid: no TOML integer beyond 64 bits, no
``Infinity`` in JSON, no ``inf`` in tables, no internal error."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from offercheck.market.benchmark_files import load_benchmarks
from offercheck.market.survey.read import read_survey
from tests.conftest import invoke

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

MAP = ["--map", "role=title", "--map", "years=yrs", "--map", "country=country"]
OFFER = ('[offer]\ncompany = "Acme"\nrole = "Data Scientist"\ncurrency = "{currency}"\n[candidate]\n'
         'years_experience = 4\n[location]\ncountry = "{country}"\n[salary]\nbase = {base}\n')
RANGE = "pay out of range (USD 1 to 100,000,000 a year)"


def _ints(value: Any) -> list[int]:
    if isinstance(value, dict):
        return [i for v in value.values() for i in _ints(v)]
    if isinstance(value, list):
        return [i for v in value for i in _ints(v)]
    return [value] if isinstance(value, int) and not isinstance(value, bool) else []


def _no_constant(name: str) -> None:
    raise AssertionError(f"invalid JSON constant {name}")


def _build_and_compare(tmp_path: Path, header: str, rows: list[str], extra_map: list[str], offer: str) -> str:
    survey = tmp_path / "s.csv"
    survey.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    bench = tmp_path / "b.toml"
    code, _, summary = invoke("benchmarks", "build", str(survey), "-o", str(bench), *MAP, *extra_map)
    assert code == 0, summary
    text = bench.read_text(encoding="utf-8")
    assert all(-2**63 <= i < 2**63 for i in _ints(tomllib.loads(text)))  # TOML integers are 64-bit
    load_benchmarks(bench)
    (tmp_path / "o.toml").write_text(offer, encoding="utf-8")
    for fmt in ("json", "table", "markdown", "csv", "html"):
        code, out, err = invoke("compare", str(tmp_path / "o.toml"), "--benchmarks", str(bench), "--format", fmt)
        assert code == 0, err
        assert not re.search(r"(?i)\binf(inity)?\b|\bnan\b", out)
        if fmt == "json":
            json.loads(out, parse_constant=_no_constant)
    code, out, err = invoke("benchmarks", "show", "--benchmarks", str(bench), "--format", "json")
    assert code == 0, err
    json.loads(out, parse_constant=_no_constant)
    return summary


@pytest.mark.parametrize("huge", ["1e20", "1.3e308", "1.5e308", "100000001"])
@pytest.mark.parametrize("column", ["salary", "rsu"])
def test_huge_pay_is_a_bad_row(tmp_path: Path, huge: str, column: str) -> None:
    rows = [f"{i},Data Scientist,4,US,{100_000 + 1_000 * i},0" for i in range(40)]
    rows += [f"{40 + i},Data Scientist,4,US,{huge if column == 'salary' else 100_000},"
             f"{huge if column == 'rsu' else 0}" for i in range(3)]
    err = _build_and_compare(tmp_path, "id,title,yrs,country,salary,rsu", rows,
                             ["--map", "base=salary", "--map", "stock=rsu"],
                             OFFER.format(currency="USD", country="US", base=120000))
    reason = RANGE if column == "salary" else "stock: pay out of range (USD 0 to 100,000,000 a year)"
    assert f"3 bad rows ({reason}: 3)" in err


def test_tiny_pay_is_a_bad_row(tmp_path: Path) -> None:
    # Below one dollar (and one unit) a year: whole-unit quantiles would be 0, which no benchmark file allows.
    survey = tmp_path / "s.csv"
    survey.write_text("salary\n" + "".join(f"{100_000 + i}\n" for i in range(40)) + "0.4\n1e-300\n", encoding="utf-8")
    _, stats = read_survey(survey, mapping={"base": "salary"})
    assert stats.bad_reasons == {RANGE: 2} and stats.rows_used == 40


def test_the_range_is_in_dollars_at_the_rows_currency(tmp_path: Path) -> None:
    # 120,000,000 KRW is about 90,000 USD: used. 2e11 KRW is over 100 million dollars: bad.
    rows = [f"{i},Data Scientist,4,KR,{120_000_000 + 1_000_000 * i},KRW" for i in range(40)]
    rows += [f"{40 + i},Data Scientist,4,KR,200000000000,KRW" for i in range(2)]
    err = _build_and_compare(tmp_path, "id,title,yrs,country,salary,cur", rows,
                             ["--map", "base=salary", "--map", "currency=cur"],
                             OFFER.format(currency="USD", country="KR", base=90_000))
    assert f"2 bad rows ({RANGE}: 2)" in err and "used 40" in err


def test_a_thin_cell_scaled_below_one_unit_is_left_out(tmp_path: Path) -> None:
    # Every row is in range, but data analysts earn about 3e-8 of the 3-5 year reference: their thin 6-9 year
    # cell, scaled from 1,000 a year, would be 0, which no benchmark file may hold (compare refused the file).
    survey = tmp_path / "s.csv"
    survey.write_text("title,yrs,country,salary\n"
                      + "".join(f"Data Scientist,4,DE,{99_000_000 + i}\n" for i in range(10))
                      + "".join(f"Data Analyst,4,DE,{1 + i}\n" for i in range(5))
                      + "".join(f"Data Engineer,7,DE,{1_000 + i}\n" for i in range(10)), encoding="utf-8")
    bench = tmp_path / "b.toml"
    code, _, err = invoke("benchmarks", "build", str(survey), "-o", str(bench), "--min-sample", "5", *MAP,
                          "--map", "base=salary")
    assert code == 0, err
    market = load_benchmarks(bench)
    assert all(c.base is None or c.base.p10 is None or c.base.p10 >= 1 for c in market.cells)
    assert ("data analyst", "6-9", "DE", None) not in {c.key for c in market.cells}
    offer = tmp_path / "o.toml"
    offer.write_text(OFFER.format(currency="USD", country="DE", base=50_000).replace("Data Scientist", "Data Analyst")
                     .replace("years_experience = 4", "years_experience = 7"), encoding="utf-8")
    code, out, err = invoke("compare", str(offer), "--benchmarks", str(bench), "--format", "json")
    assert code == 0, err
    json.loads(out, parse_constant=_no_constant)
