"""After-tax pay: each offer's estimated tax per year, from the ``offercheck_estimate_tax`` plugins (issue 9).

Taxes are computed in the offer's own jurisdiction and in its tax tables' currency, then converted to the display
currency. Imported only with ``--after-tax``: it pulls in the tax engine and its data.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from offercheck.errors import OfferFileError, PluginError
from offercheck.pay.comp import YearPay, deferral_limit_usd
from offercheck.places import country_code
from offercheck.tax.engine import (
    TaxLine,
    TaxResult,
    UnsupportedJurisdiction,
    UnsupportedTaxYear,
    check_inputs,
)
from offercheck.tax.equity_income import TimedEquity, scaled_tax, timed_equity
from offercheck.tax.registry import COUNTRIES
from offercheck.tax.residence import LIVES_IN, tax_home
from offercheck.tax.types import AfterTax, NotEstimated

if TYPE_CHECKING:
    from collections.abc import Sequence

    import pluggy

    from offercheck.offer.models import Offer
    from offercheck.pay.currency import RateTable
    from offercheck.pay.equity import View

__all__ = ["SIMPLIFICATIONS", "AfterTax", "Jurisdiction", "NotEstimated", "jurisdiction", "offer_taxes",
           "regime_estimate", "taxable_wages"]

# Said once wherever taxes are shown, on top of each regime's own notes.
SIMPLIFICATIONS: tuple[str, ...] = (
    "Taxes are estimates, not tax advice: one earner, wages as the only income, no credits beyond those listed.",
    "Wages are counted in the year they are paid: base, bonus, sign-on, relocation, RSU vests, ESPP discount; "
    "a public company's option value is taxed as ordinary income at vest (a simplification: tax-advantaged option "
    "schemes and exercise timing are out of scope); a private company's options are taxed at exercise and its "
    "double-trigger RSUs at liquidity (see the notes). Employer retirement match, health premiums and other "
    "benefits are treated as untaxed.",
    "Every year of the horizon is taxed with the parameters of the chosen tax year (no indexing).",
    "Taxes are those of where you live: [candidate] lives_in for a fully remote job, else the work place (a commute "
    "from another state is taxed by the home state: see the notes).",
    "Net pay includes the benefits paid in kind (employer retirement match, health, ESPP discount gain, other); "
    "take-home cash is net pay without them.",
)

def taxable_wages(pay: YearPay) -> float:
    """Wages taxed in ``pay``'s year: everything paid but the untaxed employer benefits (see SIMPLIFICATIONS)."""
    return pay.base + pay.bonus + pay.sign_on + pay.equity + pay.espp


@dataclass(frozen=True)
class Jurisdiction:
    """What a regime's country module is given: where and how the offer is taxed, in the regime's currency."""

    subdivision: str | None  # where the person lives (income tax)
    city: str | None  # the city they live in
    filing_status: str
    tax_year: int
    wages: float
    pretax_deferral: float
    notes: tuple[str, ...]  # said with the result (where the offer is taxed and why, a capped deferral)
    work_subdivision: str | None = None  # where the work is done (payroll premiums), when it is not the home


