"""Market benchmarks: load benchmark files (with provenance), look up the cell for an offer.

A benchmark file (the packaged ``data/benchmarks.toml``, or one written by ``offercheck benchmarks build``)
holds base- and total-pay quantiles per (role, experience band, country) cell; a missing key means "all".
The schema is described at the top of the packaged file. Lookups never fail for an unknown role: they fall back
to a broader cell of the same country and say so in ``Benchmark.note``; a country a file by country has no cells
for has no benchmark (``lookup`` returns None). Files are read lazily and cached.
"""

import sys
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

from offercheck.errors import OfferFileError
from offercheck.market.ageing import Aged
from offercheck.market.quantiles import Quantiles
from offercheck.market.schema import (
    BenchmarkCell,
    BenchmarkMeta,
    BenchmarkSource,
    BorrowedFrom,
    CellKey,
    plain,
)
from offercheck.offer.roles import experience_band, normalise_role

# A version check rather than try/except: mypy (run for 3.10) understands it and checks the tomli branch.
if sys.version_info >= (3, 11):
    pass
else:
    pass

__all__ = [
    "Benchmark",
    "BenchmarkCell",
    "BenchmarkFileError",
    "BenchmarkMeta",
    "BenchmarkSet",
    "BenchmarkSource",
    "BorrowedFrom",
    "Quantiles",
    "experience_band",
    "us_metro",
]

_KEYS = ("role", "experience", "country", "location")


class BenchmarkFileError(OfferFileError, ValueError):
    """A benchmark file that cannot be used; the message names the file and the field.

    Also a click exception, so the CLI prints it as one ``Error:`` line with exit code 1.
    """


class Benchmark(BaseModel):
    """The market distribution chosen for one offer, with where it came from.

    ``base`` is base pay; ``cash`` adds the bonus norm where the file has one (``bonus_norm``, cited in
    ``bonus_source``), else equals base; ``total`` exists only where the cell measured total pay including equity.
    A file built from total pay alone has neither base nor cash (None): only the total can be scored.
    """

    model_config = ConfigDict(frozen=True, defer_build=True)

    role: str | None
    experience: str | None
    country: str | None
    city: str | None = None
    currency: str = "USD"
    base: Quantiles | None
    cash: Quantiles | None  # default: base x (1 + bonus_norm); None without a base
    total: Quantiles | None = None
    bonus_norm: float | None = None
    bonus_source: str | None = None
    bonus_norm_measured: bool = False  # the norm was measured in data, not taken from an article (schema)
    n: int | None
    source: str
    source_title: str
    year: int
    method: str
    # Dimensions the cell is specific to, e.g. ("role", "experience", "country", "location"): a factor for one of
    # these must not adjust again.
    keyed_by: tuple[str, ...]
    note: str | None = None  # why the lookup used a broader cell than asked for
    fallback: str | None = None  # how the cell itself was derived, when not from its own rows
    borrowed_from: BorrowedFrom | None = None
    survey_only: bool = False  # survey cells where no official anchor is shipped: labelled "survey only"
    aged: Aged | None = None  # an official anchor's ageing to the comparison date (its quantiles are aged)

    @model_validator(mode="before")
    @classmethod
    def _cash(cls, data: Any) -> Any:
        # Cash defaults to base plus the bonus norm (base alone without one).
        if isinstance(data, dict) and data.get("cash") is None and data.get("base") is not None:
            base, norm = data["base"], data.get("bonus_norm")
            q = base if isinstance(base, Quantiles) else Quantiles.model_validate(base)
            data = {**data, "cash": q if norm is None else q.scaled(1 + norm)}
        return data

    @model_validator(mode="after")
    def _some_pay(self) -> "Benchmark":
        if self.base is None and self.total is None:
            raise ValueError("a benchmark needs base or total pay quantiles")
        return self

    @property
    def total_includes_equity(self) -> bool:
        return self.total is not None


def raw_key(cell: BenchmarkCell | Mapping[str, Any]) -> CellKey:
    if isinstance(cell, BenchmarkCell):
        return cell.key
    return (plain(cell.get("role")), cell.get("experience"), cell.get("country"), plain(cell.get("city")))


