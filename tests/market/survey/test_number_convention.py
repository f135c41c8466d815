"""Issue 27 item 1: a pay column's number convention (decimal point or decimal comma; thousands separators ',',
'.', ' ', apostrophe) is detected from the column's values, or the build is refused naming the column and a
value; an amount is never misread (``82000,00`` is 82,000, not 8,200,000; ``82.622`` is 82,622, not 82.6)."""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from offercheck.market.survey.numbers import classify
from offercheck.market.survey.read import SurveyFormatError, read_survey
from tests.conftest import invoke

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

MAPPING = {"role": "title", "years": "yrs", "country": "country", "base": "salary"}
MAP_ARGS = [a for k, v in MAPPING.items() for a in ("--map", f"{k}={v}")]
NUMBERS = [80_000 + 1_000 * i + 622 for i in range(40)]  # 80,622 .. 119,622


def _survey(path: Path, values: list[str], delimiter: str = ";", quote: bool = False, extra: str = "") -> Path:
    q = '"' if quote else ""
    rows = [delimiter.join(["id", "title", "yrs", "country", "salary", *([extra] if extra else [])])]
    rows += [delimiter.join([str(i), "Data Scientist", "4", "DE", f"{q}{v}{q}"]) for i, v in enumerate(values)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _fmt(n: float, thousands: str, decimal: str, places: int = 0) -> str:
    return f"{n:,.{places}f}".replace(",", "\0").replace(".", decimal).replace("\0", thousands)


FORMATS: dict[str, Callable[[float], str]] = {
    "decimal comma": lambda n: _fmt(n, "", ",", 2),  # 80622,00 (the issue: read 100x too high)
    "thousands dot": lambda n: _fmt(n, ".", ","),  # 80.622 (the issue: read as 80.6)
    "thousands dot, decimal comma": lambda n: _fmt(n, ".", ",", 2),  # 80.622,00
    "thousands space, decimal comma": lambda n: _fmt(n, " ", ",", 2),  # 80 622,00 (French)
    "thousands no-break space": lambda n: _fmt(n, "\u00a0", ","),
    "thousands narrow no-break space": lambda n: _fmt(n, "\u202f", ","),
    "thousands apostrophe, decimal point": lambda n: _fmt(n, "'", ".", 2),  # 80'622.00 (Swiss)
    "thousands comma": lambda n: _fmt(n, ",", "."),  # 80,622
    "thousands comma, decimal point": lambda n: _fmt(n, ",", ".", 2),  # 80,622.00
    "decimal point": lambda n: _fmt(n, "", ".", 2),  # 80622.00
    "plain": lambda n: _fmt(n, "", "."),
}


@pytest.mark.parametrize("quote", [False, True], ids=["unquoted", "quoted"])
@pytest.mark.parametrize("name", sorted(FORMATS))
def test_each_convention_reads_the_amounts_exactly(tmp_path: Path, name: str, quote: bool) -> None:
    values = [FORMATS[name](n) for n in NUMBERS]
    rows, stats = read_survey(_survey(tmp_path / "s.csv", values, quote=quote), mapping=MAPPING)
    assert stats.bad_rows == 0
    assert sorted(r.base for r in rows) == NUMBERS


def test_decimals_are_kept(tmp_path: Path) -> None:
    values = ["82.622,50", "82622,5", "1.234.567,25"] + ["90000,00"] * 37
    rows, _ = read_survey(_survey(tmp_path / "s.csv", values), mapping=MAPPING)
    assert [r.base for r in rows[:3]] == [82_622.5, 82_622.5, 1_234_567.25]


def test_indian_grouping(tmp_path: Path) -> None:
    rows, stats = read_survey(_survey(tmp_path / "s.csv", ["12,34,567", "1,20,000.50", "9,50,000"], delimiter=",",
                                      quote=True),
                              mapping=MAPPING)
    assert stats.bad_rows == 0 and [r.base for r in rows] == [1_234_567, 120_000.5, 950_000]


def test_the_issue_file_through_the_cli(tmp_path: Path) -> None:
    """``82000,00`` in a semicolon file: p50 about 100,000, not 10,000,000; ``82.622``: 82,622, not 82.6."""
    for values in ([_fmt(n, "", ",", 2) for n in NUMBERS], [_fmt(n, ".", ",") for n in NUMBERS]):
        out = tmp_path / "b.toml"
        code, _, err = invoke("benchmarks", "build", str(_survey(tmp_path / "s.csv", values)), "-o", str(out),
                              "--force", *MAP_ARGS)
        assert code == 0, err
        assert "0 bad rows" in err
        cells = tomllib.loads(out.read_text(encoding="utf-8"))["cells"]
        # type-7 p50 of 40 values 1,000 apart from 80,622: between the 20th and 21st, 100,122.
        assert {c["base"]["p50"] for c in cells} == {100_122}


@pytest.mark.parametrize(("values", "shown"), [
    # a decimal comma and a decimal point in one column
    (["82000,50", "82000.50"], ("'82000,50'", "'82000.50'")),
    # "82.622" read as 82,622 (thousands point), then "82.5" has a decimal point
    (["82.622", "82.5"], ("'82.622'", "'82.5'")),
    # "1.234.567" has a thousands point, "82000.5" a decimal point
    (["1.234.567", "82000.5"], ("'1.234.567'", "'82000.5'")),
    # a decimal comma, then "1,234,567" uses the comma to group thousands
    (["82000,5", "1,234,567"], ("'82000,5'", "'1,234,567'")),
])
def test_contradictory_conventions_are_refused_naming_the_column_and_values(
        tmp_path: Path, values: list[str], shown: tuple[str, str]) -> None:
    # The contradicting value comes in a later batch (after 1,500 plain rows), as in a large file.
    path = _survey(tmp_path / "s.csv", [values[0]] + [str(n) for n in range(90_000, 91_500)] + [values[1]])
    with pytest.raises(SurveyFormatError) as e:
        read_survey(path, mapping=MAPPING)
    assert str(e.value).startswith(f"{path}: salary: ")
    assert all(s in str(e.value) for s in shown)
    code, out, err = invoke("benchmarks", "build", str(path), "-o", str(tmp_path / "b.toml"), *MAP_ARGS)
    assert code == 1 and out == "" and err.startswith(f"Error: {path}: salary: ") and err.count("\n") == 1
    assert not (tmp_path / "b.toml").exists()


def test_columns_of_one_file_agree(tmp_path: Path) -> None:
    """A comma is a decimal mark in one pay column and groups thousands in another: refused (one file is written in
    one convention), naming both columns."""
    path = tmp_path / "s.csv"
    path.write_text("title;salary;bonus;rsu\n" + "".join(f"Data Scientist;{80000 + i},50;5,000;0\n" for i in range(40)),
                    encoding="utf-8")
    with pytest.raises(SurveyFormatError) as e:
        read_survey(path, mapping={"role": "title", "base": "salary", "bonus": "bonus", "stock": "rsu"})
    message = str(e.value)
    assert message.startswith(f"{path}: ") and "salary" in message and "bonus" in message and "'5,000'" in message


@pytest.mark.parametrize("value", ["82.000.00,5", "1,2,3", "82 62", "$82,000", "82,000 EUR", "8'2", "5.9 6",
                                   "7,3\u20190", ",622", "1.2.3,4"])
def test_malformed_amounts_are_bad_rows_not_numbers(tmp_path: Path, value: str) -> None:
    rows, stats = read_survey(_survey(tmp_path / "s.csv", [value] + ["90000"] * 39), mapping=MAPPING)
    assert stats.bad_reasons == {"non-numeric pay": 1} and len(rows) == 39


def test_any_text_is_a_number_or_not_never_an_error() -> None:
    rng = random.Random(27)
    alphabet = "0123456789.,' -+eE\u00a0\u202f\u2019_n\u00b2\u0661x"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 10))).strip()
        if text:
            reading = classify(text)
            assert reading is None or isinstance(reading.value, float)
