"""The sections shared by the table and markdown formats."""

from __future__ import annotations

from collections.abc import Callable

from tabulate import tabulate

from ..comparison import Comparison
from .common import COMPONENTS, money


def _escape(text: str, tablefmt: str) -> str:
    # A literal pipe would end a markdown cell early.
    return text.replace("|", "\\|") if tablefmt == "github" else text


def comparison_sections(c: Comparison, *, tablefmt: str, heading: Callable[[str], str]) -> str:
    ranked = c.ranked
    n = c.horizon_years
    summary = [
        [
            rank,
            _escape(e.label, tablefmt),
            money(e.year1),
            money(e.annual_average),
            money(e.total),
            *(money(e.component_total(name)) for name, _ in COMPONENTS),
            f"{e.offer.benefits.pto_days:g}",
        ]
        for rank, e in enumerate(ranked, 1)
    ]
    summary_headers = ["#", "Offer", "Year 1", "Average", f"{n}-yr total",
                       *(f"{title} ({n} yr)" for _, title in COMPONENTS), "PTO days"]
    by_year = [[_escape(e.label, tablefmt), *(money(y.total) for y in e.years)] for e in ranked]
    year_headers = ["Offer", *(f"Year {y}" for y in range(1, n + 1))]
    align = ("right", "left", *("right",) * (len(summary_headers) - 2))
    sections = [
        heading(f"Offers ranked by {n}-year total ({c.currency})"),
        tabulate(summary, summary_headers, tablefmt=tablefmt, colalign=align, disable_numparse=True),
        heading(f"Total pay by year ({c.currency})"),
        tabulate(by_year, year_headers, tablefmt=tablefmt, colalign=("left", *("right",) * n),
                 disable_numparse=True),
    ]
    for e in ranked:
        if e.market is not None:
            sections.extend(e.market.sections(e, tablefmt=tablefmt, heading=heading))
    sections.append(
        f"Amounts in {c.currency}; other currencies converted at {c.rates.source}. "
        "PTO is shown, not added to pay."
    )
    return "\n\n".join(sections) + "\n"
