"""The library's entry points, composed from the rooms below (what the CLI calls)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from offercheck.offer.models import Offer
from offercheck.pay.comp import pay_by_year
from offercheck.pay.currency import RateTable, load_rates, normalise_code
from offercheck.pay.equity_offer import equity_report, grant_exercise_cost
from offercheck.results import DEFAULT_YEARS, Comparison, Evaluation

if TYPE_CHECKING:
    import pluggy

    from offercheck.pay.equity import View

__all__ = ["compare", "evaluate"]


def evaluate(offer: Offer, *, years: int = DEFAULT_YEARS, currency: str | None = None,
             rates: RateTable | None = None, equity_view: View = "risk") -> Evaluation:
    """Pay by year for one offer, converted to ``currency`` (default: the offer's own).

    ``equity_view``: private equity at paper or at risk (DESIGN.md section 5); public grants are the same in both.
    """
    if years < 1:
        raise ValueError("years must be at least 1")
    target = offer.currency if currency is None else normalise_code(currency)  # blank: an unknown code
    rates = rates or load_rates()
    factor = rates.rate(offer.currency, target)
    native = tuple(pay_by_year(offer, years, equity_view, rates))  # a caller's rates hold for the 401(k) limit too
    return Evaluation(offer, target, tuple(y.scaled(factor) for y in native), native_years=native, fx=factor,
                      equity_view=equity_view, equity=equity_report(offer, equity_view, years, factor),
                      exercise_cost=grant_exercise_cost(offer.equity) * factor)


def compare(offers: Sequence[Offer], *, years: int = DEFAULT_YEARS, currency: str | None = None,
            rates: RateTable | None = None, pm: pluggy.PluginManager | None = None,
            benchmarks: Any = None, current: Offer | None = None, equity_view: View = "risk") -> Comparison:
    """Evaluate every offer in one display currency (default: the first offer's).

    With a plugin manager, each offer is also scored against the market: ``benchmarks`` (default: the built-in
    tables plus any that plugins register) adjusted by every factor plugin. ``current``, the job held now (see
    ``offercheck.offer.loading.load_current``), is evaluated and scored the same way and kept apart as the baseline.
    """
    if not offers:
        raise ValueError("compare needs at least one offer")
    rates = rates or load_rates()
    # Codes are trimmed capitals in every output, however --currency or a caller gave them.
    target = offers[0].currency if currency is None else normalise_code(currency)
    jobs = (*offers, current) if current is not None else tuple(offers)
    evaluations = tuple(evaluate(o, years=years, currency=target, rates=rates, equity_view=equity_view)
                        for o in jobs)
    if pm is not None:
        from offercheck.market.registered import market_for
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
    from offercheck.market.anchors.bls import bls_provider
    from offercheck.market.benchmarks import load_benchmarks

    return bls_provider if market.origin == load_benchmarks().origin else None
