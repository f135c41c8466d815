"""Salary survey CSV -> benchmark cells (pure standard library; behind ``offercheck benchmarks build``).

Two input formats:

* the ai-jobs.net survey (detected by its header: ``work_year``, ``experience_level``, ``employment_type``,
  ``job_title``, ``salary_in_usd``, ``employee_residence``, ...). ``salary_in_usd`` is the publisher's own
  conversion. Only full-time rows (``employment_type`` FT) are used by default: part-time, contract and
  freelance pay is not comparable with a salaried offer.
* any other CSV, given a ``mapping`` of our field names to its column names: ``base`` (required, annual pay),
  ``role``, ``experience`` (a band, an ai-jobs level or a number of years) or ``years``, ``country``,
  ``remote``, ``size``, ``year``, ``employment``.

Exact duplicate rows are dropped (the ai-jobs file repeats about half its rows verbatim). Rows whose pay is
missing, not a number or not positive, or that have too few columns, are counted by reason and never used.

Quantiles use linear interpolation between order statistics (Hyndman & Fan type 7, numpy's default
``"linear"`` method): for sorted x[0..n-1] and probability p, h = (n-1)p and
q = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
"""

from __future__ import annotations

import csv
import datetime as _dt
import gc
import hashlib
import io
import math
import re
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from itertools import compress, islice, repeat
from operator import and_, gt, not_
from pathlib import Path
from typing import NamedTuple, TypeVar, cast

from offercheck.market.quantiles import NAMES as _NAMES
from offercheck.market.quantiles import PERCENTILES, QUANTILE_METHOD, quantile
from offercheck.market.schema import FORMAT_VERSION
from offercheck.offer.roles import AIJOBS_LEVELS, EXPERIENCE_BANDS, ROLES, experience_band, normalise_role

__all__ = [
    "AIJOBS_LEVELS",
    "BONUS_SOURCE",
    "EXPERIENCE_BANDS",
    "FORMAT_VERSION",
    "PERCENTILES",
    "QUANTILE_METHOD",
    "ROLES",
    "Cell",
    "SurveyFormatError",
    "SurveyRow",
    "SurveyStats",
    "benchmark_text",
    "build_benchmarks",
    "build_cells",
    "cell_lines",
    "experience_band",
    "normalise_role",
    "quantile",
    "read_survey",
    "relative_pay",
    "source_lines",
    "toml_key",
    "toml_value",
]

# ai-jobs records a seniority level, not years. This mapping to year bands is an approximation: the survey
# defines EN entry-level/junior, MI mid-level/intermediate, SE senior/expert, EX executive/director.

# ai-jobs company_size: S < 50 employees, M 50-250, L > 250. Mapped onto the offer file's size keys.
_SIZES = {
    "s": "startup", "small": "startup", "startup": "startup",
    "m": "sme", "medium": "sme", "sme": "sme",
    "l": "large", "large": "large",
}
_REMOTE = {
    "0": "onsite", "onsite": "onsite", "on-site": "onsite", "office": "onsite",
    "50": "hybrid", "hybrid": "hybrid",
    "100": "remote", "remote": "remote",
}
_LEVEL_WORDS = {
    "en": "0-2", "entry": "0-2", "junior": "0-2",
    "mi": "3-5", "mid": "3-5", "intermediate": "3-5",
    "se": "6-9", "senior": "6-9",
    "ex": "10+", "executive": "10+", "director": "10+",
}
_AIJOBS_COLUMNS = ("work_year", "experience_level", "employment_type", "job_title", "salary_in_usd",
                   "employee_residence", "remote_ratio", "company_size")
_T = TypeVar("_T")
BONUS_SOURCE = ("seed 002 (seeds/002_85987d39cf31c29d.txt): 'Performance-based bonuses can add 10-20% to your base "
                "salary'; 15% is the midpoint")
_MAPPING_KEYS = frozenset({"base", "role", "experience", "years", "country", "remote", "size", "year",
                           "employment"})


class SurveyFormatError(ValueError):
    """The file is not a survey this module can read (no recognisable header, bad mapping)."""


class SurveyRow(NamedTuple):
    """One usable survey response. ``base`` is annual pay in the survey's currency (USD for ai-jobs)."""

    base: float
    role: str | None
    title: str
    experience: str | None
    country: str | None
    remote: str | None
    size: str | None
    year: int | None


