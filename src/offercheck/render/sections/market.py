"""Versus the market: each offer's percentiles and score against its adjusted benchmark, and every factor."""

from __future__ import annotations

import re
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
              "Score (base): the year-1 base against the market's base pay for the role, experience and place, "
              "adjusted by every factor; score (total): average total pay against a benchmark file's total pay, "
              "which includes equity. Cash (beside the score, never the score): average base + bonus against "
              "market base x (1 + the bonus norm), with the norm's source. No open data measures equity, so "
              "equity is compared between offers, not with the market.")


def cell_text(m: MarketPosition) -> str:
    """The benchmark cell in a line: what it is for, its source and period, the n used and what it borrows."""
    b = m.benchmark
    cell = ", ".join(x for x in (b.role, f"{b.experience} years" if b.experience else None, b.city, b.country) if x)
    text = (f"benchmark {cell or 'all roles'} ({b.source_title}, " + ("survey only, " if b.survey_only else "")
            + f"{b.year}" + (f", n={b.n:,}" if b.n is not None else ""))
    if b.aged is not None:
        text += f"; {b.aged.line()}"
    if b.borrowed_from is not None:
        bf = b.borrowed_from
        text += f"; borrowed from {bf.cell}" + (f", n={bf.n:,}" if bf.n else "") + f": {bf.why}"
    text += ")"
    if b.note and (b.borrowed_from is None or b.note not in b.borrowed_from.why):
        text += f"; {b.note}"
    return text


def cash_text(e: Evaluation, m: MarketPosition) -> str | None:
    """The cash line shown beside the score: average base + bonus against base x (1 + the norm), with its source."""
    b, q = m.benchmark, m.expected_cash
    if q is None or m.cash is None:
        return None
    if b.bonus_norm is None and b.bonus_source:  # an anchor that includes bonuses: compared as is, said why
        return (f"cash, beside the score: average base + bonus {money(e.cash_average)} is {m.cash} of market pay "
                f"as is ({b.bonus_source}); market p50 {money(q.p50)}")
    if b.bonus_norm is None:
        norm = "no bonus norm"
    else:
        norm = (f"a bonus norm of {b.bonus_norm:.0%}, {'measured' if b.bonus_norm_measured else 'not measured'}: "
                f"{b.bonus_source or 'source not stated'}")
    return (f"cash, beside the score: average base + bonus {money(e.cash_average)} is {m.cash} of market base "
            f"plus {norm}; market p50 {money(q.p50)}")


# --------------------------------------------------------------------------------------------------- JSON


def _quantiles(q: Quantiles | None) -> dict[str, float] | None:
    return None if q is None else {name: cents(v) for name, v in q.model_dump().items() if v is not None}


def _p50(q: Quantiles | None) -> float | None:
    return None if q is None else cents(q.p50)


def _value(p: Percentile | None) -> float | None:
    return None if p is None else round(p.value, 1)


def no_market_json(e: Evaluation) -> dict[str, Any]:
    """The members of an offer with no market data: ``benchmark`` and ``score`` null, and the reason."""
    return {"benchmark": None, "score": None, "market_note": e.no_market}


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
            "bonus_norm_measured": b.bonus_norm_measured,
            "survey_only": b.survey_only,
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
    if e.no_market is not None:
        return no_market_json(e)
    return {} if e.market is None else market_json(e.market)


# --------------------------------------------------------------------------------------------------- text


def _base_cells(m: MarketPosition) -> list[str]:
    """The base percentile and market base p50, or what a total-only benchmark file says instead."""
    q = m.expected_base
    if q is None or m.base is None:
        return [NO_BASE, NO_BASE]
    return [str(m.base), money(q.p50)]


def _cash_cells(e: Evaluation, m: MarketPosition) -> list[str]:
    q = m.expected_cash
    if q is None or m.cash is None:
        return [money(e.cash_average), NO_BASE, NO_BASE]
    return [money(e.cash_average), str(m.cash), money(q.p50)]


def _adjustments(e: Evaluation, m: MarketPosition, style: Style) -> str:
    # The benchmark's names come from a --benchmarks file or a plugin: escaped like the label.
    esc = style.escape
    lines = [f"{esc(e.label)}: {esc(cell_text(m))}"]
    if (cash := cash_text(e, m)) is not None:
        lines.append(esc(cash))
    rows = [[esc(a.adjustment.factor), f"x{a.adjustment.multiplier:.3f}", a.adjustment.evidence,
             esc(a.adjustment.reason), esc(a.adjustment.source)] for a in m.adjustments]
    rows.append(["all factors", f"x{m.multiplier:.3f}", "", "", ""])
    lines.append(grid(rows, ["Factor", "Multiplier", "Evidence", "Reason", "Source"], tablefmt=style.tablefmt))
    return "\n".join(lines)


