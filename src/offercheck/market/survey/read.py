"""Reading a salary survey CSV: the delimiter (comma, semicolon or tab), the header and its mapping (see
:mod:`offercheck.market.survey.fields`), then the usable rows, read a batch at a time, column-wise. Exact duplicate
rows are dropped (the ai-jobs file repeats about half its rows verbatim), unless kept on request. Rows whose pay is
missing, not a number (in the column's number convention), not positive or out of range, or in no known currency,
or that have too few columns, are counted by reason and never used (see :mod:`offercheck.market.survey.amounts`).
The file is read with :func:`offercheck.datafiles.read_input`: a regular file of at most 512 MiB.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import threading
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from itertools import compress, islice, repeat
from operator import and_, gt, not_
from pathlib import Path
from typing import TypeVar

from offercheck.datafiles import read_input
from offercheck.market.survey import fields as f
from offercheck.market.survey.amounts import Memo as _Memo
from offercheck.market.survey.amounts import PayColumns
from offercheck.market.survey.amounts import both as _and
from offercheck.market.survey.batch import Batch, Columns, Strided, consume, gc_paused
from offercheck.market.survey.fields import SurveyFormatError, SurveyRow, SurveyStats
from offercheck.offer.roles import normalise_role

__all__ = ["Reader", "SurveyFormatError", "SurveyRow", "SurveyStats", "consume", "gc_paused", "read_survey"]

_T = TypeVar("_T")


# Rows are interpreted a batch at a time, column-wise (C-level map/zip/compress over each column) instead of
# one Python iteration per row. A small batch stays in the CPU cache: 1,000 rows is about 10% faster than
# 10,000 and 30% faster than 40,000. Progress is reported every _PROGRESS rows, a multiple.
_BATCH = 1_000
_PROGRESS = 10_000


class _Const(_Memo[_T]):
    """Stands in for a column the file does not have: every lookup answers ``value``, nothing is stored."""

    def __init__(self, value: _T) -> None:
        super().__init__(lambda v: value)
        self.value = value

    def __missing__(self, key: str) -> _T:
        return self.value


class Reader:
    """A survey file read once: its header and column interpreters, then the usable rows in batches.

    :func:`read_survey` turns the batches into rows; :func:`build_benchmarks` groups them straight into
    cells, without a row object per response. Either way every row is accounted for in :meth:`stats`.
    """

    def __init__(self, path: Path, mapping: Mapping[str, str] | None,
                 employment_types: Collection[str] | None, min_year: int | None, *,
                 keep_duplicates: bool = False) -> None:
        self.path = path = Path(path)
        data = read_input(path, "survey CSV")  # a regular file of at most 512 MiB (datafiles.INPUT_LIMITS)
        # hashlib lets go of the GIL on a large buffer: the digest is computed in a thread while the text is decoded
        # and deduplicated (a tenth of the reading; see sha256).
        self._digest = hashlib.sha256()
        self._hashing = threading.Thread(target=self._digest.update, args=(data,))
        self._hashing.start()
        self._data = data
        self.processed = self.duplicates = self.pre_duplicates = self.used = 0
        self.keep_duplicates = keep_duplicates
        self.kept_duplicates = 0  # with keep_duplicates: rows equal to an earlier row, used as any other
        header: list[str] | None
        distinct: dict[bytes, None] | None = None
        body = data.removeprefix(codecs.BOM_UTF8)
        if b'"' not in body and b"\0" not in body:
            crlf = b"\r" in body
            lines = body.split(b"\r\n" if crlf else b"\n")
            distinct = dict.fromkeys(lines)
            if crlf:
                # A CR or LF left inside a line means mixed line endings. Equal lines are equal rows, so checking
                # the distinct lines is enough.
                joined = b"".join(distinct)
                if b"\r" in joined or b"\n" in joined:
                    distinct = None
        if distinct is not None:
            # No quoting, one kind of line ending and no NUL (which csv rejects before Python 3.11): one line is
            # one record, its fields are line.split(delimiter), and equal lines are equal rows. Drop duplicate
            # lines before splitting, which halves the work on a file like ai-jobs: as bytes, each batch decoded
            # (and so checked) as it is split; UTF-8 never has a "\n" or delimiter byte inside a character.
            blank = lines.count(b"")
            distinct.pop(b"", None)
            self._lines: Iterator[bytes] | None
            if keep_duplicates:
                self.kept_duplicates = len(lines) - blank - len(distinct)
                self._lines = filter(None, lines)
            else:
                self.pre_duplicates = len(lines) - blank - len(distinct)
                self._lines = iter(distinct)
            first = self._text(next(self._lines, b"")) or None
            self.delim = f.delimiter(first or "")
            header = None if first is None else first.split(self.delim)
        else:
            self._lines = None
            text = self._text(data, "utf-8-sig")
            # Blank lines before the header are skipped, as the unquoted path skips them.
            start = len(text) - len(text.lstrip("\r\n"))
            end = text.find("\n", start)
            self.delim = f.delimiter(text[start:None if end < 0 else end])
            self._records = csv.reader(io.StringIO(text, newline=""), delimiter=self.delim)
            header = next(filter(None, self._records), None)
        if header is None:
            raise SurveyFormatError(f"{path}: empty file, expected a CSV header row")
        self.format, cols = f.columns(path, [h.strip().lower() for h in header], mapping)
        self.columns = {k: header[i].strip() for k, i in cols.items()}
        self.width = max(cols.values()) + 1
        self._interpreters(cols)
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
        self.currencies: set[str] = set()  # distinct raw values of the used rows, when the file has a currency column
        # ai-jobs with salary and salary_currency: each row in its own currency, kept only where that is its
        # residence country's (fields.LOCAL_CURRENCY); cells then carry their country's currency.
        self.local = self.format == "ai-jobs" and "currency" in cols
        self.pay = PayColumns(path, self.bad, (cols["currency"], self.columns["currency"]) if "currency" in cols
                              else None, lenient=self.local)
        self.other_currency: Counter[str] = Counter()  # rows left out for their currency, by country code
        self.local_ok: Mapping[str, bool] = _Memo(self._is_local)

    def _interpreters(self, cols: dict[str, int]) -> None:
        """Column numbers (None: not in the file) and, for each column, a memo reading its values: each column
        takes few distinct values, so each value is interpreted once."""
        # The pay column every row needs: base, else total (then base and total are the same figures).
        self.pay_key = "base" if "base" in cols else "total"
        self.i_base = cols[self.pay_key]
        self.i_total = cols.get("total") if "base" in cols else None
        self.i_bonus, self.i_stock = cols.get("bonus"), cols.get("stock")
        self.has_total = "total" in cols or "stock" in cols
        self.i_role = cols.get("role")
        self.i_band = cols.get("experience", cols.get("years"))
        self.i_country, self.i_remote = cols.get("country"), cols.get("remote")
        self.i_city, self.i_state = cols.get("location", cols.get("city")), cols.get("state")
        self.i_size, self.i_year = cols.get("size"), cols.get("year")
        self.i_emp = cols.get("employment")
        self.i_currency = cols.get("currency", cols.get("currency?"))
        has_role, self.has_year = "role" in cols, "year" in cols
        self.titles: Mapping[str, str] = _Memo(str.strip) if has_role else _Const("")
        self.roles: Mapping[str, str | None] = (
            _Memo(lambda t: normalise_role(t) if t.strip() else None) if has_role else _Const(None))
        self.bands: Mapping[str, str | None] = (
            _Memo(f.band) if "experience" in cols else _Memo(f.years_band) if "years" in cols else _Const(None))
        self.countries: Mapping[str, str | None] = (
            _Memo(lambda v: f.country_code(v) or v.strip().upper() or None) if "country" in cols else _Const(None))
        self.remotes: Mapping[str, str | None] = (
            _Memo(lambda v: f.REMOTE.get(v.strip().lower())) if "remote" in cols else _Const(None))
        self.sizes: Mapping[str, str | None] = (
            _Memo(lambda v: f.SIZES.get(v.strip().lower())) if "size" in cols else _Const(None))
        self.years: Mapping[str, int | None] = _Memo(f.year) if "year" in cols else _Const(None)

    def _is_local(self, pair: str) -> bool:
        """Whether a "country\tcurrency" pair of raw values is a row paid in its residence country's currency."""
        country, currency = pair.split("\t")
        code = self.countries[country]
        return code is not None and f.local_currency(code) == currency.strip().upper()

    def _text(self, raw: bytes, encoding: str = "utf-8") -> str:
        """``raw`` (the file or a part of it) decoded; bad UTF-8 is reported where it is in the file."""
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            try:
                self._data.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise SurveyFormatError(
                    f"{self.path}: not a UTF-8 text file ({exc.reason} at byte {exc.start})") from exc
            raise

    @property
    def sha256(self) -> str:
        """The file's SHA-256, hex."""
        self._hashing.join()
        return self._digest.hexdigest()

    def place(self, city: str, state: str, country: str) -> tuple[str | None, str | None]:
        """(city, country code) of a row's raw city or location, state and country values."""
        return f.location(city, state, country) if city.strip() else (None, self.countries[country])

    def batches(self, progress: Callable[[int], None] | None) -> Iterator[Batch]:
        """The usable rows, a batch at a time; ``progress`` as described in :func:`read_survey`."""
        for cols in self._distinct(progress):
            if cols is not None:
                yield self._usable(cols)
        if progress is not None:
            progress(self.rows_read)

    @property
    def rows_read(self) -> int:
        return self.processed + self.pre_duplicates

    def _distinct(self, progress: Callable[[int], None] | None) -> Iterator[Columns | None]:
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
                d, db = self.delim, self.delim.encode()
                fields = self._text((db + b"\n" + db).join(lines)).split(d)
                stride = lines[0].count(db) + 2  # fields per line, plus the "\n"
                if (stride > self.width and len(fields) == len(lines) * stride - 1
                        and fields[stride - 1::stride].count("\n") == len(lines) - 1):
                    yield Strided(fields, stride)
                else:
                    yield self._full_rows(list(map(str.split, map(self._text, lines), repeat(d))))
            return
        seen: set[tuple[str, ...]] = set()
        batch: list[list[str]] = []
        for raw in self._records:
            if not raw:
                continue  # a blank line is not a response
            self.processed += 1
            key = tuple(raw)
            if key not in seen:
                seen.add(key)
                batch.append(raw)
            elif self.keep_duplicates:
                self.kept_duplicates += 1
                batch.append(raw)
            else:
                self.duplicates += 1
            if self.processed % _BATCH == 0:
                if progress is not None and self.processed % _PROGRESS == 0:
                    progress(self.processed)
                yield self._full_rows(batch)
                batch = []
        yield self._full_rows(batch)

    def _full_rows(self, rows: list[list[str]]) -> Columns | None:
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

    def _usable(self, cols: Columns) -> Batch:
        """The usable rows of a batch, checked column by column; each unusable row is counted under its first
        reason: missing columns (done by then), pay (bad: its format, currency and range, see PayColumns),
        employment type, year (excluded)."""
        pay, name = self.pay, self.columns
        base, keep = pay.amounts(cols[self.i_base], name[self.pay_key], "")
        checked = [(base, "", False)]
        total = base if self.has_total else None
        if self.i_total is not None:
            total, ok = pay.amounts(cols[self.i_total], name["total"], "total: ", keep)
            keep = _and(keep, ok)
            checked.append((total, "total: ", False))
        elif self.i_stock is not None:
            stock, ok = pay.amounts(cols[self.i_stock], name["stock"], "stock: ", keep, part=True)
            keep = _and(keep, ok)
            bonus, ok = ([0.0] * len(base), None) if self.i_bonus is None else pay.amounts(
                cols[self.i_bonus], name["bonus"], "bonus: ", keep, part=True)
            keep = _and(keep, ok)
            checked += [(stock, "stock: ", True), (bonus, "bonus: ", True)]
        keep = pay.checked(None if pay.i_currency is None else cols[pay.i_currency], keep, checked)
        if self.i_total is None and self.i_stock is not None:
            total = [b + x + y if type(b) is type(x) is type(y) is float else 0.0  # a bad row, dropped below
                     for b, x, y in zip(base, bonus, stock, strict=True)]
        if self.check_emp and self.i_emp is not None:
            keep, dropped = self._narrow(keep, cols[self.i_emp], self.emp_ok)
            self.excluded_emp.update(compress(cols[self.i_emp], dropped))
        if self.check_year:
            keep, dropped = self._narrow(keep, [""] * len(base) if self.i_year is None else cols[self.i_year],
                                         self.year_ok)
            self.excluded_year += sum(dropped)
        if self.local and self.i_country is not None and self.i_currency is not None:
            countries = cols[self.i_country]
            pairs = list(map("\t".join, zip(countries, cols[self.i_currency], strict=True)))
            keep, dropped = self._narrow(keep, pairs, self.local_ok)
            self.other_currency.update(map(self._country_key, compress(countries, dropped)))
        usable = Batch(base if keep is None else list(compress(base, keep)),
                        None if total is None else total if keep is None or total is base
                        else list(compress(total, keep)), cols, keep)
        if total is base:
            usable.total = usable.base
        if self.i_currency is not None:
            self.currencies.update(usable[self.i_currency])
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

    def _country_key(self, raw: str) -> str:
        return self.countries[raw] or raw.strip() or "(blank)"

    def currency(self) -> str | None:
        """The one currency of the used rows' currency column (None: no such column, or an ai-jobs survey read in
        each country's own); mixed ones are an error."""
        if self.i_currency is None or self.local:
            return None
        values = sorted({v.strip().upper() for v in self.currencies} - {""})
        column = self.columns.get("currency", self.columns.get("currency?"))
        if len(values) > 1:
            raise SurveyFormatError(
                f"{self.path}: {column}: mixed currencies ({', '.join(values[:6])}): pay in different currencies "
                "cannot share a distribution; split the file by currency (or use a column converted to one)")
        if "currency" not in self.columns:
            return None  # an unmapped column with one value: fine, but the caller decides the currency
        return values[0] if values else None

    def stats(self, unmapped_roles: int) -> SurveyStats:
        """What happened to every row, once the batches are read; ``unmapped_roles`` is counted by the caller."""
        excluded: Counter[str] = Counter()
        for value, n in self.excluded_emp.items():
            excluded[f"employment type {value.strip() or '(blank)'}"] += n
        if self.excluded_year:
            excluded[self.year_reason] += self.excluded_year
        if self.other_currency:
            excluded[f.LOCAL_CURRENCY] += sum(self.other_currency.values())
        return SurveyStats(
            rows_read=self.rows_read, duplicates=self.duplicates + self.pre_duplicates,
            bad_rows=sum(self.bad.values()), bad_reasons=dict(sorted(self.bad.items())), rows_used=self.used,
            sha256=self.sha256, name=self.path.name, excluded=dict(sorted(excluded.items())),
            unmapped_roles=unmapped_roles, format=self.format,
            kept_duplicates=self.kept_duplicates if self.keep_duplicates else None,
            other_currency=dict(sorted(self.other_currency.items())),
        )


