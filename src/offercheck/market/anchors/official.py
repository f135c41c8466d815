"""Official anchors outside the US, as base benchmarks: GB ONS ASHE (``ashe``), CA ESDC Job Bank (``jobbank``), DE BA
Entgeltatlas (``entgeltatlas``), each from a packaged table built by scripts/build_official.py, each figure
published or derived (one method, ``derive``), with the fallback to the next area up, n, reference period and
source. :func:`official_pay` finds the occupation of a role key (``roles``) and asks the country's source;
:func:`official_benchmark` does it for an offer: the occupation its role maps to, in the finest area covering where
the job is (``places.official_areas``; a fully remote job where the candidate lives, else nationally), in local
currency, aged from the source's pay period to the comparison date by the country's wage index (``ageing``).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from offercheck.market.anchors.ashe import UK, ashe
from offercheck.market.anchors.derive import METHOD
from offercheck.market.anchors.entgeltatlas import DEUTSCHLAND, entgeltatlas
from offercheck.market.anchors.jobbank import CANADA, jobbank
from offercheck.market.anchors.model import NoOfficialFigure, OfficialPay, Place
from offercheck.market.anchors.roles import occupation
from offercheck.market.anchors.tables import data, places

if TYPE_CHECKING:
    import datetime as dt

    from offercheck.market.ageing import Aged
    from offercheck.market.benchmarks import Benchmark, BenchmarkSet
    from offercheck.offer.models import Offer
    from offercheck.places import Area

__all__ = ["Official", "areas", "benchmark_from_official", "national_area", "official", "official_benchmark",
           "official_pay", "role_key"]

_LOADERS: dict[str, tuple[Callable[[str, str], OfficialPay], str, str]] = {
    "GB": (ashe, UK, "ashe_2025"),
    "CA": (jobbank, CANADA, "jobbank_2025"),
    "DE": (entgeltatlas, DEUTSCHLAND, "entgeltatlas_land_ratios"),
}
_TITLES = {"ons-ashe-2025": "ONS ASHE 2025 (provisional)", "jobbank-2025": "ESDC Job Bank 2025",
           "ba-entgeltatlas-2023": "BA Entgeltatlas 2023"}
_PUBLISHERS = {"GB": "ONS", "CA": "Job Bank", "DE": "BA"}
# What the official figure measures beyond base pay (DESIGN section 3: kept as the base benchmark, and said).
_INCLUDES = {
    "GB": "ASHE gross annual pay includes bonus and incentive pay paid in the year: kept as the base benchmark, so "
          "a base salary is compared with pay that includes bonuses",
    "DE": "the BA's monthly pay includes one-off payments (Sonderzahlungen: holiday and Christmas pay, bonuses, "
          "overtime pay): kept as the base benchmark, so a base salary is compared with pay that includes them",
}

# The cash line of such an anchor: base + bonus against the anchor as is, no bonus norm added on top (said).
_BONUS_INCLUDED = {
    "GB": "no bonus norm added: ASHE gross annual pay already includes bonus and incentive pay",
    "DE": "no bonus norm added: the BA's monthly pay already includes one-off payments such as bonuses",
}


def _loader(country: str) -> tuple[Callable[[str, str], OfficialPay], str, str]:
    if country not in _LOADERS:
        raise NoOfficialFigure(f"no official anchor shipped for {country!r} outside the US (have GB, CA, DE)")
    return _LOADERS[country]


def national_area(country: str) -> str:
    """The nation's area code in ``country``'s official table: K02000001, ER00, DE."""
    return _loader(country)[1]


def areas(country: str) -> dict[str, Place]:
    """Every area of ``country``'s official table by code (with parent and ISO subdivision)."""
    return places(data(_loader(country)[2])["areas"])


def official_pay(country: str, role: str, area: str | None = None) -> OfficialPay:
    """The official distribution for role key ``role`` in ``area`` of ``country`` (national when None).

    Raises NoOfficialFigure when the country has no shipped anchor, the role no occupation, or the occupation no
    usable figures.
    """
    load, national, _ = _loader(country)
    found = occupation(country, role)
    if found is None:
        raise NoOfficialFigure(f"no {country} occupation mapped for role {role!r}")
    return load(found.code, area or national)


def role_key(role: str | None) -> str | None:
    """The role key of a role key or job title ('ML Engineer' -> 'machine learning engineer'); None if none."""
    from offercheck.offer.roles import ROLES, normalise_role

    if not role or not role.strip():
        return None
    plain = " ".join(role.lower().split())
    return plain if plain in ROLES else normalise_role(role)


@dataclass(frozen=True)
class Official:
    """An offer's official anchor: the publisher's figures, their ageing, the area read and what to say."""

    role: str
    pay: OfficialPay
    aged: Aged
    place: Area
    notes: tuple[str, ...]


