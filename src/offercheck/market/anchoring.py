"""The BLS OEWS anchor as a base benchmark for US offers (DESIGN section 3).

:func:`bls_provider` looks up ``market.anchor.bls_anchor`` for a US offer (occupation fitting the role; metro,
else state, else national; fully remote: the candidate's home area, else national) and turns it into a
:class:`Benchmark`. The anchor covers every experience level, so with no experience given it is the benchmark
as is; the survey premia then shift it. It is location-specific at every level (``keyed_by`` holds
"location"), so no location multiplier is stacked on it. A place the lookup had to guess is a
:class:`MarketWarning` naming the guess.

Why the spread is not narrowed for a known experience band: the premia model's residual sd (0.39 in log pay,
``premia.residual_sd``) is wider than the whole BLS spread of an area (about 0.3 for 15-1252 in the large
metros), because it also holds the survey's between-metro variation; it says nothing about how much narrower
one band is within one metro, so the BLS spread is kept and only shifted.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING

from offercheck.errors import MarketWarning
from offercheck.market.anchor import Anchor, bls_anchor
from offercheck.market.benchmarks import Benchmark, BenchmarkSet
from offercheck.market.quantiles import Quantiles

if TYPE_CHECKING:
    from offercheck.offer.models import Offer

__all__ = ["AnchorProvider", "benchmark_from_anchor", "bls_provider"]

AnchorProvider = Callable[["Offer", BenchmarkSet], "Benchmark | None"]
N_MEANING = "n = BLS estimated employment in the area, not survey rows"


def benchmark_from_anchor(a: Anchor, benchmarks: BenchmarkSet) -> Benchmark:
    """The base benchmark an anchor describes; cash adds the benchmark file's bonus norm (cited there)."""
    base = Quantiles(p10=a.p10, p25=a.p25, p50=a.p50, p75=a.p75, p90=a.p90)
    norm = benchmarks.meta.bonus_norm
    area = "U.S. national figures" if a.level == "national" else f"{a.level} figures for {a.area_name}"
    note = "; ".join((f"{a.soc} {a.occupation}, {area}", N_MEANING, *a.notes))
    return Benchmark(
        # A national anchor is for no city: its area is named in the note, not passed off as a place.
        role=a.role, experience=None, country="US", city=None if a.level == "national" else a.area_name,
        currency="USD",
        base=base, cash=base if norm is None else base.scaled(1 + norm), total=None,
        bonus_norm=norm, bonus_source=benchmarks.meta.bonus_source, n=a.employment,
        source=a.source, source_title=f"BLS OEWS {a.reference_period} (unverified extract)",
        year=int(a.reference_period.split()[-1]),
        method=f"BLS OEWS percentiles of {a.soc} {a.occupation} ({a.level})",
        keyed_by=("occupation", "country", "location"), note=note,
    )


def bls_provider(offer: Offer, benchmarks: BenchmarkSet) -> Benchmark | None:
    """The BLS anchor for a US offer with a role; None (use the benchmark file) otherwise."""
    loc = offer.location
    if loc.country != "US" or not offer.offer.role:
        return None
    try:
        found = bls_anchor(offer.offer.role, loc.city, loc.state, "US", loc.remote == "remote",
                           offer.candidate.lives_in)
    except ValueError as e:  # a state BLS does not know: national figures, and say so
        warnings.warn(MarketWarning(f"{_where(offer)}: location.state: {e}; used national figures"), stacklevel=2)
        found = bls_anchor(offer.offer.role, None, None, "US")
    if found.place.warning:
        warnings.warn(MarketWarning(f"{_where(offer)}: location.city: {found.place.warning}"), stacklevel=2)
    return benchmark_from_anchor(found, benchmarks)


def _where(offer: Offer) -> str:
    """The offer's file for a warning (its label when built in code), as every other warning names it."""
    return offer.path or offer.label
