"""Negotiation: talking points with concrete asks, counter-offer numbers and an email draft."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["TalkingPoint"]


class TalkingPoint(BaseModel):
    """One thing to ask for, with the money it is worth and where the number comes from.

    ``amount`` is the dollar-equivalent impact over the horizon in the display currency; points are ranked by it.
    """

    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    topic: Annotated[str, Field(min_length=1)]
    text: Annotated[str, Field(min_length=1)]
    amount: Annotated[float, Field(ge=0)]
    ask: str | None = None
    source: str = ""
