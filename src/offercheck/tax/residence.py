"""Where an offer is taxed: where the person lives (the tax home) and where the work is done (issue 24).

The rules (DESIGN.md section 7), each said in the result's notes where it matters:

- A fully remote job (``location.remote = "remote"``) is done where the person lives: ``candidate.lives_in``, read
  by ``places.residence`` (the one reading of it, as the market benchmark and ``--real`` read it), is the tax home
  and the work place, for income tax and payroll premiums alike. Without ``lives_in``: the employer's location.
- Any other job is done at ``[location]``. Without ``lives_in`` the person is taken to live there. With ``lives_in``
  in another state or province of the same country the person commutes: income tax is the home's, payroll premiums
  the work place's (the US regime is given both; elsewhere they are the same national contributions).
- ``lives_in`` in another country: a remote job is taxed by the home country's regime (the work is done there); a
  job done in the employer's country (a cross-border commuter) is taxed by that country's regime, as a resident
  there would be, and the home country's tax is not modelled.

A ``lives_in`` that cannot be read, or a US city without its state ("Kansas City"), is an error naming
``candidate.lives_in``: taxes need the state.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from offercheck.errors import OfferFileError
from offercheck.places import UnknownPlace, all_countries, country_code, residence, state_of_city, subdivision_code
from offercheck.tax.engine import UnsupportedJurisdiction

if TYPE_CHECKING:
    from offercheck.offer.models import Offer
    from offercheck.places import Residence

__all__ = ["CONVENIENCE_RULE", "LIVES_IN", "LOCATION_STATE", "TaxHome", "tax_home"]

LIVES_IN = "candidate.lives_in"
LOCATION_STATE = "location.state"

# States that source a non-resident's pay for work done at home for an employer there to the employer's state
# ("convenience of the employer"; CT and NJ only for residents of states with such a rule). Secondary sources:
# mosey.com/blog/convenience-of-the-employer-rule-coe; advisor.guide/checklists/multi-state-tax-for-remote-workers.
CONVENIENCE_RULE = frozenset({"NY", "DE", "NE", "PA", "CT", "NJ"})


@dataclass(frozen=True)
class TaxHome:
    """Where an offer is taxed, as a regime is given it."""

    country: str  # the country whose regime taxes the offer
    subdivision: str | None  # the state, province or nation of the income tax (where the person lives)
    city: str | None  # the city the person lives in (NYC resident tax, Scottish rates)
    work_subdivision: str | None  # where the work is done, same country (payroll premiums)
    field: str  # the offer field the income-tax place comes from, for errors: LOCATION_STATE or LIVES_IN
    notes: tuple[str, ...] = ()


def _file(offer: Offer) -> str:
    return offer.path or offer.label


def work_place(offer: Offer) -> tuple[str, str | None, list[str]]:
    """(country, subdivision, notes) of ``[location]``: a US state inferred from a known city, and said so.

    Raises UnsupportedJurisdiction for a US offer with neither a state nor a city that names one.
    """
    loc = offer.location
    country = country_code(loc.country)
    if country != "US":
        return country, loc.state, []
    if loc.state:
        return country, subdivision_code("US", loc.state) or loc.state, []  # 'Washington' is WA, as everywhere
    if not loc.city:
        raise UnsupportedJurisdiction('no state given: set [location] state, e.g. state = "CA"')
    try:
        found = state_of_city(loc.city)
    except UnknownPlace as e:
        raise UnsupportedJurisdiction(f'no state given and {e}: set [location] state, e.g. state = "CA"') from None
    if found.state is None:
        raise UnsupportedJurisdiction(
            f"no state given and {loc.city!r} could be in {' or '.join(found.candidates)} (metro {found.metro}): "
            f'set [location] state, e.g. state = "{found.candidates[0]}"')
    return country, found.state, [f"state {found.state} inferred from the city {loc.city!r} (metro {found.metro})"]


def _work_place(offer: Offer) -> tuple[str, str | None, list[str]]:
    try:
        return work_place(offer)
    except UnsupportedJurisdiction as e:
        raise OfferFileError(_file(offer), str(e), LOCATION_STATE) from None


def _name(country: str) -> str:
    """A country's name as running text says it: 'Canada', 'the United States'."""
    found = all_countries().get(country)
    name = found.name if found else country
    return f"the {name}" if name.startswith(("United ", "Netherlands", "Philippines", "Czech")) else name


def _where(country: str, subdivision: str | None) -> str:
    return subdivision if subdivision and country == "US" else "-".join(x for x in (country, subdivision) if x)


def tax_home(offer: Offer) -> TaxHome:
    """Where ``offer`` is taxed (see the module docstring), its notes labelled with the offer's. Raises
    OfferFileError for a ``lives_in`` taxes cannot read, or a US work place without a state."""
    home = _tax_home(offer)
    return dataclasses.replace(home, notes=tuple(f"{offer.label}: {note}" for note in home.notes))


