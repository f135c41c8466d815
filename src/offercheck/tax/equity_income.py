"""When a private grant is taxed (DESIGN.md section 5, issue 17): options at exercise, double-trigger RSUs at
liquidity, not as they vest. Public-company equity, and private single-trigger RSUs, stay taxed at vest.

:func:`timed_equity` gives, per year, the equity wages at paper value that move to their taxable year, the equity
still taxed at vest, and the notes that say so. In the risk view the tax on the moved wages is scaled by the risk
factor (:func:`scaled_tax`): the tax is owed only if the shares become worth something.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from offercheck.pay.equity import money
from offercheck.pay.equity_offer import equity_factor, is_private, resolved_terms, vested_shares_by_year
from offercheck.pay.equity_timing import (
    double_trigger_income,
    income_year,
    nso_exercise_wages,
    tax_notes,
    timing_note,
)
from offercheck.pay.jurisdiction import us_terms

if TYPE_CHECKING:
    from collections.abc import Sequence

    from offercheck.offer.models import Offer
    from offercheck.pay.comp import YearPay
    from offercheck.pay.equity import View
    from offercheck.tax import TaxResult

__all__ = ["TimedEquity", "scaled_tax", "timed_equity"]


@dataclass(frozen=True)
class TimedEquity:
    """A private grant's taxable equity per year, in the offer's currency."""

    moved: tuple[float, ...]  # paper-value wages in their taxable year (exercise or liquidity)
    at_vest: tuple[float, ...]  # equity still taxed as it vests (option refreshers given by value), chosen view
    factor: float  # what the tax on ``moved`` is scaled by: 1 in the paper view, the risk factor in the risk view
    notes: tuple[str, ...]


def timed_equity(offer: Offer, native: Sequence[YearPay], view: View) -> TimedEquity | None:
    """How ``offer``'s private grant is taxed over ``native`` (its years in its own currency); None: at vest."""
    eq = offer.equity
    if eq is None or not is_private(offer):
        return None
    terms = resolved_terms(eq).values
    n = len(native)
    if eq.kind == "options":
        assert eq.strike is not None and eq.fmv is not None  # options are validated so
        year = income_year(terms.exercise_year, terms.liquidity_year, n)
        moved = nso_exercise_wages(vested_shares_by_year(eq, n), eq.strike, eq.fmv, eq.annual_growth_percent, year)
        at_vest = tuple(p.equity_refresh for p in native)
        notes = [timing_note("options", year, exercise_year=terms.exercise_year, horizon=n),
                 tax_notes(us_terms(offer))[0]]
        if any(at_vest):
            notes.append("option refreshers, given by value, are taxed as they vest")
    elif terms.double_trigger:
        year = income_year(None, terms.liquidity_year, n)
        moved = double_trigger_income([p.equity_paper for p in native], eq.annual_growth_percent, year)
        at_vest = (0.0,) * n
        notes = [timing_note("rsu", year, exercise_year=None, horizon=n), tax_notes(us_terms(offer))[1]]
    else:
        return None
    factor = equity_factor(offer, view)
    if factor != 1.0 and any(moved):
        notes.append(f"risk view: the tax on that equity income is scaled by the risk factor {factor:.6g} (it is "
                     f"owed only if the shares become sellable); at paper value the income is "
                     f"{money(sum(moved))} {offer.currency}")
    return TimedEquity(moved, at_vest, factor, tuple(f"{offer.label}: {n}" for n in notes))


def scaled_tax(without: TaxResult, full: TaxResult, factor: float) -> TaxResult:
    """``without`` plus ``factor`` times the extra tax of ``full``, line by line (a line missing counts as 0)."""
    base = {(x.name, x.kind): x.amount for x in without.lines}
    keys = dict.fromkeys((*((x.name, x.kind) for x in full.lines), *base))
    source = {(x.name, x.kind): x for x in (*without.lines, *full.lines)}
    extra = {(x.name, x.kind): x.amount for x in full.lines}
    lines = tuple(dataclasses.replace(source[k], amount=base.get(k, 0.0) + factor * (extra.get(k, 0.0)
                                                                                    - base.get(k, 0.0)))
                  for k in keys)
    return dataclasses.replace(full, lines=lines, notes=tuple(dict.fromkeys((*full.notes, *without.notes))))
