"""Amounts as a survey writes them: the number convention of each pay column, detected from its values.

A spreadsheet writes ``82000.50`` or ``82,000.50`` (decimal point), ``82000,50``, ``82.000,50`` or ``82 000,50``
(decimal comma), ``82'000.50`` (Swiss) or ``12,34,567`` (Indian grouping). A value says which convention it uses
when it has a decimal part that cannot be a group of thousands (``82000,50``: two digits after the comma),
both marks (``82.000,50``: the last is the decimal mark), a mark used twice (``1.234.567`` groups thousands) or a
space or apostrophe (never a decimal mark). One separator followed by exactly three digits (``82.622``,
``120,000``) reads either way; a column with nothing to tell reads it as a thousands separator, as pay is never
written to a thousandth: ``82.622`` is 82,622.

Never misread: a column whose values disagree (a decimal comma in one row, a decimal point or a comma grouping
thousands in another) is refused, naming the column and both values; so is a value read as thousands in one pay
column while another column of the file uses that mark for decimals (one file is written in one convention).
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import NamedTuple

from offercheck.market.survey.fields import SurveyFormatError

__all__ = ["Column", "Conventions", "Reading", "classify"]

_SPACES = " \u00a0\u202f"  # space, no-break space, narrow no-break space
_APOSTROPHES = "'\u2019"
_NAMES = {".": "point", ",": "comma", "space": "space", "apostrophe": "apostrophe"}
_SHAPE = re.compile(r"[+-]?\d[\d.,'\u2019 \u00a0\u202f]*\d|[+-]?\d")
_AMBIGUOUS = re.compile(r"[+-]?\d{1,3}[.,]\d{3}")
_INDIAN = re.compile(r"\d{1,2}(?:,\d{2})*,\d{3}")
_NOT_DECIMAL = _SPACES + _APOSTROPHES + ","


class Reading(NamedTuple):
    """What one value says. ``value`` reads its one mark as a thousands separator when ``ambiguous`` is that mark;
    ``alternative`` is then the value with it as the decimal mark."""

    value: float
    decimal: str | None = None  # the decimal mark it shows: "." or ","
    thousands: str | None = None  # what groups its thousands: ".", ",", "space" or "apostrophe"
    ambiguous: str | None = None
    alternative: float = math.nan


def _kind(c: str) -> str:
    return "space" if c in _SPACES else "apostrophe" if c in _APOSTROPHES else c


def _digits(part: str) -> tuple[str, str | None] | None:
    """The digits of an integer part, and what groups them (None: nothing); None if the grouping is invalid."""
    if part.isdecimal():
        return part, None
    kinds = {_kind(c) for c in part if not c.isdecimal()}
    if len(kinds) != 1:
        return None
    kind = kinds.pop()
    groups = re.split(r"\D", part)
    western = 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    if not (western or (kind == "," and _INDIAN.fullmatch(part))):
        return None
    return "".join(groups), kind


def classify(s: str) -> Reading | None:
    """What the stripped, non-blank value ``s`` says (see the module docstring); None if it is not a number."""
    if s.count(".") <= 1 and not any(c in _NOT_DECIMAL for c in s):
        # No separator, or one point: what float reads (also 1e5, 1_000), but for an ambiguous 80.622.
        if _AMBIGUOUS.fullmatch(s):
            return Reading(float(s.replace(".", "")), ambiguous=".", alternative=float(s))
        try:
            return Reading(float(s), "." if "." in s else None)
        except ValueError:
            return None
    if not _SHAPE.fullmatch(s):
        return None
    sign = s[0] if s[0] in "+-" else ""
    body = s[len(sign):]
    last = max(body.rfind("."), body.rfind(","))
    mark = body[last] if last >= 0 else None
    if mark is not None and body.count(mark) == 1:
        whole, fraction = body[:last], body[last + 1:]
        if len(fraction) == 3 and fraction.isdecimal() and 1 <= len(whole) <= 3 and whole.isdecimal():
            return Reading(float(sign + whole + fraction), ambiguous=mark,
                           alternative=float(f"{sign}{whole}.{fraction}"))
        # Else the mark is a decimal one: the fraction is not a group of three, or the whole part is not a group of
        # at most three digits (82000,622; 1.234,567; 1 234,567).
        grouped = _digits(whole)
        if grouped is None or not fraction.isdecimal():
            return None
        return Reading(float(f"{sign}{grouped[0]}.{fraction}"), mark, grouped[1])
    grouped = _digits(body)  # no decimal part: every separator groups thousands
    if grouped is None:
        return None
    return Reading(float(sign + grouped[0]), None, grouped[1])


def _shown(value: str) -> str:
    return repr(value if len(value) <= 40 else value[:37] + "...")


class Conventions:
    """The number conventions of one file's pay columns, learnt as their values are read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.columns: dict[str, Column] = {}
        self.decimals: dict[str, tuple[Column, str]] = {}  # a decimal mark -> the first column using it, a value
        self.grouped: dict[str, tuple[Column, str]] = {}  # an ambiguous mark read as thousands -> column, value

    def column(self, name: str) -> Column:
        """The convention of the column headed ``name`` (one per column, however many keys map to it)."""
        if name not in self.columns:
            self.columns[name] = Column(self, name)
        return self.columns[name]


