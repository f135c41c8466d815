"""Tax regime plugin: Germany income tax (section 32a EStG), solidarity surcharge and employee social contributions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..hookspecs import hookimpl

if TYPE_CHECKING:
    from ..comp import YearPay
    from ..models import Offer
    from ..tax import TaxResult


@hookimpl
def offercheck_estimate_tax(offer: Offer, year_pay: YearPay, tax_year: int) -> TaxResult | None:
    from ..aftertax import regime_estimate

    return regime_estimate("DE", offer, year_pay, tax_year)
