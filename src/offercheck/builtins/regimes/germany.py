"""Tax regime plugin: Germany income tax (section 32a EStG), solidarity surcharge and employee social contributions."""

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

    return regime_estimate("DE", _estimate, offer, year_pay, tax_year, rates)


def _estimate(j: Jurisdiction) -> TaxResult:
    from offercheck.tax import germany

    return germany.estimate(filing_status=j.filing_status, tax_year=j.tax_year, wages=j.wages,
                            pretax_deferral=j.pretax_deferral)