class Column:
    """One pay column's convention: its decimal mark once a value shows it, and the marks seen grouping thousands.

    :meth:`pay` and :meth:`part_pay` read a value, or say why it is unusable; they raise SurveyFormatError when
    the value contradicts what the column (or, for an ambiguous value, the file) has shown."""

    def __init__(self, conventions: Conventions, name: str) -> None:
        self.file, self.name = conventions, name
        self.decimal: tuple[str, str] | None = None  # the decimal mark and the first value that showed it
        self.thousands: dict[str, str] = {}  # a mark grouping thousands -> the first value using it so

    @property
    def decimal_point(self) -> bool:
        """The column is known to use a decimal point: float reads it right."""
        return self.decimal is not None and self.decimal[0] == "."

    def pay(self, value: str) -> float | str:
        """Pay as a float, or the reason it is unusable."""
        s = value.strip()
        if not s:
            return "missing pay"
        amount = self.read(s)
        if isinstance(amount, str):
            return amount
        return amount if 0 < amount < math.inf else "pay not a positive number"

    def part_pay(self, value: str) -> float | str:
        """A bonus or stock amount: blank is none (0), else as :meth:`pay` but zero allowed."""
        s = value.strip()
        if not s:
            return 0.0
        amount = self.read(s)
        if isinstance(amount, str):
            return amount
        return amount if 0 <= amount < math.inf else "pay not a positive number"

    def read(self, s: str) -> float | str:
        r = classify(s)
        if r is None:
            return "non-numeric pay"
        if r.ambiguous is not None:
            mark = r.ambiguous
            if self.decimal is not None:
                return r.alternative if self.decimal[0] == mark else r.value
            if mark in self.file.decimals:
                column, example = self.file.decimals[mark]
                self._refuse(s, f"could be {r.value:,.0f} or {r.alternative:,.3f} and this column has no decimals "
                                f"to tell which, but {column.name} uses a decimal {_NAMES[mark]} ({_shown(example)})")
            self.thousands.setdefault(mark, s)
            self.file.grouped.setdefault(mark, (self, s))
            return r.value
        if r.decimal is not None:
            self._decimal(r.decimal, s)
        if r.thousands is not None:
            self._thousands(r.thousands, s)
        return r.value

    def _decimal(self, mark: str, s: str) -> None:
        if self.decimal is not None:
            if self.decimal[0] != mark:
                self._refuse(s, f"has a decimal {_NAMES[mark]} but {_shown(self.decimal[1])} a decimal "
                                f"{_NAMES[self.decimal[0]]}")
            return
        if mark in self.thousands:
            self._refuse(s, f"has a decimal {_NAMES[mark]} but {_shown(self.thousands[mark])} was read with the "
                            f"{_NAMES[mark]} grouping thousands")
        if mark in self.file.grouped:
            column, example = self.file.grouped[mark]
            self._refuse(s, f"has a decimal {_NAMES[mark]} but {column.name} has {_shown(example)}, read with the "
                            f"{_NAMES[mark]} grouping thousands")
        self.decimal = (mark, s)
        self.file.decimals.setdefault(mark, (self, s))

    def _thousands(self, kind: str, s: str) -> None:
        if self.decimal is not None and self.decimal[0] == kind:
            self._refuse(s, f"has the {_NAMES[kind]} grouping thousands but {_shown(self.decimal[1])} a decimal "
                            f"{_NAMES[kind]}")
        self.thousands.setdefault(kind, s)

    def _refuse(self, s: str, why: str) -> None:
        raise SurveyFormatError(
            f"{self.file.path}: {self.name}: cannot tell how the amounts are written: {_shown(s)} {why}; write every "
            "amount in one convention (e.g. 82000.50, 82,000.50 or 82.000,50)")
