"""Year-by-year total compensation: pure functions of an Offer (DESIGN.md section 2). No I/O."""

from __future__ import annotations

import dataclasses
import math
import operator
from dataclasses import dataclass
from typing import TYPE_CHECKING, SupportsIndex

from offercheck.offer.models import Offer
from offercheck.pay.equity_offer import equity_factor
from offercheck.pay.vesting import equity_by_year, equity_vested

if TYPE_CHECKING:
    from offercheck.pay.currency import RateTable
    from offercheck.pay.equity import View


@dataclass(frozen=True)
class YearPay:
    """Pay in one year, in one currency. ``total`` excludes nothing that is money: PTO is reported elsewhere.

    A dataclass rather than a pydantic model: it is computed, never parsed, and start-up time matters.
    """

    year: int
    base: float
    bonus: float
    sign_on: float  # includes relocation
    equity: float  # initial grant and refreshers vesting this year, at this year's price, in the chosen view
    benefits: float  # retirement_match + health + espp + other_benefits
    # Detail of the components above, for negotiation and tax.
    relocation: float = 0.0
    equity_refresh: float = 0.0
    retirement_match: float = 0.0
    health: float = 0.0
    espp: float = 0.0
    other_benefits: float = 0.0
    equity_paper: float = 0.0  # ``equity`` in the paper view (the same unless a private grant is seen at risk)

    @property
    def total(self) -> float:
        return self.base + self.bonus + self.sign_on + self.equity + self.benefits

    def scaled(self, factor: float) -> YearPay:
        """The same pay in another currency (every amount times ``factor``)."""
        amounts = {f.name: getattr(self, f.name) * factor for f in dataclasses.fields(self) if f.name != "year"}
        return dataclasses.replace(self, **amounts)


def base_in_year(offer: Offer, year: int) -> float:
    return offer.salary.base * (1 + offer.salary.annual_raise_percent / 100) ** (year - 1)


def bonus_in_year(offer: Offer, year: int, base: float) -> float:
    if offer.bonus.target_percent is not None:
        return base * offer.bonus.target_percent / 100
    return offer.bonus.amount or 0.0


def retirement_match(offer: Offer, base: float, rates: RateTable | None = None, *,
                     terms: tuple[float, float | None] | None = None) -> float:
    """The employer match on a year's ``base``: paid only on what the employee actually defers.

    The deferral is the stated percent of base (unknown: enough for the whole match), and for a US offer at most
    the legal limit, 26 USC 402(g), of the latest year in the tax data (every year, as taxes are: no indexing).
    ``terms``: :func:`match_terms` of the offer, when the caller has them already (they are the same every year).
    """
    percent, cap = match_terms(offer, rates) if terms is None else terms
    match = base * percent / 100
    return match if cap is None else min(match, cap)


def match_terms(offer: Offer, rates: RateTable | None = None) -> tuple[float, float | None]:
    """The employer match as a function of a year's base, ``min(base x percent / 100, cap)``: (percent, cap in
    the offer's currency; None: no cap).

    The match is min(match% x base, deferral) with deferral = min(deferral% x base, 402(g) limit) for a US offer,
    so the percent is the smaller of the two and the cap the limit: the match is linear in base up to the base
    where the deferral reaches the limit, and flat above it.
    """
    b = offer.benefits
    if b.retirement_match_percent == 0:
        return 0.0, None  # no match: no limit to look up
    deferral = b.retirement_match_percent if b.employee_401k_percent is None else b.employee_401k_percent
    cap = _deferral_limit(offer.currency, rates) if offer.location.country == "US" else None
    return min(b.retirement_match_percent, deferral), cap


# 26 USC 423(b)(8): an employee's purchase rights under all section 423 plans of the employer accrue at most 25,000
# USD of stock a calendar year, valued at its fair market value when the right is granted (not indexed).
ESPP_LIMIT_USD = 25_000.0
# 26 USC 423(b)(6): a section 423 plan's price is at least 85% of the fair market value: a larger discount is no such
# plan, and the limit above is not the law's for it.
ESPP_423_MAX_DISCOUNT_PERCENT = 15.0


