"""Germany: sec. 32a EStG, Soli and employee social contributions, computed by hand here."""

from __future__ import annotations

import math

import pytest

from offercheck.tax.engine import params
from offercheck.tax.germany import income_tax, solidarity_surcharge, tariff
from offercheck.tax.registry import estimate_tax


def germany(wages: float, status: str = "single", year: int = 2026) -> dict[str, float]:
    result = estimate_tax(country="DE", subdivision=None, city=None, filing_status=status, tax_year=year, wages=wages)
    return {line.name: line.amount for line in result.lines}


def test_tariff_zones_2026_by_hand() -> None:
    table = params("germany", 2026)["income_tax"]
    y = (15_000 - 12_348) / 10_000
    z = (40_000 - 17_799) / 10_000
    assert tariff(table, 12_348) == 0
    assert tariff(table, 15_000.99) == math.floor((914.51 * y + 1_400) * y)
    assert tariff(table, 40_000) == math.floor((173.10 * z + 2_397) * z + 1_034.87)
    assert tariff(table, 100_000) == math.floor(0.42 * 100_000 - 11_135.63)
    assert tariff(table, 300_000) == math.floor(0.45 * 300_000 - 19_470.38)


def test_splitting_is_twice_the_tax_on_half() -> None:
    table = params("germany", 2025)["income_tax"]
    assert income_tax(table, 80_000, married=True) == 2 * tariff(table, 40_000)
    assert income_tax(table, 80_000, married=False) == tariff(table, 80_000)


@pytest.mark.parametrize(
    ("tax", "married", "soli"),
    [
        (20_350, False, 0.0),
        (21_000, False, 0.119 * (21_000 - 20_350)),  # Milderungszone
        (50_000, False, 0.055 * 50_000),
        (40_700, True, 0.0),
        (41_000, True, 0.119 * (41_000 - 40_700)),
    ],
)
def test_solidarity_surcharge(tax: float, married: bool, soli: float) -> None:
    assert solidarity_surcharge(params("germany", 2026)["solidarity_surcharge"], tax, married) == pytest.approx(soli)


@pytest.mark.parametrize(
    ("wages", "pension_base", "health_base"), [(50_000, 50_000, 50_000), (150_000, 101_400, 69_750)]
)
def test_social_contributions_with_ceilings(wages: float, pension_base: float, health_base: float) -> None:
    lines = germany(wages)
    assert lines["Pension insurance"] == pytest.approx(0.093 * pension_base, abs=0.006)
    assert lines["Unemployment insurance"] == pytest.approx(0.013 * pension_base, abs=0.006)
    assert lines["Health insurance"] == pytest.approx((0.073 + 0.029 / 2) * health_base, abs=0.006)
    assert lines["Long-term care insurance"] == pytest.approx((0.018 + 0.006) * health_base, abs=0.006)


def test_full_estimate_2026_single_100k_by_hand() -> None:
    health, care = 0.0875 * 69_750, 0.024 * 69_750
    taxable = 100_000 - 1_230 - 36 - (0.093 * 100_000 + 0.96 * health + care)
    tax = math.floor(0.42 * math.floor(taxable) - 11_135.63)
    lines = germany(100_000)
    assert lines["German income tax"] == tax
    assert lines["Solidarity surcharge"] == pytest.approx(min(0.055 * tax, 0.119 * (tax - 20_350)), abs=0.006)


def test_married_pays_less_and_2025_uses_its_ceilings() -> None:
    assert germany(100_000, "married")["German income tax"] < germany(100_000)["German income tax"]
    assert germany(150_000, year=2025)["Pension insurance"] == pytest.approx(0.093 * 96_600)
