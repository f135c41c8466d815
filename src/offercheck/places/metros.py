"""US metro areas (2020 CBSA delineation, as BEA names them in data/prices.toml) and the city names that find
them: principal cities, and ``CITY_ALIASES`` for nicknames, boroughs and suburbs."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from offercheck.places.names import UnknownPlace, norm

__all__ = ["CITY_ALIASES", "Metro", "city_names", "match_metros", "metro_of", "metros"]

# City aliases (in ``norm`` form) -> 2020-vintage CBSA code. Only names that plain principal-city matching would
# miss or get wrong (nicknames, boroughs, suburbs, ambiguous names with an obvious tech-hub reading).
CITY_ALIASES: Mapping[str, str] = {
    # San Francisco-Oakland-Berkeley, CA
    "sf": "41860", "san fran": "41860", "bay area": "41860", "sf bay area": "41860",
    "san francisco bay area": "41860", "menlo park": "41860", "redwood city": "41860",
    "san mateo": "41860", "south san francisco": "41860", "emeryville": "41860",
    # San Jose-Sunnyvale-Santa Clara, CA
    "silicon valley": "41940", "palo alto": "41940", "mountain view": "41940", "cupertino": "41940",
    "los gatos": "41940", "milpitas": "41940",
    # New York-Newark-Jersey City, NY-NJ-PA
    "nyc": "35620", "new york city": "35620", "manhattan": "35620", "brooklyn": "35620",
    "queens": "35620", "bronx": "35620", "the bronx": "35620", "staten island": "35620",
    "hoboken": "35620",
    # Los Angeles-Long Beach-Anaheim, CA
    "la": "31080", "santa monica": "31080", "pasadena": "31080", "irvine": "31080",
    "culver city": "31080", "burbank": "31080",
    # Seattle-Tacoma-Bellevue, WA
    "redmond": "42660", "kirkland": "42660", "everett": "42660",
    # Boston-Cambridge-Newton, MA-NH
    "cambridge": "14460", "somerville": "14460", "waltham": "14460",
    # Washington-Arlington-Alexandria, DC-VA-MD-WV
    "dc": "47900", "washington": "47900", "washington dc": "47900", "bethesda": "47900", "reston": "47900",
    "mclean": "47900", "tysons": "47900",
    # Chicago-Naperville-Elgin, IL-IN-WI
    "chi": "16980", "evanston": "16980",
    # Denver-Aurora-Lakewood, CO
    "boulder county": "14500",
    # Atlanta-Sandy Springs-Alpharetta, GA
    "atl": "12060",
    # Dallas-Fort Worth-Arlington, TX
    "dfw": "19100", "plano": "19100", "irving": "19100", "frisco": "19100",
    # others with nicknames or ambiguous principal-city names
    "philly": "37980", "honolulu": "46520", "slc": "41620", "nola": "35380", "vegas": "29820",
    "twin cities": "33460", "st paul": "33460", "research triangle": "39580", "rtp": "20500",
    "portland": "38900", "cleveland": "17460", "columbus": "18140", "albany": "10580",
    "kansas city": "28140", "scottsdale": "38060", "tempe": "38060", "boise": "14260",
}  # fmt: skip


@dataclass(frozen=True)
class Metro:
    """A metro area: CBSA code, BEA name ("Portland-Vancouver-Hillsboro, OR-WA"), states and principal cities."""

    cbsa: str
    name: str
    states: tuple[str, ...]
    first: frozenset[str]  # the whole principal-city part and its first city: strong matches
    cities: frozenset[str]  # every principal city: weaker matches


def _metro(cbsa: str, name: str) -> Metro:
    cities_part, _, states_part = name.partition(", ")
    # "Nashville-Davidson--Murfreesboro--Franklin": '--' separates cities, '-' may be inside one
    # ("Winston-Salem"), so keep both the '--' pieces and the single-'-' pieces.
    pieces = cities_part.split("--")
    singles = [s for p in pieces for s in p.split("-")]
    first = {norm(cities_part), norm(pieces[0]), norm(singles[0])}
    cities = first | {norm(p) for p in pieces} | {norm(s) for s in singles}
    return Metro(cbsa, name, tuple(states_part.split("-")), frozenset(first), frozenset(cities))


@functools.cache
def metros() -> Mapping[str, Metro]:
    """Every metro by CBSA code."""
    from offercheck.datafiles import packaged_toml

    return {str(r[0]): _metro(str(r[0]), str(r[1])) for r in packaged_toml("prices.toml")["us_metros"]["rows"]}


@functools.cache
def city_names() -> frozenset[str]:
    """Names worth suggesting for a misspelt city: principal cities and the longer aliases ('sf' would be noise)."""
    return frozenset({c for m in metros().values() for c in m.cities} | {a for a in CITY_ALIASES if len(a) > 4})


def match_metros(city: str, state: str | None) -> list[Metro]:
    """The metros ``city`` may mean (in ``state``, a postal code, if given): an alias, else a first city, else any
    principal city."""
    table = metros()
    key = norm(city)
    pool = [m for m in table.values() if state is None or state in m.states]
    alias = CITY_ALIASES.get(key)
    if alias is not None and table[alias] in pool:
        return [table[alias]]
    strong = [m for m in pool if key in m.first]
    return strong or [m for m in pool if key in m.cities]


def metro_of(city: str, state: str | None) -> Metro | None:
    """The one metro ``city`` is in; None for no match; UnknownPlace when several match and no state tells."""
    found = match_metros(city, state)
    if len(found) > 1:
        raise UnknownPlace(f"{city!r} matches several US metros; give the state", [m.name for m in found[:6]])
    return found[0] if found else None
