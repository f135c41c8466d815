"""After-tax pay: each offer's estimated tax per year, from the ``offercheck_estimate_tax`` plugins (issue 9).

Taxes are computed in the offer's own jurisdiction and in its tax tables' currency, then converted to the display
currency. Imported only with ``--after-tax``: it pulls in the tax engine and its data.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from offercheck.errors import OfferFileError, PluginError
from offercheck.pay.comp import YearPay, pay_by_year
from offercheck.pay.currency import load_rates
from offercheck.tax import (
    LATEST_TAX_YEAR,
    SUPPORTED,
    TaxResult,
    UnsupportedJurisdiction,
    UnsupportedTaxYear,
    estimate_tax,
)

if TYPE_CHECKING:
    import pluggy

    from offercheck.offer.models import Offer
    from offercheck.results import Comparison, Evaluation

__all__ = ["SIMPLIFICATIONS", "AfterTax", "evaluation_taxes", "regime_estimate", "taxable_wages",
           "with_taxes"]

# Said once wherever taxes are shown, on top of each regime's own notes.
SIMPLIFICATIONS: tuple[str, ...] = (
    "Taxes are estimates, not tax advice: one earner, wages as the only income, no credits beyond those listed.",
    "Wages are counted in the year they are paid: base, bonus, sign-on, relocation, RSU vests, ESPP discount; "
    "option value is taxed as ordinary income at vest (a simplification: ISOs, AMT and exercise timing are out of "
    "scope). Employer retirement match, health premiums and other benefits are treated as untaxed.",
    "Every year of the horizon is taxed with the parameters of the chosen tax year (no indexing).",
)

def deferral_limit_usd(tax_year: int) -> float:
    """The employee 401(k) elective-deferral limit, 26 USC 402(g), from the US federal tax data."""
    from offercheck.tax.engine import params

    return float(params("us_federal", tax_year)["retirement"]["elective_deferral_402g"])


# The tax tables' currency of each country with a built-in regime.
_CURRENCY = {"US": "USD", "CA": "CAD", "GB": "GBP", "DE": "EUR"}
_COUNTRY_ALIASES = {"UK": "GB"}


@dataclass(frozen=True)
class AfterTax:
    """Estimated tax for each year of one offer, in the display currency."""

    tax_year: int
    filing_status: str
    plugin: str  # the plugin whose regime produced the estimate
    years: tuple[TaxResult, ...]
    nets: tuple[float, ...]  # total pay less tax, per year

    @property
    def total(self) -> float:
        return sum(t.total for t in self.years)

    @property
    def net_total(self) -> float:
        return sum(self.nets)

    @property
    def notes(self) -> tuple[str, ...]:
        """Every regime note over the horizon, once each."""
        return tuple(dict.fromkeys(n for t in self.years for n in t.notes))


def taxable_wages(pay: YearPay) -> float:
    """Wages taxed in ``pay``'s year: everything paid but the untaxed employer benefits (see SIMPLIFICATIONS)."""
    return pay.base + pay.bonus + pay.sign_on + pay.equity + pay.espp


def _us_state(offer: Offer) -> tuple[str, list[str]]:
    """The offer's US state, inferred from a known city (and said so) when the file gives none."""
    from offercheck.real.citystate import state_of_city
    from offercheck.real.places import UnknownPlace

    loc = offer.location
    if loc.state:
        return loc.state, []
    if not loc.city:
        raise UnsupportedJurisdiction('no state given: set [location] state, e.g. state = "CA"')
    try:
        found = state_of_city(loc.city)
    except UnknownPlace as e:
        raise UnsupportedJurisdiction(f'no state given and {e}: set [location] state, e.g. state = "CA"') from None
    if found.state is None:
        raise UnsupportedJurisdiction(
            f"no state given and {loc.city!r} could be in {' or '.join(found.candidates)} (metro {found.metro}): "
            f'set [location] state, e.g. state = "{found.candidates[0]}"')
    return found.state, [f"state {found.state} inferred from the city {loc.city!r} (metro {found.metro})"]


