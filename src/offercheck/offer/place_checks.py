"""Likely mistakes in the places of an offer file: the checks that do not depend on a tax year, run by both
``validate`` and ``compare`` (through ``offer.checks.likely_mistakes``).

An unknown country code, state or province, a US city no place table knows (with the closest names), a US city
in several states when no state is given, and a ``[candidate] lives_in`` that cannot be read. Each is a
``(field, message)`` pair; a message about a city names the figures used
instead (the state's, else the nation's), as every table that reads the city falls back.
"""

from __future__ import annotations

from collections.abc import Iterator

from offercheck.offer.models import Offer
from offercheck.places import (
    UnknownPlace,
    all_countries,
    bls_areas,
    country,
    find_subdivision,
    mistaken_code,
    norm,
    subdivisions_of,
    unknown_subdivision,
)

__all__ = ["place_mistakes"]


def place_mistakes(offer: Offer) -> Iterator[tuple[str, str]]:
    """Every likely mistake in ``[location]`` and ``[candidate] lives_in``, field first."""
    loc = offer.location
    code = loc.country
    if mistaken_code(code):
        yield "location.country", f"{code!r} is not an ISO 3166 code; did you mean {mistaken_code(code)!r}?"
    # A country with a table of its subdivisions (US, CA, GB, DE) is a country: the list of every country (254
    # of them, from prices.toml) is read only for the others.
    elif not subdivisions_of(code) and code not in all_countries():
        try:
            country(code)
        except UnknownPlace as e:
            yield "location.country", str(e)
    sub = find_subdivision(code, loc.state) if loc.state else None
    if loc.state and subdivisions_of(code) and sub is None:  # codes and full names are both known: WA, Washington
        yield "location.state", str(unknown_subdivision(code, loc.state))
    elif code == "US" and loc.city:
        yield from _us_city(loc.city, sub.code if sub else None)
    if offer.candidate.lives_in:
        yield from _lives_in(offer.candidate.lives_in, code)


def _us_city(city: str, state: str | None) -> Iterator[tuple[str, str]]:
    """A US city: known to the place tables (BLS areas, BEA metros and their aliases), and in one state."""
    name, given = city, state
    head, sep, tail = city.rpartition(",")
    in_name = find_subdivision("US", tail) if sep and state is None else None
    if in_name is not None:  # city = "Austin, TX"
        name, given = head.strip(), in_name.code
    key = norm(name)
    cities = bls_areas().cities
    states = tuple(dict.fromkeys(s for s, _ in cities.get(key, ())))
    if states and (given in states if given else len(states) == 1):
        return  # the usual case: a city of the market's own place table, in its state (no other table is read)
    from offercheck.places.metros import city_names, match_metros
    from offercheck.places.names import close

    metros = match_metros(name, None) if not states else []
    if not states and not metros:
        pool = [c for c, rows in cities.items() if given is None or any(s == given for s, _ in rows)]
        found = close(key, pool) or close(key, {*cities, *city_names()})
        hint = f"; did you mean {', '.join(repr(c.title()) for c in found)}?" if found else ""
        used = f"the figures for {given}" if given else "national figures"
        yield "location.city", f"{city!r} is not a US city the place tables know{hint} ({used} are used)"
        return
    if given is not None:
        if states and given not in states and not match_metros(name, given):
            yield "location.city", (f"{name!r} is not a city of {given} the place tables know (they have it in "
                                    f"{_either(states)}); check [location] state ({given} figures are used)")
        return
    if not states:  # a metro name or alias: its state, if one
        from offercheck.places import state_of_city

        found_state = state_of_city(name)
        states = () if found_state.state else found_state.candidates
    if len(states) > 1:
        yield "location.state", f"{name!r} could be in {_either(states)}; set [location] state"


def _either(states: tuple[str, ...]) -> str:
    return " or ".join(states) if len(states) < 3 else f"{', '.join(states[:-1])} or {states[-1]}"


def _lives_in(text: str, work_country: str) -> Iterator[tuple[str, str]]:
    """Where the candidate lives, read as every command reads it (``places.residence``)."""
    from offercheck.places import residence

    try:
        home = residence(text, country=work_country)
    except UnknownPlace as e:
        yield "candidate.lives_in", str(e)
        return
    if home.candidates:
        yield "candidate.lives_in", f"{text!r} could be in {_either(home.candidates)}; write 'City, ST'"
