"""Every country offercheck taxes, in one table, and the one dispatch to a country's model.

Adding a country is three things: its module ``offercheck/tax/<module>.py`` (``SUBDIVISIONS`` and
``estimate(*, ...)``, taking by keyword any of :func:`estimate_tax`'s inputs it needs, its result in its line's
``currency``), its data file(s) in ``offercheck/data/tax/``, and one line of ``COUNTRIES`` below. The built-in
regime plugin (``offercheck.builtins.regimes``) and the ``--after-tax`` messages are made from the line.

Importing this module is cheap (the plugin manager reads it at start-up): a country's module, the tax engine and
the data are imported when a country is first asked for an estimate.
"""

from __future__ import annotations

import functools
import importlib
import inspect
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from offercheck.tax.engine import TaxResult

__all__ = ["COUNTRIES", "Country", "estimate_tax", "supported"]


class Country(NamedTuple):  # a NamedTuple, not a dataclass: a third of the cost at start-up, when this is read
    code: str  # ISO 3166-1 alpha-2, as offer files write [location] country
    module: str  # offercheck.tax.<module>
    currency: str  # the currency of the country's tax tables
    plugin: str  # the name of its built-in regime plugin (`--without tax_us`)

    def _module(self) -> ModuleType:
        return importlib.import_module(f"offercheck.tax.{self.module}")

    @property
    def subdivisions(self) -> tuple[str, ...]:
        """The subdivisions the module models (its ``SUBDIVISIONS``); "" is a national model (DE: any state)."""
        found: tuple[str, ...] = self._module().SUBDIVISIONS
        return found

    def estimate(self, **inputs: Any) -> TaxResult:
        """The country module's estimate, given those of ``inputs`` (see :func:`estimate_tax`) that it takes."""
        model = self._module().estimate
        taken = _parameters(model)
        result: TaxResult = model(**{k: v for k, v in inputs.items() if k in taken})
        return result


COUNTRIES: dict[str, Country] = {c.code: c for c in (
    Country("US", "us", "USD", "tax_us"),
    Country("CA", "canada", "CAD", "tax_canada"),
    Country("GB", "uk", "GBP", "tax_uk"),
    Country("DE", "germany", "EUR", "tax_germany"),
)}


@functools.cache
def _parameters(model: Callable[..., Any]) -> frozenset[str]:
    return frozenset(inspect.signature(model).parameters)


def supported() -> dict[str, tuple[str, ...]]:
    """Country -> supported subdivisions; "" means a national model (for DE it applies whatever the state)."""
    return {code: c.subdivisions for code, c in COUNTRIES.items()}


def estimate_tax(
    *,
    country: str,
    subdivision: str | None,
    city: str | None,
    filing_status: str,
    tax_year: int,
    wages: float,
    pretax_deferral: float = 0.0,
    work_subdivision: str | None = None,
) -> TaxResult:
    """Estimate the year's taxes on `wages` (local currency) for one earner.

    `subdivision` and `city` are where the person lives; `work_subdivision` where the work is done when that is
    another state (US: payroll premiums follow the work, income tax the home; default: the home).
    `filing_status` is "single" or "married" (married filing jointly / joint assessment, single earner).
    `pretax_deferral` (employee 401(k), US only) reduces income-tax wages but not payroll-tax wages.
    Raises UnsupportedJurisdiction (or its subclass UnsupportedTaxYear) rather than ever returning a silent zero.
    """
    from offercheck.places import country_code
    from offercheck.tax.engine import UnsupportedJurisdiction, check_inputs

    check_inputs(filing_status=filing_status, tax_year=tax_year, wages=wages, pretax_deferral=pretax_deferral)
    entry = COUNTRIES.get(country_code(country))
    if entry is None:
        listed = "; ".join(f"{c}: {', '.join(s or 'national' for s in subs)}" for c, subs in supported().items())
        raise UnsupportedJurisdiction(f"country {country!r} is not supported; supported: {listed}")
    return entry.estimate(subdivision=subdivision, city=city, filing_status=filing_status, tax_year=tax_year,
                          wages=wages, pretax_deferral=pretax_deferral, work_subdivision=work_subdivision)
