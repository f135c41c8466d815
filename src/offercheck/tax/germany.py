"""Germany: income tax (sec. 32a EStG), solidarity surcharge and employee social contributions."""

from __future__ import annotations

import math

from offercheck.tax.engine import Table, TaxResult, line, params, unverified_notes
from offercheck.tax.registry import COUNTRIES

SUBDIVISIONS: tuple[str, ...] = ("",)

# Share of health contributions that is deductible: 4% is attributed to sick pay (sec. 10(1) Nr. 3a EStG).
_HEALTH_DEDUCTIBLE = 0.96


def tariff(table: Table, taxable_income: float) -> int:
    """Grundtarif of sec. 32a(1) EStG in whole euros."""
    x = math.floor(taxable_income)
    if x <= table["gfb"]:
        return 0
    if x <= table["zone2_end"]:
        y = (x - table["gfb"]) / 10000
        tax = (table["a2"] * y + table["b2"]) * y
    elif x <= table["zone3_end"]:
        z = (x - table["zone2_end"]) / 10000
        tax = (table["a3"] * z + table["b3"]) * z + table["c3"]
    elif x <= table["zone4_end"]:
        tax = 0.42 * x - table["d4"]
    else:
        tax = 0.45 * x - table["d5"]
    return math.floor(float(tax))


def income_tax(table: Table, taxable_income: float, married: bool) -> int:
    """Grundtarif, or the Splittingtarif (twice the tax on half the income) for joint assessment."""
    return 2 * tariff(table, taxable_income / 2) if married else tariff(table, taxable_income)


def solidarity_surcharge(table: Table, tax: float, married: bool) -> float:
    limit = table["exemption_limit_single"] * (2 if married else 1)
    if tax <= limit:
        return 0.0
    return float(min(table["rate"] * tax, table["phase_in_rate"] * (tax - limit)))


def estimate(*, filing_status: str, tax_year: int, wages: float, pretax_deferral: float) -> TaxResult:
    p = params("germany", tax_year)
    it, soli, s = p["income_tax"], p["solidarity_surcharge"], p["social"]
    married = filing_status == "married"
    pension = s["pension_rate"] * min(wages, s["pension_ceiling"])
    unemployment = s["unemployment_rate"] * min(wages, s["pension_ceiling"])
    health = (s["health_rate"] + s["health_additional_rate"]) * min(wages, s["health_ceiling"])
    care = s["care_rate"] * min(wages, s["health_ceiling"])
    # Simplified Vorsorgeaufwendungen: unemployment insurance is left out because health and care
    # contributions normally exhaust the 1,900 cap for other provident expenses.
    provident = pension + _HEALTH_DEDUCTIBLE * health + care
    lump_sums = it["employee_lump_sum"] + it["special_expenses_lump_sum"] * (2 if married else 1)
    taxable = max(wages - lump_sums - provident, 0.0)
    tax = income_tax(it, taxable, married)
    notes = [
        "estimate: taxable income = wages - Arbeitnehmer-Pauschbetrag - Sonderausgaben-Pauschbetrag - simplified"
        " Vorsorgeaufwendungen (employee pension, 96% of health, care); this is an annual assessment, not"
        " Lohnsteuer withholding",
        "married = joint assessment (Splittingtarif) with a single earner",
        "statutory health insurance with the average Zusatzbeitrag; care insurance includes the childless"
        " surcharge (age 23+); Saxony's care split and church tax are not modelled",
    ]
    if pretax_deferral:
        notes.append("pretax_deferral (a US 401(k) concept) is ignored")
    return TaxResult(
        country="DE",
        subdivision=None,
        tax_year=tax_year,
        currency=COUNTRIES["DE"].currency,
        lines=(
            line("German income tax", tax, "income", it),
            line("Solidarity surcharge", solidarity_surcharge(soli, tax, married), "income", soli),
            line("Pension insurance", pension, "social", s),
            line("Unemployment insurance", unemployment, "social", s),
            line("Health insurance", health, "social", s),
            line("Long-term care insurance", care, "social", s),
        ),
        notes=tuple(notes + unverified_notes([it, soli, s])),
    )