def _home(offer: Offer, country: str) -> tuple[Area, list[str]]:
    """Where a fully remote candidate lives, in the country's official areas (else the nation, said)."""
    from offercheck.places import UnknownPlace, area, official_areas, residence, resident_area

    table = official_areas(country)
    lives_in = offer.candidate.lives_in
    if not lives_in:
        return area(table, None, None, country), ["fully remote and no home area given: national figures"]
    home = resident_area(table, lives_in)
    if home.warning is None:
        return home, [f"fully remote: benchmarked where the candidate lives ({home.name})"]
    try:
        abroad = residence(lives_in, country=country).country
    except UnknownPlace:
        abroad = country
    if abroad != country:
        return (area(table, None, None, country),
                [f"fully remote and the candidate lives in {abroad} ({lives_in!r}), outside {country}: national "
                 "figures"])
    return home, [f"fully remote: candidate.lives_in {lives_in!r}: {home.warning}"]


def official(offer: Offer, as_of: dt.date | None = None) -> Official | None:
    """The official anchor of an offer in GB, CA or DE with a role its country maps to an occupation, aged to
    ``as_of``; None where there is none (another country, no role or an unmapped one, a suppressed cell). A place
    the lookup had to guess is a MarketWarning naming the guess."""
    from offercheck.errors import MarketWarning
    from offercheck.market.ageing import aged
    from offercheck.places import area, official_areas

    loc = offer.location
    key = role_key(offer.offer.role)
    if loc.country not in _LOADERS or key is None or occupation(loc.country, key) is None:
        return None
    if loc.remote == "remote":
        place, notes = _home(offer, loc.country)
    else:
        try:
            place, notes = area(official_areas(loc.country), loc.city, loc.state, loc.country), []
        except ValueError as e:  # a subdivision the table does not know: the nation, and say so
            place, notes = area(official_areas(loc.country), None, None, loc.country), [f"{e}: national figures"]
        if place.warning:
            warnings.warn(MarketWarning(f"{offer.path or offer.label}: location.city: {place.warning}"),
                          stacklevel=3)
    try:
        pay = official_pay(loc.country, key, place.code)
    except NoOfficialFigure:
        return None
    return Official(key, pay, aged(loc.country, pay.pay_period, as_of), place, tuple(notes))


_LEVELS = {"land": "Land", "economic_region": "economic region"}
_ANNUAL = {"CA": "annual pay = hourly x 2,080 (40 h x 52 weeks: our convention, not Job Bank's)",
           "DE": "annual pay = monthly x 12"}


def _note(found: Official) -> str:
    pay = found.pay
    level = f"{_LEVELS.get(pay.area.level, pay.area.level)} figures" if pay.area.parent else "national figures"
    parts = [f"{pay.classification} {pay.occupation} {pay.occupation_title}, {pay.area.name} ({level})",
             *found.notes, *pay.notes]
    if pay.derived:
        parts.append(f"published by the {_PUBLISHERS[pay.country]}: {', '.join(pay.published) or 'none'}; "
                     f"derived: {', '.join(pay.derived)}")
        if any(m.startswith("log-normal") for m in pay.derived.values()):
            parts.append(f"a quantile not published is derived by {METHOD}")
    parts.append(_ANNUAL.get(pay.country, ""))
    if pay.n is not None:
        parts.append(f"n = {pay.n_unit}")
    if pay.country in _INCLUDES:
        parts.append(_INCLUDES[pay.country])
    return "; ".join(p for p in parts if p)


def benchmark_from_official(found: Official, benchmarks: BenchmarkSet) -> Benchmark:
    """The base benchmark an official anchor describes, aged; cash adds the benchmark file's bonus norm, except
    to an anchor that already includes bonuses (GB, DE): cash is then the anchor as is, and ``bonus_source`` says
    why no norm is added."""
    from offercheck.market.ageing import period_date
    from offercheck.market.benchmarks import Benchmark, Quantiles

    pay, factor = found.pay, found.aged.factor
    q = pay.quantiles()
    base = Quantiles(**{name: value * factor for name, value in q.items()})
    included = _BONUS_INCLUDED.get(pay.country)
    norm = None if included else benchmarks.meta.bonus_norm
    national = not pay.area.parent
    return Benchmark(
        role=found.role, experience=None, country=pay.country, city=None if national else pay.area.name,
        currency=pay.currency, base=base, cash=base if norm is None else base.scaled(1 + norm), total=None,
        bonus_norm=norm, bonus_source=included or benchmarks.meta.bonus_source, n=pay.n, source=pay.source,
        source_title=_TITLES.get(pay.source_id, pay.source_id), year=period_date(pay.reference_period).year,
        method=f"{pay.source}; {pay.classification} {pay.occupation} ({pay.area.level})",
        keyed_by=("occupation", "country", "location"), note=_note(found), aged=found.aged)


def official_benchmark(offer: Offer, benchmarks: BenchmarkSet, as_of: dt.date | None = None) -> Benchmark | None:
    """The official base benchmark of a GB, CA or DE offer (see :func:`official`); None: use the benchmark file."""
    found = official(offer, as_of)
    return None if found is None else benchmark_from_official(found, benchmarks)
