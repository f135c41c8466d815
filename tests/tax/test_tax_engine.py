"""The public tax API: errors, supported jurisdictions, result shape, data provenance."""

from __future__ import annotations

import subprocess
import sys

import pytest

from offercheck.tax.engine import (
    LATEST_TAX_YEAR,
    TAX_YEARS,
    TaxLine,
    TaxResult,
    UnsupportedJurisdiction,
    UnsupportedTaxYear,
    bracket_tax,
    load,
)
from offercheck.tax.registry import COUNTRIES, estimate_tax, supported

DATA_FILES = ("us_federal", "us_states", "canada", "uk", "germany")
KINDS = {"income", "social", "state_income", "state_payroll"}
CASES = [
    ("US", "CA", "San Francisco"),
    ("US", "NY", "Brooklyn"),
    ("US", "WA", "Seattle"),
    ("CA", "ON", "Toronto"),
    ("CA", "BC", "Vancouver"),
    ("GB", None, "London"),
    ("DE", None, "Berlin"),
]


def test_bracket_tax_by_hand() -> None:
    rates, upper = [0.1, 0.2, 0.3], [100.0, 300.0]
    assert bracket_tax(0, rates, upper) == 0
    assert bracket_tax(50, rates, upper) == pytest.approx(5)
    assert bracket_tax(100, rates, upper) == pytest.approx(10)
    assert bracket_tax(250, rates, upper) == pytest.approx(10 + 150 * 0.2)
    assert bracket_tax(1000, rates, upper) == pytest.approx(10 + 40 + 700 * 0.3)


def test_tax_years() -> None:
    assert TAX_YEARS == (2025, 2026)
    assert LATEST_TAX_YEAR == 2026


@pytest.mark.parametrize(("country", "subdivision", "city"), CASES)
@pytest.mark.parametrize("filing_status", ["single", "married"])
@pytest.mark.parametrize("tax_year", TAX_YEARS)
def test_results_are_well_formed(
    country: str, subdivision: str | None, city: str, filing_status: str, tax_year: int
) -> None:
    result = estimate_tax(
        country=country,
        subdivision=subdivision,
        city=city,
        filing_status=filing_status,
        tax_year=tax_year,
        wages=180_000,
    )
    assert isinstance(result, TaxResult)
    assert result.tax_year == tax_year
    assert result.lines and all(isinstance(line, TaxLine) for line in result.lines)
    assert all(line.amount >= 0 and line.kind in KINDS and str(tax_year) in line.source for line in result.lines)
    assert result.total == pytest.approx(sum(line.amount for line in result.lines))
    assert 0 < result.total < 180_000
    assert result.notes


def test_zero_wages_pay_no_tax() -> None:
    for country, subdivision, city in CASES:
        result = estimate_tax(
            country=country, subdivision=subdivision, city=city, filing_status="single", tax_year=2026, wages=0
        )
        assert result.total == 0


@pytest.mark.parametrize(("country", "subdivision"), [("US", "PR"), ("US", None), ("CA", "QC"), ("GB", "WLS")])
def test_unsupported_subdivision_is_an_error_not_zero(country: str, subdivision: str | None) -> None:
    with pytest.raises(UnsupportedJurisdiction) as info:
        estimate_tax(
            country=country, subdivision=subdivision, city=None, filing_status="single", tax_year=2026, wages=1
        )
    message = str(info.value)
    assert repr(subdivision) in message
    assert "supported" in message


def test_unsupported_us_state_lists_the_supported_ones() -> None:
    with pytest.raises(UnsupportedJurisdiction, match=r"AK, AL, AR, AZ, CA, CO, CT, DC, DE, FL, GA, .*, WV, WY"):
        estimate_tax(country="US", subdivision="PR", city=None, filing_status="single", tax_year=2026, wages=1)


def test_unsupported_country_lists_the_supported_ones() -> None:
    with pytest.raises(UnsupportedJurisdiction, match=r"'FR'.*US: .*DE: national"):
        estimate_tax(country="FR", subdivision=None, city=None, filing_status="single", tax_year=2026, wages=1)


