"""North-eastern states and DC: CT, DC, DE, MA, MD, ME, NH, NJ, NY, PA, RI, VT."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from offercheck.tax.engine import Table, bracket_tax, line
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
from offercheck.tax.us_states.local import md_county_tax, nyc_tax


def _ct_step(t: Table, name: str, h: Household) -> float:
    """One of CT's add-backs: an amount per step of AGI over a start, up to a maximum (CT-1040 Tables C, D)."""
    n = steps(h.agi - by_status(t, f"{name}_start", h), by_status(t, f"{name}_step", h))
    return min(n * by_status(t, f"{name}_amount", h), by_status(t, f"{name}_max", h))


def _connecticut(p: Table, h: Household) -> StateTax:
    t = p["CT"]
    cut = steps(h.agi - by_status(t, "exemption_phaseout_start", h), t["exemption_phaseout_step"])
    exemption = max(by_status(t, "exemption_max", h) - cut * t["exemption_phaseout_amount"], 0.0)
    tax = schedule_tax(t, h, h.agi - exemption)
    # Phase-out of the 2% bracket (Table C) and the benefit recapture of the lower brackets (Table D).
    tax += sum(_ct_step(t, name, h) for name in ("addback", "recapture_low", "recapture_middle", "recapture_high"))
    # Table E: a personal tax credit, a share of the tax that falls with AGI (none above the last bound).
    k = bisect.bisect_left(t[f"credit_agi_lower_{h.filing_status}"], h.agi) - 1
    credit = t["credit_rates"][k] * tax if k >= 0 else 0.0
    return income_tax("CT", tax - credit, t)


def _dc(p: Table, h: Household) -> StateTax:
    t = p["DC"]
    return income_tax("DC", schedule_tax(t, h, h.agi - by_status(t, "standard_deduction", h)), t)


def _delaware(p: Table, h: Household) -> StateTax:
    t = p["DE"]
    taxable = h.agi - by_status(t, "standard_deduction", h)
    tax = schedule_tax(t, h, taxable) - h.people * t["personal_credit"]
    return income_tax("DE", tax, t, "DE: Wilmington's earned income tax is not modelled")


def _massachusetts(p: Table, h: Household) -> StateTax:
    t = p["MA"]
    # Form 1 line 10: Social Security and Medicare contributions, at most 2,000 per person (one earner here).
    fica = min(h.fica, t["fica_deduction_max"])
    taxable = max(h.agi - by_status(t, "exemption", h) - fica, 0.0)
    tax = t["rate"] * taxable + t["surtax_rate"] * max(taxable - t["surtax_threshold"], 0.0)
    return income_tax("MA", tax, t, "MA: personal exemption and the FICA deduction (up to 2,000)")


def _maryland(p: Table, h: Household) -> StateTax:
    t = p["MD"]
    upper = t[f"exemption_agi_upper_{h.filing_status}"]
    exemption = h.people * t["exemption_amounts"][bisect.bisect_left(upper, h.agi)]
    taxable = max(h.agi - by_status(t, "standard_deduction", h) - exemption, 0.0)
    result = income_tax("MD", schedule_tax(t, h, taxable), t)
    county = md_county_tax(p, h, taxable)
    result.lines.extend(county.lines)
    result.tables.extend(county.tables)
    result.notes.extend(county.notes)
    return result


def _maine(p: Table, h: Household) -> StateTax:
    t = p["ME"]
    start, width = by_status(t, "sd_phaseout_start", h), by_status(t, "sd_phaseout_width", h)
    standard = linear_phase_out(by_status(t, "standard_deduction", h), h.agi, start, width)
    exemption = linear_phase_out(
        h.people * t["exemption"], h.agi, by_status(t, "exemption_phaseout_start", h), t["exemption_phaseout_width"]
    )
    taxable = h.agi - standard - exemption
    tax = schedule_tax(t, h, taxable) + t["surcharge_rate"] * max(taxable - by_status(t, "surcharge_threshold", h), 0)
    return income_tax("ME", tax, t)


def _new_jersey(p: Table, h: Household) -> StateTax:
    t = p["NJ"]
    taxable = h.agi - by_status(t, "exemption", h)
    return income_tax("NJ", schedule_tax(t, h, taxable), t)


def ny_supplemental_tax(t: Table, s: Table, filing_status: str, agi: float, taxable: float) -> float:
    """NY recapture: the benefit of the lower brackets, phased in with AGI (IT-201 tax computation worksheets)."""
    rates, upper = t["rates"], t[filing_status]
    if agi <= s["min_agi"]:
        return 0.0
    if agi > upper[-1]:
        return float(rates[-1] * taxable - bracket_tax(taxable, rates, upper))
    k = bisect.bisect_left(upper, taxable)  # index of the bracket holding taxable income

    def recapture(j: int) -> float:
        # Tax at bracket j's lower bound if all of it were taxed at bracket j's rate, less the normal tax.
        low = upper[j - 1] if j > 0 else 0.0
        return float(rates[j] * low - bracket_tax(low, rates, upper))

    low = upper[k - 1] if k > 0 else 0.0
    base = recapture(k - 1) if low >= s["min_agi"] else 0.0
    phase: float = min(max(agi - max(low, s["min_agi"]), 0.0) / s["phase_in"], 1.0)
    return base + (recapture(k) - base) * phase


def _new_york(p: Table, h: Household) -> StateTax:
    t, s = p["NY"], p["NY_supplemental"]
    taxable = max(h.agi - by_status(t, "standard_deduction", h), 0.0)
    tax = schedule_tax(t, h, taxable) + ny_supplemental_tax(t, s, h.filing_status, h.agi, taxable)
    result = StateTax(lines=[line("NY income tax", tax, "state_income", t)], tables=[t, s])
    nyc = nyc_tax(p, h, taxable)
    result.lines.extend(nyc.lines)
    result.tables.extend(nyc.tables)
    result.notes.append("NY: Yonkers resident surcharge and the MCTMT are not modelled")
    return result


def _pennsylvania(p: Table, h: Household) -> StateTax:
    t = p["PA"]
    # PA taxes gross compensation: employee 401(k) deferrals are not excluded (PA-40 line 1a).
    return income_tax(
        "PA",
        t["rate"] * h.wages,
        t,
        "PA: local earned income taxes (e.g. Philadelphia wage tax) are not modelled",
    )


def _rhode_island(p: Table, h: Household) -> StateTax:
    t = p["RI"]
    # RI-1040: deduction and exemptions each lose 20% per 7,250 (or part) of AGI over the start.
    share = max(1 - t["phaseout_rate"] * steps(h.agi - t["phaseout_start"], t["phaseout_step"]), 0.0)
    taxable = h.agi - share * (by_status(t, "standard_deduction", h) + h.people * t["exemption"])
    return income_tax("RI", schedule_tax(t, h, taxable), t)


def _vermont(p: Table, h: Household) -> StateTax:
    t = p["VT"]
    taxable = h.agi - by_status(t, "standard_deduction", h) - h.people * t["exemption"]
    return income_tax("VT", schedule_tax(t, h, taxable), t)


def _new_hampshire(p: Table, h: Household) -> StateTax:
    return no_income_tax("NH", p["NH"])


STATES: dict[str, Callable[[Table, Household], StateTax]] = {
    "CT": _connecticut,
    "DC": _dc,
    "DE": _delaware,
    "MA": _massachusetts,
    "MD": _maryland,
    "ME": _maine,
    "NH": _new_hampshire,
    "NJ": _new_jersey,
    "NY": _new_york,
    "PA": _pennsylvania,
    "RI": _rhode_island,
    "VT": _vermont,
}
