"""A survey's pay columns, a batch at a time: each amount read in its column's number convention
(:mod:`offercheck.market.survey.numbers`), each row's currency, and the sane range every amount must lie in.

* A mapped currency column must hold codes the exchange rates know (any case, spaces ignored): any other value on
  a row with usable pay refuses the file, naming the column and the value (a benchmark file in a currency
  ``compare`` cannot convert is never written); a blank one makes the row bad (``currency: missing``). The
  ai-jobs.net survey, read in its many local currencies, is lenient: a code without a rate makes its row bad
  (``currency: no exchange rate for CLP``).
* Pay, a total, a bonus or stock must lie within PAY_RANGE_USD, in US dollars a year at the row's currency (the
  offer file's bound, ``offer.models.MAX_MONEY``, taken in dollars), and pay and totals at least one unit of the
  currency: outside it a row is bad (``pay out of range``), so every cell's quantiles are whole numbers that a
  64-bit TOML integer, JSON and every table can hold. A file without a mapped currency column is in US dollars.

Each unusable row is counted under its first reason: the pay columns' format (in column order), the currency,
the range.
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

from offercheck.market.survey.fields import SurveyFormatError
from offercheck.market.survey.numbers import Conventions
from offercheck.pay.currency import load_rates, normalise_code

__all__ = ["PAY_RANGE_USD", "Memo", "PayColumns", "both"]

_T = TypeVar("_T")

PAY_RANGE_USD = (1.0, 100_000_000.0)  # a year's pay, US dollars


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

    def __init__(self, path: Path, bad: Counter[str], currency: tuple[int, str] | None, *,
                 lenient: bool = False) -> None:
        self.path, self.bad = path, bad
        # lenient: a currency no rate knows makes its row bad rather than refusing the file (a published survey
        # in many currencies, read in local currencies: one row in a currency we cannot convert is not a typo).
        self.lenient = lenient
        self.numbers = Conventions(path)
        self._parsed: dict[str, Memo[float | str]] = {}  # by label: see amounts
        self.i_currency: int | None = None if currency is None else currency[0]
        self.currency_column = "" if currency is None else currency[1]
        # A raw currency value -> US dollars per unit; "" when blank; the stripped value when no rate knows it.
        self._rates: Memo[float | str] = Memo(self._rate)
        self._table = load_rates() if currency is not None else None

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

    def checked(self, currencies: Sequence[str] | None, keep: list[bool] | None,
                columns: Sequence[tuple[list[float], str, bool]]) -> list[bool] | None:
        """The rows still kept after the currency and range checks of a batch's amounts ``columns`` (amounts,
        label, part), given the batch's raw currency values (None: no currency column)."""
        rate: float | list[float] = 1.0
        if currencies is not None:
            rate, keep = self._currency(currencies, keep)
        for amounts, label, part in columns:
            keep = self._in_range(amounts, label, part, rate, keep)
        return keep

    def _rate(self, raw: str) -> float | str:
        code = normalise_code(raw)
        assert self._table is not None
        return self._table.usd_per_unit.get(code, code)

    def _currency(self, raw: Sequence[str], keep: list[bool] | None) -> tuple[float | list[float], list[bool] | None]:
        if raw and raw.count(raw[0]) == len(raw):  # the usual batch: one currency
            one = self._rates[raw[0]]
            if type(one) is float:
                return one, keep
            rates = [one] * len(raw)
        else:
            rates = list(map(self._rates.__getitem__, raw))
        ok = list(map(float.__instancecheck__, rates))
        flagged = map(not_, ok) if keep is None else map(gt, keep, ok)
        for value, raw_value in compress(zip(rates, raw, strict=True), flagged):
            if value and not self.lenient:  # a value no rate knows, on a row with usable pay
                self._unknown(raw_value)
            self.bad[f"currency: no exchange rate for {value}" if value else "currency: missing"] += 1
        return [r if type(r) is float else 1.0 for r in rates], both(keep, ok)

    def _unknown(self, raw: str) -> None:
        assert self._table is not None
        import difflib

        codes = self._table.codes
        shown = raw.strip()
        shown = repr(shown if len(shown) <= 40 else shown[:37] + "...")
        close = difflib.get_close_matches(normalise_code(raw), codes, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]}?)" if close else ""
        raise SurveyFormatError(
            f"{self.path}: {self.currency_column}: {shown} is not a currency code{hint}: give each row's currency as "
            f"an ISO 4217 code the exchange rates know ({', '.join(codes)})")

    def _in_range(self, amounts: list[float], label: str, part: bool, rate: float | list[float],
                  keep: list[bool] | None) -> list[bool] | None:
        low_usd, high_usd = (0.0 if part else PAY_RANGE_USD[0]), PAY_RANGE_USD[1]
        floor = 0.0 if part else 1.0  # pay of at least one unit: whole-unit quantiles are never 0
        if type(rate) is float:
            low, high = max(low_usd / rate, floor), high_usd / rate
            # The usual batch is all in range: checked on the kept amounts in C, row by row only if not.
            kept = amounts if keep is None else list(compress(amounts, keep))
            if not kept or (min(kept) >= low and max(kept) <= high):
                return keep
            if keep is None:
                ok = [low <= x <= high for x in amounts]
            else:
                ok = [k and low <= x <= high for k, x in zip(keep, amounts, strict=True)]
        else:
            rates = cast(list[float], rate)
            ok = [(keep is None or keep[i]) and max(low_usd / r, floor) <= x <= high_usd / r
                  for i, (x, r) in enumerate(zip(amounts, rates, strict=True))]
        dropped = (len(amounts) if keep is None else sum(keep)) - sum(ok)
        if dropped:
            self.bad[f"{label}pay out of range (USD {low_usd:,.0f} to {high_usd:,.0f} a year)"] += dropped
        return ok
