"""Tax regime plugin: US federal income tax, Social Security, Medicare and the supported states."""

from __future__ import annotations

from typing import TYPE_CHECKING

from offercheck.hookspecs import hookimpl

if TYPE_CHECKING:
    from offercheck.offer.models import Offer
    from offercheck.pay.comp import YearPay
    from offercheck.tax import TaxResult


@hookimpl
def offercheck_estimate_tax(offer: Offer, year_pay: YearPay, tax_year: int) -> TaxResult | None:
    from offercheck.tax.aftertax import regime_estimate

    return regime_estimate("US", offer, year_pay, tax_year)
