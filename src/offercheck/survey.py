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
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple, TypeVar

from .roles import AIJOBS_LEVELS, EXPERIENCE_BANDS, ROLES, experience_band, normalise_role

__all__ = [
    "AIJOBS_LEVELS",
    "EXPERIENCE_BANDS",
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
PERCENTILES = (10, 25, 50, 75, 90)
QUANTILE_METHOD = "linear interpolation between order statistics (Hyndman-Fan type 7, numpy 'linear')"

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

class _Memo(dict[str, _T]):
    """Per-distinct-value cache: a hit is a plain dict lookup; ``fn`` runs once per new value."""

    def __init__(self, fn: Callable[[str], _T]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, key: str) -> _T:
        value = self[key] = self.fn(key)
        return value


class _Absent(_Memo[None]):
    """Stands in for a column the file does not have: every lookup answers None, nothing is stored."""

    def __init__(self) -> None:
        super().__init__(lambda v: None)

    def __missing__(self, key: str) -> None:
        return None


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
    path = Path(path)
    data = path.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SurveyFormatError(f"{path}: not a UTF-8 text file ({exc.reason} at byte {exc.start})") from exc
    crs = text.count("\r")
    seen: set[tuple[str, ...]] | None = None
    if '"' not in text and (crs == 0 or crs == text.count("\r\n") == text.count("\n")):
        # No quoting and one kind of line ending, so one line is one record and equal lines are equal rows:
        # drop duplicates as strings before parsing, which halves the CSV work on a file like ai-jobs.
        lines = text.split("\r\n" if crs else "\n")
        blank = lines.count("")
        distinct = dict.fromkeys(lines)
        distinct.pop("", None)
        records = csv.reader(distinct)
        pre_duplicates = len(lines) - blank - len(distinct)
    else:
        records = csv.reader(io.StringIO(text, newline=""))
        pre_duplicates = 0
        seen = set()
    header = next(records, None)
    if header is None:
        raise SurveyFormatError(f"{path}: empty file, expected a CSV header row")
    fmt, cols = _columns(path, [h.strip().lower() for h in header], mapping)

    i_base = cols["base"]
    width = max(cols.values()) + 1
    # An absent optional column reads index -1 (any cell) through a memo that always answers None.
    none = _Absent()
    i_role = cols.get("role", -1)
    i_band = cols.get("experience", cols.get("years", -1))
    i_country, i_remote = cols.get("country", -1), cols.get("remote", -1)
    i_size, i_year, i_emp = cols.get("size", -1), cols.get("year", -1), cols.get("employment", -1)
    # Each column takes few distinct values: interpret each value once.
    roles = _Memo(lambda t: (t.strip(), normalise_role(t) if t.strip() else None)) if "role" in cols else None
    bands: Mapping[str, str | None] = (
        _Memo(_band) if "experience" in cols else _Memo(_years_band) if "years" in cols else none)
    countries: Mapping[str, str | None] = _Memo(lambda v: v.strip().upper() or None) if "country" in cols else none
    remotes: Mapping[str, str | None] = _Memo(lambda v: _REMOTE.get(v.strip().lower())) if "remote" in cols else none
    sizes: Mapping[str, str | None] = _Memo(lambda v: _SIZES.get(v.strip().lower())) if "size" in cols else none
    years: Mapping[str, int | None] = _Memo(_year) if "year" in cols else none
    keep_emp = frozenset(employment_types or ())
    check_emp = employment_types is not None and "employment" in cols
    check_year = min_year is not None
    first_year = min_year or 0

    bad: dict[str, int] = defaultdict(int)
    excluded: dict[str, int] = defaultdict(int)
    rows: list[SurveyRow] = []
    new_row = tuple.__new__
    processed = duplicates = unmapped = 0
    # The loop allocates one small tuple per kept row and nothing cyclic; pausing the cyclic garbage
    # collector meanwhile saves about a tenth of the read time on a large survey.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for raw in records:
            if not raw:
                continue  # a blank line is not a response
            processed += 1
            if progress is not None and processed % 10_000 == 0:
                progress(processed)
            if seen is not None:
                key = tuple(raw)
                if key in seen:
                    duplicates += 1
                    continue
                seen.add(key)
            if len(raw) < width:
                bad["missing columns"] += 1
                continue
            try:
                base = float(raw[i_base])
            except ValueError:
                base = math.nan
            if not 0 < base < math.inf:
                pay = _pay(raw[i_base])
                if isinstance(pay, str):
                    bad[pay] += 1
                    continue
                base = pay
            if check_emp and raw[i_emp] not in keep_emp and raw[i_emp].strip() not in keep_emp:
                excluded[f"employment type {raw[i_emp].strip() or '(blank)'}"] += 1
                continue
            year = years[raw[i_year]]
            if check_year and (year is None or year < first_year):
                excluded[f"year before {min_year}" if "year" in cols else "no year column"] += 1
                continue
            title, role = roles[raw[i_role]] if roles is not None else ("", None)
            if role is None and title:
                unmapped += 1
            rows.append(new_row(SurveyRow, (
                base, role, title, bands[raw[i_band]], countries[raw[i_country]], remotes[raw[i_remote]],
                sizes[raw[i_size]], year,
            )))
    finally:
        if gc_was_enabled:
            gc.enable()
    read = processed + pre_duplicates
    if progress is not None:
        progress(read)
    stats = SurveyStats(
        rows_read=read, duplicates=duplicates + pre_duplicates, bad_rows=sum(bad.values()),
        bad_reasons=dict(sorted(bad.items())), rows_used=len(rows), sha256=sha256, name=path.name,
        excluded=dict(sorted(excluded.items())), unmapped_roles=unmapped, format=fmt,
    )
    return rows, stats


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

def quantile(sorted_values: Sequence[float], p: float) -> float:
    """Type 7 quantile of already-sorted values (see the module docstring)."""
    if not sorted_values:
        raise ValueError("quantile of no values")
    h = (len(sorted_values) - 1) * p
    lo = math.floor(h)
    if lo + 1 >= len(sorted_values):
        return float(sorted_values[-1])
    return float(sorted_values[lo] + (h - lo) * (sorted_values[lo + 1] - sorted_values[lo]))


def _quantiles(raw: Sequence[float], scale: float = 1.0) -> dict[str, float]:
    """The PERCENTILES quantiles ``raw``, scaled and named."""
    # Whole currency units: finer figures would claim a precision a survey does not have.
    return {f"p{p}": round(q * scale) for p, q in zip(PERCENTILES, raw, strict=True)}


def _median(values: list[float]) -> float:
    values.sort()
    return quantile(values, 0.5)


_Key = tuple[str | None, str | None, str | None]


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
    return _relative(exact, by_band=attribute == "experience", min_sample=min_sample)


def _relative(exact: Mapping[_Key, list[float]], *, by_band: bool, min_sample: int) -> dict[str, tuple[float, int]]:
    """:func:`relative_pay` on pay grouped by (value, band, country); ``by_band`` rates the bands instead.

    Working on groups rather than rows keeps the per-row work in C (list.extend, a comprehension).
    """
    # Rows without a country (or a file without the column) form one group of their own.
    groups: dict[tuple[str | None, str | None], list[float]] = defaultdict(list)
    for (_, band, country), pay in exact.items():
        if by_band or band is not None:
            groups[(country, None if by_band else band)].extend(pay)
    ref = {k: _median(v) for k, v in groups.items() if len(v) >= min_sample}
    ratios: dict[str, list[float]] = defaultdict(list)
    for (value, band, country), pay in exact.items():
        m = ref.get((country, None if by_band else band))
        if by_band:
            value = band
        if value is not None and m:
            ratios[value].extend([x / m for x in pay])
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
    role_n: dict[str, int] = defaultdict(int)
    country_n: dict[str, int] = defaultdict(int)
    for (role, _band, country), pay in exact.items():
        pay.sort()
        if role is not None:
            role_n[role] += len(pay)
        if country is not None:
            country_n[country] += len(pay)
    # Each row counts once in its own cell and once in each broader ("all") cell above it. Broaden one key at
    # a time (role, band, country): each broader group is then a few sorted runs, which list.sort merges.
    groups: dict[_Key, list[float]] = {k: list(v) for k, v in exact.items()}
    for drop in range(3):
        widened: set[_Key] = set()
        for key, pay in list(groups.items()):
            if key[drop] is not None:
                r, b, c = key
                wide: _Key = (None, b, c) if drop == 0 else (r, None, c) if drop == 1 else (r, b, None)
                groups.setdefault(wide, []).extend(pay)
                widened.add(wide)
        for key in widened:
            groups[key].sort()
    if roles is None:
        roles = sorted(k for k, v in role_n.items() if v >= min_sample)
    if countries is None:
        countries = sorted(k for k, v in country_n.items() if v >= min_sample)
    role_rel = _relative(exact, by_band=False, min_sample=min_sample)

    @cache
    def raw(key: _Key) -> tuple[float, ...]:
        # A broad group is the fallback pool of many thin cells: compute its quantiles once.
        return tuple(quantile(groups[key], p / 100) for p in PERCENTILES)

    band_rel = _relative(exact, by_band=True, min_sample=min_sample)

    cells: list[Cell] = []
    for country in [*countries, None]:
        for role in [*roles, None]:
            for band in [*EXPERIENCE_BANDS, None]:
                cell = _cell(groups, raw, role, band, country, min_sample, role_rel, band_rel)
                if cell is not None:
                    cells.append(cell)
    return cells


def _cell(
    groups: Mapping[_Key, list[float]],
    raw: Callable[[_Key], Sequence[float]],
    role: str | None,
    band: str | None,
    country: str | None,
    min_sample: int,
    role_rel: Mapping[str, tuple[float, int]],
    band_rel: Mapping[str, tuple[float, int]],
) -> Cell | None:
    where = "all countries" if country is None else country
    method = "survey base pay, type-7 quantiles"
    own = groups.get((role, band, country), [])
    if len(own) >= min_sample:
        return Cell(role, band, country, len(own), _quantiles(raw((role, band, country))), method)
    scale, why = 1.0, []
    if role is not None:
        if role not in role_rel:
            return None
        m, n = role_rel[role]
        scale *= m
        why.append(f"x {m:.3f} role pay ratio (n={n})")
    key: _Key = (None, band, country)
    pool = groups.get(key, [])
    if len(pool) >= min_sample:
        text = f"n={len(own)} < {min_sample}: used all roles x {f'{band}y' if band else 'all bands'} x {where}"
    else:
        key = (None, None, country)
        pool = groups.get(key, [])
        if len(pool) < min_sample:
            return None
        if band is not None:
            if band not in band_rel:
                return None
            m, n = band_rel[band]
            scale *= m
            why.append(f"x {m:.3f} {band}y pay ratio (n={n})")
        text = f"n={len(own)} < {min_sample}: used all roles x all bands x {where}"
    method = f"{method}, broader cell scaled by pay ratios (see fallback)"
    return Cell(role, band, country, len(pool), _quantiles(raw(key), scale), method,
                fallback="; ".join([text, *why]))


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
        out = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
        return f'"{out}"'
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


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
    """``cells`` as a benchmark TOML file (the schema ``offercheck.market.load_benchmarks`` reads).

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
        f"# total = base x (1 + {bonus_norm}): surveys record salary only; this adds a typical bonus, no stock.",
        "",
        "[meta]",
        f"name = {toml_value(name)}",
        f"built = {toml_value(built)}",
        f"currency = {toml_value(currency)}",
        f"description = {toml_value(description or f'Base-pay distributions built from {stats.name}')}",
        f"bonus_norm = {toml_value(bonus_norm)}",
        f"total_method = {toml_value(f'total = base x (1 + {bonus_norm}); no equity')}",
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


def cell_lines(cells: Iterable[Cell], *, source_id: str, year: int, bonus_norm: float) -> list[str]:
    lines: list[str] = []
    # Thousands of cells repeat a few dozen strings: quote each once.
    text = cache(toml_value)
    for c in cells:
        lines.append("[[cells]]")
        for k in ("role", "experience", "country"):
            v = getattr(c, k)
            if v is not None:
                lines.append(f"{k} = {text(v)}")
        if c.n is not None:
            lines.append(f"n = {c.n}")
        total = {k: round(v * (1 + bonus_norm)) for k, v in c.base.items()}
        lines += [
            f"source = {text(c.source or source_id)}",
            f"year = {year}",
            f"base = {_quantile_table(c.base)}",
            f"total = {_quantile_table(total)}",
            f"method = {text(c.method)}",
        ]
        if c.fallback:
            lines.append(f"fallback = {toml_value(c.fallback)}")
        lines.append("")
    return lines


def _quantile_table(q: Mapping[str, float]) -> str:
    """``toml_value(dict(q))``, faster for the whole numbers a cell holds."""
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
    rows, stats = read_survey(path, mapping=mapping, progress=progress, employment_types=employment_types,
                              min_year=min_year)
    if not rows:
        raise SurveyFormatError(f"{path}: no usable rows: {stats.summary()}")
    cells = build_cells(rows, min_sample=min_sample)
    if not cells:
        raise SurveyFormatError(
            f"{path}: no group reaches the minimum sample of {min_sample} rows ({stats.rows_used:,} rows used)")
    # The range load_benchmarks accepts: a stray year must not make the file unloadable.
    years = Counter(r.year for r in rows if r.year is not None and 1900 <= r.year <= 2200)
    source = _AIJOBS_SOURCE if stats.format == "ai-jobs" else {}
    title = f"{source['title']} ({stats.name})" if source else None
    text = benchmark_text(cells, stats, name=name, title=title, url=source.get("url"),
                          licence=source.get("licence"), year=years.most_common(1)[0][0] if years else None,
                          built=built)
    return text, stats