@dataclass(frozen=True)
class SurveyStats:
    """What happened to every row: read = duplicates + bad + excluded + used (blank lines aside)."""

    rows_read: int
    duplicates: int
    bad_rows: int
    bad_reasons: Mapping[str, int]
    rows_used: int
    sha256: str
    name: str
    # Valid rows left out on purpose (not full-time, too old), by reason; they are not "bad".
    excluded: Mapping[str, int] = field(default_factory=dict)
    unmapped_roles: int = 0
    format: str = "generic"

    def summary(self) -> str:
        """One line accounting for every row, e.g. for the end of ``offercheck benchmarks build``."""
        def reasons(counts: Mapping[str, int]) -> str:
            return f" ({', '.join(f'{k}: {v:,}' for k, v in counts.items())})" if counts else ""

        parts = [f"read {self.rows_read:,} rows", f"dropped {self.duplicates:,} duplicates",
                 f"{self.bad_rows:,} bad rows{reasons(self.bad_reasons)}"]
        if self.excluded:
            parts.append(f"excluded {sum(self.excluded.values()):,}{reasons(self.excluded)}")
        parts.append(f"used {self.rows_used:,}")
        if self.unmapped_roles:
            parts.append(f"{self.unmapped_roles:,} used rows have a title matching no role (in all-roles cells only)")
        return ", ".join(parts)


@dataclass(frozen=True)
class Cell:
    """A base-pay distribution for one (role, experience, country) key; None in a key means "all"."""

    role: str | None
    experience: str | None
    country: str | None
    n: int | None
    base: Mapping[str, float]  # "p10".."p90"
    method: str
    fallback: str | None = None
    source: str | None = None  # a source id, when not the file's main source
    borrowed: tuple[str, int] | None = None  # the broader cell used (described) and its n, when n is too small

    @property
    def keyed_by(self) -> tuple[str, ...]:
        return tuple(k for k, v in (("role", self.role), ("experience", self.experience),
                                    ("country", self.country)) if v is not None)


def _band(value: str) -> str | None:
    v = value.strip()
    if v in AIJOBS_LEVELS:
        return AIJOBS_LEVELS[v]
    if v in EXPERIENCE_BANDS:
        return v
    low = v.lower()
    if low in _LEVEL_WORDS:
        return _LEVEL_WORDS[low]
    try:
        return experience_band(float(v))
    except ValueError:
        return None


def _years_band(value: str) -> str | None:
    try:
        return experience_band(float(value))
    except ValueError:
        return None


# --- reading -------------------------------------------------------------------------------------------

# The reader interprets rows a batch at a time, column-wise (C-level map/zip/compress over each column)
# instead of one Python iteration per row. A small batch stays in the CPU cache: 1,000 rows is about 10%
# faster than 10,000 and 30% faster than 40,000. Progress is reported every _PROGRESS rows, a multiple.
_BATCH = 1_000
_PROGRESS = 10_000


class _Memo(dict[str, _T]):
    """Per-distinct-value cache: a hit is a plain dict lookup; ``fn`` runs once per new value."""

    def __init__(self, fn: Callable[[str], _T]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, key: str) -> _T:
        value = self[key] = self.fn(key)
        return value


class _Const(_Memo[_T]):
    """Stands in for a column the file does not have: every lookup answers ``value``, nothing is stored."""

    def __init__(self, value: _T) -> None:
        super().__init__(lambda v: value)
        self.value = value

    def __missing__(self, key: str) -> _T:
        return self.value


def _year(value: str) -> int | None:
    try:
        return int(value.strip())
    except ValueError:
        return None


def _pay(value: str) -> float | str:
    """Pay as a float, or the reason it is unusable."""
    v = value.strip().replace(",", "")
    if not v:
        return "missing pay"
    try:
        pay = float(v)
    except ValueError:
        return "non-numeric pay"
    return pay if 0 < pay < math.inf else "pay not a positive number"


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: reading and grouping allocate many small objects and no cycles,
    and collections triggered by those allocations would cost about a tenth of the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _consume(iterator: Iterable[object]) -> None:
    """Run an iterator of side effects (``map(list.append, ...)``) to its end at C speed."""
    deque(iterator, maxlen=0)


class _Strided:
    """Columns of a flat list of fields laid out row after row, ``stride`` apart: column i is fields[i::stride]
    (sliced when asked for: a batch seldom needs every column)."""

    __slots__ = ("fields", "stride")

    def __init__(self, fields: list[str], stride: int) -> None:
        self.fields, self.stride = fields, stride

    def __getitem__(self, i: int) -> Sequence[str]:
        return self.fields[i::self.stride]


_Columns = list[Sequence[str]] | _Strided  # indexed by the file's column numbers


