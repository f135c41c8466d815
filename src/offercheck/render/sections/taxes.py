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
    from collections.abc import Sequence

    from offercheck.results import Comparison, Evaluation
    from offercheck.tax.types import AfterTax


def _simplifications() -> tuple[str, ...]:
    from offercheck.tax.aftertax import SIMPLIFICATIONS  # only reached with --after-tax

    return SIMPLIFICATIONS


NET = "Net (incl. benefits)"  # total pay less tax: benefits paid in kind included
TAKE_HOME = "Take-home cash"  # net pay less the benefits paid in kind: money and vested shares
NOT_ESTIMATED = "not estimated"


def year_json(e: Evaluation, i: int) -> dict[str, Any]:
    """``tax``, ``net`` and ``take_home`` of year ``i`` (0-based); all null for an offer no regime covers."""
    if not e.after_tax:
        return {}
    if e.taxes is None:
        return {"tax": None, "net": None, "take_home": None}
    t = e.taxes.years[i]
    return {"tax": {"year": t.tax_year, "total": cents(t.total),
                    "lines": [{"name": x.name, "amount": cents(x.amount), "source": x.source} for x in t.lines]},
            "net": cents(e.taxes.nets[i]), "take_home": cents(e.taxes.take_homes[i])}


def offer_json(e: Evaluation) -> dict[str, Any]:
    """Horizon tax, net pay and take-home cash, the regime's plugin and the notes; ``tax_note`` says why an offer
    is not estimated (null when it is)."""
    if not e.after_tax:
        return {}
    if e.taxes is None:
        return {"tax_total": None, "net": None, "take_home": None, "tax_plugin": None, "tax_notes": [],
                "tax_note": e.tax_note}
    return {"tax_total": cents(e.taxes.total), "net": cents(e.taxes.net_total),
            "take_home": cents(e.taxes.take_home_total), "tax_plugin": e.taxes.plugin,
            "tax_notes": list(e.taxes.notes), "tax_note": None}


def _tax_year(c: Comparison) -> int | None:
    """The tax year of the estimates (None when no offer could be taxed)."""
    return next((e.taxes.tax_year for e in everyone(c) if e.taxes is not None), None)


def json(c: Comparison) -> dict[str, Any]:
    if not c.after_tax:
        return {}
    return {"after_tax": {"tax_year": _tax_year(c), "estimate": list(_simplifications())}}


def csv_headers(c: Comparison) -> list[str]:
    # Column names say "estimated": a CSV has no room for the notes that say so elsewhere.
    return ["estimated_tax", "estimated_net", "estimated_take_home"] if c.after_tax else []


def csv_cells(e: Evaluation, i: int) -> list[float | str | None]:
    if not e.after_tax:
        return []
    if e.taxes is None:
        return [NOT_ESTIMATED] * 3
    return [cents(e.taxes.years[i].total), cents(e.taxes.nets[i]), cents(e.taxes.take_homes[i])]


def summary_column(c: Comparison) -> tuple[list[str], Callable[[Evaluation], list[str]]]:
    """Net pay and take-home cash over the horizon, beside the nominal total in the ranking."""
    n = c.horizon_years
    heads = [f"{n}-yr net (incl. benefits)", f"{n}-yr take-home cash"] if c.after_tax else []

    def cells(e: Evaluation) -> list[str]:
        if e.taxes is not None:
            return [money(e.taxes.net_total), money(e.taxes.take_home_total)]
        return [NOT_ESTIMATED] * 2 if e.tax_note is not None else []

    return heads, cells


def _by_year(rows: list[list[str]], n: int, tablefmt: str) -> str:
    return grid(rows, ["Offer", *(f"Year {y}" for y in range(1, n + 1))], tablefmt=tablefmt,
                colalign=("left", *("right",) * n))


