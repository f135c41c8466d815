"""Tax regime plugin: Germany income tax (section 32a EStG), solidarity surcharge and employee social contributions."""

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

    return regime_estimate("DE", offer, year_pay, tax_year)
