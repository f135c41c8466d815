"""Versus the market: each offer's percentiles and score against its adjusted benchmark, and every factor."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from offercheck.render.common import NO_BASE, Style, cents, money
from offercheck.render.fit import grid
from offercheck.render.sections.rows import everyone

if TYPE_CHECKING:
    from offercheck.market.position import MarketPosition, Percentile
    from offercheck.market.quantiles import Quantiles
    from offercheck.render.svg import MarketRow
    from offercheck.results import Comparison, Evaluation

BASIS_NOTE = ("Percentiles interpolate between the market quantiles (p10-p90; beyond them: above/below). "
              "Score (cash): average base + bonus against market base + the bonus norm; no open data measures "
              "equity, so equity is compared between offers, not with the market. Score (total): average total "
              "pay against a benchmark file's total pay, which includes equity.")


def cell_text(m: MarketPosition) -> str:
    """The benchmark cell in a line: what it is for, its source and period, the n used and what it borrows."""
    b = m.benchmark
    cell = ", ".join(x for x in (b.role, f"{b.experience} years" if b.experience else None, b.city, b.country) if x)
    text = f"benchmark {cell or 'all roles'} ({b.source_title}, {b.year}" + (f", n={b.n:,}" if b.n is not None else "")
    if b.aged is not None:
        text += f"; {b.aged.line()}"
    if b.borrowed_from is not None:
        bf = b.borrowed_from
        text += f"; borrowed from {bf.cell}" + (f", n={bf.n:,}" if bf.n else "") + f": {bf.why}"
    text += ")"
    if b.note and (b.borrowed_from is None or b.note not in b.borrowed_from.why):
        text += f"; {b.note}"
    return text


# --------------------------------------------------------------------------------------------------- JSON


def _quantiles(q: Quantiles | None) -> dict[str, float] | None:
    return None if q is None else {name: cents(v) for name, v in q.model_dump().items() if v is not None}


def _p50(q: Quantiles | None) -> float | None:
    return None if q is None else cents(q.p50)


def _value(p: Percentile | None) -> float | None:
    return None if p is None else round(p.value, 1)


def market_json(m: MarketPosition) -> dict[str, Any]:
    """The ``benchmark`` and ``score`` members of an offer in the JSON contract (DESIGN section 7)."""
    b = m.benchmark
    borrowed = b.borrowed_from
    return {
        "benchmark": {
            "base_p50": _p50(m.expected_base),
            "cash_p50": _p50(m.expected_cash),
            "total_p50": _p50(m.expected_total),
            "base": _quantiles(m.expected_base),
            "cash": _quantiles(m.expected_cash),
            "total": _quantiles(m.expected_total),
            "cell": {"role": b.role, "experience": b.experience, "country": b.country, "city": b.city, "n": b.n,
                     "borrowed_from": None if borrowed is None else borrowed.model_dump()},
            "source": b.source_title,
            "year": b.year,
            "aged": None if b.aged is None else {**b.aged.as_dict(), "factor": round(b.aged.factor, 6)},
            "total_includes_equity": b.total_includes_equity,
            "bonus_norm": b.bonus_norm,
            "bonus_source": b.bonus_source,
            "note": b.note,
            "multiplier": round(m.multiplier, 4),
            "adjustments": [
                {
                    "factor": a.adjustment.factor,
                    "multiplier": round(a.adjustment.multiplier, 4),
                    "reason": a.adjustment.reason,
                    "source": a.adjustment.source,
                    "plugin": a.plugin,
                    "n": a.adjustment.n,
                    "interval": None if a.adjustment.interval is None else list(a.adjustment.interval),
                    "evidence": a.adjustment.evidence,
                }
                for a in m.adjustments
            ],
        },
        "score": {
            "overall": round(m.overall, 1),
            "basis": m.basis,
            "base_percentile": _value(m.base),
            "cash_percentile": _value(m.cash),
            "total_percentile": _value(m.total),
            "bounds": {k: p.bound for k, p in (("base", m.base), ("cash", m.cash), ("total", m.total))
                       if p is not None and p.bound},
        },
    }


def offer_json(e: Evaluation) -> dict[str, Any]:
    return {} if e.market is None else market_json(e.market)


# --------------------------------------------------------------------------------------------------- text


def _base_cells(m: MarketPosition) -> list[str]:
    """The base percentile and market base p50, or what a total-only benchmark file says instead."""
    q = m.expected_base
    if q is None or m.base is None:
        return [NO_BASE, NO_BASE]
    return [str(m.base), money(q.p50)]


def _adjustments(e: Evaluation, m: MarketPosition, style: Style) -> str:
    # The benchmark's names come from a --benchmarks file or a plugin: escaped like the label.
    esc = style.escape
    lines = [f"{esc(e.label)}: {esc(cell_text(m))}"]
    rows = [[esc(a.adjustment.factor), f"x{a.adjustment.multiplier:.3f}", a.adjustment.evidence,
             esc(a.adjustment.reason), esc(a.adjustment.source)] for a in m.adjustments]
    rows.append(["all factors", f"x{m.multiplier:.3f}", "", "", ""])
    lines.append(grid(rows, ["Factor", "Multiplier", "Evidence", "Reason", "Source"], tablefmt=style.tablefmt))
    return "\n".join(lines)


def _scored(c: Comparison) -> list[tuple[Evaluation, MarketPosition]]:
    return [(e, e.market) for e in everyone(c) if e.market is not None]


def text(c: Comparison, style: Style) -> list[str]:
    scored = _scored(c)
    if not scored:
        return []
    table = grid(
        [[style.escape(e.label), money(e.years[0].base), *_base_cells(m), money(e.scored_average), str(m.scored),
          money(m.expected_basis.p50), f"{m.overall:.0f} ({m.basis})"] for e, m in scored],
        ["Offer", "Base", "Base pct", "Market base p50", "Avg scored pay", "Pct", "Market p50", "Score (basis)"],
        tablefmt=style.tablefmt, colalign=("left", *("right",) * 7))
    return [style.heading(f"Versus the market ({c.currency} per year)"), table, BASIS_NOTE,
            *(_adjustments(e, m, style) for e, m in scored)]


# --------------------------------------------------------------------------------------------------- HTML


def market_rows(e: Evaluation, m: MarketPosition) -> tuple[MarketRow, ...]:
    """The figures scoring places in the market: year-1 base, average cash and (against a total benchmark) the
    average total over the horizon; a benchmark file with total pay only has no base or cash row."""
    from offercheck.render.svg import MarketRow

    rows = (("base", "Base, year 1", e.years[0].base, m.expected_base, m.base),
            ("cash", "Average base + bonus", e.cash_average, m.expected_cash, m.cash),
            ("total", "Average total", e.annual_average, m.expected_total, m.total))
    return tuple(MarketRow(name, title, value, q, p) for name, title, value, q, p in rows
                 if q is not None and p is not None)


def html(c: Comparison) -> dict[str, Any]:
    from offercheck.render.svg import market_charts

    scored = _scored(c)
    charts = market_charts([(e.label, market_rows(e, m)) for e, m in scored])
    return {"markets": [(e, m, chart) for (e, m), chart in zip(scored, charts, strict=True)]}
