"""Built-in tax regimes, one plugin per country, implementing ``offercheck_estimate_tax``.

Each module is registered at start-up like a factor (so ``--without tax_us`` works) and stays tiny: the tax
engine and its data are imported only when a regime is asked for an estimate, i.e. with ``--after-tax``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from offercheck.hookspecs import hookimpl

if TYPE_CHECKING:
    from offercheck.offer.models import Offer
    from offercheck.pay.comp import YearPay
    from offercheck.pay.currency import RateTable
    from offercheck.tax import TaxResult
    from offercheck.tax.aftertax import Jurisdiction

EstimateTax = Callable[["Offer", "YearPay", int, "RateTable"], "TaxResult | None"]


def regime(country: str, module: str, *fields: str) -> EstimateTax:
    """A regime's ``offercheck_estimate_tax``: for an offer in ``country``, ``offercheck.tax.<module>.estimate``
    called with the ``fields`` of the offer's Jurisdiction that the country's model takes."""

    @hookimpl
    def offercheck_estimate_tax(offer: Offer, year_pay: YearPay, tax_year: int, rates: RateTable) -> TaxResult | None:
        from offercheck.tax.aftertax import regime_estimate

        def estimate(j: Jurisdiction) -> TaxResult:
            result: TaxResult = importlib.import_module(f"offercheck.tax.{module}").estimate(
                **{f: getattr(j, f) for f in fields})
            return result

        return regime_estimate(country, estimate, offer, year_pay, tax_year, rates)

    return offercheck_estimate_tax
