"""Salary survey CSV -> benchmark file text: :mod:`read` the rows, group them into :mod:`cells`, :mod:`write` the
file (behind ``offercheck benchmarks build``).

Two input formats:

* the ai-jobs.net survey (detected by its header: ``work_year``, ``experience_level``, ``employment_type``,
  ``job_title``, ``salary_in_usd``, ``employee_residence``, ...), read in local currencies: ``salary`` in
  ``salary_currency``, each country's cells in its own currency, a row paid in another currency than its
  residence country's left out and counted by country (``salary_in_usd``, the publisher's conversion, is used
  only by a file without those two columns). Only full-time rows (``employment_type`` FT) are used by default:
  part-time, contract and freelance pay is not comparable with a salaried offer.
* any other CSV (comma, semicolon or tab separated), given a ``mapping`` of our field names to its column names
  (:data:`fields.MAPPING_KEYS`): ``base`` and/or ``total`` (annual pay; at least one), ``bonus`` and ``stock``
  (total = base + bonus + stock), ``role``, ``experience`` (a band, an ai-jobs level or years) or ``years``,
  ``country``, ``city`` or ``location`` ("City, ST" or "City, Region, Country"), ``state``, ``remote``,
  ``size``, ``year``, ``employment``, ``currency``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from itertools import accumulate, repeat
from operator import itemgetter
from pathlib import Path

from offercheck.market.survey.cells import cells_from_groups, us_metro_city
from offercheck.market.survey.fields import SurveyFormatError, local_currency
from offercheck.market.survey.read import Reader, SurveyStats, consume, gc_paused
from offercheck.market.survey.write import benchmark_text

__all__ = ["SurveyFormatError", "build_benchmarks"]

_Key = tuple[str | None, str | None, str | None, str | None]
# ai-jobs.net publishes its survey under CC0; a file in that format is assumed to be (a snapshot of) it.
_AIJOBS_SOURCE = {"title": "ai-jobs.net salary survey", "url": "https://ai-jobs.net/salaries/",
                  "licence": "CC0 1.0 (as published by ai-jobs.net)"}


def build_benchmarks(
    path: Path,
    *,
    name: str,
    mapping: Mapping[str, str] | None = None,
    min_sample: int = 30,
    employment_types: Collection[str] | None = ("FT",),
    min_year: int | None = None,
    progress: Callable[[int], None] | None = None,
    built: dt.date | None = None,
    keep_duplicates: bool = False,
) -> tuple[str, SurveyStats]:
    """Read a survey and return the benchmark file's text (``meta.name`` = ``name``) and the row accounting.

    The options are those of :func:`read.read_survey` and :func:`cells.build_cells`. The cells' year is the
    survey's most common work year when it has a year column, else the build year. Raises
    :class:`SurveyFormatError` when no row is usable, currencies are mixed or no cell reaches ``min_sample``.
    """
    # The garbage collector stays paused until the cells are written out and freed (see gc_paused), so
    # it never walks the thousands of lists and cells built here.
    with gc_paused():
        reader = Reader(path, mapping, employment_types, min_year, keep_duplicates=keep_duplicates)
        # Pay by the raw values, as read, of those of (title, level, country, city, state) the file has: a row
        # costs a lookup and an append, all in C.
        by_raw: defaultdict[tuple[str, ...], list[float]] = defaultdict(list)
        totals_raw: defaultdict[tuple[str, ...], list[float]] = defaultdict(list)
        raw_years: Counter[str] = Counter()
        present = [i for i in _key_columns(reader) if i is not None]
        for b in reader.batches(progress):
            keys: Iterable[tuple[str, ...]] = b.rows(present) if present else repeat((), len(b.base))
            if b.total is not None:
                keys = list(keys)
                consume(map(list.append, map(totals_raw.__getitem__, keys), b.total))
            consume(map(list.append, map(by_raw.__getitem__, keys), b.base))
            if reader.has_year:
                raw_years.update(b[reader.i_year])
        currency = reader.currency()
        base, totals, unmapped = _interpret(reader, by_raw, totals_raw if reader.has_total else None)
        stats = reader.stats(unmapped)
        column = reader.columns[reader.pay_key]
        if not stats.rows_used:
            raise SurveyFormatError(f"{path}: {column}: no usable pay in any row ({stats.summary()})")
        # An ai-jobs survey read in local currencies: each country's cells in its own currency, and no all-country
        # cells (their rows would be in many currencies).
        cells = cells_from_groups(base, totals, min_sample=min_sample, total_only=reader.pay_key == "total",
                                  all_countries=not reader.local)
        if reader.local:
            cells = [c._replace(currency=local_currency(c.country)) for c in cells]
        if not cells:
            # The all-rows cell is the broadest group: no cell means fewer usable rows than min_sample in all.
            grouped = " x ".join(reader.columns[k] for k in ("role", "experience", "years", "country", "city",
                                                          "location") if k in reader.columns) or "no key columns"
            raise SurveyFormatError(
                f"{path}: {column}: no group reaches the minimum sample of {min_sample} rows: only "
                f"{stats.rows_used:,} usable rows in all (grouped by {grouped}; {stats.summary()}); "
                "lower --min-sample or add rows")
        source = _AIJOBS_SOURCE if stats.format == "ai-jobs" else {}
        title = f"{source['title']} ({stats.name})" if source else None
        text = benchmark_text(cells, stats, name=name, title=title, url=source.get("url"),
                              licence=source.get("licence"), year=_year(reader, raw_years), built=built,
                              currency=currency or "USD")
        del cells, base, by_raw, totals_raw  # freed while the collector is still paused
    return text, stats


def _interpret(reader: Reader, by_raw: Mapping[tuple[str, ...], list[float]],
               totals_raw: Mapping[tuple[str, ...], list[float]] | None
               ) -> tuple[dict[_Key, list[float]], dict[_Key, list[float]] | None, int]:
    """Pay (and total pay) by (role, band, country, city), interpreting each distinct raw key once; and how many
    rows have a title that matches no role."""
    base: dict[_Key, list[float]] = {}
    totals: dict[_Key, list[float]] | None = None if totals_raw is None else defaultdict(list)
    unmapped = 0
    # A raw key holds the present columns in order; padded with a blank, one itemgetter (in C) picks all five,
    # a column the file lacks reading the blank.
    present = accumulate(i is not None for i in _key_columns(reader))
    pick = itemgetter(*[n - 1 if i is not None else -1 for i, n in zip(_key_columns(reader), present, strict=True)])
    places: dict[tuple[str, str, str], tuple[str | None, str | None]] = {}  # (city, state, country) -> key parts
    for raw, pay in by_raw.items():
        raw_title, level, country, city, state = pick((*raw, ""))
        role = reader.roles[raw_title]
        if (where := places.get((city, state, country))) is None:
            town, code = reader.place(city, state, country)
            where = places[(city, state, country)] = (us_metro_city(town, code, city, state), code)
        key = (role, reader.bands[level], where[1], where[0])
        group = base.setdefault(key, pay)
        if group is not pay:
            group.extend(pay)
        if totals is not None and totals_raw is not None:
            totals[key].extend(totals_raw[raw])
        if role is None and reader.titles[raw_title]:
            unmapped += len(pay)
    return base, totals, unmapped


def _key_columns(reader: Reader) -> tuple[int | None, ...]:
    """The columns of a row's raw group key: title, level, country, city, state (None: not in the file)."""
    return (reader.i_role, reader.i_band, reader.i_country, reader.i_city, reader.i_state)


def _year(reader: Reader, raw_years: Mapping[str, int]) -> int | None:
    # The range load_benchmarks accepts: a stray year must not make the file unloadable. Counting raw values
    # in order of first appearance keeps most_common's tie-break: the year that appears first.
    years: Counter[int] = Counter()
    for value, n in raw_years.items():
        year = reader.years[value]
        if year is not None and 1900 <= year <= 2200:
            years[year] += n
    return years.most_common(1)[0][0] if years else None
