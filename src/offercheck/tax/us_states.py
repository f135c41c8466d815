"""US state (and New York City) wage income taxes, one function per supported state."""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from offercheck.tax.engine import Table, TaxLine, bracket_tax, line

NYC_NAMES = frozenset(
    {"new york", "new york city", "nyc", "manhattan", "brooklyn", "queens", "bronx", "the bronx", "staten island"}
)


@dataclass(frozen=True)
class Household:
    filing_status: str  # "single" | "married"
    wages: float  # gross wages (payroll-tax base)
    agi: float  # wages less pre-tax 401(k) deferrals
    federal_taxable: float
    federal_tax: float
    city: str | None

    @property
    def people(self) -> int:
        return 2 if self.filing_status == "married" else 1


@dataclass
class StateTax:
    lines: list[TaxLine] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _doubled(upper: list[float]) -> list[float]:
    return [2 * u for u in upper]


def _california(p: Table, h: Household) -> StateTax:
    t, sdi = p["CA"], p["CA_SDI"]
    fs = h.filing_status
    upper = t["single"] if fs == "single" else _doubled(t["single"])
    taxable = max(h.agi - t[f"standard_deduction_{fs}"], 0.0)
    steps = math.ceil(max(h.agi - t[f"exemption_phaseout_start_{fs}"], 0.0) / t["exemption_phaseout_step"])
    credit = h.people * max(t["exemption_credit"] - steps * t["exemption_phaseout_amount"], 0)
    tax = max(bracket_tax(taxable, t["rates"], upper) - credit, 0.0)
    tax += t["mental_health_rate"] * max(taxable - t["mental_health_threshold"], 0.0)
    return StateTax(
        lines=[
            line("CA income tax", tax, "state_income", t),
            line("CA SDI", sdi["rate"] * h.wages, "state_payroll", sdi),
        ],
        tables=[t, sdi],
        notes=["CA: standard deduction and personal exemption credit only; no other credits"],
    )


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
    fs = h.filing_status
    taxable = max(h.agi - t[f"standard_deduction_{fs}"], 0.0)
    tax = bracket_tax(taxable, t["rates"], t[fs]) + ny_supplemental_tax(t, s, fs, h.agi, taxable)
    result = StateTax(lines=[line("NY income tax", tax, "state_income", t)], tables=[t, s])
    if h.city is not None and h.city.strip().lower() in NYC_NAMES:
        nyc = p["NYC"]
        result.lines.append(line("NYC resident tax", bracket_tax(taxable, nyc["rates"], nyc[fs]), "state_income", nyc))
        result.tables.append(nyc)
    return result


def _massachusetts(p: Table, h: Household) -> StateTax:
    t = p["MA"]
    taxable = max(h.agi - t[f"exemption_{h.filing_status}"], 0.0)
    tax = t["rate"] * taxable + t["surtax_rate"] * max(taxable - t["surtax_threshold"], 0.0)
    return StateTax(
        lines=[line("MA income tax", tax, "state_income", t)],
        tables=[t],
        notes=["MA: personal exemption only; the deduction for FICA contributions (up to 2,000) is not modelled"],
    )


def _illinois(p: Table, h: Household) -> StateTax:
    t = p["IL"]
    eligible = h.agi <= t[f"exemption_agi_limit_{h.filing_status}"]
    exemption = h.people * t["exemption"] if eligible else 0.0
    tax = t["rate"] * max(h.agi - exemption, 0.0)
    return StateTax(lines=[line("IL income tax", tax, "state_income", t)], tables=[t])


def _colorado(p: Table, h: Household) -> StateTax:
    t = p["CO"]
    return StateTax(
        lines=[line("CO income tax", t["rate"] * h.federal_taxable, "state_income", t)],
        tables=[t],
        notes=["CO: flat rate on federal taxable income; local occupational privilege taxes are not modelled"],
    )


def _new_jersey(p: Table, h: Household) -> StateTax:
    t = p["NJ"]
    fs = h.filing_status
    taxable = max(h.agi - t[f"exemption_{fs}"], 0.0)
    tax = bracket_tax(taxable, t[f"{fs}_rates"], t[fs])
    return StateTax(
        lines=[line("NJ income tax", tax, "state_income", t)],
        tables=[t],
        notes=["NJ: employee UI/DI/FLI payroll contributions are not modelled"],
    )


def _pennsylvania(p: Table, h: Household) -> StateTax:
    t = p["PA"]
    # PA taxes gross compensation: employee 401(k) deferrals are not excluded.
    return StateTax(
        lines=[line("PA income tax", t["rate"] * h.wages, "state_income", t)],
        tables=[t],
        notes=["PA: local earned income taxes (e.g. Philadelphia wage tax) are not modelled"],
    )


def _oregon(p: Table, h: Household) -> StateTax:
    t = p["OR"]
    fs = h.filing_status
    scale = h.people
    upper = t["single"] if fs == "single" else _doubled(t["single"])
    cap_thresholds = [scale * a for a in t["federal_tax_cap_agi_single"]]
    # The cap steps down for each threshold the AGI exceeds.
    cap = t["federal_tax_cap"][bisect.bisect_left(cap_thresholds, h.agi)]
    taxable = max(h.agi - t[f"standard_deduction_{fs}"] - min(h.federal_tax, cap), 0.0)
    credit = h.people * t["exemption_credit"] if h.agi <= t[f"exemption_credit_agi_limit_{fs}"] else 0.0
    tax = bracket_tax(taxable, t["rates"], upper) - credit
    return StateTax(
        lines=[line("OR income tax", tax, "state_income", t)],
        tables=[t],
        notes=["OR: statewide transit tax and Paid Leave Oregon contributions are not modelled"],
    )


def _washington(p: Table, h: Household) -> StateTax:
    return StateTax(
        tables=[p["WA"]],
        notes=["WA: no income tax on wages; WA Cares and Paid Family & Medical Leave premiums are not included"],
    )


def _texas(p: Table, h: Household) -> StateTax:
    return StateTax(tables=[p["TX"]], notes=["TX: no state income tax"])


STATES: Mapping[str, Callable[[Table, Household], StateTax]] = {
    "CA": _california,
    "CO": _colorado,
    "IL": _illinois,
    "MA": _massachusetts,
    "NJ": _new_jersey,
    "NY": _new_york,
    "OR": _oregon,
    "PA": _pennsylvania,
    "TX": _texas,
    "WA": _washington,
}
