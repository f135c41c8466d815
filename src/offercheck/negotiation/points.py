"""Talking points: what to ask for, the sentence to say it with, its value over the horizon and its source.

Built-in kinds are templates filled with the numbers from :mod:`offercheck.negotiation.asks`; plugins add their
own through ``offercheck_talking_points``, and all are ranked together (:func:`rank`: money asks by value, then
terms by the amount at stake, then questions). No point ever uses gender or another protected attribute: none is
read here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from offercheck.negotiation.asks import (
    CANDIDATE_FACTORS,
    DEFAULT_TARGET_PERCENTILE,
    Asks,
    Package,
    applicable_market,
    benchmark_cell,
    forfeited_words,
    format_money,
    horizon_gain,
    offered,
    plan_asks,
    round_ask,
)
from offercheck.negotiation.bonus import bonus_unstated
from offercheck.negotiation.gaps import Gap, gap_to, same_market
from offercheck.negotiation.local import local_terms, possessive
from offercheck.pay.leave_early import clawback_at_stake
from offercheck.pay.vesting import equity_vested, grant_value_per_percent, vested_by_year
from offercheck.text import years_text

if TYPE_CHECKING:
    from offercheck.results import Evaluation

__all__ = ["TalkingPoint", "builtin_points", "rank"]

# A year of paid days off is valued at base / working days (52 weeks x 5 days).
WORKING_DAYS = 260
USUAL_CLIFF_MONTHS = 12  # a one-year cliff is the norm; only a longer one is worth an ask


Kind = Literal["money", "term", "question"]


class TalkingPoint(BaseModel):
    """One thing to ask for, with the money it is worth and where the number comes from.

    ``amount`` is the dollar-equivalent impact over the horizon in the display currency. ``kind`` says what the
    amount is: "money", pay asked for (ranked by it); "term", a term asked for (exercise window, cliff,
    clawback) whose amount is what is at stake, not pay, ranked after every money ask; "question", something to
    ask about (amount 0), last. ``kind`` is not part of the JSON (its keys are a contract): a term's ``source``
    says "at stake" there.
    """

    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    topic: Annotated[str, Field(min_length=1)]
    text: Annotated[str, Field(min_length=1)]
    amount: Annotated[float, Field(ge=0)]
    ask: str | None = None
    source: str = ""
    kind: Kind = Field("money", exclude=True)

    @property
    def at_stake(self) -> bool:
        """Whether ``amount`` is what a term puts at stake (say "at stake", never as pay)."""
        return self.kind == "term"


@dataclass(frozen=True)
class _Context:
    e: Evaluation
    others: tuple[Evaluation, ...]
    gaps: tuple[Gap, ...]
    asks: Asks
    percentile: float
    current: Evaluation | None = None

    def money(self, x: float) -> str:
        return format_money(x, self.e.currency)

    @property
    def years(self) -> int:
        return len(self.e.years)

    @property
    def better(self) -> list[tuple[Gap, Evaluation]]:
        """The competing offers that beat this one: the only ones a point cites."""
        return [(g, o) for g, o in zip(self.gaps, self.others, strict=True) if g.better]


def _base_point(c: _Context) -> list[TalkingPoint]:
    """The base ask with its reasons, as a person would give them: the market figure that supports it, a better
    offer's base. The rules behind the amount (the +20% bound, the premia in the benchmark) go to the source."""
    a = c.asks.base
    if a is None:
        return []
    now = offered(c.e)
    said, sources = [], []
    m = applicable_market(c.e)  # the market behind ``a.target``
    if a.target is not None and m is not None and m.base is not None:
        # Said as a person would say it to a recruiter: "the 56th percentile", not "p56".
        where = (f"is {m.base.bound} the {_ordinal(m.base.value)} percentile" if m.base.bound
                 else f"is at the {_ordinal(m.base.value)} percentile")
        said.append(f"The offered base of {c.money(now.base)} {where} of market pay for this role, experience and "
                    f"location; the {_ordinal(c.percentile)} percentile is {c.money(a.target)}.")
        sources.append(benchmark_cell(m))
    if a.competitor is not None and a.competitor_base is not None:
        net = a.competitor.average_net_gap
        said.append(f"The offer I hold from {a.competitor.company} pays a base of {c.money(a.competitor_base)}"
                    + ("" if net is None else f"; after estimated taxes it pays {c.money(net)} a year more") + ".")
        sources.append(f"{a.competitor.label} offer file")
    if a.capped:
        sources.append(f"the ask is kept within 20% above the offered base ({c.money(now.base * 1.2)})")
    if a.target is not None and m is not None:
        # The premium's reason is evidence for the reader, not words for the recruiter: it goes to the source.
        sources += [f"{x.adjustment.factor} premium x{x.adjustment.multiplier:.3f}: {x.adjustment.reason}"
                    for x in m.adjustments
                    if x.adjustment.factor in CANDIDATE_FACTORS and x.adjustment.multiplier > 1]
    up = "" if said and a.target is not None else f", up from {c.money(now.base)}"
    said.append(f"I would like a base salary of {c.money(a.amount)}{up}.")
    gain = horizon_gain(c.e, Package(a.amount, now.bonus_percent))
    return [TalkingPoint(topic="base", text=" ".join(said), amount=gain, ask=f"a base salary of {c.money(a.amount)}",
                         source="; ".join(sources))]


