"""The shared acceptance vectors (shared/data/tax/test_vectors.json): official tables, independent
implementations' tests, and derived arithmetic checks (each vector says which it is)."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest

from offercheck.tax.canada import income_tax as canada_income_tax
from offercheck.tax.engine import params
from offercheck.tax.germany import tariff
from offercheck.tax.registry import estimate_tax
from offercheck.tax.uk import personal_allowance
from offercheck.tax.us import federal_income_tax
from tests.conftest import SHARED

VECTORS = SHARED / "data" / "tax" / "test_vectors.json"
if not VECTORS.is_file():
    pytest.skip(f"shared tax test vectors not found at {VECTORS}", allow_module_level=True)

ALL: list[dict[str, Any]] = json.loads(VECTORS.read_text(encoding="utf-8"))["vectors"]
STATUS = {"single": "single", "married_joint": "married"}


def select(jurisdiction: str, **match: object) -> list[Any]:
    return [
        pytest.param(v, id=v["id"])
        for v in ALL
        if v["jurisdiction"] == jurisdiction and all(v.get(k) == val for k, val in match.items())
    ]


def us_federal(official: bool) -> list[Any]:
    # Only the filing statuses the estimator supports (single, married filing jointly).
    return [
        p
        for p in select("US federal")
        if p.values[0].get("filing_status") in STATUS and ("official" in p.values[0]["kind"]) == official
    ]


@pytest.mark.parametrize("vector", us_federal(official=True))
def test_irs_2025_tax_table(vector: dict[str, Any]) -> None:
    # The IRS tax table taxes the midpoint of each 50-dollar row and rounds half-up to whole dollars.
    low, high = vector["input"]["taxable_income_at_least"], vector["input"]["taxable_income_less_than"]
    tax = federal_income_tax((low + high) / 2, STATUS[vector["filing_status"]], vector["year"])
    rounded = Decimal(str(tax)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert rounded == vector["output"]["regular_income_tax"]


@pytest.mark.parametrize("vector", us_federal(official=False))
def test_us_2026_bracket_base_amounts(vector: dict[str, Any]) -> None:
    tax = federal_income_tax(vector["input"]["taxable_income"], STATUS[vector["filing_status"]], vector["year"])
    assert tax == pytest.approx(vector["output"]["regular_income_tax"], abs=0.005)


@pytest.mark.parametrize("vector", select("US Massachusetts"))
def test_massachusetts_surtax(vector: dict[str, Any]) -> None:
    # Part B taxable income is wages less the 4,400 personal exemption and the deduction of Social Security and
    # Medicare contributions, at most 2,000 (M.G.L. c. 62 s. 3(B)(a)(9)); at these wages FICA is far above 2,000.
    wages = vector["input"]["ma_part_b_taxable_income"] + 4_400 + 2_000
    result = estimate_tax(
        country="US", subdivision="MA", city=None, filing_status="single", tax_year=vector["year"], wages=wages
    )
    (ma,) = [line.amount for line in result.lines if line.name == "MA income tax"]
    expected = vector["output"]
    assert ma == pytest.approx(expected["ma_income_tax_before_credits"], abs=expected["tolerance"])


@pytest.mark.parametrize("vector", select("US California"))
def test_california_sdi(vector: dict[str, Any]) -> None:
    # The estimator has no pre-tax health premiums or HSA inputs: pass the SDI base the vector derives.
    given = vector["input"]
    base = given["employment_income"] - given["pre_tax_health_insurance_premiums"]
    result = estimate_tax(
        country="US", subdivision="CA", city=None, filing_status="single", tax_year=vector["year"], wages=base
    )
    (sdi,) = [line.amount for line in result.lines if line.name == "CA SDI"]
    assert sdi == pytest.approx(vector["output"]["ca_employee_state_disability_insurance_contribution"])


@pytest.mark.parametrize("vector", select("UK"))
def test_uk_personal_allowance_taper(vector: dict[str, Any]) -> None:
    table = params("uk", int(vector["year"][:4]))["income_tax"]
    allowance = personal_allowance(table, vector["input"]["employment_income"])
    assert allowance == vector["output"]["personal_allowance"]


@pytest.mark.parametrize("vector", select("Canada federal + Ontario"))
def test_rcgt_ontario_tax_table(vector: dict[str, Any]) -> None:
    # The table applies only the basic personal amounts (no CPP/EI or employment-amount credits).
    p = params("canada", vector["year"])
    income = vector["input"]["taxable_income"]
    expected = vector["output"]
    federal = canada_income_tax(p["federal"], income, p["federal"]["bpa_max"])
    ontario = canada_income_tax(p["ontario"], income, p["ontario"]["bpa"])
    assert federal == pytest.approx(expected["federal_tax"], abs=expected["tolerance"])
    assert ontario == pytest.approx(expected["ontario_tax"], abs=expected["tolerance"])


@pytest.mark.parametrize("vector", select("Germany"))
def test_german_tariff_arithmetic(vector: dict[str, Any]) -> None:
    # Derived vectors: they check the formula's arithmetic, not the coefficients.
    table = params("germany", vector["year"])["income_tax"]
    assert tariff(table, vector["input"]["zve"]) == vector["output"]["einkommensteuer"]
