"""After-tax estimates from parameter tables (US federal + states, Canada, UK, Germany).

``registry.py`` lists the countries and holds the one dispatch, ``registry.estimate_tax``; ``engine.py`` the result
types, errors, parameter loading and bracket arithmetic; one module per country; ``aftertax.py`` what ``--after-tax``
computes per offer through the ``offercheck_estimate_tax`` plugins. Parameters live in ``offercheck/data/tax/*.toml``,
each table with its source, tax year and verification status. Results are estimates: every simplification and every
unverified parameter is listed in ``TaxResult.notes``.

The names below are re-exported lazily (PEP 562), so that importing ``offercheck.tax.registry`` at start-up imports
no tax code; plugin authors import the types from ``offercheck`` itself.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS: dict[str, str] = {
    "LATEST_TAX_YEAR": "engine",
    "TAX_YEARS": "engine",
    "TaxLine": "engine",
    "TaxResult": "engine",
    "UnsupportedJurisdiction": "engine",
    "UnsupportedTaxYear": "engine",
    "estimate_tax": "registry",
}

__all__ = [
    "LATEST_TAX_YEAR",
    "TAX_YEARS",
    "TaxLine",
    "TaxResult",
    "UnsupportedJurisdiction",
    "UnsupportedTaxYear",
    "estimate_tax",
]

if TYPE_CHECKING:
    from offercheck.tax.engine import (
        LATEST_TAX_YEAR,
        TAX_YEARS,
        TaxLine,
        TaxResult,
        UnsupportedJurisdiction,
        UnsupportedTaxYear,
    )
    from offercheck.tax.registry import estimate_tax


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
