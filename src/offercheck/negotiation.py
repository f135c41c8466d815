"""Negotiation: talking points with concrete asks, counter-offer numbers and the closing guidance.

Pure functions of evaluations (pay by year in the display currency, and the market position when scored). Every
amount is computed from the offer files and the benchmark data; the texts are templates with those numbers. No
point ever uses gender or another protected attribute: none is read here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean
from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, ConfigDict, Field

from .comp import grant_value_per_percent, pay_by_year, pay_in_year
from .current import FORFEITED_PARTS, Forfeited, forfeited
from .leave_early import LeaveEarly, leave_early_for, vested_by_year
from .models import Offer

if TYPE_CHECKING:
    import pluggy

    from .comparison import Evaluation
    from .currency import RateTable

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

DEFAULT_TARGET_PERCENTILE = 60.0
DEFAULT_LEAVE_AFTER = 12
# "Bonuses: Performance-based bonuses can add 10-20% to your base salary." (seed 002)
BONUS_NORM = (10.0, 20.0)
BONUS_SOURCE = "seeds/002_85987d39cf31c29d.txt: \"Performance-based bonuses can add 10-20% to your base salary.\""
# A year of paid days off is valued at base / working days (52 weeks x 5 days).
WORKING_DAYS = 260
# Factors that describe what the candidate brings, as opposed to where or for whom they work.
CANDIDATE_FACTORS = ("education", "certification", "skills")
COMPONENT_NAMES = {"base": "base", "bonus": "bonus", "sign_on": "sign-on", "equity": "equity",
                   "benefits": "benefits"}

_SYMBOLS = {"USD": "$", "CAD": "CA$", "AUD": "A$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}


class TalkingPoint(BaseModel):
    """One thing to ask for, with the money it is worth and where the number comes from.

    ``amount`` is the dollar-equivalent impact over the horizon in the display currency; points are ranked by it.
    """

    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    topic: Annotated[str, Field(min_length=1)]
    text: Annotated[str, Field(min_length=1)]
    amount: Annotated[float, Field(ge=0)]
    ask: str | None = None
    source: str = ""


@dataclass(frozen=True)
class Gap:
    """A competing offer versus this one: positive gaps mean the other pays more."""

    label: str
    year1_gap: float
    average_gap: float
    match_base_year1: float | None  # this offer's base that equals the other's year-1 total
    match_base_average: float | None  # ... that equals the other's average total over the horizon
    component: str  # the component paying most of the difference over the horizon
    component_gap: float  # that component's difference over the horizon
    # With --after-tax: the same gaps in estimated net pay (each offer taxed in its own jurisdiction).
    year1_net_gap: float | None = None
    average_net_gap: float | None = None


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


def format_money(x: float, currency: str) -> str:
    """Whole units with the currency's symbol where it is unambiguous ($182,000), else its code (182,000 CHF)."""
    units = round(x)
    sign = "-" if units < 0 else ""
    symbol = _SYMBOLS.get(currency)
    return f"{sign}{symbol}{abs(units):,}" if symbol else f"{sign}{abs(units):,} {currency}"


def round_ask(x: float) -> float:
    """Asks are round thousands, never below the figure they come from."""
    return float(math.ceil(x / 1000 - 1e-9) * 1000)


def _with_base(offer: Offer, base: float) -> Offer:
    return offer.model_copy(update={"salary": offer.salary.model_copy(update={"base": base})})


def _horizon_total(offer: Offer, years: int) -> float:
    return sum(y.total for y in pay_by_year(offer, years))


def base_slopes(offer: Offer, years: int) -> list[float]:
    """How much each year's total rises per unit of year-1 base.

    Total pay is linear in base (raises, percent bonus, retirement match and ESPP are percents of base; the rest
    does not depend on it), so the slope of the line through two evaluations is exact.
    """
    b = offer.salary.base
    doubled = _with_base(offer, 2 * b)
    return [(pay_in_year(doubled, y).total - pay_in_year(offer, y).total) / b for y in range(1, years + 1)]


