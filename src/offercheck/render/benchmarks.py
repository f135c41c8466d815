"""``offercheck benchmarks show`` in table, markdown, JSON and CSV: every figure with its source, the official
anchors first (aged to the comparison date; a derived figure is marked ``*``), then the benchmark file's cells.

A benchmark file's text (roles, cities, sources, notes) is a survey's or a user's: in a table it is shown on one
line with no control character (``printable``), in markdown escaped (``markdown_text``: no HTML, link or column
of its own), cut where long (``clip``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from tabulate import tabulate

from offercheck.market.benchmarks import BenchmarkCell, Quantiles
from offercheck.market.quantiles import NAMES
from offercheck.market.view import BenchmarkView
from offercheck.render.common import PROSE_LIMIT, cents, clip, csv_cell, markdown_text, money, printable, wrap

if TYPE_CHECKING:
    from offercheck.market.anchors.listing import AnchorCell

FORMATS = ("table", "json", "markdown", "csv")
DERIVED_MARK = "*"


def render_benchmarks(view: BenchmarkView, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(_doc(view), indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return _csv(view)
    if fmt == "markdown":
        return printable(_text(view, "github", lambda t: f"## {t}", "- ", "  - ",
                               Escape(markdown_text, lambda t: markdown_text(t, PROSE_LIMIT))))
    return printable(_text(view, "simple", lambda t: f"{t}\n{'=' * len(t)}", "", "    ",
                           Escape(_one_line, lambda t: _one_line(t, PROSE_LIMIT))))


def _one_line(text: str, limit: int | None = None) -> str:
    """Text for a terminal table: one line (a line break would start a row of its own), cut where long."""
    return " ".join((clip(text) if limit is None else clip(text, limit)).splitlines())


class Escape(NamedTuple):
    """How a format shows a file's text: ``cell`` in a table (short), ``note`` in the numbered notes (prose)."""

    cell: Callable[[str], str]
    note: Callable[[str], str]


def _anchor_doc(a: AnchorCell) -> dict[str, Any]:
    b = a.benchmark
    assert b.base is not None  # an anchor is a base benchmark
    return {"role": b.role, "country": b.country, "area": a.area, "city": b.city, "occupation": a.occupation,
            "currency": b.currency, "base": {k: cents(v) for k, v in b.base.model_dump(exclude_none=True).items()},
            "as_published": {k: cents(v) for k, v in a.published.items()}, "derived": dict(a.derived),
            "n": b.n, "source": b.source, "source_title": b.source_title, "reference_period": a.reference_period,
            "year": b.year, "aged": None if b.aged is None else {**b.aged.as_dict(), "factor": round(b.aged.factor, 6)},
            "note": b.note}


def _marked(a: AnchorCell, name: str, value: float) -> str:
    return money(value) + (DERIVED_MARK if name in a.derived else "")


def _anchor_rows(view: BenchmarkView, ref: Callable[..., str], esc: Callable[[str], str]) -> list[list[Any]]:
    rows = []
    for a in view.anchors:
        b = a.benchmark
        assert b.base is not None
        aged = b.base.model_dump()
        rows.append([esc(b.role or ""), esc(a.code), esc(a.area), f"aged to {view.as_of}" if b.aged else "as published",
                     *(_marked(a, k, aged[k]) for k in NAMES), f"{b.n:,}" if b.n is not None else "",
                     esc(b.source_title),
                     ref(f"reference period {a.reference_period}" + (f"; {b.aged.line()}" if b.aged else ""),
                         b.note)])
        if b.aged is not None:
            rows.append(["", "", "", "as published",
                         *(_marked(a, k, a.published[k]) for k in NAMES), "", "", ""])
    return rows


