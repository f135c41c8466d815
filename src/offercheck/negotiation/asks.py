"""The numbers of a counter-offer, computed in order, each from what the asks before it leave.

base -> bonus -> sign-on -> the year-1 cash bound. Every ask is a round thousand of the negotiation (display)
currency from the moment it is computed, so every renderer shows the same number. Pure functions of evaluations:
pay is read from ``Evaluation.years``, never recomputed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from offercheck.negotiation.bonus import BonusAsk, ask_bonus
from offercheck.negotiation.buyout import BuyoutGrant, buyout_grant
from offercheck.negotiation.gaps import Gap, percent_bonus
from offercheck.pay.current import FORFEITED_PARTS, Forfeited
from offercheck.pay.vesting import grant_value_per_percent
from offercheck.text import money

if TYPE_CHECKING:
    from offercheck.market.position import MarketPosition
    from offercheck.results import Evaluation

DEFAULT_TARGET_PERCENTILE = 60.0
BASE_CAP = 0.20  # "counters of 10-20% are the practice; 20% is aggressive" (DESIGN section 4)
CASH_CAP = 0.30  # the counter's year-1 cash, over the offer's, unless a competing offer in hand pays more
ROUND_TO = 1000.0

# Factors that describe what the candidate brings: evidence for the base ask, never an ask of their own.
CANDIDATE_FACTORS = ("education", "certification", "skills")

def format_money(x: float, currency: str, *, cents: bool = False) -> str:
    """Money in the negotiation's words, as every output writes it ($182,000; 182,000 CHF; $2.10 with ``cents``):
    ``render.common.money``, the one money format."""
    return money(x, currency, cents=cents)


def round_ask(x: float, at_most: float | None = None) -> float:
    """The one rounding rule: the nearest round thousand, or the round thousand below a bound it would pass."""
    r = math.floor(x / ROUND_TO + 0.5) * ROUND_TO
    if at_most is not None and r > at_most + 1e-9:
        r = math.floor(at_most / ROUND_TO + 1e-9) * ROUND_TO
    return float(r)


def applicable_market(e: Evaluation) -> MarketPosition | None:
    """The offer's market position, when its benchmark describes its own country's market.

    An offer in a country without benchmark cells is scored against the all-countries table, but asking a Tokyo
    employer for a mostly-US market figure would not be a defensible number.
    """
    m = e.market
    if m is None or (m.benchmark.country is None and e.offer.location.country is not None):
        return None
    return m


def benchmark_cell(m: MarketPosition) -> str:
    """Which benchmark cell and factors the market figures use, for a point's source."""
    b = m.benchmark
    # Broad dimensions are named: an ask for a Tokyo offer must not read as if it came from a Japanese market.
    cell = ", ".join(x for x in (b.role or "all roles", f"{b.experience} years" if b.experience else None,
                                 b.country or "all countries") if x)
    factors = ", ".join(f"{a.adjustment.factor} x{a.adjustment.multiplier:.3f}" for a in m.adjustments
                        if a.adjustment.multiplier != 1)
    return (f"{b.source_title}, {'survey only, ' if b.survey_only else ''}{b.year}: {cell}"
            + (f" (n={b.n:,})" if b.n else "")
            + (f"; factors {factors} (all x{m.multiplier:.3f})" if factors else "; no factor adjustment"))


def base_target(e: Evaluation, percentile: float) -> float | None:
    """The market base at ``percentile`` of the offer's adjusted benchmark (None when no market applies, or the
    benchmark file has total pay only: no base ask comes from a market that measured no base)."""
    m = applicable_market(e)
    if m is None or m.expected_base is None:
        return None
    # Imported here: plugins import this module for TalkingPoint, and scoring pulls in the plugin machinery.
    from offercheck.market.position import value_at

    return value_at(percentile, m.expected_base)


@dataclass(frozen=True)
class Package:
    """Year-1 base, bonus percent (None: a fixed bonus or none) and new sign-on by year: offer or counter."""

    base: float
    bonus_percent: float | None
    new_sign_on: tuple[float, ...] = ()


def offered(e: Evaluation) -> Package:
    y = e.years[0]
    return Package(y.base, 100 * y.bonus / y.base if percent_bonus(e) else None)


def year1_cash(e: Evaluation, p: Package) -> float:
    """Base + bonus + sign-on paid in year 1 (offered and new; relocation apart) for package ``p`` of ``e``."""
    y = e.years[0]
    bonus = y.bonus if p.bonus_percent is None else p.base * p.bonus_percent / 100
    new = p.new_sign_on[0] if p.new_sign_on else 0.0
    return p.base + bonus + (y.sign_on - y.relocation) + new


def horizon_gain(e: Evaluation, p: Package) -> float:
    """What the base and bonus of ``p`` add over the horizon to the offer's: raises and a percent bonus follow base."""
    r = p.base / e.years[0].base
    return sum(y.base * (r - 1) + (y.bonus if p.bonus_percent is None else p.bonus_percent / 100 * y.base * r)
               - y.bonus for y in e.years)


