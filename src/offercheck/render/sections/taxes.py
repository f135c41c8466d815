"""After tax (``--after-tax``): each offer's estimated tax and net pay per year, the tax lines, and the caveats.

The tax engine's caveats (``SIMPLIFICATIONS``) are imported only where taxes were estimated.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from offercheck.render.common import Style, cents, money, years_text
from offercheck.render.fit import grid
from offercheck.render.sections.rows import everyone

if TYPE_CHECKING:
    from offercheck.results import Comparison, Evaluation


def _simplifications() -> tuple[str, ...]:
    from offercheck.tax.aftertax import SIMPLIFICATIONS  # only reached with --after-tax

    return SIMPLIFICATIONS


def year_json(e: Evaluation, i: int) -> dict[str, Any]:
    """``tax`` and ``net`` of year ``i`` (0-based)."""
    if e.taxes is None:
        return {}
    t = e.taxes.years[i]
    return {"tax": {"year": t.tax_year, "total": cents(t.total),
                    "lines": [{"name": x.name, "amount": cents(x.amount), "source": x.source} for x in t.lines]},
            "net": cents(e.taxes.nets[i])}


def offer_json(e: Evaluation) -> dict[str, Any]:
    """Horizon tax and net pay, the regime's plugin and the notes."""
    if e.taxes is None:
        return {}
    return {"tax_total": cents(e.taxes.total), "net": cents(e.taxes.net_total), "tax_plugin": e.taxes.plugin,
            "tax_notes": list(e.taxes.notes)}


def json(c: Comparison) -> dict[str, Any]:
    first = c.evaluations[0].taxes
    if first is None:
        return {}
    return {"after_tax": {"tax_year": first.tax_year, "estimate": list(_simplifications())}}


def csv_headers(c: Comparison) -> list[str]:
    # Column names say "estimated": a CSV has no room for the notes that say so elsewhere.
    return ["estimated_tax", "estimated_net"] if c.evaluations[0].taxes is not None else []


def csv_cells(e: Evaluation, i: int) -> list[float | None]:
    return [] if e.taxes is None else [cents(e.taxes.years[i].total), cents(e.taxes.nets[i])]


def summary_column(c: Comparison) -> tuple[list[str], Callable[[Evaluation], list[str]]]:
    """Net pay over the horizon, beside the nominal total in the ranking."""
    heads = [f"{c.horizon_years}-yr net"] if c.evaluations[0].taxes is not None else []
    return heads, lambda e: [money(e.taxes.net_total)] if e.taxes is not None else []


def _by_year(rows: list[list[str]], n: int, tablefmt: str) -> str:
    return grid(rows, ["Offer", *(f"Year {y}" for y in range(1, n + 1))], tablefmt=tablefmt,
                colalign=("left", *("right",) * n))


def text(c: Comparison, style: Style) -> list[str]:
    """Net pay by year, the estimated tax by line (year 1 and the horizon), and the notes."""
    n = c.horizon_years
    taxed = [(e, e.taxes) for e in everyone(c) if e.taxes is not None]
    if not taxed:
        return []
    esc = style.escape
    year = taxed[0][1].tax_year
    out = [style.heading(f"After tax: net pay by year ({c.currency}, estimated with {year} tax rules)"),
           _by_year([[esc(e.label), *(money(x) for x in t.nets)] for e, t in taxed], n, style.tablefmt),
           style.heading(f"Estimated tax ({c.currency})")]
    rows = []
    for e, tax in taxed:
        first = tax.years[0]
        where = "-".join(x for x in (first.country, first.subdivision) if x)
        year1 = {x.name: x.amount for x in first.lines}
        for k, (name, total) in enumerate(tax.line_totals.items()):
            rows.append([esc(e.label) if k == 0 else "", where if k == 0 else "", esc(name),
                         money(year1.get(name, 0.0)), money(total)])
        rows.append(["", "", "total tax", money(first.total), money(tax.total)])
    out.append(grid(rows, ["Offer", "Where", "Tax", "Year 1", years_text(n)], tablefmt=style.tablefmt,
                    colalign=("left", "left", "left", "right", "right")))
    filers = dict.fromkeys(f"{t.filing_status} filer" for _, t in taxed)
    lines = [f"Notes on the tax estimates ({', '.join(filers)}; {year} tax year):",
             *(f"- {s}" for s in _simplifications())]
    lines += [f"- {esc(note)}" for note in dict.fromkeys(x for _, t in taxed for x in t.notes)]
    out.append("\n".join(lines))
    return out


def html(c: Comparison) -> dict[str, Any]:
    """The taxed offers, and the caveats of tax estimates then every regime's own notes, once each."""
    taxed = [e for e in everyone(c) if e.taxes is not None]
    notes = (note for e in taxed if e.taxes is not None for note in e.taxes.notes)
    return {"taxed": taxed, "tax_notes": tuple(dict.fromkeys((*_simplifications(), *notes))) if taxed else ()}
