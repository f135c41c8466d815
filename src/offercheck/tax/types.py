"""The after-tax result of one offer (a pure type, apart from the regime dispatch in ``aftertax``), and the
exception that says an offer is not taxed at all."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from offercheck.tax import TaxResult


@dataclass(frozen=True)
class AfterTax:
    """Estimated tax for each year of one offer, in the display currency."""

    tax_year: int
    filing_status: str
    plugin: str  # the plugin whose regime produced the estimate
    years: tuple[TaxResult, ...]
    nets: tuple[float, ...]  # total pay less tax, per year (benefits paid in kind included)
    equity_notes: tuple[str, ...] = ()  # when a private grant is taxed (offercheck.tax.equity_income)
    # Net pay less the non-cash benefits (employer retirement match, health, ESPP gain, other), per year: what
    # reaches the person as money or vested shares.
    take_homes: tuple[float, ...] = ()

    @property
    def total(self) -> float:
        return sum(t.total for t in self.years)

    @property
    def net_total(self) -> float:
        return sum(self.nets)

    @property
    def take_home_total(self) -> float:
        return sum(self.take_homes)

    @property
    def notes(self) -> tuple[str, ...]:
        """The private grant's tax timing, then every regime note over the horizon, once each."""
        return tuple(dict.fromkeys((*self.equity_notes, *(n for t in self.years for n in t.notes))))

    @property
    def line_totals(self) -> dict[str, float]:
        """Each tax line's sum over the horizon, by name, in the order the lines first appear (a line can appear
        in some years only, e.g. Additional Medicare)."""
        sums: dict[str, float] = {}
        for t in self.years:
            for x in t.lines:
                sums[x.name] = sums.get(x.name, 0.0) + x.amount
        return sums


class NotEstimated(Exception):
    """No tax regime covers the offer: it is compared untaxed, with this text as its ``tax_note``."""
