"""Anchor providers: where an offer's base benchmark comes from before the benchmark file's cells.

An :data:`AnchorProvider` takes the offer and the benchmark set and returns a :class:`Benchmark`, or None to
use the file's cells. :func:`provider` turns an anchor function (the BLS OEWS one, ``market.anchor.bls_anchor``,
once wired in) into a provider: it calls ``anchor_fn(role, city, state, country, remote, lives_in)`` and converts
what it returns through :func:`benchmark_from_anchor`. The anchor is location-specific at metro and state level
(``keyed_by`` then holds "location", so the location factor says "in the anchor").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from offercheck.market.benchmarks import Benchmark, BenchmarkSet
from offercheck.market.quantiles import Quantiles

if TYPE_CHECKING:
    from offercheck.offer.models import Offer

__all__ = ["AnchorLike", "AnchorProvider", "benchmark_from_anchor", "provider"]

AnchorProvider = Callable[["Offer", BenchmarkSet], "Benchmark | None"]


class AnchorLike(Protocol):
    """What an anchor function returns: the occupation's p10..p90 for an area, and where they come from."""

    p10: float
    p25: float
    p50: float
    p75: float
    p90: float
    area: str  # e.g. "San Jose-Sunnyvale-Santa Clara, CA"
    level: str  # "metro" | "state" | "national"
    employment: int | None
    source: str  # e.g. "BLS OEWS, 15-1252 Software Developers"
    period: str  # e.g. "May 2025"
    notes: str | None


AnchorFn = Callable[[str | None, str | None, str | None, str, str | None, str | None], "AnchorLike | None"]


def benchmark_from_anchor(a: AnchorLike, *, role: str | None, benchmarks: BenchmarkSet) -> Benchmark:
    """The base benchmark an anchor describes; cash adds the benchmark file's bonus norm (cited there)."""
    base = Quantiles(p10=a.p10, p25=a.p25, p50=a.p50, p75=a.p75, p90=a.p90)
    norm = benchmarks.meta.bonus_norm
    year = re.search(r"(19|20)\d\d", a.period)
    local = a.level in ("metro", "state")
    note = "; ".join(x for x in (f"{a.level} anchor: {a.area}",
                                 f"employment {a.employment:,}" if a.employment else None, a.notes) if x)
    return Benchmark(
        role=role, experience=None, country="US", city=a.area if local else None, currency="USD",
        base=base, cash=base if norm is None else base.scaled(1 + norm), total=None,
        bonus_norm=norm, bonus_source=benchmarks.meta.bonus_source, n=None,
        source=a.source, source_title=f"{a.source}, {a.period}", year=int(year.group()) if year else 0,
        method=f"BLS OEWS occupational distribution ({a.level})",
        keyed_by=("role", "country", "location") if local else ("role", "country"), note=note,
    )


def provider(anchor_fn: AnchorFn) -> AnchorProvider:
    """A provider for US offers from an anchor function; other countries use the benchmark file."""
    def anchor(offer: Offer, benchmarks: BenchmarkSet) -> Benchmark | None:
        loc = offer.location
        if loc.country != "US":
            return None
        found = anchor_fn(offer.offer.role, loc.city, loc.state, loc.country, loc.remote,
                          getattr(offer.candidate, "lives_in", None))
        return None if found is None else benchmark_from_anchor(found, role=offer.offer.role, benchmarks=benchmarks)
    return anchor
