"""What the private-equity engine computes for some runs only, apart so that a plain comparison does not load it:
the grant at exit prices (``exit_prices``), the cash to keep vested options on leaving (``--leave-after``), both
views year by year, and companies' published exercise windows (negotiation). Built on :mod:`.equity`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from offercheck.pay.equity import RiskFactor, View, _num, _read, exercise_cost, money

__all__ = ["EquityViews", "ExerciseCash", "ExerciseWindowPolicy", "Scenario", "exercise_cash_needed",
           "published_exercise_windows", "scenarios", "views"]


@dataclass(frozen=True)
class ExerciseWindowPolicy:
    """A company's published post-termination exercise window, for the negotiation points."""

    company: str
    window_years: float
    condition: str
    source: str
    url: str
    verified: bool  # True: read in the company's own text; False: only in a list that cites it


def published_exercise_windows(path: Path | None = None, *, verified_only: bool = False,
                               ) -> tuple[ExerciseWindowPolicy, ...]:
    """Companies' published exercise windows longer than 90 days, longest first."""
    rows = [ExerciseWindowPolicy(r["company"], r["window_years"], r["condition"], r["source"], r["url"],
                                 r["verified"] == "publisher")
            for r in _read(path).get("extended_exercise_windows", [])]
    rows.sort(key=lambda r: (-r.window_years, r.company))
    return tuple(r for r in rows if r.verified or not verified_only)


@dataclass(frozen=True)
class EquityViews:
    """Equity vesting each year in both views, in one currency."""

    paper: tuple[float, ...]
    risk: tuple[float, ...]
    factor: RiskFactor

    @property
    def paper_total(self) -> float:
        return sum(self.paper)

    @property
    def risk_total(self) -> float:
        return sum(self.risk)

    def chosen(self, view: View) -> tuple[float, ...]:
        """The years in ``view`` (what yearly totals, ranking and score use)."""
        return self.paper if view == "paper" else self.risk


def views(paper_by_year: Sequence[float], factor: RiskFactor) -> EquityViews:
    """Paper and risk value for each year of ``paper_by_year`` (year 1 first)."""
    paper = tuple(float(x) for x in paper_by_year)
    return EquityViews(paper, tuple(x * factor.factor for x in paper), factor)


@dataclass(frozen=True)
class Scenario:
    """The grant's value if the company sells (or lists) at ``exit_price`` per share of today's share count."""

    exit_price: float
    price_after_dilution: float  # exit_price x (1 - d/100)^rounds: what one of today's shares is worth then
    value: float  # vested shares x max(price_after_dilution - strike, 0)
    paper: float | None
    risk: float | None
    explanation: str


def scenarios(shares: float, strike: float, exit_prices: Sequence[float], dilution_percent: float, rounds: int,
              vested_fraction: float = 1.0, *, paper: float | None = None,
              risk: float | None = None) -> list[Scenario]:
    """The grant at each exit price, diluted by ``rounds`` rounds, next to its ``paper`` and ``risk`` values.

    Dilution shrinks the holder's share of the sale, so it scales the price a share fetches; the strike is paid in
    full whatever the dilution. RSUs are the case ``strike = 0``.
    """
    kept = (1 - dilution_percent / 100) ** rounds
    held = shares * vested_fraction
    out = []
    for price in exit_prices:
        diluted = price * kept
        value = held * max(diluted - strike, 0.0)
        explanation = (f"at {money(price)} a share: {money(price)} x (1 - {_num(dilution_percent)}/100)^{rounds} = "
                       f"{money(diluted)} after dilution; {money(held)} shares x max({money(diluted)} - "
                       f"{money(strike)}, 0) = {money(value)}")
        out.append(Scenario(price, diluted, value, paper, risk, explanation))
    return out


@dataclass(frozen=True)
class ExerciseCash:
    """Keeping vested options after leaving: the cash to pay within the window, and what is lost without it."""

    vested_shares: float
    cash_needed: float  # vested_shares x strike
    window_days: int
    spread: float  # vested_shares x max(fmv - strike, 0): NSO wages in the exercise year
    lost_if_unpaid: float  # the paper value of the vested options, forfeited when the window closes
    notes: tuple[str, ...] = field(default=())


def exercise_cash_needed(vested_shares: float, strike: float, window_days: int, *, fmv: float,
                         us: bool = True) -> ExerciseCash:
    """Cash to exercise ``vested_shares`` options within ``window_days`` of leaving, at a 409A price ``fmv``.

    ``us``: the company is in the US, where the spread of an NSO is wages; elsewhere the note names no US rule."""
    cash = exercise_cost(vested_shares, strike)
    spread = vested_shares * max(fmv - strike, 0.0)
    shares = money(vested_shares)
    notes = (
        f"to keep {shares} vested options, pay {shares} x {money(strike)} = {money(cash)} within {window_days} days "
        "of leaving",
        f"if unpaid they are forfeited: paper value {shares} x max({money(fmv)} - {money(strike)}, 0) = "
        f"{money(spread)} lost",
        f"NSOs: exercising makes the spread ({money(spread)}) wages in that year, taxed on top of the "
        f"{money(cash)}; ISOs and AMT are not modelled" if us else
        f"exercising may make the spread ({money(spread)}) taxable income in that year, by the country's rules, "
        f"on top of the {money(cash)}; not modelled",
    )
    return ExerciseCash(vested_shares, cash, window_days, spread, spread, notes)
