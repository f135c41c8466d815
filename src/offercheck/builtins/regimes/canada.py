"""Tax regime plugin: Canada federal and provincial (ON, BC) income tax, CPP/CPP2 and EI."""

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

    return regime_estimate("CA", offer, year_pay, tax_year)
