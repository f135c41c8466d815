"""Pay quantiles: the model every benchmark uses, and the one quantile estimator of the package.

Quantiles use linear interpolation between order statistics (Hyndman & Fan type 7, numpy's default
``"linear"`` method): for sorted x[0..n-1] and probability p, h = (n-1)p and
q = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
"""

import math
from collections.abc import Sequence
from itertools import pairwise

from pydantic import BaseModel, ConfigDict, model_validator

__all__ = ["NAMES", "PERCENTILES", "QUANTILE_METHOD", "Quantiles", "quantile"]

PERCENTILES = (10, 25, 50, 75, 90)
NAMES = tuple(f"p{p}" for p in PERCENTILES)
QUANTILE_METHOD = "linear interpolation between order statistics (Hyndman-Fan type 7, numpy 'linear')"


def quantile(sorted_values: Sequence[float], p: float) -> float:
    """Type 7 quantile of already-sorted values (see the module docstring)."""
    if not sorted_values:
        raise ValueError("quantile of no values")
    h = (len(sorted_values) - 1) * p
    lo = math.floor(h)
    if lo + 1 >= len(sorted_values):
        return float(sorted_values[-1])
    return float(sorted_values[lo] + (h - lo) * (sorted_values[lo + 1] - sorted_values[lo]))


class Quantiles(BaseModel):
    """Pay quantiles per year. p10 and p90 are optional (a source may give only the middle)."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    p10: float | None = None
    p25: float
    p50: float
    p75: float
    p90: float | None = None

    @model_validator(mode="after")
    def _ordered(self) -> "Quantiles":
        values = [v for v in (self.p10, self.p25, self.p50, self.p75, self.p90) if v is not None]
        if not all(math.isfinite(v) and v > 0 for v in values):
            raise ValueError("quantiles must be positive finite numbers")
        if any(a > b for a, b in pairwise(values)):
            raise ValueError("quantiles must not decrease from p10 to p90")
        return self

    def scaled(self, m: float) -> "Quantiles":
        """Every quantile times ``m`` (> 0): scaling preserves the order, so no re-validation is needed."""
        if not (math.isfinite(m) and m > 0):
            raise ValueError(f"scale factor must be a positive finite number, got {m!r}")
        return Quantiles.model_construct(
            p10=None if self.p10 is None else self.p10 * m, p25=self.p25 * m, p50=self.p50 * m,
            p75=self.p75 * m, p90=None if self.p90 is None else self.p90 * m)
