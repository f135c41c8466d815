"""PolicyEngine-US as an oracle for state income taxes: one simulation for many wages-only households.

The variable compared is ``state_income_tax_before_refundable_credits``: the state's income tax after its
non-refundable credits and before refundable ones (EITC-like credits, rebates), which is what a wages-only
household with no children owes on its return. It excludes local taxes (NYC, MD and IN county taxes are separate
variables in PolicyEngine and separate lines here). Every household is told not to itemize federally
(``tax_unit_itemizes = False``), as our estimate takes the federal standard deduction: otherwise PolicyEngine
itemizes the state tax as SALT at high incomes, which changes the base of states that start from federal taxable
income (CO, ND, SC ...) or tie their deduction to the federal choice (DC, GA, OK, VA ...).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import Any, NamedTuple

VARIABLE = "state_income_tax_before_refundable_credits"


class Case(NamedTuple):
    state: str
    status: str  # "single" | "married" (joint, one earner)
    wages: int
    year: int


def situation(cases: list[Case]) -> dict[str, Any]:
    """One PolicyEngine household per case: a 40-year-old earner (and a spouse with no income)."""
    years = sorted({str(c.year) for c in cases})
    people: dict[str, Any] = {}
    units: dict[str, dict[str, Any]] = {k: {} for k in ("tax_units", "households", "families", "spm_units")}
    marital: dict[str, Any] = {}
    for i, c in enumerate(cases):
        members = [f"p{i}"]
        people[f"p{i}"] = {"age": dict.fromkeys(years, 40), "employment_income": dict.fromkeys(years, c.wages)}
        if c.status == "married":
            members.append(f"s{i}")
            people[f"s{i}"] = {"age": dict.fromkeys(years, 40), "employment_income": dict.fromkeys(years, 0)}
        units["tax_units"][f"t{i}"] = {"members": members, "tax_unit_itemizes": dict.fromkeys(years, False)}
        units["households"][f"h{i}"] = {"members": members, "state_code": dict.fromkeys(years, c.state)}
        units["families"][f"f{i}"] = {"members": members}
        units["spm_units"][f"u{i}"] = {"members": members}
        marital[f"m{i}"] = {"members": members}
    return {"people": people, **units, "marital_units": marital}


def state_income_tax(cases: Iterable[Case]) -> dict[Case, float]:
    """PolicyEngine's state income tax for each case (imports policyengine_us: tens of seconds)."""
    ordered = list(dict.fromkeys(cases))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # third-party deprecation noise at import and calculation
        from policyengine_us import Simulation

        out: dict[Case, float] = {}
        for year in sorted({c.year for c in ordered}):
            of_year = [c for c in ordered if c.year == year]
            values = Simulation(situation=situation(of_year)).calculate(VARIABLE, year)
            out.update({c: float(v) for c, v in zip(of_year, values, strict=True)})
    return out


def version() -> str:
    from importlib.metadata import version as dist_version

    return dist_version("policyengine-us")
