"""Price levels for comparing pay in real terms (what a salary buys where it is spent).

US metros and states use BEA regional price parities (US = 100); countries use the World Bank's
private-consumption PPP (local currency per international $). Outside the US there is no open
city-level index, so a city there is resolved to its country and the note says so. Which area a place is
(and how it was read) is ``offercheck.places``' answer; this module holds the values of data/prices.toml.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from offercheck.places import PriceArea, UnknownPlace, all_countries, price_area, read_place

__all__ = ["PriceLevel", "UnknownPlace", "parse_home", "price_level", "real_factor", "resolve_place"]


@dataclass(frozen=True)
class PriceLevel:
    """Where pay is earned or spent, and how expensive it is there."""

    geography: str  # "metro" | "state" | "country"
    name: str
    country: str  # ISO 3166 alpha-2
    rpp: float | None  # BEA all-items RPP (US = 100) for US places; None outside the US
    ppp: float | None  # World Bank LCU per international $ for the country; None if missing
    currency: str  # ISO 4217 code the ppp is expressed in (the local currency)
    year: int
    source: str
    note: str | None = None
    housing: float | None = None  # BEA housing (rents) RPP, US places only; reported, not used in factors


@dataclass(frozen=True)
class _Table:
    source: str
    year: int
    values: Mapping[str, tuple[float, float]]  # key -> (rpp or ppp, housing rpp; nan where there is none)


@dataclass(frozen=True)
class _Data:
    metros: _Table
    states: _Table
    countries: _Table
    country_notes: Mapping[str, str]


def _table(section: Mapping[str, Any], value: int) -> _Table:
    rows = {str(r[0]): (float(r[value]), float(r[value + 1]) if len(r) > value + 1 else math.nan)
            for r in section["rows"]}
    return _Table(f"{section['source']} (licence: {section['licence']})", int(section["year"]), rows)


@functools.cache
def _data() -> _Data:
    from offercheck.datafiles import packaged_toml

    raw = packaged_toml("prices.toml")
    c = raw["countries"]
    notes = {}
    for note in c.get("notes", []):
        code, _, text = str(note).partition(": ")
        notes[code] = text
    return _Data(_table(raw["us_metros"], 2), _table(raw["us_states"], 2), _table(c, 3), notes)


def _joined(*notes: str | None) -> str | None:
    return "; ".join(n for n in notes if n) or None


def _country_level(area: PriceArea) -> PriceLevel:
    d = _data()
    extra = d.country_notes.get(area.key)
    if area.key == "US":
        return PriceLevel("country", area.name, "US", 100.0, 1.0, "USD", d.states.year,
                          f"{d.states.source}; {d.countries.source}", _joined(area.note, extra, area.read_as), None)
    value = d.countries.values[area.key][0]
    ppp = None if math.isnan(value) else value
    if ppp is None:
        extra = _joined(extra, f"no World Bank {d.countries.year} PPP for {area.name}")
    return PriceLevel("country", area.name, area.key, None, ppp, all_countries()[area.key].currency, d.countries.year,
                      d.countries.source, _joined(area.note, extra, area.read_as))


def price_level(area: PriceArea) -> PriceLevel:
    """The price level of ``area``, with the notes of how it was found."""
    if area.geography == "country":
        return _country_level(area)
    table = _data().metros if area.geography == "metro" else _data().states
    rpp, housing = table.values[area.key]
    return PriceLevel(area.geography, area.name, "US", rpp, 1.0, "USD", table.year, table.source,
                      _joined(area.note, area.read_as), housing)


def resolve_place(*, city: str | None, state: str | None, country: str) -> PriceLevel:
    """The most specific price level available for a place: US metro, else US state, else country.

    Raises UnknownPlace for an unknown country or state, or a US city that matches several US metros
    when no state tells them apart.
    """
    return price_level(price_area(city=city, state=state, country=country))


def parse_home(text: str) -> PriceLevel:
    """The price level of a free-text place: 'Austin, TX', 'US-TX', 'DE', 'San Francisco', 'NYC', 'Toronto, ON'
    (read by ``places.read_place``)."""
    return price_level(read_place(text))


def real_factor(offer_place: PriceLevel, home: PriceLevel) -> float | None:
    """Multiply nominal pay in the offer's local currency to get pay at home prices in the home currency.

    pay / (PPP_offer * RPP_offer/100) is pay in international dollars at the offer's price level; times
    PPP_home * RPP_home/100 turns it into home currency at home prices (RPP only for US places, where it
    refines the national PPP). Returns None when a needed PPP is missing.
    """
    if offer_place.country == home.country and offer_place.country != "US":
        return 1.0  # no sub-national index outside the US: same country, same price level
    if offer_place.ppp is None or home.ppp is None:
        return None
    factor = home.ppp / offer_place.ppp
    if home.country == "US" and home.rpp is not None:
        factor *= home.rpp / 100.0
    if offer_place.country == "US" and offer_place.rpp is not None:
        factor /= offer_place.rpp / 100.0
    return factor
