"""Remote-work factor: onsite, hybrid or fully remote."""

from __future__ import annotations

from typing import Any

from ..adjustments import Adjustment
from ..hookspecs import hookimpl
from ..models import Offer
from . import keyed_multiplier, table


@hookimpl
def offercheck_adjust(offer: Offer, benchmark: Any) -> Adjustment | None:
    mode = offer.location.remote
    if mode is None:
        return None
    return keyed_multiplier("remote", table("remote"), mode, "work mode", "all work modes in the same country and band")
