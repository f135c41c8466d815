"""Canada: federal and provincial (Ontario, British Columbia) income tax, CPP/CPP2 and EI."""

from __future__ import annotations

from offercheck.tax.engine import Table, TaxResult, UnsupportedJurisdiction, bracket_tax, line, params, unverified_notes
from offercheck.tax.registry import COUNTRIES

PROVINCES: dict[str, str] = {"ON": "ontario", "BC": "british_columbia"}
_NAMES: dict[str, str] = {"ONTARIO": "ON", "BRITISH COLUMBIA": "BC"}
SUBDIVISIONS: tuple[str, ...] = tuple(sorted(PROVINCES))


def income_tax(table: Table, taxable_income: float, credit_base: float) -> float:
    """Basic tax: brackets less non-refundable credits worth `credit_base` x the lowest rate."""
    rates = table["rates"]
    return max(bracket_tax(taxable_income, rates, table["upper"]) - float(rates[0]) * credit_base, 0.0)


def federal_bpa(table: Table, net_income: float) -> float:
    """The federal basic personal amount falls linearly from max to min across the phase-out range."""
    start, end = table["bpa_phaseout"]
    share = min(max((net_income - start) / (end - start), 0.0), 1.0)
    return float(table["bpa_max"] - share * (table["bpa_max"] - table["bpa_min"]))


def ontario_health_premium(table: Table, taxable_income: float) -> float:
    premium = 0.0
    for start, base, rate, maximum in table["rows"]:
        if taxable_income > start:
            premium = float(min(base + rate * (taxable_income - start), maximum))
    return premium


def ontario_surtax(table: Table, basic_tax: float) -> float:
    surtax: float = sum(
        rate * max(basic_tax - threshold, 0.0)
        for rate, threshold in zip(table["surtax_rates"], table["surtax_thresholds"], strict=True)
    )
    return surtax


def province_code(subdivision: str | None) -> str:
    code = (subdivision or "").strip().upper().removeprefix("CA-")
    code = _NAMES.get(code, code)
    if code not in PROVINCES:
        raise UnsupportedJurisdiction(
            f"Canadian province {subdivision!r} is not supported; supported provinces: {', '.join(SUBDIVISIONS)}"
        )
    return code


def estimate(*, subdivision: str | None, tax_year: int, wages: float, pretax_deferral: float) -> TaxResult:
    code = province_code(subdivision)
    p = params("canada", tax_year)
    fed, prov, cpp, ei = p["federal"], p[PROVINCES[code]], p["cpp"], p["ei"]
    cpp1 = cpp["rate"] * max(min(wages, cpp["ympe"]) - cpp["basic_exemption"], 0.0)
    cpp2 = cpp["cpp2_rate"] * max(min(wages, cpp["yampe"]) - cpp["ympe"], 0.0)
    premium = ei["rate"] * min(wages, ei["max_insurable_earnings"])
    # Base CPP earns a credit; enhanced CPP (the rest of CPP1) and CPP2 are deductions from income.
    cpp_base = cpp1 * cpp["base_rate"] / cpp["rate"]
    taxable = max(wages - (cpp1 - cpp_base) - cpp2, 0.0)
    fed_credits = federal_bpa(fed, taxable) + min(fed["canada_employment_amount"], wages) + cpp_base + premium
    prov_basic = income_tax(prov, taxable, prov["bpa"] + cpp_base + premium)
    lines = [
        line("Canada federal income tax", income_tax(fed, taxable, fed_credits), "income", fed),
        line("CPP", cpp1, "social", cpp),
        line("CPP2", cpp2, "social", cpp),
        line("EI", premium, "social", ei),
    ]
    tables = [fed, prov, cpp, ei]
    notes = [
        "estimate: employment income only; credits: basic personal amount, Canada employment amount (federal),"
        " CPP base and EI contributions; enhanced CPP and CPP2 deducted from income",
        "individual taxation: filing status is ignored (spouse amounts are not modelled)",
    ]
    if code == "ON":
        ohp = p["ontario_health_premium"]
        lines += [
            line("Ontario income tax", prov_basic + ontario_surtax(prov, prov_basic), "state_income", prov),
            line("Ontario Health Premium", ontario_health_premium(ohp, taxable), "state_income", ohp),
        ]
        tables.append(ohp)
        notes.append("ON: the low-income Ontario tax reduction and LIFT credit are not modelled")
    else:
        lines.append(line("British Columbia income tax", prov_basic, "state_income", prov))
        notes.append("BC: the BC tax reduction for low incomes is not modelled")
    if pretax_deferral:
        notes.append("pretax_deferral (a US 401(k) concept) is ignored; RRSP contributions are not modelled")
    return TaxResult(
        country="CA",
        subdivision=code,
        tax_year=tax_year,
        currency=COUNTRIES["CA"].currency,
        lines=tuple(lines),
        notes=tuple(notes + unverified_notes(tables)),
    )
