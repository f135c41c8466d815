"""Survey rows -> benchmark cells: grouping by role x experience band x country (and city), type-7 quantiles
(:mod:`offercheck.market.quantiles`), and the shrinkage of thin cells toward broader ones, saying which and with
both cells' real n.

Thin cells (DESIGN section 3): a cell with n < ``min_sample`` rows of its own is shrunk toward its parent (the
broader cell it falls back to, scaled by the role's and band's pay ratios) by n: each log-quantile is
w x log(own quantile) + (1 - w) x log(parent quantile), w = n / (n + SHRINK_K). With SHRINK_K = 10 a cell's own
rows weigh as much as 10 rows of its parent: 3 rows get w = 3/13 = 0.23, 20 rows w = 2/3, and a cell with no
rows of its own is its scaled parent. A weighted sum of two increasing sequences increases, so the shrunk
quantiles stay ordered."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from itertools import repeat
from operator import mul, truediv
from typing import NamedTuple

from offercheck.market.benchmarks import us_metro
from offercheck.market.quantiles import NAMES as _NAMES
from offercheck.market.quantiles import PERCENTILES, quantile
from offercheck.market.survey.read import SurveyRow
from offercheck.offer.roles import EXPERIENCE_BANDS

__all__ = ["SHRINK_K", "Cell", "build_cells", "cells_from_groups", "city_cells", "describe", "relative_pay", "shrink",
           "us_metro_city", "with_totals"]

SHRINK_K = 10  # pseudo-rows of the parent cell a thin cell is shrunk toward (module docstring)


class Cell(NamedTuple):
    """Pay distributions for one (role, experience, country, city) key; None in a key means "all".

    A NamedTuple rather than a frozen dataclass: a build makes thousands, and a tuple is made in C."""

    role: str | None
    experience: str | None
    country: str | None
    n: int | None  # the cell's own rows
    base: Mapping[str, float] | None  # "p10".."p90"; None when the survey had total pay only
    method: str
    fallback: str | None = None
    source: str | None = None  # a source id, when not the file's main source
    borrowed: tuple[str, int] | None = None  # the broader cell used (described) and its n, when n is too small
    city: str | None = None
    total: Mapping[str, float] | None = None  # total pay including equity, where the survey measured it
    currency: str | None = None  # the cell's own currency, when not the file's (a survey read in local currencies)

    @property
    def key(self) -> tuple[str | None, str | None, str | None, str | None]:
        return (self.role, self.experience, self.country, self.city)


def describe(cell: Cell) -> str:
    """A cell's key in words, as a fallback names it."""
    band = f"{cell.experience}y" if cell.experience else "all bands"
    return " x ".join([cell.role or "all roles", band, cell.country or "all countries", *filter(None, [cell.city])])


def _quantiles(raw: Sequence[float], scale: float = 1.0) -> dict[str, float]:
    """The PERCENTILES quantiles ``raw``, scaled and named."""
    # Whole currency units: finer figures would claim a precision a survey does not have. Mapped in C (most cells
    # are unscaled, and q * 1.0 is q).
    return dict(zip(_NAMES, map(round, raw if scale == 1.0 else map(mul, raw, repeat(scale))), strict=True))


def shrink(own: Sequence[float], parent: Sequence[float], n: int, k: int = SHRINK_K) -> tuple[float, ...]:
    """Quantiles ``own`` (of a cell's n rows) shrunk toward ``parent``'s in logs with weight w = n / (n + k) on the
    cell's own (see the module docstring); ``parent`` as is when n is 0."""
    if n <= 0:
        return tuple(parent)
    w = n / (n + k)
    return tuple(math.exp(w * math.log(a) + (1 - w) * math.log(b)) for a, b in zip(own, parent, strict=True))


def _weight(n: int) -> str:
    return f"weight n/(n+{SHRINK_K}) = {n / (n + SHRINK_K):.2f} on its own rows"


def _median(values: list[float]) -> float:
    values.sort()
    return quantile(values, 0.5)


