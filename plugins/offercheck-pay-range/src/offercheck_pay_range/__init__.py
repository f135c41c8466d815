"""offercheck-pay-range: place an offer in the pay range its job ad posted, and ask for the midpoint.

Pay-transparency laws (California, Colorado, New York, Washington and others) make employers post the range they
expect to pay. Put it in the offer file:

    [plugins.pay_range]
    min = 150000
    max = 200000
    currency = "USD"          # optional; default: the offer's currency
    source = "job ad JR-2291, posted 2026-10-12"

Hooks: ``offercheck_plugin_settings`` (the table's model), ``offercheck_adjust`` (a note placing the base in
the range; it does not move the market benchmark) and ``offercheck_talking_points`` (ask for the midpoint).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from offercheck import Adjustment, Offer, hookimpl
from pydantic import BaseModel, ConfigDict, Field, model_validator

if TYPE_CHECKING:
    from offercheck import Benchmark, Evaluation, TalkingPoint

__version__ = "0.1.0"
NAME = "pay_range"


class PayRange(BaseModel):
    """The ``[plugins.pay_range]`` table: the posted range for the offer's base salary."""

    # defer_build: installed plugins are imported on every run; build the validator only when a file has the table.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, defer_build=True)

    min: float = Field(gt=0, description="Lowest base salary of the posted range, per year.")
    max: float = Field(gt=0, description="Highest base salary of the posted range, per year.")
    currency: str | None = Field(None, pattern=r"^[A-Z]{3}$", description="Default: the offer's currency.")
    source: str = Field(min_length=1, description="Where the range was posted: the job ad's URL or reference.")

    @model_validator(mode="after")
    def _ordered(self) -> PayRange:
        if self.max < self.min:
            raise ValueError(f"max ({self.max:,.0f}) is below min ({self.min:,.0f})")
        return self

    @property
    def midpoint(self) -> float:
        return (self.min + self.max) / 2


def posted_range(offer: Offer) -> PayRange | None:
    """The offer's posted range in the offer's currency, or None when the file has no ``[plugins.pay_range]``."""
    table = offer.plugins.get(NAME)
    if table is None:
        return None
    posted = PayRange.model_validate(table)
    if posted.currency is None or posted.currency == offer.currency:
        return posted
    from offercheck import load_rates

    fx = load_rates().rate(posted.currency, offer.currency)
    return posted.model_copy(update={"min": posted.min * fx, "max": posted.max * fx, "currency": offer.currency})


def position(base: float, posted: PayRange) -> float:
    """Where ``base`` sits in the range, in percent: 0 at min, 100 at max (outside the range: below 0, above 100)."""
    if posted.max == posted.min:
        return 100.0 if base >= posted.max else 0.0
    return (base - posted.min) / (posted.max - posted.min) * 100


def _placement(base: float, posted: PayRange, currency: str) -> str:
    span = f"{posted.min:,.0f}-{posted.max:,.0f} {currency}"
    p = position(base, posted)
    if p < 0:
        return f"base {base:,.0f} is below the posted range {span}"
    if p > 100:
        return f"base {base:,.0f} is above the posted range {span}"
    return f"base {base:,.0f} is at {p:.0f}% of the posted range {span}"


@hookimpl
def offercheck_plugin_settings() -> dict[str, type[BaseModel]]:
    return {NAME: PayRange}


@hookimpl
def offercheck_adjust(offer: Offer, benchmark: Benchmark | None) -> Adjustment | None:
    """A neutral adjustment (x1) that places the offer in its posted range next to the market figures.

    The range is this employer's own figure, not the market's, so it must not move the benchmark.
    """
    posted = posted_range(offer)
    if posted is None:
        return None
    reason = f"{_placement(offer.salary.base, posted, offer.currency)}; the employer's range, not the market's"
    return Adjustment(factor=NAME, multiplier=1.0, reason=reason, source=posted.source)


@hookimpl
def offercheck_talking_points(offer: Offer, evaluation: Evaluation, others: Sequence[Evaluation]) -> list[TalkingPoint]:
    """Below the midpoint of the posted range: ask for the midpoint, worth the raised base over the horizon."""
    from offercheck import TalkingPoint  # here, not at the top: `compare` never needs the negotiation module

    posted = posted_range(offer)
    base = offer.salary.base
    if posted is None or base >= posted.midpoint:
        return []
    # The evaluation's base per year is in the display currency, raises included; a higher starting base
    # scales every year alike.
    amount = sum(y.base for y in evaluation.years) * (posted.midpoint / base - 1)
    text = (f"Your {_placement(base, posted, offer.currency)}. The employer posted that range for this job; "
            f"asking for its midpoint, {posted.midpoint:,.0f}, asks for their own number.")
    return [TalkingPoint(topic="posted pay range", text=text, amount=amount,
                         ask=f"base {posted.midpoint:,.0f} {offer.currency}", source=posted.source)]