def text(c: Comparison, style: Style, *, explain: bool = False) -> list[str]:
    """Net pay and take-home cash by year, the estimated tax (each offer's total; ``explain``: by line, year 1
    and the horizon), and the notes (by default the first caveat, that these are estimates, and why an offer is
    not estimated; ``explain``: every caveat and every regime's notes)."""
    n = c.horizon_years
    shown = [e for e in everyone(c) if e.after_tax]
    if not shown:
        return []
    esc = style.escape
    year = _tax_year(c)

    def by_year(values: Callable[[AfterTax], Sequence[float]]) -> list[list[str]]:
        return [[esc(e.label), *(money(x) for x in values(e.taxes))] if e.taxes is not None
                else [esc(e.label), *(NOT_ESTIMATED,) * n] for e in shown]

    rules = f"estimated with {year} tax rules" if year is not None else "not estimated"
    out = [style.heading(f"After tax: net pay, incl. benefits, by year ({c.currency}, {rules})"),
           _by_year(by_year(lambda t: t.nets), n, style.tablefmt),
           style.heading(f"Take-home cash by year: net pay less the benefits paid in kind ({c.currency})"),
           _by_year(by_year(lambda t: t.take_homes), n, style.tablefmt),
           style.heading(f"Estimated tax ({c.currency})")]
    out.append(_by_line(shown, n, style) if explain else _totals(shown, n, style))
    taxed = [e.taxes for e in shown if e.taxes is not None]
    filers = dict.fromkeys(f"{t.filing_status} filer" for t in taxed)
    when = f"; {year} tax year" if year is not None else ""
    # The first caveat says they are estimates, not tax advice: said on the short page too.
    caveats = _simplifications() if explain else _simplifications()[:1]
    lines = [f"Notes on the tax estimates ({', '.join(filers) or 'none estimated'}{when}):",
             *(f"- {esc(s)}" for s in caveats)]
    lines += [f"- {esc(e.label)}: {esc(e.tax_note)}" for e in shown if e.tax_note is not None]
    if explain:
        lines += [f"- {esc(note)}" for note in dict.fromkeys(x for t in taxed for x in t.notes)]
    out.append("\n".join(lines))
    return out


def _totals(shown: Sequence[Evaluation], n: int, style: Style) -> str:
    """Each offer's estimated tax, year 1 and the horizon, one row per offer."""
    rows = []
    for e in shown:
        if e.taxes is None:
            rows.append([style.escape(e.label), "", NOT_ESTIMATED, "-"])
            continue
        first = e.taxes.years[0]
        rows.append([style.escape(e.label), "-".join(x for x in (first.country, first.subdivision) if x),
                     money(first.total), money(e.taxes.total)])
    return grid(rows, ["Offer", "Where", "Year 1", years_text(n)], tablefmt=style.tablefmt,
                colalign=("left", "left", "right", "right"))


def _by_line(shown: Sequence[Evaluation], n: int, style: Style) -> str:
    """Each offer's estimated tax by line (federal, social security, state, ...), year 1 and the horizon."""
    esc = style.escape
    rows = []
    for e in shown:
        if e.taxes is None:
            rows.append([esc(e.label), "", NOT_ESTIMATED, "-", "-"])
            continue
        tax = e.taxes
        first = tax.years[0]
        where = "-".join(x for x in (first.country, first.subdivision) if x)
        year1 = {x.name: x.amount for x in first.lines}
        for k, (name, total) in enumerate(tax.line_totals.items()):
            rows.append([esc(e.label) if k == 0 else "", where if k == 0 else "", esc(name),
                         money(year1.get(name, 0.0)), money(total)])
        rows.append(["", "", "total tax", money(first.total), money(tax.total)])
    return grid(rows, ["Offer", "Where", "Tax", "Year 1", years_text(n)], tablefmt=style.tablefmt,
                colalign=("left", "left", "left", "right", "right"))


def html(c: Comparison) -> dict[str, Any]:
    """The offers taxes were asked for (taxed or not estimated), and the caveats of tax estimates then every
    regime's own notes, once each."""
    shown = [e for e in everyone(c) if e.after_tax]
    notes = (note for e in shown if e.taxes is not None for note in e.taxes.notes)
    untaxed = (f"{e.label}: {e.tax_note}" for e in shown if e.tax_note is not None)
    return {"taxed": shown, "tax_year": _tax_year(c), "net_label": NET, "take_home_label": TAKE_HOME,
            "tax_notes": tuple(dict.fromkeys((*_simplifications(), *untaxed, *notes))) if shown else ()}
