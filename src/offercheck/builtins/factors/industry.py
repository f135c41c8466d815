"""Industry factor: the seed article's pay by industry, relative to technology employers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offercheck import hookimpl
from offercheck.builtins.factors import seed_multiplier, table
from offercheck.market.adjustments import Adjustment
from offercheck.offer.models import Offer


@hookimpl
def offercheck_adjust(offer: Offer, benchmark: Any) -> Adjustment | None:
    industry = offer.company.industry
    if not industry:
        return None
    t = table("industry")
    key = " ".join(industry.lower().split())
    key = t.get("aliases", {}).get(key, key)  # common spellings in offer files, the same list `validate` accepts
    # The survey behind the benchmarks is mostly technology employers, so technology is the baseline (1.0).
    relative: Mapping[str, Any] = {**t, "multiplier": t["relative_to_technology"]}
    return seed_multiplier("industry", relative, key, "industry", "technology employers (seed medians)")
