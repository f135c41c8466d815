"""Southern states: AL, AR, FL, GA, KY, LA, MS, NC, OK, SC, TN, TX, VA, WV."""

from __future__ import annotations

from collections.abc import Callable

from offercheck.tax.engine import Table, bracket_tax
from offercheck.tax.us_states.common import (
    Household,
    StateTax,
    by_status,
    income_tax,
    linear_phase_out,
    no_income_tax,
    schedule_tax,
    steps,
)


def _alabama(p: Table, h: Household) -> StateTax:
    t = p["AL"]
    # Form 40 standard deduction chart: the maximum falls by a step per 500 of AGI over the start, to a floor.
    cut = steps(h.agi - t["sd_phaseout_start"], t["sd_phaseout_step"]) * by_status(t, "sd_phaseout_amount", h)
    standard = max(by_status(t, "standard_deduction_max", h) - cut, by_status(t, "standard_deduction_min", h))
    # Code of Ala. 40-18-15(a)(3): employee Social Security and Medicare taxes are an itemized deduction.
    deduction = max(standard, h.fica)
    taxable = h.agi - deduction - by_status(t, "exemption", h) - h.federal_tax  # 40-18-15(a)(2): federal tax
    note = "AL: deducts federal income tax; itemizes employee FICA where it exceeds the standard deduction"
    notes = [note, "AL: local occupational taxes (e.g. Birmingham) are not modelled"]
    return income_tax("AL", schedule_tax(t, h, taxable), t, *notes)


def _arkansas(p: Table, h: Household) -> StateTax:
    t = p["AR"]
    taxable = max(h.agi - by_status(t, "standard_deduction", h), 0.0)
    if taxable <= t["high_income_threshold"]:
        tax = bracket_tax(taxable, t["rates"], t["upper"])
    else:
        tax = bracket_tax(taxable, t["high_rates"], t["high_upper"])
    credit = h.people * t["personal_credit"]
    return income_tax(
        "AR",
        tax - credit,
        t,
        "AR: rate schedules, not the tax tables; the bracket adjustment just above the high-income threshold"
        " is not modelled",
    )


def _flat(code: str, *notes: str) -> Callable[[Table, Household], StateTax]:
    """Flat rate on AGI less the state's standard deduction (GA, KY, LA, NC)."""

    def compute(p: Table, h: Household) -> StateTax:
        t = p[code]
        taxable = h.agi - by_status(t, "standard_deduction", h)
        return income_tax(code, t["rate"] * max(taxable, 0.0), t, *notes)

    return compute


def _exemptions(code: str, *notes: str) -> Callable[[Table, Household], StateTax]:
    """Rate schedule on AGI less the standard deduction and personal exemptions per person (MS, OK, VA, WV)."""

    def compute(p: Table, h: Household) -> StateTax:
        t = p[code]
        taxable = h.agi - t.get(f"standard_deduction_{h.filing_status}", 0.0) - h.people * t["exemption"]
        return income_tax(code, schedule_tax(t, h, taxable), t, *notes)

    return compute


def _south_carolina(p: Table, h: Household) -> StateTax:
    t = p["SC"]
    if t["sciad"]:
        # From 2026: AGI less the SC income adjusted deduction (SCIAD), phased out linearly with AGI.
        deduction = linear_phase_out(
            by_status(t, "sciad_amount", h), h.agi, by_status(t, "sciad_start", h), by_status(t, "sciad_width", h)
        )
        taxable = h.agi - deduction
    else:
        # SC does not adopt the OBBBA standard deduction: the excess over the pre-OBBBA amount is added back.
        taxable = h.federal_taxable + max(h.federal_standard_deduction - by_status(t, "pre_obbba_sd", h), 0.0)
    return income_tax("SC", schedule_tax(t, h, taxable), t)


def _none(code: str) -> Callable[[Table, Household], StateTax]:
    def compute(p: Table, h: Household) -> StateTax:
        return no_income_tax(code, p[code])

    return compute


STATES: dict[str, Callable[[Table, Household], StateTax]] = {
    "AL": _alabama,
    "AR": _arkansas,
    "FL": _none("FL"),
    "GA": _flat("GA", "GA: flat rate; the personal exemption is folded into the standard deduction"),
    "KY": _flat("KY", "KY: flat rate; local occupational license taxes are not modelled"),
    "LA": _flat("LA", "LA: flat rate from 2025; no federal tax deduction"),
    "MS": _exemptions("MS"),
    "NC": _flat("NC", "NC: flat rate"),
    "OK": _exemptions("OK"),
    "SC": _south_carolina,
    "TN": _none("TN"),
    "TX": _none("TX"),
    "VA": _exemptions("VA"),
    "WV": _exemptions("WV"),
}
