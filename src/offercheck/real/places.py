"""Price levels for comparing pay in real terms (what a salary buys where it is spent).

US metros and states use BEA regional price parities (US = 100); countries use the World Bank's
private-consumption PPP (local currency per international $). Outside the US there is no open
city-level index, so a city there is resolved to its country and the note says so.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

# A version check rather than try/except: mypy (run for 3.10) understands it and checks the tomli branch.
if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

from offercheck.offer.places import CITY_ALIASES, COUNTRY_ALIASES, norm_place
from offercheck.real.aliases import CA_PROVINCES

__all__ = ["PriceLevel", "UnknownPlace", "parse_home", "real_factor", "resolve_place"]


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


class UnknownPlace(ValueError):
    """A place that cannot be resolved; the message suggests close matches."""

    def __init__(self, message: str, candidates: Iterable[str] = ()) -> None:
        self.candidates = tuple(candidates)
        if self.candidates:
            # '; ' because candidates such as 'Springfield, IL' contain commas themselves.
            message = f"{message}; did you mean {'; '.join(self.candidates)}?"
        super().__init__(message)


@dataclass(frozen=True)
class _Metro:
    cbsa: str
    name: str
    states: tuple[str, ...]
    first: frozenset[str]  # the whole principal-city part and its first city: strong matches
    cities: frozenset[str]  # every principal city: weaker matches
    rpp: float
    housing: float


@dataclass(frozen=True)
class _Table:
    source: str
    year: int


@dataclass(frozen=True)
class _Data:
    metros: Mapping[str, _Metro]
    metro_table: _Table
    states: Mapping[str, tuple[str, float, float]]  # code -> (name, rpp, housing)
    state_by_name: Mapping[str, str]
    state_table: _Table
    countries: Mapping[str, tuple[str, str, float | None]]  # iso2 -> (name, currency, ppp)
    country_by_name: Mapping[str, str]
    country_notes: Mapping[str, str]
    country_table: _Table


def _metro(cbsa: str, name: str, rpp: float, housing: float) -> _Metro:
    cities_part, _, states_part = name.partition(", ")
    # "Nashville-Davidson--Murfreesboro--Franklin": '--' separates cities, '-' may be inside one
    # ("Winston-Salem"), so keep both the '--' pieces and the single-'-' pieces.
    pieces = cities_part.split("--")
    singles = [s for p in pieces for s in p.split("-")]
    first = {norm_place(cities_part), norm_place(pieces[0]), norm_place(singles[0])}
    cities = first | {norm_place(p) for p in pieces} | {norm_place(s) for s in singles}
    return _Metro(cbsa, name, tuple(states_part.split("-")), frozenset(first), frozenset(cities), rpp, housing)


def _table(section: Mapping[str, Any]) -> _Table:
    return _Table(source=f"{section['source']} (licence: {section['licence']})", year=int(section["year"]))


@functools.cache
def _data() -> _Data:
    ref = resources.files("offercheck") / "data" / "prices.toml"
    with ref.open("rb") as fh:
        raw = tomllib.load(fh)

    m, s, c = raw["us_metros"], raw["us_states"], raw["countries"]
    metros = {row[0]: _metro(row[0], row[1], float(row[2]), float(row[3])) for row in m["rows"]}
    states = {row[0]: (str(row[1]), float(row[2]), float(row[3])) for row in s["rows"]}
    countries: dict[str, tuple[str, str, float | None]] = {}
    for iso2, name, currency, ppp in c["rows"]:
        value = float(ppp)
        countries[iso2] = (name, currency, None if math.isnan(value) else value)
    by_name = {norm_place(name): iso2 for iso2, (name, _, _) in countries.items()}
    # CLDR writes "Hong Kong SAR China", "Myanmar (Burma)"; accept the short forms people type.
    for iso2, (name, _, _) in countries.items():
        short = norm_place(re.sub(r"\s*(SAR China|\(.*\))$", "", name))
        by_name.setdefault(short, iso2)
    by_name.update(COUNTRY_ALIASES)
    notes = {}
    for note in c.get("notes", []):
        code, _, text = str(note).partition(": ")
        notes[code] = text
    return _Data(
        metros=metros,
        metro_table=_table(m),
        states=states,
        state_by_name={norm_place(name): code for code, (name, _, _) in states.items()},
        state_table=_table(s),
        countries=countries,
        country_by_name=by_name,
        country_notes=notes,
        country_table=_table(c),
    )


def _close(word: str, options: Iterable[str], n: int = 3) -> list[str]:
    return difflib.get_close_matches(word, list(options), n=n, cutoff=0.6)


def _country_code(text: str) -> str:
    d = _data()
    t = text.strip()
    if len(t) == 2 and t.upper() in d.countries:
        return t.upper()
    code = d.country_by_name.get(norm_place(t))
    if code is not None:
        return code
    names = {name: iso2 for iso2, (name, _, _) in d.countries.items()}
    close = [f"{names[n]} ({n})" for n in _close(t.title(), names)]
    close += [c for c in _close(t.upper(), d.countries) if len(t) == 2]
    raise UnknownPlace(f"unknown country {text!r} (use an ISO 3166 alpha-2 code such as DE)", close)


def _as_state(text: str) -> str | None:
    """Postal code for 'TX', 'US-TX', 'Texas', 'D.C.'; None if it is not a US state."""
    d = _data()
    t = norm_place(text)
    if t.startswith("us "):
        t = t[3:]
    compact = t.replace(" ", "").upper()  # 'D.C.' -> 'DC'
    if len(compact) == 2 and compact in d.states:
        return compact
    return d.state_by_name.get(t)


def _state_code(text: str) -> str:
    d = _data()
    code = _as_state(text)
    if code is not None:
        return code
    t = text.strip()
    names = {name: c for c, (name, _, _) in d.states.items()}
    close = [f"{n} ({names[n]})" for n in _close(t.title(), names)]
    raise UnknownPlace(f"unknown US state {text!r} (use a postal code such as TX)", close)


def _country_level(iso2: str, note: str | None) -> PriceLevel:
    d = _data()
    name, currency, ppp = d.countries[iso2]
    extra = d.country_notes.get(iso2)
    if iso2 == "US":
        note_parts = [p for p in (note, extra) if p]
        return PriceLevel(
            "country", name, "US", 100.0, 1.0, "USD", d.state_table.year,
            f"{d.state_table.source}; {d.country_table.source}", "; ".join(note_parts) or None, None,
        )  # fmt: skip
    if ppp is None:
        extra = "; ".join(p for p in (extra, f"no World Bank {d.country_table.year} PPP for {name}") if p)
    note_parts = [p for p in (note, extra) if p]
    return PriceLevel(
        "country", name, iso2, None, ppp, currency, d.country_table.year, d.country_table.source,
        "; ".join(note_parts) or None,
    )  # fmt: skip


def _state_level(code: str, note: str | None) -> PriceLevel:
    d = _data()
    name, rpp, housing = d.states[code]
    return PriceLevel("state", name, "US", rpp, 1.0, "USD", d.state_table.year, d.state_table.source, note, housing)


def _metro_level(metro: _Metro, note: str | None) -> PriceLevel:
    d = _data()
    return PriceLevel(
        "metro", metro.name, "US", metro.rpp, 1.0, "USD", d.metro_table.year, d.metro_table.source, note,
        metro.housing,
    )  # fmt: skip


def _city_names() -> set[str]:
    # Suggestions come from principal cities and the longer aliases ('atl', 'sf' would be noise).
    return {c for m in _data().metros.values() for c in m.cities} | {a for a in CITY_ALIASES if len(a) > 4}


def _match_metros(city: str, state: str | None) -> list[_Metro]:
    d = _data()
    key = norm_place(city)
    pool = [m for m in d.metros.values() if state is None or state in m.states]
    alias = CITY_ALIASES.get(key)
    if alias is not None and d.metros[alias] in pool:
        return [d.metros[alias]]
    strong = [m for m in pool if key in m.first]
    return strong or [m for m in pool if key in m.cities]


def resolve_place(*, city: str | None, state: str | None, country: str) -> PriceLevel:
    """The most specific price level available for a place: US metro, else US state, else country.

    Raises UnknownPlace for an unknown country or state, or a US city that matches several metros
    when no state tells them apart.
    """
    iso2 = _country_code(country)
    city = city.strip() if city and city.strip() else None
    state = state.strip() if state and state.strip() else None
    if iso2 != "US":
        name = _data().countries[iso2][0]
        ignored = [repr(x) for x in (city, state) if x]
        note = None
        if ignored:
            note = f"no city or regional price index outside the US; used {name} ({' and '.join(ignored)} ignored)"
        return _country_level(iso2, note)

    state_code = _state_code(state) if state else None
    if city is None:
        return _state_level(state_code, None) if state_code else _country_level("US", None)

    found = _match_metros(city, state_code)
    if len(found) == 1:
        return _metro_level(found[0], None)
    if len(found) > 1:
        raise UnknownPlace(f"{city!r} matches several US metros; give the state", [f"{m.name}" for m in found[:6]])
    elsewhere = _match_metros(city, None) if state_code else []
    if elsewhere:
        hint = f" in {state_code} (it is in {', '.join(m.name for m in elsewhere[:3])})"
    else:
        close = _close(norm_place(city), _city_names())
        hint = f" (did you mean {', '.join(repr(c.title()) for c in close)}?)" if close else ""
    if state_code:
        state_name = _data().states[state_code][0]
        return _state_level(state_code, f"no metro match for {city!r}{hint}; used the state ({state_name})")
    return _country_level("US", f"no metro match for {city!r}{hint} and no state given; used the US average")


def parse_home(text: str) -> PriceLevel:
    """Read a free-text place: 'Austin, TX', 'US-TX', 'DE', 'San Francisco', 'NYC', 'Toronto, ON', ...

    Two letters alone are an ISO country code first (DE is Germany; write US-DE for Delaware), then a
    US state code. A single name is tried as a US city, then a country, then a US state.
    """
    raw = text.strip()
    if not raw:
        raise UnknownPlace("empty place")
    d = _data()
    parts = [p.strip() for p in raw.split(",") if p.strip()]

    if len(parts) == 1:
        one = parts[0]
        iso = re.fullmatch(r"([A-Za-z]{2})-([A-Za-z]{1,3})", one)
        if iso:  # ISO 3166-2 subdivision: US-TX, CA-ON
            country, sub = iso[1].upper(), iso[2].upper()
            if country == "US":
                return resolve_place(city=None, state=sub, country="US")
            if country == "CA" and sub in CA_PROVINCES:
                return resolve_place(city=None, state=CA_PROVINCES[sub], country="CA")
            return resolve_place(city=None, state=sub, country=country)
        if len(one) == 2 and one.isalpha():
            if one.upper() in d.countries:
                level = resolve_place(city=None, state=None, country=one)
                # Some codes are also US states (DE, IN, CA...) or a city nickname (LA): say which was read.
                other = [f"US-{one.upper()} for {d.states[one.upper()][0]}"] if one.upper() in d.states else []
                if norm_place(one) in CITY_ALIASES:
                    other.append(f"the city name for {d.metros[CITY_ALIASES[norm_place(one)]].name}")
                if other:
                    level = _with_note(level, f"read {one!r} as {level.name}; write {' or '.join(other)}")
                return level
            if one.upper() in d.states:
                return resolve_place(city=None, state=one, country="US")
        key = norm_place(one)
        readings: list[tuple[str, str | None, str, str]] = []  # (what, state, country, how to ask for it)
        if _match_metros(one, None):
            readings.append(("metro", None, "US", f"'{one}, ST' for a city"))
        if key in d.country_by_name:
            readings.append(("country", None, one, f"{d.country_by_name[key]} for the country"))
        if key in d.state_by_name:
            readings.append(("state", one, "US", f"US-{d.state_by_name[key]} for the state"))
        if readings:
            what, st, country, _ = readings[0]
            city = one if what == "metro" else None
            level = resolve_place(city=city, state=st, country=country)
            # One name, several places (Washington, Georgia, New York...): say which one was used.
            others = [how for _, _, _, how in readings[1:]]
            if others:
                level = _with_note(
                    level, f"read {one!r} as the {level.geography} {level.name}; write {' or '.join(others)}"
                )
            return level
        words = one.rsplit(None, 1)
        if len(words) == 2 and _as_state(words[1]) is not None:  # 'Austin TX' without the comma
            return parse_home(f"{words[0]}, {words[1]}")
        close = _close(norm_place(one), _city_names())
        close += _close(one.title(), [n for n, _, _ in d.countries.values()])
        raise UnknownPlace(
            f"no place matches {one!r} (outside the US give the country, e.g. 'Paris, FR' or 'FR')",
            [c.title() if c.islower() else c for c in close],
        )

    if len(parts) > 3:
        raise UnknownPlace(f"cannot read {raw!r}: use 'City, ST', 'City, Country' or 'City, ST, Country'")
    city = parts[0]
    if len(parts) == 3:
        region, country = parts[1], parts[2]
        return resolve_place(city=city, state=region, country=country)
    region = parts[1]
    if re.fullmatch(r"(?i)US-[A-Z]{2}", region):
        return resolve_place(city=city, state=region[3:], country="US")
    is_state = _as_state(region) is not None
    is_country = (len(region) == 2 and region.upper() in d.countries) or (
        len(region) > 2 and norm_place(region) in d.country_by_name
    )
    # 'City, XX': a US state when the city is a metro there or XX can only be a state; a Canadian
    # province; else a country. 'Berlin, DE' or 'Smalltown, CA' are ambiguous: ask rather than guess.
    if is_state:
        state_code = _state_code(region)
        if not is_country or _match_metros(city, state_code):
            return resolve_place(city=city, state=region, country="US")
        country_code = _country_code(region)
        country_name = d.countries[country_code][0]
        as_country = country_name if norm_place(country_name) != norm_place(region) else country_code
        raise UnknownPlace(
            f"{raw!r} is ambiguous: {region!r} is both the US state {d.states[state_code][0]} and the "
            f"country {country_name}, and {city!r} is not a US metro there",
            [f"'{city}, {region}, US'", f"'{city}, {as_country}'"],
        )
    if region.upper() in CA_PROVINCES:
        return resolve_place(city=city, state=CA_PROVINCES[region.upper()], country="CA")
    if norm_place(region) in {norm_place(v) for v in CA_PROVINCES.values()}:
        return resolve_place(city=city, state=region, country="CA")
    return resolve_place(city=city, state=None, country=region)


def _with_note(level: PriceLevel, note: str) -> PriceLevel:
    return replace(level, note="; ".join(p for p in (level.note, note) if p))


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
