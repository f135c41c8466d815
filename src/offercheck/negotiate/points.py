"""Talking points: what to ask for, the sentence to say it with, its value over the horizon and its source.

Built-in kinds are templates filled with the numbers from :mod:`offercheck.negotiate.asks`; plugins add their
own through ``offercheck_talking_points``, and all are ranked together by value. No point ever uses gender or
another protected attribute: none is read here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, ConfigDict, Field

from offercheck.negotiate.asks import (
    BONUS_NORM,
    BONUS_SOURCE,
    CANDIDATE_FACTORS,
    COMPONENT_NAMES,
    DEFAULT_TARGET_PERCENTILE,
    WORKING_DAYS,
    Gap,
    base_ask,
    base_slopes,
    base_target,
    benchmark_cell,
    bonus_ask,
    bonus_percent,
    buyout,
    evening_sign_on,
    format_money,
    gap_to,
    has_sign_on,
    horizon_total,
    missing_sign_on,
    round_ask,
    years_text,
)
from offercheck.pay.current import FORFEITED_PARTS
from offercheck.pay.vesting import grant_value_per_percent, vested_by_year

if TYPE_CHECKING:
    import pluggy

    from offercheck.results import Evaluation

__all__ = ["TalkingPoint", "builtin_points", "plugin_points", "rank"]

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
    at_cliff = sum(p * grant_value_per_percent(eq, j + 1)
                   for j, p in enumerate(vested_by_year(plan, plan.cliff_months))) * fx if plan.cliff_months else 0
    if at_cliff > 0:  # options underwater at the cliff put nothing at stake: no point worth $0
        points.append(TalkingPoint(
            topic="vesting cliff",
            text=(f"Nothing vests before month {plan.cliff_months}: leaving earlier forfeits the {c.money(at_cliff)} "
                  "that vests at the cliff. I would ask for vesting from the first month, or a shorter cliff."),
            amount=at_cliff, ask="no cliff (vesting from month 1)",
            source=f"cliff_months = {plan.cliff_months} of the vesting plan (at stake, not extra pay)"))
    annual = grant_value_per_percent(eq, 1) * 100 / len(plan.schedule)
    if not eq.refresh_annual and annual > 0 and n >= 2:
        with_refresh = c.e.offer.model_copy(update={"equity": eq.model_copy(update={"refresh_annual": annual})})
        gain = (horizon_total(with_refresh, n) - horizon_total(c.e.offer, n)) * fx
        points.append(TalkingPoint(
            topic="no equity refreshers",
            text=(f"There are no annual refreshers, so equity pay stops when the grant has vested. I would ask for "
                  f"refreshers of {c.money(annual * fx)} a year, the initial grant spread over its "
                  f"{years_text(len(plan.schedule))}."),
            amount=gain, ask=f"refreshers {c.money(round_ask(annual * fx))} a year",
            source="initial grant value / vesting years, from the offer file"))
    if eq.kind == "options":
        assert eq.strike is not None and eq.fmv is not None
        if eq.strike > eq.fmv:
            at_fmv = c.e.offer.model_copy(update={"equity": eq.model_copy(update={"strike": eq.fmv})})
            gain = (horizon_total(at_fmv, n) - horizon_total(c.e.offer, n)) * fx
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
            text=(f"The company is private, so the {c.money(value)} of equity over {years_text(n)} cannot be sold "
                  "until a sale, listing or tender offer. Ask about tender offers and how long you have to exercise "
                  "after leaving, or for more of the pay in cash."),
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
                      f"{c.money(gain)} over {years_text(c.years)}. I would ask to match it."),
                amount=gain, ask=f"{topic} worth {100 * theirs:.3g}% of base", source=f"{best.label} offer file"))
    pto = c.e.offer.benefits.pto_days
    best = max(c.others, key=lambda o: o.offer.benefits.pto_days)
    more = best.offer.benefits.pto_days - pto
    if more > 0:
        gain = sum(y.base / WORKING_DAYS * more for y in c.e.years)
        points.append(TalkingPoint(
            topic="PTO gap",
            text=(f"{best.label} gives {best.offer.benefits.pto_days:g} days of paid time off, this offer {pto:g}: "
                  f"{more:g} days a year are worth {c.money(gain)} of base over {years_text(c.years)}. I would ask for "
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
                  f"{c.money(g.average_gap)} a year more on average over {years_text(c.years)}, mostly in "
                  f"{COMPONENT_NAMES[g.component]}.{match}"),
            amount=max(g.average_gap * c.years, g.year1_gap), ask=ask, source=f"{g.label} offer file"))
    return points


def _buyout_point(c: _Context) -> list[TalkingPoint]:
    f = buyout(c.current)
    if f is None or c.current is None:
        return []
    ask = round_ask(f.total)
    parts = [f"{c.money(getattr(f, name))} of {title}" for name, title in FORFEITED_PARTS if getattr(f, name) > 0]
    listed = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
    on_top = " on top of the offered sign-on" if has_sign_on(c.e.offer) else ""
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
                   current: Evaluation | None = None, gaps: Sequence[Gap] | None = None) -> list[TalkingPoint]:
    """offercheck's own talking points for ``e`` (unranked); ``current``: the job held now, for the buyout.

    ``gaps`` to ``others`` (as :func:`offercheck.negotiate.asks.gap_to` gives them) are computed unless the caller
    has them.
    """
    others = tuple(others)
    gaps = tuple(gap_to(e, o) for o in others) if gaps is None else tuple(gaps)
    return _points(_Context(e, others, gaps, target_percentile, current))


def _points(c: _Context) -> list[TalkingPoint]:
    return [p for kind in _BUILTIN for p in kind(c)]


def plugin_points(pm: pluggy.PluginManager, e: Evaluation, others: Sequence[Evaluation]) -> list[TalkingPoint]:
    """Points from every ``offercheck_talking_points`` plugin, checked so a bad one is named, not a crash."""
    from offercheck.errors import PluginError
    from offercheck.plugins import call_hook

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