def jurisdiction(country: str, offer: Offer, year_pay: YearPay, tax_year: int,
                 rates: RateTable) -> Jurisdiction | None:
    """The offer's tax inputs if it is taxed in ``country`` (where the person lives: ``tax.residence``), else None.

    ``year_pay`` is in the offer's currency; wages are converted to the regime's currency at ``rates`` (the
    comparison's table, so a caller's own rates hold for taxes too).
    """
    home = tax_home(offer)
    if home.country != country:
        return None
    if country == "CA" and not home.subdivision:
        raise UnsupportedJurisdiction('no province given: write it in [candidate] lives_in, e.g. "Toronto, ON"'
                                      if home.field == LIVES_IN else
                                      'no province given: set [location] state, e.g. state = "ON"')
    notes = list(home.notes)
    to_local = rates.rate(offer.currency, COUNTRIES[country].currency)
    wages = taxable_wages(year_pay) * to_local
    deferral = year_pay.base * (offer.benefits.employee_401k_percent or 0.0) / 100 * to_local
    filing = offer.candidate.filing_status
    # Checked before the limit is read, so that a tax year without tables is named as the engine names it. (A
    # deferral, a percent of base, is at most the wages: taking the min before the cap changes nothing.)
    deferral = min(deferral, wages)
    check_inputs(filing_status=filing, tax_year=tax_year, wages=wages, pretax_deferral=deferral)
    limit = deferral_limit_usd(tax_year) if country == "US" else None
    if limit is not None and deferral > limit:
        notes.append(f"401(k) deferral capped at the {tax_year} limit of {limit:,.0f} (26 USC 402(g))")
        deferral = limit
    work = home.work_subdivision if home.work_subdivision != home.subdivision else None
    return Jurisdiction(home.subdivision, home.city, filing, tax_year, wages, deferral, tuple(notes), work)


def regime_estimate(country: str, offer: Offer, year_pay: YearPay, tax_year: int,
                    rates: RateTable) -> TaxResult | None:
    """What a built-in regime plugin does: its registry country's estimate, if the offer is taxed in ``country``."""
    where = jurisdiction(country, offer, year_pay, tax_year, rates)
    if where is None:
        return None
    result = COUNTRIES[country].estimate(subdivision=where.subdivision, city=where.city,
                                         filing_status=where.filing_status, tax_year=where.tax_year,
                                         wages=where.wages, pretax_deferral=where.pretax_deferral,
                                         work_subdivision=where.work_subdivision)
    return dataclasses.replace(result, notes=(*where.notes, *result.notes))


def _with_filing(offer: Offer, filing: str | None) -> Offer:
    if filing is None or filing == offer.candidate.filing_status:
        return offer
    return offer.model_copy(update={"candidate": offer.candidate.model_copy(update={"filing_status": filing})})


def _estimate(pm: pluggy.PluginManager, offer: Offer, pay: YearPay, tax_year: int,
              rates: RateTable) -> tuple[str, TaxResult]:
    from offercheck.plugins.calls import ESTIMATE_TAX, estimate_tax

    file = offer.path or offer.label
    try:
        found = estimate_tax(pm, offer, pay, tax_year, rates)
    except PluginError as e:
        # A regime that covers the country but not the state or province: the file's field, not a plugin bug.
        cause = e.__cause__
        if isinstance(cause, UnsupportedJurisdiction) and not isinstance(cause, UnsupportedTaxYear):
            raise OfferFileError(file, str(cause), tax_home(offer).field) from None
        raise
    if not found:
        raise NotEstimated(_no_regime(pm, offer))
    plugin, result = found[0]
    if not isinstance(result, TaxResult):
        raise PluginError(plugin, ESTIMATE_TAX, f"returned {type(result).__name__}, expected offercheck.tax.TaxResult")
    problem = _tax_problem(result, pay, rates.rate(offer.currency, "USD"), rates)
    if problem:
        raise PluginError(plugin, ESTIMATE_TAX, problem)
    return plugin, result


def _no_regime(pm: pluggy.PluginManager, offer: Offer) -> str:
    """Why no regime taxed ``offer``: the ``tax_note`` of an untaxed offer (DESIGN.md section 7)."""
    home = tax_home(offer)
    note = f"not estimated: no tax regime for {home.country}"
    if home.field == LIVES_IN and home.country != country_code(offer.location.country):
        note += " (where you live, from candidate.lives_in)"
    # "no regime for US" reads as a contradiction unless it says the regime was switched off.
    off = [c.plugin for c in COUNTRIES.values() if c.code == home.country and pm.is_blocked(c.plugin)]
    if off:
        note += f" ({off[0]} is switched off with --without)"
    return note