class _Pooled:
    """Marks a key position pooled over all its values; None in a key is a row without a value there.

    A plain object, not an Enum member: group keys are hashed thousands of times, and an Enum's hash is
    Python code."""

    __slots__ = ()


_ALL = _Pooled()
_LOWEST = _NAMES[0]  # quantiles are sorted: the smallest
_Key = tuple[str | None, str | None, str | None]  # (role or other value, band, country) of a row
_Key4 = tuple[str | None, str | None, str | None, str | None]  # (role, band, country, city)
_Exact = Mapping[_Key4, list[float]]
_Group = tuple[str | _Pooled | None, str | _Pooled | None, str | _Pooled | None]


def _pool(exact: Mapping[_Key, list[float]], positions: Iterable[int]) -> dict[_Group, list[float]]:
    """``exact`` plus, for each key position in turn, every group pooled over that position (sorted).

    Pooling one position at a time makes each pooled group a few sorted runs, which list.sort merges
    quickly. The ``exact`` lists must be sorted; they are shared, not copied (pooled keys never equal them).
    """
    groups: dict[_Group, list[float]] = {k: v for k, v in exact.items()}  # a copy typed with the wider key
    for drop in positions:
        pooled: dict[_Group, list[float]] = {}
        for (r, b, c), pay in groups.items():
            key: _Group = (_ALL, b, c) if drop == 0 else (r, _ALL, c) if drop == 1 else (r, b, _ALL)
            pooled.setdefault(key, []).extend(pay)
        for pay in pooled.values():
            pay.sort()
        groups |= pooled
    return groups


def relative_pay(
    rows: Iterable[SurveyRow], attribute: str, *, min_sample: int = 30
) -> dict[str, tuple[float, int]]:
    """Pay of each value of ``attribute`` (role, experience, remote, size) relative to its peers.

    Each row's pay is divided by the median of its (country, experience band) group, all roles pooled;
    the result for a value is the median of those ratios, with its n. Comparing within country and band
    keeps the country mix (the survey is mostly US) and the seniority mix out of the ratio. For
    ``experience`` the reference group is the country alone. Groups and values under ``min_sample``
    rows are left out.
    """
    exact: dict[_Key, list[float]] = defaultdict(list)
    for r in rows:
        exact[(getattr(r, attribute), r.experience, r.country)].append(r.base)
    for pay in exact.values():
        pay.sort()
    by_band = attribute == "experience"
    return _relative(exact, _pool(exact, (0, 1) if by_band else (0,)), by_band=by_band, min_sample=min_sample)


def _relative(exact: Mapping[_Key, list[float]], groups: Mapping[_Group, list[float]], *, by_band: bool,
              min_sample: int) -> dict[str, tuple[float, int]]:
    """:func:`relative_pay` on pay grouped by (value, band, country), sorted, and ``groups`` from :func:`_pool`
    (value pooled, and band too when ``by_band``, which rates the bands instead of the values).

    Working on groups rather than rows keeps the per-row work in C (list.extend, map).
    """
    # (value, reference group, pay) for every group of rows that is rated.
    rated: list[tuple[str | None, _Group, list[float]]]
    if by_band:
        # The rows of a (band, country) share one reference whatever their role: rate the groups pooled over
        # roles, which gives each band a few long sorted runs to merge rather than many short ones.
        rated = [(b, (_ALL, _ALL, c), pay) for (r, b, c), pay in groups.items()
                 if r is _ALL and not isinstance(b, _Pooled) and not isinstance(c, _Pooled)]
    else:
        rated = [(v, (_ALL, b, c), pay) for (v, b, c), pay in exact.items() if b is not None]  # bandless: no ref
    # Rows without a country (or a file without the column) form one reference group of their own.
    ref: dict[_Group, float | None] = {}
    ratios: dict[str, list[float]] = defaultdict(list)
    for value, key, pay in rated:
        if key not in ref:
            ref[key] = quantile(groups[key], 0.5) if len(groups[key]) >= min_sample else None
        m = ref[key]
        if value is not None and m:
            ratios[value].extend(map(truediv, pay, repeat(m)))  # x / m for each x, in C
    return {k: (round(_median(v), 4), len(v)) for k, v in sorted(ratios.items()) if len(v) >= min_sample}


