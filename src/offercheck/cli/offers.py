"""Loading and evaluating the offer files named on the command line (shared by compare and negotiate)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:

    import pluggy

    from offercheck.offer.models import Offer
    from offercheck.pay.currency import RateTable
    from offercheck.results import Comparison

from offercheck.cli.options import *  # noqa: F403


def evaluate_offer_set(paths: tuple[str, ...], *, years: int, currency: str | None, profile: str | None,
                       current: str | None, plugins_dirs: tuple[Path, ...], without: tuple[str, ...],
                       benchmarks: Path | None, equity_view: str = "risk",
                       ) -> tuple[Comparison, pluggy.PluginManager]:
    """Load the offers (and the current job), evaluate them in one currency and score them against the market."""
    from offercheck.api import compare as run_compare
    from offercheck.market.registered import market_for
    from offercheck.plugins.manager import get_plugin_manager

    rates = display_rates(currency)
    pm = get_plugin_manager(plugins_dirs=plugins_dirs, without=without)
    loaded = load_with_profile(paths, profile, pm, current)
    stay = loaded.pop() if current is not None else None
    result = run_compare(loaded, years=years, currency=currency, rates=rates, pm=pm,
                         benchmarks=market_for(pm, benchmarks), current=stay,
                         equity_view="paper" if equity_view == "paper" else "risk")
    return result, pm


def display_rates(currency: str | None) -> RateTable:
    """The rate table, after checking that ``--currency`` is in it."""
    from offercheck.errors import OffercheckError
    from offercheck.pay.currency import UnknownCurrency, load_rates

    rates = load_rates()
    if currency is not None:
        try:
            rates.rate(currency.upper(), "USD")
        except UnknownCurrency as e:
            raise OffercheckError(f"--currency: {e}") from None
    return rates


def warn_likely_mistakes(offers: list[Offer]) -> None:
    """One ``Warning: file: field: ...`` line on stderr per likely mistake (see ``offer.checks``)."""
    import click

    from offercheck.offer.checks import likely_mistakes

    for offer in offers:
        for problem in likely_mistakes(offer, offer.path or offer.label, tables=False):
            click.echo(f"Warning: {problem.message}", err=True)


def load_with_profile(paths: tuple[str, ...], profile: str | None, pm: pluggy.PluginManager | None = None,
                      current: str | None = None) -> list[Offer]:
    """Load the offers (checking ``[plugins.NAME]`` tables against ``pm``'s plugins) and apply ``--profile``.

    ``current``: the current-job file (``--current``), loaded with its own checks and returned last; the problems
    of every file are reported together.
    """
    from offercheck.errors import OfferFileErrors
    from offercheck.offer.loading import apply_profile, load_current, load_offers, load_profile
    from offercheck.plugins.calls import offer_settings

    settings = offer_settings(pm) if pm is not None else None
    loaded: list[Offer] = []
    problems = []
    try:
        loaded = load_offers(paths, settings=settings)
    except OfferFileErrors as e:
        problems = e.errors
    if current is not None:
        try:
            loaded.append(load_current(current, settings=settings))
        except OfferFileErrors as e:
            problems += e.errors
    if problems:
        raise OfferFileErrors(problems)
    warn_likely_mistakes(loaded)
    if profile is None:
        return loaded
    candidate = load_profile(profile)
    return [apply_profile(o, candidate) for o in loaded]


