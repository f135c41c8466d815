"""UK (England) income tax and employee NI against the statutory bands, computed by hand here."""

from __future__ import annotations

import pytest

from offercheck.tax.registry import estimate_tax


@pytest.mark.parametrize(
    ("wages", "income_tax", "ni"),
    [
        (10_000, 0.0, 0.0),
        (30_000, (30_000 - 12_570) * 0.20, (30_000 - 12_570) * 0.08),
        (60_000, 37_700 * 0.20 + (60_000 - 50_270) * 0.40, 37_700 * 0.08 + (60_000 - 50_270) * 0.02),
        # Allowance tapered to 12,570 - (110,000 - 100,000) / 2 = 7,570.
        (110_000, 37_700 * 0.20 + (110_000 - 7_570 - 37_700) * 0.40, 37_700 * 0.08 + (110_000 - 50_270) * 0.02),
        # No allowance left above 125,140.
        (
            200_000,
            37_700 * 0.20 + (125_140 - 37_700) * 0.40 + (200_000 - 125_140) * 0.45,
            37_700 * 0.08 + (200_000 - 50_270) * 0.02,
        ),
    ],
)
@pytest.mark.parametrize("tax_year", [2025, 2026])
def test_income_tax_and_ni(wages: float, income_tax: float, ni: float, tax_year: int) -> None:
    result = estimate_tax(
        country="GB", subdivision="ENG", city=None, filing_status="single", tax_year=tax_year, wages=wages
    )
    lines = {line.name: line.amount for line in result.lines}
    assert lines["UK income tax"] == pytest.approx(income_tax, abs=0.006)
    assert lines["UK National Insurance"] == pytest.approx(ni, abs=0.006)
    assert any(f"{tax_year}-{(tax_year + 1) % 100}" in note for note in result.notes)
