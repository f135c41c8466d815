"""A survey's pay columns, a batch at a time: each amount read in its column's number convention
(:mod:`offercheck.market.survey.numbers`). Each unusable row is counted under its first reason, the pay columns'
format in column order.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from itertools import compress
from operator import and_, gt, not_
from pathlib import Path
from typing import TypeVar, cast

from offercheck.market.survey.numbers import Conventions

__all__ = ["Memo", "PayColumns", "both"]

_T = TypeVar("_T")


class Memo(dict[str, _T]):
    """Per-distinct-value cache: a hit is a plain dict lookup; ``fn`` runs once per new value."""

    def __init__(self, fn: Callable[[str], _T]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, key: str) -> _T:
        value = self[key] = self.fn(key)
        return value


def both(keep: list[bool] | None, ok: list[bool] | None) -> list[bool] | None:
    """Rows kept by both masks (None: every row)."""
    return ok if keep is None else keep if ok is None else list(map(and_, keep, ok))


class PayColumns:
    """The amounts of a survey's pay columns and the checks on them; bad rows are counted in ``bad``."""

    def __init__(self, path: Path, bad: Counter[str]) -> None:
        self.path, self.bad = path, bad
        self.numbers = Conventions(path)
        self._parsed: dict[str, Memo[float | str]] = {}  # by label: see amounts

    def amounts(self, values: Sequence[str], column: str, label: str, keep: list[bool] | None = None, *,
                part: bool = False) -> tuple[list[float], list[bool] | None]:
        """Amounts as floats (a bad one left in place, as its reason) and which are usable (None: all). A bad
        value is counted only on rows still kept (``keep``), so each row is counted under its first reason.
        ``column`` is the header (its number convention), ``label`` prefixes the reasons ("total: ");
        ``part``: a bonus or stock amount (blank is 0)."""
        numbers = self.numbers.column(column)
        with suppress(ValueError):
            amounts = list(map(float, values))
            # Checked on the whole column: a NaN or an infinity makes the sum NaN or infinite. float reads a
            # point as a decimal point: right only where the column is known to use one (80.622 is 80,622).
            if (min(amounts, default=1) > 0 and sum(amounts) < math.inf
                    and (numbers.decimal_point or "." not in "".join(values))):
                return amounts, None
        # A bad value sends its batch here: each distinct value parsed once (memo bounded), bad ones counted in C.
        if len(memo := self._parsed.setdefault(label, Memo(numbers.part_pay if part else numbers.pay))) > 100_000:
            memo.clear()
        parsed = list(map(memo.__getitem__, values))
        ok = list(map(float.__instancecheck__, parsed))
        reasons = cast(Iterable[str], compress(parsed, map(not_, ok) if keep is None else map(gt, keep, ok)))
        self.bad.update(map(label.__add__, reasons))
        return cast(list[float], parsed), ok
