"""Stay or go (``--current``): each offer versus staying, and what leaving the current job forfeits.

Both are in the results (``Evaluation.vs_current``, the current job's ``forfeited``): read here, never computed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from offercheck.pay.current import FORFEITED_PARTS
from offercheck.render.common import Style, cents, money
from offercheck.render.fit import grid

if TYPE_CHECKING:
    from offercheck.pay.current import Forfeited
    from offercheck.results import Comparison, Evaluation


def forfeited_json(f: Forfeited | None) -> dict[str, float] | None:
    if f is None:
        return None
    return {**{name: cents(getattr(f, name)) for name, _ in FORFEITED_PARTS}, "total": cents(f.total)}


def current_json(stay: Evaluation) -> dict[str, Any]:
    """What the ``current`` member adds to an offer's shape: the money leaving forfeits (null without [leaving])."""
    leaving = stay.offer.leaving
    return {"forfeited": forfeited_json(stay.forfeited),
            "notice_weeks": None if leaving is None else leaving.notice_weeks}


def offer_json(e: Evaluation) -> dict[str, Any]:
    """``vs_current`` in an offer of the compare JSON: the offer minus staying, per year and over the horizon."""
    vs = e.vs_current
    if vs is None:
        return {}
    out: dict[str, Any] = {"years": [cents(x) for x in vs.years], "total": cents(vs.total)}
    if vs.nets is not None and vs.net_total is not None:
        out.update(net_years=[cents(x) for x in vs.nets], net_total=cents(vs.net_total))
    if vs.take_homes is not None and vs.take_home_total is not None:
        out.update(take_home_years=[cents(x) for x in vs.take_homes], take_home_total=cents(vs.take_home_total))
    return {"vs_current": out}


def csv_headers(c: Comparison) -> list[str]:
    return [] if c.current is None else ["kind", "vs_current"]


def csv_cells(c: Comparison, e: Evaluation, i: int) -> list[str | float]:
    """Year ``i`` (0-based): whether the row is an offer or the current job, and the offer minus staying."""
    if c.current is None:
        return []
    if e.vs_current is None:
        return ["current", ""]
    return ["offer", cents(e.vs_current.years[i])]


def forfeited_text(stay: Evaluation, fmt: Callable[[float], str] = money, *, explain: bool = True) -> str:
    """One paragraph: what leaving forfeits, its parts, and where the figures come from; ``explain`` adds how the
    rows count it (the short terminal page leaves that to ``--explain``)."""
    f = stay.forfeited
    where = stay.offer.path or "the current-job file"
    if f is None:
        return f"No [leaving] table in {where}: nothing forfeited by leaving is counted."
    parts = ", ".join(f"{title} {fmt(getattr(f, name))}" for name, title in FORFEITED_PARTS)
    notice = f"; notice period {f.notice_weeks:g} weeks" if f.notice_weeks else ""
    counted = (" The Stay row already counts the equity and bonus staying would pay; a clawback you repay is in "
               "neither row.") if explain else ""
    return (f"Leaving forfeits {fmt(f.total)} ({parts}; from [leaving] in {where}){notice}.{counted} Ask for the "
            "forfeited total as a sign-on or an extra equity grant: `offercheck negotiate OFFER --current CURRENT`.")


def _versus(c: Comparison) -> list[tuple[Evaluation, Any]]:
    return [(e, e.vs_current) for e in c.ranked if e.vs_current is not None]


def text(c: Comparison, style: Style, *, explain: bool = False) -> list[str]:
    """The "Versus staying" section (``explain``: with how the rows count what leaving forfeits)."""
    stay = c.current
    if stay is None:
        return []
    n, esc = c.horizon_years, style.escape
    rows = []
    for e, vs in _versus(c):
        rows.append([esc(e.label), *(money(x) for x in vs.years), money(vs.total)])
        if vs.nets is not None and vs.net_total is not None:
            rows.append([f"{esc(e.label)} (net incl. benefits)", *(money(x) for x in vs.nets), money(vs.net_total)])
        if vs.take_homes is not None and vs.take_home_total is not None:
            rows.append([f"{esc(e.label)} (take-home cash)", *(money(x) for x in vs.take_homes),
                         money(vs.take_home_total)])
    return [
        style.heading(f"Versus staying at {stay.offer.offer.company} ({c.currency}, offer minus staying)"),
        grid(rows, ["Offer", *(f"Year {y}" for y in range(1, n + 1)), f"{n}-yr total"], tablefmt=style.tablefmt,
             colalign=("left", *("right",) * (n + 1))),
        esc(forfeited_text(stay, explain=explain)),
    ]


def html(c: Comparison) -> dict[str, Any]:
    stay = c.current
    return {"stay": stay, "versus": _versus(c), "forfeited": None if stay is None else forfeited_text(stay)}
