"""Certification factor: the best-paid certification the candidate holds (premiums do not stack)."""

from __future__ import annotations

from typing import Any

from offercheck import hookimpl
from offercheck.builtins.factors import cite, neutral, seed_multiplier, table
from offercheck.market.adjustments import Adjustment
from offercheck.offer.models import Offer


@hookimpl
def offercheck_adjust(offer: Offer, benchmark: Any) -> Adjustment | None:
    held = offer.candidate.certifications
    if not held:
        return None
    t = table("certification")
    aliases = t.get("aliases", {})
    keys = [aliases.get(c.strip().lower(), c.strip().lower()) for c in held]
    known = [k for k in keys if k in t["multiplier"]]
    if not known:
        return neutral("certification", f"no figure for {', '.join(held)}; known: {', '.join(sorted(t['multiplier']))}",
                       cite(t), evidence="weak")
    # Two certifications do not make a person twice as valuable: use the single largest premium.
    best = max(known, key=lambda k: t["multiplier"][k])
    return seed_multiplier("certification", t, best, "certification", "the seed article's overall average")
