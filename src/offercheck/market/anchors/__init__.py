"""Official pay anchors, one module per source (DESIGN section 3): ``bls`` (US BLS OEWS), ``ashe`` (GB ONS ASHE),
``jobbank`` (CA ESDC Job Bank), ``entgeltatlas`` (DE BA Entgeltatlas); ``official`` turns the three non-US ones
into base benchmarks (one way for all three: ``derive`` for the missing quantiles, ``tables``, ``roles``, ``model``).

An anchor provider takes an offer and the benchmark file and returns the base benchmark an official source gives
for it, or None (the benchmark file's cells are used). :func:`provider` is the one the api uses: it chooses the
source by the offer's country and ages every anchor to the comparison date. Where an offer is (its area) is
``offercheck.places``'.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from offercheck.market.benchmarks import Benchmark, BenchmarkSet
    from offercheck.offer.models import Offer

__all__ = ["ANCHORED", "AnchorProvider", "provider"]

AnchorProvider = Callable[["Offer", "BenchmarkSet"], "Benchmark | None"]

# Countries with an official anchor, and the module of each source.
ANCHORED = {"US": "bls", "GB": "ashe", "CA": "jobbank", "DE": "entgeltatlas"}


def provider(as_of: dt.date | None = None) -> AnchorProvider:
    """The anchor provider for a comparison on ``as_of`` (default: ``market.ageing.today()``): BLS for a US offer,
    ONS ASHE for GB, Job Bank for CA, the BA Entgeltatlas for DE, none elsewhere."""

    def anchor(offer: Offer, benchmarks: BenchmarkSet) -> Benchmark | None:
        country = offer.location.country
        if country == "US":
            from offercheck.market.anchors.bls import bls_provider

            return bls_provider(offer, benchmarks, as_of)
        if country in ANCHORED:
            from offercheck.market.anchors.official import official_benchmark

            return official_benchmark(offer, benchmarks, as_of)
        return None

    return anchor
