"""The leave-early section (``compare --leave-after``, ``negotiate``): JSON members and a table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from offercheck.pay.equity import ExerciseCash
from offercheck.pay.leave_early import COMPONENTS, LeaveEarly
from offercheck.render.common import cents, money
from offercheck.render.fit import grid
from offercheck.results import Comparison, Evaluation


def leave_early_dict(le: LeaveEarly) -> dict[str, Any]:
    return {
        "months": le.months,
        **{name: cents(getattr(le, name)) for name, _ in COMPONENTS},
        "repaid": cents(le.repaid),
        "total": cents(le.total),
        "notes": list(le.notes),
        "exercise": None if le.exercise is None else _exercise_dict(le.exercise),
    }


def _exercise_dict(x: ExerciseCash) -> dict[str, Any]:
    return {"cash_needed": cents(x.cash_needed), "window_days": x.window_days, "spread": cents(x.spread),
            "lost_if_unpaid": cents(x.lost_if_unpaid), "notes": list(x.notes)}


def offer_members(e: Evaluation) -> dict[str, Any]:
    """``leave_early`` in an offer of the compare JSON, when ``--leave-after`` was given."""
    return {} if e.leave_early is None else {"leave_early": leave_early_dict(e.leave_early)}


def table(rows: Sequence[LeaveEarly], *, tablefmt: str, escape: Callable[[str], str],
          fmt: Callable[[float], str] = money) -> str:
    """One row per offer."""
    body = [[escape(le.label), *(fmt(getattr(le, name)) for name, _ in COMPONENTS), fmt(le.repaid), fmt(le.total)]
            for le in rows]
    headers = ["Offer", *(title for _, title in COMPONENTS), "Repaid", "Total"]
    return grid(body, headers, tablefmt=tablefmt, colalign=("left", *("right",) * (len(headers) - 1)))


def notes(rows: Sequence[LeaveEarly], escape: Callable[[str], str]) -> list[str]:
    """Each offer's notes: how its bonus, equity and clawbacks were treated, and what keeping its options costs."""
    return [f"{escape(le.label)}: {escape('; '.join(le.every_note))}." for le in rows if le.every_note]


def sections(c: Comparison, ranked: Sequence[Evaluation], *, tablefmt: str, heading: Callable[[str], str],
             escape: Callable[[str], str]) -> list[str]:
    """The compare section, when ``--leave-after`` was given."""
    rows = [e.leave_early for e in ranked if e.leave_early is not None]
    if not rows:
        return []
    return [heading(f"If you leave after {rows[0].months} months ({c.currency})"),
            table(rows, tablefmt=tablefmt, escape=escape), *notes(rows, escape),
            LEGEND]


LEGEND = ("Equity is what has vested; sign-on and relocation are what you keep after any clawback (Repaid); "
          "benefits are left out. A bonus counts for completed years only unless the offer's bonus is pro rata.")