class BenchmarkSet:
    """Benchmark cells with their sources; :meth:`lookup` picks the cell for an offer.

    Cells may be given as validated models or as raw tables from a file; raw ones are validated when first
    used, so that start-up does not pay for the hundreds a run never looks at.
    """

    def __init__(self, meta: BenchmarkMeta, sources: Mapping[str, BenchmarkSource],
                 cells: Sequence[BenchmarkCell | Mapping[str, Any]], *, origin: str = "<memory>") -> None:
        self.meta = meta
        self.sources = dict(sources)
        self.origin = origin
        self._only_source = next(iter(sources)) if len(sources) == 1 else None
        self._entries: list[BenchmarkCell | Mapping[str, Any]] = list(cells)
        self._index = {raw_key(c): i for i, c in enumerate(self._entries)}
        named = {c.source if isinstance(c, BenchmarkCell) else c.get("source") for c in self._entries}
        unknown = named - set(sources) - {None}
        if unknown:
            raise ValueError(f"cells name unknown sources: {', '.join(sorted(map(str, unknown)))}")
        self.roles = tuple(sorted({k[0] for k in self._index if k[0] is not None}))
        self.countries = tuple(sorted({k[2] for k in self._index if k[2] is not None}))
        self.cities = frozenset(k[3] for k in self._index if k[3] is not None)
        # A file without band cells (the packaged one: experience is the experience factor's curve) is not asked
        # for a band, so its cells are not reported as borrowed for want of one.
        self.by_band = any(k[1] is not None for k in self._index)

    def cell(self, i: int) -> BenchmarkCell:
        """Cell ``i``, validated, with its source and currency filled in (so they survive an overlay)."""
        entry = self._entries[i]
        if not isinstance(entry, BenchmarkCell):
            entry = BenchmarkCell.model_validate(entry)
        if not (entry.source and entry.currency):
            entry = entry.model_copy(update={"source": entry.source or self._only_source,
                                             "currency": entry.currency or self.meta.currency})
        self._entries[i] = entry
        return entry

    @property
    def cells(self) -> tuple[BenchmarkCell, ...]:
        return tuple(self.cell(i) for i in range(len(self._entries)))

    def __repr__(self) -> str:
        return f"BenchmarkSet({self.origin!r}, {len(self.cells)} cells)"

    def overlay(self, other: "BenchmarkSet") -> "BenchmarkSet":
        """This set with ``other``'s cells added, replacing cells with the same key (other wins)."""
        cells = {**{c.key: c for c in self.cells}, **{c.key: c for c in other.cells}}
        sources = {**self.sources, **other.sources}
        return BenchmarkSet(self.meta, sources, list(cells.values()), origin=f"{self.origin} + {other.origin}")

    def covers(self, country: str | None) -> bool:
        """Whether the cells speak for ``country``: it has cells of its own, or the file has no country cells at all
        (a file not by country, e.g. a company's own bands, speaks for every country)."""
        return not self.countries or (country or "").strip().upper() in self.countries

    def lookup(self, *, role: str | None, years_experience: float | None, country: str | None,
               city: str | None = None, state: str | None = None) -> Benchmark | None:
        """The most specific cell for this role, experience, country and city; None for a country the file has no
        cell of its own for (DESIGN section 3: no benchmark, never another country's table).

        A US city is looked up by its BLS metro (as ``benchmarks build`` groups US cities), else as written.
        An unknown role is replaced by "all roles"; when a cell is missing the search widens in this order: drop
        experience, drop role, drop both, then the same without city (never without the country, in a file by
        country). ``Benchmark.note`` says what was used instead of what was asked, and ``borrowed_from`` names the
        broader cell with its n.
        """
        if country is not None and country.strip() and not self.covers(country):
            return None
        notes: list[str] = []
        r = self._role(role, notes)
        c = self._country(country, notes)
        metro = us_metro(city, state) if c == "US" and self.cities and plain(city) else None
        t = next((x for x in (plain(metro), plain(city)) if x in self.cities), None)
        b = experience_band(years_experience) if years_experience is not None and self.by_band else None
        places = ((c, t), (c, None)) if c is not None else ((c, t), (c, None), (None, None))
        candidates = dict.fromkeys((rr, bb, cc, tt) for cc, tt in places
                                   for rr, bb in ((r, b), (r, None), (None, b), (None, None)))
        found = next((self._index[k] for k in candidates if k in self._index), None)
        if found is None and c is not None:
            return None  # the country's cells hold no cell for this key at all (none of its own roles or bands)
        cell = self.cell(found) if found is not None else max(self.cells, key=lambda x: x.n or 0)
        borrowed = cell.borrowed_from
        wanted = (r, b, c, t)
        if found is None or any(w is not None and got is None for w, got in zip(wanted, cell.key, strict=True)):
            why = "no cell matches" if found is None else f"no {_describe(wanted)} cell"
            notes.append(f"{why}; used {_describe(cell.key)}")
            borrowed = _borrowing(cell, why)
        if t is None and plain(city) and c is not None and self.cities:
            notes.append(f"no cell for {city}{f' (metro {metro})' if metro else ''}; {c} as a whole used")
        source = self.sources[cell.source or ""]
        return self._benchmark(cell, source, "; ".join(notes) or None, borrowed)

    def _benchmark(self, cell: BenchmarkCell, source: BenchmarkSource, note: str | None,
                   borrowed: BorrowedFrom | None) -> Benchmark:
        norm = self.meta.bonus_norm
        return Benchmark(
            bonus_norm_measured=self.meta.bonus_norm_measured, survey_only=source.kind == "survey",
            role=cell.role, experience=cell.experience, country=cell.country, city=cell.city,
            currency=cell.currency or self.meta.currency, base=cell.base,
            cash=cell.base if norm is None or cell.base is None else cell.base.scaled(1 + norm),
            total=cell.total if cell.total_includes_equity else None,
            bonus_norm=norm, bonus_source=self.meta.bonus_source,
            n=cell.n, source=source.id, source_title=source.title,
            year=cell.year or source.year, method=cell.method or "not stated", keyed_by=_keyed(cell.key),
            note=note, fallback=cell.fallback, borrowed_from=borrowed,
        )

    def _role(self, role: str | None, notes: list[str]) -> str | None:
        if role is None or not role.strip():
            return None
        plain = " ".join(role.lower().split())
        if plain in self.roles:
            return plain
        mapped = normalise_role(role)
        if mapped in self.roles:
            return mapped
        notes.append(f"no benchmark for role {role!r}; used the role-agnostic table "
                     f"(known roles: {', '.join(self.roles) or 'none, the table is not by role'})")
        return None

    def _country(self, country: str | None, notes: list[str]) -> str | None:
        if country is None or not country.strip():
            return None
        code = country.strip().upper()
        if code in self.countries:
            return code
        # Reached only for a file not by country (``covers``): its cells speak for every country.
        notes.append(f"the benchmark file is not by country: its cells are used for {code}")
        return None


