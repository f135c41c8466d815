"""US base-pay anchors from BLS OEWS: the occupation that fits a role, in the offer's metro, else state, else
national (DESIGN section 3), as a base benchmark for US offers.

Reads ``data/market/bls_anchor.json`` (p10..p90 and employment per area and SOC code, built by
scripts/build_market.py); the area of a place is ``places.area(places.bls_areas(), ...)``. The figures are aged
from May 2025 to the comparison date by the ECI (``market.ageing``). Cells of the extract checked against other
publications of the release are listed in ``data/market/bls_checks.toml``; the source line says how many. The
anchor covers every
experience level, so with no experience given it is the benchmark as is; the survey premia then shift it. It is
location-specific at every level (``keyed_by`` holds "location"), so no location multiplier is stacked on it. A
place the lookup had to guess is a :class:`MarketWarning` naming the guess.

Why the spread is not narrowed for a known experience band: the premia model's residual sd (0.39 in log pay,
``premia.residual_sd``) is wider than the whole BLS spread of an area (about 0.3 for 15-1252 in the large
metros), because it also holds the survey's between-metro variation; it says nothing about how much narrower
one band is within one metro, so the BLS spread is kept and only shifted.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from offercheck.datafiles import packaged_json, packaged_toml
from offercheck.errors import MarketWarning
from offercheck.market.ageing import Aged, aged
from offercheck.market.benchmarks import Benchmark, BenchmarkSet
from offercheck.market.quantiles import NAMES, Quantiles
from offercheck.offer.roles import normalise_role
from offercheck.places import Area, UnknownPlace, area, bls_areas, fallback

if TYPE_CHECKING:
    import datetime as dt

    from offercheck.offer.models import Offer

__all__ = ["Anchor", "anchor_for", "benchmark_from_anchor", "bls_anchor", "bls_provider", "checked_cells",
           "source_title"]

N_MEANING = "n = BLS estimated employment in the area, not survey rows"


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
    place: Area
    source: str
    reference_period: str
    notes: tuple[str, ...] = ()

    def quantiles(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in NAMES}


def _load(name: str) -> dict[str, Any]:
    return packaged_json(f"market/{name}.json")  # shared with the other market modules


def _soc(role: str) -> tuple[str, str, list[str]]:
    """(role key, SOC code, notes) for a role key or job title."""
    table = _load("bls_anchor")
    key = role.strip().lower() if role.strip().lower() in table["roles"] else normalise_role(role)
    if key is None or key not in table["roles"]:
        soc = table["fallback_soc"]
        return role, soc, [f"role {role!r} maps to no occupation: used {soc} {table['occupations'][soc]}"]
    return key, table["roles"][key], []


def _home(lives_in: str | None) -> tuple[Area, str]:
    """Where a fully remote candidate lives: a state, a city ("Boise, ID") or, if not given, the nation.

    ``lives_in`` is read by ``places.residence``, as taxes and real terms read it ("Washington" is the DC metro
    for all three); a place outside the US, or one that cannot be read, gives national figures and says so.
    """
    if not lives_in:
        return area(bls_areas(), None), "fully remote and no home area given: national figures"
    from offercheck.places import residence  # the price areas' tables: read only for a remote job's home

    try:
        home = residence(lives_in)
    except UnknownPlace as e:
        return area(bls_areas(), None), f"fully remote: candidate.lives_in: {e}; national figures"
    if home.country != "US":
        return area(bls_areas(), None), f"fully remote from outside the US ({lives_in}): national figures"
    try:
        place = area(bls_areas(), home.city, home.subdivision)
    except UnknownPlace as e:  # a territory BLS has no area for
        return area(bls_areas(), None), f"fully remote: candidate.lives_in: {e}; national figures"
    return place, f"fully remote: the candidate's home area ({place.name})"


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
        place = area(bls_areas(), city, state, country)
    if place.warning:
        notes.append(place.warning)
    table, names = _load("bls_anchor"), bls_areas().areas
    for code in fallback(bls_areas(), place):
        figures = table["wages"].get(code, {}).get(soc)
        if figures is not None and None not in figures[:5]:
            break
        notes.append(f"BLS does not release {soc} for {names[code]['name']}: used a broader area")
    else:  # pragma: no cover - the national row of every mapped code is released
        raise LookupError(f"no BLS figures for {soc}")
    source = table["source"]
    p10, p25, p50, p75, p90, employment = figures
    return Anchor(key, soc, table["occupations"][soc], p10, p25, p50, p75, p90, employment, code,
                  names[code]["name"], names[code]["level"], place,
                  f"{source['publisher']}; {source['file']} sha256 {source['sha256'][:12]}",
                  source["reference_period"], tuple(notes))


def checked_cells() -> int:
    """How many cells of the extract were checked against other publications of the release (bls_checks.toml)."""
    return len(packaged_toml("market/bls_checks.toml")["cells"])


def source_title(reference_period: str) -> str:
    """'BLS OEWS May 2025 (11 cells match republished BLS figures)': the source as every output names it."""
    return f"BLS OEWS {reference_period} ({checked_cells()} cells match republished BLS figures)"


def benchmark_from_anchor(a: Anchor, benchmarks: BenchmarkSet, age: Aged | None = None) -> Benchmark:
    """The base benchmark an anchor describes, aged by ``age`` (the ECI to the comparison date; None: as
    published); cash adds the benchmark file's bonus norm (cited there)."""
    factor = 1.0 if age is None else age.factor
    base = Quantiles(p10=a.p10 * factor, p25=a.p25 * factor, p50=a.p50 * factor, p75=a.p75 * factor,
                     p90=a.p90 * factor)
    norm = benchmarks.meta.bonus_norm
    where = "U.S. national figures" if a.level == "national" else f"{a.level} figures for {a.area_name}"
    note = "; ".join((f"{a.soc} {a.occupation}, {where}", N_MEANING, *a.notes))
    # Every field is given, of its declared type, and holds what Benchmark's validators check (a base, the cash
    # they would compute): constructed without validation, so a compare of US offers never builds Benchmark's
    # validator (about 3 ms: its schema, and pydantic's dataclass support for ``aged``). A test checks that
    # validating the same fields gives an equal benchmark.
    return Benchmark.model_construct(
        # A national anchor is for no city: its area is named in the note, not passed off as a place.
        role=a.role, experience=None, country="US", city=None if a.level == "national" else a.area_name,
        currency="USD",
        base=base, cash=base if norm is None else base.scaled(1 + norm), total=None,
        bonus_norm=norm, bonus_source=benchmarks.meta.bonus_source, n=a.employment,
        source=a.source, source_title=source_title(a.reference_period),
        year=int(a.reference_period.split()[-1]),
        method=f"BLS OEWS percentiles of {a.soc} {a.occupation} ({a.level})",
        keyed_by=("occupation", "country", "location"), note=note, aged=age,
    )


