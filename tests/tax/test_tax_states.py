"""Every state and DC: coverage for both years and filing statuses, and hand-computed cases from the parameters.

Each expectation below is worked from the cited parameters in data/tax/us_states.toml (the arithmetic is in the
comment), not from the code under test.
"""

from __future__ import annotations

import pytest

from offercheck.tax import TAX_YEARS, TaxResult, estimate_tax
from offercheck.tax.engine import load
from offercheck.tax.us import SUBDIVISIONS

ALL = (
    "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID", "IL", "IN", "KS",
    "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV",
    "NY", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY",
)
NO_WAGE_TAX = ("AK", "FL", "NH", "NV", "SD", "TN", "TX", "WA", "WY")


def us(state: str, wages: float, *, year: int = 2025, status: str = "single", **kw: object) -> TaxResult:
    return estimate_tax(
        country="US", subdivision=state, filing_status=status, tax_year=year, wages=wages, **kw  # type: ignore[arg-type]
    )


def amount(result: TaxResult, name: str) -> float:
    (found,) = [line.amount for line in result.lines if line.name == name]
    return found


def cents(expected: float) -> object:
    return pytest.approx(expected, abs=0.006)


def test_every_state_and_dc_is_a_subdivision() -> None:
    assert sorted(SUBDIVISIONS) == sorted(ALL) and len(ALL) == 51


@pytest.mark.parametrize("year", TAX_YEARS)
@pytest.mark.parametrize("status", ["single", "married"])
@pytest.mark.parametrize("state", ALL)
def test_every_state_has_its_income_tax_line(state: str, status: str, year: int) -> None:
    result = us(state, 120_000, year=year, status=status, city=None)
    line = next(x for x in result.lines if x.name == f"{state} income tax")
    assert str(year) in line.source and line.kind == "state_income"
    if state in NO_WAGE_TAX:
        assert line.amount == 0 and any(note.startswith(f"{state}: ") for note in result.notes)
    else:
        assert 0 < line.amount < 0.12 * 120_000
    assert any("local income taxes not modelled" in note for note in result.notes)
    assert us(f"us-{state.lower()}", 120_000, year=year, status=status, city=None).subdivision == state


@pytest.mark.parametrize("year", ["2025", "2026"])
def test_every_state_has_parameters_for_the_year(year: str) -> None:
    assert set(ALL) <= set(load("us_states")[year])


def test_alabama_deducts_federal_tax_and_itemizes_fica() -> None:
    # 2025 single, 90,000: FICA 6,885 (7.65%) beats the standard deduction (2,500 floor: 3,000 - 25 x 129 steps);
    # exemption 1,500; federal tax 11,249. Taxable 90,000 - 6,885 - 1,500 - 11,249 = 70,366:
    # 2% of 500 + 4% of 2,500 + 5% of 67,366 = 10 + 100 + 3,368.30.
    assert amount(us("AL", 90_000, city=None), "AL income tax") == cents(3_478.30)


def test_connecticut_phase_out_and_recapture() -> None:
    # 2025 single, 250,000: no exemption (gone at 45,000). Brackets: 200 + 1,800 + 2,750 + 6,000 + 3,250 = 14,000;
    # 2% phase-out 250 (max), low recapture 250 (max), middle recapture 90 x 10 steps of 5,000 over 200,000 = 900.
    assert amount(us("CT", 250_000, city=None), "CT income tax") == cents(15_400)
    # 2025 single, 40,000: exemption 15,000 less 1,000 per 1,000 over 30,000 = 5,000; taxable 35,000:
    # 2% of 10,000 + 4.5% of 25,000 = 1,325 (no phase-out below 56,500); Table E credit 10% (AGI over 33,300
    # up to 60,000): 1,325 - 132.50 = 1,192.50.
    assert amount(us("CT", 40_000, city=None), "CT income tax") == cents(1_192.50)


def test_maryland_state_and_county_lines() -> None:
    # 2025 single, 90,000: standard deduction 3,350, exemption 3,200 (AGI <= 100,000): taxable 83,450.
    # State: 20 + 30 + 40 + 4.75% of 80,450 = 3,911.375. County default 3.20% of 83,450 = 2,670.40.
    result = us("MD", 90_000, city="Baltimore")
    assert amount(result, "MD income tax") == cents(3_911.38)
    assert amount(result, "MD county tax") == cents(2_670.40)
    assert any("MD county tax" in note and "3.20%" in note for note in result.notes)


def test_ohio_2025_schedule() -> None:
    # 2025 single, 250,000: exemption 1,900 (AGI over 80,000): taxable 248,100.
    # 342.00 (1.31287% of 26,050) + 2.75% of 73,950 (2,033.625) + 3.125% of 148,100 (4,628.125) + 18.695 = 7,022.45.
    assert amount(us("OH", 250_000, city=None), "OH income tax") == cents(7_022.45)


