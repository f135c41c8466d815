"""Role factor: relative pay of the offer's role, where the benchmark is not already by role."""

from __future__ import annotations

from typing import Any

from offercheck import hookimpl
from offercheck.builtins.factors import already_in_benchmark, survey_multiplier
from offercheck.market.adjustments import Adjustment
from offercheck.offer.models import Offer


@hookimpl
def offercheck_adjust(offer: Offer, benchmark: Any) -> Adjustment | None:
    role = offer.offer.role
    if not role:
        return None
    from offercheck.offer.roles import normalise_role

    key = normalise_role(role) or " ".join(role.lower().split())
    return already_in_benchmark("role", benchmark, "role", benchmark.role) or survey_multiplier(
        "role", key, "role", benchmark)