def _scored(c: Comparison) -> list[tuple[Evaluation, MarketPosition]]:
    return [(e, e.market) for e in everyone(c) if e.market is not None]


def _row(e: Evaluation, style: Style, totals: bool) -> list[str]:
    m = e.market
    if m is None:
        return [style.escape(e.label), money(e.years[0].base), "-", "-", money(e.cash_average), "-", "-",
                *(["-", "-", "-"] if totals else []), str(e.no_market)]
    total = ([money(e.annual_average), str(m.total), money(m.expected_total.p50)]
             if m.total is not None and m.expected_total is not None else ["-", "-", "-"]) if totals else []
    return [style.escape(e.label), money(e.years[0].base), *_base_cells(m), *_cash_cells(e, m), *total,
            f"{m.overall:.0f} ({m.basis})"]


# "BLS OEWS May 2025 (11 cells match republished BLS figures)": how the extract was checked, said by --explain.
_CHECKED = re.compile(r" \(\d[\d,]* cells? match [^()]*\)$")


def market_line(m: MarketPosition, currency: str, who: str = "offer") -> str:
    """The market in one line (the short page): the benchmark's p50 on the score's basis, where the offer falls,
    the source (survey only, aged, borrowed) and the n: 'base p50 308,840 CAD · offer at p42 (base) · BLS OEWS
    May 2025, aged x1.051 to 2026-12-06 · n=69,030'."""
    b = m.benchmark
    q, p = (m.expected_total, m.total) if m.basis == "total" else (m.expected_base, m.base)
    figures = [] if q is None or p is None else [f"{m.basis} p50 {money(q.p50)} {currency}",
                                                 f"{who} {'' if p.bound else 'at '}{p} ({m.basis})"]
    source = _CHECKED.sub("", b.source_title) + (", survey only" if b.survey_only else "")
    if b.aged is not None:
        source += f", aged x{b.aged.factor:.3f} to {b.aged.to.isoformat()}"
    if b.borrowed_from is not None:
        source += f", borrowed from {b.borrowed_from.cell}"
    return " · ".join([*figures, source, *([f"n={b.n:,}"] if b.n is not None else [])])


def _short(c: Comparison, style: Style, shown: list[Evaluation]) -> list[str]:
    """One market line per offer (what has no market data says so), in a table that fits the terminal."""
    rows = [[style.escape(e.label),
             style.escape(market_line(e.market, c.currency, "pay" if e is c.current else "offer"))
             if e.market is not None else f"{e.no_market}: no benchmark and no score"] for e in shown]
    return [style.heading(f"Versus the market ({c.currency} per year)"),
            grid(rows, ["Offer", "Market"], tablefmt=style.tablefmt)]


def text(c: Comparison, style: Style, *, explain: bool = False) -> list[str]:
    """By default one market line per offer; ``explain``: the percentiles table, what a percentile and the score
    mean, each benchmark cell, the cash line and the factor tables."""
    shown = [e for e in everyone(c) if e.market is not None or e.no_market is not None]
    if not shown:
        return []
    if not explain:
        return _short(c, style, shown)
    scored = _scored(c)
    totals = any(m.total is not None for _, m in scored)
    headers = ["Offer", "Base", "Base pct", "Market base p50", "Avg cash", "Cash pct", "Market cash p50",
               *(["Avg total", "Total pct", "Market total p50"] if totals else []), "Score (basis)"]
    table = grid([_row(e, style, totals) for e in shown], headers, tablefmt=style.tablefmt,
                 colalign=("left", *("right",) * (len(headers) - 1)))
    missing = [f"{style.escape(e.label)}: {e.no_market}: no benchmark and no score (no survey cell or official "
               "figure of its own; another country's figures would not describe its market)"
               for e in shown if e.market is None]
    return [style.heading(f"Versus the market ({c.currency} per year)"), table, BASIS_NOTE, *missing,
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
    return {"markets": [(e, m, chart) for (e, m), chart in zip(scored, charts, strict=True)],
            "no_markets": [e for e in everyone(c) if e.no_market is not None], "cash_text": cash_text}


# ---------------------------------------------------------------------------------------------------- CSV


def csv_headers(c: Comparison) -> list[str]:
    """The market columns of ``compare --format csv``, when the comparison was scored."""
    return ["score", "score_basis", "market"] if any(e.market or e.no_market for e in everyone(c)) else []


def csv_cells(c: Comparison, e: Evaluation) -> list[object]:
    if not csv_headers(c):
        return []
    if e.market is None:
        return ["", "", e.no_market or ""]
    return [round(e.market.overall, 1), e.market.basis, cell_text(e.market)]
