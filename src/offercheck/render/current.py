"""What ``compare --current`` adds to each output format: the Stay row's forfeited money and each offer versus it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from offercheck.pay.current import FORFEITED_PARTS, Forfeited, forfeited, versus_current
from offercheck.render.common import cents, money
from offercheck.render.fit import grid
from offercheck.results import Comparison, Evaluation

NOT_RANKED = "The Stay row is your current job: the baseline each offer is measured against, not ranked."


def everyone(c: Comparison, ranked: tuple[Evaluation, ...]) -> tuple[Evaluation, ...]:
    """The offers in ranked order, then the current job when there is one."""
    return ranked if c.current is None else (*ranked, c.current)


def numbered(c: Comparison, ranked: tuple[Evaluation, ...], mark: str) -> list[tuple[int | str, Evaluation]]:
    """(rank, offer) in ranked order, then (``mark``, the current job): it is the baseline, not ranked."""
    rows: list[tuple[int | str, Evaluation]] = list(enumerate(ranked, 1))
    return rows if c.current is None else [*rows, (mark, c.current)]


def forfeited_dict(f: Forfeited | None) -> dict[str, float] | None:
    if f is None:
        return None
    return {**{name: cents(getattr(f, name)) for name, _ in FORFEITED_PARTS}, "total": cents(f.total)}


# --------------------------------------------------------------------------------------------------- JSON


def current_members(stay: Evaluation) -> dict[str, Any]:
    """What the ``current`` member adds to an offer's shape: the money leaving forfeits (null without [leaving])."""
    leaving = stay.offer.leaving
    return {"forfeited": forfeited_dict(forfeited(stay)),
            "notice_weeks": None if leaving is None else leaving.notice_weeks}


def offer_members(c: Comparison, e: Evaluation) -> dict[str, Any]:
    """``vs_current`` in an offer of the compare JSON: the offer minus staying, per year and over the horizon."""
    if c.current is None:
        return {}
    vs = versus_current(e, c.current)
    out: dict[str, Any] = {"years": [cents(x) for x in vs.years], "total": cents(vs.total)}
    if vs.nets is not None and vs.net_total is not None:
        out.update(net_years=[cents(x) for x in vs.nets], net_total=cents(vs.net_total))
    return {"vs_current": out}


# --------------------------------------------------------------------------------------------------- CSV


def csv_headers(c: Comparison) -> list[str]:
    return [] if c.current is None else ["kind", "vs_current"]


def csv_cells(c: Comparison, e: Evaluation, i: int) -> list[str | float]:
    """Year ``i`` (0-based): whether the row is an offer or the current job, and the offer minus staying."""
    if c.current is None:
        return []
    if e is c.current:
        return ["current", ""]
    return ["offer", cents(e.years[i].total - c.current.years[i].total)]


# --------------------------------------------------------------------------------------------------- tables


def forfeited_text(stay: Evaluation, fmt: Callable[[float], str] = money) -> str:
    """One paragraph: what leaving forfeits, its parts, and where the figures come from."""
    f = forfeited(stay)
    where = stay.offer.path or "the current-job file"
    if f is None:
        return f"No [leaving] table in {where}: nothing forfeited by leaving is counted."
    parts = ", ".join(f"{title} {fmt(getattr(f, name))}" for name, title in FORFEITED_PARTS)
    notice = f"; notice period {f.notice_weeks:g} weeks" if f.notice_weeks else ""
    return (f"Leaving forfeits {fmt(f.total)} ({parts}; from [leaving] in {where}){notice}. The Stay row already "
            "counts the equity and bonus staying would pay; a clawback you repay is in neither row. Ask for the "
            "forfeited total as a sign-on or an extra equity grant: `offercheck negotiate OFFER --current "
            "CURRENT`.")


def sections(c: Comparison, ranked: tuple[Evaluation, ...], *, tablefmt: str, heading: Callable[[str], str],
             escape: Callable[[str], str]) -> list[str]:
    """The "Versus staying" section of the table and markdown formats."""
    stay = c.current
    if stay is None:
        return []
    n = c.horizon_years
    rows = []
    for e in ranked:
        vs = versus_current(e, stay)
        rows.append([escape(e.label), *(money(x) for x in vs.years), money(vs.total)])
        if vs.nets is not None and vs.net_total is not None:
            rows.append([f"{escape(e.label)} (net)", *(money(x) for x in vs.nets), money(vs.net_total)])
    return [
        heading(f"Versus staying at {stay.offer.offer.company} ({c.currency}, offer minus staying)"),
        grid(rows, ["Offer", *(f"Year {y}" for y in range(1, n + 1)), f"{n}-yr total"], tablefmt=tablefmt,
                 colalign=("left", *("right",) * (n + 1))),
        escape(forfeited_text(stay)),
    ]
