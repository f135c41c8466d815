"""Tax regime plugin: UK income tax (Scottish rates in Scotland) and employee National Insurance."""

from __future__ import annotations

from typing import TYPE_CHECKING

from offercheck.hookspecs import hookimpl

if TYPE_CHECKING:
    from offercheck.offer.models import Offer
    from offercheck.pay.comp import YearPay
    from offercheck.pay.currency import RateTable
    from offercheck.tax import TaxResult
    from offercheck.tax.aftertax import Jurisdiction


@hookimpl
def offercheck_estimate_tax(offer: Offer, year_pay: YearPay, tax_year: int, rates: RateTable) -> TaxResult | None:
    from offercheck.tax.aftertax import regime_estimate

    return regime_estimate("GB", _estimate, offer, year_pay, tax_year, rates)


def _estimate(j: Jurisdiction) -> TaxResult:
    from offercheck.tax import uk

    return uk.estimate(subdivision=j.subdivision, city=j.city, tax_year=j.tax_year, wages=j.wages,
                       pretax_deferral=j.pretax_deferral)
