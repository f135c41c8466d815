"""Built-in tax regimes: one plugin per country of the tax registry, implementing ``offercheck_estimate_tax``.

The plugins are made from ``offercheck.tax.registry.COUNTRIES``, one per line, each registered under the line's
plugin name (``offercheck.builtins.regimes:tax_us``, as an entry point would name it), so ``--without tax_us``
works. They stay tiny: the tax engine, the country's module and its data are imported only when a regime is asked
for an estimate, i.e. with ``--after-tax``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from offercheck import hookimpl
from offercheck.tax.registry import COUNTRIES, Country

if TYPE_CHECKING:
    from offercheck import Offer, RateTable, TaxResult, YearPay


class Regime:
    """The built-in regime plugin of one registry country."""

    def __init__(self, country: Country) -> None:
        self.country = country

    @hookimpl
    def offercheck_estimate_tax(self, offer: Offer, year_pay: YearPay, tax_year: int,
                                rates: RateTable) -> TaxResult | None:
        """The country's estimate for an offer in it, else None (another regime's offer)."""
        from offercheck.tax.aftertax import regime_estimate

        return regime_estimate(self.country.code, offer, year_pay, tax_year, rates)

    def __repr__(self) -> str:
        return f"<built-in tax regime {self.country.plugin} ({self.country.code})>"


@functools.cache
def __getattr__(name: str) -> Regime:
    """``tax_us`` and the other plugin names of the registry (PEP 562): one plugin object per name."""
    for country in COUNTRIES.values():
        if country.plugin == name:
            return Regime(country)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