def match_base(e: Evaluation, other: Evaluation) -> tuple[float | None, float | None]:
    """The year-1 base at which ``e``'s year-1 total, and its average total, equal ``other``'s.

    Every other term of ``e`` is held fixed; percent-based terms move with base. None when no positive base would
    do (the other offer pays less than this one's non-base pay).
    """
    slopes = base_slopes(e.offer, len(e.years))
    base = e.years[0].base
    year1 = base + (other.year1 - e.year1) / slopes[0]
    average = base + (other.annual_average - e.annual_average) / fmean(slopes)
    return (year1 if year1 > 0 else None), (average if average > 0 else None)


def _gap(e: Evaluation, other: Evaluation) -> Gap:
    diffs = {name: other.component_total(name) - e.component_total(name) for name in COMPONENT_NAMES}
    year1, average = match_base(e, other)
    component = max(diffs, key=lambda k: diffs[k])
    net1 = net_avg = None
    if e.taxes is not None and other.taxes is not None:
        net1 = other.taxes.nets[0] - e.taxes.nets[0]
        net_avg = (other.taxes.net_total - e.taxes.net_total) / len(e.years)
    return Gap(other.label, other.year1 - e.year1, other.annual_average - e.annual_average, year1, average,
               component, diffs[component], net1, net_avg)


# --- the asks, shared by the points and the counter ---------------------------------------------------------


def benchmark_cell(e: Evaluation) -> str:
    """Which benchmark cell and factors the market figures use, for a point's source."""
    m = e.market
    b = m.benchmark
    cell = ", ".join(x for x in (b.role, f"{b.experience} years" if b.experience else None, b.country) if x)
    factors = ", ".join(f"{a.adjustment.factor} x{a.adjustment.multiplier:.3f}" for a in m.adjustments
                        if a.adjustment.multiplier != 1)
    return (f"{b.source_title}, {b.year}: {cell or 'all roles'}" + (f" (n={b.n})" if b.n else "")
            + (f"; factors {factors} (all x{m.multiplier:.3f})" if factors else "; no factor adjustment"))


def base_target(e: Evaluation, percentile: float) -> float | None:
    """The market base at ``percentile`` of the offer's adjusted benchmark (None when not scored)."""
    if e.market is None:
        return None
    # Imported here: plugins import this module for TalkingPoint, and scoring pulls in the plugin machinery.
    from .scoring import value_at

    return value_at(percentile, e.market.expected_base)


def base_ask(e: Evaluation, percentile: float) -> float | None:
    target = base_target(e, percentile)
    if target is None or e.years[0].base >= target:
        return None
    return round_ask(target)


def bonus_percent(e: Evaluation) -> float:
    """The year-1 bonus as a percent of year-1 base, whether it is set as a percent or an amount."""
    return 100 * e.years[0].bonus / e.years[0].base


def bonus_ask(e: Evaluation) -> float | None:
    """The middle of the seed's 10-20% range when the bonus is below its low end."""
    if bonus_percent(e) >= BONUS_NORM[0] - 1e-9:
        return None
    return sum(BONUS_NORM) / 2


def evening_sign_on(e: Evaluation) -> tuple[float, ...]:
    """Extra sign-on, years 1 and 2, that would bring back-loaded vesting up to an even share, net of sign-on."""
    eq = e.offer.equity
    if eq is None:
        return ()
    schedule = eq.vesting_plan.schedule
    even = 100 / len(schedule)
    out = []
    for y in range(1, min(2, len(schedule), len(e.years)) + 1):
        # Under 0.01 points is how presets round thirds (33.34/33.33/33.33), not back-loading.
        points = even - schedule[y - 1] if even - schedule[y - 1] >= 0.01 else 0.0
        short = points * grant_value_per_percent(eq, y) * e.fx
        net = short - e.offer.sign_on.in_year(y) * e.fx
        out.append(round_ask(net) if net > 0 else 0.0)
    return tuple(out) if any(out) else ()