def _bonus_point(c: _Context) -> list[TalkingPoint]:
    """A bonus ask with its reason (a better offer's bonus, a measured norm); else, when the offer says nothing
    of a bonus, the question whether the role is eligible for one."""
    b = c.asks.bonus
    if b is None:
        if not bonus_unstated(c.e):
            return []
        return [TalkingPoint(
            topic="bonus", kind="question", amount=0.0, ask=None,
            text="The offer does not mention a bonus. Is the role eligible for one, and if so, what is its target?",
            source="the offer file has no [bonus]; no competing offer in hand or measured norm supports a bonus ask")]
    p = c.asks.package
    gain = horizon_gain(c.e, p) - horizon_gain(c.e, Package(p.base, offered(c.e).bonus_percent))
    current = "no bonus" if b.now_percent == 0 else f"a bonus of {b.now_percent:.3g}% of base"
    r = b.reason
    why = (f"the offer I hold from {r.competitor.company} has a target bonus of {r.percent:g}% of base"
           if r.competitor is not None else f"in this market a bonus typically adds {r.percent:g}% of base")
    text = (f"The offer has {current}; {why}. I would like a target bonus of {b.percent:g}% of base "
            f"({c.money(b.percent / 100 * p.base)} in year 1).")
    cut = "; less than that, to keep year-1 cash within 30% of the offer's" if b.percent < r.percent else ""
    return [TalkingPoint(topic="bonus", text=text, amount=gain, ask=f"a target bonus of {b.percent:g}% of base",
                         source=r.source + cut)]


def sign_on_words(c: _Context, amounts: Sequence[float]) -> str:
    """$40,000, or $40,000 ($30,000 in year 1 and $10,000 in year 2) when more than year 1 pays some."""
    if not any(amounts[1:]):
        return c.money(sum(amounts))
    by_year = [f"{c.money(a)} in year {y}" for y, a in enumerate(amounts, 1) if a]
    return f"{c.money(sum(amounts))} ({', '.join(by_year[:-1])} and {by_year[-1]})"


def sign_on_by_year(c: _Context) -> tuple[float, ...]:
    """The sign-on of the counter by year (offered and new, relocation apart): in all, ``counter.sign_on``."""
    new = c.asks.package.new_sign_on
    return tuple(y.sign_on - y.relocation + (new[i] if i < len(new) else 0.0) for i, y in enumerate(c.e.years))


