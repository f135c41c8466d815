"""Education factor: the seed article's pay by degree, capped (see SEED_PREMIUM_CAP)."""

from __future__ import annotations

from typing import Any

from ..adjustments import Adjustment
from ..hookspecs import hookimpl
from ..models import Offer
from . import SEED_PREMIUM_CAP, keyed_multiplier, table


@hookimpl
def offercheck_adjust(offer: Offer, benchmark: Any) -> Adjustment | None:
    degree = offer.candidate.education
    if degree is None:
        return None
    return keyed_multiplier("education", table("education"), degree, "degree", "the seed article's overall average",
                            cap=SEED_PREMIUM_CAP)
