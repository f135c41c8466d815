"""The one vesting engine: what part of a grant (and of the refreshers) has vested, by month or by year.

Every year's percentage of the schedule vests in equal parts every ``vest_every_months`` within that year;
nothing vests before ``cliff_months`` and what was held back vests at the cliff. A refresher is granted at the
start of each year from year 2 and vests on the refreshers' schedule (:func:`refresh_plan`) from its grant date.
Yearly pay (``comp``) and leaving early (``leave_early``) both ask this module, for a window of months, so they
cannot disagree; :func:`equity_by_year` gives every year of a horizon at once, in time linear in its length.
"""

from __future__ import annotations

import math

from offercheck.offer.models import VESTING_PRESETS, Equity, Vesting

__all__ = ["equity_by_year", "equity_vested", "grant_value_per_percent", "refresh_plan", "vested_by_year"]


def vested_by_year(plan: Vesting, months: float, after: float = 0) -> list[float]:
    """Percent of a grant vesting in the months (``after``, ``months``] from its grant, per schedule year.

    Index 0 is the schedule's first year. With ``after = 0``: what has vested after ``months``.
    """
    every = plan.vest_every_months
    per_year = 12 // every
    out = []
    for j, percent in enumerate(plan.schedule):
        # Vest dates in year j are 12j + every, 12j + 2*every, ...; one held back by the cliff vests at the cliff.
        dates = (max(12 * j + every * k, plan.cliff_months) for k in range(1, per_year + 1))
        events = sum(1 for d in dates if after < d <= months)
        out.append(percent * (events / per_year))  # a whole year is exactly ``percent``
    return out


def refresh_plan(equity: Equity) -> Vesting:
    """How each refresher vests: ``refresh_vesting`` (a preset as it is; a list of percents per year vesting every
    ``vest_every_months``, with no cliff), or without it the grant's own plan.

    Reading a current-job file sets "4y-even" where the file gives none (``offer.loading.load_current``): its
    grant's schedule is what remains of an old grant, not how a new one vests.
    """
    chosen = equity.refresh_vesting
    if chosen is None:
        return equity.vesting_plan
    if isinstance(chosen, str):
        return VESTING_PRESETS[chosen]
    return Vesting(schedule=chosen, vest_every_months=equity.vest_every_months or 12)


def _last_vest_month(plan: Vesting) -> int:
    """The month, from the grant, of a plan's last vest date (nothing vests after it)."""
    return max(12 * len(plan.schedule), plan.cliff_months)


def grant_value_per_percent(equity: Equity, year: int) -> float:
    """Value, in ``year``, of 1% of the initial grant vesting then."""
    growth = (1 + equity.annual_growth_percent / 100) ** (year - 1)
    if equity.kind == "options":
        # Intrinsic value: an underwater option is worth nothing, never a negative amount.
        assert equity.shares is not None and equity.fmv is not None and equity.strike is not None
        return equity.shares / 100 * max(equity.fmv * growth - equity.strike, 0.0)
    if equity.grant_value is not None:
        return equity.grant_value / 100 * growth
    assert equity.shares is not None and equity.share_price is not None
    return equity.shares * equity.share_price / 100 * growth


def _initial(equity: Equity, months: float, after: float) -> float:
    return sum(p * grant_value_per_percent(equity, j + 1)
               for j, p in enumerate(vested_by_year(equity.vesting_plan, months, after)))


def _refresher(equity: Equity, plan: Vesting, months: float, after: float) -> float:
    """What one refresher vests in the months (``after``, ``months``] from its own grant date."""
    g = 1 + equity.annual_growth_percent / 100
    return sum(equity.refresh_annual * p / 100 * g**j for j, p in enumerate(vested_by_year(plan, months, after)))


def equity_vested(equity: Equity | None, months: float, after: float = 0) -> tuple[float, float]:
    """(initial grant + refreshers, refreshers alone) vesting in the months (``after``, ``months``] from the start.

    Each schedule year j is valued at year j + 1's price; a refresher of value V granted at the start of year k
    is worth V * schedule[j] * (1 + g)^j for its schedule year j.
    """
    if equity is None:
        return 0.0, 0.0
    initial = _initial(equity, months, after)
    refresh = 0.0
    if equity.refresh_annual:
        plan = refresh_plan(equity)
        # Refreshers from the start of year 2, one a year; one whose last vest date is at or before ``after`` has
        # nothing left for the window, so the loop starts at the first that has: a year's window costs the same
        # in year 5 as in year 5,000.
        granted = max(12, (math.floor((after - _last_vest_month(plan)) / 12) + 1) * 12)
        while granted < months:
            refresh += _refresher(equity, plan, months - granted, max(after - granted, 0))
            granted += 12
    return initial + refresh, refresh


def equity_by_year(equity: Equity | None, years: int) -> list[tuple[float, float]]:
    """:func:`equity_vested` for each year 1..``years`` (the window of months (12(y-1), 12y]), the same numbers in
    time linear in ``years``.

    Every refresher vests alike relative to its grant, so what one vests in each year of its life is computed once;
    year y's refreshers are then the sum of those for the refreshers granted in years 2..y (added oldest first, as
    :func:`equity_vested` adds them, so the sums are the same to the last bit).
    """
    if equity is None:
        return [(0.0, 0.0)] * years
    grant_years = math.ceil(_last_vest_month(equity.vesting_plan) / 12)
    zeros = [0.0] * max(years - grant_years, 0)
    initial = [_initial(equity, 12 * y, 12 * (y - 1)) for y in range(1, min(years, grant_years) + 1)] + zeros
    if not equity.refresh_annual:
        return [(value + 0.0, 0.0) for value in initial]
    plan = refresh_plan(equity)
    life = [_refresher(equity, plan, 12 * (m + 1), 12 * m)
            for m in range(min(math.ceil(_last_vest_month(plan) / 12), years))]
    out = []
    for y, value in enumerate(initial, start=1):
        refresh = 0.0
        for m in range(min(y - 2, len(life) - 1), -1, -1):  # the refresher granted in year y - m, oldest first
            refresh += life[m]
        out.append((value + refresh, refresh))
    return out