class _Batch:
    """The usable rows of one batch, column-wise: ``base`` (pay as floats) and, indexed like the file's columns,
    the raw strings (each column picked out of the batch only when asked for)."""

    __slots__ = ("_cols", "_keep", "base")

    def __init__(self, base: list[float], cols: _Columns, keep: list[bool] | None) -> None:
        self.base, self._cols, self._keep = base, cols, keep

    def __getitem__(self, i: int) -> Sequence[str]:
        return self._cols[i] if self._keep is None else list(compress(self._cols[i], self._keep))


class _Reader:
    """A survey file read once: its header and column interpreters, then the usable rows in batches.

    :func:`read_survey` turns the batches into rows; :func:`build_benchmarks` groups them straight into
    cells, without a row object per response. Either way every row is accounted for in :meth:`stats`.
    """

    def __init__(self, path: Path, mapping: Mapping[str, str] | None,
                 employment_types: Collection[str] | None, min_year: int | None) -> None:
        self.path = path = Path(path)
        data = path.read_bytes()
        self.sha256 = hashlib.sha256(data).hexdigest()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SurveyFormatError(f"{path}: not a UTF-8 text file ({exc.reason} at byte {exc.start})") from exc
        self.processed = self.duplicates = self.pre_duplicates = self.used = 0
        header: list[str] | None
        distinct: dict[str, None] | None = None
        if '"' not in text and "\0" not in text:
            crlf = "\r" in text
            lines = text.split("\r\n" if crlf else "\n")
            distinct = dict.fromkeys(lines)
            if crlf:
                # A CR or LF left inside a line means mixed line endings. Equal lines are equal rows, so checking
                # the distinct lines is enough.
                joined = "".join(distinct)
                if "\r" in joined or "\n" in joined:
                    distinct = None
        if distinct is not None:
            # No quoting, one kind of line ending and no NUL (which csv rejects before Python 3.11): one line is
            # one record, its fields are line.split(","), and equal lines are equal rows. Drop duplicates as
            # strings before splitting, which halves the work on a file like ai-jobs.
            blank = lines.count("")
            distinct.pop("", None)
            self.pre_duplicates = len(lines) - blank - len(distinct)
            self._lines: Iterator[str] | None = iter(distinct)
            first = next(self._lines, None)
            header = None if first is None else first.split(",")
        else:
            self._lines = None
            self._records = csv.reader(io.StringIO(text, newline=""))
            header = next(self._records, None)
        if header is None:
            raise SurveyFormatError(f"{path}: empty file, expected a CSV header row")
        self.format, cols = _columns(path, [h.strip().lower() for h in header], mapping)

        self.width = max(cols.values()) + 1
        # An absent optional column reads the pay column (any column would do) through a memo that gives a constant.
        self.i_base = base = cols["base"]
        self.i_role = cols.get("role", base)
        self.i_band = cols.get("experience", cols.get("years", base))
        self.i_country, self.i_remote = cols.get("country", base), cols.get("remote", base)
        self.i_size, self.i_year = cols.get("size", base), cols.get("year", base)
        self.i_emp = cols.get("employment", base)
        # Each column takes few distinct values: interpret each value once.
        has_role, self.has_year = "role" in cols, "year" in cols
        self.titles: Mapping[str, str] = _Memo(str.strip) if has_role else _Const("")
        self.roles: Mapping[str, str | None] = (
            _Memo(lambda t: normalise_role(t) if t.strip() else None) if has_role else _Const(None))
        self.bands: Mapping[str, str | None] = (
            _Memo(_band) if "experience" in cols else _Memo(_years_band) if "years" in cols else _Const(None))
        self.countries: Mapping[str, str | None] = (
            _Memo(lambda v: v.strip().upper() or None) if "country" in cols else _Const(None))
        self.remotes: Mapping[str, str | None] = (
            _Memo(lambda v: _REMOTE.get(v.strip().lower())) if "remote" in cols else _Const(None))
        self.sizes: Mapping[str, str | None] = (
            _Memo(lambda v: _SIZES.get(v.strip().lower())) if "size" in cols else _Const(None))
        self.years: Mapping[str, int | None] = _Memo(_year) if "year" in cols else _Const(None)

        keep_emp = frozenset(employment_types or ())
        self.check_emp = employment_types is not None and "employment" in cols
        self.emp_ok: Mapping[str, bool] = _Memo(lambda v: v in keep_emp or v.strip() in keep_emp)
        self.check_year = min_year is not None
        first_year = min_year or 0
        self.year_ok: Mapping[str, bool] = _Memo(lambda v: (y := self.years[v]) is not None and y >= first_year)
        self.year_reason = f"year before {min_year}" if "year" in cols else "no year column"
        self.bad: Counter[str] = Counter()
        self.excluded_emp: Counter[str] = Counter()  # by raw employment value
        self.excluded_year = 0

    def batches(self, progress: Callable[[int], None] | None) -> Iterator[_Batch]:
        """The usable rows, a batch at a time; ``progress`` as described in :func:`read_survey`."""
        for cols in self._distinct(progress):
            if cols is not None:
                yield self._usable(cols)
        if progress is not None:
            progress(self.rows_read)

    @property
    def rows_read(self) -> int:
        return self.processed + self.pre_duplicates

    def _distinct(self, progress: Callable[[int], None] | None) -> Iterator[_Columns | None]:
        """Distinct non-blank records, up to _BATCH rows read at a time (duplicates count as read), as the
        columns this reader uses (see :meth:`_full_rows`)."""
        if self._lines is not None:
            while lines := list(islice(self._lines, _BATCH)):
                self.processed += len(lines)
                if progress is not None and self.processed % _PROGRESS == 0:
                    progress(self.processed)
                # Split the whole batch at once, a "\n" field (never inside a line) after each line; when every
                # line has as many fields as the first, each "\n" is where it should be and the columns are
                # slices (fewer, larger C calls than splitting line by line and transposing).
                fields = ",\n,".join(lines).split(",")
                stride = lines[0].count(",") + 2  # fields per line, plus the "\n"
                if (stride > self.width and len(fields) == len(lines) * stride - 1
                        and fields[stride - 1::stride].count("\n") == len(lines) - 1):
                    yield _Strided(fields, stride)
                else:
                    yield self._full_rows(list(map(str.split, lines, repeat(","))))
            return
        seen: set[tuple[str, ...]] = set()
        batch: list[list[str]] = []
        for raw in self._records:
            if not raw:
                continue  # a blank line is not a response
            self.processed += 1
            key = tuple(raw)
            if key in seen:
                self.duplicates += 1
            else:
                seen.add(key)
                batch.append(raw)
            if self.processed % _BATCH == 0:
                if progress is not None and self.processed % _PROGRESS == 0:
                    progress(self.processed)
                yield self._full_rows(batch)
                batch = []
        yield self._full_rows(batch)

    def _full_rows(self, rows: list[list[str]]) -> _Columns | None:
        """The columns this reader uses (``width`` of them), from the rows that have them all; the others are
        counted as bad. None when no row is left."""
        full = rows
        if rows and min(map(len, rows)) < self.width:
            full = [r for r in rows if len(r) >= self.width]
            self.bad["missing columns"] += len(rows) - len(full)
        if not full:
            return None
        # zip stops at the shortest row, which has at least ``width`` columns.
        cols: list[Sequence[str]] = list(zip(*full, strict=False))
        return cols[:self.width]

    def _usable(self, cols: _Columns) -> _Batch:
        """The usable rows of a batch, checked column by column; each unusable row is counted under its first
        reason: missing columns (done by then), pay (bad), employment type, year (excluded)."""
        pay = cols[self.i_base]
        keep: list[bool] | None = None  # None: every row so far
        try:
            base = list(map(float, pay))
            # Checked on the whole column: a NaN or an infinity makes the sum NaN or infinite.
            valid = min(base) > 0 and sum(base) < math.inf
        except ValueError:
            valid = False
        if not valid:
            pays = list(map(_pay, pay))
            keep = [type(b) is float for b in pays]
            self.bad.update(b for b in pays if isinstance(b, str))
            base = cast(list[float], pays)  # the reasons among them are dropped with ``keep`` below
        if self.check_emp:
            keep, dropped = self._narrow(keep, cols[self.i_emp], self.emp_ok)
            self.excluded_emp.update(compress(cols[self.i_emp], dropped))
        if self.check_year:
            keep, dropped = self._narrow(keep, cols[self.i_year], self.year_ok)
            self.excluded_year += sum(dropped)
        usable = _Batch(base if keep is None else list(compress(base, keep)), cols, keep)
        self.used += len(usable.base)
        return usable

    @staticmethod
    def _narrow(keep: list[bool] | None, values: Sequence[str], ok: Mapping[str, bool]
                ) -> tuple[list[bool], Iterable[bool]]:
        """The rows still kept after checking ``values`` with ``ok``, and a mask of the rows this check drops."""
        passed = list(map(ok.__getitem__, values))
        if keep is None:
            return passed, map(not_, passed)
        # For booleans, kept > passed is "kept so far and fails this check".
        return list(map(and_, keep, passed)), map(gt, keep, passed)

    def stats(self, unmapped_roles: int) -> SurveyStats:
        """What happened to every row, once the batches are read; ``unmapped_roles`` is counted by the caller."""
        excluded: Counter[str] = Counter()
        for value, n in self.excluded_emp.items():
            excluded[f"employment type {value.strip() or '(blank)'}"] += n
        if self.excluded_year:
            excluded[self.year_reason] += self.excluded_year
        return SurveyStats(
            rows_read=self.rows_read, duplicates=self.duplicates + self.pre_duplicates,
            bad_rows=sum(self.bad.values()), bad_reasons=dict(sorted(self.bad.items())), rows_used=self.used,
            sha256=self.sha256, name=self.path.name, excluded=dict(sorted(excluded.items())),
            unmapped_roles=unmapped_roles, format=self.format,
        )


