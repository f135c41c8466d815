"""The numbers behind a negotiation: gaps to other offers, the base that would match them, and each ask.

Pure functions of evaluations (pay by year in the display currency, and the market position when scored); every
amount comes from the offer files and the benchmark data.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean
from typing import TYPE_CHECKING

from offercheck.offer.models import Offer
from offercheck.pay.comp import pay_by_year, pay_in_year
from offercheck.pay.current import Forfeited, forfeited
from offercheck.pay.vesting import grant_value_per_percent

if TYPE_CHECKING:
    from offercheck.results import Evaluation

DEFAULT_TARGET_PERCENTILE = 60.0

# "Bonuses: Performance-based bonuses can add 10-20% to your base salary." (seed 002)
BONUS_NORM = (10.0, 20.0)


BONUS_SOURCE = "seeds/002_85987d39cf31c29d.txt: \"Performance-based bonuses can add 10-20% to your base salary.\""


# A year of paid days off is valued at base / working days (52 weeks x 5 days).
WORKING_DAYS = 260


# Factors that describe what the candidate brings, as opposed to where or for whom they work.
CANDIDATE_FACTORS = ("education", "certification", "skills")


COMPONENT_NAMES = {"base": "base", "bonus": "bonus", "sign_on": "sign-on", "equity": "equity",
                   "benefits": "benefits"}


def years_text(n: int) -> str:
    """"1 year", "4 years": a horizon or a vesting period in running text."""
    return "1 year" if n == 1 else f"{n} years"


_SYMBOLS = {"USD": "$", "CAD": "CA$", "AUD": "A$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}


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


def format_money(x: float, currency: str) -> str:
    """Whole units with the currency's symbol where it is unambiguous ($182,000), else its code (182,000 CHF)."""
    units = round(x)
    sign = "-" if units < 0 else ""
    symbol = _SYMBOLS.get(currency)
    return f"{sign}{symbol}{abs(units):,}" if symbol else f"{sign}{abs(units):,} {currency}"


def round_ask(x: float) -> float:
    """Asks are round thousands, never below the figure they come from."""
    return float(math.ceil(x / 1000 - 1e-9) * 1000)


def with_base(offer: Offer, base: float) -> Offer:
    return offer.model_copy(update={"salary": offer.salary.model_copy(update={"base": base})})


def horizon_total(offer: Offer, years: int) -> float:
    return sum(y.total for y in pay_by_year(offer, years))


def base_slopes(offer: Offer, years: int) -> list[float]:
    """How much each year's total rises per unit of year-1 base.

    Total pay is linear in base (raises, percent bonus, retirement match and ESPP are percents of base; the rest
    does not depend on it), so the slope of the line through two evaluations is exact.
    """
    b = offer.salary.base
    doubled = with_base(offer, 2 * b)
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


def gap_to(e: Evaluation, other: Evaluation) -> Gap:
    diffs = {name: other.component_total(name) - e.component_total(name) for name in COMPONENT_NAMES}
    year1, average = match_base(e, other)
    component = max(diffs, key=lambda k: diffs[k])
    net1 = net_avg = None
    if e.taxes is not None and other.taxes is not None:
        net1 = other.taxes.nets[0] - e.taxes.nets[0]
        net_avg = (other.taxes.net_total - e.taxes.net_total) / len(e.years)
    return Gap(other.label, other.year1 - e.year1, other.annual_average - e.annual_average, year1, average,
               component, diffs[component], net1, net_avg)


def benchmark_cell(e: Evaluation) -> str:
    """Which benchmark cell and factors the market figures use, for a point's source."""
    m = e.market
    b = m.benchmark
    # Broad dimensions are named: an ask for a Tokyo offer must not read as if it came from a Japanese market.
    cell = ", ".join(x for x in (b.role or "all roles", f"{b.experience} years" if b.experience else None,
                                 b.country or "all countries") if x)
    factors = ", ".join(f"{a.adjustment.factor} x{a.adjustment.multiplier:.3f}" for a in m.adjustments
                        if a.adjustment.multiplier != 1)
    return (f"{b.source_title}, {b.year}: {cell}" + (f" (n={b.n})" if b.n else "")
            + (f"; factors {factors} (all x{m.multiplier:.3f})" if factors else "; no factor adjustment"))


def market_applies(e: Evaluation) -> bool:
    """Whether the offer's benchmark describes its own country's market.

    An offer in a country without benchmark cells is scored against the all-countries table (mostly US pay, and
    the output says so), but asking a Tokyo employer for a US market figure would not be a defensible number.
    """
    if e.market is None:
        return False
    return e.market.benchmark.country is not None or e.offer.location.country is None


def base_target(e: Evaluation, percentile: float) -> float | None:
    """The market base at ``percentile`` of the offer's adjusted benchmark (None when not scored, or when the
    benchmark is not for the offer's country)."""
    if not market_applies(e):
        return None
    # Imported here: plugins import this module for TalkingPoint, and scoring pulls in the plugin machinery.
    from offercheck.market.position import value_at

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


def has_sign_on(offer: Offer) -> bool:
    return bool(offer.sign_on.amount) or any(offer.sign_on.amounts or ())


@dataclass(frozen=True)
class Shortfall:
    amount: float
    versus: str
    source: str


def missing_sign_on(e: Evaluation, gaps: Sequence[Gap], percentile: float) -> Shortfall | None:
    """When there is no sign-on: the larger year-1 shortfall, versus the market's target or a competing offer."""
    if has_sign_on(e.offer):
        return None
    reasons = []
    if market_applies(e):
        from offercheck.market.position import value_at

        reasons.append(Shortfall(value_at(percentile, e.market.expected_basis) - e.year1,
                                  f"the market's p{percentile:g} total pay", benchmark_cell(e)))
    reasons += [Shortfall(g.year1_gap, f"the offer from {g.label}", f"{g.label} offer file") for g in gaps]
    best = max(reasons, key=lambda r: r.amount, default=None)
    return best if best is not None and best.amount > 0 else None


def buyout(current: Evaluation | None) -> Forfeited | None:
    """What leaving the current job forfeits, when there is something to buy out."""
    f = None if current is None else forfeited(current)
    return f if f is not None and f.total > 0 else None
