"""Negotiation: the counter-offer, the talking points ranked, the gaps to other offers and the closing guidance.

Pure functions of evaluations (pay by year in the display currency, and the market position when scored). Every
amount is computed from the offer files and the benchmark data; the texts are templates with those numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from offercheck.market.position import percentile_of
from offercheck.negotiation.asks import (
    DEFAULT_TARGET_PERCENTILE,
    Asks,
    applicable_market,
    benchmark_cell,
    format_money,
    plan_asks,
)
from offercheck.negotiation.equity_points import private_equity_points
from offercheck.negotiation.gaps import COMPONENT_NAMES, Gap, gap_to
from offercheck.negotiation.plugin_points import plugin_points
from offercheck.negotiation.points import TalkingPoint, builtin_points, rank
from offercheck.text import years_text

if TYPE_CHECKING:
    import pluggy

    from offercheck.market.position import Percentile
    from offercheck.pay.currency import RateTable
    from offercheck.pay.leave_early import LeaveEarly
    from offercheck.results import Evaluation

__all__ = ["Counter", "Guidance", "Negotiation", "TalkingPoint", "counter_offer", "guidance", "negotiate"]


@dataclass(frozen=True)
class Counter:
    """The counter-offer: year-1 base, bonus target and total sign-on (offered + new, all years), and why each."""

    base: float
    bonus_target_percent: float | None
    sign_on: float
    basis: tuple[str, ...]
    offered_sign_on: float = 0.0  # the offer's own sign-on over the horizon (relocation apart), for comparison
    base_percentile: Percentile | None = None  # where the base asked for falls in the base benchmark


@dataclass(frozen=True)
class Guidance:
    """General advice from the seed articles, quoted, with this offer's numbers."""

    text: str
    quote: str
    source: str


@dataclass(frozen=True)
class Negotiation:
    evaluation: Evaluation
    others: tuple[Evaluation, ...]
    target_percentile: float
    talking_points: tuple[TalkingPoint, ...]
    counter: Counter
    against: tuple[Gap, ...]
    leave_early: tuple[LeaveEarly, ...]  # this offer first, then the others (as the api computed them)
    guidance: tuple[Guidance, ...]
    converted_at: str | None = None  # the exchange rates' source, when an offer was in another currency
    current: Evaluation | None = None  # the job held now (negotiate --current)
    stay: Gap | None = None  # staying versus this offer: positive gaps mean staying pays more
    asks: Asks | None = None  # the numbers behind the counter and the points
    as_of: dt.date | None = None  # the date the negotiation is for (see ``api.negotiate``)
    equity_note: str | None = None  # why private grants are at paper though risk was asked (pay.equity_view)

    @property
    def label(self) -> str:
        return self.evaluation.label

    @property
    def currency(self) -> str:
        return self.evaluation.currency

    @property
    def horizon_years(self) -> int:
        return len(self.evaluation.years)


def offered_sign_on(e: Evaluation) -> float:
    """The offer's sign-on over the horizon (relocation apart), in the display currency."""
    return sum(y.sign_on - y.relocation for y in e.years)


def counter_offer(e: Evaluation, a: Asks, percentile: float) -> Counter:
    """The counter from the asks: each line of ``basis`` says where one number comes from."""
    basis = []
    if a.base is not None:
        why = [f"p{percentile:g} of the base benchmark"] if a.base.target is not None else []
        why += [f"the offer from {a.base.competitor.company}"] if a.base.competitor is not None else []
        basis.append(f"base: {' and '.join(why)}, at most 20% above the offer")
    if a.bonus is not None:
        r = a.bonus.reason
        cut = " (less, to keep year-1 cash within bounds)" if a.bonus.percent < r.percent else ""
        reason = (f"the {r.percent:g}% target bonus of the offer from {r.competitor.company}"
                  if r.competitor is not None else f"the measured {r.percent:g}% norm of the market's cash benchmark")
        basis.append(f"bonus: {reason}{cut}")
    basis += [f"sign-on: {format_money(x.total, e.currency)} for {x.reason}" for x in a.parts]
    if a.limit_from is not None:
        basis.append(f"year-1 cash: matches the offer from {a.limit_from.company}")
    elif a.trimmed:
        basis.append("year-1 cash: kept within 30% of the offer's")
    if a.buyout_grant is not None:
        g = a.buyout_grant
        shares = "" if g.shares is None else f", {g.shares:,} shares at the latest preferred price"
        basis.append(f"buyout: {format_money(g.value, e.currency)} of forfeited pay as an extra equity grant{shares}")
    m = e.market
    q = None if m is None else m.expected_base
    where = None
    if q is not None and m is not None and m.base is not None:  # no base position in a total-only file
        where = percentile_of(a.package.base, q)
    return Counter(a.package.base, a.package.bonus_percent if a.bonus is not None else e.offer.bonus.target_percent,
                   offered_sign_on(e) + a.sign_on, tuple(basis), offered_sign_on(e), where)