def read_survey(
    path: Path,
    *,
    mapping: Mapping[str, str] | None = None,
    progress: Callable[[int], None] | None = None,
    employment_types: Collection[str] | None = ("FT",),
    min_year: int | None = None,
) -> tuple[list[SurveyRow], SurveyStats]:
    """Read a survey CSV; return the usable rows and what happened to the others.

    ``mapping`` is needed for a non-ai-jobs file (see the module docstring). ``employment_types`` keeps only
    those employment types when the file has that column (default full-time only; None keeps all);
    ``min_year`` drops rows older than that year (and rows without a year) when the file has a year column.
    ``progress`` is called with the number of distinct rows processed so far every 10,000 rows, and with
    ``rows_read`` at the end.
    """
    reader = _Reader(path, mapping, employment_types, min_year)
    rows: list[SurveyRow] = []
    with _gc_paused():
        for b in reader.batches(progress):
            role = b[reader.i_role]
            columns = zip(b.base, map(reader.roles.__getitem__, role), map(reader.titles.__getitem__, role),
                          map(reader.bands.__getitem__, b[reader.i_band]),
                          map(reader.countries.__getitem__, b[reader.i_country]),
                          map(reader.remotes.__getitem__, b[reader.i_remote]),
                          map(reader.sizes.__getitem__, b[reader.i_size]),
                          map(reader.years.__getitem__, b[reader.i_year]), strict=True)
            rows += map(tuple.__new__, repeat(SurveyRow), columns)  # SurveyRow(*values) without a Python call
    return rows, reader.stats(sum(1 for r in rows if r.role is None and r.title))