def _tax_problem(result: TaxResult, pay: YearPay, usd_per_unit: float, rates: RateTable) -> str | None:
    """What is wrong with a regime's answer, if anything: a line's amount, its notes, or its currency."""
    if not (isinstance(result.lines, tuple) and all(isinstance(x, TaxLine) for x in result.lines)):
        return "TaxResult.lines must be a tuple of offercheck.tax.TaxLine"
    if not (isinstance(result.notes, tuple) and all(isinstance(n, str) for n in result.notes)):
        return "TaxResult.notes must be a tuple of strings"
    for x in result.lines:
        if not all(isinstance(v, str) for v in (x.name, x.kind, x.source)):
            return f"tax line {x.name!r}: name, kind and source must be strings"
        if isinstance(x.amount, bool) or not isinstance(x.amount, (int, float)) or not math.isfinite(x.amount) \
                or x.amount < 0:
            return f"tax line {x.name!r}: amount must be a finite number >= 0, got {x.amount!r}"
    if not isinstance(result.currency, str) or result.currency not in rates.codes:
        return f"TaxResult.currency {result.currency!r} is not a known currency (known: {', '.join(rates.codes)})"
    # Tax above the year's pay would make net pay negative: a regime's bug, not a fact about the offer.
    if result.total * rates.rate(result.currency, "USD") > pay.total * usd_per_unit * (1 + 1e-9):
        return f"taxes of {result.total:,.2f} {result.currency} exceed the year's pay"
    return None


def _converted(result: TaxResult, currency: str, factor: float) -> TaxResult:
    lines = tuple(dataclasses.replace(x, amount=x.amount * factor) for x in result.lines)
    return dataclasses.replace(result, currency=currency, lines=lines)


def _year_tax(pm: pluggy.PluginManager, offer: Offer, pay: YearPay, timed: TimedEquity | None, i: int,
              tax_year: int, rates: RateTable) -> tuple[str, TaxResult]:
    """The tax of year ``pay``; a private grant's equity counted in its taxable year (see ``equity_income``)."""
    if timed is None:
        return _estimate(pm, offer, pay, tax_year, rates)
    kept = dataclasses.replace(pay, equity=timed.at_vest[i])
    if not timed.moved[i]:
        return _estimate(pm, offer, kept, tax_year, rates)
    plugin, full = _estimate(pm, offer, dataclasses.replace(kept, equity=kept.equity + timed.moved[i]), tax_year,
                             rates)
    if timed.factor == 1.0:
        return plugin, full
    return plugin, scaled_tax(_estimate(pm, offer, kept, tax_year, rates)[1], full, timed.factor)


def offer_taxes(pm: pluggy.PluginManager, offer: Offer, native: Sequence[YearPay], years: Sequence[YearPay], *,
                currency: str, rates: RateTable, tax_year: int, filing: str | None,
                view: View = "paper") -> AfterTax:
    """Estimated tax on each of ``native`` (the offer's pay in its own currency, private equity in ``view``), in
    ``currency``.

    ``years`` are the same years in ``currency``: net pay is their total less the tax, take-home pay that less the
    non-cash benefits. Raises NotEstimated (its text the offer's ``tax_note``) when no regime taxes the offer, and
    OfferFileError for a place taxes cannot read (``tax.residence``).
    """
    offer = _with_filing(offer, filing)
    tax_home(offer)  # where the offer is taxed: a lives_in or a state taxes cannot read is the file's error
    timed = timed_equity(offer, native, view)
    taxes = []
    plugin = ""
    for i, pay in enumerate(native):
        plugin, result = _year_tax(pm, offer, pay, timed, i, tax_year, rates)
        taxes.append(_converted(result, currency, rates.rate(result.currency, currency)))
    nets = tuple(y.total - t.total for y, t in zip(years, taxes, strict=True))
    # Take-home: net pay less what the employer pays in kind (retirement match, health, ESPP gain, other).
    take_homes = tuple(n - y.benefits for n, y in zip(nets, years, strict=True))
    return AfterTax(tax_year, offer.candidate.filing_status, plugin, tuple(taxes), nets,
                    timed.notes if timed is not None else (), take_homes=take_homes)
