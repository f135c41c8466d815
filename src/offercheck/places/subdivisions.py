"""Subdivisions: US states (and DC, three territories), Canadian provinces and territories, the UK's nations and
Germany's Laender, by ISO 3166-2 code (without the country prefix) and full name, so "Washington", "ontario" or
"Bayern" is WA, ON or BY."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from offercheck.places.names import UnknownPlace, close, norm

__all__ = ["Subdivision", "find_subdivision", "subdivision_code", "subdivisions_of", "unknown_subdivision"]


@dataclass(frozen=True)
class Subdivision:
    """A state, province, nation or Land: ``code`` is its ISO 3166-2 code without the country part."""

    country: str
    code: str
    name: str
    kind: str  # "state" | "district" | "territory" | "province" | "nation" | "Land"


# code: name, or (name, kind, *other names people write)
_TABLES: dict[str, tuple[str, dict[str, str | tuple[str, ...]]]] = {
    "US": ("state", {
        "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
        "CT": "Connecticut", "DE": "Delaware", "DC": ("District of Columbia", "district"), "FL": "Florida",
        "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
        "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
        "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
        "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
        "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
        "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
        "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
        "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "PR": ("Puerto Rico", "territory"),
        "GU": ("Guam", "territory"), "VI": ("Virgin Islands", "territory"),
    }),
    "CA": ("province", {
        "AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
        "NL": ("Newfoundland and Labrador", "province", "Newfoundland"), "NS": "Nova Scotia",
        "NT": ("Northwest Territories", "territory"), "NU": ("Nunavut", "territory"), "ON": "Ontario",
        "PE": ("Prince Edward Island", "province", "PEI"), "QC": "Quebec", "SK": "Saskatchewan",
        "YT": ("Yukon", "territory"),
    }),
    "GB": ("nation", {"ENG": "England", "SCT": "Scotland", "WLS": "Wales", "NIR": "Northern Ireland"}),
    "DE": ("Land", {
        "BW": ("Baden-Württemberg", "Land", "Baden-Wuerttemberg"), "BY": ("Bayern", "Land", "Bavaria"),
        "BE": "Berlin", "BB": "Brandenburg", "HB": "Bremen", "HH": "Hamburg", "HE": ("Hessen", "Land", "Hesse"),
        "MV": ("Mecklenburg-Vorpommern", "Land", "Mecklenburg-Western Pomerania"),
        "NI": ("Niedersachsen", "Land", "Lower Saxony"),
        "NW": ("Nordrhein-Westfalen", "Land", "North Rhine-Westphalia", "NRW"),
        "RP": ("Rheinland-Pfalz", "Land", "Rhineland-Palatinate"), "SL": "Saarland",
        "SN": ("Sachsen", "Land", "Saxony"), "ST": ("Sachsen-Anhalt", "Land", "Saxony-Anhalt"),
        "SH": "Schleswig-Holstein", "TH": ("Thüringen", "Land", "Thueringen", "Thuringia"),
    }),
}  # fmt: skip

# What an unknown subdivision is called, and how to write one.
_HINTS = {"US": ("US state", "use a postal code such as TX"), "CA": ("Canadian province", "use a postal code such "
          "as ON"), "GB": ("UK nation", "use ENG, SCT, WLS or NIR"), "DE": ("German Land", "use a code such as BY")}


@functools.cache
def _codes(country: str) -> dict[str, Subdivision]:
    """Code -> subdivision of one country; empty for a country with no table."""
    default, rows = _TABLES.get(country, ("", {}))
    by_code = {}
    for code, row in rows.items():
        name, kind, *_ = (row, default) if isinstance(row, str) else row
        by_code[code] = Subdivision(country, code, name, kind)
    return by_code


@functools.cache
def _names(country: str) -> dict[str, str]:
    """Name or other name (in ``norm`` form) -> code."""
    names = {}
    for code, row in _TABLES.get(country, ("", {}))[1].items():
        name, _, *others = (row, "") if isinstance(row, str) else row
        names.update({norm(n): code for n in (name, *others)})
    return names


def subdivisions_of(country: str) -> Mapping[str, Subdivision]:
    """The subdivisions of ``country`` (an ISO alpha-2 code) by code; empty where places has no table."""
    return _codes(country)


def find_subdivision(country: str, text: str) -> Subdivision | None:
    """The subdivision of ``country`` that ``text`` names: 'WA', 'wa', 'US-WA', 'Washington'; else None."""
    by_code = _codes(country)
    if text.strip().upper() in by_code:
        return by_code[text.strip().upper()]
    key = norm(text).removeprefix(f"{country.lower()} ")
    return by_code.get(key.replace(" ", "").upper()) or by_code.get(_names(country).get(key, ""))


def subdivision_code(country: str, text: str) -> str | None:
    """The code of the subdivision ``text`` names in ``country`` ('Ontario' -> 'ON'); None if it names none."""
    found = find_subdivision(country, text)
    return found.code if found else None


def unknown_subdivision(country: str, text: str, within: Mapping[str, Subdivision] | None = None) -> UnknownPlace:
    """The error for ``text``, no subdivision of ``country`` (among ``within``), with the closest names."""
    what, how = _HINTS.get(country, (f"subdivision of {country}", "use its ISO 3166-2 code"))
    names = {s.name: s.code for s in (within if within is not None else subdivisions_of(country)).values()}
    return UnknownPlace(f"unknown {what} {text!r} ({how})",
                        [f"{n} ({names[n]})" for n in close(text.strip().title(), names)])
