"""Forfeited pay the year-1 cash does not cover, asked back as an extra equity grant (DESIGN.md section 4).

The buyout of what leaving the current job forfeits (unvested equity, an unpaid bonus, a clawback) is asked as
sign-on in year 1, within the year-1 bounds (``asks.plan_asks``); the rest is an extra equity grant, never cash
in a later year. At a private company that gives its latest preferred price (``[equity] preferred_price``) the
grant is also said in shares: the number of shares that, at that price, make up the rest. The preferred price is
what investors paid, the price a company grants at in such an ask; the common's value stays the 409A price
(DESIGN section 5), so the offer's own equity figures are unchanged.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from offercheck.pay.equity_offer import is_private

if TYPE_CHECKING:
    from offercheck.results import Evaluation

__all__ = ["BuyoutGrant", "buyout_grant"]


@dataclass(frozen=True)
class BuyoutGrant:
    """An extra equity grant for forfeited pay, in the display currency."""

    value: float  # the forfeited pay the year-1 sign-on leaves, a round thousand
    price: float | None = None  # the latest preferred price per share, at a private company that gives one
    shares: int | None = None  # whole shares worth at least ``value`` at ``price``


def buyout_grant(e: Evaluation, value: float) -> BuyoutGrant | None:
    """The grant of ``value`` (a round thousand; nothing left: None) at ``e``'s preferred price, where given."""
    if value <= 0:
        return None
    eq = e.offer.equity
    if eq is None or not is_private(e.offer) or eq.preferred_price is None or eq.preferred_price <= 0:
        return BuyoutGrant(value)
    price = eq.preferred_price * e.fx
    # Rounded up, so the shares make up the whole value (the float error of an exact division adds no share).
    shares = math.ceil(value / price - 1e-9)
    return BuyoutGrant(value, price, shares)