def sign_on_now(e: Evaluation) -> float:
    """The offer's sign-on over the horizon (relocation apart), in the display currency."""
    return sum(e.offer.sign_on.in_year(y.year) for y in e.years) * e.fx


def _has_sign_on(offer: Offer) -> bool:
    return bool(offer.sign_on.amount) or any(offer.sign_on.amounts or ())


@dataclass(frozen=True)
class _Shortfall:
    amount: float
    versus: str
    source: str


def missing_sign_on(e: Evaluation, gaps: Sequence[Gap], percentile: float) -> _Shortfall | None:
    """When there is no sign-on: the larger year-1 shortfall, versus the market's target or a competing offer."""
    if _has_sign_on(e.offer):
        return None
    reasons = []
    if e.market is not None:
        from .scoring import value_at

        reasons.append(_Shortfall(value_at(percentile, e.market.expected_total) - e.year1,
                                  f"the market's p{percentile:g} total pay", benchmark_cell(e)))
    reasons += [_Shortfall(g.year1_gap, f"the offer from {g.label}", f"{g.label} offer file") for g in gaps]
    best = max(reasons, key=lambda r: r.amount, default=None)
    return best if best is not None and best.amount > 0 else None


# --- the points -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    e: Evaluation
    others: tuple[Evaluation, ...]
    gaps: tuple[Gap, ...]
    percentile: float
    current: Evaluation | None = None

    def money(self, x: float) -> str:
        return format_money(x, self.e.currency)

    @property
    def years(self) -> int:
        return len(self.e.years)


def _base_point(c: _Context) -> list[TalkingPoint]:
    ask = base_ask(c.e, c.percentile)
    target = base_target(c.e, c.percentile)
    if ask is None or target is None:
        return []
    base = c.e.years[0].base
    gain = (ask - base) * sum(base_slopes(c.e.offer, c.years))
    where = f"sits {c.e.market.base}" if c.e.market.base.bound else f"sits at {c.e.market.base}"
    text = (f"The base of {c.money(base)} {where} of the market for this role, experience and "
            f"location after adjustments; p{c.percentile:g} is {c.money(target)}. I would like a base of "
            f"{c.money(ask)}.")
    return [TalkingPoint(topic="base below market", text=text, amount=gain, ask=f"base {c.money(ask)}",
                         source=benchmark_cell(c.e))]


def _bonus_point(c: _Context) -> list[TalkingPoint]:
    ask = bonus_ask(c.e)
    if ask is None:
        return []
    now = bonus_percent(c.e)
    gain = sum(ask / 100 * y.base - y.bonus for y in c.e.years)
    current = "no bonus" if now == 0 else f"a bonus of {now:.3g}% of base"
    text = (f"The offer has {current}; performance bonuses typically add {BONUS_NORM[0]:g}-{BONUS_NORM[1]:g}% of "
            f"base. I would like a target bonus of {ask:g}% of base, {c.money(ask / 100 * c.e.years[0].base)} in "
            "year 1.")
    return [TalkingPoint(topic="bonus", text=text, amount=gain, ask=f"bonus target {ask:g}% of base",
                         source=BONUS_SOURCE)]


