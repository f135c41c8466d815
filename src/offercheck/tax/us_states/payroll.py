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


# Who pays each programme: every one is owed on the wages of work done in its state, wherever the employee lives
# (each applies the unemployment-insurance localization test to where the work is done: e.g. the NY PFL "is a
# benefit for people who work in New York State; it does not matter ... where the employee lives", paidfamilyleave.
# ny.gov/out-state-employers; WA PFML, paidleave.wa.gov/waivers). Two rules go further, named here.
RESIDENTS_TOO: dict[str, str] = {
    # Oregon DOR (HB 2017 notice): withheld from the wages of Oregon residents regardless of where the work is done,
    # and of non-residents for work done in Oregon.
    "OR_transit": "the OR statewide transit tax is also owed by OR residents on wages earned elsewhere (ORS 320.550)",
}
NON_RESIDENT_EXEMPTION: dict[str, str] = {
    "WA_Cares": "WA Cares: an employee whose permanent primary residence is outside WA may apply for an exemption "
                "(WAC 192-905-006); charged here",
}


def payroll(p: Table, state: str, h: Household, home: str | None = None) -> StateTax:
    """The premiums of work done in ``state``; with ``home``, the state the person lives in when it is another,
    also the home state's premiums owed by its residents wherever they work, and notes saying which rule applied."""
    names = [name for name in PROGRAMMES.get(state, ()) if name in p]
    if home is not None and home != state:
        names += [name for name in PROGRAMMES.get(home, ()) if name in RESIDENTS_TOO and name in p]
    tables = [p[name] for name in names]
    notes = [f"{state}: {t['note']}" for t in tables if "note" in t]
    if home is not None and home != state:
        notes += _rule_notes(p, state, home, names)
    return StateTax(lines=[premium(t, h) for t in tables], tables=tables, notes=notes)


def _rule_notes(p: Table, work: str, home: str, charged: list[str]) -> list[str]:
    """Which state's premiums a person living in ``home`` and working in ``work`` pays, and why."""
    def named(names: list[str]) -> str:
        return ", ".join(str(p[n]["programme"]) for n in names)

    at_work = [n for n in charged if n in PROGRAMMES.get(work, ())]
    not_home = [n for n in PROGRAMMES.get(home, ()) if n in p and n not in charged]
    said = f"payroll premiums follow where the work is done ({work}), whoever lives where: "
    said += f"{named(at_work)} charged" if at_work else f"{work} has none modelled"
    if not_home:
        said += f"; {home}'s ({named(not_home)}) not charged"
    notes = [said]
    notes += [RESIDENTS_TOO[n] for n in charged if n in RESIDENTS_TOO and n not in PROGRAMMES.get(work, ())]
    notes += [NON_RESIDENT_EXEMPTION[n] for n in charged if n in NON_RESIDENT_EXEMPTION]
    return notes
