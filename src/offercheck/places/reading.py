"""Free-text places, as people write where they live: 'Austin, TX', 'US-TX', 'DE', 'NYC', 'Toronto, ON'.

:func:`read_place` reads one into its price area (``--home``, ``candidate.lives_in`` with ``--real``);
:func:`residence` says which country, state or province and city that is (where the person lives).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from offercheck.places.countries import all_countries, country_by_name
from offercheck.places.countries import country as find_country
from offercheck.places.metros import CITY_ALIASES, city_names, match_metros, metros
from offercheck.places.names import UnknownPlace, close, norm
from offercheck.places.price_areas import PriceArea, price_area, price_states, us_state
from offercheck.places.subdivisions import find_subdivision, subdivisions_of
from offercheck.places.us_cities import state_of_city

__all__ = ["Residence", "read_place", "residence"]


@dataclass(frozen=True)
class Residence:
    """Where a person lives: country, state or province (when known) and city, and the price area read."""

    country: str
    subdivision: str | None
    city: str | None
    area: PriceArea
    candidates: tuple[str, ...] = ()  # the states a city could be in, when it cannot say which


def residence(text: str, *, country: str | None = None) -> Residence:
    """The country, subdivision and city of ``text`` ('Oakland, CA', 'Chicago', 'Brooklyn, NY', 'DE').

    ``country``, the work place's, reads 'City, XX' where XX is both a province and a country code (below).
    """
    found = read_place(text, country=country)
    if found.geography == "state":
        return Residence("US", found.key, None, found)
    if found.geography == "metro" and found.subdivision is None and found.city:
        city = state_of_city(found.city)
        return Residence("US", city.state, found.city, found, () if city.state else city.candidates)
    if found.subdivision is None and found.country != "US":  # 'Scotland', 'Edinburgh, Scotland': the nation named
        parts = [part.strip() for part in text.split(",")][1 if found.city else 0:]  # not the city ('Berlin, DE')
        named = [sub for part in parts if (sub := find_subdivision(found.country, part))]
        if named:
            return Residence(found.country, named[-1].code, found.city, found)
    return Residence(found.country, found.subdivision, found.city, found)


def read_place(text: str, *, country: str | None = None) -> PriceArea:
    """The price area of a free-text place.

    Two letters alone are an ISO country code first (DE is Germany; write US-DE for Delaware), then a
    US state code. A single name is tried as a US city, then a country, then a US state. In 'City, XX', a code
    that is both a Canadian province and a country (NL, PE, SK, NU, YT) is the province where the city is in that
    province's tables ('Regina, SK') or ``country`` (the work place's) is CA, else the country ('Amsterdam, NL').
    """
    raw = text.strip()
    if not raw:
        raise UnknownPlace("empty place")
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    if len(parts) == 1:
        return _one(parts[0])
    if len(parts) > 3:
        raise UnknownPlace(f"cannot read {raw!r}: use 'City, ST', 'City, Country' or 'City, ST, Country'")
    if len(parts) == 3:
        return price_area(city=parts[0], state=parts[1], country=parts[2])
    return _city_and(parts[0], parts[1], raw, country)


def _read_as(found: PriceArea, note: str) -> PriceArea:
    return dataclasses.replace(found, read_as="; ".join(p for p in (found.read_as, note) if p))


@functools.cache
def _state_names() -> dict[str, str]:
    return {norm(s.name): code for code, s in price_states().items()}


def _one(one: str) -> PriceArea:
    """One name or code: an ISO 3166-2 subdivision, a country or state code, a city, country or state name."""
    iso = re.fullmatch(r"([A-Za-z]{2})-([A-Za-z]{1,3})", one)
    if iso:  # ISO 3166-2 subdivision: US-TX, CA-ON
        country, sub = iso[1].upper(), iso[2].upper()
        if country == "CA" and sub in subdivisions_of("CA"):
            return price_area(city=None, state=subdivisions_of("CA")[sub].name, country="CA")
        return price_area(city=None, state=sub, country=country)
    if len(one) == 2 and one.isalpha():
        if one.upper() in all_countries():
            return _two_letters(one)
        if one.upper() in price_states():
            return price_area(city=None, state=one, country="US")
    return _name(one)


def _two_letters(one: str) -> PriceArea:
    """A country code, saying so when it is also a US state or a city nickname (DE, IN, CA, LA...)."""
    found = price_area(city=None, state=None, country=one)
    code = one.upper()
    other = [f"US-{code} for {price_states()[code].name}"] if code in price_states() else []
    if norm(one) in CITY_ALIASES:
        other.append(f"the city name for {metros()[CITY_ALIASES[norm(one)]].name}")
    return _read_as(found, f"read {one!r} as {found.name}; write {' or '.join(other)}") if other else found


def _name(one: str) -> PriceArea:
    """A single name: a US city, a country or a US state, the first that fits (saying so if others did too)."""
    key = norm(one)
    readings: list[tuple[str, str | None, str, str]] = []  # (what, state, country, how to ask for it)
    if match_metros(one, None):
        readings.append(("metro", None, "US", f"'{one}, ST' for a city"))
    if country_by_name(one) is not None:
        readings.append(("country", None, one, f"{country_by_name(one)} for the country"))
    if key in _state_names():
        readings.append(("state", one, "US", f"US-{_state_names()[key]} for the state"))
    if readings:
        what, st, country, _ = readings[0]
        found = price_area(city=one if what == "metro" else None, state=st, country=country)
        # One name, several places (Washington, Georgia, New York...): say which one was used.
        others = [how for _, _, _, how in readings[1:]]
        if others:
            found = _read_as(found, f"read {one!r} as the {found.geography} {found.name}; write {' or '.join(others)}")
        return found
    words = one.rsplit(None, 1)
    if len(words) == 2 and us_state(words[1]) is not None:  # 'Austin TX' without the comma
        return read_place(f"{words[0]}, {words[1]}")
    found_names = close(norm(one), city_names()) + close(one.title(), [c.name for c in all_countries().values()])
    raise UnknownPlace(f"no place matches {one!r} (outside the US give the country, e.g. 'Paris, FR' or 'FR')",
                       [c.title() if c.islower() else c for c in found_names])


def _city_and(city: str, region: str, raw: str, work_country: str | None = None) -> PriceArea:
    """'City, XX': a US state when the city is a metro there or XX can only be a state; a Canadian province;
    else a country. 'Berlin, DE' or 'Smalltown, CA' are ambiguous: ask rather than guess."""
    if re.fullmatch(r"(?i)US-[A-Z]{2}", region):
        return price_area(city=city, state=region[3:], country="US")
    state = us_state(region)
    if state is not None:
        is_country = (len(region) == 2 and region.upper() in all_countries()) or (
            len(region) > 2 and country_by_name(region) is not None)
        if not is_country or match_metros(city, state):
            return price_area(city=city, state=region, country="US")
        name = find_country(region).name
        as_country = name if norm(name) != norm(region) else find_country(region).code
        raise UnknownPlace(
            f"{raw!r} is ambiguous: {region!r} is both the US state {price_states()[state].name} and the "
            f"country {name}, and {city!r} is not a US metro there",
            [f"'{city}, {region}, US'", f"'{city}, {as_country}'"],
        )
    provinces = subdivisions_of("CA")
    if region.upper() in provinces:
        return _province_or_country(city, region.upper(), work_country)
    if norm(region) in {norm(p.name) for p in provinces.values()}:
        return price_area(city=city, state=region, country="CA")
    return price_area(city=city, state=None, country=region)


def _province_or_country(city: str, code: str, work_country: str | None) -> PriceArea:
    """'City, XX' for a province code XX that may also be a country's (NL: Newfoundland and Labrador or the
    Netherlands): the province where the city is in its tables or the work place is in Canada, else the country;
    the other reading said when the tables did not decide."""
    province = subdivisions_of("CA")[code]
    if code not in all_countries():
        return price_area(city=city, state=province.name, country="CA")
    from offercheck.places.official import official_areas

    if any(row[0] == code for row in official_areas("CA").cities.get(norm(city), ())):
        return price_area(city=city, state=province.name, country="CA")
    abroad = all_countries()[code].name
    if work_country is not None and work_country.strip().upper() == "CA":
        found = price_area(city=city, state=province.name, country="CA")
        return _read_as(found, f"read {code!r} as {province.name} (the work place is in Canada); write "
                               f"'{city}, {abroad}' for the country {abroad}")
    found = price_area(city=city, state=None, country=code)
    return _read_as(found, f"read {code!r} as {abroad}; write '{city}, {code}, CA' for {province.name}")
