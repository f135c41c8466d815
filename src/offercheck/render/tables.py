"""The sections shared by the table and markdown formats."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from offercheck.render.common import COMPONENTS, NO_BASE, markdown_text, money
from offercheck.render.current import NOT_RANKED, everyone, numbered
from offercheck.render.current import sections as current_sections
from offercheck.render.equity import sections as equity_sections
from offercheck.render.fit import grid
from offercheck.render.netreal import sections as netreal_sections
from offercheck.render.netreal import summary_columns
from offercheck.results import Comparison, Evaluation

if TYPE_CHECKING:
    from offercheck.market.position import MarketPosition

RANK_TITLES = {"total": "total", "net": "net pay", "real": "real pay"}
BASIS_NOTE = ("Percentiles interpolate between the market quantiles (p10-p90; beyond them: above/below). "
              "Score (cash): average base + bonus against market base + the bonus norm; no open data measures "
              "equity, so equity is compared between offers, not with the market. Score (total): average total "
              "pay against a benchmark file's total pay, which includes equity.")


def cash_pay(e: Evaluation) -> float:
    """The offer's average cash pay: base + bonus."""
    return sum(y.base + y.bonus for y in e.years) / len(e.years)


def basis_pay(e: Evaluation) -> float:
    """The offer's average pay on its score's basis: total pay, or base + bonus."""
    return e.annual_average if e.market is not None and e.market.basis == "total" else cash_pay(e)


def _escape(text: str, tablefmt: str) -> str:
    return markdown_text(text) if tablefmt == "github" else text


def cell_text(m: MarketPosition) -> str:
    """The benchmark cell in a line: what it is for, its source and period, the n used and what it borrows."""
    b = m.benchmark
    cell = ", ".join(x for x in (b.role, f"{b.experience} years" if b.experience else None, b.city, b.country) if x)
    text = f"benchmark {cell or 'all roles'} ({b.source_title}, {b.year}" + (f", n={b.n:,}" if b.n is not None else "")
    if b.borrowed_from is not None:
        bf = b.borrowed_from
        text += f"; borrowed from {bf.cell}" + (f", n={bf.n:,}" if bf.n else "") + f": {bf.why}"
    text += ")"
    if b.note and (b.borrowed_from is None or b.note not in b.borrowed_from.why):
        text += f"; {b.note}"
    return text


def _base_cells(m: MarketPosition) -> list[str]:
    """The base percentile and market base p50, or what a total-only benchmark file says instead."""
    q = m.expected_base
    if q is None or m.base is None:
        return [NO_BASE, NO_BASE]
    return [str(m.base), money(q.p50)]


def _adjustments(e: Evaluation, m: MarketPosition, tablefmt: str) -> str:
    # The benchmark's names come from a --benchmarks file or a plugin: escaped like the label.
    lines = [f"{_escape(e.label, tablefmt)}: {_escape(cell_text(m), tablefmt)}"]
    rows = [[_escape(a.adjustment.factor, tablefmt), f"x{a.adjustment.multiplier:.3f}", a.adjustment.evidence,
             _escape(a.adjustment.reason, tablefmt), _escape(a.adjustment.source, tablefmt)] for a in m.adjustments]
    rows.append(["all factors", f"x{m.multiplier:.3f}", "", "", ""])
    lines.append(grid(rows, ["Factor", "Multiplier", "Evidence", "Reason", "Source"], tablefmt=tablefmt))
    return "\n".join(lines)


def _leave_early(c: Comparison, ranked: tuple[Evaluation, ...], *, tablefmt: str,
                 heading: Callable[[str], str]) -> list[str]:
    if all(e.leave_early is None for e in ranked):
        return []  # without --leave-after: the leave-early code is not imported at all
    from offercheck.render.leave_early import sections

    return sections(c, ranked, tablefmt=tablefmt, heading=heading, escape=lambda t: _escape(t, tablefmt))


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
        *_leave_early(c, ranked, tablefmt=tablefmt, heading=heading),
        *equity_sections(rows, currency=c.currency, years=n, tablefmt=tablefmt, heading=heading,
                         escape=lambda t: _escape(t, tablefmt)),
    ]
    scored = [(e, e.market) for e in rows if e.market is not None]
    if scored:
        sections.append(heading(f"Versus the market ({c.currency} per year)"))
        sections.append(grid(
            [[_escape(e.label, tablefmt), money(e.years[0].base), *_base_cells(m),
              money(basis_pay(e)), str(m.scored), money(m.expected_basis.p50),
              f"{m.overall:.0f} ({m.basis})"] for e, m in scored],
            ["Offer", "Base", "Base pct", "Market base p50", "Avg scored pay", "Pct", "Market p50", "Score (basis)"],
            tablefmt=tablefmt, colalign=("left", *("right",) * 7)))
        sections.append(BASIS_NOTE)
        for e, m in scored:
            sections.append(_adjustments(e, m, tablefmt))
    sections.append(
        f"Amounts in {c.currency}; other currencies converted at {c.rates.source}. "
        "PTO is shown, not added to pay."
    )
    return "\n\n".join(sections) + "\n"
