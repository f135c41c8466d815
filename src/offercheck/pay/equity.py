"""Private-company equity valued two ways: paper and risk (DESIGN.md section 5, issue 17).

**Paper** is today's intrinsic value at the growth scenario (comp.py computes it per year). **Risk** is
paper x liquidity_probability x (1 - dilution/100)^rounds_to_exit: the chance the shares ever become sellable
times the ownership left after the funding rounds before an exit. Every explanation prints the numbers it used so
a reader can redo them by hand. Defaults come from ``data/equity_defaults.toml`` with their published sources;
no published study supports a default liquidity probability, so without the user's number the risk view shows
the paper value and says so.

Pure functions on frozen dataclasses; the packaged defaults are read through ``offercheck.datafiles``. Income
timing for tax (options at exercise, double-trigger RSUs at liquidity) is in :mod:`.equity_timing`, validation
of the offer-file keys in :mod:`offercheck.offer.equity_checks`; what only some runs compute (exit scenarios,
exercising on leaving, both views year by year, companies' published exercise windows) in :mod:`.equity_cases`.
"""

from __future__ import annotations

import dataclasses
import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10: the declared backport
    import tomli as tomllib

__all__ = [
    "TERM_KEYS", "VIEWS", "Default", "Defaults", "PrivateTerms", "Provenance", "ResolvedTerms", "RiskFactor", "View",
    "exercise_cost", "load_defaults", "money", "preferred_price_note", "risk_factor",
]

View = Literal["paper", "risk"]
VIEWS: tuple[View, ...] = ("paper", "risk")
Origin = Literal["user", "default", "missing"]
Value = float | int | bool | None

# The PrivateTerms fields that take a default (exit prices and the years never do: they are the user's plans).
TERM_KEYS: tuple[str, ...] = (
    "liquidity_probability", "dilution_percent_per_round", "rounds_to_exit", "preferred_price",
    "exercise_window_days", "double_trigger",
)


def money(x: float) -> str:
    """``x`` with thousands separators and cents only when there are any: 14305.5 -> '14,305.50'."""
    text = f"{x:,.2f}"
    return text[:-3] if text.endswith(".00") else text


def _num(x: float) -> str:
    """A factor as a reader would write it: 0.85**2 prints as 0.7225, not 0.7224999999999999."""
    return f"{x:.6g}"


@dataclass(frozen=True)
class Default:
    """One default and where it comes from (``value`` None: nothing published supports a default)."""

    key: str
    value: Value
    source: str  # "publisher, title (date): figure; url", or why there is no default
    evidence: str  # "published" | "weak" | "none"
    cite: str = ""  # "publisher (date)": short enough for an explanation line


@dataclass(frozen=True)
class Defaults:
    """The defaults of the private-equity keys, by key."""

    by_key: Mapping[str, Default]

    def get(self, key: str) -> Default:
        return self.by_key.get(key) or Default(key, None, "", "none")


def _default(key: str, table: Mapping[str, Any]) -> Default:
    if "value" not in table:
        return Default(key, None, str(table.get("why_no_default", "no published source")).strip(), "none")
    source = (f"{table['publisher']}, {table['title']} ({table['date']}): {table['figure']}; {table['url']}")
    evidence = str(table["evidence"])
    cite = f"{table['publisher']} ({table['date']}{', weak evidence' if evidence == 'weak' else ''})"
    return Default(key, table["value"], source, evidence, cite)


def _parse_defaults(data: Mapping[str, Any]) -> Defaults:
    tables: Mapping[str, Mapping[str, Any]] = data.get("defaults", {})
    return Defaults({k: _default(k, t) for k, t in tables.items()})


def _packaged() -> Mapping[str, Any]:
    # Parsed once per run and cached as JSON across runs (``datafiles``), like every packaged table: the TOML
    # parser alone took about a millisecond of each run with a private grant.
    from offercheck.datafiles import packaged_toml

    return packaged_toml("equity_defaults.toml")


def _read(path: Path | None) -> Mapping[str, Any]:
    if path is None:
        return _packaged()
    with path.open("rb") as f:
        return tomllib.load(f)


def load_defaults(path: Path | None = None) -> Defaults:
    """The defaults in ``path`` (a TOML file shaped like ``data/equity_defaults.toml``), else the packaged ones."""
    return _parse_defaults(_read(path))


@dataclass(frozen=True)
class Provenance:
    """Where a resolved value came from: the user, a default (``source`` cites it), or nowhere yet."""

    origin: Origin
    source: str = ""  # the default's full citation (publisher, title, date, figure, url)
    cite: str = ""  # the default's short citation, for explanations