def read_survey(
    path: Path,
    *,
    mapping: Mapping[str, str] | None = None,
    progress: Callable[[int], None] | None = None,
    employment_types: Collection[str] | None = ("FT",),
    min_year: int | None = None,
    keep_duplicates: bool = False,
) -> tuple[list[SurveyRow], SurveyStats]:
    """Read a survey CSV; return the usable rows and what happened to the others.

    ``mapping`` is needed for a non-ai-jobs file (see the module docstring). ``employment_types`` keeps only
    those employment types when the file has that column (default full-time only; None keeps all);
    ``min_year`` drops rows older than that year (and rows without a year) when the file has a year column.
    Exact duplicate rows are dropped unless ``keep_duplicates`` (identical responses that are really distinct).
    ``progress`` is called with the number of distinct rows processed so far every 10,000 rows, and with
    ``rows_read`` at the end.
    """
    reader = Reader(path, mapping, employment_types, min_year, keep_duplicates=keep_duplicates)
    rows: list[SurveyRow] = []
    places: dict[tuple[str, str, str], tuple[str | None, str | None]] = {}
    with gc_paused():
        for b in reader.batches(progress):
            role = b[reader.i_role]
            where = [places.get(k) or places.setdefault(k, reader.place(*k))
                     for k in zip(b[reader.i_city], b[reader.i_state], b[reader.i_country], strict=True)]
            columns = zip(b.base, map(reader.roles.__getitem__, role), map(reader.titles.__getitem__, role),
                          map(reader.bands.__getitem__, b[reader.i_band]), (w[1] for w in where),
                          map(reader.remotes.__getitem__, b[reader.i_remote]),
                          map(reader.sizes.__getitem__, b[reader.i_size]),
                          map(reader.years.__getitem__, b[reader.i_year]),
                          b.total or repeat(None, len(b.base)), (w[0] for w in where), strict=True)
            rows += map(tuple.__new__, repeat(SurveyRow), columns)  # SurveyRow(*values) without a Python call
    reader.currency()
    return rows, reader.stats(sum(1 for r in rows if r.role is None and r.title))
