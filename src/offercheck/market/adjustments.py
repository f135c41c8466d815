"""What a factor plugin returns: one multiplier on the benchmark, with its reason and source."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Adjustment"]


class Adjustment(BaseModel):
    """One factor's adjustment of the market benchmark.

    ``multiplier`` scales every quantile of the benchmark (1.0 = no change); ``reason`` says why in a sentence a
    user can read; ``source`` names the data and its year.
    """

    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    factor: Annotated[str, Field(min_length=1)]
    multiplier: Annotated[float, Field(gt=0, le=10)]
    reason: str
    source: str = ""
