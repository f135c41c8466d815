"""Education factor: the seed article's pay by degree (weak evidence, bounded by market.evidence)."""

from __future__ import annotations

from typing import Any

from offercheck import hookimpl
from offercheck.builtins.factors import seed_multiplier, table
from offercheck.market.adjustments import Adjustment
from offercheck.offer.models import Offer


@hookimpl
def offercheck_adjust(offer: Offer, benchmark: Any) -> Adjustment | None:
    degree = offer.candidate.education
    if degree is None:
        return None
    return seed_multiplier("education", table("education"), degree, "degree", "the seed article's overall average")
