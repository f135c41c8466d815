"""Real terms: one offer's pay expressed at one home place's prices and in its currency (issue 10).

Within the US, real = nominal x RPP(home) / RPP(offer place); between countries the World Bank private-consumption
PPPs convert first (see real.price_levels.real_factor). Exchange rates only bring pay into the offer place's own
currency: they are not price levels. Imported only with ``--real``: it loads the price tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from offercheck.errors import OfferFileError, UnknownCurrency
from offercheck.places import UnknownPlace, residence
from offercheck.real.price_levels import PriceLevel, parse_home, price_level, real_factor, resolve_place

if TYPE_CHECKING:
    from offercheck.offer.models import Offer
    from offercheck.pay.currency import RateTable

__all__ = ["RealTerms", "UnknownPlace", "home_place", "offer_place", "real_terms"]


@dataclass(frozen=True)
class RealTerms:
    """One offer's pay at home prices, in the home currency; or, when that cannot be known, why not."""

    place: PriceLevel  # where the pay is spent
    basis: str  # the offer-file field the place comes from: "location" or "candidate.lives_in"
    home: PriceLevel
    factor: float | None  # display-currency amount -> home currency at home prices; None: stays nominal
    reason: str | None  # why factor is None, or a caveat about the place
    years: tuple[float, ...] | None  # real total pay per year
    nets: tuple[float, ...] | None  # real net pay per year (with taxes)

    @property
    def total(self) -> float | None:
        return None if self.years is None else sum(self.years)

    @property
    def net_total(self) -> float | None:
        return None if self.nets is None else sum(self.nets)


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
        try:  # read as taxes and the market read it: places.residence
            return price_level(residence(lives_in, country=offer.location.country).area), "candidate.lives_in", None
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


def _factor(place: PriceLevel, home: PriceLevel, currency: str, rates: RateTable) -> tuple[float | None, str | None]:
    factor = real_factor(place, home)
    if factor is None:
        if place.ppp is None:  # the place's own note (why it has no PPP) is shown with the place
            return None, f"stays nominal: no PPP figure for {place.name}"
        return None, f"stays nominal: no PPP figure for {home.name} ({home.note or 'missing in the data'})"
    try:
        # Display currency -> the place's own currency at the exchange rate, then prices do the rest.
        to_local = rates.rate(currency, place.currency)
    except UnknownCurrency:
        return None, f"stays nominal: no exchange rate for {place.currency}, the currency of {place.name}"
    return to_local * factor, None


def real_terms(offer: Offer, totals: Sequence[float], nets: Sequence[float] | None, *, currency: str,
               rates: RateTable, home: PriceLevel) -> RealTerms:
    """``offer``'s pay at ``home`` prices: ``totals`` (and ``nets``, net pay when taxed) are its years in
    ``currency``, converted to the place's currency at ``rates``."""
    place, basis, caveat = offer_place(offer)
    factor, reason = _factor(place, home, currency, rates)
    reason = "; ".join(x for x in (caveat, reason) if x) or None
    if factor is None:
        return RealTerms(place, basis, home, None, reason, None, None)
    years = tuple(y * factor for y in totals)
    real_nets = None if nets is None else tuple(n * factor for n in nets)
    return RealTerms(place, basis, home, factor, reason, years, real_nets)


def home_place(home: str | None, offers: Sequence[Offer]) -> PriceLevel:
    """The home place: a place string ('Austin, TX', US-TX, DE), or by default where the first offer's pay is
    spent. An unknown place raises ``UnknownPlace``."""
    if home is None:
        return offer_place(offers[0])[0]
    return parse_home(home)
