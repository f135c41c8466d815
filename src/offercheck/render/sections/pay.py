"""Pay by year: each offer's components per year, their totals, and the amounts' currency (every format)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from offercheck.render.common import COMPONENTS, Style, cents, money
from offercheck.render.fit import grid
from offercheck.render.sections.rows import everyone

if TYPE_CHECKING:
    from offercheck.pay.comp import YearPay
    from offercheck.results import Comparison, Evaluation


def year_json(y: YearPay) -> dict[str, float | int]:
    """One ``years`` entry of the JSON contract."""
    out: dict[str, float | int] = {"year": y.year}
    for name, _ in COMPONENTS:
        out[name] = cents(getattr(y, name))
    out["equity_paper"] = cents(y.equity_paper)  # beside the chosen view in ``equity`` (DESIGN.md section 5)
    out["total"] = cents(y.total)
    return out


def csv_headers() -> list[str]:
    return [*(name for name, _ in COMPONENTS), "total", "equity_paper"]


def csv_cells(y: YearPay) -> list[float]:
    return [*(cents(getattr(y, name)) for name, _ in COMPONENTS), cents(y.total), cents(y.equity_paper)]


def offer_json(e: Evaluation) -> dict[str, Any]:
    """``pay_notes``: how a part of the pay was counted (the ESPP limit), only when there is something to say."""
    return {"pay_notes": list(e.pay_notes)} if e.pay_notes else {}


def notes(c: Comparison) -> list[str]:
    """Each offer's pay notes, labelled."""
    return [f"{e.label}: {note}" for e in everyone(c) for note in e.pay_notes]


def text(c: Comparison, style: Style, *, explain: bool = False) -> list[str]:
    """Total pay by year, one row per offer (and the current job last); ``explain``: how a part of it was counted."""
    n = c.horizon_years
    rows = [[style.escape(e.label), *(money(y.total) for y in e.years)] for e in everyone(c)]
    said = notes(c) if explain else []
    return [style.heading(f"Total pay by year ({c.currency})"),
            grid(rows, ["Offer", *(f"Year {y}" for y in range(1, n + 1))], tablefmt=style.tablefmt,
                 colalign=("left", *("right",) * n)),
            *(["\n".join(f"- {style.escape(x)}" for x in said)] if said else [])]


EXPLAIN_HINT = "--explain adds the pay components, the factor tables, sources and notes."


def footer(c: Comparison, *, explain: bool = False) -> str:
    """The closing line: the display currency and the rates' date (``explain``: the rates' source); by default
    also what ``--explain`` adds."""
    if explain:
        return (f"Amounts in {c.currency}; other currencies converted at {c.rates.source}. PTO is shown, not added "
                "to pay.")
    return (f"Amounts in {c.currency}; other currencies converted at the rates of {c.rates_date.isoformat()}. PTO is "
            f"shown, not added to pay. {EXPLAIN_HINT}")


def html(c: Comparison) -> dict[str, Any]:
    from offercheck.render.svg import stacked_bars

    return {"components": COMPONENTS, "bars": stacked_bars([(e.label, e.years) for e in everyone(c)]),
            "pay_notes": notes(c)}