def build_cells(
    rows: Iterable[SurveyRow],
    *,
    min_sample: int = 30,
    roles: Sequence[str] | None = None,
    countries: Sequence[str] | None = None,
    by_band: bool = True,
    all_countries: bool = True,
) -> list[Cell]:
    """Group rows by role x experience band x country and summarise base pay (p10..p90, n).

    Cells are made for every role in ``roles`` (default: roles with at least ``min_sample`` rows) and
    country in ``countries`` (default: countries with at least ``min_sample`` rows), for each band (only with
    ``by_band``) and for "all bands", plus role-agnostic cells and (with ``all_countries``) all-country cells.
    A cell with fewer than ``min_sample`` rows is shrunk toward the first of these broader cells that has
    ``min_sample`` rows (module docstring), and says so in ``fallback`` and ``borrowed``:

    1. all roles x band x country, scaled by the role's relative pay (``relative_pay``);
    2. all roles x all bands x country, scaled by the role's and the band's relative pay.

    A thin cell whose role or band has no relative-pay estimate (too few rows), whose country has too
    few rows even for level 2, or whose figures fall below one unit a year (a pay ratio far below 1), is
    left out: a lookup then uses a broader cell of the same country and says so. A country with fewer than
    ``min_sample`` rows in all has no cell at all.
    """
    # One pass over the rows; everything after works on the (few thousand) exact groups.
    base: dict[_Key4, list[float]] = defaultdict(list)
    totals: dict[_Key4, list[float]] = defaultdict(list)
    for row in rows:
        key = (row.role, row.experience, row.country, row.city)
        base[key].append(row.base)
        if row.total is not None:
            totals[key].append(row.total)
    return cells_from_groups(base, totals or None, min_sample=min_sample, roles=roles, countries=countries,
                             by_band=by_band, all_countries=all_countries)


def cells_from_groups(base: _Exact, totals: _Exact | None, *, min_sample: int, roles: Sequence[str] | None = None,
                      countries: Sequence[str] | None = None, total_only: bool = False, by_band: bool = True,
                      all_countries: bool = True) -> list[Cell]:
    """:func:`build_cells` on pay grouped by (role, band, country, city): the country cells (with total pay when
    ``totals`` has the same rows' totals), then the city cells.

    ``total_only``: ``base`` holds total pay (the survey had no base column), so the cells have total quantiles
    and no base: a total figure written as base would be a wrong number."""
    if total_only:
        cells = cells_from_groups(base, None, min_sample=min_sample, roles=roles, countries=countries,
                                  by_band=by_band, all_countries=all_countries)
        return [c._replace(base=None, total=c.base, method=c.method.replace("base pay", "total pay"))
                for c in cells]
    cells = _cells(_by_country(base), min_sample=min_sample, roles=roles, countries=countries, by_band=by_band,
                   all_countries=all_countries)
    if totals is not None:
        cells = with_totals(cells, totals, min_sample=min_sample, by_band=by_band, all_countries=all_countries)
    return cells + city_cells(cells, base, totals, min_sample=min_sample)


@cache
def us_metro_city(town: str | None, country: str | None, city: str, state: str) -> str | None:
    """The city key of a survey row: a US city's BLS metro ("Mountain View, CA" -> "San Jose-Sunnyvale-Santa
    Clara, CA"), so that its suburbs pool into one cell; other cities as read (``town``). Called once per
    distinct raw value, and cached."""
    if country != "US" or not town:
        return town
    parts = [p.strip() for p in city.split(",")]
    metro = us_metro(parts[0], state.strip() or (parts[1] if len(parts) > 1 else None))
    return metro or town