def _equity_points(c: _Context) -> list[TalkingPoint]:
    eq = c.e.offer.equity
    if eq is None:
        return []
    fx, n = c.e.fx, c.years
    plan = eq.vesting_plan
    points = []
    evening = evening_sign_on(c.e)
    if evening:
        split = "/".join(f"{p:g}" for p in plan.schedule)
        asks = " and ".join(f"{c.money(a)} in year {y}" for y, a in enumerate(evening, 1) if a)
        points.append(TalkingPoint(
            topic="back-loaded vesting",
            text=(f"The equity vests {split}, so the first years pay less than an even "
                  f"{100 / len(plan.schedule):.3g}% a year, more than the sign-on makes up. I would like an extra "
                  f"sign-on of {asks} to even that out."),
            amount=sum(evening), ask=f"extra sign-on {asks}",
            source=f"vesting schedule {split} and grant in the offer file"))
    if plan.cliff_months:
        at_cliff = sum(p * grant_value_per_percent(eq, j + 1)
                       for j, p in enumerate(vested_by_year(plan, plan.cliff_months))) * fx
        points.append(TalkingPoint(
            topic="vesting cliff",
            text=(f"Nothing vests before month {plan.cliff_months}: leaving earlier forfeits the {c.money(at_cliff)} "
                  "that vests at the cliff. I would ask for vesting from the first month, or a shorter cliff."),
            amount=at_cliff, ask="no cliff (vesting from month 1)",
            source=f"cliff_months = {plan.cliff_months} of the vesting plan (at stake, not extra pay)"))
    annual = grant_value_per_percent(eq, 1) * 100 / len(plan.schedule)
    if not eq.refresh_annual and annual > 0 and n >= 2:
        with_refresh = c.e.offer.model_copy(update={"equity": eq.model_copy(update={"refresh_annual": annual})})
        gain = (_horizon_total(with_refresh, n) - _horizon_total(c.e.offer, n)) * fx
        points.append(TalkingPoint(
            topic="no equity refreshers",
            text=(f"There are no annual refreshers, so equity pay stops when the grant has vested. I would ask for "
                  f"refreshers of {c.money(annual * fx)} a year, the initial grant spread over its "
                  f"{len(plan.schedule)} years."),
            amount=gain, ask=f"refreshers {c.money(round_ask(annual * fx))} a year",
            source="initial grant value / vesting years, from the offer file"))
    if eq.kind == "options":
        assert eq.strike is not None and eq.fmv is not None
        if eq.strike > eq.fmv:
            at_fmv = c.e.offer.model_copy(update={"equity": eq.model_copy(update={"strike": eq.fmv})})
            gain = (_horizon_total(at_fmv, n) - _horizon_total(c.e.offer, n)) * fx
            points.append(TalkingPoint(
                topic="option strike above fair value",
                text=(f"The strike of {eq.strike:g} is above the fair market value of {eq.fmv:g} a share, so the "
                      f"options are worth nothing today. I would ask for a strike at the fair market value."),
                amount=gain, ask=f"strike {eq.fmv:g}",
                source="strike and fmv (409A) in the offer file"))
    if c.e.offer.company.public is False:
        value = c.e.component_total("equity")
        points.append(TalkingPoint(
            topic="illiquid equity",
            text=(f"The company is private, so the {c.money(value)} of equity over {n} years cannot be sold until "
                  "a sale, listing or tender offer. Ask about tender offers and how long you have to exercise after "
                  "leaving, or for more of the pay in cash."),
            amount=value, ask=None, source="[company] public = false in the offer file"))
    return points


