"""US: federal income tax, FICA, and every state and DC (income tax, modelled local taxes, payroll premiums)."""

from __future__ import annotations

from offercheck.tax.engine import (
    TaxLine,
    TaxResult,
    UnsupportedJurisdiction,
    bracket_tax,
    line,
    params,
    unverified_notes,
)
from offercheck.tax.registry import COUNTRIES
from offercheck.tax.us_states import LOCAL_NOT_MODELLED, PAYROLL_NOT_MODELLED, STATES, Household, state_taxes

SUBDIVISIONS: tuple[str, ...] = tuple(sorted(STATES))


def federal_income_tax(taxable_income: float, filing_status: str, tax_year: int) -> float:
    """Regular federal income tax on taxable income (rate schedule, not the rounded tax table)."""
    t = params("us_federal", tax_year)["income_tax"]
    return bracket_tax(taxable_income, t["rates"], t[filing_status])


def _state(subdivision: str | None) -> str:
    state = (subdivision or "").upper().removeprefix("US-")
    if state not in STATES:
        raise UnsupportedJurisdiction(
            f"US state {subdivision!r} is not supported; supported states: {', '.join(SUBDIVISIONS)}"
        )
    return state


def estimate(
    *,
    subdivision: str | None,
    city: str | None,
    filing_status: str,
    tax_year: int,
    wages: float,
    pretax_deferral: float,
    work_subdivision: str | None = None,
) -> TaxResult:
    """Federal, state (``subdivision``: where the person lives) and payroll (``work_subdivision``: where the work is
    done, default the home state) taxes on one earner's wages."""
    state = _state(subdivision)
    work = state if work_subdivision is None else _state(work_subdivision)
    fed = params("us_federal", tax_year)
    it, ss, mc = fed["income_tax"], fed["social_security"], fed["medicare"]
    fs = filing_status
    agi = max(wages - pretax_deferral, 0.0)
    taxable = max(agi - it[f"standard_deduction_{fs}"], 0.0)
    income_tax = federal_income_tax(taxable, fs, tax_year)
    social_security, medicare = ss["rate"] * min(wages, ss["wage_base"]), mc["rate"] * wages
    lines: list[TaxLine] = [
        line("US federal income tax", income_tax, "income", it),
        line("Social Security", social_security, "social", ss),
        line("Medicare", medicare, "social", mc),
    ]
    additional = mc["additional_rate"] * max(wages - mc[f"additional_threshold_{fs}"], 0.0)
    if additional > 0:
        lines.append(line("Additional Medicare", additional, "social", mc))
    household = Household(
        filing_status=fs,
        wages=wages,
        agi=agi,
        federal_taxable=taxable,
        federal_tax=income_tax,
        city=city,
        fica=social_security + medicare + additional,
        federal_standard_deduction=it[f"standard_deduction_{fs}"],
        ss_wage_base=ss["wage_base"],
    )
    st = state_taxes(params("us_states", tax_year), state, household, work=work)
    notes = [
        "estimate: wages are the only income; standard deduction; no credits; ISOs/AMT, NIIT and the OBBBA"
        " temporary deductions are out of scope",
        "married = married filing jointly with a single earner",
        "Additional Medicare is the liability on the return; employers withhold it on wages over 200,000"
        " whatever the filing status",
        *st.notes,
        LOCAL_NOT_MODELLED,
        PAYROLL_NOT_MODELLED,
        *unverified_notes([it, ss, mc, *st.tables]),
    ]
    return TaxResult(
        country="US",
        subdivision=state,
        tax_year=tax_year,
        currency=COUNTRIES["US"].currency,
        lines=(*lines, *st.lines),
        notes=tuple(notes),
    )
