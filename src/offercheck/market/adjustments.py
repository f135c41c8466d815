"""What a factor plugin returns: one multiplier on the benchmark, with its reason, source and evidence."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Adjustment"]


class Adjustment(BaseModel):
    """One factor's adjustment of the market benchmark.

    ``multiplier`` scales every quantile of the benchmark (1.0 = no change); ``reason`` says why in a sentence a
    user can read; ``source`` names the data and its year. ``n`` and ``interval`` (the 95% interval of the
    estimated multiplier) come with survey estimates; ``evidence`` is "strong" for figures estimated from a survey
    or BLS, "weak" for a seed article's raw averages (bounded to +-5%, see ``market.evidence``).
    """

    model_config = ConfigDict(frozen=True, allow_inf_nan=False, defer_build=True)

    factor: Annotated[str, Field(min_length=1)]
    # DESIGN section 3: a multiplier outside 0.25-4 is a plugin error (5e-324 would zero the benchmark).
    multiplier: Annotated[float, Field(ge=0.25, le=4)]
    reason: str
    source: str = ""
    n: Annotated[int, Field(ge=0)] | None = None
    interval: tuple[float, float] | None = None
    evidence: Literal["strong", "weak"] = "strong"