def _cells(
    exact: Mapping[_Key, list[float]], *, min_sample: int, roles: Sequence[str] | None,
    countries: Sequence[str] | None, by_band: bool = True, all_countries: bool = True,
) -> list[Cell]:
    """:func:`build_cells` on pay grouped by exact (role, band, country) key (the lists are sorted in place)."""
    role_n: dict[str, int] = defaultdict(int)
    country_n: dict[str, int] = defaultdict(int)
    for (role, _band, country), pay in exact.items():
        pay.sort()
        if role is not None:
            role_n[role] += len(pay)
        if country is not None:
            country_n[country] += len(pay)
    # Each row counts once in its own cell and once in each broader ("all") cell above it.
    groups = _pool(exact, (0, 1, 2))
    if roles is None:
        roles = sorted(k for k, v in role_n.items() if v >= min_sample)
    if countries is None:
        countries = sorted(k for k, v in country_n.items() if v >= min_sample)
    # A thin cell's fallback names its scale factors; each depends only on the role or the band: format once.
    role_scale = {k: (m, f"; x {m:.3f} role pay ratio (n={n})")
                  for k, (m, n) in _relative(exact, groups, by_band=False, min_sample=min_sample).items()}
    band_scale = {k: (m, f"; x {m:.3f} {k}y pay ratio (n={n})")
                  for k, (m, n) in _relative(exact, groups, by_band=True, min_sample=min_sample).items()}

    @cache
    def raw(key: _Group) -> tuple[float, ...]:
        # A broad group is the parent of many thin cells: compute its quantiles once.
        return tuple(quantile(groups[key], p / 100) for p in PERCENTILES)

    none: list[float] = []
    method = "survey base pay, type-7 quantiles"
    shrunk_method = f"{method}, thin cell shrunk toward a broader cell scaled by pay ratios (see fallback)"

    def pool(band: str | None, country: str | None) -> tuple[_Group, float, str, str, tuple[str, int]] | None:
        """Where a thin cell of this band and country is shrunk toward, whatever its role: the pooled group, the
        band's scale factor (1.0 if none), the cell used, what the fallback adds after the role's ratio, and what
        ``borrowed`` says; None if nowhere."""
        b, c = _ALL if band is None else band, _ALL if country is None else country
        where = "all countries" if country is None else country
        key: _Group = (_ALL, b, c)
        m, text = 1.0, ""
        if len(groups.get(key, none)) < min_sample:
            key = (_ALL, _ALL, c)
            if len(groups.get(key, none)) < min_sample or (band is not None and band not in band_scale):
                return None
            m, text = (1.0, "") if band is None else band_scale[band]
        used = f"all roles x {f'{band}y' if band and key[1] is not _ALL else 'all bands'} x {where}"
        return key, m, used, text, (used, len(groups[key]))

    bands = [*EXPERIENCE_BANDS, None] if by_band else [None]
    cells: list[Cell] = []
    for country in [*countries, None] if all_countries else countries:
        pools = [pool(band, country) for band in bands]  # the same for every role
        # In a cell, None means "all"; in a group key that is _ALL (None there is "no value").
        c = _ALL if country is None else country
        for role in [*roles, None]:
            r = _ALL if role is None else role
            role_m, role_why = (1.0, "") if role is None else role_scale.get(role, (0.0, None))
            for band, fallback in zip(bands, pools, strict=True):
                key: _Group = (r, _ALL if band is None else band, c)
                own = groups.get(key, none)
                if len(own) >= min_sample:
                    cells.append(Cell(role, band, country, len(own), _quantiles(raw(key)), method))
                elif fallback is not None and role_why is not None:
                    parent, band_m, used, band_why, borrowed = fallback
                    # The same product, in the same order, as scaling by the role's ratio and then the band's.
                    scale = 1.0 * role_m * band_m
                    n = len(own)
                    target = raw(parent) if scale == 1.0 else tuple(map(mul, raw(parent), repeat(scale)))
                    if min(target) < 1:
                        continue  # a parent below one unit a year (a ratio of 0) has no logs to shrink toward
                    figures = shrink(raw(key), target, n) if n else target
                    why = (f"n={n} < {min_sample}: shrunk toward {used}{role_why}{band_why}; {_weight(n)}" if n
                           else f"n=0 < {min_sample}: used {used}{role_why}{band_why} (no rows of its own)")
                    q = _quantiles(figures)
                    if q[_LOWEST] < 1:
                        continue  # below one unit a year: no benchmark file may hold it (see build_cells)
                    cells.append(Cell(role, band, country, n, q, shrunk_method, why, None, borrowed))
    return cells