def _columns(path: Path, names: list[str], mapping: Mapping[str, str] | None) -> tuple[str, dict[str, int]]:
    if mapping is None:
        if all(c in names for c in _AIJOBS_COLUMNS):
            idx = {n: i for i, n in enumerate(names)}
            return "ai-jobs", {
                "base": idx["salary_in_usd"], "role": idx["job_title"], "experience": idx["experience_level"],
                "country": idx["employee_residence"], "remote": idx["remote_ratio"], "size": idx["company_size"],
                "year": idx["work_year"], "employment": idx["employment_type"],
            }
        shown = ", ".join(names[:8]) + (", ..." if len(names) > 8 else "")
        raise SurveyFormatError(
            f"{path}: not a recognised salary survey: the header ({shown}) is not the ai-jobs.net format "
            f"(needs {', '.join(_AIJOBS_COLUMNS)}); for another CSV give a column mapping, "
            "e.g. base=<pay column>, role=<title column>"
        )
    unknown = sorted(set(mapping) - _MAPPING_KEYS)
    if unknown:
        raise SurveyFormatError(
            f"{path}: unknown mapping key(s) {', '.join(unknown)}; known: {', '.join(sorted(_MAPPING_KEYS))}")
    if "base" not in mapping:
        raise SurveyFormatError(f"{path}: the mapping must name the pay column: base=<column>")
    if "experience" in mapping and "years" in mapping:
        raise SurveyFormatError(f"{path}: map either experience or years, not both")
    cols: dict[str, int] = {}
    for ours, theirs in mapping.items():
        want = theirs.strip().lower()
        if want not in names:
            raise SurveyFormatError(
                f"{path}: mapping {ours}={theirs}: no such column; the header has {', '.join(names)}")
        cols[ours] = names.index(want)
    return "generic", cols


# --- cells ---------------------------------------------------------------------------------------------