@dataclass(frozen=True)
class BaseAsk:
    amount: float  # the asked year-1 base, a round thousand above the offer's
    # The market base at the target percentile (unrounded), when it is a reason for the amount: the offer is
    # below it and the market alone asks at least the amount. None otherwise: the offer is at or above the target
    # (the market argues against a raise), or a competing offer asks more than the market figure would support.
    target: float | None
    capped: bool  # the market or the competing offer says more than the +20% bound
    competitor: Gap | None  # a better competing offer with a higher base: evidence, and the ask when higher
    competitor_base: float | None


def ask_base(e: Evaluation, percentile: float, better: Sequence[tuple[Gap, Evaluation]]) -> BaseAsk | None:
    """The market base at ``percentile``, or a better competing offer's higher base; at most +20%, never below.

    An offer at or above the target gets a base ask only from a better offer in hand, which is then its reason.
    """
    now = e.years[0].base
    market = base_target(e, percentile)
    target = market if market is not None and market > now else None  # at or above the target: no market ask
    rival = max(better, key=lambda ge: ge[1].years[0].base, default=None)
    rival_base = rival[1].years[0].base if rival is not None and rival[1].years[0].base > now else None
    wanted = max((x for x in (target, rival_base) if x is not None), default=None)
    if wanted is None:
        return None
    bound = now * (1 + BASE_CAP)
    amount = round_ask(wanted, at_most=bound)
    if amount <= now:
        return None
    if target is not None and round_ask(target, at_most=bound) < amount:
        target = None  # the competing offer sets the amount: the lower market figure would argue against it
    return BaseAsk(amount, target, wanted > bound, rival[0] if rival is not None and rival_base is not None else None,
                   rival_base)


@dataclass(frozen=True)
class SignOnPart:
    """One named reason for sign-on, with its amount per year from year 1."""

    reason: str  # "back-loaded vesting" | "buyout" | "competing offer"
    amounts: tuple[float, ...]
    detail: str  # the evidence, in words with numbers
    source: str

    @property
    def total(self) -> float:
        return sum(self.amounts)


def vesting_part(e: Evaluation) -> SignOnPart | None:
    """Years 1-2 of back-loaded vesting up to an even share of the grant, net of the sign-on offered then."""
    eq = e.offer.equity
    if eq is None:
        return None
    schedule = eq.vesting_plan.schedule
    even = 100 / len(schedule)
    out = []
    for y in range(1, min(2, len(schedule), len(e.years)) + 1):
        # Under 0.01 points is how presets round thirds (33.34/33.33/33.33), not back-loading.
        points = even - schedule[y - 1] if even - schedule[y - 1] >= 0.01 else 0.0
        short = points * grant_value_per_percent(eq, y) * e.fx - (e.years[y - 1].sign_on - e.years[y - 1].relocation)
        out.append(round_ask(short) if short > 0 else 0.0)
    if not any(out):
        return None
    split = "/".join(f"{p:g}" for p in schedule)
    return SignOnPart("back-loaded vesting", tuple(out),
                      f"the equity vests {split}, so the first two years pay less of it than an even {even:.3g}% a "
                      "year would, by more than the sign-on offered",
                      f"vesting schedule {split} and grant in the offer file")


def buyout(current: Evaluation | None) -> Forfeited | None:
    """What leaving the current job forfeits, when there is something to buy out."""
    f = None if current is None else current.forfeited
    return f if f is not None and f.total > 0 else None


def forfeited_words(current: Evaluation) -> str:
    """"leaving Cascade forfeits $60,000 of unvested equity and $10,000 of unpaid bonus": what a buyout makes up."""
    f = current.forfeited
    parts = [] if f is None else [f"{format_money(getattr(f, name), current.currency)} of {title}"
                                  for name, title in FORFEITED_PARTS if getattr(f, name) > 0]
    listed = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + (parts[-1] if parts else "nothing")
    return f"leaving {current.offer.offer.company} forfeits {listed}"


def buyout_part(e: Evaluation, current: Evaluation | None) -> SignOnPart | None:
    f = buyout(current)
    if f is None or current is None:
        return None
    # Year 1 only: what the year-1 bounds leave is asked as an extra equity grant (``buyout.buyout_grant``),
    # never as later cash.
    return SignOnPart("buyout", (round_ask(f.total),), forfeited_words(current),
                      f"[leaving] in {current.offer.path or 'the current-job file'} (unvested_equity, unpaid_bonus, "
                      "clawback_owed)")


def competing_part(e: Evaluation, so_far: Package, better: Sequence[tuple[Gap, Evaluation]]) -> SignOnPart | None:
    """What still separates year 1 from the best competing year 1 after the asks before it."""
    if not better:
        return None
    g, other = max(better, key=lambda ge: ge[0].year1_gap)
    left = other.year1 - (e.year1 + year1_cash(e, so_far) - year1_cash(e, offered(e)))
    if round_ask(left) <= 0:
        return None
    return SignOnPart("competing offer", (round_ask(left),),
                      f"the offer I hold from {g.company} pays {format_money(other.year1, e.currency)} in its first "
                      "year", f"{g.label} offer file; its year 1 less this offer's year 1 with the asks before")


