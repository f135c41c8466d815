"""Dated exchange-rate table and currency conversion.

Rates are stored as USD per unit of each currency (USD is the pivot), so any cross rate is one division
and every conversion in a run uses the same dated snapshot, which the output prints.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from offercheck.errors import UnknownCurrency

# A version check rather than try/except: mypy (run for 3.10) understands it and checks the tomli branch.
if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

__all__ = ["RateTable", "UnknownCurrency", "load_rates", "normalise_code"]


def normalise_code(code: str) -> str:
    """A currency code as rate lookups and every output use it: ``" gbp "`` is ``"GBP"``."""
    return code.strip().upper()


_norm = normalise_code


@dataclass(frozen=True)
class RateTable:
    """USD-per-unit rates for one reference date."""

    date: dt.date
    source: str
    # Excluded from the hash: a mapping is not hashable, and date+source identify a snapshot.
    usd_per_unit: Mapping[str, float] = field(hash=False)

    def __post_init__(self) -> None:
        # Normalise and freeze so a shared (cached) table cannot be mutated by one caller.
        rates = {_norm(k): float(v) for k, v in self.usd_per_unit.items()}
        for code, value in rates.items():
            if not (math.isfinite(value) and value > 0):
                raise ValueError(f"rate for {code} must be a positive finite number, got {value!r}")
        object.__setattr__(self, "usd_per_unit", MappingProxyType(rates))

    def __deepcopy__(self, memo: dict[int, object]) -> RateTable:
        # A mapping proxy cannot be deep-copied; a new table over a copy of the rates is the same thing.
        return RateTable(self.date, self.source, dict(self.usd_per_unit))

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(sorted(self.usd_per_unit))

    def _usd(self, code: str) -> float:
        try:
            return self.usd_per_unit[_norm(code)]
        except KeyError:
            raise UnknownCurrency(code, self.codes) from None

    def rate(self, from_ccy: str, to_ccy: str) -> float:
        """Units of `to_ccy` that one unit of `from_ccy` buys."""
        src, dst = self._usd(from_ccy), self._usd(to_ccy)
        if _norm(from_ccy) == _norm(to_ccy):
            return 1.0  # exact, no rounding noise for the common same-currency case
        return src / dst

    def convert(self, amount: float, from_ccy: str, to_ccy: str) -> float:
        return amount * self.rate(from_ccy, to_ccy)


def _parse(data: Mapping[str, Any], origin: str) -> RateTable:
    def bad(fieldname: str, why: str) -> ValueError:
        return ValueError(f"{origin}: {fieldname}: {why}")

    date = data.get("date")
    # datetime is a subclass of date; a timestamp would mean the file was written wrongly.
    if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
        raise bad("date", "must be a TOML date (YYYY-MM-DD)")
    source = data.get("source")
    if not isinstance(source, str) or not source.strip():
        raise bad("source", "must be a non-empty string")
    if data.get("base", "USD") != "USD":
        raise bad("base", "only USD is supported")
    table = data.get("usd_per_unit")
    if not isinstance(table, dict) or not table:
        raise bad("usd_per_unit", "must be a non-empty table")
    rates: dict[str, float] = {}
    for code, value in table.items():
        # bool is an int subclass; reject it so `USD = true` is not read as 1.0.
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise bad(f"usd_per_unit.{code}", "must be a number")
        if not (math.isfinite(value) and value > 0):
            raise bad(f"usd_per_unit.{code}", "must be a positive finite number")
        rates[_norm(code)] = float(value)
    if rates.get("USD") != 1.0:
        raise bad("usd_per_unit.USD", "must be 1.0 (USD is the base)")
    return RateTable(date=date, source=source, usd_per_unit=rates)


def _read(path: Path) -> RateTable:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: not valid TOML: {exc}") from None
    return _parse(data, str(path))


@functools.cache
def _default_rates() -> RateTable:
    from offercheck.datafiles import packaged_toml  # read once, shared with the offer files' currency check

    return _parse(packaged_toml("rates.toml"), "offercheck/data/rates.toml")


def load_rates(path: Path | None = None) -> RateTable:
    """Load a rate table; with no path, the packaged one (read once, then cached)."""
    if path is None:
        return _default_rates()
    return _read(Path(path))
