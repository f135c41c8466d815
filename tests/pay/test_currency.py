"""Tests for the dated exchange-rate table (offercheck.pay.currency)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from offercheck.pay.currency import RateTable, UnknownCurrency, load_rates
from tests.conftest import REPO

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

RATES_FILE = REPO / "src" / "offercheck" / "data" / "rates.toml"
REQUIRED = ("USD", "EUR", "GBP", "CAD", "SGD", "INR", "AUD", "CHF", "JPY")


@pytest.fixture(scope="module")
def raw() -> dict:
    # Read the file independently of the module under test, so expectations do not reuse its code.
    with RATES_FILE.open("rb") as fh:
        return tomllib.load(fh)


def test_packaged_table_has_date_source_and_required_codes(raw: dict) -> None:
    table = load_rates()
    assert isinstance(table.date, dt.date) and table.date == raw["date"]
    assert "European Central Bank" in table.source and table.date.isoformat() in table.source
    assert set(REQUIRED) <= set(table.codes)
    assert table.codes == tuple(sorted(table.codes))
    assert table.usd_per_unit["USD"] == 1.0


def test_default_is_cached_and_immutable() -> None:
    assert load_rates() is load_rates()
    with pytest.raises(TypeError):
        load_rates().usd_per_unit["USD"] = 2.0  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        load_rates().source = "x"  # type: ignore[misc]


@pytest.mark.parametrize("ccy", REQUIRED)
@pytest.mark.parametrize("amount", [0.01, 1.0, 123_456.78, 2_500_000.0])
def test_round_trip_within_a_cent(ccy: str, amount: float) -> None:
    table = load_rates()
    for other in REQUIRED:
        back = table.convert(table.convert(amount, ccy, other), other, ccy)
        assert abs(back - amount) < 0.01


def test_cross_rates_match_hand_computation(raw: dict) -> None:
    usd = raw["usd_per_unit"]
    table = load_rates()
    # 1 GBP in EUR = (USD per GBP) / (USD per EUR), straight from the file's numbers.
    assert table.rate("GBP", "EUR") == pytest.approx(usd["GBP"] / usd["EUR"], rel=1e-12)
    assert table.convert(100_000, "EUR", "JPY") == pytest.approx(100_000 * usd["EUR"] / usd["JPY"], rel=1e-12)
    assert table.convert(250.0, "CAD", "USD") == pytest.approx(250.0 * usd["CAD"], rel=1e-12)
    # Triangular consistency: A->B->C equals A->C.
    assert table.rate("INR", "SGD") * table.rate("SGD", "CHF") == pytest.approx(table.rate("INR", "CHF"), rel=1e-12)
    assert table.rate("AUD", "GBP") * table.rate("GBP", "AUD") == pytest.approx(1.0, rel=1e-12)


def test_same_currency_is_exact_and_codes_are_case_insensitive() -> None:
    table = load_rates()
    assert table.rate("JPY", "JPY") == 1.0
    assert table.convert(123.45, "eur", " EUR ") == 123.45
    assert table.rate("gbp", "usd") == table.rate("GBP", "USD")


def test_unknown_code_message_lists_known_codes_and_closest() -> None:
    table = load_rates()
    with pytest.raises(UnknownCurrency) as info:
        table.convert(1.0, "EUX", "USD")
    msg = str(info.value)
    assert "'EUX'" in msg and "did you mean EUR?" in msg
    for code in REQUIRED:
        assert code in msg
    assert info.value.suggestion == "EUR"
    assert isinstance(info.value, ValueError)
    with pytest.raises(UnknownCurrency, match="did you mean USD"):
        table.rate("GBP", "USS")


def test_load_from_path_and_validation(tmp_path: Path) -> None:
    good = tmp_path / "rates.toml"
    good.write_text(
        'date = 2024-01-02\nsource = "test"\nbase = "USD"\n[usd_per_unit]\nUSD = 1.0\nXAA = 2.0\nXBB = 0.5\n',
        encoding="utf-8",
    )
    table = load_rates(good)
    assert table == RateTable(dt.date(2024, 1, 2), "test", {"USD": 1.0, "XAA": 2.0, "XBB": 0.5})
    assert table.rate("XAA", "XBB") == 4.0
    assert hash(table) == hash(load_rates(good))

    bad = tmp_path / "bad.toml"
    bad.write_text('date = "2024-01-02"\nsource = "t"\n[usd_per_unit]\nUSD = 1.0\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.toml: date"):
        load_rates(bad)
    bad.write_text('date = 2024-01-02\nsource = "t"\n[usd_per_unit]\nUSD = 1.0\nEUR = -1\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"usd_per_unit\.EUR"):
        load_rates(bad)
    bad.write_text('date = 2024-01-02\nsource = "t"\n[usd_per_unit]\nEUR = 1.1\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"usd_per_unit\.USD"):
        load_rates(bad)
    bad.write_text("date = ", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid TOML"):
        load_rates(bad)
