"""Negotiation: the counter-offer, the talking points ranked, the gaps to other offers and the closing guidance.

Pure functions of evaluations (pay by year in the display currency, and the market position when scored). Every
amount is computed from the offer files and the benchmark data; the texts are templates with those numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from offercheck.negotiate.asks import (
    BONUS_NORM,
    COMPONENT_NAMES,
    DEFAULT_TARGET_PERCENTILE,
    Gap,
    base_ask,
    base_slopes,
    benchmark_cell,
    bonus_ask,
    buyout,
    evening_sign_on,
    format_money,
    gap_to,
    market_applies,
    match_base,
    missing_sign_on,
    round_ask,
    sign_on_now,
    years_text,
)
from offercheck.negotiate.points import TalkingPoint, builtin_points, plugin_points, rank
from offercheck.pay.leave_early import LeaveEarly, leave_early_for

if TYPE_CHECKING:
    import pluggy

    from offercheck.pay.currency import RateTable
    from offercheck.results import Evaluation

__all__ = [
    "BONUS_NORM",
    "Counter",
    "Gap",
    "Guidance",
    "Negotiation",
    "TalkingPoint",
    "base_slopes",
    "builtin_points",
    "counter_offer",
    "format_money",
    "guidance",
    "match_base",
    "negotiate",
    "plugin_points",
    "rank",
]



DEFAULT_LEAVE_AFTER = 12


@dataclass(frozen=True)
class Counter:
    """The counter-offer: year-1 base, bonus target and total sign-on to ask for, and why each."""

    base: float
    bonus_target_percent: float | None
    sign_on: float
    basis: tuple[str, ...]


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
    leave_early: tuple[LeaveEarly, ...]  # this offer first, then the others
    guidance: tuple[Guidance, ...]
    converted_at: str | None = None  # the exchange rates' source, when an offer was in another currency
    current: Evaluation | None = None  # the job held now (negotiate --current)
    stay: Gap | None = None  # staying versus this offer: positive gaps mean staying pays more

    @property
    def label(self) -> str:
        return self.evaluation.label

    @property
    def currency(self) -> str:
        return self.evaluation.currency

    @property
    def horizon_years(self) -> int:
        return len(self.evaluation.years)


def counter_offer(e: Evaluation, gaps: Sequence[Gap], percentile: float,
                  current: Evaluation | None = None) -> Counter:
    """Year-1 base, bonus target and total sign-on to counter with, each with the point it comes from.

    With ``current``, the sign-on also buys out what leaving it forfeits.
    """
    base = e.years[0].base
    basis = []
    market = base_ask(e, percentile)
    if market is not None:
        base = market
        basis.append(f"base: p{percentile:g} of the adjusted market benchmark")
    for g in gaps:
        if g.component == "base" and g.match_base_average is not None and round_ask(g.match_base_average) > base:
            base = round_ask(g.match_base_average)
            basis.append(f"base: matches {g.label} on average total pay")
    bonus = bonus_ask(e)
    if bonus is not None:
        basis.append(f"bonus: middle of the {BONUS_NORM[0]:g}-{BONUS_NORM[1]:g}% norm")
    else:
        bonus = e.offer.bonus.target_percent
    sign_on = sign_on_now(e)
    extra = evening_sign_on(e)
    if extra:
        sign_on += sum(extra)
        basis.append("sign-on: evens out back-loaded vesting in years 1-2")
    missing = missing_sign_on(e, gaps, percentile)
    if missing is not None:
        sign_on = round_ask(missing.amount)
        basis.append(f"sign-on: closes the year-1 gap to {missing.versus}")
    forfeit = buyout(current)
    if forfeit is not None and current is not None:
        sign_on += round_ask(forfeit.total)
        basis.append(f"sign-on: includes {format_money(round_ask(forfeit.total), e.currency)} to buy out what "
                     f"leaving {current.offer.offer.company} forfeits")
    return Counter(base, bonus, sign_on, tuple(basis))


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

    if market_applies(e):
        research = (f"Check the benchmark against other sources for your location: these asks use "
                    f"{benchmark_cell(e)}.")
    elif e.market is not None:
        research = (f"There is no benchmark for {e.offer.location.country} here, so no ask uses the market (the "
                    f"score compares with {benchmark_cell(e)}): research salary ranges for this role and location "
                    "first.")
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
              target_percentile: float = DEFAULT_TARGET_PERCENTILE,
              leave_after: int = DEFAULT_LEAVE_AFTER, rates: RateTable | None = None,
              current: Evaluation | None = None) -> Negotiation:
    """Everything to negotiate ``e`` with: ranked points (built-in and plugins'), counter, gaps, leave-early.

    ``others`` are the competing offers, evaluated in ``e``'s currency and horizon; ``rates`` (the table they
    were converted with) is only cited. ``current``, the job held now evaluated the same way, adds the buyout of
    what leaving it forfeits and the gap to staying.
    """
    if not 0 < target_percentile < 100:
        raise ValueError("target_percentile must be between 0 and 100")
    others = tuple(others)
    gaps = tuple(gap_to(e, o) for o in others)
    points = builtin_points(e, others, target_percentile=target_percentile, current=current, gaps=gaps)
    if pm is not None:
        points += plugin_points(pm, e, others)
    alternatives = (*others, current) if current is not None else others  # staying is one way to walk away
    return Negotiation(
        evaluation=e,
        others=others,
        target_percentile=target_percentile,
        talking_points=rank(points),
        counter=counter_offer(e, gaps, target_percentile, current),
        against=gaps,
        leave_early=tuple(leave_early_for(x, leave_after) for x in (e, *others)),
        guidance=guidance(e, alternatives),
        converted_at=(rates.source if rates is not None and any(x.offer.currency != e.currency
                                                                 for x in (e, *alternatives)) else None),
        current=current,
        stay=None if current is None else gap_to(e, current),
    )
