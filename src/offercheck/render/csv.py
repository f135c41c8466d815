"""``--format csv``: one row per offer and year, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import re

from offercheck.render.common import COMPONENTS, cents
from offercheck.render.current import csv_cells as current_cells
from offercheck.render.current import csv_headers as current_headers
from offercheck.render.current import numbered
from offercheck.render.netreal import csv_cells, csv_headers
from offercheck.results import Comparison

# A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Control characters and line separators: a reader may end the row (or the cell) at any of them, so text after
# one could begin a cell of its own; the csv module quotes only the line terminator we give it ("\n").
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def safe_cell(value: object) -> object:
    """Neutralise spreadsheet formula injection in text cells (numbers pass through).

    Control characters become spaces, so the whole text stays one cell; then a cell whose first non-blank
    character starts a formula gets a leading apostrophe (some importers trim leading blanks).
    """
    if not isinstance(value, str):
        return value
    text = _CONTROL.sub(" ", value)
    return "'" + text if text.lstrip().startswith(_FORMULA_START) else text


def render(c: Comparison) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    names = [name for name, _ in COMPONENTS]
    writer.writerow(["rank", "label", "file", "company", "currency", "year", *names, "total", "equity_paper",
                     *csv_headers(c),
                     *current_headers(c)])
    # The current job (compare --current) comes last with an empty rank: the baseline, not ranked.
    for rank, e in numbered(c, c.ranked, ""):
        for i, y in enumerate(e.years):
            writer.writerow(
                [safe_cell(v) for v in (rank, e.label, e.offer.path or "", e.offer.offer.company, c.currency, y.year)]
                + [cents(getattr(y, name)) for name in names]
                + [cents(y.total), cents(y.equity_paper)]
                + csv_cells(e, i)
                + current_cells(c, e, i)
            )
    return out.getvalue()
