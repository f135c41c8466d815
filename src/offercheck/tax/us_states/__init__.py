"""US state (and local) wage income taxes and payroll premiums: every state and DC.

One function per state, grouped by region; each takes the year's parameter tables (data/tax/us_states.toml) and
a wages-only household and returns the state's lines, the tables it used, and its notes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from offercheck.tax.engine import Table
from offercheck.tax.us_states import midwest, northeast, south, west
from offercheck.tax.us_states.common import Household, StateTax
from offercheck.tax.us_states.local import NOT_MODELLED as LOCAL_NOT_MODELLED
from offercheck.tax.us_states.local import NYC_NAMES
from offercheck.tax.us_states.northeast import ny_supplemental_tax
from offercheck.tax.us_states.payroll import NOT_MODELLED as PAYROLL_NOT_MODELLED
from offercheck.tax.us_states.payroll import payroll

StateFunction = Callable[[Table, Household], StateTax]

STATES: Mapping[str, StateFunction] = dict(
    sorted({**west.STATES, **south.STATES, **midwest.STATES, **northeast.STATES}.items())
)


def state_taxes(p: Table, state: str, h: Household, work: str | None = None) -> StateTax:
    """The income tax lines of ``state``, where the person lives (with any modelled local tax), followed by the
    payroll premiums of ``work``, where the work is done (default: the same state; see ``payroll``)."""
    income = STATES[state](p, h)
    premiums = payroll(p, state if work is None else work, h, home=state)
    return StateTax(
        lines=[*income.lines, *premiums.lines],
        tables=[*income.tables, *premiums.tables],
        notes=[*income.notes, *premiums.notes],
    )


__all__ = [
    "LOCAL_NOT_MODELLED",
    "NYC_NAMES",
    "PAYROLL_NOT_MODELLED",
    "STATES",
    "Household",
    "StateTax",
    "ny_supplemental_tax",
    "state_taxes",
]
