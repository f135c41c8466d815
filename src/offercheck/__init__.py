"""offercheck: compare job offers year by year, score them against the market, and negotiate.

The public API is imported lazily (PEP 562) so that ``import offercheck`` from a plugin or the CLI costs
almost nothing until a name is used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "hookimpl": "hookspecs",
    "hookspec": "hookspecs",
    "Adjustment": "adjustments",
    "TalkingPoint": "talking_points",
    "Offer": "models",
    "YearPay": "comp",
    "pay_by_year": "comp",
    "load_offer": "loading",
    "load_offers": "loading",
    "compare": "comparison",
    "evaluate": "comparison",
    "Comparison": "comparison",
    "Evaluation": "comparison",
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
    from .adjustments import Adjustment
    from .comp import YearPay, pay_by_year
    from .comparison import Comparison, Evaluation, compare, evaluate
    from .errors import OffercheckError
    from .hookspecs import hookimpl, hookspec
    from .loading import load_offer, load_offers
    from .models import Offer
    from .plugins import get_plugin_manager
    from .talking_points import TalkingPoint


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'offercheck' has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
