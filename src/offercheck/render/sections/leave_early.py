"""Leaving early (``compare --leave-after``, every ``negotiate``): what each offer has paid by then, net of
clawbacks, and what keeping vested options costs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from offercheck.pay.leave_early import COMPONENTS
from offercheck.render.common import Style, cents, money
from offercheck.render.fit import grid

if TYPE_CHECKING:
    from offercheck.pay.equity_cases import ExerciseCash
    from offercheck.pay.leave_early import LeaveEarly
    from offercheck.results import Comparison, Evaluation

LEGEND = ("Equity is what has vested; sign-on and relocation are what you keep after any clawback (Repaid); "
          "benefits are left out. A bonus counts for completed years only unless the offer's bonus is pro rata.")


def leave_early_json(le: LeaveEarly) -> dict[str, Any]:
    return {
        "months": le.months,
        **{name: cents(getattr(le, name)) for name, _ in COMPONENTS},
        "repaid": cents(le.repaid),
        "total": cents(le.total),
        "notes": list(le.notes),
        "exercise": None if le.exercise is None else _exercise_json(le.exercise),
    }


def _exercise_json(x: ExerciseCash) -> dict[str, Any]:
    return {"cash_needed": cents(x.cash_needed), "window_days": x.window_days, "spread": cents(x.spread),
            "lost_if_unpaid": cents(x.lost_if_unpaid), "notes": list(x.notes)}


def offer_json(e: Evaluation) -> dict[str, Any]:
    """``leave_early`` in an offer of the compare JSON, when ``--leave-after`` was given."""
    return {} if e.leave_early is None else {"leave_early": leave_early_json(e.leave_early)}


def table(rows: Sequence[LeaveEarly], style: Style, fmt: Callable[[float], str] = money) -> str:
    """One row per offer."""
    body = [[style.escape(le.label), *(fmt(getattr(le, name)) for name, _ in COMPONENTS), fmt(le.repaid),
             fmt(le.total)] for le in rows]
    headers = ["Offer", *(title for _, title in COMPONENTS), "Repaid", "Total"]
    return grid(body, headers, tablefmt=style.tablefmt, colalign=("left", *("right",) * (len(headers) - 1)))


def notes(rows: Sequence[LeaveEarly], escape: Callable[[str], str]) -> list[str]:
    """Each offer's notes: how its bonus, equity and clawbacks were treated, and what keeping its options costs."""
    return [f"{escape(le.label)}: {escape('; '.join(le.every_note))}." for le in rows if le.every_note]


def _rows(c: Comparison) -> list[LeaveEarly]:
    return [e.leave_early for e in c.ranked if e.leave_early is not None]


def text(c: Comparison, style: Style, *, explain: bool = False) -> list[str]:
    """The compare section, when ``--leave-after`` was given (``explain``: with the legend of its columns)."""
    rows = _rows(c)
    if not rows:
        return []
    return [style.heading(f"If you leave after {rows[0].months} months ({c.currency})"),
            table(rows, style), *notes(rows, style.escape), *([LEGEND] if explain else [])]


def html(c: Comparison) -> dict[str, Any]:
    return {"leave": _rows(c), "leave_components": COMPONENTS, "leave_legend": LEGEND}
