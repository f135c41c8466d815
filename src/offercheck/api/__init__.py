"""The library composes the product: ``compare`` and ``negotiate`` chain every step (DESIGN.md section 1).

Each takes every option its command has, so a library user gets exactly what the CLI prints: rendering the result
(``offercheck.render.render(result, "json")``) gives the bytes of ``offercheck compare ... --format json``. The
steps, each one room's per-offer function, are in ``offercheck.api.steps``; the other commands' verbs (validate,
new, schema, benchmarks, plugin new) in ``offercheck.api.files``. The CLI imports only this package (and render,
errors, plugins): it parses options, calls these functions and renders what they return.

A bad argument raises ``ArgumentError``, a ``ValueError`` naming it (``years: must be at least 1, got 0``); a bad
file raises ``OfferFileErrors`` naming every problem in every file; a likely mistake in a file is an
``OfferWarning``; a market guess a ``MarketWarning`` (both ``offercheck.errors``).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from offercheck.api.arguments import check_steps, choice, offer_list
from offercheck.api.steps import Benchmarks, OfferLike, Profile, evaluate, load, run
from offercheck.errors import ArgumentError
from offercheck.pay.currency import RateTable
from offercheck.results import DEFAULT_YEARS, RANK_BY, Comparison, Evaluation

if TYPE_CHECKING:
    import pluggy

    from offercheck.negotiation.counter import Negotiation
    from offercheck.pay.equity import View

__all__ = ["DEFAULT_LEAVE_AFTER", "DEFAULT_TARGET_PERCENTILE", "DEFAULT_YEARS", "Comparison", "Evaluation",
           "OfferLike", "compare", "evaluate", "load", "negotiate"]

DEFAULT_TARGET_PERCENTILE = 60.0  # the percentile of the market benchmark a counter asks for
DEFAULT_LEAVE_AFTER = 12  # months: negotiate shows what each offer pays if you leave after a year


def compare(offers: Sequence[OfferLike], *, years: int = DEFAULT_YEARS, currency: str | None = None,
            rates: RateTable | None = None, after_tax: bool = False, tax_year: int | None = None,
            filing: str | None = None, real: bool = False, home: str | None = None,
            current: OfferLike | None = None, leave_after: int | None = None, equity: View = "risk",
            as_of: dt.date | None = None, benchmarks: Benchmarks = None, profile: Profile = None,
            market: bool = True, without: Sequence[str] = (), plugins_dirs: Sequence[str | os.PathLike[str]] = (),
            pm: pluggy.PluginManager | None = None, rank_by: str = "total") -> Comparison:
    """``offercheck compare``: every offer's pay by year in one display currency, ranked, scored, and with each
    step asked for. The arguments are the command's options (``--after-tax`` is ``after_tax=True``, ...):

    - ``offers``, ``current`` (the job held now: the baseline every offer is measured against, not ranked):
      ``Offer``s or the paths of their files; ``profile``: a ``[candidate]`` file (or ``Candidate``) for all.
    - ``years``: the horizon; ``currency``: the display currency (default: the first offer's); ``rates``: an
      exchange-rate table (default: the packaged one).
    - ``market``: score each offer against the market, ``benchmarks`` (a file or a ``BenchmarkSet``; default:
      the built-in tables plus the sets plugins register), adjusted by every factor plugin. The plugins are
      ``pm``, or the built-in and installed ones plus ``plugins_dirs``, less ``without``.
    - ``after_tax`` (``tax_year``, ``filing``: "single" or "married"), ``real`` (``home``: a place, default
      where the first offer's pay is spent), ``leave_after`` (months), ``equity`` ("paper" or "risk").
    - ``rank_by``: "total", "net" (needs after_tax) or "real" (needs real).
    - ``as_of``: the date the comparison is for (default today), kept in the result.
    """
    s = check_steps(years=years, currency=currency, rates=rates, after_tax=after_tax, tax_year=tax_year, filing=filing,
              real=real, home=home, leave_after=leave_after, equity=equity, as_of=as_of)
    choice("rank_by", rank_by, RANK_BY)
    needs = {"net": ("after_tax=True", after_tax), "real": ("real=True", real)}
    if rank_by in needs and not needs[rank_by][1]:
        raise ArgumentError("rank_by", f"{rank_by!r} needs {needs[rank_by][0]}")
    done = run(offers, current, s, profile=profile, market=market, benchmarks=benchmarks, pm=pm,
               plugins_dirs=plugins_dirs, without=without)
    return Comparison(done.offers[0].currency, s.rates, s.years, done.offers, rank_by=rank_by, home=done.home,
                      current=done.current, as_of=s.as_of, equity_note=done.equity_note)


def negotiate(offer: OfferLike, others: Sequence[OfferLike] = (), *,
              target_percentile: float = DEFAULT_TARGET_PERCENTILE, leave_after: int | None = DEFAULT_LEAVE_AFTER,
              years: int = DEFAULT_YEARS, currency: str | None = None, rates: RateTable | None = None,
              after_tax: bool = False, tax_year: int | None = None, filing: str | None = None,
              current: OfferLike | None = None, equity: View = "risk", as_of: dt.date | None = None,
              benchmarks: Benchmarks = None, profile: Profile = None, market: bool = True,
              without: Sequence[str] = (), plugins_dirs: Sequence[str | os.PathLike[str]] = (),
              pm: pluggy.PluginManager | None = None) -> Negotiation:
    """``offercheck negotiate``: the counter-offer for ``offer`` at ``target_percentile`` of its market, the talking
    points (built-in and plugins'), the gaps to ``others`` (competing offers) and to ``current`` (staying), and
    what each offer pays if you leave after ``leave_after`` months (None: not shown). Every other argument is
    ``compare``'s.
    """
    offer_list("others", others)
    if isinstance(target_percentile, bool) or not isinstance(target_percentile, (int, float)) \
            or not 0 < target_percentile < 100:
        raise ArgumentError("target_percentile", f"must be a number between 0 and 100, got {target_percentile!r}")
    s = check_steps(years=years, currency=currency, rates=rates, after_tax=after_tax, tax_year=tax_year, filing=filing,
              real=False, home=None, leave_after=leave_after, equity=equity, as_of=as_of)
    done = run((offer, *others), current, s, profile=profile, market=market, benchmarks=benchmarks, pm=pm,
               plugins_dirs=plugins_dirs, without=without, plugins=True)
    from offercheck.negotiation.counter import negotiate as counter_plan

    mine, *rest = done.offers
    return counter_plan(mine, rest, pm=done.pm, target_percentile=float(target_percentile), rates=s.rates,
                        current=done.current, as_of=s.as_of, equity_note=done.equity_note)
