"""The steps ``api.compare`` and ``api.negotiate`` chain, each one room's per-offer function, in order:

  load (offer files, profile, current job) -> evaluate (pay by year in the display currency, equity view)
  -> score (market, with the factor plugins) -> taxes (after_tax) -> real terms (real, home)
  -> leave early (leave_after) -> the current job (each offer versus staying; what leaving forfeits)

The current job goes through every step but leave-early, last (a step that defaults to the first offer, the
home place of real terms, is unchanged by it). Each step's result is stored in the ``Evaluation``.
"""

from __future__ import annotations

import datetime as dt
import os
import warnings
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Union

from offercheck.api.arguments import (
    EQUITY_VIEWS,
    MAX_YEARS,
    Steps,
    choice,
    display_currency,
    is_path,
    offer_list,
    whole,
)
from offercheck.errors import ArgumentError, OfferFileError, OfferFileErrors, OfferWarning
from offercheck.offer.models import Candidate, Offer
from offercheck.pay.comp import espp_note, pay_by_year
from offercheck.pay.currency import RateTable, load_rates
from offercheck.pay.equity_offer import equity_report, grant_exercise_cost
from offercheck.results import DEFAULT_YEARS, Evaluation

if TYPE_CHECKING:
    import pluggy

    from offercheck.market.benchmarks import BenchmarkSet
    from offercheck.pay.current import Forfeited
    from offercheck.pay.equity import View
    from offercheck.pay.equity_view import SharedView
    from offercheck.real.price_levels import PriceLevel

# An offer as the api takes it: a loaded Offer, or the path of its file.
OfferLike = Union[Offer, str, "os.PathLike[str]"]
Benchmarks = Union["BenchmarkSet", str, "os.PathLike[str]", None]
Profile = Union[str, "os.PathLike[str]", Candidate, None]


def load(offers: Sequence[OfferLike], *, current: OfferLike | None = None, profile: Profile = None,
         pm: pluggy.PluginManager | None = None) -> tuple[list[Offer], Offer | None]:
    """The offers and the current job, each an ``Offer`` or the path of its file, loaded and checked.

    The problems of every file are raised together (``OfferFileErrors``); each likely mistake in a file read is
    an ``OfferWarning``. ``profile`` (a ``[candidate]`` file or a ``Candidate``) fills what each one leaves unset.
    ``pm`` checks the files' ``[plugins.NAME]`` tables against its plugins.
    """
    from offercheck.offer.loading import load_current, load_offers

    offer_list("offers", offers)
    if not offers:
        raise ArgumentError("offers", "give at least one offer")
    for i, x in enumerate((*offers, *(() if current is None else (current,)))):
        if not (isinstance(x, Offer) or is_path(x)):
            what = "current" if i == len(offers) else f"offers[{i}]"
            raise ArgumentError(what, f"must be an Offer or the path of its file, got {type(x).__name__}")
    paths = [os.fspath(x) for x in offers if not isinstance(x, Offer)]
    settings = None
    if pm is not None:
        from offercheck.plugins.calls import offer_settings

        settings = offer_settings(pm)
    problems: list[OfferFileError] = []
    read: list[Offer] = []
    try:
        read = load_offers(paths, settings=settings) if paths else []
    except OfferFileErrors as e:
        problems = list(e.errors)
    stay = current if isinstance(current, Offer) else None
    if current is not None and not isinstance(current, Offer):
        try:
            stay = load_current(os.fspath(current), settings=settings)
        except OfferFileErrors as e:
            problems += e.errors
    if problems:
        raise OfferFileErrors(problems)
    _warn_likely_mistakes([*read, *([stay] if stay is not None and stay is not current else [])])
    files = iter(read)
    loaded = [x if isinstance(x, Offer) else next(files) for x in offers]
    if paths and len(paths) < len(loaded):
        from offercheck.offer.loading import disambiguate_labels

        loaded = disambiguate_labels(loaded)  # files and Offers given together: their labels too
    if profile is not None:
        from offercheck.offer.loading import apply_profile, load_profile

        candidate = profile if isinstance(profile, Candidate) else load_profile(os.fspath(profile))
        loaded = [apply_profile(o, candidate) for o in loaded]
        stay = None if stay is None else apply_profile(stay, candidate)
    return loaded, stay