def regime_estimate(country: str, offer: Offer, year_pay: YearPay, tax_year: int) -> TaxResult | None:
    """What a built-in regime plugin does: the offer's taxes if it is in ``country``, else None.

    ``year_pay`` is in the offer's currency; wages are converted to the regime's currency at the packaged rates.
    """
    code = offer.location.country
    if _COUNTRY_ALIASES.get(code, code) != country:
        return None
    subdivision, notes = _us_state(offer) if country == "US" else (offer.location.state, [])
    if country == "CA" and not subdivision:
        raise UnsupportedJurisdiction('no province given: set [location] state, e.g. state = "ON"')
    to_local = load_rates().rate(offer.currency, _CURRENCY[country])
    wages = taxable_wages(year_pay) * to_local
    deferral = year_pay.base * (offer.benefits.employee_401k_percent or 0.0) / 100 * to_local
    limit = deferral_limit_usd(tax_year) if country == "US" else None
    if limit is not None and deferral > limit:
        notes.append(f"401(k) deferral capped at the {tax_year} limit of {limit:,.0f} (26 USC 402(g))")
        deferral = limit
    result = estimate_tax(
        country=country,
        subdivision=subdivision,
        city=offer.location.city,
        filing_status=offer.candidate.filing_status,
        tax_year=tax_year,
        wages=wages,
        pretax_deferral=min(deferral, wages),
    )
    return dataclasses.replace(result, notes=(*notes, *result.notes))


def _with_filing(offer: Offer, filing: str | None) -> Offer:
    if filing is None or filing == offer.candidate.filing_status:
        return offer
    return offer.model_copy(update={"candidate": offer.candidate.model_copy(update={"filing_status": filing})})


def _estimate(pm: pluggy.PluginManager, offer: Offer, pay: YearPay, tax_year: int) -> tuple[str, TaxResult]:
    from offercheck.plugins import BUILTIN_TAX_REGIMES, call_hook

    file = offer.path or offer.label
    try:
        found = call_hook(pm, "offercheck_estimate_tax", firstresult=True, offer=offer, year_pay=pay,
                          tax_year=tax_year)
    except PluginError as e:
        # A regime that covers the country but not the state or province: the file's field, not a plugin bug.
        cause = e.__cause__
        if isinstance(cause, UnsupportedJurisdiction) and not isinstance(cause, UnsupportedTaxYear):
            raise OfferFileError(file, str(cause), "location.state") from None
        raise
    if not found:
        covered = ", ".join(SUPPORTED)
        # "no regime covers 'US' (built-in regimes: US, ...)" reads as a contradiction after --without tax_us.
        off = [name for name in BUILTIN_TAX_REGIMES if pm.is_blocked(name)]
        if off:
            covered += f"; {', '.join(off)} switched off with --without"
        raise OfferFileError(
            file,
            f"no tax regime covers country {offer.location.country!r} (built-in regimes: {covered}); "
            "a plugin can add one, or leave out --after-tax",
            "location.country",
        )
    plugin, result = found[0]
    if not isinstance(result, TaxResult):
        raise PluginError(plugin, "offercheck_estimate_tax",
                          f"returned {type(result).__name__}, expected offercheck.tax.TaxResult")
    return plugin, result


def _converted(result: TaxResult, currency: str, factor: float) -> TaxResult:
    lines = tuple(dataclasses.replace(x, amount=x.amount * factor) for x in result.lines)
    return dataclasses.replace(result, currency=currency, lines=lines)


def evaluation_taxes(e: Evaluation, pm: pluggy.PluginManager, c: Comparison, *, tax_year: int,
                     filing: str | None) -> AfterTax:
    """Estimated tax on each year of ``e``, converted to the comparison's display currency."""
    offer = _with_filing(e.offer, filing)
    years = []
    plugin = ""
    for pay in pay_by_year(offer, len(e.years)):
        plugin, result = _estimate(pm, offer, pay, tax_year)
        years.append(_converted(result, c.currency, c.rates.rate(result.currency, c.currency)))
    nets = tuple(y.total - t.total for y, t in zip(e.years, years, strict=True))
    return AfterTax(tax_year, offer.candidate.filing_status, plugin, tuple(years), nets)


def with_taxes(c: Comparison, pm: pluggy.PluginManager | None = None, *, tax_year: int = LATEST_TAX_YEAR,
               filing: str | None = None) -> Comparison:
    """``c`` with every evaluation's ``taxes`` set; ``filing`` ("single"/"married") overrides the offer files.

    ``pm`` supplies the tax regimes (default: the built-in and installed plugins).
    """
    if pm is None:
        from offercheck.plugins import get_plugin_manager

        pm = get_plugin_manager()
    evaluations = tuple(
        dataclasses.replace(e, taxes=evaluation_taxes(e, pm, c, tax_year=tax_year, filing=filing))
        for e in c.evaluations
    )
    return dataclasses.replace(c, evaluations=evaluations)
