"""Tax regime plugin: US federal income tax, Social Security, Medicare and the supported states."""

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

    return regime_estimate("US", offer, year_pay, tax_year)