def espp_terms(offer: Offer, rates: RateTable | None = None) -> tuple[float, float | None]:
    """The ESPP discount gain as a function of a year's base, ``min(base x rate, cap)``: (rate, cap in the offer's
    currency; None: no cap).

    Contributions C = c x base buy stock at (1 - d) of its fair market value (no look-back modelled: the price is
    the same at the offering and the purchase), so they buy stock worth C / (1 - d) and the gain is that worth times
    d. For a US offer with a discount of at most 15% (a section 423 plan) the stock bought is at most 25,000 USD of
    fair market value a year, 423(b)(8): the gain is at most 25,000 x d (3,750 at 15%).
    """
    b = offer.benefits
    d = b.espp_discount_percent / 100
    if d == 0 or b.espp_contribution_percent == 0:
        return 0.0, None
    rate = b.espp_contribution_percent / 100 / (1 - d) * d
    if not espp_capped(offer):
        return rate, None
    limit = ESPP_LIMIT_USD if offer.currency == "USD" else ESPP_LIMIT_USD * _rates(rates).rate("USD", offer.currency)
    return rate, limit * d


def espp_capped(offer: Offer) -> bool:
    """The offer's ESPP is held to the 423(b)(8) limit: a US job's plan with a discount a section 423 plan allows."""
    return offer.location.country == "US" and 0 < offer.benefits.espp_discount_percent <= ESPP_423_MAX_DISCOUNT_PERCENT


def espp_gain(offer: Offer, base: float, rates: RateTable | None = None) -> float:
    """The ESPP discount gain on a year's ``base`` (see :func:`espp_terms`)."""
    return capped(base, espp_terms(offer, rates))


def capped(base: float, terms: tuple[float, float | None]) -> float:
    """``min(base x rate, cap)`` for (rate, cap) terms such as :func:`espp_terms` (a cap of None: no cap)."""
    rate, cap = terms
    return base * rate if cap is None else min(base * rate, cap)


def espp_note(offer: Offer, years: int, rates: RateTable | None = None) -> str | None:
    """Said when the 423(b)(8) limit holds the ESPP gain down in a year of the horizon (or why no limit applies)."""
    rate, cap = espp_terms(offer, rates)
    if rate == 0:
        return None
    b = offer.benefits
    if cap is None:
        if offer.location.country != "US":
            return None
        return (f"ESPP: a {b.espp_discount_percent:g}% discount is more than a section 423 plan may give (26 USC "
                "423(b)(6)): the 25,000 a year limit of 423(b)(8) is not applied")
    capped = [y for y in range(1, years + 1) if base_in_year(offer, y) * rate > cap]
    if not capped:
        return None
    when = "every year" if capped[0] == 1 else f"from year {capped[0]}"
    uncapped = base_in_year(offer, capped[0]) * rate
    return (f"ESPP: {b.espp_contribution_percent:g}% of base buys more than 25,000 USD of stock at its fair market "
            f"value {when}; 26 USC 423(b)(8) allows at most that much a calendar year, so the ESPP gain counted is "
            f"{cap:,.0f} {offer.currency} a year ({b.espp_discount_percent:g}% of 25,000 USD), not {uncapped:,.0f} "
            f"(year {capped[0]}); contributions above the limit are usually refunded")


def _rates(rates: RateTable | None) -> RateTable:
    from offercheck.pay.currency import load_rates

    return rates or load_rates()


def deferral_limit_usd(tax_year: int | None = None) -> float:
    """The employee 401(k) elective-deferral limit, 26 USC 402(g), of ``tax_year`` (default: the latest year in the
    US federal tax data), in USD: the one reader of it, for the match and for ``--after-tax``. It reads the data
    file without importing the tax engine (start-up); a year the file lacks is a KeyError."""
    from offercheck.datafiles import packaged_toml

    data = packaged_toml("tax/us_federal.toml")  # parsed once per run
    year = str(tax_year) if tax_year is not None else max((k for k in data if "retirement" in data[k]), key=int)
    return float(data[year]["retirement"]["elective_deferral_402g"])


def _deferral_limit(currency: str, rates: RateTable | None) -> float:
    """The 402(g) limit in ``currency`` at ``rates`` (the comparison's; default the packaged table)."""
    limit = deferral_limit_usd()
    return limit if currency == "USD" else limit * _rates(rates).rate("USD", currency)


