"""Countries: ISO 3166 alpha-2 codes, their names (CLDR, read from data/prices.toml) and currencies, and the
names people write instead of a code ('UK', 'USA', 'Britain')."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from offercheck.places.names import UnknownPlace, close, norm

__all__ = ["ALIASES", "Country", "all_countries", "country", "country_by_name", "country_code", "mistaken_code",
           "suggested_code"]

# Names and codes people write for a country (in ``norm`` form) -> ISO 3166 alpha-2.
ALIASES: Mapping[str, str] = {
    "uk": "GB", "great britain": "GB", "britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
    "northern ireland": "GB", "usa": "US", "us": "US", "america": "US", "united states": "US",
    "united states of america": "US", "can": "CA", "deu": "DE", "holland": "NL", "korea": "KR",
    "republic of korea": "KR", "turkey": "TR", "czech republic": "CZ", "uae": "AE", "hong kong": "HK",
    "macau": "MO", "macao": "MO", "russia": "RU", "vietnam": "VN", "ivory coast": "CI", "swaziland": "SZ",
    "burma": "MM",
}  # fmt: skip

# Two-letter codes that are not ISO 3166 alpha-2 but are written as if they were.
_MISTAKEN = {"UK": "GB", "EN": "GB"}


@dataclass(frozen=True)
class Country:
    """A country: ISO 3166 alpha-2 code, English name (CLDR) and currency (ISO 4217)."""

    code: str
    name: str
    currency: str


def country_code(text: str) -> str:
    """The ISO code for a code or an alias ('UK', 'USA', 'Britain' -> 'GB'/'US'); else ``text`` in upper case."""
    return ALIASES.get(norm(text), text.strip().upper())


def mistaken_code(code: str) -> str | None:
    """The ISO code meant by a two-letter code that is not one ('UK', 'EN' -> 'GB'); None otherwise."""
    return _MISTAKEN.get(code.strip().upper())


def suggested_code(text: str) -> str:
    """What to write in a country-code field for ``text`` ('USA', 'UK', 'EN' -> 'US', 'GB', 'GB')."""
    return mistaken_code(text) or country_code(text)


@functools.cache
def _countries() -> dict[str, Country]:
    from offercheck.datafiles import packaged_toml

    rows = packaged_toml("prices.toml")["countries"]["rows"]
    return {str(r[0]): Country(str(r[0]), str(r[1]), str(r[2])) for r in rows}


@functools.cache
def _by_name() -> dict[str, str]:
    by_name = {norm(c.name): code for code, c in _countries().items()}
    # CLDR writes "Hong Kong SAR China", "Myanmar (Burma)"; accept the short forms people type.
    for code, c in _countries().items():
        by_name.setdefault(norm(re.sub(r"\s*(SAR China|\(.*\))$", "", c.name)), code)
    by_name.update(ALIASES)
    return by_name


def all_countries() -> Mapping[str, Country]:
    """Every country by code."""
    return _countries()


def country_by_name(text: str) -> str | None:
    """The code of a country written by name or alias ('Germany', 'UK'); None if it is none."""
    return _by_name().get(norm(text))


def country(text: str) -> Country:
    """The country ``text`` names (code, name or alias); UnknownPlace with close matches otherwise."""
    t = text.strip()
    if len(t) == 2 and t.upper() in _countries():
        return _countries()[t.upper()]
    code = country_by_name(t)
    if code is not None:
        return _countries()[code]
    names = {c.name: code for code, c in _countries().items()}
    found = [f"{names[n]} ({n})" for n in close(t.title(), names)]
    found += [c for c in close(t.upper(), _countries()) if len(t) == 2]
    raise UnknownPlace(f"unknown country {text!r} (use an ISO 3166 alpha-2 code such as DE)", found)
