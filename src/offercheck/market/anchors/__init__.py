"""Official pay anchors, one module per source (DESIGN section 3): ``bls`` (US BLS OEWS) today.

An anchor provider takes an offer and the benchmark file and returns the base benchmark an official source gives
for it, or None (the benchmark file's cells are used). Where an offer is (its area) is ``offercheck.places``'.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from offercheck.market.benchmarks import Benchmark, BenchmarkSet
    from offercheck.offer.models import Offer

__all__ = ["AnchorProvider"]

AnchorProvider = Callable[["Offer", "BenchmarkSet"], "Benchmark | None"]