@pytest.mark.parametrize("tax_year", [2024, 2027])
def test_unsupported_tax_year(tax_year: int) -> None:
    with pytest.raises(UnsupportedTaxYear, match=f"{tax_year}.*2025, 2026"):
        estimate_tax(country="US", subdivision="CA", city=None, filing_status="single", tax_year=tax_year, wages=1)
    assert issubclass(UnsupportedTaxYear, UnsupportedJurisdiction)
    assert issubclass(UnsupportedJurisdiction, ValueError)


@pytest.mark.parametrize(
    "kwargs",
    [{"filing_status": "head_of_household"}, {"wages": -1.0}, {"pretax_deferral": 200_000.0}],
)
def test_bad_arguments(kwargs: dict[str, object]) -> None:
    args: dict[str, object] = {
        "country": "US",
        "subdivision": "CA",
        "city": None,
        "filing_status": "single",
        "tax_year": 2026,
        "wages": 100_000.0,
    }
    with pytest.raises(ValueError):
        estimate_tax(**{**args, **kwargs})  # type: ignore[arg-type]


def test_aliases() -> None:
    uk = estimate_tax(
        country="uk", subdivision="England", city=None, filing_status="single", tax_year=2026, wages=50_000
    )
    assert uk.country == "GB" and uk.currency == "GBP"
    on = estimate_tax(
        country="CA", subdivision="Ontario", city=None, filing_status="single", tax_year=2026, wages=50_000
    )
    assert on.subdivision == "ON" and on.currency == "CAD"
    ca = estimate_tax(country="US", subdivision="us-ca", city=None, filing_status="single", tax_year=2026, wages=50_000)
    assert ca.subdivision == "CA" and ca.currency == "USD"


def test_supported_table() -> None:
    assert supported() == {
        "US": (
            "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID", "IL", "IN", "KS",
            "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV",
            "NY", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY",
        ),
        "CA": ("BC", "ON"),
        "GB": ("", "ENG", "SCT"),
        "DE": ("",),
    }


def test_each_country_is_one_registry_line() -> None:
    """A country's currency, module and built-in regime plugin come from its registry line, and only from it."""
    assert {c: (e.module, e.currency, e.plugin) for c, e in COUNTRIES.items()} == {
        "US": ("us", "USD", "tax_us"), "CA": ("canada", "CAD", "tax_canada"), "GB": ("uk", "GBP", "tax_uk"),
        "DE": ("germany", "EUR", "tax_germany")}
    for code, country in COUNTRIES.items():
        result = estimate_tax(country=code, subdivision=(country.subdivisions[-1] or None), city=None,
                              filing_status="single", tax_year=LATEST_TAX_YEAR, wages=80_000)
        assert (result.country, result.currency) == (code, country.currency)


def test_the_package_reexports_the_one_dispatch() -> None:
    import offercheck.tax
    from offercheck.tax import registry

    assert offercheck.tax.estimate_tax is registry.estimate_tax
    assert offercheck.tax.TaxResult is TaxResult


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_parameter_table_has_provenance(name: str) -> None:
    data = load(name)
    assert sorted(data) == ["2025", "2026"]
    for year, tables in data.items():
        for table_name, table in tables.items():
            where = f"{name}.toml [{year}.{table_name}]"
            assert table.get("source"), where
            assert table.get("verified"), where
            assert str(table.get("year", "")).startswith(year), where


def test_unverified_parameters_are_named_in_notes() -> None:
    result = estimate_tax(
        country="US", subdivision="CA", city=None, filing_status="single", tax_year=2026, wages=100_000
    )
    assert any("2026 CA rate schedule" in note and "unverified" in note for note in result.notes)
    verified = estimate_tax(
        country="GB", subdivision=None, city=None, filing_status="single", tax_year=2026, wages=100_000
    )
    assert not any("unverified" in note for note in verified.notes)


def test_data_is_loaded_lazily_and_once() -> None:
    # A fresh interpreter: importing the package parses no data file; estimating parses each file once.
    code = (
        "from offercheck.tax.registry import estimate_tax\n"
        "from offercheck.tax.engine import load\n"
        "assert load.cache_info().currsize == 0\n"
        "for _ in range(3):\n"
        "    estimate_tax(country='US', subdivision='NY', city=None, filing_status='single', tax_year=2026, wages=1)\n"
        "info = load.cache_info()\n"
        "assert (info.currsize, info.misses) == (2, 2), info\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