def with_totals(cells: Sequence[Cell], totals: _Exact, *, min_sample: int, by_band: bool = True,
                all_countries: bool = True) -> list[Cell]:
    """``cells`` with total-pay quantiles from ``totals`` (the same rows' total pay, keyed like the groups the
    cells were built from), estimated and shrunk exactly as base pay was."""
    exact = _by_country(totals)
    roles = sorted({c.role for c in cells if c.role is not None})
    countries = sorted({c.country for c in cells if c.country is not None})
    total = {c.key: c.base for c in _cells(exact, min_sample=min_sample, roles=roles, countries=countries,
                                           by_band=by_band, all_countries=all_countries)}
    return [c._replace(total=total.get(c.key)) for c in cells]


def _by_country(exact: _Exact) -> dict[_Key, list[float]]:
    pooled: dict[_Key, list[float]] = defaultdict(list)
    for (role, band, country, _city), pay in exact.items():
        pooled[(role, band, country)].extend(pay)
    return pooled


def city_cells(cells: Sequence[Cell], base: _Exact, totals: _Exact | None, *, min_sample: int) -> list[Cell]:
    """Cells for every city with at least ``min_sample`` rows, for each role and band the country cells have.

    A city cell with fewer rows of its own is shrunk toward its country's cell for the same role and band (the
    module docstring's rule), and says so (``borrowed``: that cell and its n)."""
    by_city: dict[tuple[str, str | None], dict[tuple[str | None, str | None], tuple[list[float], list[float]]]]
    by_city = defaultdict(lambda: defaultdict(lambda: ([], [])))
    for (role, band, country, city), pay in base.items():
        if city is not None:
            own = by_city[(city, country)]
            for r in {role, None}:
                for b in {band, None}:
                    own[(r, b)][0].extend(pay)
                    if totals is not None:
                        own[(r, b)][1].extend(totals[(role, band, country, city)])
    by_key = {c.key: c for c in cells}
    out: list[Cell] = []
    for (city, country), groups in sorted(by_city.items(), key=lambda kv: (kv[0][1] or "", kv[0][0])):
        if len(groups[(None, None)][0]) < min_sample:
            continue  # too few rows for any cell: lookups use the country and say so
        for (role, band, _c, _t), broader in by_key.items():
            if _c != country or _t is not None:
                continue
            pay, total = groups.get((role, band), ([], []))
            if len(pay) >= min_sample:
                out.append(Cell(role, band, country, len(pay), _quantiles(_sorted(pay)), "survey base pay, "
                                "type-7 quantiles", city=city, total=_quantiles(_sorted(total)) if total else None))
                continue
            n = len(pay)
            why = (f"n={n} < {min_sample} in {city}: shrunk toward {describe(broader)}; {_weight(n)}" if n
                   else f"n=0 < {min_sample} in {city}: used {describe(broader)} (no rows of its own)")
            out.append(broader._replace(
                city=city, n=n, borrowed=(describe(broader), broader.n) if broader.n else broader.borrowed,
                base=_toward(pay, broader.base), total=_toward(total, broader.total),
                method=broader.method if n == 0 or "shrunk" in broader.method else
                f"{broader.method}, thin city cell shrunk toward its country's cell (see fallback)",
                fallback="; ".join(filter(None, [why, broader.fallback]))))
    return out


def _toward(own: list[float], parent: Mapping[str, float] | None) -> Mapping[str, float] | None:
    """A thin city cell's quantiles: its own rows shrunk toward its country cell's (``parent``) by their n."""
    if parent is None or not own:
        return parent
    return _quantiles(shrink(_sorted(own), tuple(parent[name] for name in _NAMES), len(own)))


def _sorted(values: list[float]) -> tuple[float, ...]:
    values.sort()
    return tuple(quantile(values, p / 100) for p in PERCENTILES)
