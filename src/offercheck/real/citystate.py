"""The US state a city is in, when an offer names the city but no state.

BEA metro names list their principal cities and then their states ("Portland-Vancouver-Hillsboro, OR-WA"),
but not which city is in which state, so a metro spanning several states cannot answer alone. For those,
``_CROSS_STATE`` gives the state of each principal city named in the metro titles (OMB Bulletin 20-01,
principal cities of the 2020 CBSA delineation) and of the aliases in ``offer.places.CITY_ALIASES``. A city name
that is a principal city in two states of one metro (Kansas City, Bristol, Texarkana) has no state to infer.

``state_of_city`` is the one place that knows this, so that a fuller US places table can replace it later.
"""

from __future__ import annotations

from dataclasses import dataclass

from offercheck.offer.places import norm_place
from offercheck.real.places import resolve_place

__all__ = ["CityState", "state_of_city"]

# Principal city (normalised by offer.places.norm_place) -> state, for metros spanning several states.
_CROSS_STATE: dict[str, str] = {
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
    "washington": "DC", "dc": "DC", "d c": "DC", "washington dc": "DC", "washington d c": "DC",
    "arlington": "VA", "alexandria": "VA", "reston": "VA", "mclean": "VA", "tysons": "VA", "bethesda": "MD",
    "weirton": "WV", "steubenville": "OH",
    "wheeling": "WV",
    "winchester": "VA",
    "worcester": "MA",
    "youngstown": "OH", "warren": "OH", "boardman": "OH",
}  # fmt: skip

# Principal cities of one metro that exist, under the same name, in two of its states.
_TWIN_CITIES: dict[str, tuple[str, ...]] = {
    "kansas city": ("MO", "KS"), "bristol": ("TN", "VA"), "texarkana": ("TX", "AR"),
}


@dataclass(frozen=True)
class CityState:
    """The state of a US city: ``state`` when known, else the states it could be in (``candidates``)."""

    state: str | None
    candidates: tuple[str, ...]
    metro: str  # the BEA metro the city was matched to


def state_of_city(city: str) -> CityState:
    """The US state ``city`` is in. Raises ``places.UnknownPlace`` when it is no known US metro city."""
    place = resolve_place(city=city, state=None, country="US")
    if place.geography != "metro":
        from offercheck.real.places import UnknownPlace

        raise UnknownPlace(f"{city!r} is not a known US metro")
    states = tuple(place.name.rpartition(", ")[2].split("-"))
    if len(states) == 1:
        return CityState(states[0], states, place.name)
    key = norm_place(city)
    if key in _TWIN_CITIES:
        return CityState(None, _TWIN_CITIES[key], place.name)
    state = _CROSS_STATE.get(key)
    return CityState(state if state in states else None, states, place.name)
