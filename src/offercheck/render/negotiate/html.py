"""``negotiate --format html``: one self-contained page (see ``render.templates``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from offercheck._version import __version__
from offercheck.pay.leave_early import COMPONENTS as LEAVE_COMPONENTS
from offercheck.render.common import COMPONENTS
from offercheck.render.sections import leave_early
from offercheck.render.sections.negotiation import counter_rows, footer, gap_heading, gap_table, money_formatter
from offercheck.render.svg import MarketRow, market_charts, stacked_bars
from offercheck.render.templates import page

if TYPE_CHECKING:
    from offercheck.negotiation.counter import Negotiation


def context(n: Negotiation) -> dict[str, Any]:
    # The other formats' rows and footer, so that every format of `negotiate` says the same thing.
    e, m = n.evaluation, n.evaluation.market
    market = None
    q = None if m is None else m.expected_base
    if m is not None and q is not None and m.base is not None and n.counter.base_percentile is not None:
        market = market_charts([(e.label, (  # no base chart from a total-only file
            MarketRow("base", "Base now", e.years[0].base, q, m.base),
            MarketRow("counter", "Base asked", n.counter.base, q, n.counter.base_percentile),
        ))])[0]
    gap_headers, gap_rows = gap_table(n)
    return {
        "n": n,
        "version": __version__,
        "fmt": money_formatter(n),
        "counter_rows": counter_rows(n),
        "market": market,
        "components": COMPONENTS,
        "bars": stacked_bars([(x.label, x.years) for x in (e, *n.others)]),
        "gap_headers": gap_headers,
        "gap_rows": gap_rows,
        "gap_heading": gap_heading(n),
        "leave_components": LEAVE_COMPONENTS,
        "leave_legend": leave_early.LEGEND,
        "footer": footer(n),
    }


def render(n: Negotiation, *, width: int | None = None, colour: bool = False, explain: bool = False) -> str:
    return page("negotiate.html.j2", context(n))
