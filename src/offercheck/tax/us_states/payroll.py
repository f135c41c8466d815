"""State payroll premiums withheld from an employee's wages (paid leave, disability, long-term care, UI shares)."""

from __future__ import annotations

from offercheck.tax.engine import Table, TaxLine, line
from offercheck.tax.us_states.common import Household, StateTax

# State -> parameter tables of its employee premiums (a table absent from a year's data is not yet in force).
PROGRAMMES: dict[str, tuple[str, ...]] = {
    "CA": ("CA_SDI",),
    "CO": ("CO_FAMLI",),
    "CT": ("CT_PFML",),
    "DE": ("DE_PFML",),
    "HI": ("HI_TDI",),
    "MA": ("MA_PFML",),
    "ME": ("ME_PFML",),
    "MN": ("MN_PFML",),
    "NJ": ("NJ_TDI", "NJ_FLI", "NJ_UI_WF"),
    "NY": ("NY_SDI", "NY_PFL"),
    "OR": ("OR_PFML", "OR_transit"),
    "PA": ("PA_UC",),
    "RI": ("RI_TDI",),
    "VT": ("VT_child_care",),
    "WA": ("WA_PFML", "WA_Cares"),
}

NOT_MODELLED = (
    "employee payroll premiums not modelled: the AK unemployment insurance employee share, and private or"
    " voluntary plans that replace a state plan; DC paid family leave is paid by employers only"
)


def premium(t: Table, h: Household) -> TaxLine:
    """The employee's share of one programme: a rate on wages, up to a wage base and an annual maximum."""
    rate = t["rate"] if "rate" in t else t["total_rate"] * t["employee_share"]
    base = t.get("wage_base", "none")
    if base == "social_security":
        base = h.ss_wage_base
    # Most premiums are on gross wages (401(k) deferrals included, as for FICA); a few on income-tax wages.
    gross = h.agi if t.get("wages") == "after_deferral" else h.wages
    wages = gross if base == "none" else min(gross, float(base))
    amount = min(rate * wages, t.get("annual_max", float("inf")))
    return line(str(t["programme"]), amount, "state_payroll", t)


def payroll(p: Table, state: str, h: Household) -> StateTax:
    tables = [p[name] for name in PROGRAMMES.get(state, ()) if name in p]
    notes = [f"{state}: {t['note']}" for t in tables if "note" in t]
    return StateTax(lines=[premium(t, h) for t in tables], tables=tables, notes=notes)
