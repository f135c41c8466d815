"""Midwestern states: IA, IL, IN, KS, MI, MN, MO, ND, NE, OH, SD, WI."""

from __future__ import annotations

from collections.abc import Callable

from offercheck.tax.engine import Table, bracket_tax
from offercheck.tax.us_states.common import (
    Household,
    StateTax,
    by_status,
    income_tax,
    no_income_tax,
    schedule_tax,
)
from offercheck.tax.us_states.local import in_county_tax


def _illinois(p: Table, h: Household) -> StateTax:
    t = p["IL"]
    eligible = h.agi <= by_status(t, "exemption_agi_limit", h)
    exemption = h.people * t["exemption"] if eligible else 0.0
    return income_tax("IL", t["rate"] * max(h.agi - exemption, 0.0), t)


def _indiana(p: Table, h: Household) -> StateTax:
    t = p["IN"]
    taxable = max(h.agi - h.people * t["exemption"], 0.0)
    result = income_tax("IN", t["rate"] * taxable, t)
    county = in_county_tax(p, h, taxable)
    result.lines.extend(county.lines)
    result.tables.extend(county.tables)
    result.notes.extend(county.notes)
    return result


def _iowa(p: Table, h: Household) -> StateTax:
    t = p["IA"]
    # From 2023 Iowa starts from federal taxable income; a flat rate from 2025; a 40 dollar credit per person.
    tax = t["rate"] * h.federal_taxable - h.people * t["exemption_credit"]
    return income_tax("IA", tax, t)


def _kansas(p: Table, h: Household) -> StateTax:
    t = p["KS"]
    taxable = h.agi - by_status(t, "standard_deduction", h) - by_status(t, "exemption", h)
    return income_tax("KS", schedule_tax(t, h, taxable), t)


def _michigan(p: Table, h: Household) -> StateTax:
    t = p["MI"]
    taxable = h.agi - h.people * t["exemption"]
    return income_tax("MI", t["rate"] * max(taxable, 0.0), t, "MI: city income taxes (e.g. Detroit) are not modelled")


def _minnesota(p: Table, h: Household) -> StateTax:
    t = p["MN"]
    standard = by_status(t, "standard_deduction", h)
    low, high = t["sd_reduction_low"], t["sd_reduction_high"]
    # M1 standard deduction worksheet: 3% of AGI over the low threshold, 10% over the high one, at most 80%.
    reduction = t["sd_reduction_low_rate"] * min(max(h.agi - low, 0.0), high - low)
    reduction += t["sd_reduction_high_rate"] * max(h.agi - high, 0.0)
    cap = t["sd_reduction_max_share"] * standard
    if h.agi > t["sd_reduction_full_above"]:
        reduction = cap
    taxable = h.agi - (standard - min(reduction, cap))
    return income_tax("MN", schedule_tax(t, h, taxable), t)


def _missouri(p: Table, h: Household) -> StateTax:
    t = p["MO"]
    # RSMo 143.171: a share of federal income tax (by AGI) is deductible, capped.
    share = t["federal_tax_rates"][sum(h.agi > x for x in t["federal_tax_agi_upper"])]
    deduction = min(share * h.federal_tax, by_status(t, "federal_tax_cap", h))
    taxable = h.federal_taxable - deduction
    return income_tax(
        "MO",
        bracket_tax(max(taxable, 0.0), t["rates"], t["upper"]),
        t,
        "MO: federal standard deduction and the capped deduction of federal tax; Kansas City and St. Louis"
        " earnings taxes are not modelled",
    )


def _north_dakota(p: Table, h: Household) -> StateTax:
    t = p["ND"]
    return income_tax("ND", schedule_tax(t, h, h.federal_taxable), t, "ND: taxes federal taxable income")


def _nebraska(p: Table, h: Household) -> StateTax:
    t = p["NE"]
    taxable = h.agi - by_status(t, "standard_deduction", h)
    return income_tax("NE", schedule_tax(t, h, taxable) - h.people * t["exemption_credit"], t)


def _ohio(p: Table, h: Household) -> StateTax:
    t = p["OH"]
    exemption = t["exemption_amounts"][sum(h.agi > x for x in t["exemption_agi_upper"])]
    taxable = max(h.agi - h.people * exemption, 0.0)
    if taxable <= t["zero_bracket"]:
        tax = 0.0
    else:
        # The published schedule: a base amount at the zero bracket's top, then marginal rates.
        tax = bracket_tax(taxable, t["rates"], t["upper"]) + (t["high_adjustment"] if taxable > t["upper"][-1] else 0)
    credit = t["exemption_credit"] if taxable <= t["exemption_credit_limit"] else 0.0
    return income_tax(
        "OH",
        tax - credit,
        t,
        "OH: municipal and school district income taxes are not modelled; the joint filing credit needs two earners",
    )


def _wisconsin(p: Table, h: Household) -> StateTax:
    t = p["WI"]
    # Sliding-scale standard deduction: the maximum less a share of income over the start.
    excess = max(h.agi - by_status(t, "sd_phaseout_start", h), 0.0)
    standard = max(by_status(t, "standard_deduction_max", h) - by_status(t, "sd_phaseout_rate", h) * excess, 0.0)
    taxable = h.agi - standard - h.people * t["exemption"]
    return income_tax("WI", schedule_tax(t, h, taxable), t)


def _south_dakota(p: Table, h: Household) -> StateTax:
    return no_income_tax("SD", p["SD"])


STATES: dict[str, Callable[[Table, Household], StateTax]] = {
    "IA": _iowa,
    "IL": _illinois,
    "IN": _indiana,
    "KS": _kansas,
    "MI": _michigan,
    "MN": _minnesota,
    "MO": _missouri,
    "ND": _north_dakota,
    "NE": _nebraska,
    "OH": _ohio,
    "SD": _south_dakota,
    "WI": _wisconsin,
}