def test_utah_taxpayer_credit_phase_out() -> None:
    # 2025 single, 90,000: 4.5% of 90,000 = 4,050; credit 6% of 15,750 = 945 less 1.3% of (90,000 - 18,213)
    # = 933.231 -> 11.769; tax 4,038.231.
    assert amount(us("UT", 90_000, city=None), "UT income tax") == cents(4_038.23)


def test_wisconsin_sliding_standard_deduction() -> None:
    # 2025 single, 90,000: deduction 13,560 - 12% of 70,450 = 5,106; exemption 700: taxable 84,194.
    # 3.5% of 14,680 + 4.4% of 35,800 + 5.3% of 33,714 = 513.80 + 1,575.20 + 1,786.842 = 3,875.842.
    assert amount(us("WI", 90_000, city=None), "WI income tax") == cents(3_875.84)


def test_maine_phase_outs_joint() -> None:
    # 2025 joint, 250,000: standard deduction 30,000 x (1 - (250,000 - 200,050) / 150,000) = 20,010;
    # exemptions 2 x 5,150 = 10,300 (phase-out starts at 400,100): taxable 219,690.
    # 5.8% of 53,600 + 6.75% of 73,300 + 7.15% of 92,790 = 3,108.80 + 4,947.75 + 6,634.485 = 14,691.035.
    assert amount(us("ME", 250_000, status="married", city=None), "ME income tax") == cents(14_691.035)


def test_massachusetts_fica_deduction_at_90k() -> None:
    # Issue 24's case: 2025 single, 90,000: (90,000 - 4,400 - 2,000) x 5% = 4,180 (PolicyEngine's figure).
    assert amount(us("MA", 90_000, city=None), "MA income tax") == cents(4_180)


def test_pennsylvania_taxes_the_deferral_new_jersey_does_not() -> None:
    assert amount(us("PA", 100_000, city=None, pretax_deferral=10_000), "PA income tax") == cents(3_070)
    # NJ: 90,000 - 1,000 = 89,000: 280 + 262.50 + 175 + 1,933.75 + 6.37% of 14,000 (891.80) = 3,543.05.
    assert amount(us("NJ", 100_000, city=None, pretax_deferral=10_000), "NJ income tax") == cents(3_543.05)


def test_washington_premiums() -> None:
    # 2025, 200,000: PFML 0.92% x 71.52% of 176,100 (the Social Security wage base) = 1,158.68;
    # WA Cares 0.58% of all wages = 1,160.
    result = us("WA", 200_000, city=None)
    assert amount(result, "WA PFML") == cents(0.0092 * 0.7152 * 176_100)
    assert amount(result, "WA Cares") == cents(1_160)
    assert amount(us("WA", 200_000, year=2026, city=None), "WA PFML") == cents(0.0113 * 0.7143 * 184_500)


def test_new_jersey_and_new_york_premiums() -> None:
    # NJ 2025, 200,000: TDI 0.23% and FLI 0.33% of 165,400; UI/WF 0.425% of 43,300.
    nj = us("NJ", 200_000, city=None)
    assert amount(nj, "NJ TDI") == cents(380.42)
    assert amount(nj, "NJ FLI") == cents(545.82)
    assert amount(nj, "NJ UI/WF") == cents(184.03)
    # NY 2025, 200,000: SDI 0.5% capped at 31.20; PFL 0.388% = 776 capped at 354.53.
    ny = us("NY", 200_000, city=None)
    assert amount(ny, "NY SDI") == cents(31.20)
    assert amount(ny, "NY PFL") == cents(354.53)
    assert amount(us("NY", 5_000, city=None), "NY SDI") == cents(25)


def test_premiums_in_force_by_year() -> None:
    names_2025 = [x.name for x in us("MN", 100_000, city=None).lines]
    assert "MN Paid Leave" not in names_2025
    # 2026: 0.44% of 100,000.
    assert amount(us("MN", 100_000, year=2026, city=None), "MN Paid Leave") == cents(440)
    # MA 2025, 300,000: 0.46% of the 176,100 wage base; OR: Paid Leave 0.6% capped, transit 0.1% uncapped.
    assert amount(us("MA", 300_000, city=None), "MA PFML") == cents(0.0046 * 176_100)
    oregon = us("OR", 300_000, city=None)
    assert amount(oregon, "Paid Leave Oregon") == cents(0.006 * 176_100)
    assert amount(oregon, "OR statewide transit tax") == cents(300)


def test_indiana_county_tax() -> None:
    # 2025 single, 90,000: 90,000 - 1,000 = 89,000; state 3% = 2,670; county (Marion default) 2.02% = 1,797.80.
    result = us("IN", 90_000, city="Indianapolis")
    assert amount(result, "IN income tax") == cents(2_670)
    assert amount(result, "IN county tax") == cents(1_797.80)