# The seed's general advice, quoted; it closes the negotiation rather than being a point with a number.
SEED_ADVICE = "seeds/001_567039994c663b40.txt"


_QUOTES = {
    "research": "Research Salary Benchmarks: Use online resources like Glassdoor, Salary.com, and LinkedIn Salary "
                "to research salary ranges for similar positions in your location.",
    "package": "Consider the Entire Package: Evaluate the entire compensation package, including benefits, stock "
               "options, and other perks, when negotiating your salary.",
    "walk": "Be Confident and Professional: Approach the negotiation with confidence and professionalism, and be "
            "prepared to walk away if the offer does not meet your expectations.",
}


def guidance(e: Evaluation, others: Sequence[Evaluation]) -> tuple[Guidance, ...]:
    def money(x: float) -> str:
        return format_money(x, e.currency)

    if (m := applicable_market(e)) is not None:
        research = (f"Check the benchmark against other sources for your location: these asks use "
                    f"{benchmark_cell(m)}.")
    elif e.market is not None:
        research = (f"There is no benchmark for {e.offer.location.country} here, so no ask uses the market (the "
                    f"score compares with {benchmark_cell(e.market)}): research salary ranges for this role and "
                    "location first.")
    elif e.no_market is not None:  # as compare says it: the country has no cell or official figure of its own
        research = (f"There is {e.no_market} here, so no ask uses the market: research salary ranges for this role "
                    "and location first.")
    else:
        research = "No market benchmark was used here: research salary ranges for this role and location first."
    n = len(e.years)
    parts = ", ".join(f"{name} {e.component_total(k) / e.total:.0%}" for k, name in COMPONENT_NAMES.items()
                      if e.component_total(k) > 0)
    package = (f"Weigh the whole package, not the base alone: over {years_text(n)} this offer pays {money(e.total)} "
               f"({parts}).")
    best = max(others, key=lambda o: o.total, default=None)
    if best is not None:
        walk = (f"Decide before you talk what you would accept; your best alternative here is {best.label} at "
                f"{money(best.annual_average)} a year on average.")
    else:
        walk = "Decide before you talk the lowest total you would accept, and be ready to walk away below it."
    return tuple(Guidance(text, _QUOTES[k], SEED_ADVICE)
                 for k, text in (("research", research), ("package", package), ("walk", walk)))


def negotiate(e: Evaluation, others: Sequence[Evaluation] = (), *, pm: pluggy.PluginManager | None = None,
              target_percentile: float = DEFAULT_TARGET_PERCENTILE, rates: RateTable | None = None,
              current: Evaluation | None = None, as_of: dt.date | None = None,
              equity_note: str | None = None) -> Negotiation:
    """Everything to negotiate ``e`` with: ranked points (built-in and plugins'), counter, gaps; the leave-early
    figures each evaluation carries (``api.negotiate`` computes them for ``leave_after`` months).

    ``others`` are the competing offers, evaluated in ``e``'s currency and horizon; ``rates`` (the table they
    were converted with) is only cited. ``current``, the job held now evaluated the same way, adds the buyout of
    what leaving it forfeits (its ``forfeited``) and the gap to staying. ``equity_note``: the comparison's note on
    its one equity view (``pay.equity_view``), carried to the output. ``api.negotiate`` is the whole command.
    """
    if not 0 < target_percentile < 100:
        raise ValueError("target_percentile must be between 0 and 100")
    others = tuple(others)
    gaps = tuple(gap_to(e, o) for o in others)
    asks = plan_asks(e, gaps, others, target_percentile, current)
    points = builtin_points(e, others, target_percentile=target_percentile, current=current, gaps=gaps, asks=asks)
    points += private_equity_points(e)  # terms, after the money asks: nothing in them is asked twice
    if pm is not None:
        points += plugin_points(pm, e, others)
    alternatives = (*others, current) if current is not None else others  # staying is one way to walk away
    return Negotiation(
        evaluation=e,
        others=others,
        target_percentile=target_percentile,
        talking_points=rank(points),
        counter=counter_offer(e, asks, target_percentile),
        against=gaps,
        leave_early=tuple(x.leave_early for x in (e, *others) if x.leave_early is not None),
        guidance=guidance(e, alternatives),
        converted_at=(rates.source if rates is not None and any(x.offer.currency != e.currency
                                                                 for x in (e, *alternatives)) else None),
        current=current,
        stay=None if current is None else gap_to(e, current),
        asks=asks,
        as_of=as_of,
        equity_note=equity_note,
    )
