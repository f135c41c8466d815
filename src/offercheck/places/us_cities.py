"""The US state a city is in, when an offer names the city but no state; and a city's area in a factor table.

BEA metro names list their principal cities and then their states ("Portland-Vancouver-Hillsboro, OR-WA"),
but not which city is in which state, so a metro spanning several states cannot answer alone. For those,
``_CROSS_STATE`` gives the state of each principal city named in the metro titles (OMB Bulletin 20-01,
principal cities of the 2020 CBSA delineation) and of the aliases in ``metros.CITY_ALIASES``. A city name
that is a principal city in two states of one metro (Kansas City, Bristol, Texarkana) has no state to infer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from offercheck.places.metros import CITY_ALIASES, metro_of
from offercheck.places.names import UnknownPlace, norm

__all__ = ["CityState", "find_metro", "state_of_city"]

# Principal city (in ``norm`` form) -> state, for metros spanning several states.
_CROSS_STATE: Mapping[str, str] = {
    "allentown": "PA", "bethlehem": "PA", "easton": "PA",
    "augusta": "GA", "richmond county": "GA",
    "boston": "MA", "cambridge": "MA", "newton": "MA", "somerville": "MA", "waltham": "MA",
    "cape girardeau": "MO",
    "charlotte": "NC", "concord": "NC", "gastonia": "NC",
    "chattanooga": "TN",
    "chicago": "IL", "naperville": "IL", "elgin": "IL", "chi": "IL", "evanston": "IL",
    "cincinnati": "OH",
    "clarksville": "TN",
    "cumberland": "MD",
    "davenport": "IA", "moline": "IL", "rock island": "IL",
    "duluth": "MN",
    "evansville": "IN",
    "fargo": "ND",
    "fort smith": "AR",
    "grand forks": "ND",
    "hagerstown": "MD", "martinsburg": "WV",
    "huntington": "WV", "ashland": "KY",
    "kingsport": "TN",
    "la crosse": "WI", "onalaska": "WI",
    "lewiston": "ID",
    "logan": "UT",
    "louisville": "KY", "jefferson county": "KY", "louisville jefferson county": "KY",
    "memphis": "TN",
    "minneapolis": "MN", "st paul": "MN", "bloomington": "MN", "twin cities": "MN",
    "myrtle beach": "SC", "conway": "SC", "north myrtle beach": "SC",
    "new york": "NY", "nyc": "NY", "new york city": "NY", "manhattan": "NY", "brooklyn": "NY", "queens": "NY",
    "bronx": "NY", "the bronx": "NY", "staten island": "NY",
    "newark": "NJ", "jersey city": "NJ", "hoboken": "NJ",
    "omaha": "NE", "council bluffs": "IA",
    "philadelphia": "PA", "philly": "PA", "camden": "NJ", "wilmington": "DE",
    "portland": "OR", "vancouver": "WA", "hillsboro": "OR",
    "providence": "RI", "warwick": "RI",
    "st joseph": "MO",
    "st louis": "MO",
    "salisbury": "MD",
    "sioux city": "IA",
    "south bend": "IN", "mishawaka": "IN",
    "virginia beach": "VA", "norfolk": "VA", "newport news": "VA",
    "washington": "DC", "dc": "DC", "washington dc": "DC",
    "arlington": "VA", "alexandria": "VA", "reston": "VA", "mclean": "VA", "tysons": "VA", "bethesda": "MD",
    "weirton": "WV", "steubenville": "OH",
    "wheeling": "WV",
    "winchester": "VA",
    "worcester": "MA",
    "youngstown": "OH", "warren": "OH", "boardman": "OH",
}  # fmt: skip

# Principal cities of one metro that exist, under the same name, in two of its states.
_TWIN_CITIES: Mapping[str, tuple[str, ...]] = {
    "kansas city": ("MO", "KS"), "bristol": ("TN", "VA"), "texarkana": ("TX", "AR"),
}


@dataclass(frozen=True)
class CityState:
    """The state of a US city: ``state`` when known, else the states it could be in (``candidates``)."""

    state: str | None
    candidates: tuple[str, ...]
    metro: str  # the BEA metro the city was matched to


def state_of_city(city: str) -> CityState:
    """The US state ``city`` is in. Raises UnknownPlace when it is no known US metro city, or is in several."""
    metro = metro_of(city.strip(), None) if city.strip() else None
    if metro is None:
        raise UnknownPlace(f"{city!r} is not a known US metro")
    states = metro.states
    if len(states) == 1:
        return CityState(states[0], states, metro.name)
    key = norm(city)
    if key in _TWIN_CITIES:
        return CityState(None, _TWIN_CITIES[key], metro.name)
    state = _CROSS_STATE.get(key)
    return CityState(state if state in states else None, states, metro.name)


def find_metro(city: str, state: str | None, areas: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The area of ``city`` among ``areas`` (OEWS metros with "code", "cities", "states"), in ``state`` if given."""
    key = norm(city)
    pool = [a for a in areas if not state or state.upper() in a["states"]]
    # OEWS metro codes are "00" + CBSA code; an alias whose CBSA OEWS delineates differently falls back to the name.
    cbsa = CITY_ALIASES.get(key)
    by_alias = next((a for a in pool if cbsa and a["code"] == "00" + cbsa), None)
    return by_alias or next((a for a in pool if key in (norm(c) for c in a["cities"])), None)
