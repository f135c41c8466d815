"""The sections shared by the table and markdown formats."""

from __future__ import annotations

from collections.abc import Callable

from offercheck.render.common import COMPONENTS, markdown_text, money
from offercheck.render.current import NOT_RANKED, everyone, numbered
from offercheck.render.current import sections as current_sections
from offercheck.render.fit import grid
from offercheck.render.leave_early import sections as leave_early_sections
from offercheck.render.netreal import sections as netreal_sections
from offercheck.render.netreal import summary_columns
from offercheck.results import Comparison, Evaluation

RANK_TITLES = {"total": "total", "net": "net pay", "real": "real pay"}


def _escape(text: str, tablefmt: str) -> str:
    return markdown_text(text) if tablefmt == "github" else text


def _adjustments(e: Evaluation, tablefmt: str) -> str:
    m = e.market
    b = m.benchmark
    cell = ", ".join(x for x in (b.role, f"{b.experience} years" if b.experience else None, b.country) if x)
    lines = [f"{_escape(e.label, tablefmt)}: benchmark {cell or 'all roles'} ({b.source_title}, {b.year}"
             + (f", n={b.n}" if b.n else "") + ")" + (f"; {b.note}" if b.note else "")]
    rows = [[a.adjustment.factor, f"x{a.adjustment.multiplier:.3f}", _escape(a.adjustment.reason, tablefmt),
             _escape(a.adjustment.source, tablefmt)] for a in m.adjustments]
    rows.append(["all factors", f"x{m.multiplier:.3f}", "", ""])
    lines.append(grid(rows, ["Factor", "Multiplier", "Reason", "Source"], tablefmt=tablefmt))
    return "\n".join(lines)


def comparison_sections(c: Comparison, *, tablefmt: str, heading: Callable[[str], str]) -> str:
    ranked = c.ranked
    rows = everyone(c, ranked)  # the offers, then the current job (compare --current) as an unranked baseline
    n = c.horizon_years
    extra_headers, extra_cells = summary_columns(c)  # net and real pay beside the nominal total
    summary = [
        [
            rank,
            _escape(e.label, tablefmt),
            money(e.year1),
            money(e.annual_average),
            money(e.total),
            *extra_cells(e),
            *(money(e.component_total(name)) for name, _ in COMPONENTS),
            f"{e.offer.benefits.pto_days:g}",
        ]
        for rank, e in numbered(c, ranked, "-")
    ]
    summary_headers = ["#", "Offer", "Year 1", "Average", f"{n}-yr total", *extra_headers,
                       *(f"{title} ({n} yr)" for _, title in COMPONENTS), "PTO days"]
    by_year = [[_escape(e.label, tablefmt), *(money(y.total) for y in e.years)] for e in rows]
    year_headers = ["Offer", *(f"Year {y}" for y in range(1, n + 1))]
    align = ("right", "left", *("right",) * (len(summary_headers) - 2))
    sections = [
        heading(f"Offers ranked by {n}-year {RANK_TITLES[c.rank_by]} ({c.currency})"),
        grid(summary, summary_headers, tablefmt=tablefmt, colalign=align),
        *([NOT_RANKED] if c.current is not None else []),
        heading(f"Total pay by year ({c.currency})"),
        grid(by_year, year_headers, tablefmt=tablefmt, colalign=("left", *("right",) * n)),
        *current_sections(c, ranked, tablefmt=tablefmt, heading=heading, escape=lambda t: _escape(t, tablefmt)),
        *netreal_sections(c, rows, tablefmt=tablefmt, heading=heading, escape=lambda t: _escape(t, tablefmt)),
        *leave_early_sections(c, ranked, tablefmt=tablefmt, heading=heading, escape=lambda t: _escape(t, tablefmt)),
    ]
    scored = [e for e in rows if e.market is not None]
    if scored:
        sections.append(heading(f"Versus the market ({c.currency} per year)"))
        sections.append(grid(
            [[_escape(e.label, tablefmt), money(e.years[0].base), str(e.market.base), money(e.market.expected_base.p50),
              money(e.annual_average), str(e.market.total), money(e.market.expected_total.p50),
              f"{e.market.overall:.0f}"] for e in scored],
            ["Offer", "Base", "Base pct", "Market base p50", "Avg total", "Total pct", "Market total p50", "Score"],
            tablefmt=tablefmt, colalign=("left", *("right",) * 7)))
        sections.append("Percentiles interpolate between the market quantiles (p10-p90; beyond them: above/below). "
                        "Market totals add a typical bonus to base pay and no equity (see `offercheck benchmarks "
                        "show`), so equity-heavy offers place high on total pay.")
        for e in scored:
            sections.append(_adjustments(e, tablefmt))
    sections.append(
        f"Amounts in {c.currency}; other currencies converted at {c.rates.source}. "
        "PTO is shown, not added to pay."
    )
    return "\n\n".join(sections) + "\n"
