"""US federal, FICA and state taxes against the statutory formulas, computed by hand here."""

from __future__ import annotations

import pytest

from offercheck.tax.engine import TaxResult
from offercheck.tax.registry import estimate_tax


def us(
    state: str,
    wages: float,
    *,
    year: int = 2026,
    status: str = "single",
    city: str | None = None,
    deferral: float = 0.0,
) -> TaxResult:
    return estimate_tax(
        country="US",
        subdivision=state,
        city=city,
        filing_status=status,
        tax_year=year,
        wages=wages,
        pretax_deferral=deferral,
    )


def cents(expected: float) -> object:
    # Lines are rounded to cents.
    return pytest.approx(expected, abs=0.006)


def amount(result: TaxResult, name: str) -> float:
    (found,) = [line.amount for line in result.lines if line.name == name]
    return found


def names(result: TaxResult) -> list[str]:
    return [line.name for line in result.lines]


def test_federal_income_tax_2026_single() -> None:
    # Rev. Proc. 2025-32: standard deduction 16,100; taxable 133,900 reaches the 24% bracket.
    taxable = 150_000 - 16_100
    expected = 12_400 * 0.10 + (50_400 - 12_400) * 0.12 + (105_700 - 50_400) * 0.22 + (taxable - 105_700) * 0.24
    assert amount(us("TX", 150_000), "US federal income tax") == cents(expected)


def test_federal_income_tax_2025_married_with_401k() -> None:
    taxable = 300_000 - 23_500 - 31_500
    expected = 23_850 * 0.10 + (96_950 - 23_850) * 0.12 + (206_700 - 96_950) * 0.22 + (taxable - 206_700) * 0.24
    result = us("TX", 300_000, year=2025, status="married", deferral=23_500)
    assert amount(result, "US federal income tax") == cents(expected)


@pytest.mark.parametrize(
    ("year", "status", "wages", "ss", "addl"),
    [
        (2026, "single", 100_000, 100_000 * 0.062, 0.0),
        (2026, "single", 250_000, 184_500 * 0.062, (250_000 - 200_000) * 0.009),
        (2026, "married", 250_000, 184_500 * 0.062, 0.0),
        (2026, "married", 400_000, 184_500 * 0.062, (400_000 - 250_000) * 0.009),
        (2025, "single", 180_000, 176_100 * 0.062, 0.0),
    ],
)
def test_fica(year: int, status: str, wages: float, ss: float, addl: float) -> None:
    # Deferrals do not reduce FICA wages.
    result = us("WA", wages, year=year, status=status, deferral=20_000)
    assert amount(result, "Social Security") == cents(ss)
    assert amount(result, "Medicare") == cents(wages * 0.0145)
    if addl:
        assert amount(result, "Additional Medicare") == cents(addl)
    else:
        assert "Additional Medicare" not in names(result)


def test_deferral_lowers_income_tax_only() -> None:
    plain, deferred = us("CA", 150_000), us("CA", 150_000, deferral=20_000)
    # Taxable income falls from 133,900 to 113,900, all within the 24% bracket.
    assert amount(deferred, "US federal income tax") == cents(amount(plain, "US federal income tax") - 20_000 * 0.24)
    assert amount(deferred, "CA income tax") < amount(plain, "CA income tax")
    for name in ("Social Security", "Medicare", "CA SDI"):
        assert amount(deferred, name) == amount(plain, name)


def test_california_2026_uses_2025_schedule_and_sdi() -> None:
    taxable = 150_000 - 5_706
    tax = (
        11_079 * 0.01
        + (26_264 - 11_079) * 0.02
        + (41_452 - 26_264) * 0.04
        + (57_542 - 41_452) * 0.06
        + (72_724 - 57_542) * 0.08
        + (taxable - 72_724) * 0.093
        - 153
    )
    result = us("CA", 150_000)
    assert amount(result, "CA income tax") == cents(tax)
    assert amount(result, "CA SDI") == cents(150_000 * 0.013)
    assert any("2026 CA rate schedule" in note for note in result.notes)
    assert amount(us("CA", 100_000, year=2025), "CA SDI") == cents(1_200)


def test_california_exemption_phase_out_and_mental_health_tax() -> None:
    # AGI 300,000 is 47,797 over the 2025 start: 20 steps of 2,500 (or part), 6 each.
    base = (
        11_079 * 0.01
        + (26_264 - 11_079) * 0.02
        + (41_452 - 26_264) * 0.04
        + (57_542 - 41_452) * 0.06
        + (72_724 - 57_542) * 0.08
    )
    assert amount(us("CA", 300_000, year=2025), "CA income tax") == cents(
        base + (294_294 - 72_724) * 0.093 - (153 - 20 * 6)
    )
    taxable = 1_500_000 - 5_706
    top = (
        base
        + (371_479 - 72_724) * 0.093
        + (445_771 - 371_479) * 0.103
        + (742_953 - 445_771) * 0.113
        + (taxable - 742_953) * 0.123
    )
    assert amount(us("CA", 1_500_000, year=2025), "CA income tax") == cents(top + (taxable - 1_000_000) * 0.01)