def _csv(view: BenchmarkView) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["kind", "role", "experience", "country", "area", "occupation", "pay", "currency", *NAMES,
                     "derived", "n", "source", "year", "reference_period", "aged_from", "aged_to", "aged_factor",
                     "aged_extrapolated", "note"])
    for a in view.anchors:
        b = a.benchmark
        assert b.base is not None
        g = b.aged
        age = [g.from_, g.to.isoformat(), round(g.factor, 6), g.extrapolated] if g else ["", "", "", ""]
        for pay, q in (("aged" if g else "as published", b.base.model_dump()), ("as published", a.published)):
            writer.writerow([csv_cell(x) for x in (
                "official anchor", b.role, "", b.country, a.area, a.occupation, pay, b.currency,
                *(cents(q[k]) for k in NAMES), " ".join(sorted(a.derived)), b.n, b.source_title, b.year,
                a.reference_period, *age, b.note)])
            if g is None:
                break
    for c in view.cells:
        for pay, cq in (("base", c.base), ("total", c.total)):
            if cq is None:
                continue
            writer.writerow([csv_cell(x) for x in (
                "benchmark file", c.role, c.experience, c.country, c.city, "", pay, c.currency or view.currency,
                *("" if getattr(cq, k) is None else cents(getattr(cq, k)) for k in NAMES), "", c.n, c.source,
                _year(view, c), "", "", "", "", "", c.method)])
    return out.getvalue()


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
    return {"benchmarks": view.origin, "as_of": None if view.as_of is None else view.as_of.isoformat(),
            "anchors": [_anchor_doc(a) for a in view.anchors], "anchor_note": view.anchor_note,
            "currency": view.currency, "note": view.note, "cells": cells,
            "sources": [s.model_dump(mode="json", exclude_none=True) for s in view.sources]}


def _borrowed(c: BenchmarkCell) -> str | None:
    b = c.borrowed_from
    return None if b is None else f"borrows {b.cell}" + ("" if b.n is None else f" (n={b.n:,})")


def _figures(q: Quantiles) -> list[str]:
    return [money(v) if v is not None else "" for v in (getattr(q, k) for k in NAMES)]


def _text(view: BenchmarkView, tablefmt: str, heading: Callable[[str], str], bullet: str, indent: str,
          escape: Escape) -> str:
    esc, note = escape
    notes: dict[str, int] = {}
    wrapped: set[str] = set()

    def ref(*texts: str | None) -> str:
        return " ".join(f"[{notes.setdefault(t, len(notes) + 1)}]" for t in texts if t)

    out = []
    if view.anchors:
        countries = sorted({a.benchmark.country or "" for a in view.anchors})
        currencies = sorted({a.benchmark.currency for a in view.anchors})
        out.append(heading(f"Official anchors: {', '.join(countries)} ({', '.join(currencies)} per year, aged to "
                           f"{view.as_of})"))
        headers = ["Role", "Occupation", "Area", "Pay", *NAMES, "n", "Source", "Notes"]
        table = tabulate(_anchor_rows(view, ref, esc), headers, tablefmt=tablefmt, disable_numparse=True, colalign=(
            "left", "left", "left", "left", *("right",) * 6, "left", "left"))
        out += ["", table]
        if any(a.derived for a in view.anchors):
            out += ["", f"{DERIVED_MARK} derived: not published by the source (the note says how)"]
        wrapped.update(notes)  # the anchors' notes are long: wrapped (the file cells' stay one line each)
    if view.anchor_note:
        out += ["", _wrapped(f"Note: {note(view.anchor_note)}", tablefmt, indent)] if view.anchors else \
            [f"Note: {note(view.anchor_note)}"]
    if view.cells:
        out += [""] if view.anchors else []
        out += _file_cells(view, tablefmt, heading, ref, esc)
    if notes:
        out += [""] + [_wrapped(f"{bullet}[{i}] {note(text)}", tablefmt, indent) if text in wrapped
                       else f"{bullet}[{i}] {note(text)}" for text, i in notes.items()]
    if view.sources:
        out += ["", heading("Sources")]
    for s in view.sources:
        out.append(f"{bullet}{esc(s.id)}: {esc(s.title)} ({s.year})")
        extra = s.model_dump(exclude_none=True, exclude={"id", "title", "year"})
        out += [f"{indent}{esc(k)}: {note(_plain(v))}" for k, v in extra.items()]
    return "\n".join(out) + "\n"


def _file_cells(view: BenchmarkView, tablefmt: str, heading: Callable[[str], str],
                ref: Callable[..., str], esc: Callable[[str], str]) -> list[str]:
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
            first = f"{first} {esc(c.currency)}"
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
    return [*out, "", table]


def _wrapped(line: str, tablefmt: str, indent: str) -> str:
    """A note line, wrapped at 100 columns in the terminal table (markdown keeps one line per note)."""
    if tablefmt == "github":
        return line
    return "\n".join(wrap(line, 100, rest=indent))


def _plain(value: object) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k} {v:,}" if isinstance(v, int) else f"{k} {v}" for k, v in value.items()) or "none"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)
