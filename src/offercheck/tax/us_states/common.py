"""What every state module shares: the household, a state's result, and the arithmetic of state forms."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from offercheck.tax.engine import Table, TaxLine, bracket_tax, line


@dataclass(frozen=True)
class Household:
    filing_status: str  # "single" | "married" (married filing jointly, one earner)
    wages: float  # gross wages (payroll-tax base)
    agi: float  # wages less pre-tax 401(k) deferrals
    federal_taxable: float  # federal AGI less the federal standard deduction
    federal_tax: float  # federal income tax liability (no credits: wages only)
    city: str | None
    fica: float = 0.0  # employee Social Security + Medicare + Additional Medicare
    federal_standard_deduction: float = 0.0
    ss_wage_base: float = 0.0  # Social Security wage base: the cap of several paid-leave premiums

    @property
    def people(self) -> int:
        return 2 if self.filing_status == "married" else 1

    @property
    def married(self) -> bool:
        return self.filing_status == "married"


@dataclass
class StateTax:
    lines: list[TaxLine] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def by_status(t: Table, key: str, h: Household) -> float:
    """`key_single` / `key_married` of a table."""
    return float(t[f"{key}_{h.filing_status}"])


def schedule(t: Table, h: Household) -> tuple[Sequence[float], Sequence[float]]:
    """Marginal rates and upper bracket bounds for the filing status.

    A table gives `rates` (or `<status>_rates`) and `single` / `married` upper bounds; a missing `married` list
    means the joint brackets are twice the single ones (stated in the table's source).
    """
    fs = h.filing_status
    rates = t.get(f"{fs}_rates", t.get("rates"))
    if rates is None:
        return [float(t["rate"])], []
    upper = t.get(fs)
    if upper is None:
        upper = [2 * u for u in t["single"]] if fs == "married" else t["single"]
    return rates, upper


def schedule_tax(t: Table, h: Household, taxable: float) -> float:
    rates, upper = schedule(t, h)
    return bracket_tax(max(taxable, 0.0), rates, upper)


def steps(excess: float, step: float) -> int:
    """Whole steps of `step` (or part of one) in `excess`: the 'for each 2,500 or fraction thereof' of forms."""
    return math.ceil(max(excess, 0.0) / step)


def linear_phase_out(amount: float, income: float, start: float, width: float) -> float:
    """`amount` reduced in proportion to income over `start`, gone at `start + width`."""
    if income <= start:
        return amount
    return max(amount * (1 - (income - start) / width), 0.0)


def income_tax(code: str, tax: float, t: Table, *notes: str, extra: Sequence[Table] = ()) -> StateTax:
    """A state's result with its one income-tax line "<ST> income tax"."""
    return StateTax(
        lines=[line(f"{code} income tax", tax, "state_income", t)],
        tables=[t, *extra],
        notes=list(notes),
    )


def no_income_tax(code: str, t: Table) -> StateTax:
    """An explicit zero: the state levies no tax on wages."""
    return StateTax(
        lines=[line(f"{code} income tax", 0.0, "state_income", t)],
        tables=[t],
        notes=[f"{code}: {t['note']}"],
    )