def _quantiles(raw: Sequence[float], scale: float = 1.0) -> dict[str, float]:
    """The PERCENTILES quantiles ``raw``, scaled and named."""
    # Whole currency units: finer figures would claim a precision a survey does not have.
    return {name: round(q * scale) for name, q in zip(_NAMES, raw, strict=True)}


def _median(values: list[float]) -> float:
    values.sort()
    return quantile(values, 0.5)


class _Pooled:
    """Marks a key position pooled over all its values; None in a key is a row without a value there.

    A plain object, not an Enum member: group keys are hashed thousands of times, and an Enum's hash is
    Python code."""

    __slots__ = ()


_ALL = _Pooled()
_Key = tuple[str | None, str | None, str | None]  # (role or other value, band, country) of a row
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
            ratios[value].extend(map(m.__rtruediv__, pay))  # x / m for each x, in C
    return {k: (round(_median(v), 4), len(v)) for k, v in sorted(ratios.items()) if len(v) >= min_sample}


def build_cells(
    rows: Iterable[SurveyRow],
    *,
    min_sample: int = 30,
    roles: Sequence[str] | None = None,
    countries: Sequence[str] | None = None,
) -> list[Cell]:
    """Group rows by role x experience band x country and summarise base pay (p10..p90, n).

    Cells are made for every role in ``roles`` (default: roles with at least ``min_sample`` rows) and
    country in ``countries`` (default: countries with at least ``min_sample`` rows), for each band and for
    "all bands", plus role-agnostic and all-country cells, so a lookup can always fall back to something.
    A cell with fewer than ``min_sample`` rows falls back, and says so in ``fallback``:

    1. role x band x country (the cell itself);
    2. all roles x band x country, scaled by the role's relative pay (``relative_pay``);
    3. all roles x all bands x country, scaled by the role's and the band's relative pay.

    A thin cell whose role or band has no relative-pay estimate (too few rows), or whose country has too
    few rows even for level 3, is left out: a lookup then uses a broader cell and says so.
    """
    # One pass over the rows; everything after works on the (few thousand) exact groups.
    exact: dict[_Key, list[float]] = defaultdict(list)
    for base, role, _title, band, country, _remote, _size, _year in rows:
        exact[(role, band, country)].append(base)
    return _cells(exact, min_sample=min_sample, roles=roles, countries=countries)


