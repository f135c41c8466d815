"""US base-pay anchors from BLS OEWS: the occupation that fits a role, in the offer's metro, else state, else
national (DESIGN section 3).

Reads two tables built by scripts/build_market.py: ``data/market/bls_anchor.json`` (p10..p90 and employment
per area and SOC code) and ``data/market/places.json`` (city, suburb and nickname -> state and BLS area).
Both are loaded on first use and kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from offercheck.datafiles import packaged_json
from offercheck.market.quantiles import NAMES
from offercheck.offer.roles import normalise_role

__all__ = ["Anchor", "Place", "bls_anchor", "normalise_place", "resolve_place"]

NATIONAL = "0000000"
_US = frozenset({"US", "USA", "UNITED STATES"})


@dataclass(frozen=True)
class Place:
    """Where a benchmark is taken: a BLS metro, a state or the nation, and how sure the lookup is."""

    query: str | None
    area_code: str
    area_name: str
    level: str  # "metro" | "state" | "national"
    state: str | None
    guessed: bool = False
    warning: str | None = None
    candidates: tuple[str, ...] = ()  # states the city name could mean, the guess first


@dataclass(frozen=True)
class Anchor:
    """The BLS distribution of base pay for one occupation in one area."""

    role: str
    soc: str
    occupation: str
    p10: int
    p25: int
    p50: int
    p75: int
    p90: int
    employment: int | None
    area_code: str
    area_name: str
    level: str
    place: Place
    source: str
    reference_period: str
    notes: tuple[str, ...] = ()

    def quantiles(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in NAMES}


def normalise_place(name: str) -> str:
    """Lower-case, drop dots, collapse spaces and spell "saint"/"mt" the way the table does."""
    plain = re.sub(r"\s+", " ", name.lower().replace(".", "").replace("\u2019", "'")).strip()
    plain = re.sub(r"^saint ", "st ", plain)
    return re.sub(r"^mt ", "mount ", plain)


def _load(name: str) -> dict[str, Any]:
    return packaged_json(f"market/{name}.json")  # shared with the other market modules


def _state_code(state: str) -> str:
    """A state's two-letter code from its code or name; ValueError for anything else."""
    states: dict[str, dict[str, str]] = _load("places")["states"]
    key = state.strip()
    if key.upper() in states:
        return key.upper()
    for code, info in states.items():
        if info["name"].lower() == key.lower():
            return code
    raise ValueError(f"unknown US state {state!r}: give a two-letter code (CA) or a state name")


def _area(code: str) -> dict[str, Any]:
    area: dict[str, Any] = _load("bls_anchor")["areas"][code]
    return area


def _state_place(query: str | None, state: str, warning: str | None = None) -> Place:
    code = _load("places")["states"][state]["area"]
    return Place(query, code, _area(code)["name"], "state", state, warning=warning)


def _national(query: str | None, warning: str | None = None) -> Place:
    return Place(query, NATIONAL, _area(NATIONAL)["name"], "national", None, warning=warning)


def _split_state(city: str) -> tuple[str, str | None]:
    """"Austin, TX" -> ("Austin", "TX"); a suffix that is not a state stays part of the name."""
    head, sep, tail = city.rpartition(",")
    if sep:
        try:
            return head.strip(), _state_code(tail)
        except ValueError:
            pass
    return city, None