@dataclass(frozen=True)
class PrivateTerms:
    """The private-equity keys of ``[equity]`` as the user gave them (None: not given)."""

    liquidity_probability: float | None = None  # 0-1
    dilution_percent_per_round: float | None = None  # 0-90
    rounds_to_exit: int | None = None  # 0-10
    preferred_price: float | None = None  # reported, never the common's value
    exercise_window_days: int | None = None  # 0-3650
    double_trigger: bool | None = None
    exit_prices: tuple[float, ...] = ()  # per share of today's fully diluted count
    exercise_year: int | None = None  # year of the offer (1-based) options are exercised; None: liquidity_year
    liquidity_year: int | None = None  # year of the offer of the sale or listing; None: not within sight

    def resolved(self, defaults: Defaults | None = None) -> ResolvedTerms:
        """These terms with every missing value that has a published default filled in, and where each came from."""
        defaults = defaults if defaults is not None else load_defaults()
        filled: dict[str, Any] = {}  # each value has its field's type: the user's, or the data file's
        provenance: dict[str, Provenance] = {}
        for key in TERM_KEYS:
            given: Value = getattr(self, key)
            if given is not None:
                filled[key], provenance[key] = given, Provenance("user")
                continue
            d = defaults.get(key)
            filled[key] = d.value
            provenance[key] = Provenance("missing" if d.value is None else "default", d.source, d.cite)
        return ResolvedTerms(dataclasses.replace(self, **filled), dict(provenance))


@dataclass(frozen=True)
class ResolvedTerms:
    """Terms after defaults: ``values`` holds what is used, ``provenance`` where each of TERM_KEYS came from."""

    values: PrivateTerms
    provenance: Mapping[str, Provenance]

    def origin(self, key: str) -> Origin:
        return self.provenance[key].origin

    def describe(self, key: str) -> str:
        """'yours', 'default: <source>' or 'not given', for explanations."""
        p = self.provenance[key]
        return {"user": "yours", "default": f"default: {p.cite}", "missing": "not given"}[p.origin]

    @property
    def defaulted(self) -> tuple[str, ...]:
        """The keys filled from a default, in TERM_KEYS order (to list them once in the output)."""
        return tuple(k for k in TERM_KEYS if self.origin(k) == "default")


@dataclass(frozen=True)
class RiskFactor:
    """What paper value is multiplied by in the risk view.

    ``applied`` is False when an input has neither the user's number nor a published default: then ``factor``
    is 1 (the risk view shows the paper value) and ``missing`` names the keys to give.
    """

    factor: float
    applied: bool
    explanation: str
    missing: tuple[str, ...] = ()


_ASK = {
    "liquidity_probability": "the chance, 0 to 1, that the shares ever become sellable, e.g. 0.3",
    "dilution_percent_per_round": "ownership lost in each future funding round, in percent, e.g. 15",
    "rounds_to_exit": "funding rounds expected before a sale or listing, e.g. 2",
}


def risk_factor(terms: ResolvedTerms) -> RiskFactor:
    """liquidity_probability x (1 - dilution/100)^rounds_to_exit, explained with its numbers and their origins."""
    v = terms.values
    missing = tuple(k for k in _ASK if getattr(v, k) is None)
    if missing:
        asks = "; ".join(f"give equity.{k} ({_ASK[k]})" for k in missing)
        return RiskFactor(1.0, False, f"risk view shows the paper value: {asks}", missing)
    p, d, n = float(v.liquidity_probability or 0), float(v.dilution_percent_per_round or 0), v.rounds_to_exit or 0
    kept = (1 - d / 100) ** n
    factor = p * kept
    explanation = (
        f"risk = paper x {_num(p)} x (1 - {_num(d)}/100)^{n} = paper x {_num(p)} x {_num(kept)} = paper x "
        f"{_num(factor)}; liquidity probability {_num(p)} ({terms.describe('liquidity_probability')}); dilution "
        f"{_num(d)}% per round ({terms.describe('dilution_percent_per_round')}); {n} rounds to exit "
        f"({terms.describe('rounds_to_exit')})"
    )
    return RiskFactor(factor, True, explanation)


def exercise_cost(shares: float, strike: float) -> float:
    """Cash to exercise ``shares`` options: strike x shares (JSON ``offers[].exercise_cost`` for the grant)."""
    return shares * strike


def preferred_price_note(preferred_price: float | None, fmv: float | None, *, us: bool = True) -> str | None:
    """Why the preferred price is shown but never used as the common's value (None without a preferred price);
    ``us``: the company is in the US, where the common's price is its 409A valuation."""
    if preferred_price is None:
        return None
    price = "409A price" if us else "latest valuation"
    common = f" (the common's {price} is {money(fmv)})" if fmv is not None and math.isfinite(fmv) else ""
    return (f"preferred price {money(preferred_price)}: what investors paid for shares that are repaid first "
            f"(liquidation preference); reported, never used as the common's value{common}")
