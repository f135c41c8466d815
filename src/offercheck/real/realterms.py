"""Real terms: pay expressed at one home place's prices and in its currency (issue 10).

Within the US, real = nominal x RPP(home) / RPP(offer place); between countries the World Bank private-consumption
PPPs convert first (see real.price_levels.real_factor). Exchange rates only bring pay into the offer place's own
currency: they are not price levels. Imported only with ``--real``: it loads the price tables.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from offercheck.errors import OffercheckError, OfferFileError
from offercheck.pay.currency import UnknownCurrency
from offercheck.real.price_levels import PriceLevel, UnknownPlace, parse_home, real_factor, resolve_place
from offercheck.real.terms import RealTerms

if TYPE_CHECKING:
    from collections.abc import Sequence

    from offercheck.offer.models import Offer
    from offercheck.results import Comparison, Evaluation

__all__ = ["RealTerms", "in_real_terms", "offer_place"]


def _field_of(error: UnknownPlace) -> str:
    # resolve_place's messages say which part of the location it could not read.
    text = str(error)
    if text.startswith("unknown country"):
        return "location.country"
    if text.startswith("unknown US state"):
        return "location.state"
    return "location.city"


def offer_place(offer: Offer) -> tuple[PriceLevel, str, str | None]:
    """(price level, the field it comes from, a caveat) for where the offer's pay is spent.

    A fully remote offer is spent where the person lives (``[candidate] lives_in``), not at the employer.
    """
    file = offer.path or offer.label
    lives_in = offer.candidate.lives_in
    if offer.location.remote == "remote" and lives_in:
        try:
            return parse_home(lives_in), "candidate.lives_in", None
        except UnknownPlace as e:
            raise OfferFileError(file, str(e), "candidate.lives_in") from None
    loc = offer.location
    try:
        place = resolve_place(city=loc.city, state=loc.state, country=loc.country)
    except UnknownPlace as e:
        raise OfferFileError(file, str(e), _field_of(e)) from None
    caveat = None
    if loc.remote == "remote":
        caveat = "fully remote without [candidate] lives_in: valued at the employer's location"
    return place, "location", caveat


def _factor(place: PriceLevel, home: PriceLevel, c: Comparison) -> tuple[float | None, str | None]:
    factor = real_factor(place, home)
    if factor is None:
        if place.ppp is None:  # the place's own note (why it has no PPP) is shown with the place
            return None, f"stays nominal: no PPP figure for {place.name}"
        return None, f"stays nominal: no PPP figure for {home.name} ({home.note or 'missing in the data'})"
    try:
        # Display currency -> the place's own currency at the exchange rate, then prices do the rest.
        to_local = c.rates.rate(c.currency, place.currency)
    except UnknownCurrency:
        return None, f"stays nominal: no exchange rate for {place.currency}, the currency of {place.name}"
    return to_local * factor, None


def _real(e: Evaluation, c: Comparison, home: PriceLevel) -> RealTerms:
    place, basis, caveat = offer_place(e.offer)
    factor, reason = _factor(place, home, c)
    reason = "; ".join(x for x in (caveat, reason) if x) or None
    if factor is None:
        return RealTerms(place, basis, home, None, reason, None, None)
    years = tuple(y.total * factor for y in e.years)
    nets = None if e.taxes is None else tuple(n * factor for n in e.taxes.nets)
    return RealTerms(place, basis, home, factor, reason, years, nets)


def home_place(home: str | None, offers: Sequence[Offer]) -> PriceLevel:
    """``--home``: a place string, or by default where the first offer's pay is spent."""
    if home is None:
        return offer_place(offers[0])[0]
    try:
        return parse_home(home)
    except UnknownPlace as e:
        raise OffercheckError(f"--home: {e}") from None


def in_real_terms(c: Comparison, *, home: str | None = None) -> Comparison:
    """``c`` with every evaluation's ``real`` set (after taxes, if any, so real net pay is included)."""
    level = home_place(home, [e.offer for e in c.evaluations])
    evaluations = tuple(dataclasses.replace(e, real=_real(e, c, level)) for e in c.evaluations)
    return dataclasses.replace(c, evaluations=evaluations, home=level)