def _sign_on_point(c: _Context) -> list[TalkingPoint]:
    """The sign-on asked for, said as its new total (offered and new, equal to ``counter.sign_on``), with the
    reason for each part of what is new; the year-1 bounds that cut it go to the source."""
    a = c.asks
    if not a.parts:
        return []
    total = sign_on_words(c, sign_on_by_year(c))
    offered_total = sum(y.sign_on - y.relocation for y in c.e.years)
    more = (f", {c.money(a.sign_on)} more than the {c.money(offered_total)} offered" if offered_total else "")
    if len(a.parts) == 1:
        reasons = f", because {a.parts[0].detail}"
    else:
        reasons = ": " + "; and ".join(f"{c.money(x.total)} because {x.detail}" for x in a.parts)
    text = f"I would ask for a sign-on bonus of {total}{more}{reasons}."
    sources = list(dict.fromkeys(x.source for x in a.parts))
    if a.limit_from is not None:
        text += (f" {possessive(a.limit_from.company)} offer pays {c.money(a.limit_from.year1_gap)} more in its "
                 "first year, so matching it is the ask.")
    elif a.trimmed:
        sources.append(f"year-1 cash kept within 30% of the offer's ({c.money(a.offer_cash)}), so the ask is smaller "
                       "than its reasons add up to")
    return [TalkingPoint(topic="sign-on", text=text, amount=a.sign_on, ask=f"a sign-on bonus of {total}",
                         source="; ".join(sources))]


def _buyout_equity_point(c: _Context) -> list[TalkingPoint]:
    """What the year-1 sign-on leaves of the buyout, asked as an extra equity grant (never later cash); in shares
    at the latest preferred price where a private company gives one."""
    g = c.asks.buyout_grant
    if g is None or c.current is None:
        return []
    grant = c.money(g.value)
    price = None if g.price is None else format_money(g.price, c.e.currency, cents=True)
    what = (f"an extra equity grant worth {grant}" if g.shares is None else
            f"an extra equity grant of {g.shares:,} shares (worth {grant} at the latest preferred price of {price})")
    cash = next((x.total for x in c.asks.parts if x.reason == "buyout"), 0.0)
    rest = (f"with {c.money(cash)} of it in the sign-on bonus, I would ask for {what} for the rest" if cash
            else f"I would ask for {what} to make it up")
    text = f"{forfeited_words(c.current)[:1].upper()}{forfeited_words(c.current)[1:]}; {rest}."
    return [TalkingPoint(topic="buyout in equity", text=text, amount=g.value, ask=what,
                         source=f"[leaving] in {c.current.offer.path or 'the current-job file'}"
                                + ("; preferred_price in the offer file" if g.shares is not None else ""))]


def _refresher_point(c: _Context) -> list[TalkingPoint]:
    eq = c.e.offer.equity
    if eq is None or eq.refresh_annual or eq.kind != "rsu" or c.e.offer.company.public is False or c.years < 2:
        return []
    annual = round_ask(grant_value_per_percent(eq, 1) * 100 / len(eq.vesting_plan.schedule) * c.e.fx)
    if annual <= 0:
        return []
    asked = eq.model_copy(update={"refresh_annual": annual / c.e.fx})
    gain = sum(equity_vested(asked, 12 * y, after=12 * (y - 1))[1] for y in range(1, c.years + 1)) * c.e.fx
    return [TalkingPoint(
        topic="equity refreshers",
        text=(f"There are no annual refreshers, so equity pay stops once the grant has vested. I would ask for "
              f"equity refreshers of {c.money(annual)} a year, the initial grant spread over its "
              f"{years_text(len(eq.vesting_plan.schedule))}."),
        amount=gain, ask=f"equity refreshers of {c.money(annual)} a year",
        source="initial grant value / vesting years, from the offer file")]