def anchor_for(offer: Offer) -> Anchor | None:
    """The BLS anchor of a US offer with a role (None otherwise); a guessed place is a MarketWarning."""
    loc = offer.location
    if loc.country != "US" or not offer.offer.role:
        return None
    try:
        found = bls_anchor(offer.offer.role, loc.city, loc.state, "US", loc.remote == "remote",
                           offer.candidate.lives_in)
    except ValueError as e:  # a state BLS does not know: national figures, and say so
        warnings.warn(MarketWarning(f"{_where(offer)}: location.state: {e}; used national figures"), stacklevel=3)
        found = bls_anchor(offer.offer.role, None, None, "US")
    if found.place.warning:
        warnings.warn(MarketWarning(f"{_where(offer)}: location.city: {found.place.warning}"), stacklevel=3)
    return found


def bls_provider(offer: Offer, benchmarks: BenchmarkSet, as_of: dt.date | None = None) -> Benchmark | None:
    """The BLS anchor for a US offer with a role, aged to ``as_of`` (default: ``ageing.today()``); None (use the
    benchmark file) otherwise."""
    found = anchor_for(offer)
    if found is None:
        return None
    return benchmark_from_anchor(found, benchmarks, aged("US", found.reference_period, as_of))


def _where(offer: Offer) -> str:
    """The offer's file for a warning (its label when built in code), as every other warning names it."""
    return offer.path or offer.label
