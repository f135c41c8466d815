"""offercheck: compare job offers year by year, score them against the market, and negotiate.

The public API is imported lazily (PEP 562) so that ``import offercheck`` from a plugin or the CLI costs
almost nothing until a name is used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from offercheck._version import __version__

_EXPORTS: dict[str, str] = {
    "hookimpl": "hookspecs",
    "hookspec": "hookspecs",
    "Adjustment": "market.adjustments",
    "TalkingPoint": "negotiate.points",
    "Offer": "offer.models",
    "YearPay": "pay.comp",
    "pay_by_year": "pay.comp",
    "load_offer": "offer.loading",
    "load_offers": "offer.loading",
    "compare": "api",
    "evaluate": "api",
    "Comparison": "results",
    "Evaluation": "results",
    "get_plugin_manager": "plugins",
    "OffercheckError": "errors",
}

__all__ = [
    "Adjustment",
    "Comparison",
    "Evaluation",
    "Offer",
    "OffercheckError",
    "TalkingPoint",
    "YearPay",
    "__version__",
    "compare",
    "evaluate",
    "get_plugin_manager",
    "hookimpl",
    "hookspec",
    "load_offer",
    "load_offers",
    "pay_by_year",
]

if TYPE_CHECKING:
    from offercheck.api import compare, evaluate
    from offercheck.errors import OffercheckError
    from offercheck.hookspecs import hookimpl, hookspec
    from offercheck.market.adjustments import Adjustment
    from offercheck.negotiate.points import TalkingPoint
    from offercheck.offer.loading import load_offer, load_offers
    from offercheck.offer.models import Offer
    from offercheck.pay.comp import YearPay, pay_by_year
    from offercheck.plugins import get_plugin_manager
    from offercheck.results import Comparison, Evaluation


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'offercheck' has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