def _cliff_point(c: _Context) -> list[TalkingPoint]:
    eq = c.e.offer.equity
    plan = None if eq is None else eq.vesting_plan
    if eq is None or plan is None or plan.cliff_months <= USUAL_CLIFF_MONTHS:
        return []
    at_cliff = sum(p * grant_value_per_percent(eq, j + 1)
                   for j, p in enumerate(vested_by_year(plan, plan.cliff_months))) * c.e.fx
    if at_cliff <= 0:  # options underwater at the cliff put nothing at stake
        return []
    return [TalkingPoint(
        topic="vesting cliff",
        text=(f"Nothing vests before month {plan.cliff_months}, longer than the usual one-year cliff. I would ask "
              f"for a 12-month cliff. At stake: the {c.money(at_cliff)} that vests at the cliff, forfeited by "
              "leaving before it."),
        amount=at_cliff, ask="a 12-month cliff", kind="term",
        source=f"cliff_months = {plan.cliff_months} of the vesting plan (the amount is at stake, not pay)")]


def _clawback_point(c: _Context) -> list[TalkingPoint]:
    so = c.e.offer.sign_on
    if not so.clawback_months:
        return []
    paid = clawback_at_stake(so) * c.e.fx
    if not paid:
        return []
    what = "sign-on and relocation" if so.relocation else "sign-on"
    return [TalkingPoint(
        topic="sign-on clawback",
        text=(f"Leaving within {so.clawback_months} months would mean repaying all of the {what}. I would ask "
              f"for the repayment to shrink month by month (pro rata). At stake: {c.money(paid)} of {what}."),
        amount=paid, ask=f"a pro-rata clawback of the {what}", kind="term",
        source=f"[sign_on] clawback_months = {so.clawback_months} (the amount is at stake, not pay)")]


def _strike_point(c: _Context) -> list[TalkingPoint]:
    eq = c.e.offer.equity
    if eq is None or eq.kind != "options" or eq.strike is None or eq.fmv is None or eq.strike <= eq.fmv:
        return []
    at_fmv = eq.model_copy(update={"strike": eq.fmv})
    gain = sum(equity_vested(at_fmv, 12 * y, after=12 * (y - 1))[0]
               - equity_vested(eq, 12 * y, after=12 * (y - 1))[0] for y in range(1, c.years + 1)) * c.e.fx
    strike, fmv = (format_money(x * c.e.fx, c.e.currency, cents=True) for x in (eq.strike, eq.fmv))
    return [TalkingPoint(
        topic="option strike above fair value",
        text=(f"The strike of {strike} is above the fair market value of {fmv} a share, so the options "
              "are worth nothing today. I would ask for a strike at the fair market value."),
        amount=gain, ask=f"a strike price of {fmv}, the fair market value",
        source=f"strike and {local_terms(c.e.offer).fmv_field} in the offer file")]


def _equity_gap_point(c: _Context) -> list[TalkingPoint]:
    """A better offer's larger equity, only for what the cash asks before it do not already close."""
    p = c.asks.package
    refreshers = sum(x.amount for x in _refresher_point(c))
    counter_total = c.e.total + horizon_gain(c.e, p) + c.asks.sign_on + refreshers
    best = max(c.better, key=lambda ge: ge[1].component_total("equity"), default=None)
    if best is None:
        return []
    g, other = best
    raw = other.component_total("equity") - c.e.component_total("equity")
    more = raw - refreshers  # what refreshers asked above do not already cover
    gap = min(more, other.total - counter_total)
    left = round_ask(gap, at_most=gap)
    if more <= 0 or left <= 0:
        return []
    return [TalkingPoint(
        topic="equity",
        text=(f"The offer I hold from {g.company} pays {c.money(raw)} more in equity over {years_text(c.years)}; "
              f"even with the changes above, {c.money(left)} of that remains. I would ask for a larger equity grant "
              "to close it."),
        amount=left, ask=f"a larger equity grant, worth {c.money(left)} more over {years_text(c.years)}",
        source=f"{g.label} offer file")]


