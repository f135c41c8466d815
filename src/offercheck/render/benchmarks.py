"""``offercheck benchmarks show`` in table, markdown and JSON: every figure with its source.

A benchmark file's text (roles, cities, sources, notes) is a survey's or a user's: in a table it is shown on one
line with no control character (``printable``), in markdown escaped (``markdown_text``: no HTML, link or column
of its own), cut where long (``clip``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from tabulate import tabulate

from offercheck.market.benchmarks import BenchmarkCell, Quantiles
from offercheck.market.quantiles import NAMES
from offercheck.market.view import BenchmarkView
from offercheck.render.common import clip, markdown_text, money, printable


def render_benchmarks(view: BenchmarkView, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(_doc(view), indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        return printable(_text(view, "github", lambda t: f"## {t}", "- ", "  - ", markdown_text))
    return printable(_text(view, "simple", lambda t: f"{t}\n{'=' * len(t)}", "", "    ", _one_line))


def _one_line(text: str) -> str:
    """Text for a terminal table: one line (a line break would start a row of its own), cut where long."""
    return " ".join(clip(text).splitlines())


def _year(view: BenchmarkView, cell: BenchmarkCell) -> int:
    return cell.year or next(s.year for s in view.sources if s.id == cell.source)


def _doc(view: BenchmarkView) -> dict[str, Any]:
    titles = {s.id: s.title for s in view.sources}
    cells = [{
        "role": c.role, "experience": c.experience, "country": c.country, "n": c.n,
        "currency": c.currency or view.currency,
        "base": None if c.base is None else c.base.model_dump(exclude_none=True),
        "total": None if c.total is None else c.total.model_dump(exclude_none=True),
        "total_includes_equity": c.total_includes_equity, "city": c.city,
        "borrowed_from": None if c.borrowed_from is None else c.borrowed_from.model_dump(),
        "source": c.source, "source_title": titles.get(c.source or ""), "year": _year(view, c),
        "method": c.method, "fallback": c.fallback,
    } for c in view.cells]
    return {"benchmarks": view.origin, "currency": view.currency, "note": view.note, "cells": cells,
            "sources": [s.model_dump(mode="json", exclude_none=True) for s in view.sources]}


def _borrowed(c: BenchmarkCell) -> str | None:
    b = c.borrowed_from
    return None if b is None else f"borrows {b.cell}" + ("" if b.n is None else f" (n={b.n:,})")


def _figures(q: Quantiles) -> list[str]:
    return [money(v) if v is not None else "" for v in (getattr(q, k) for k in NAMES)]


def _text(view: BenchmarkView, tablefmt: str, heading: Callable[[str], str], bullet: str, indent: str,
          esc: Callable[[str], str]) -> str:
    notes: dict[str, int] = {}

    def ref(*texts: str | None) -> str:
        return " ".join(f"[{notes.setdefault(t, len(notes) + 1)}]" for t in texts if t)

    rows = []
    for c in view.cells:
        place = c.country or "all"
        key = [esc(x) for x in (c.role or "all roles", f"{c.experience}y" if c.experience else "all",
                                f"{place} {c.city}" if c.city else place)]
        tail = [c.n if c.n is not None else "", esc(c.source or ""), _year(view, c)]
        # A cell built from total pay alone has no base row: its first row is the total.
        pay = [(name, q) for name, q in (("base", c.base), ("total", c.total)) if q is not None]
        (first, q), *more = pay
        if c.currency and c.currency != view.currency:  # a survey read in local currencies: each cell in its own
            first = f"{first} {c.currency}"
        rows.append([*key, first, *_figures(q), *tail, ref(c.method, c.fallback, _borrowed(c))])
        rows += [["", "", "", name, *_figures(q), "", "", "", ""] for name, q in more]
    headers = ["Role", "Experience", "Country", "Pay", *NAMES, "n", "Source", "Year", "Notes"]
    mixed = any(c.currency and c.currency != view.currency for c in view.cells)
    out = [heading(f"Benchmarks: {esc(view.origin)} ({esc(view.currency)} per year"
                   + (", or the currency after Pay" if mixed else "") + ")")]
    if view.note:
        out.append(f"Note: {esc(view.note)}")
    table = tabulate(rows, headers, tablefmt=tablefmt, disable_numparse=True, colalign=(
        "left", "left", "left", "left", *("right",) * 6, "left", "right", "left"))
    out += ["", table, ""]
    out += [f"{bullet}[{i}] {esc(text)}" for text, i in notes.items()]
    out += ["", heading("Sources")]
    for s in view.sources:
        out.append(f"{bullet}{esc(s.id)}: {esc(s.title)} ({s.year})")
        extra = s.model_dump(exclude_none=True, exclude={"id", "title", "year"})
        out += [f"{indent}{esc(k)}: {esc(_plain(v))}" for k, v in extra.items()]
    return "\n".join(out) + "\n"


def _plain(value: object) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k} {v:,}" if isinstance(v, int) else f"{k} {v}" for k, v in value.items()) or "none"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)