def _sign_on_points(c: _Context) -> list[TalkingPoint]:
    fx = c.e.fx
    so = c.e.offer.sign_on
    points = []
    missing = missing_sign_on(c.e, c.gaps, c.percentile)
    if missing is not None:
        ask = round_ask(missing.amount)
        points.append(TalkingPoint(
            topic="no sign-on bonus",
            text=(f"The offer has no sign-on bonus, and its year-1 total pay is {c.money(missing.amount)} below "
                  f"{missing.versus}. I would ask for a sign-on bonus of {c.money(ask)}"
                  + ("" if so.relocation else ", and relocation support if I move") + "."),
            amount=ask, ask=f"sign-on {c.money(ask)}", source=missing.source))
    if so.clawback_months:
        paid = sum(so.in_year(y) for y in range(1, (so.clawback_months - 1) // 12 + 2)) + so.relocation
        if paid:
            points.append(TalkingPoint(
                topic="sign-on clawback",
                text=(f"Leaving within {so.clawback_months} months means repaying {c.money(paid * fx)} of sign-on "
                      "and relocation. I would ask for the repayment to shrink month by month (pro rata)."),
                amount=paid * fx, ask="pro-rata clawback",
                source=f"[sign_on] clawback_months = {so.clawback_months} (at stake, not extra pay)"))
    return points


def _benefit_points(c: _Context) -> list[TalkingPoint]:
    if not c.others:
        return []
    first = c.e.years[0]
    kinds = (("retirement_match", "retirement match"), ("espp", "ESPP"))
    points = []
    for name, topic in kinds:
        mine = getattr(first, name) / first.base
        best = max(c.others, key=lambda o: getattr(o.years[0], name) / o.years[0].base)
        theirs = getattr(best.years[0], name) / best.years[0].base
        if theirs > mine + 1e-12:
            gain = sum(y.base * (theirs - mine) for y in c.e.years)
            points.append(TalkingPoint(
                topic=f"{topic} gap",
                text=(f"{best.label} gives {100 * theirs:.3g}% of base in {topic}, this offer {100 * mine:.3g}%: "
                      f"{c.money(gain)} over {c.years} years. I would ask to match it."),
                amount=gain, ask=f"{topic} worth {100 * theirs:.3g}% of base", source=f"{best.label} offer file"))
    pto = c.e.offer.benefits.pto_days
    best = max(c.others, key=lambda o: o.offer.benefits.pto_days)
    more = best.offer.benefits.pto_days - pto
    if more > 0:
        gain = sum(y.base / WORKING_DAYS * more for y in c.e.years)
        points.append(TalkingPoint(
            topic="PTO gap",
            text=(f"{best.label} gives {best.offer.benefits.pto_days:g} days of paid time off, this offer {pto:g}: "
                  f"{more:g} days a year are worth {c.money(gain)} of base over {c.years} years. I would ask for "
                  f"{best.offer.benefits.pto_days:g} days."),
            amount=gain, ask=f"{best.offer.benefits.pto_days:g} days PTO",
            source=f"{best.label} offer file; a day is base / {WORKING_DAYS} working days"))
    return points


def _candidate_points(c: _Context) -> list[TalkingPoint]:
    target = base_target(c.e, c.percentile)
    if target is None:
        return []
    slope = sum(base_slopes(c.e.offer, c.years))
    ask = base_ask(c.e, c.percentile)
    points = []
    for a in c.e.market.adjustments:
        adj = a.adjustment
        if adj.factor in CANDIDATE_FACTORS and adj.multiplier > 1:
            premium = target * (1 - 1 / adj.multiplier)
            points.append(TalkingPoint(
                topic=f"{adj.factor} premium",
                text=(f"The market pays a premium for my {adj.factor} ({adj.reason}). That is {c.money(premium)} of "
                      f"the p{c.percentile:g} base of {c.money(target)}, and it supports the base ask."),
                amount=premium * slope, ask=None if ask is None else f"base {c.money(ask)}",
                source=f"{a.plugin} factor: {adj.source or 'no source given'}"))
    return points


def _competing_points(c: _Context) -> list[TalkingPoint]:
    points = []
    for g in c.gaps:
        if g.year1_gap <= 0 and g.average_gap <= 0:
            continue
        if g.component == "base" and g.match_base_average is not None:
            ask = f"base {c.money(round_ask(g.match_base_average))}"
        elif g.component == "sign_on":
            ask = f"sign-on +{c.money(round_ask(g.component_gap))}"
        else:
            ask = f"{COMPONENT_NAMES[g.component]} +{c.money(round_ask(g.component_gap / c.years))} a year"
        match = ("" if g.match_base_average is None else
                 f" Matching it on average would take a base of {c.money(g.match_base_average)}.")
        if g.average_net_gap is not None:
            match += f" After estimated taxes the gap is {c.money(g.average_net_gap)} a year."
        points.append(TalkingPoint(
            topic=f"competing offer: {g.label}",
            text=(f"I have an offer from {g.label} that pays {c.money(g.year1_gap)} more in year 1 and "
                  f"{c.money(g.average_gap)} a year more on average over {c.years} years, mostly in "
                  f"{COMPONENT_NAMES[g.component]}.{match}"),
            amount=max(g.average_gap * c.years, g.year1_gap), ask=ask, source=f"{g.label} offer file"))
    return points


def buyout(current: Evaluation | None) -> Forfeited | None:
    """What leaving the current job forfeits, when there is something to buy out."""
    f = None if current is None else forfeited(current)
    return f if f is not None and f.total > 0 else None


def _buyout_point(c: _Context) -> list[TalkingPoint]:
    f = buyout(c.current)
    if f is None or c.current is None:
        return []
    ask = round_ask(f.total)
    parts = [f"{c.money(getattr(f, name))} of {title}" for name, title in FORFEITED_PARTS if getattr(f, name) > 0]
    listed = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
    on_top = " on top of the offered sign-on" if _has_sign_on(c.e.offer) else ""
    return [TalkingPoint(
        topic="buyout",
        text=(f"Leaving {c.current.offer.offer.company} costs me {c.money(f.total)}: {listed}. I would ask for a "
              f"sign-on bonus of {c.money(ask)}{on_top}, or an extra equity grant of that value, to make up for it."),
        amount=f.total, ask=f"sign-on {c.money(ask)} (buyout), or an extra equity grant of that value",
        source=f"[leaving] in {c.current.offer.path or 'the current-job file'} (unvested_equity, unpaid_bonus, "
               "clawback_owed)")]


_BUILTIN = (_base_point, _bonus_point, _equity_points, _sign_on_points, _benefit_points, _candidate_points,
            _competing_points, _buyout_point)


def builtin_points(e: Evaluation, others: Sequence[Evaluation] = (), *,
                   target_percentile: float = DEFAULT_TARGET_PERCENTILE,
                   current: Evaluation | None = None) -> list[TalkingPoint]:
    """offercheck's own talking points for ``e`` (unranked); ``current``: the job held now, for the buyout."""
    others = tuple(others)
    return _points(_Context(e, others, tuple(_gap(e, o) for o in others), target_percentile, current))


def _points(c: _Context) -> list[TalkingPoint]:
    return [p for kind in _BUILTIN for p in kind(c)]


def plugin_points(pm: pluggy.PluginManager, e: Evaluation, others: Sequence[Evaluation]) -> list[TalkingPoint]:
    """Points from every ``offercheck_talking_points`` plugin, checked so a bad one is named, not a crash."""
    from .errors import PluginError
    from .plugins import call_hook

    hook = "offercheck_talking_points"
    out: list[TalkingPoint] = []
    for plugin, result in call_hook(pm, hook, offer=e.offer, evaluation=e, others=tuple(others)):
        if not isinstance(result, (list, tuple)):
            raise PluginError(plugin, hook, f"returned {type(result).__name__}, expected a list of TalkingPoint")
        for item in result:
            if not isinstance(item, TalkingPoint):
                raise PluginError(plugin, hook, f"returned a {type(item).__name__} in its list, expected TalkingPoint")
            # model_construct() can bypass validation: ranking needs a finite, non-negative amount.
            if not (isinstance(item.amount, (int, float)) and math.isfinite(item.amount) and item.amount >= 0):
                raise PluginError(plugin, hook, f"amount must be a finite number >= 0, got {item.amount!r}")
            out.append(item)
    return out


def rank(points: Sequence[TalkingPoint]) -> tuple[TalkingPoint, ...]:
    """Largest dollar impact first; ties keep their order (built-in kinds, then plugins)."""
    return tuple(sorted(points, key=lambda p: -p.amount))


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

    if e.market is not None:
        research = (f"Check the benchmark against other sources for your location: these asks use "
                    f"{benchmark_cell(e)}.")
    else:
        research = "No market benchmark was used here: research salary ranges for this role and location first."
    n = len(e.years)
    parts = ", ".join(f"{name} {e.component_total(k) / e.total:.0%}" for k, name in COMPONENT_NAMES.items()
                      if e.component_total(k) > 0)
    package = f"Weigh the whole package, not the base alone: over {n} years this offer pays {money(e.total)} ({parts})."
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
    gaps = tuple(_gap(e, o) for o in others)
    points = _points(_Context(e, others, gaps, target_percentile, current))
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
        stay=None if current is None else _gap(e, current),
    )
