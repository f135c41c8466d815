"""The areas an official pay table is published for (BLS OEWS: metro, state, nation), and the place -> area lookup.

An :class:`AreaTable` is one publisher's geography: its areas, the area of each subdivision, and the cities (with
their subdivision) that lie in each finer area. :func:`area` reads a city and subdivision the same way for every
table, so another country's official source (ONS regions, Job Bank economic regions, Laender) is one more table.
The BLS table is built from ``data/market/places.json`` (scripts/build_market.py) and the area names of
``data/market/bls_anchor.json``.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from offercheck.places.countries import country_code
from offercheck.places.names import norm
from offercheck.places.subdivisions import find_subdivision, unknown_subdivision

__all__ = ["Area", "AreaTable", "area", "bls_areas", "fallback", "home_area"]


@dataclass(frozen=True)
class Area:
    """Where a benchmark is taken: one area of a table, and how sure the lookup is."""

    query: str | None
    code: str
    name: str
    level: str  # the table's level: "metro" | "state" | "national" for BLS
    subdivision: str | None
    guessed: bool = False
    warning: str | None = None
    candidates: tuple[str, ...] = ()  # subdivisions the city name could mean, the guess first


@dataclass(frozen=True)
class AreaTable:
    """One publisher's areas and the places that find them."""

    source: str  # who publishes the areas, for messages: "BLS"
    country: str  # ISO alpha-2 code the table covers
    word: str  # what a subdivision is called in messages: "state"
    national: str  # the nation's area code
    areas: Mapping[str, Mapping[str, Any]]  # area code -> {"name": ..., "level": ...}
    subdivisions: Mapping[str, str]  # subdivision code -> its area code
    cities: Mapping[str, Sequence[Sequence[str]]]  # norm(city) -> [[subdivision, area code], ...], the guess first
    namesakes: Mapping[str, str] = field(default_factory=dict)  # norm(city) -> a big city abroad of that name


@functools.cache
def bls_areas() -> AreaTable:
    """The BLS OEWS areas (May 2025): metros, states and the nation."""
    from offercheck.datafiles import packaged_json

    places = packaged_json("market/places.json")
    subdivisions = {code: info["area"] for code, info in places["states"].items()}
    return AreaTable("BLS", "US", "state", "0000000", packaged_json("market/bls_anchor.json")["areas"],
                     subdivisions, places["places"], places["foreign_namesakes"])


def _subdivision(table: AreaTable, text: str) -> str | None:
    found = find_subdivision(table.country, text)
    return found.code if found and found.code in table.subdivisions else None


def _known_subdivision(table: AreaTable, text: str) -> str:
    code = _subdivision(table, text)
    if code is None:
        raise unknown_subdivision(table.country, text)
    return code


def _at(table: AreaTable, code: str, query: str | None, subdivision: str | None, **extra: Any) -> Area:
    info = table.areas[code]
    return Area(query, code, info["name"], info["level"], subdivision, **extra)


def _subdivision_area(table: AreaTable, query: str | None, code: str, warning: str | None = None) -> Area:
    return _at(table, table.subdivisions[code], query, code, warning=warning)


def _national(table: AreaTable, query: str | None, warning: str | None = None) -> Area:
    return _at(table, table.national, query, None, warning=warning)


def _split(table: AreaTable, city: str) -> tuple[str, str | None]:
    """"Austin, TX" -> ("Austin", "TX"); a suffix that is no subdivision stays part of the name."""
    head, sep, tail = city.rpartition(",")
    code = _subdivision(table, tail) if sep else None
    return (head.strip(), code) if code else (city, None)


def area(table: AreaTable, city: str | None, subdivision: str | None = None, country: str | None = None) -> Area:
    """The area of ``city`` (finest), else of ``subdivision``, else the nation, with a warning for any guess.

    ``country`` None means the table's country was assumed: a city that shares its name with a big foreign city
    then says so. A city whose name exists in several subdivisions and no ``subdivision`` is a guess (the table's
    default) plus a warning naming it. Raises ValueError for another country; UnknownPlace (a ValueError) for an
    unknown subdivision.
    """
    if country is not None and country_code(country) != table.country:
        raise ValueError(f"{table.source} areas are {table.country} only, not {country!r}: "
                         f"use the country cells outside the {table.country}")
    code = _known_subdivision(table, subdivision) if subdivision else None
    if city and code is None:
        city, code = _split(table, city)
    if not city or not city.strip():
        return _subdivision_area(table, None, code) if code else _national(table, None)
    key = norm(city)
    found = table.cities.get(key, [])
    if code is not None:
        match = [c for c in found if c[0] == code]
        if match:
            return _at(table, match[0][1], city, code, candidates=(code,))
        return _subdivision_area(table, city, code, f"{city!r} is not in the place table for {code}: used {code} "
                                                    "figures")
    if not found:
        return _national(table, city, f"unknown city {city!r} and no {table.word}: used national figures "
                                      f"(give the {table.word})")
    return _guess(table, city, key, found, country is None)


def _guess(table: AreaTable, city: str, key: str, found: Sequence[Sequence[str]], assumed: bool) -> Area:
    """The default reading of a city without a subdivision, with a warning when it is a guess."""
    states = tuple(c[0] for c in found)
    place = _at(table, found[0][1], city, states[0], candidates=states)
    namesake = table.namesakes.get(key) if assumed else None
    if len(found) > 1:
        warning = (f"{city!r} is ambiguous without a {table.word}: guessed {states[0]} ({place.name}); "
                   f"also {', '.join(states[1:])}. Give the {table.word} to choose")
    elif namesake:
        warning = f"{city!r} read as the {table.country} city in {states[0]} ({place.name}), not {namesake}"
    else:
        return place
    return _at(table, place.code, city, states[0], guessed=True, warning=warning, candidates=states)


def home_area(table: AreaTable, lives_in: str) -> Area:
    """Where a candidate lives: a subdivision ('Idaho', 'ID') or a city ('Boise, ID')."""
    code = _subdivision(table, lives_in)
    return _subdivision_area(table, lives_in, code) if code else area(table, lives_in)


def fallback(table: AreaTable, found: Area) -> list[str]:
    """Area codes to try in order: the area, its subdivision's, the nation's."""
    chain = [found.code]
    if found.code not in (table.national, table.subdivisions.get(found.subdivision or "")) and found.subdivision:
        chain.append(table.subdivisions[found.subdivision])
    if found.code != table.national:
        chain.append(table.national)
    return chain
