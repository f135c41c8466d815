"""When private equity becomes taxable income (DESIGN.md section 5, issue 17): not when it vests.

- Options (NSOs in the US): the spread (price in the exercise year - strike) x shares exercised is wages in the
  exercise year, which
  is ``exercise_year`` if given, else the liquidity year. Options vested by then are exercised then; options
  vesting later are taken to be exercised as they vest (after liquidity there is no reason to wait).
- Double-trigger private RSUs: nothing is income before the liquidity event; then every time-vested share
  settles at that year's price, and later vests settle as they vest.
- A year after the horizon (or none known) puts the income outside it: the years shown carry none, and the
  notes say so rather than guessing a date.
ISOs and AMT (US), and other countries' tax-advantaged options, are not modelled; :func:`tax_notes` says so in
the company's jurisdiction's words (``pay.jurisdiction``). Years are 1-based years of the offer; pure functions,
standard library only.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["TAX_NOTES", "TAX_NOTES_ABROAD", "double_trigger_income", "income_year", "nso_exercise_wages",
           "price_in_year", "tax_notes", "timing_note"]

TAX_NOTES: tuple[str, ...] = (
    "Options are taxed when exercised, not when they vest: an NSO's spread (price - strike) x shares is wages in "
    "the exercise year; ISOs and AMT are not modelled.",
    "Private double-trigger RSUs are income only at the liquidity event, at that year's price.",
)
# Outside the US: the same rule without US terms (US-only words are said only of a US company).
TAX_NOTES_ABROAD: tuple[str, ...] = (
    "Options are taxed when exercised, not when they vest: the spread (price - strike) x shares is taken as wages "
    "in the exercise year; tax-advantaged option schemes are not modelled.",
    TAX_NOTES[1],
)


def tax_notes(us: bool) -> tuple[str, ...]:
    """The notes on when private equity is taxed: (options, double-trigger RSUs), in US terms only if ``us``."""
    return TAX_NOTES if us else TAX_NOTES_ABROAD


def price_in_year(price: float, growth_percent: float, year: int) -> float:
    """The share price in ``year``: price x (1 + g/100)^(year - 1), as comp.py grows it."""
    return price * (1 + growth_percent / 100) ** (year - 1)


def income_year(exercise_year: int | None, liquidity_year: int | None, horizon: int) -> int | None:
    """The year options are exercised (``exercise_year``, else the liquidity year), or None if not within the
    horizon."""
    year = exercise_year if exercise_year is not None else liquidity_year
    return year if year is not None and 1 <= year <= horizon else None


def timing_note(kind: str, year: int | None, *, exercise_year: int | None, horizon: int) -> str:
    """One line saying in which year the equity is taxed, or that it falls outside the horizon."""
    what = "the options' spread is wages" if kind == "options" else "the RSUs are income"
    if year is not None:
        why = "equity.exercise_year" if kind == "options" and exercise_year is not None else "the liquidity year"
        return f"{what} in year {year} ({why}), not as they vest"
    years = f"{horizon} year{'s' if horizon != 1 else ''}"
    return (f"{what} at exercise or liquidity, not as they vest: no such year within the {years} shown, "
            "so no tax on them appears here; give equity.exercise_year (options) or a liquidity year to place it")


def nso_exercise_wages(vested_shares_by_year: Sequence[float], strike: float, fmv: float, growth_percent: float,
                       year: int | None) -> tuple[float, ...]:
    """NSO wages per year when the options are exercised in ``year`` (from :func:`income_year`).

    ``vested_shares_by_year[i]`` options vest in year i + 1 (refresher options included); ``fmv`` is the year-1
    409A price, grown like the paper value. The result is as long as ``vested_shares_by_year`` (the horizon).
    """
    wages = [0.0] * len(vested_shares_by_year)
    if year is None:
        return tuple(wages)
    for y in range(year, len(vested_shares_by_year) + 1):
        # In the exercise year every option vested so far is exercised; after it, each vest as it comes.
        shares = sum(vested_shares_by_year[:year]) if y == year else vested_shares_by_year[y - 1]
        wages[y - 1] = shares * max(price_in_year(fmv, growth_percent, y) - strike, 0.0)
    return tuple(wages)


def double_trigger_income(vested_value_by_year: Sequence[float], growth_percent: float,
                          liquidity_year: int | None) -> tuple[float, ...]:
    """Double-trigger RSU income per year: vested value moved to ``liquidity_year`` at that year's price.

    ``vested_value_by_year[i]`` is the value time-vesting in year i + 1 at year i + 1's price (comp.py's equity);
    a share vested in year y is worth (1 + g/100)^(L - y) times as much at liquidity in year L.
    """
    income = [0.0] * len(vested_value_by_year)
    if liquidity_year is None or not 1 <= liquidity_year <= len(vested_value_by_year):
        return tuple(income)
    g = 1 + growth_percent / 100
    income[liquidity_year - 1] = sum(v * g ** (liquidity_year - y)
                                     for y, v in enumerate(vested_value_by_year[:liquidity_year], start=1))
    income[liquidity_year:] = vested_value_by_year[liquidity_year:]
    return tuple(income)
