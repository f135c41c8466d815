"""Shared tax machinery: result types, errors, parameter loading and bracket arithmetic."""

from __future__ import annotations

import functools
import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

# A version check rather than try/except: mypy (run for 3.10) understands it and checks the tomli branch.
if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

TAX_YEARS: tuple[int, ...] = (2025, 2026)
LATEST_TAX_YEAR: int = TAX_YEARS[-1]
FILING_STATUSES: tuple[str, ...] = ("single", "married")

Table = Mapping[str, Any]


@dataclass(frozen=True)
class TaxLine:
    name: str
    amount: float
    kind: str  # "income" | "social" | "state_income" | "state_payroll"
    source: str


@dataclass(frozen=True)
class TaxResult:
    country: str
    subdivision: str | None
    tax_year: int
    currency: str
    lines: tuple[TaxLine, ...]
    notes: tuple[str, ...]

    @property
    def total(self) -> float:
        return sum(line.amount for line in self.lines)


class UnsupportedJurisdiction(ValueError):
    """The country or subdivision has no tax model."""


class UnsupportedTaxYear(UnsupportedJurisdiction):
    """The tax year has no parameters."""


@functools.cache
def load(name: str) -> Table:
    """Parse `offercheck/data/tax/<name>.toml` once per process."""
    path = resources.files("offercheck") / "data" / "tax" / f"{name}.toml"
    data: Table = tomllib.loads(path.read_text(encoding="utf-8"))
    return data


def params(name: str, tax_year: int) -> Table:
    """The tables of one data file for one tax year."""
    data = load(name)
    try:
        year: Table = data[str(tax_year)]
    except KeyError:
        years = ", ".join(sorted(data))
        raise UnsupportedTaxYear(f"tax year {tax_year} is not supported (supported: {years})") from None
    return year


def bracket_tax(income: float, rates: Sequence[float], upper: Sequence[float]) -> float:
    """Tax on `income` under marginal `rates`; `upper` bounds every bracket but the last."""
    tax = 0.0
    lower = 0.0
    for rate, top in zip(rates, [*upper, math.inf], strict=True):
        if income <= lower:
            break
        tax += (min(income, top) - lower) * rate
        lower = top
    return tax


def source(table: Table) -> str:
    return f"{table['source']}; tax year {table['year']}"


def line(name: str, amount: float, kind: str, table: Table) -> TaxLine:
    # Clamped and rounded to cents: credits never make a line negative.
    return TaxLine(name=name, amount=round(max(amount, 0.0), 2), kind=kind, source=source(table))


def unverified_notes(tables: Iterable[Table]) -> list[str]:
    """One note per parameter table whose `verified` field admits something was not checked."""
    notes: list[str] = []
    for table in tables:
        verified = str(table["verified"])
        if "unverified" in verified:
            note = f"unverified parameters ({table['source']}): {verified}"
            if note not in notes:
                notes.append(note)
    return notes


def check_filing_status(filing_status: str) -> None:
    if filing_status not in FILING_STATUSES:
        raise ValueError(f"filing_status must be one of {', '.join(FILING_STATUSES)}, not {filing_status!r}")


def check_inputs(*, filing_status: str, tax_year: int, wages: float, pretax_deferral: float) -> None:
    """What every country module assumes of its inputs: raised here rather than ever returning a silent zero."""
    check_filing_status(filing_status)
    if wages < 0 or pretax_deferral < 0 or pretax_deferral > wages:
        raise ValueError("wages and pretax_deferral must be >= 0, and pretax_deferral <= wages")
    if tax_year not in TAX_YEARS:
        raise UnsupportedTaxYear(f"tax year {tax_year} is not supported (supported: {', '.join(map(str, TAX_YEARS))})")
