"""``--format html``: one self-contained page (inline CSS and SVG charts, no script, nothing fetched).

Templates live in ``data/templates/html/`` and are rendered by jinja2 with autoescaping on, so every text from an
offer file (labels, companies, plugin reasons) appears as text, never as markup. jinja2 is imported here, and this
module only when HTML is asked for (see ``render.renderer``), so the other formats do not pay for it.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from offercheck._version import __version__
from offercheck.negotiate.asks import years_text
from offercheck.pay.leave_early import COMPONENTS as LEAVE_COMPONENTS
from offercheck.render import equity as equity_view
from offercheck.render.common import COMPONENTS, NO_BASE, money, printable
from offercheck.render.current import NOT_RANKED, everyone, forfeited_text, numbered
from offercheck.render.leave_early import LEGEND as LEAVE_LEGEND
from offercheck.render.netreal import summary_columns
from offercheck.render.svg import MarketRow, compact, market_charts, stacked_bars
from offercheck.render.tables import BASIS_NOTE, cash_pay, cell_text

if TYPE_CHECKING:
    from offercheck.market.position import MarketPosition
    from offercheck.negotiate.counter import Negotiation
    from offercheck.results import Comparison, Evaluation


@functools.cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("offercheck", "data/templates/html"),
        autoescape=True,
        undefined=StrictUndefined,  # a misspelt name in a template is an error, not an empty cell
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["money"] = money
    env.globals["cell_text"] = cell_text
    env.globals["basis_note"] = BASIS_NOTE
    env.globals["no_base"] = NO_BASE
    env.globals["money"] = money
    env.filters["compact"] = compact
    env.filters["years"] = years_text
    env.filters["px"] = lambda x: f"{x:.1f}"  # fixed precision keeps golden files stable
    return env


def market_rows(e: Evaluation, m: MarketPosition) -> tuple[MarketRow, ...]:
    """The figures scoring places in the market: year-1 base, average cash and (against a total benchmark) the
    average total over the horizon; a benchmark file with total pay only has no base or cash row."""
    rows = (("base", "Base, year 1", e.years[0].base, m.expected_base, m.base),
            ("cash", "Average base + bonus", cash_pay(e), m.expected_cash, m.cash),
            ("total", "Average total", e.annual_average, m.expected_total, m.total))
    return tuple(MarketRow(name, title, value, q, p) for name, title, value, q, p in rows
                 if q is not None and p is not None)


def tax_notes(taxed: list[Evaluation]) -> tuple[str, ...]:
    """The general caveats of tax estimates, then every regime's own notes, once each."""
    if not taxed:
        return ()
    from offercheck.tax.aftertax import SIMPLIFICATIONS  # the tax engine loads only when taxes were asked for

    notes = (note for e in taxed if e.taxes is not None for note in e.taxes.notes)
    return tuple(dict.fromkeys((*SIMPLIFICATIONS, *notes)))


def compare_context(c: Comparison) -> dict[str, Any]:
    from offercheck.pay.current import versus_current

    ranked = c.ranked
    rows = everyone(c, ranked)  # with compare --current, the current job last: the baseline, not ranked
    scored: list[tuple[Evaluation, MarketPosition]] = [(e, e.market) for e in rows if e.market is not None]
    charts = market_charts([(e.label, market_rows(e, m)) for e, m in scored])
    taxed = [e for e in rows if e.taxes is not None]
    extra_heads, extra_cells = summary_columns(c)
    stay = c.current
    return {
        "c": c,
        "version": __version__,
        "components": COMPONENTS,
        "ranked": ranked,
        "rows": rows,
        "numbered": numbered(c, ranked, "\N{EN DASH}"),
        "stay": stay,
        "not_ranked": NOT_RANKED,
        "versus": [] if stay is None else [(e, versus_current(e, stay)) for e in ranked],
        "forfeited": None if stay is None else forfeited_text(stay),
        "extra_heads": extra_heads,  # net and real horizon totals, with --after-tax and --real
        "extra_cells": extra_cells,
        "bars": stacked_bars([(e.label, e.years) for e in rows]),
        # Private grants at risk: paper beside the risk view, its arithmetic, scenarios and exercise cost.
        "equity_rows": equity_view.summary(rows),
        "equity_lines": equity_view.lines(rows, str),  # autoescaping escapes the labels
        "equity_footer": equity_view.FOOTER,
        "markets": [(e, m, chart) for (e, m), chart in zip(scored, charts, strict=True)],
        "taxed": taxed,
        "tax_notes": tax_notes(taxed),
        "real": [e for e in rows if e.real is not None] if c.home is not None else [],
        "leave": [e.leave_early for e in ranked if e.leave_early is not None],
        "leave_components": LEAVE_COMPONENTS,
        "leave_legend": LEAVE_LEGEND,
    }


def render(c: Comparison) -> str:
    # Control characters from the offer files are parse errors in HTML (and invisible): shown as U+FFFD.
    return printable(environment().get_template("compare.html.j2").render(compare_context(c)))


def negotiation_context(n: Negotiation) -> dict[str, Any]:
    # The negotiate renderers' own rows and footer, so that every format of `negotiate` says the same thing.
    from offercheck.market.position import percentile_of
    from offercheck.render.negotiation import counter_rows, footer, gap_heading, gap_table, money_formatter

    e = n.evaluation
    m: MarketPosition | None = e.market
    market = None
    q = None if m is None else m.expected_base
    if m is not None and q is not None and m.base is not None:  # no base chart from a total-only file
        market = market_charts([(e.label, (
            MarketRow("base", "Base now", e.years[0].base, q, m.base),
            MarketRow("counter", "Base asked", n.counter.base, q, percentile_of(n.counter.base, q)),
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
        "leave_legend": LEAVE_LEGEND,
        "footer": footer(n),
    }


def render_negotiation(n: Negotiation) -> str:
    return printable(environment().get_template("negotiate.html.j2").render(negotiation_context(n)))
