"""Industry factor: the seed article's pay by industry, relative to technology employers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offercheck.builtins.factors import seed_multiplier, table
from offercheck.hookspecs import hookimpl
from offercheck.market.adjustments import Adjustment
from offercheck.offer.models import Offer

# Common spellings in offer files -> the table's keys.
ALIASES = {"tech": "technology", "software": "technology", "fintech": "finance", "banking": "finance",
           "bank": "finance", "health": "healthcare", "ecommerce": "e-commerce"}


@hookimpl
def offercheck_adjust(offer: Offer, benchmark: Any) -> Adjustment | None:
    industry = offer.company.industry
    if not industry:
        return None
    t = table("industry")
    key = " ".join(industry.lower().split())
    key = ALIASES.get(key, key)
    # The survey behind the benchmarks is mostly technology employers, so technology is the baseline (1.0).
    relative: Mapping[str, Any] = {**t, "multiplier": t["relative_to_technology"]}
    return seed_multiplier("industry", relative, key, "industry", "technology employers (seed medians)")
