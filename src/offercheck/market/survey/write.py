"""Benchmark cells -> the benchmark TOML file (:mod:`offercheck.market.schema`, format FORMAT_VERSION), written
with ``tomli-w``."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import tomli_w

from offercheck.market.quantiles import NAMES, QUANTILE_METHOD
from offercheck.market.schema import FORMAT_VERSION
from offercheck.market.survey.cells import Cell
from offercheck.market.survey.read import SurveyStats

__all__ = ["BONUS_SOURCE", "benchmark_text", "cell_tables", "source_table"]

BONUS_SOURCE = ("seed 002 (seeds/002_85987d39cf31c29d.txt): 'Performance-based bonuses can add 10-20% to your base "
                "salary'; 15% is the midpoint")


def benchmark_text(
    cells: Sequence[Cell],
    stats: SurveyStats,
    *,
    name: str,
    source_id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    licence: str | None = None,
    year: int | None = None,
    currency: str = "USD",
    bonus_norm: float = 0.15,
    built: dt.date | None = None,
    description: str | None = None,
) -> str:
    """``cells`` as a benchmark TOML file (the schema ``offercheck.market.benchmark_files.load_benchmarks`` reads).

    ``name`` becomes ``meta.name``. Cells carry total pay only where the survey measured it (a total or a stock
    column); scoring otherwise uses cash = base x (1 + ``bonus_norm``). The text depends only on the arguments
    (``built`` defaults to today), so rebuilding is reproducible.
    """
    built = built or dt.date.today()
    source_id = source_id or re.sub(r"[^a-z0-9]+", "-", Path(stats.name).stem.lower()).strip("-") or "survey"
    year = year or built.year
    totals = any(c.total is not None for c in cells)
    document = {
        "meta": {
            "name": name, "built": built, "currency": currency,
            "description": description or f"{'Total' if totals else 'Base'}-pay distributions built from {stats.name}",
            "format": FORMAT_VERSION, "bonus_norm": bonus_norm, "bonus_source": BONUS_SOURCE,
            "bonus_norm_measured": False,  # the seed article's range, not measured in data
            "quantile_method": QUANTILE_METHOD,
        },
        "sources": [source_table(source_id, stats, title=title, url=url, licence=licence, year=year)],
    }
    header = [
        f"# Benchmark file built by offercheck from {stats.name}.",
        "# [[cells]]: role / experience / country / city (absent = all; a US city is its BLS metro), n (the",
        "# cell's own rows), base and total quantiles p10..p90 (annual, in meta.currency; no base where the survey",
        "# had total pay only), method; a thin cell says in borrowed_from whose",
        "# distribution it uses, with that cell's n.",
        "# Total pay includes equity (total_includes_equity) where the survey had it; else scoring uses"
        f" cash = base x (1 + {bonus_norm}).",
    ]
    cells_text = "".join(map(_cell_toml, cell_tables(cells, source_id=source_id, year=year)))
    return "\n".join(header) + "\n\n" + tomli_w.dumps(document) + cells_text


def source_table(source_id: str, stats: SurveyStats, *, title: str | None, url: str | None, licence: str | None,
                 year: int) -> dict[str, Any]:
    """The ``[[sources]]`` entry of a survey: what it is, and what happened to every row."""
    optional = {"url": url, "licence": licence}
    return {
        "id": source_id, "title": title or stats.name, **{k: v for k, v in optional.items() if v}, "year": year,
        "file": stats.name, "sha256": stats.sha256, "rows_read": stats.rows_read, "duplicates": stats.duplicates,
        **({} if stats.kept_duplicates is None else {"duplicates_kept": stats.kept_duplicates}),
        "bad_rows": stats.bad_rows, "bad_reasons": dict(stats.bad_reasons), "excluded": dict(stats.excluded),
        "rows_used": stats.rows_used, "unmapped_roles": stats.unmapped_roles,
        **({"other_currency_by_country": dict(stats.other_currency)} if stats.other_currency else {}),
    }


def cell_tables(cells: Iterable[Cell], *, source_id: str, year: int) -> list[dict[str, Any]]:
    """The ``[[cells]]`` tables, keys left out where a cell has no value."""
    return [_cell_table(c, source_id, year) for c in cells]


def _cell_table(c: Cell, source_id: str, year: int) -> dict[str, Any]:
    table: dict[str, Any] = {k: v for k, v in (("role", c.role), ("experience", c.experience),
                                                ("country", c.country), ("city", c.city), ("n", c.n)) if v is not None}
    table |= {"source": c.source or source_id, "year": year, **({"currency": c.currency} if c.currency else {})}
    if c.base is not None:  # none from a survey of total pay alone
        table["base"] = _whole(c.base)
    if c.total is not None:
        table |= {"total": _whole(c.total), "total_includes_equity": True}
    table["method"] = c.method
    if c.fallback:
        table["fallback"] = c.fallback
    if c.borrowed:
        table["borrowed_from"] = {"cell": c.borrowed[0], "n": c.borrowed[1], "why": c.fallback or ""}
    return table


def _cell_toml(table: Mapping[str, Any]) -> str:
    """One ``[[cells]]`` table in TOML, nested tables inline. Written here rather than by tomli-w, which takes
    most of a build's time on the thousands of cells (bench/build_speed.py); the keys are all bare words."""
    # _FORMAT[type(v)] inline rather than behind a helper: a call per value is a third of the writing time.
    return "\n[[cells]]\n" + "".join([f"{k} = {_FORMAT[type(v)](v)}\n" for k, v in table.items()])


def _table(table: Mapping[str, object]) -> str:
    # Dispatch on the exact type: a cell holds str, int, float, bool and flat tables of those.
    if tuple(table) == NAMES:  # most tables: quantiles, numbers only (see _whole), in one format
        return _QUANTILE_TABLE % tuple(table.values())
    return "{ " + ", ".join([f"{k} = {_FORMAT[type(v)](v)}" for k, v in table.items()]) + " }"


# A table of quantiles, formatted as _table would (numbers: repr).
_QUANTILE_TABLE = "{ " + ", ".join(f"{k} = %r" for k in NAMES) + " }"


@cache  # cells repeat the same few strings (method, source, fallback) thousands of times
def _string(text: str) -> str:
    # A JSON string is a TOML basic string, once DEL (which TOML wants escaped and JSON leaves) is escaped.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


_FORMAT: dict[type, Callable[[Any], str]] = {
    str: _string, int: repr, float: repr, bool: lambda b: "true" if b else "false", dict: _table}


def _whole(q: Mapping[str, float]) -> dict[str, float]:
    # Whole currency units are written as integers (80000, not 80000.0).
    return {k: v if type(v) is int else int(v) if float(v).is_integer() else v for k, v in q.items()}
