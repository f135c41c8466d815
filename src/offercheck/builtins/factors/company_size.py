"""Company-size factor: startup, SME or large employer."""

from __future__ import annotations

from typing import Any

from offercheck import hookimpl
from offercheck.builtins.factors import survey_multiplier
from offercheck.market.adjustments import Adjustment
from offercheck.offer.models import Offer


@hookimpl
def offercheck_adjust(offer: Offer, benchmark: Any) -> Adjustment | None:
    size = offer.company.size
    if size is None:
        return None
    return survey_multiplier("company_size", size, "company size", benchmark)
