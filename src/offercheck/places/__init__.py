"""The one geography: countries, subdivisions, US cities and metros, the areas official pay tables and price
indexes are published for, and one name normaliser (``norm``) that every lookup uses.

Modules: ``names`` (norm, UnknownPlace), ``countries``, ``subdivisions`` (US states, CA provinces, UK nations,
DE Laender), ``metros`` (US CBSAs and city aliases), ``us_cities`` (city -> state), ``areas`` (official pay areas:
BLS), ``official`` (ONS regions and nations, Job Bank economic regions, Laender), ``price_areas`` (BEA /
World Bank areas), ``reading`` (free text: 'Austin, TX', 'DE', 'NYC').
Names are imported on first use (PEP 562): a data table is read only when a lookup needs it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS: dict[str, str] = {
    "UnknownPlace": "names", "norm": "names",
    "Country": "countries", "all_countries": "countries", "country": "countries", "country_code": "countries",
    "mistaken_code": "countries", "suggested_code": "countries",
    "Subdivision": "subdivisions", "find_subdivision": "subdivisions", "subdivision_code": "subdivisions",
    "subdivisions_of": "subdivisions", "unknown_subdivision": "subdivisions",
    "CITY_ALIASES": "metros",
    "CityState": "us_cities", "find_metro": "us_cities", "state_of_city": "us_cities",
    "Area": "areas", "AreaTable": "areas", "area": "areas", "bls_areas": "areas", "fallback": "areas",
    "home_area": "areas",
    "OFFICIAL_COUNTRIES": "official", "official_areas": "official", "resident_area": "official",
    "PriceArea": "price_areas", "price_area": "price_areas",
    "Residence": "reading", "read_place": "reading", "residence": "reading",
}  # fmt: skip

__all__ = [
    "CITY_ALIASES",
    "OFFICIAL_COUNTRIES",
    "Area",
    "AreaTable",
    "CityState",
    "Country",
    "PriceArea",
    "Residence",
    "Subdivision",
    "UnknownPlace",
    "all_countries",
    "area",
    "bls_areas",
    "country",
    "country_code",
    "fallback",
    "find_metro",
    "find_subdivision",
    "home_area",
    "mistaken_code",
    "norm",
    "official_areas",
    "price_area",
    "read_place",
    "residence",
    "resident_area",
    "state_of_city",
    "subdivision_code",
    "subdivisions_of",
    "suggested_code",
    "unknown_subdivision",
]

if TYPE_CHECKING:
    from offercheck.places.areas import Area, AreaTable, area, bls_areas, fallback, home_area
    from offercheck.places.countries import Country, all_countries, country, country_code, mistaken_code, suggested_code
    from offercheck.places.metros import CITY_ALIASES
    from offercheck.places.names import UnknownPlace, norm
    from offercheck.places.official import OFFICIAL_COUNTRIES, official_areas, resident_area
    from offercheck.places.price_areas import PriceArea, price_area
    from offercheck.places.reading import Residence, read_place, residence
    from offercheck.places.subdivisions import (
        Subdivision,
        find_subdivision,
        subdivision_code,
        subdivisions_of,
        unknown_subdivision,
    )
    from offercheck.places.us_cities import CityState, find_metro, state_of_city


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'offercheck.places' has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
