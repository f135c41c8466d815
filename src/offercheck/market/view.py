"""Choose the benchmark cells ``offercheck benchmarks show`` prints, with their sources.

Policy for the filters: a role, country or experience the file has no cell for at all is an error that lists
the known keys (a typo should not silently print something else). A known role and country whose combination
has no cell of its own shows the cell that ``compare`` would use instead, with the lookup's note.

With the built-in benchmarks, a country with an official anchor (US, GB, CA, DE) shows what an offer there is
scored against: the anchor of the role (every role when none is given) in the city or subdivision given, aged to
the comparison date (:func:`with_anchors`); the file's cells follow only without a role (they are what an offer
without a mapped role is scored against).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from offercheck.errors import OffercheckError
from offercheck.market.anchors.listing import AnchorCell
from offercheck.market.benchmarks import BenchmarkCell, BenchmarkSet, BenchmarkSource
from offercheck.offer.roles import EXPERIENCE_BANDS, experience_band, normalise_role

__all__ = ["BenchmarkView", "UnknownBenchmarkKey", "select_cells", "with_anchors"]

# A number of years inside each band, to ask BenchmarkSet.lookup for a band.
_BAND_YEARS = {"0-2": 0.0, "3-5": 3.0, "6-9": 6.0, "10+": 10.0}


class UnknownBenchmarkKey(OffercheckError):
    """A --role, --country or --experience the benchmark file has no cell for."""

    def __init__(self, origin: str, option: str, value: str, known: tuple[str, ...]) -> None:
        super().__init__(f"{origin}: no benchmark for {option} {value!r}; known: {', '.join(known) or 'none'}")


@dataclass(frozen=True)
class BenchmarkView:
    """What ``benchmarks show`` prints: the chosen cells and every source they (or the file) name."""

    origin: str
    currency: str
    cells: tuple[BenchmarkCell, ...]
    sources: tuple[BenchmarkSource, ...]
    note: str | None = None  # set when the cells are a fallback for a combination with no cell of its own
    anchors: tuple[AnchorCell, ...] = ()  # the official anchors (aged to ``as_of``) offers there are scored against
    as_of: dt.date | None = None
    anchor_note: str | None = None


def _band(value: str) -> str | None:
    if value in EXPERIENCE_BANDS:
        return value
    try:
        return experience_band(float(value))
    except ValueError:
        return None


def select_cells(benchmarks: BenchmarkSet, *, role: str | None = None, country: str | None = None,
                 experience: str | None = None) -> BenchmarkView:
    """The cells matching every filter given (None: any), in file order; see the module docstring."""
    origin = benchmarks.origin
    want_role = want_country = want_band = None
    if role is not None:
        plain = " ".join(role.lower().split())
        want_role = plain if plain in benchmarks.roles else normalise_role(role)
        if want_role not in benchmarks.roles:
            raise UnknownBenchmarkKey(origin, "role", role, benchmarks.roles)
    if country is not None:
        want_country = country.strip().upper()
        if want_country not in benchmarks.countries:
            raise UnknownBenchmarkKey(origin, "country", country, benchmarks.countries)
    if experience is not None:
        want_band = _band(experience.strip())
        if want_band is None:
            raise UnknownBenchmarkKey(origin, "experience", experience, (*EXPERIENCE_BANDS, "or a number of years"))

    wanted = (want_role, want_band, want_country, None)  # any city
    cells = tuple(c for c in benchmarks.cells
                  if all(w is None or w == got for w, got in zip(wanted, c.key, strict=True)))
    note = None
    if not cells:
        # Known keys, but no cell for this combination: show what compare would fall back to.
        found = benchmarks.lookup(role=want_role, country=want_country,
                                  years_experience=None if want_band is None else _BAND_YEARS[want_band])
        if found is not None:  # None: the country's cells have none for this combination at all
            key = (found.role, found.experience, found.country, found.city)
            cells = tuple(c for c in benchmarks.cells if c.key == key)
            note = found.note
    used = {c.source for c in cells}
    sources = tuple(s for s in benchmarks.sources.values() if s.id in used)
    return BenchmarkView(origin, benchmarks.meta.currency, cells, sources, note)


def with_anchors(benchmarks: BenchmarkSet, *, role: str | None = None, country: str | None = None,
                 experience: str | None = None, city: str | None = None, state: str | None = None,
                 as_of: dt.date | None = None) -> BenchmarkView:
    """:func:`select_cells` plus the official anchors of ``country`` (see the module docstring)."""
    from offercheck.market.ageing import today
    from offercheck.market.anchors import ANCHORED
    from offercheck.market.anchors.listing import anchor_cells, anchor_roles
    from offercheck.market.anchors.official import role_key

    when = as_of or today()
    code = None if country is None else country.strip().upper()
    if code not in ANCHORED:
        view = select_cells(benchmarks, role=role, country=country, experience=experience)
        note = None if code else (f"offers in {', '.join(ANCHORED)} are scored against their country's official "
                                  "anchor: see `benchmarks show --country CC [--city CITY] [--role ROLE]`")
        return replace(view, as_of=when, anchor_note=note)
    key = None if role is None else role_key(role)
    if role is not None and key not in anchor_roles(code):
        raise UnknownBenchmarkKey(benchmarks.origin, "role", role, anchor_roles(code))
    anchors = anchor_cells(benchmarks, code, role=key, city=city, state=state, as_of=when)
    notes = ["official anchors cover every experience level: an offer's experience moves them by the experience "
             "factor (see `compare --explain`)"] if experience is not None else []
    missing = [r for r in ((key,) if key else anchor_roles(code)) if r not in {a.benchmark.role for a in anchors}]
    if missing:
        notes.append(f"no official figure for {', '.join(missing)} in {code} (not published for the occupation, or "
                     "not shipped): offers in those roles are scored against the benchmark file's cells")
    note = "; ".join(notes) or None
    if key is not None and anchors:
        return BenchmarkView(benchmarks.origin, benchmarks.meta.currency, (), (), None, anchors, when, note)
    try:
        view = select_cells(benchmarks, role=None, country=code, experience=experience)
    except UnknownBenchmarkKey:  # no survey cell for the country: the anchors alone
        view = BenchmarkView(benchmarks.origin, benchmarks.meta.currency, (), ())
    return replace(view, anchors=anchors, as_of=when, anchor_note=note)