# The longest horizon the library computes, and the largest base it lets compound growth reach: far above any
# pay, far below where floats overflow (about 1.8e308), leaving room for currency conversion and sums.
MAX_YEARS = 10_000
MAX_GROWN_BASE = 1e200
VIEWS = ("risk", "paper")


def pay_in_year(offer: Offer, year: int, view: View = "risk", rates: RateTable | None = None) -> YearPay:
    """Every component of ``offer`` paid in ``year`` (1-based), in the offer's own currency.

    ``view``: how a private grant counts (DESIGN.md section 5); public grants are the same in both.
    """
    year = _checked_years(offer, year, view, "year")
    paper, paper_refresh = equity_vested(offer.equity, 12 * year, after=12 * (year - 1))
    return _year_pay(offer, year, paper, paper_refresh, equity_factor(offer, view), match_terms(offer, rates),
                     espp_terms(offer, rates))


def pay_by_year(offer: Offer, years: int, view: View = "risk", rates: RateTable | None = None) -> list[YearPay]:
    """Years 1..``years`` of pay, in the offer's own currency, private equity in ``view``; in time linear in
    ``years`` (at most :data:`MAX_YEARS`). A bad argument is an ArgumentError (a ValueError) naming it."""
    years = _checked_years(offer, years, view, "years")
    factor = equity_factor(offer, view)
    terms = match_terms(offer, rates)  # the 402(g) limit is read once, not once a year
    espp = espp_terms(offer, rates)
    return [_year_pay(offer, y, paper, paper_refresh, factor, terms, espp)
            for y, (paper, paper_refresh) in enumerate(equity_by_year(offer.equity, years), start=1)]


def _checked_years(offer: Offer, years: object, view: object, name: str) -> int:
    """``years`` as an int from 1 to MAX_YEARS over which the base stays below MAX_GROWN_BASE, and a known view;
    else an ArgumentError (a ValueError) naming the argument, worded as the api words its own."""
    from offercheck.errors import ArgumentError

    if view not in VIEWS:
        raise ArgumentError("view", f"must be one of {', '.join(map(repr, VIEWS))}, got {view!r}")
    # True is an int to Python (it would silently mean 1 year); 2.5 and "4" are refused as range() refuses them.
    if isinstance(years, bool) or not isinstance(years, SupportsIndex):
        raise ArgumentError(name, f"must be a whole number, got {years!r}")
    n = operator.index(years)
    if not 1 <= n <= MAX_YEARS:
        raise ArgumentError(name, f"must be from 1 to {MAX_YEARS:,}, got {n:,}")
    raise_percent = offer.salary.annual_raise_percent
    # base * (1 + r)^(n - 1), in logarithms: the power itself overflows (OverflowError) for a long horizon.
    if raise_percent > 0 and (math.log(offer.salary.base) + (n - 1) * math.log1p(raise_percent / 100)
                              > math.log(MAX_GROWN_BASE)):
        reached = 1 + math.ceil((math.log(MAX_GROWN_BASE) - math.log(offer.salary.base))
                                / math.log1p(raise_percent / 100))
        where = f"{offer.path}: " if offer.path else ""
        raise ArgumentError(name, f"{n:,} is too long for {where}salary.annual_raise_percent = {raise_percent:g}: "
                                  f"the base would pass {MAX_GROWN_BASE:.0e} in year {reached:,}")
    return n


def _year_pay(offer: Offer, year: int, paper: float, paper_refresh: float, factor: float,
              terms: tuple[float, float | None], espp: tuple[float, float | None]) -> YearPay:
    base = base_in_year(offer, year)
    relocation = offer.sign_on.relocation if year == 1 else 0.0
    equity, refresh = paper * factor, paper_refresh * factor
    b = offer.benefits
    match = retirement_match(offer, base, terms=terms)
    espp_value = capped(base, espp)
    return YearPay(
        year=year,
        base=base,
        bonus=bonus_in_year(offer, year, base),
        sign_on=offer.sign_on.in_year(year) + relocation,
        equity=equity,
        benefits=match + b.health_annual + espp_value + b.other_annual,
        relocation=relocation,
        equity_refresh=refresh,
        retirement_match=match,
        health=b.health_annual,
        espp=espp_value,
        other_benefits=b.other_annual,
        equity_paper=paper,
    )
