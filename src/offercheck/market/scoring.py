"""Score an offer against the market: benchmark x factor adjustments -> expected distribution -> percentiles."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from offercheck.errors import PluginError
from offercheck.market.adjustments import Adjustment
from offercheck.market.evidence import bound_weak, resolve_overlaps
from offercheck.market.position import AppliedAdjustment, MarketPosition, Percentile, percentile_of
from offercheck.plugins.calls import ADJUST, adjust

if TYPE_CHECKING:
    import pluggy

    from offercheck.market.anchors import AnchorProvider
    from offercheck.market.benchmarks import Benchmark
    from offercheck.market.no_market import NoMarket
    from offercheck.market.quantiles import Quantiles
    from offercheck.offer.models import Offer
    from offercheck.pay.comp import YearPay
    from offercheck.pay.currency import RateTable

def collect_adjustments(pm: pluggy.PluginManager, offer: Offer, benchmark: Benchmark) -> tuple[AppliedAdjustment, ...]:
    """Call every factor; check what each returns so a bad plugin is named, not a crash. Weak evidence is
    bounded and overlapping factors are applied once (``market.evidence``)."""
    out = []
    for plugin, result in adjust(pm, offer, benchmark):
        if not isinstance(result, Adjustment):
            raise PluginError(plugin, ADJUST,
                              f"returned {type(result).__name__}, expected an Adjustment or None")
        # model_construct() can bypass validation: check again what scoring relies on.
        if not (math.isfinite(result.multiplier) and result.multiplier > 0):
            raise PluginError(plugin, ADJUST,
                              f"multiplier must be a positive finite number, got {result.multiplier!r}")
        out.append(AppliedAdjustment(plugin, bound_weak(result)))
    resolved = resolve_overlaps([a.adjustment for a in out])
    return tuple(AppliedAdjustment(a.plugin, r) for a, r in zip(out, resolved, strict=True))


def market_position(years: Sequence[YearPay], benchmark: Benchmark, adjustments: Sequence[AppliedAdjustment],
                    fx: float) -> MarketPosition:
    """Percentiles of the offer's year-1 base, average cash and (against a total benchmark) average total; None
    where the benchmark has no such distribution (a total-only file has no base).

    ``years`` are in the display currency; ``fx`` converts the benchmark's currency to it.
    """
    mult = math.prod(a.adjustment.multiplier for a in adjustments) * fx

    def place(pay: float, q: Quantiles | None) -> Percentile | None:
        return None if q is None else percentile_of(pay, q.scaled(mult))

    return MarketPosition(
        benchmark=benchmark,
        adjustments=tuple(adjustments),
        fx=fx,
        base=place(years[0].base, benchmark.base),
        cash=place(sum(y.base + y.bonus for y in years) / len(years), benchmark.cash),
        total=place(sum(y.total for y in years) / len(years), benchmark.total),
    )


def score(offer: Offer, years: Sequence[YearPay], currency: str, pm: pluggy.PluginManager, benchmarks: Any,
          rates: RateTable, anchor: AnchorProvider | None = None) -> MarketPosition | NoMarket:
    """Look up the offer's benchmark, apply every factor plugin, and place ``years`` (in ``currency``) in it.

    ``anchor`` (e.g. the BLS anchor for US offers) gives the base benchmark where it has one; otherwise the
    benchmark file's cell for the offer's role, experience, country and city is used. A country with neither has
    no benchmark: :class:`NoMarket` ("no market data for PL"), and no factor is asked.
    """
    loc = offer.location
    benchmark = anchor(offer, benchmarks) if anchor is not None else None
    if benchmark is None:
        benchmark = benchmarks.lookup(role=offer.offer.role, years_experience=offer.candidate.years_experience,
                                      country=loc.country, city=loc.city, state=loc.state)
    if benchmark is None:
        from offercheck.market.no_market import NoMarket  # only for a country with no benchmark

        return NoMarket(loc.country)
    fx = rates.rate(benchmark.currency, currency)
    return market_position(years, benchmark, collect_adjustments(pm, offer, benchmark), fx)
