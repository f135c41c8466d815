"""The one vesting engine: what part of a grant (and of the refreshers) has vested, by month or by year.

Every year's percentage of the schedule vests in equal parts every ``vest_every_months`` within that year;
nothing vests before ``cliff_months`` and what was held back vests at the cliff. A refresher is granted at the
start of each year from year 2 and vests on the refreshers' schedule (:func:`refresh_plan`) from its grant date.
Yearly pay (``comp``) and leaving early (``leave_early``) both ask this module, for a window of months, so they
cannot disagree.
"""

from __future__ import annotations

from offercheck.offer.models import VESTING_PRESETS, Equity, Vesting

__all__ = ["equity_vested", "grant_value_per_percent", "refresh_plan", "vested_by_year"]


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


def equity_vested(equity: Equity | None, months: float, after: float = 0) -> tuple[float, float]:
    """(initial grant + refreshers, refreshers alone) vesting in the months (``after``, ``months``] from the start.

    Each schedule year j is valued at year j + 1's price; a refresher of value V granted at the start of year k
    is worth V * schedule[j] * (1 + g)^j for its schedule year j.
    """
    if equity is None:
        return 0.0, 0.0
    plan = equity.vesting_plan
    initial = sum(p * grant_value_per_percent(equity, j + 1)
                  for j, p in enumerate(vested_by_year(plan, months, after)))
    g = 1 + equity.annual_growth_percent / 100
    refresh_vesting = refresh_plan(equity)
    refresh = 0.0
    granted = 12  # refreshers from the start of year 2, one a year
    while equity.refresh_annual and granted < months:
        window = vested_by_year(refresh_vesting, months - granted, max(after - granted, 0))
        refresh += sum(equity.refresh_annual * p / 100 * g**j for j, p in enumerate(window))
        granted += 12
    return initial + refresh, refresh