def resolve_place(city: str | None, state: str | None = None, country: str | None = None) -> Place:
    """The BLS area of ``city`` (metro), else ``state``, else the nation, with a warning for any guess.

    ``country`` None means the US was assumed: a city that shares its name with a big foreign city then says so.
    A city whose name exists in several states and no ``state`` is a guess (the table's default) plus a warning
    naming it. Raises ValueError for a country other than the US (BLS covers the US only) or an unknown state.
    """
    if country is not None and country.strip().upper() not in _US:
        raise ValueError(f"BLS areas are US only, not {country!r}: use the country cells outside the US")
    code = _state_code(state) if state else None
    if city and code is None:
        city, code = _split_state(city)
    if not city or not city.strip():
        return _state_place(None, code) if code else _national(None)
    key = normalise_place(city)
    candidates: list[list[str]] = _load("places")["places"].get(key, [])
    if code is not None:
        match = [c for c in candidates if c[0] == code]
        if match:
            return _metro(city, match[0], (code,))
        return _state_place(city, code, f"{city!r} is not in the place table for {code}: used {code} figures")
    if not candidates:
        return _national(city, f"unknown city {city!r} and no state: used national figures (give the state)")
    states = tuple(c[0] for c in candidates)
    place = _metro(city, candidates[0], states)
    namesake = _load("places")["foreign_namesakes"].get(key) if country is None else None
    if len(candidates) > 1:
        others = ", ".join(states[1:])
        warning = (f"{city!r} is ambiguous without a state: guessed {states[0]} ({place.area_name}); "
                   f"also {others}. Give the state to choose")
    elif namesake:
        warning = f"{city!r} read as the US city in {states[0]} ({place.area_name}), not {namesake}"
    else:
        return place
    return Place(place.query, place.area_code, place.area_name, "metro", place.state, True, warning, states)


def _metro(city: str, candidate: list[str], states: tuple[str, ...]) -> Place:
    state, code = candidate
    return Place(city, code, _area(code)["name"], "metro", state, candidates=states)


def _soc(role: str) -> tuple[str, str, list[str]]:
    """(role key, SOC code, notes) for a role key or job title."""
    table = _load("bls_anchor")
    key = role.strip().lower() if role.strip().lower() in table["roles"] else normalise_role(role)
    if key is None or key not in table["roles"]:
        soc = table["fallback_soc"]
        return role, soc, [f"role {role!r} maps to no occupation: used {soc} {table['occupations'][soc]}"]
    return key, table["roles"][key], []


def _home(lives_in: str | None) -> tuple[Place, str]:
    """Where a fully remote candidate lives: a state, a city ("Boise, ID") or, if not given, the nation."""
    if not lives_in:
        return _national(None), "fully remote and no home area given: national figures"
    try:
        place = _state_place(lives_in, _state_code(lives_in))
    except ValueError:
        place = resolve_place(lives_in)
    return place, f"fully remote: the candidate's home area ({place.area_name})"


def _chain(place: Place) -> list[str]:
    """Area codes to try in order: the place, its state, the nation."""
    chain = [place.area_code]
    if place.level == "metro" and place.state:
        chain.append(_load("places")["states"][place.state]["area"])
    if place.level != "national":
        chain.append(NATIONAL)
    return chain


def bls_anchor(role: str, city: str | None = None, state: str | None = None, country: str | None = "US",
               remote: bool | None = None, lives_in: str | None = None) -> Anchor:
    """The BLS p10..p90 of the occupation fitting ``role`` where the job is (see the module docstring).

    Fully remote (``remote`` True): the candidate's home area ``lives_in`` if given, else national. An area
    where BLS does not release the occupation falls back to the state, then the nation, with a note.
    """
    key, soc, notes = _soc(role)
    if remote:
        place, why = _home(lives_in)
        notes.append(why)
    else:
        place = resolve_place(city, state, country)
    if place.warning:
        notes.append(place.warning)
    table = _load("bls_anchor")
    for code in _chain(place):
        figures = table["wages"].get(code, {}).get(soc)
        if figures is not None and None not in figures[:5]:
            break
        notes.append(f"BLS does not release {soc} for {_area(code)['name']}: used a broader area")
    else:  # pragma: no cover - the national row of every mapped code is released
        raise LookupError(f"no BLS figures for {soc}")
    source = table["source"]
    p10, p25, p50, p75, p90, employment = figures
    return Anchor(key, soc, table["occupations"][soc], p10, p25, p50, p75, p90, employment, code,
                  _area(code)["name"], _area(code)["level"], place,
                  f"{source['publisher']}; {source['file']} sha256 {source['sha256'][:12]}",
                  source["reference_period"], tuple(notes))