def _warn_likely_mistakes(offers: Sequence[Offer]) -> None:
    """One ``OfferWarning`` per likely mistake in the files just read (see ``offer.checks``)."""
    from offercheck.offer.checks import likely_mistakes

    for offer in offers:
        for problem in likely_mistakes(offer, offer.path or offer.label):
            warnings.warn(OfferWarning(problem.message), stacklevel=4)


def evaluate(offer: Offer, *, years: int = DEFAULT_YEARS, currency: str | None = None,
             rates: RateTable | None = None, equity: View = "risk") -> Evaluation:
    """Pay by year for one offer, converted to ``currency`` (default: the offer's own).

    ``equity``: private equity at paper or at risk (DESIGN.md section 5); public grants are the same in both.
    A current job's ``forfeited`` (from its ``[leaving]`` table) is set too, in the same currency.
    """
    n = whole("years", years, most=MAX_YEARS, unit=" years")
    rates = rates or load_rates()
    target = display_currency(currency, rates) or offer.currency
    view: View = choice("equity", equity, EQUITY_VIEWS)
    factor = rates.rate(offer.currency, target)
    native = tuple(pay_by_year(offer, n, view, rates))  # a caller's rates hold for the 401(k) limit too
    return Evaluation(offer, target, tuple(y.scaled(factor) for y in native), native_years=native, fx=factor,
                      equity_view=view, equity=equity_report(offer, view, n, factor),
                      exercise_cost=grant_exercise_cost(offer.equity) * factor, forfeited=_forfeited(offer, factor),
                      pay_notes=tuple(x for x in (espp_note(offer, n, rates),) if x))


def _forfeited(offer: Offer, fx: float) -> Forfeited | None:
    if offer.leaving is None:  # an offer, or a current job without [leaving]: the stay-or-go code is not needed
        return None
    from offercheck.pay.current import forfeited

    return forfeited(offer, fx)


def _scored(jobs: tuple[Evaluation, ...], pm: pluggy.PluginManager, benchmarks: Benchmarks,
            rates: RateTable, as_of: dt.date | None = None) -> tuple[Evaluation, ...]:
    from offercheck.market.benchmarks import BenchmarkSet
    from offercheck.market.registered import market_for
    from offercheck.market.scoring import score

    market = benchmarks if isinstance(benchmarks, BenchmarkSet) else market_for(
        pm, None if benchmarks is None else Path(benchmarks))
    anchor = _anchor(market, as_of)
    return tuple(_placed(e, score(e.offer, e.years, e.currency, pm, market, rates, anchor)) for e in jobs)


def _placed(e: Evaluation, found: Any) -> Evaluation:
    """``e`` with its market position, or with the reason it has none ("no market data for PL")."""
    from offercheck.market.position import MarketPosition  # a NoMarket otherwise (market.no_market)

    return replace(e, market=found) if isinstance(found, MarketPosition) else replace(e, no_market=found.text)


def _anchor(market: Any, as_of: dt.date | None = None) -> Any:
    """The official anchor of each offer's country (US BLS, GB ONS ASHE, CA Job Bank, DE BA Entgeltatlas), aged to
    ``as_of``, unless the benchmarks are the user's own (a file or a plugin's sets), which then speak for every
    country they cover."""
    from offercheck.market.anchors import provider
    from offercheck.market.benchmark_files import load_benchmarks

    return provider(as_of) if market.origin == load_benchmarks().origin else None


def _taxed(jobs: tuple[Evaluation, ...], pm: pluggy.PluginManager, tax_year: int, s: Steps) -> tuple[Evaluation, ...]:
    """Every job's taxes; one no regime covers is compared untaxed, with its ``tax_note``."""
    from offercheck.tax.aftertax import NotEstimated, offer_taxes

    def taxed(e: Evaluation) -> Evaluation:
        try:
            return replace(e, taxes=offer_taxes(pm, e.offer, e.native_years, e.years, currency=e.currency,
                                                rates=s.rates, tax_year=tax_year, filing=s.filing,
                                                view="risk" if e.equity_view == "risk" else "paper"))
        except NotEstimated as untaxed:
            return replace(e, tax_note=str(untaxed))

    return tuple(taxed(e) for e in jobs)


