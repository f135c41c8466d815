"""Price-level areas: the places a price index is published for (BEA: US metros and states; World Bank: countries).

:func:`price_area` finds the most specific one for a city, state and country and says, in ``note``, what it fell
back to. The index values themselves are real terms' (``real.price_levels``); this module knows only which areas
exist (the rows of data/prices.toml) and how a place is read.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from offercheck.places.countries import all_countries
from offercheck.places.countries import country as find_country
from offercheck.places.metros import city_names, match_metros, metro_of
from offercheck.places.names import close, norm
from offercheck.places.subdivisions import Subdivision, find_subdivision, subdivisions_of, unknown_subdivision

__all__ = ["PriceArea", "price_area", "price_states", "us_state"]


@dataclass(frozen=True)
class PriceArea:
    """An area with a price level, and how the place was read.

    ``key`` is what the price table is looked up by: a CBSA code (metro), a postal code (state) or an ISO code
    (country). ``note`` says what the lookup fell back to; ``read_as`` how a bare name or code was read (said after
    the price table's own notes).
    """

    geography: str  # "metro" | "state" | "country"
    key: str
    name: str
    country: str  # ISO 3166 alpha-2
    city: str | None = None  # the city as given (a US metro, or a city outside the US that was not used)
    subdivision: str | None = None  # the state or province code, when one was given or is the area
    note: str | None = None
    read_as: str | None = None


@functools.cache
def price_states() -> dict[str, Subdivision]:
    """The US states (and DC) with a BEA price level, by postal code."""
    from offercheck.datafiles import packaged_toml

    have = {str(r[0]) for r in packaged_toml("prices.toml")["us_states"]["rows"]}
    return {code: s for code, s in subdivisions_of("US").items() if code in have}


def us_state(text: str) -> str | None:
    """The postal code of a US state with a price level ('TX', 'US-TX', 'Texas', 'D.C.'); None if none."""
    found = find_subdivision("US", text)
    return found.code if found and found.code in price_states() else None


def _state_code(text: str) -> str:
    code = us_state(text)
    if code is None:
        raise unknown_subdivision("US", text, price_states())
    return code


def _country(code: str, note: str | None = None, **read: str | None) -> PriceArea:
    return PriceArea("country", code, all_countries()[code].name, code, note=note, **read)


def _state(code: str, note: str | None = None, city: str | None = None) -> PriceArea:
    return PriceArea("state", code, price_states()[code].name, "US", city=city, subdivision=code, note=note)


def price_area(*, city: str | None, state: str | None, country: str) -> PriceArea:
    """The most specific price area for a place: US metro, else US state, else country.

    Raises UnknownPlace for an unknown country or state, or a US city that matches several metros
    when no state tells them apart.
    """
    iso2 = find_country(country).code
    city = city.strip() if city and city.strip() else None
    state = state.strip() if state and state.strip() else None
    if iso2 != "US":
        return _abroad(iso2, city, state)
    code = _state_code(state) if state else None
    if city is None:
        return _state(code) if code else _country("US")
    found = metro_of(city, code)
    if found is not None:
        return PriceArea("metro", found.cbsa, found.name, "US", city=city, subdivision=code)
    hint = _no_metro_hint(city, code)
    if code:
        return _state(code, f"no metro match for {city!r}{hint}; used the state ({price_states()[code].name})", city)
    return _country("US", f"no metro match for {city!r}{hint} and no state given; used the US average", city=city)


def _abroad(iso2: str, city: str | None, state: str | None) -> PriceArea:
    """A place outside the US: its country (no city or regional index), saying what was not used."""
    ignored = [repr(x) for x in (city, state) if x]
    note = None
    if ignored:
        name = all_countries()[iso2].name
        note = f"no city or regional price index outside the US; used {name} ({' and '.join(ignored)} ignored)"
    sub = find_subdivision(iso2, state) if state else None
    return _country(iso2, note, city=city, subdivision=sub.code if sub else None)


def _no_metro_hint(city: str, state: str | None) -> str:
    """Why ``city`` matched no metro: it is in another state, or a close spelling."""
    elsewhere = match_metros(city, None) if state else []
    if elsewhere:
        return f" in {state} (it is in {', '.join(m.name for m in elsewhere[:3])})"
    found = close(norm(city), city_names())
    return f" (did you mean {', '.join(repr(c.title()) for c in found)}?)" if found else ""
