"""The ranking: offers best first (by horizon total, net or real pay), the current job after them, unranked."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from offercheck.render.common import COMPONENTS, Style, money
from offercheck.render.fit import grid
from offercheck.render.sections.rows import everyone, numbered

if TYPE_CHECKING:
    from collections.abc import Callable

    from offercheck.results import Comparison, Evaluation

NOT_RANKED = "The Stay row is your current job: the baseline each offer is measured against, not ranked."
RANK_TITLES = {"total": "total", "net": "net pay", "real": "real pay"}


def summary_columns(c: Comparison) -> tuple[list[str], Callable[[Evaluation], list[str]]]:
    """Columns beside the nominal horizon total: net pay (after tax), real pay and real net pay (real terms)."""
    parts = []
    if c.after_tax:
        from offercheck.render.sections import taxes

        parts.append(taxes.summary_column(c))
    if c.evaluations[0].real is not None:
        from offercheck.render.sections import real

        parts.append(real.summary_column(c))
    heads = [h for hs, _ in parts for h in hs]

    def cells(e: Evaluation) -> list[str]:
        return [x for _, cell in parts for x in cell(e)]

    return heads, cells


def text(c: Comparison, style: Style, *, explain: bool = False) -> list[str]:
    """The ranking table; ``explain`` adds each pay component's horizon total (too wide for a terminal beside
    the rest: the default fits 80 columns)."""
    n = c.horizon_years
    extra_headers, extra_cells = summary_columns(c)
    components = COMPONENTS if explain else ()
    summary = [
        [
            rank,
            style.escape(e.label),
            money(e.year1),
            money(e.annual_average),
            money(e.total),
            *extra_cells(e),
            *(money(e.component_total(name)) for name, _ in components),
            f"{e.offer.benefits.pto_days:g}",
        ]
        for rank, e in numbered(c, "-")
    ]
    headers = ["#", "Offer", "Year 1", "Average", f"{n}-yr total", *extra_headers,
               *(f"{title} ({n} yr)" for _, title in components), "PTO days"]
    align = ("right", "left", *("right",) * (len(headers) - 2))
    return [style.heading(f"Offers ranked by {n}-year {RANK_TITLES[c.rank_by]} ({c.currency})"),
            grid(summary, headers, tablefmt=style.tablefmt, colalign=align),
            *([NOT_RANKED] if c.current is not None else []),
            *(style.escape(x) for x in rank_notes(c))]


def rank_notes(c: Comparison) -> list[str]:
    """Why an offer ranks last whatever its pay: no net pay when ranking by net pay."""
    if c.rank_by != "net":
        return []
    return [f"{e.label} is ranked last: its net pay is not estimated ({e.tax_note.removeprefix('not estimated: ')})."
            for e in c.evaluations if e.tax_note]


def json(c: Comparison) -> dict[str, Any]:
    return {"ranking": [e.label for e in c.ranked]}


def rank_by_json(c: Comparison) -> dict[str, Any]:
    """``rank_by``, said once taxes, real terms or another key than the total come into it."""
    if c.after_tax or c.home is not None or c.rank_by != "total":
        return {"rank_by": c.rank_by}
    return {}


def html(c: Comparison) -> dict[str, Any]:
    extra_heads, extra_cells = summary_columns(c)
    return {"ranked": c.ranked, "rows": everyone(c), "numbered": numbered(c, "\N{EN DASH}"),
            "not_ranked": NOT_RANKED, "extra_heads": extra_heads, "extra_cells": extra_cells,
            "rank_notes": rank_notes(c), "rank_title": RANK_TITLES[c.rank_by]}
