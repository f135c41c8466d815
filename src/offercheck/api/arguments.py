"""The api's arguments, checked before any work: a bad one is an ``ArgumentError`` (a ``ValueError``) naming it."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from offercheck.errors import ArgumentError, UnknownCurrency
from offercheck.pay.currency import RateTable, load_rates, normalise_code

if TYPE_CHECKING:
    import pluggy

    from offercheck.pay.equity import View

FILINGS: tuple[str, ...] = ("single", "married")
EQUITY_VIEWS: tuple[str, ...] = ("paper", "risk")


# The longest horizon (years) and leave-early time (months) the api takes: a working life. Longer ones mean
# nothing for an offer, and pay compounding for thousands of years overflows a float.
MAX_YEARS = 100
MAX_MONTHS = 12 * MAX_YEARS


def whole(name: str, value: object, least: int = 1, most: int | None = None, unit: str = "") -> int:
    """``value`` as a whole number from ``least`` to ``most`` (a bool is not one: ``years=True`` is a mistake)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentError(name, f"must be a whole number, got {value!r}")
    if value < least:
        raise ArgumentError(name, f"must be at least {least}, got {value}")
    if most is not None and value > most:
        raise ArgumentError(name, f"{value:,} is too long: at most {most:,}{unit}")
    return value


def choice(name: str, value: object, choices: Sequence[object]) -> Any:
    if value not in choices:
        raise ArgumentError(name, f"must be one of {', '.join(map(repr, choices))}, got {value!r}")
    return value


def display_currency(currency: object, rates: RateTable) -> str | None:
    """The display currency as every output spells it (" gbp " -> "GBP"), after checking the rate table has it."""
    if currency is None:
        return None
    if not isinstance(currency, str):
        raise ArgumentError("currency", f"must be an ISO 4217 code such as 'USD', got {currency!r}")
    code = normalise_code(currency)  # blank: an unknown code
    try:
        rates.rate(code, "USD")
    except UnknownCurrency as e:
        raise ArgumentError("currency", str(e)) from e
    return code


def is_path(x: object) -> bool:
    return isinstance(x, (str, os.PathLike))


def offer_list(name: str, offers: object) -> None:
    """``offers`` is a list (of offers or paths), not one path: ``compare("a.toml")`` would read "a", ".", ..."""
    if is_path(offers) or not isinstance(offers, Sequence):
        raise ArgumentError(name, "must be a list of offers or offer files, e.g. compare(['a.toml'])")


class Steps:
    """The validated options of one run: which steps to chain, and with what (a plain class: a dataclass costs
    start-up time to create)."""

    __slots__ = ("as_of", "currency", "equity", "filing", "home", "leave_after", "rates", "real", "tax_year", "years")

    def __init__(self, years: int, currency: str | None, rates: RateTable, equity: View, as_of: dt.date,
                 tax_year: int | None, filing: str | None, real: bool, home: str | None,
                 leave_after: int | None) -> None:
        self.years = years
        self.currency = currency  # None: the first offer's
        self.rates = rates
        self.equity: View = equity
        self.as_of = as_of
        self.tax_year = tax_year  # None: no taxes
        self.filing = filing
        self.real = real
        self.home = home
        self.leave_after = leave_after  # None: no leave-early


def check_steps(*, years: object, currency: object, rates: object, after_tax: object, tax_year: object, filing: object,
          real: object, home: object, leave_after: object, equity: object, as_of: object) -> Steps:
    """Every option of ``compare`` and ``negotiate``, checked alone and against the others."""
    n = whole("years", years, most=MAX_YEARS, unit=" years")
    if rates is not None and not isinstance(rates, RateTable):
        raise ArgumentError("rates", f"must be an offercheck.pay.currency.RateTable, got {type(rates).__name__}")
    table = rates or load_rates()
    code = display_currency(currency, table)
    view: View = choice("equity", equity, EQUITY_VIEWS)
    if as_of is None:
        from offercheck.market.ageing import today

        try:
            as_of = today()  # $OFFERCHECK_TODAY pins the default (tests, golden files)
        except ValueError as e:
            raise ArgumentError("as_of", str(e)) from None
    elif isinstance(as_of, dt.datetime) or not isinstance(as_of, dt.date):
        raise ArgumentError("as_of", f"must be a datetime.date, got {as_of!r}")
    if not after_tax and (tax_year is not None or filing is not None):
        raise ArgumentError("tax_year" if tax_year is not None else "filing", "needs after_tax=True")
    year = None
    if after_tax:
        from offercheck.tax.engine import LATEST_TAX_YEAR, TAX_YEARS

        year = LATEST_TAX_YEAR if tax_year is None else choice("tax_year", tax_year, TAX_YEARS)
    if filing is not None:
        choice("filing", filing, FILINGS)
    if home is not None and not real:
        raise ArgumentError("home", "needs real=True")
    if home is not None and not isinstance(home, str):
        raise ArgumentError("home", f"must be a place such as 'Austin, TX', US-TX or DE, got {home!r}")
    months = None if leave_after is None else whole("leave_after", leave_after, most=MAX_MONTHS, unit=" months")
    return Steps(n, code, table, view, as_of, year, filing if isinstance(filing, str) else None, bool(real),
                 home, months)


def inputs(*, benchmarks: object, profile: object) -> None:
    """``benchmarks`` (a file or a BenchmarkSet) and ``profile`` (a file or a Candidate), or None."""
    from offercheck.offer.models import Candidate

    for name, value, kind in (("benchmarks", benchmarks, "a BenchmarkSet"), ("profile", profile, "a Candidate")):
        if value is None or isinstance(value, str) or (isinstance(value, os.PathLike)
                                                       and isinstance(os.fspath(value), str)):
            continue
        if name == "profile" and isinstance(value, Candidate):
            continue
        if name == "benchmarks":
            from offercheck.market.benchmarks import BenchmarkSet

            if isinstance(value, BenchmarkSet):
                continue
        raise ArgumentError(name, f"must be the path of a file or {kind}, got {value!r}")


def plugin_manager(pm: pluggy.PluginManager | None, plugins_dirs: Sequence[str | os.PathLike[str]],
                   without: Sequence[str]) -> pluggy.PluginManager:
    """``pm``, or one with the built-ins, installed plugins and ``plugins_dirs``, less ``without``."""
    if is_path(plugins_dirs) or isinstance(without, str):
        name = "without" if isinstance(without, str) else "plugins_dirs"
        raise ArgumentError(name, "must be a list (of names or directories), not one string")
    for name, values, ok, what in (("without", without, lambda x: isinstance(x, str), "plugin names"),
                                   ("plugins_dirs", plugins_dirs, is_path, "directories")):
        if not isinstance(values, (list, tuple)) or not all(map(ok, values)):
            raise ArgumentError(name, f"must be a list of {what}, got {values!r}")
    if pm is not None and not isinstance(pm, _plugin_manager_class()):
        raise ArgumentError("pm", f"must be a pluggy.PluginManager (offercheck.plugins.manager.get_plugin_manager), "
                                  f"got {type(pm).__name__}")
    if pm is not None:
        if plugins_dirs or without:
            raise ArgumentError("pm", "give a plugin manager or plugins_dirs/without, not both")
        return pm
    from pathlib import Path

    from offercheck.plugins.manager import get_plugin_manager

    dirs = [d if isinstance(d, (str, Path)) else Path(d) for d in plugins_dirs]
    return get_plugin_manager(plugins_dirs=dirs, without=without)


def _plugin_manager_class() -> type:
    import pluggy

    return pluggy.PluginManager