def _tax_home(offer: Offer) -> TaxHome:
    loc = offer.location
    lives_in = offer.candidate.lives_in
    remote = loc.remote == "remote"
    if not lives_in:
        country, state, notes = _work_place(offer)
        if remote:
            place = ", ".join(x for x in (loc.city, state) if x) or _name(country)
            notes.append(f"fully remote without [candidate] lives_in: taxed where the employer is ({place}), as if "
                         "you lived there; set lives_in to be taxed where you live")
        elif country == "US" and _in_nyc(loc.city):
            notes.append("no [candidate] lives_in: taken to live in New York City, where the job is, so NYC resident "
                         "tax applies; set lives_in if you live elsewhere (non-residents owe none)")
        return TaxHome(country, state, loc.city, state, LOCATION_STATE, tuple(notes))
    home = _read(offer, lives_in)
    read = [f"candidate.lives_in: {home.area.read_as}"] if home.area.read_as else []
    if remote:
        return _remote(offer, lives_in, home, read)
    country, state, notes = _work_place(offer)
    if home.country != country:
        return TaxHome(country, state, loc.city, state, LOCATION_STATE, (*notes, *read, (
            f"lives in {_name(home.country)} ({lives_in}) and works in {_name(country)}: taxed by "
            f"{_name(country)}, where the work is done, as a resident there would be; its rules for non-residents, "
            f"{_name(home.country)}'s tax as your home country and its credit for the tax paid abroad are not "
            "modelled")))
    if home.subdivision is None and home.city is None:  # 'GB': the country only, taken to live at the work place
        return TaxHome(country, state, loc.city, state, LOCATION_STATE, (*notes, *read))
    if country == "GB":  # the income tax of the nation lived in; a UK city without its nation placed by the regime
        return TaxHome(country, home.subdivision, home.city, state, LIVES_IN,
                       (*notes, *read, *_uk_note(offer, home, lives_in)))
    if home.subdivision is None or state is None or home.subdivision == state:
        # The same state; a city without its province is taken to be in the work place's; a state alone, to live
        # in the work city.
        field = LIVES_IN if home.subdivision else LOCATION_STATE
        return TaxHome(country, home.subdivision or state, home.city or loc.city, state, field, (*notes, *read))
    return TaxHome(country, home.subdivision, home.city, state, LIVES_IN,
                   (*notes, *read, *_commute(country, home.subdivision, state, lives_in)))


def _read(offer: Offer, lives_in: str) -> Residence:
    """``lives_in`` read by places.residence, with the state a US home needs."""
    try:
        home = residence(lives_in, country=offer.location.country)
    except UnknownPlace as e:
        raise OfferFileError(_file(offer), f"{e} (read for taxes)", LIVES_IN) from None
    if home.country == "US" and home.subdivision is None:
        if home.candidates:
            raise OfferFileError(
                _file(offer), f"{lives_in!r} could be in {' or '.join(home.candidates)}: taxes need the state, e.g. "
                f"lives_in = \"{home.city}, {home.candidates[0]}\"", LIVES_IN)
        raise OfferFileError(_file(offer), f"{lives_in!r} names no US state: taxes need it, e.g. lives_in = "
                                           "\"Chicago, IL\" or \"IL\"", LIVES_IN)
    return home


def _remote(offer: Offer, lives_in: str, home: Residence, read: list[str]) -> TaxHome:
    loc = offer.location
    employer = country_code(loc.country)
    if home.country != employer:
        note = (f"fully remote from {_name(home.country)} ({lives_in}) for an employer in {_name(employer)}: taxed "
                f"as a resident of {_name(home.country)}, where the work is done; a tax in {_name(employer)} on a "
                "non-resident's pay for work done abroad (usually none), tax on citizens abroad (US citizens) and "
                "tax treaties are not modelled, nor whether the employer can run a payroll there")
        return TaxHome(home.country, home.subdivision, home.city, home.subdivision, LIVES_IN, (*read, note))
    notes = [*read]
    if employer == "GB":
        notes += _uk_note(offer, home, lives_in)
    try:
        _, state, _ = work_place(offer)
    except UnsupportedJurisdiction:
        state = None  # the employer's state is not needed: the work is done at home
    if state and state != home.subdivision:
        notes.append(f"fully remote: taxed where you live ({_where(home.country, home.subdivision)}, from "
                     f"candidate.lives_in), where the work is done, income tax and payroll premiums alike; the "
                     f"employer's {_where(employer, state)} taxes do not apply")
        if employer == "US" and state in CONVENIENCE_RULE:
            notes.append(f"{state} applies a 'convenience of the employer' rule: it may tax a non-resident's pay for "
                         f"work done at home for an employer in {state} (the home state then usually gives a "
                         "credit); not modelled")
    return TaxHome(home.country, home.subdivision, home.city, home.subdivision, LIVES_IN, tuple(notes))


def _commute(country: str, home: str, work: str, lives_in: str) -> list[str]:
    """The note of a commute across a state or province line (none where the tax is national)."""
    if country == "US":
        return [f"lives in {home} ({lives_in}), works in {work}: {home} income tax as the home state; {work}'s tax "
                f"on a non-resident's wages earned there and {home}'s credit for it are not modelled (together "
                "usually about the higher of the two states' taxes; the home state's alone where the two have a "
                f"reciprocal agreement); payroll premiums are {work}'s, where the work is done"]
    if country == "CA":
        return [f"lives in {home} ({lives_in}), works in {work}: taxed by {home}, the province you live in (Canada "
                "taxes by the province of residence on 31 December); CPP and EI are federal"]
    return []


def _uk_note(offer: Offer, home: Residence, lives_in: str) -> list[str]:
    """Said when where the person lives and where the job is differ on Scottish income tax (a Scottish taxpayer is
    one who lives in Scotland; National Insurance is UK-wide)."""
    from offercheck.tax.uk import is_scottish

    try:
        lives, works = is_scottish(home.subdivision, home.city), is_scottish(offer.location.state, offer.location.city)
    except UnsupportedJurisdiction:
        return []  # Wales or Northern Ireland: the regime says so
    if lives == works:
        return []
    rates = "Scottish rates" if lives else "the rates of England (not Scotland's)"
    job = "the employer is in" if offer.location.remote == "remote" else "works in"
    return [f"lives in {'Scotland' if lives else 'England'} ({lives_in}), {job} {'Scotland' if works else 'England'}: "
            f"income tax at {rates}, those of where you live; National Insurance is UK-wide"]


def _in_nyc(city: str | None) -> bool:
    from offercheck.tax.us_states.local import in_nyc

    return in_nyc(city)