def _in_real_terms(jobs: tuple[Evaluation, ...], s: Steps) -> tuple[tuple[Evaluation, ...], PriceLevel]:
    """Every job at the home place's prices (after taxes, so real net pay is included)."""
    from offercheck.real.real_terms import UnknownPlace, home_place, real_terms

    try:
        home = home_place(s.home, [e.offer for e in jobs])
    except UnknownPlace as e:
        raise ArgumentError("home", str(e)) from None
    return tuple(replace(e, real=real_terms(e.offer, [y.total for y in e.years],
                                            None if e.taxes is None else e.taxes.nets, currency=e.currency,
                                            rates=s.rates, home=home)) for e in jobs), home


def _versus(offer: Evaluation, stay: Evaluation) -> Evaluation:
    from offercheck.pay.current import versus_current

    mine, theirs = offer.taxes, stay.taxes
    if mine is None or theirs is None:  # net pay (and take-home cash) minus the same only when both are taxed
        return replace(offer, vs_current=versus_current(offer.years, stay.years))
    return replace(offer, vs_current=versus_current(offer.years, stay.years, mine.nets, theirs.nets,
                                                    mine.take_homes, theirs.take_homes))


class Run(NamedTuple):
    """What the steps give: the offers, the current job, the home place of real terms, the plugins used."""

    offers: tuple[Evaluation, ...]
    current: Evaluation | None
    home: PriceLevel | None
    pm: pluggy.PluginManager | None
    equity_note: str | None = None  # why private grants are at paper though the risk view was asked for


def run(offers: Sequence[OfferLike], current: OfferLike | None, s: Steps, *, profile: Profile, market: bool,
        benchmarks: Benchmarks, pm: pluggy.PluginManager | None, plugins_dirs: Sequence[str | os.PathLike[str]],
        without: Sequence[str], plugins: bool = False) -> Run:
    """Every step but ranking or negotiating. ``plugins``: the caller needs the plugins even without a market."""
    from offercheck.api.arguments import plugin_manager

    if market or plugins or s.tax_year is not None or pm is not None or plugins_dirs or without:
        pm = plugin_manager(pm, plugins_dirs, without)
    loaded, stay = load(offers, current=current, profile=profile, pm=pm)
    # Codes are trimmed capitals in every output, however a caller gave them; default: the first offer's.
    target = s.currency or loaded[0].currency
    everyone = (*loaded, *([stay] if stay is not None else []))
    view = _one_view(everyone, s.equity)  # one equity view for the whole comparison (DESIGN section 4)
    jobs = tuple(evaluate(o, years=s.years, currency=target, rates=s.rates, equity=view.view) for o in everyone)
    if market and pm is not None:
        jobs = _scored(jobs, pm, benchmarks, s.rates, s.as_of)
    if s.tax_year is not None and pm is not None:
        jobs = _taxed(jobs, pm, s.tax_year, s)
    home = None
    if s.real:
        jobs, home = _in_real_terms(jobs, s)  # staying too
    evaluations, now = (jobs[:-1], jobs[-1]) if stay is not None else (jobs, None)
    if s.leave_after is not None:  # the offers only
        from offercheck.pay.leave_early import leave_early

        months = s.leave_after
        evaluations = tuple(replace(e, leave_early=leave_early(e.offer, months, fx=e.fx)) for e in evaluations)
    if now is not None:
        evaluations = tuple(_versus(e, now) for e in evaluations)
    return Run(evaluations, now, home, pm, view.note)


def _one_view(offers: Sequence[Offer], asked: View) -> SharedView:
    """The view every private grant of the comparison (the offers and the current job) is valued in: the one
    asked for, or paper for all when one private grant lacks the risk inputs (``pay.equity_view``)."""
    from offercheck.pay.equity_view import shared_view

    return shared_view(offers, choice("equity", asked, EQUITY_VIEWS))
