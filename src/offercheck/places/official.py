"""The areas of the official pay tables outside the US, as :class:`AreaTable`s read by :func:`places.area`.

- GB: ONS ASHE work regions and nations (the UK's ITL1 areas: nine English regions, Wales, Scotland, Northern
  Ireland; GSS codes), cities by ``data/places/gb_itl1.toml``.
- CA: Job Bank's Canada, provinces and territories and the economic regions of the main cities (SGC 2021 economic
  regions), cities by the research city table shipped in ``data/market/official/jobbank_2025.toml`` [cities].
- DE: the BA's Deutschland and Laender (AGS Land codes), cities by ``data/places/de_laender.toml``.

The areas themselves (codes, names, parents) are the official tables' own [areas]; a subdivision (nation,
province, Land) finds its area by the table's ``subdivision`` field. :func:`resident_area` reads where a person
lives (``candidate.lives_in``) in one of these tables.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

from offercheck.places.areas import Area, AreaTable, area
from offercheck.places.countries import country_by_name, country_code
from offercheck.places.names import norm
from offercheck.places.subdivisions import find_subdivision

__all__ = ["OFFICIAL_COUNTRIES", "official_areas", "resident_area"]

OFFICIAL_COUNTRIES = ("GB", "CA", "DE")
# country -> (publisher for messages, what a subdivision is called, official table, national area code)
_TABLES = {"GB": ("ONS", "nation", "ashe_2025", "K02000001"),
           "CA": ("Job Bank", "province", "jobbank_2025", "ER00"),
           "DE": ("BA", "Land", "entgeltatlas_land_ratios", "DE")}
# Names people write for a Canadian city that the research table spells otherwise.
_CA_ALIASES = {"quebec city": "quebec", "ville de quebec": "quebec", "st johns nl": "st johns"}


def _cities(country: str, areas: Mapping[str, Mapping[str, Any]]) -> dict[str, Sequence[Sequence[str]]]:
    from offercheck.datafiles import packaged_toml

    by_subdivision = {a["subdivision"]: code for code, a in areas.items() if a.get("subdivision")}
    if country == "GB":
        return {norm(city): rows for city, rows in packaged_toml("places/gb_itl1.toml")["cities"].items()}
    if country == "DE":
        return {norm(city): [[land, by_subdivision[land]]] for city, land
                in packaged_toml("places/de_laender.toml")["cities"].items()}
    rows = packaged_toml("market/official/jobbank_2025.toml")["cities"]
    cities: dict[str, Sequence[Sequence[str]]] = {norm(city): [[r["province"], r["area"]]] for city, r in rows.items()}
    cities.update({alias: cities[name] for alias, name in _CA_ALIASES.items() if name in cities})
    return cities


@functools.cache
def official_areas(country: str) -> AreaTable:
    """The area table of ``country``'s official pay source (GB, CA or DE); ValueError for another country."""
    if country not in _TABLES:
        raise ValueError(f"no official pay areas for {country!r} (have {', '.join(OFFICIAL_COUNTRIES)})")
    from offercheck.datafiles import packaged_toml

    source, word, table, national = _TABLES[country]
    areas: Mapping[str, Mapping[str, Any]] = packaged_toml(f"market/official/{table}.toml")["areas"]
    subdivisions = {a["subdivision"]: code for code, a in areas.items() if a.get("subdivision")}
    return AreaTable(source, country, word, national, areas, subdivisions, _cities(country, areas))


def _without_country(table: AreaTable, text: str) -> str:
    """'Edinburgh, UK' -> 'Edinburgh' for the GB table: a last part naming the table's country is dropped (a
    part that is also a subdivision, 'Glasgow, Scotland', is kept: it says more)."""
    head, sep, tail = text.rpartition(",")
    if not sep or find_subdivision(table.country, tail) is not None:
        return text.strip()
    if table.country in (country_code(tail), country_by_name(tail)):
        return head.strip()
    return text.strip()


def resident_area(table: AreaTable, lives_in: str) -> Area:
    """Where a person lives, in ``table``'s areas: a subdivision ('Scotland', 'BY', 'DE-BY'), a city
    ('Edinburgh', 'Munich, DE', 'Toronto, ON'), else the nation with a warning (``Area.warning``)."""
    text = _without_country(table, lives_in)
    iso = text.split("-", 1)
    if len(iso) == 2 and iso[0].strip().upper() == table.country:  # ISO 3166-2: GB-SCT, DE-BY, CA-ON
        text = iso[1]
    sub = find_subdivision(table.country, text)
    if sub is not None and sub.code in table.subdivisions:
        return area(table, None, sub.code, table.country)
    return area(table, text, None, table.country)
