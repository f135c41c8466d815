"""Remote-work factor: onsite, hybrid or fully remote."""

from __future__ import annotations

from typing import Any

from offercheck import hookimpl
from offercheck.builtins.factors import survey_multiplier
from offercheck.market.adjustments import Adjustment
from offercheck.offer.models import Offer


@hookimpl
def offercheck_adjust(offer: Offer, benchmark: Any) -> Adjustment | None:
    mode = offer.location.remote
    if mode is None:
        return None
    return survey_multiplier("remote", mode, "work mode", benchmark)
