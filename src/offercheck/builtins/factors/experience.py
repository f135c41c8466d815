"""Experience factor: pay by experience band (the survey's levels mapped to years)."""

from __future__ import annotations

from typing import Any

from offercheck import hookimpl
from offercheck.builtins.factors import already_in_benchmark, survey_multiplier
from offercheck.market.adjustments import Adjustment
from offercheck.offer.models import Offer


@hookimpl
def offercheck_adjust(offer: Offer, benchmark: Any) -> Adjustment | None:
    years = offer.candidate.years_experience
    if years is None:
        return None
    from offercheck.offer.roles import experience_band

    band = experience_band(years)
    return already_in_benchmark("experience", benchmark, "experience", f"{band} years") or survey_multiplier(
        "experience", band, "experience band", benchmark)