@cache
def us_metro(city: str | None, state: str | None = None) -> str | None:
    """The BLS metro area a US city lies in ("Sunnyvale", "CA" -> "San Jose-Sunnyvale-Santa Clara, CA"); None for
    a city the place table does not know, or one whose state is a guess (several states have the name)."""
    from offercheck.places import area, bls_areas  # the place table loads only for a US city lookup

    try:
        place = area(bls_areas(), city, state or None, "US")
    except ValueError:  # a state the table does not know
        return None
    return place.name if place.level == "metro" and not place.guessed else None


def _borrowing(cell: BenchmarkCell, why: str) -> BorrowedFrom:
    """What a lookup that fell back to ``cell`` borrows: the cell and its n; for a cell of no rows of its own
    (n = 0, its figures scaled from a broader cell), the cell its figures come from, with that cell's n."""
    source = cell.borrowed_from
    if cell.n or source is None:
        return BorrowedFrom(cell=_describe(cell.key), n=cell.n or None, why=why)
    return BorrowedFrom(cell=source.cell, n=source.n, why=f"{why}; {_describe(cell.key)} has no rows of its own "
                                                          f"and borrows from it: {source.why}")


def _keyed(key: tuple[str | None, ...]) -> tuple[str, ...]:
    return tuple(name for name, v in zip(_KEYS, key, strict=True) if v is not None)


def _describe(key: CellKey) -> str:
    role, band, country, city = key
    return " / ".join([role or "all roles", f"{band} years" if band else "all experience",
                       country or "all countries", *([city] if city else [])])
