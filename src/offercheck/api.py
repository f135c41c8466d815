"""The library's entry points, composed from the rooms below (what the CLI calls)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from offercheck.offer.models import Offer
from offercheck.pay.comp import pay_by_year
from offercheck.pay.currency import RateTable, load_rates
from offercheck.results import DEFAULT_YEARS, Comparison, Evaluation

if TYPE_CHECKING:
    import pluggy

__all__ = ["compare", "evaluate"]


def evaluate(offer: Offer, *, years: int = DEFAULT_YEARS, currency: str | None = None,
             rates: RateTable | None = None) -> Evaluation:
    """Pay by year for one offer, converted to ``currency`` (default: the offer's own)."""
    if years < 1:
        raise ValueError("years must be at least 1")
    target = currency or offer.currency
    factor = (rates or load_rates()).rate(offer.currency, target)
    return Evaluation(offer, target, tuple(y.scaled(factor) for y in pay_by_year(offer, years)), fx=factor)


def compare(offers: Sequence[Offer], *, years: int = DEFAULT_YEARS, currency: str | None = None,
            rates: RateTable | None = None, pm: pluggy.PluginManager | None = None,
            benchmarks: Any = None, current: Offer | None = None) -> Comparison:
    """Evaluate every offer in one display currency (default: the first offer's).

    With a plugin manager, each offer is also scored against the market: ``benchmarks`` (default: the built-in
    tables plus any that plugins register) adjusted by every factor plugin. ``current``, the job held now (see
    ``offercheck.offer.loading.load_current``), is evaluated and scored the same way and kept apart as the baseline.
    """
    if not offers:
        raise ValueError("compare needs at least one offer")
    rates = rates or load_rates()
    target = currency.upper() if currency else offers[0].currency  # codes are capitals in every output
    jobs = (*offers, current) if current is not None else tuple(offers)
    evaluations = tuple(evaluate(o, years=years, currency=target, rates=rates) for o in jobs)
    if pm is not None:
        from offercheck.market.benchmarks import market_for
        from offercheck.market.scoring import score

        market = benchmarks if benchmarks is not None else market_for(pm)
        anchor = _anchor(market)
        evaluations = tuple(replace(e, market=score(e.offer, e.years, e.currency, pm, market, rates, anchor))
                            for e in evaluations)
    if current is not None:
        return Comparison(target, rates, years, evaluations[:-1], current=evaluations[-1])
    return Comparison(target, rates, years, evaluations)


def _anchor(market: Any) -> Any:
    """The BLS anchor for US offers, unless the benchmarks are the user's own (a file or a plugin's sets),
    which then speak for every country they cover."""
    from offercheck.market.anchoring import bls_provider
    from offercheck.market.benchmarks import load_benchmarks

    return bls_provider if market.origin == load_benchmarks().origin else None