def test_new_york_and_nyc_below_supplemental_threshold() -> None:
    taxable = 100_000 - 8_000
    ny = 8_500 * 0.039 + 3_200 * 0.044 + 2_200 * 0.0515 + (80_650 - 13_900) * 0.054 + (taxable - 80_650) * 0.059
    nyc = 12_000 * 0.03078 + 13_000 * 0.03762 + 25_000 * 0.03819 + (taxable - 50_000) * 0.03876
    result = us("NY", 100_000, city="Brooklyn")
    assert amount(result, "NY income tax") == cents(ny)
    assert amount(result, "NYC resident tax") == cents(nyc)
    assert "NYC resident tax" not in names(us("NY", 100_000, city="Buffalo"))
    assert "NYC resident tax" in names(us("NY", 100_000, city=" New York City "))


def test_new_york_supplemental_tax_phase_in() -> None:
    # 2025, single, AGI 150,000: taxable 142,000 sits in the 6% bracket (from 80,650). The benefit of the lower
    # brackets, 6% x 80,650 - tax(80,650), is recaptured in proportion (150,000 - 107,650) / 50,000.
    below = 8_500 * 0.04 + 3_200 * 0.045 + 2_200 * 0.0525 + (80_650 - 13_900) * 0.055
    normal = below + (142_000 - 80_650) * 0.06
    recapture = (0.06 * 80_650 - below) * (150_000 - 107_650) / 50_000
    assert amount(us("NY", 150_000, year=2025), "NY income tax") == cents(normal + recapture)


def test_massachusetts_surtax_and_fica_deduction() -> None:
    # 2026 surtax threshold 1,107,700 (M.G.L. c.62 s.4, indexed); Form 1 line 10 deducts Social Security and
    # Medicare contributions up to 2,000 (both far above it here).
    taxable = 2_000_000 - 4_400 - 2_000
    result = us("MA", 2_000_000)
    assert amount(result, "MA income tax") == cents(taxable * 0.05 + (taxable - 1_107_700) * 0.04)
    married = us("MA", 100_000, status="married")
    assert amount(married, "MA income tax") == cents((100_000 - 8_800 - 2_000) * 0.05)
    # Below 2,000 of FICA (wages 20,000: 7.65% = 1,530) the whole contribution is deducted.
    assert amount(us("MA", 20_000, year=2025), "MA income tax") == cents((20_000 - 4_400 - 1_530) * 0.05)


def test_illinois_exemption_and_its_income_limit() -> None:
    # 35 ILCS 5/204: 2,850 per person for 2025, 2,925 for 2026 (indexed).
    assert amount(us("IL", 100_000, year=2025), "IL income tax") == cents((100_000 - 2_850) * 0.0495)
    assert amount(us("IL", 100_000), "IL income tax") == cents((100_000 - 2_925) * 0.0495)
    assert amount(us("IL", 100_000, status="married"), "IL income tax") == cents((100_000 - 5_850) * 0.0495)
    assert amount(us("IL", 300_000), "IL income tax") == cents(300_000 * 0.0495)


def test_colorado_taxes_federal_taxable_income() -> None:
    assert amount(us("CO", 120_000, year=2025), "CO income tax") == cents((120_000 - 15_750) * 0.044)


def test_new_jersey() -> None:
    taxable = 100_000 - 1_000
    expected = 20_000 * 0.014 + 15_000 * 0.0175 + 5_000 * 0.035 + 35_000 * 0.05525 + (taxable - 75_000) * 0.0637
    assert amount(us("NJ", 100_000), "NJ income tax") == cents(expected)
    taxable = 100_000 - 2_000
    expected = 20_000 * 0.014 + 30_000 * 0.0175 + 20_000 * 0.0245 + 10_000 * 0.035 + (taxable - 80_000) * 0.05525
    assert amount(us("NJ", 100_000, status="married"), "NJ income tax") == cents(expected)


def test_pennsylvania_does_not_exclude_401k() -> None:
    assert amount(us("PA", 100_000, deferral=20_000), "PA income tax") == cents(3_070)


def test_oregon_federal_tax_subtraction_and_credit() -> None:
    # 2025 single, 100,000: federal tax 13,449 exceeds the 8,500 cap; AGI <= 100,000 keeps the 256 credit.
    taxable = 100_000 - 2_835 - 8_500
    expected = 4_400 * 0.0475 + 6_700 * 0.0675 + (taxable - 11_100) * 0.0875 - 256
    assert amount(us("OR", 100_000, year=2025), "OR income tax") == cents(expected)
    # AGI 132,000: the cap has stepped down twice (over 125,000 and over 130,000) to 5,100; no credit.
    taxable = 132_000 - 2_835 - 5_100
    expected = 4_400 * 0.0475 + 6_700 * 0.0675 + (taxable - 11_100) * 0.0875
    assert amount(us("OR", 132_000, year=2025), "OR income tax") == cents(expected)


@pytest.mark.parametrize(
    ("state", "text", "premiums"),
    [("WA", "no income tax on wages", ["WA PFML", "WA Cares"]), ("TX", "no state income tax", [])],
)
def test_no_wage_income_tax_states_say_so(state: str, text: str, premiums: list[str]) -> None:
    result = us(state, 150_000)
    assert names(result) == ["US federal income tax", "Social Security", "Medicare", f"{state} income tax", *premiums]
    assert amount(result, f"{state} income tax") == 0
    assert any(text in note for note in result.notes)
