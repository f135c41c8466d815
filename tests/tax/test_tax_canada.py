"""Canada: CPP/CPP2/EI and income tax against the statutory formulas, computed by hand here."""

from __future__ import annotations

import pytest

from offercheck.tax.canada import federal_bpa, ontario_health_premium
from offercheck.tax.engine import TaxResult, params
from offercheck.tax.registry import estimate_tax


def canada(province: str, wages: float, year: int = 2026) -> dict[str, float]:
    result: TaxResult = estimate_tax(
        country="CA", subdivision=province, city=None, filing_status="single", tax_year=year, wages=wages
    )
    return {line.name: line.amount for line in result.lines}


def cents(expected: float) -> object:
    return pytest.approx(expected, abs=0.006)


def test_contributions_at_the_maximums_match_published_maximums() -> None:
    # CRA/ESDC publish these 2026 maximums: CPP 4,230.45, CPP2 416.00, EI 1,123.07.
    lines = canada("ON", 200_000)
    assert lines["CPP"] == cents(4_230.45)
    assert lines["CPP2"] == cents(416.00)
    assert lines["EI"] == cents(1_123.07)


def test_contributions_below_the_ceilings() -> None:
    lines = canada("BC", 50_000)
    assert lines["CPP"] == cents(0.0595 * (50_000 - 3_500))
    assert lines["CPP2"] == 0
    assert lines["EI"] == cents(0.0163 * 50_000)
    lines = canada("BC", 80_000, year=2025)
    assert lines["CPP"] == cents(0.0595 * (71_300 - 3_500))
    assert lines["CPP2"] == cents(0.04 * (80_000 - 71_300))
    assert lines["EI"] == cents(0.0164 * 65_700)


def test_ontario_2026_at_100k_by_hand() -> None:
    cpp = 0.0595 * (74_600 - 3_500)
    cpp_base = cpp * 4.95 / 5.95
    taxable = 100_000 - (cpp - cpp_base) - 0.04 * (85_000 - 74_600)
    ei = 0.0163 * 68_900
    federal = 58_523 * 0.14 + (taxable - 58_523) * 0.205 - 0.14 * (16_452 + 1_471 + cpp_base + ei)
    basic = 53_891 * 0.0505 + (taxable - 53_891) * 0.0915 - 0.0505 * (12_989 + cpp_base + ei)
    ontario = basic + 0.20 * (basic - 5_710)  # below the second surtax threshold (7,307)
    lines = canada("ON", 100_000)
    assert lines["Canada federal income tax"] == cents(federal)
    assert lines["Ontario income tax"] == cents(ontario)
    assert lines["Ontario Health Premium"] == 750


def test_british_columbia_2025_at_60k_by_hand() -> None:
    cpp = 0.0595 * (60_000 - 3_500)
    cpp_base = cpp * 4.95 / 5.95
    taxable = 60_000 - (cpp - cpp_base)
    ei = 0.0164 * 60_000
    federal = 57_375 * 0.145 + (taxable - 57_375) * 0.205 - 0.145 * (16_129 + 1_471 + cpp_base + ei)
    bc = 49_279 * 0.0506 + (taxable - 49_279) * 0.077 - 0.0506 * (12_932 + cpp_base + ei)
    lines = canada("BC", 60_000, year=2025)
    assert lines["Canada federal income tax"] == cents(federal)
    assert lines["British Columbia income tax"] == cents(bc)
    assert "Ontario Health Premium" not in lines


def test_federal_basic_personal_amount_phase_down() -> None:
    fed = params("canada", 2026)["federal"]
    assert federal_bpa(fed, 100_000) == 16_452
    assert federal_bpa(fed, (181_440 + 258_482) / 2) == pytest.approx((16_452 + 14_829) / 2)
    assert federal_bpa(fed, 400_000) == 14_829


@pytest.mark.parametrize(
    ("income", "premium"),
    [
        (20_000, 0),
        (22_000, 120),
        (30_000, 300),
        (37_000, 360),
        (40_000, 450),
        (48_200, 500),
        (60_000, 600),
        (72_300, 675),
        (100_000, 750),
        (200_400, 850),
        (500_000, 900),
    ],
)
def test_ontario_health_premium_schedule(income: float, premium: float) -> None:
    table = params("canada", 2026)["ontario_health_premium"]
    assert ontario_health_premium(table, income) == pytest.approx(premium)


def test_notes_state_simplifications_and_unverified_ontario_values() -> None:
    result = estimate_tax(
        country="CA",
        subdivision="ON",
        city=None,
        filing_status="married",
        tax_year=2026,
        wages=90_000,
        pretax_deferral=5_000,
    )
    notes = " ".join(result.notes)
    assert "filing status is ignored" in notes
    assert "pretax_deferral" in notes
    assert "11.16% and 12.16% rates" in notes
