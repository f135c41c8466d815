"""Education factor: the seed article's pay by degree relative to the occupation's typical degree (weak evidence,
bounded by market.evidence).

The anchor describes the occupation's whole population, whose typical degree is x1.000 (DESIGN section 3): the
typical entry-level education BLS's Occupational Outlook Handbook gives each occupation (factors.toml
[education.typical], with the page each was read from). Another degree moves the benchmark by the seed's ratio of
the two degrees' averages, weak evidence bounded to +-5%.
"""

from __future__ import annotations

from typing import Any

from offercheck import hookimpl
from offercheck.builtins.factors import neutral, seed_multiplier, table
from offercheck.market.adjustments import Adjustment
from offercheck.market.estimates import occupation_of
from offercheck.offer.models import Offer


@hookimpl
def offercheck_adjust(offer: Offer, benchmark: Any) -> Adjustment | None:
    degree = offer.candidate.education
    if degree is None:
        return None
    t = table("education")
    soc = occupation_of(offer.offer.role)
    typical = t["typical"].get(soc) or t["typical"][t["typical_fallback"]]
    modal = typical["degree"]
    versus = f"a {modal}'s degree, the typical one for {typical['occupation']} (BLS OOH)"
    if degree == modal:
        return neutral("education", f"degree {degree}: the typical degree of {typical['occupation']} (BLS "
                                    f"Occupational Outlook Handbook, {typical['edition']}); x1.000",
                       typical["source"], evidence="weak")
    adj = seed_multiplier("education", t, degree, "degree", versus, reference=modal)
    return adj.model_copy(update={"source": f"{adj.source}; typical degree: {typical['source']}"})
