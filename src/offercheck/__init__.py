"""offercheck: compare job offers year by year, score them against the market, and negotiate.

The public API is imported lazily (PEP 562) so that ``import offercheck`` from a plugin or the CLI costs
almost nothing until a name is used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from offercheck._version import __version__

_EXPORTS: dict[str, str] = {
    # Plugins: the markers, the manager, and every type a hook specification names.
    "hookimpl": "plugins.specs",
    "hookspec": "plugins.specs",
    "get_plugin_manager": "plugins.manager",
    "Adjustment": "market.adjustments",
    "Benchmark": "market.benchmarks",
    "BenchmarkSet": "market.benchmarks",
    "TalkingPoint": "negotiation.points",
    "Offer": "offer.models",
    "YearPay": "pay.comp",
    "RateTable": "pay.currency",
    "TaxLine": "tax.engine",
    "TaxResult": "tax.engine",
    "Evaluation": "results",
    # The library.
    "pay_by_year": "pay.comp",
    "load_rates": "pay.currency",
    "load_offer": "offer.loading",
    "load_offers": "offer.loading",
    "PluginSettings": "offer.loading",
    "compare": "api",
    "evaluate": "api",
    "negotiate": "api",
    "Comparison": "results",
    "OffercheckError": "errors",
}

__all__ = [
    "Adjustment",
    "Benchmark",
    "BenchmarkSet",
    "Comparison",
    "Evaluation",
    "Offer",
    "OffercheckError",
    "PluginSettings",
    "RateTable",
    "TalkingPoint",
    "TaxLine",
    "TaxResult",
    "YearPay",
    "__version__",
    "compare",
    "evaluate",
    "get_plugin_manager",
    "hookimpl",
    "hookspec",
    "load_offer",
    "load_offers",
    "load_rates",
    "negotiate",
    "pay_by_year",
]

if TYPE_CHECKING:
    from offercheck.api import compare, evaluate, negotiate
    from offercheck.errors import OffercheckError
    from offercheck.market.adjustments import Adjustment
    from offercheck.market.benchmarks import Benchmark, BenchmarkSet
    from offercheck.negotiation.points import TalkingPoint
    from offercheck.offer.loading import PluginSettings, load_offer, load_offers
    from offercheck.offer.models import Offer
    from offercheck.pay.comp import YearPay, pay_by_year
    from offercheck.pay.currency import RateTable, load_rates
    from offercheck.plugins.manager import get_plugin_manager
    from offercheck.plugins.specs import hookimpl, hookspec
    from offercheck.results import Comparison, Evaluation
    from offercheck.tax.engine import TaxLine, TaxResult


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'offercheck' has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value