def _benefit_points(c: _Context) -> list[TalkingPoint]:
    """Retirement match, ESPP and PTO of a better offer in the same country, where that offer gives more."""
    first = c.e.years[0]
    peers = [(g, o) for g, o in c.better if same_market(c.e, o)]
    # Money benefits only while a better offer still pays more than the counter asked so far; PTO is not pay.
    counter_total = (c.e.total + horizon_gain(c.e, c.asks.package) + c.asks.sign_on
                     + sum(p.amount for p in _equity_gap_point(c)))
    richer = [(g, o) for g, o in peers if o.total > counter_total]
    points = []
    # A private company has no stock plan to buy into: no ESPP ask there.
    kinds = (("retirement_match", "retirement match"),) + ((("espp", "ESPP"),) if c.e.offer.company.public is not False
                                                             else ())
    local = local_terms(c.e.offer).retirement
    for name, topic in kinds:
        words = local if name == "retirement_match" else topic
        mine = getattr(first, name) / first.base
        best = max(richer, key=lambda ge: getattr(ge[1].years[0], name) / ge[1].years[0].base, default=None)
        theirs = 0.0 if best is None else getattr(best[1].years[0], name) / best[1].years[0].base
        if best is not None and theirs > mine + 1e-12:
            gain = sum(y.base * (theirs - mine) for y in c.e.years)
            points.append(TalkingPoint(
                topic=topic,
                text=(f"{best[0].company} gives {100 * theirs:.3g}% of base in {words}, this offer {100 * mine:.3g}%: "
                      f"{c.money(gain)} over {years_text(c.years)}. I would ask to match it."),
                amount=gain, ask=f"{_article(words)} {words} of {100 * theirs:.3g}% of base",
                source=f"{best[0].label} offer file"))
    pto = c.e.offer.benefits.pto_days
    best = max(peers, key=lambda ge: ge[1].offer.benefits.pto_days, default=None)
    if best is not None and best[1].offer.benefits.pto_days > pto:
        days = best[1].offer.benefits.pto_days
        gain = sum(y.base / WORKING_DAYS * (days - pto) for y in c.e.years)
        points.append(TalkingPoint(
            topic="paid time off",
            text=(f"{best[0].company} gives {days:g} days of paid time off, this offer {pto:g}: {days - pto:g} days a "
                  f"year are worth {c.money(gain)} of base over {years_text(c.years)}. I would ask for {days:g} days."),
            amount=gain, ask=f"{days:g} days of paid time off",
            source=f"{best[0].label} offer file; a day is base / {WORKING_DAYS} working days"))
    return points


_BUILTIN = (_base_point, _bonus_point, _sign_on_point, _buyout_equity_point, _refresher_point, _cliff_point,
            _clawback_point, _strike_point, _equity_gap_point, _benefit_points)


def builtin_points(e: Evaluation, others: Sequence[Evaluation] = (), *,
                   target_percentile: float = DEFAULT_TARGET_PERCENTILE,
                   current: Evaluation | None = None, gaps: Sequence[Gap] | None = None,
                   asks: Asks | None = None) -> list[TalkingPoint]:
    """offercheck's own talking points for ``e`` (unranked), one per ask; ``current``: the job held now.

    ``gaps`` to ``others`` and the ``asks`` are computed unless the caller has them.
    """
    others = tuple(others)
    gaps = tuple(gap_to(e, o) for o in others) if gaps is None else tuple(gaps)
    asks = plan_asks(e, gaps, others, target_percentile, current) if asks is None else asks
    return _points(_Context(e, others, gaps, asks, target_percentile, current))


def _points(c: _Context) -> list[TalkingPoint]:
    return [p for kind in _BUILTIN for p in kind(c)]


def rank(points: Sequence[TalkingPoint]) -> tuple[TalkingPoint, ...]:
    """Money asks by their value over the horizon, largest first; then term asks by the amount at stake; then
    questions (and any point worth nothing). Ties keep their order (built-in kinds, then plugins)."""
    def group(p: TalkingPoint) -> int:
        return 2 if p.kind == "question" or p.amount == 0 else (1 if p.kind == "term" else 0)

    return tuple(sorted(points, key=lambda p: (group(p), -p.amount)))


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _ordinal(p: float) -> str:
    """56 -> '56th', 1 -> '1st', 22 -> '22nd', 13 -> '13th'."""
    n = round(p)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
