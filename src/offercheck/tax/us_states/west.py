"""Western states: AK, AZ, CA, CO, HI, ID, MT, NM, NV, OR, UT, WA, WY."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from offercheck.tax.engine import Table
from offercheck.tax.us_states.common import (
    Household,
    StateTax,
    by_status,
    income_tax,
    no_income_tax,
    schedule_tax,
    steps,
)


def _arizona(p: Table, h: Household) -> StateTax:
    t = p["AZ"]
    taxable = h.agi - by_status(t, "standard_deduction", h)
    return income_tax("AZ", t["rate"] * max(taxable, 0.0), t, "AZ: flat rate; Arizona's standard deduction")


def _california(p: Table, h: Household) -> StateTax:
    t = p["CA"]
    taxable = max(h.agi - by_status(t, "standard_deduction", h), 0.0)
    start = by_status(t, "exemption_phaseout_start", h)
    cut = steps(h.agi - start, t["exemption_phaseout_step"]) * t["exemption_phaseout_amount"]
    credit = h.people * max(t["exemption_credit"] - cut, 0)
    tax = max(schedule_tax(t, h, taxable) - credit, 0.0)
    tax += t["mental_health_rate"] * max(taxable - t["mental_health_threshold"], 0.0)
    return income_tax("CA", tax, t, "CA: standard deduction and personal exemption credit only; no other credits")


def _colorado(p: Table, h: Household) -> StateTax:
    t = p["CO"]
    taxable = h.federal_taxable
    if h.agi > t["addback_agi_threshold"]:
        # C.R.S. 39-22-104(3)(p): federal deductions over a cap are added back above 300,000 of AGI.
        taxable += max(h.federal_standard_deduction - by_status(t, "addback_allowed", h), 0.0)
    return income_tax(
        "CO",
        t["rate"] * taxable,
        t,
        "CO: flat rate on federal taxable income; local occupational privilege taxes are not modelled",
    )


def _hawaii(p: Table, h: Household) -> StateTax:
    t = p["HI"]
    standard = by_status(t, "standard_deduction", h)
    base = h.agi - h.people * t["exemption"]
    tax = schedule_tax(t, h, base - standard)
    if h.agi < by_status(t, "income_tax_deduction_agi_limit", h):
        # Below the AGI limit the Hawaii income tax paid is an itemized deduction (HRS 235-2.4(k)(2)): taken as
        # the tax itself, found by iterating to the fixed point where it beats the standard deduction.
        for _ in range(8):
            tax = schedule_tax(t, h, base - max(standard, tax))
    return income_tax("HI", tax, t, "HI: itemizes the state income tax withheld where it beats the standard deduction")


def _idaho(p: Table, h: Household) -> StateTax:
    t = p["ID"]
    # Idaho taxable income starts from federal taxable income (federal standard deduction), Form 40.
    tax = schedule_tax(t, h, h.federal_taxable) + t["permanent_building_fund"]
    return income_tax("ID", tax, t, "ID: includes the 10 dollar permanent building fund tax (Form 40)")


def _montana(p: Table, h: Household) -> StateTax:
    t = p["MT"]
    return income_tax("MT", schedule_tax(t, h, h.federal_taxable), t, "MT: taxes federal taxable income (Form 2)")


def _new_mexico(p: Table, h: Household) -> StateTax:
    t = p["NM"]
    # NMSA 7-2-5.8: low- and middle-income exemption, reduced with income and gone above the limit.
    exemption = 0.0
    if h.agi <= by_status(t, "lmi_income_limit", h):
        excess = max(h.agi - by_status(t, "lmi_reduction_start", h), 0.0)
        exemption = max(h.people * t["lmi_amount"] - by_status(t, "lmi_reduction_rate", h) * excess, 0.0)
    return income_tax("NM", schedule_tax(t, h, h.federal_taxable - exemption), t)


def _oregon(p: Table, h: Household) -> StateTax:
    t = p["OR"]
    cap_thresholds = [h.people * a for a in t["federal_tax_cap_agi_single"]]
    # The cap on the subtraction of federal tax steps down for each threshold the AGI reaches (ORS 316.695;
    # twice these amounts joint). An AGI equal to a threshold gets the lower cap, as PolicyEngine reads it.
    cap = t["federal_tax_cap"][bisect.bisect_right(cap_thresholds, h.agi)]
    taxable = h.agi - by_status(t, "standard_deduction", h) - min(h.federal_tax, cap)
    limit = by_status(t, "exemption_credit_agi_limit", h)
    credit = h.people * t["exemption_credit"] if h.agi <= limit else 0.0
    return income_tax(
        "OR",
        schedule_tax(t, h, taxable) - credit,
        t,
        "OR: subtraction of federal income tax (capped), standard deduction, exemption credit; the kicker credit"
        " and local income taxes (Portland metro, Multnomah County) are not modelled",
    )


def _utah(p: Table, h: Household) -> StateTax:
    t = p["UT"]
    # Utah taxpayer tax credit (UCA 59-10-1018): 6% of the federal standard deduction, phased out at 1.3%.
    base = t["credit_rate"] * h.federal_standard_deduction
    credit = max(base - t["credit_phaseout_rate"] * max(h.agi - by_status(t, "credit_phaseout_start", h), 0), 0)
    return income_tax("UT", t["rate"] * h.agi - credit, t, "UT: flat rate less the taxpayer tax credit")


def _none(code: str) -> Callable[[Table, Household], StateTax]:
    def compute(p: Table, h: Household) -> StateTax:
        return no_income_tax(code, p[code])

    return compute


STATES: dict[str, Callable[[Table, Household], StateTax]] = {
    "AK": _none("AK"),
    "AZ": _arizona,
    "CA": _california,
    "CO": _colorado,
    "HI": _hawaii,
    "ID": _idaho,
    "MT": _montana,
    "NM": _new_mexico,
    "NV": _none("NV"),
    "OR": _oregon,
    "UT": _utah,
    "WA": _none("WA"),
    "WY": _none("WY"),
}