@dataclass(frozen=True)
class Asks:
    """The counter-offer's numbers, in order; ``parts`` name every reason for new sign-on."""

    base: BaseAsk | None
    bonus: BonusAsk | None
    parts: tuple[SignOnPart, ...]
    package: Package
    offer_cash: float  # the offer's year-1 cash
    cash_limit: float  # what the counter's year-1 cash may reach
    limit_from: Gap | None  # the competing offer that sets the limit, when it pays more than +30%
    trimmed: bool  # the year-1 cash limit cut an ask
    buyout_left: float  # the part of the buyout the year-1 bounds left out: asked as an extra equity grant
    buyout_grant: BuyoutGrant | None = None  # that grant: its value, and shares at the preferred price if given

    @property
    def sign_on(self) -> float:
        """New sign-on over all years."""
        return sum(self.package.new_sign_on)


def plan_asks(e: Evaluation, gaps: Sequence[Gap], others: Sequence[Evaluation], percentile: float,
              current: Evaluation | None = None) -> Asks:
    """Base, then bonus, then sign-on, each after the ones before; then the year-1 cash bound on all three."""
    better = [(g, o) for g, o in zip(gaps, others, strict=True) if g.better]
    base = ask_base(e, percentile, better)
    bonus = ask_bonus(e, applicable_market(e), better)
    now = offered(e)
    p = Package(now.base if base is None else base.amount,
                bonus.percent if bonus is not None else now.bonus_percent)
    # The buyout comes last: a competing offer's year 1 does not make up for what leaving the current job costs.
    vesting = [x for x in (vesting_part(e),) if x is not None]
    buy = buyout_part(e, current)
    parts = [x for x in (*vesting, competing_part(e, _with_parts(p, vesting), better), buy) if x is not None]
    parts = _at_most(parts, p.base)
    cash = year1_cash(e, now)
    limit, limit_from = cash * (1 + CASH_CAP), None
    top = max(better, key=lambda ge: ge[0].year1_gap, default=None)
    if top is not None and cash + top[0].year1_gap > limit:
        limit, limit_from = cash + top[0].year1_gap, top[0]
    p, parts, trimmed = _within(e, _with_parts(p, parts), parts, limit)
    if bonus is not None and (p.bonus_percent or 0) <= bonus.now_percent:
        bonus = None
    elif bonus is not None:
        bonus = replace(bonus, percent=p.bonus_percent or 0.0)
    if base is not None and p.base <= now.base:
        base = None
    elif base is not None and p.base != base.amount:
        base = replace(base, amount=p.base)
    asked = next((x.total for x in parts if x.reason == "buyout"), 0.0)
    left = (buy.total if buy is not None else 0.0) - asked  # round thousands both: a round thousand
    return Asks(base, bonus, tuple(parts), p, cash, limit, limit_from, trimmed, left, buyout_grant(e, left))


def _with_parts(p: Package, parts: Sequence[SignOnPart]) -> Package:
    n = max((len(x.amounts) for x in parts), default=0)
    return replace(p, new_sign_on=tuple(sum(x.amounts[y] for x in parts if y < len(x.amounts)) for y in range(n)))


def _at_most(parts: list[SignOnPart], base: float) -> list[SignOnPart]:
    """New sign-on is at most a year of the asked base: the last reasons give way first."""
    room, out = base, []
    for x in parts:
        amounts = []
        for a in x.amounts:
            amounts.append(round_ask(min(a, room), at_most=room))
            room -= amounts[-1]
        if any(amounts):
            out.append(replace(x, amounts=tuple(amounts)))
    return out


def _within(e: Evaluation, p: Package, parts: list[SignOnPart],
            limit: float) -> tuple[Package, list[SignOnPart], bool]:
    """Cut year-1 sign-on, then bonus, then base (the latest ask first) until year-1 cash is within ``limit``."""
    over = year1_cash(e, p) - limit
    if over <= 1e-9:
        return p, parts, False
    kept: list[SignOnPart] = []
    for x in reversed(parts):  # the last reason gives way first
        first = x.amounts[0]
        left = first if over <= 0 else max(round_ask(first - over, at_most=first - over), 0.0)
        over -= first - left
        if left or any(x.amounts[1:]):
            kept.insert(0, replace(x, amounts=(left, *x.amounts[1:])))
    p = _with_parts(p, kept)
    if over > 1e-9 and p.bonus_percent is not None:
        room = max(limit - year1_cash(e, replace(p, bonus_percent=0.0)), 0.0)
        p = replace(p, bonus_percent=max(math.floor(100 * room / p.base), offered(e).bonus_percent or 0.0))
    over = year1_cash(e, p) - limit
    if over > 1e-9:
        base = p.base - over / (1 + (p.bonus_percent or 0) / 100)
        p = replace(p, base=round_ask(base, at_most=base))
    return p, kept, True