def _cells(
    exact: Mapping[_Key, list[float]], *, min_sample: int, roles: Sequence[str] | None,
    countries: Sequence[str] | None,
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
    role_scale = {k: (m, [f"x {m:.3f} role pay ratio (n={n})"])
                  for k, (m, n) in _relative(exact, groups, by_band=False, min_sample=min_sample).items()}
    band_scale = {k: (m, f"x {m:.3f} {k}y pay ratio (n={n})")
                  for k, (m, n) in _relative(exact, groups, by_band=True, min_sample=min_sample).items()}

    @cache
    def raw(key: _Group) -> tuple[float, ...]:
        # A broad group is the fallback pool of many thin cells: compute its quantiles once.
        return tuple(quantile(groups[key], p / 100) for p in PERCENTILES)

    none: list[float] = []
    method = "survey base pay, type-7 quantiles"
    scaled_method = f"{method}, broader cell scaled by pay ratios (see fallback)"

    def pool(band: str | None, country: str | None) -> tuple[_Group, float, list[str]] | None:
        """Where a thin cell of this band and country falls back to, whatever its role: the pooled group, the
        band's scale factor (1.0 if none) and what the fallback says; None if nowhere."""
        b, c = _ALL if band is None else band, _ALL if country is None else country
        where = "all countries" if country is None else country
        if len(groups.get((_ALL, b, c), none)) >= min_sample:
            return (_ALL, b, c), 1.0, [f"used all roles x {f'{band}y' if band else 'all bands'} x {where}"]
        if len(groups.get((_ALL, _ALL, c), none)) < min_sample:
            return None
        if band is None:
            return (_ALL, _ALL, c), 1.0, [f"used all roles x all bands x {where}"]
        if band not in band_scale:
            return None
        m, text = band_scale[band]
        return (_ALL, _ALL, c), m, [f"used all roles x all bands x {where}", text]

    bands = [*EXPERIENCE_BANDS, None]
    cells: list[Cell] = []
    for country in [*countries, None]:
        pools = [pool(band, country) for band in bands]  # the same for every role
        # In a cell, None means "all"; in a group key that is _ALL (None there is "no value").
        c = _ALL if country is None else country
        for role in [*roles, None]:
            r = _ALL if role is None else role
            role_m, role_why = (1.0, []) if role is None else role_scale.get(role, (0.0, None))
            for band, fallback in zip(bands, pools, strict=True):
                key: _Group = (r, _ALL if band is None else band, c)
                own = groups.get(key, none)
                if len(own) >= min_sample:
                    cells.append(Cell(role, band, country, len(own), _quantiles(raw(key)), method))
                elif fallback is not None and role_why is not None:
                    key, band_m, (used, *band_why) = fallback
                    # The same product, in the same order, as scaling by the role's ratio and then the band's.
                    scale = 1.0 * role_m * band_m
                    why = "; ".join([f"n={len(own)} < {min_sample}: {used}", *role_why, *band_why])
                    cells.append(Cell(role, band, country, len(own), _quantiles(raw(key), scale),
                                      scaled_method, fallback=why, borrowed=(used.removeprefix("used "),
                                                                             len(groups[key]))))
    return cells


# --- writing -------------------------------------------------------------------------------------------

def toml_value(value: object) -> str:
    """A TOML literal for a str, bool, int, float, date, list or dict (inline table)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot write {value} to TOML")
        return repr(round(value, 6))
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def _toml_string(value: str) -> str:
    out = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{out}"'


@cache  # a benchmark file repeats the same few keys thousands of times
def toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else toml_value(key)


def benchmark_text(
    cells: Sequence[Cell],
    stats: SurveyStats,
    *,
    name: str,
    source_id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    licence: str | None = None,
    year: int | None = None,
    currency: str = "USD",
    bonus_norm: float = 0.15,
    built: _dt.date | None = None,
    description: str | None = None,
) -> str:
    """``cells`` as a benchmark TOML file (the schema ``offercheck.market.benchmarks.load_benchmarks`` reads).

    ``name`` becomes ``meta.name``. Surveys report salary, not bonus or stock, so ``total`` = base x
    (1 + ``bonus_norm``); the file says so. The text depends only on the arguments (``built`` defaults to
    today), so rebuilding is reproducible.
    """
    built = built or _dt.date.today()
    source_id = source_id or re.sub(r"[^a-z0-9]+", "-", Path(stats.name).stem.lower()).strip("-") or "survey"
    year = year or built.year
    lines = [
        f"# Benchmark file built by offercheck from {stats.name}.",
        "# Schema: [meta]; [[sources]] (id, title, url, licence, year, sha256, row counts);",
        "# [[cells]]: role / experience / country (absent = all), n, source, year, base and total",
        "# quantiles p10..p90 (annual, in meta.currency), method, optional fallback.",
        f"# No total: surveys record salary only; compare scores cash = base x (1 + {bonus_norm}) (bonus_source).",
        "",
        "[meta]",
        f"name = {toml_value(name)}",
        f"built = {toml_value(built)}",
        f"currency = {toml_value(currency)}",
        f"description = {toml_value(description or f'Base-pay distributions built from {stats.name}')}",
        f"format = {FORMAT_VERSION}",
        f"bonus_norm = {toml_value(bonus_norm)}",
        f"bonus_source = {toml_value(BONUS_SOURCE)}",
        f"quantile_method = {toml_value(QUANTILE_METHOD)}",
        "",
        *source_lines(source_id, stats, title=title, url=url, licence=licence, year=year),
        "",
    ]
    lines += cell_lines(cells, source_id=source_id, year=year, bonus_norm=bonus_norm)
    return "\n".join(lines) + "\n"


def source_lines(
    source_id: str, stats: SurveyStats, *, title: str | None, url: str | None, licence: str | None, year: int,
) -> list[str]:
    lines = ["[[sources]]", f"id = {toml_value(source_id)}", f"title = {toml_value(title or stats.name)}"]
    if url:
        lines.append(f"url = {toml_value(url)}")
    if licence:
        lines.append(f"licence = {toml_value(licence)}")
    lines += [
        f"year = {year}",
        f"file = {toml_value(stats.name)}",
        f"sha256 = {toml_value(stats.sha256)}",
        f"rows_read = {stats.rows_read}",
        f"duplicates = {stats.duplicates}",
        f"bad_rows = {stats.bad_rows}",
        f"bad_reasons = {toml_value(dict(stats.bad_reasons))}",
        f"excluded = {toml_value(dict(stats.excluded))}",
        f"rows_used = {stats.rows_used}",
        f"unmapped_roles = {stats.unmapped_roles}",
    ]
    return lines


def cell_lines(cells: Iterable[Cell], *, source_id: str, year: int, bonus_norm: float | None = None) -> list[str]:
    """The ``[[cells]]`` tables; ``bonus_norm`` is unused (kept for the scripts that pass it)."""
    lines: list[str] = []
    # Thousands of cells repeat a few dozen strings: quote each once.
    text = cache(toml_value)
    year_line = f"year = {year}"
    for c in cells:
        lines.append("[[cells]]")
        if c.role is not None:
            lines.append(f"role = {text(c.role)}")
        if c.experience is not None:
            lines.append(f"experience = {text(c.experience)}")
        if c.country is not None:
            lines.append(f"country = {text(c.country)}")
        if c.n is not None:
            lines.append(f"n = {c.n}")
        lines += (f"source = {text(c.source or source_id)}", year_line, f"base = {_quantile_table(c.base)}",
                  f"method = {text(c.method)}")
        if c.fallback:
            lines.append(f"fallback = {_toml_string(c.fallback)}")
        if c.borrowed:
            lines.append(f"borrowed_from = {toml_value({'cell': c.borrowed[0], 'n': c.borrowed[1], 'why': c.fallback or ''})}")
        lines.append("")
    return lines


# The inline table of a cell's quantiles, for the usual case of whole numbers under the usual names.
_QUANTILE_TABLE = "{ " + ", ".join(f"{name} = %d" for name in _NAMES) + " }"  # for whole numbers only


def _quantile_table(q: Mapping[str, float]) -> str:
    if tuple(q) == _NAMES and all(type(v) is int for v in q.values()):
        return _QUANTILE_TABLE % tuple(q.values())
    return "{ " + ", ".join(f"{toml_key(k)} = {v if type(v) is int else toml_value(v)}" for k, v in q.items()) + " }"


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
    built: _dt.date | None = None,
) -> tuple[str, SurveyStats]:
    """Read a survey and return the benchmark file's text (``meta.name`` = ``name``) and the row accounting.

    The options are those of :func:`read_survey` and :func:`build_cells`. The cells' year is the survey's most
    common work year when it has a year column, else the build year. Raises :class:`SurveyFormatError` when
    no row is usable or no cell reaches ``min_sample`` rows.
    """
    # The garbage collector stays paused until the cells are written out and freed (see _gc_paused), so
    # it never walks the thousands of lists and cells built here.
    with _gc_paused():
        reader = _Reader(path, mapping, employment_types, min_year)
        # Pay by raw (title, level, country) as read: a row costs a lookup and an append, all in C.
        by_raw: defaultdict[tuple[str, str, str], list[float]] = defaultdict(list)
        raw_years: Counter[str] = Counter()
        for b in reader.batches(progress):
            keys = zip(b[reader.i_role], b[reader.i_band], b[reader.i_country], strict=True)
            _consume(map(list.append, map(by_raw.__getitem__, keys), b.base))
            if reader.has_year:
                raw_years.update(b[reader.i_year])
        # Then interpret each distinct raw key once.
        exact: dict[_Key, list[float]] = {}
        unmapped = 0
        for (raw_title, level, country), pay in by_raw.items():
            role = reader.roles[raw_title]
            group = exact.setdefault((role, reader.bands[level], reader.countries[country]), pay)
            if group is not pay:
                group.extend(pay)
            if role is None and reader.titles[raw_title]:
                unmapped += len(pay)
        stats = reader.stats(unmapped)
        if not stats.rows_used:
            raise SurveyFormatError(f"{path}: no usable rows: {stats.summary()}")
        cells = _cells(exact, min_sample=min_sample, roles=None, countries=None)
        if not cells:
            raise SurveyFormatError(
                f"{path}: no group reaches the minimum sample of {min_sample} rows ({stats.rows_used:,} rows used)")
        # The range load_benchmarks accepts: a stray year must not make the file unloadable. Counting raw values
        # in order of first appearance keeps most_common's tie-break: the year that appears first.
        years: Counter[int] = Counter()
        for value, n in raw_years.items():
            year = reader.years[value]
            if year is not None and 1900 <= year <= 2200:
                years[year] += n
        source = _AIJOBS_SOURCE if stats.format == "ai-jobs" else {}
        title = f"{source['title']} ({stats.name})" if source else None
        text = benchmark_text(cells, stats, name=name, title=title, url=source.get("url"),
                              licence=source.get("licence"), year=years.most_common(1)[0][0] if years else None,
                              built=built)
        del cells, exact, by_raw  # freed while the collector is still paused
    return text, stats
