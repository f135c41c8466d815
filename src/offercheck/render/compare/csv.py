"""``compare --format csv``: one row per offer and year, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from offercheck.render.common import csv_cell
from offercheck.render.sections import current, equity, market, pay, real, taxes
from offercheck.render.sections.rows import numbered

if TYPE_CHECKING:
    from offercheck.results import Comparison


def render(c: Comparison, *, width: int | None = None, colour: bool = False, explain: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["rank", "label", "file", "company", "currency", "year", *pay.csv_headers(),
                     *equity.csv_headers(c), *market.csv_headers(c), *taxes.csv_headers(c), *real.csv_headers(c),
                     *current.csv_headers(c)])
    # The current job (compare --current) comes last with an empty rank: the baseline, not ranked.
    for rank, e in numbered(c, ""):
        for i, y in enumerate(e.years):
            writer.writerow(
                [csv_cell(v) for v in (rank, e.label, e.offer.path or "", e.offer.offer.company, c.currency, y.year)]
                + pay.csv_cells(y) + [csv_cell(v) for v in equity.csv_cells(c)]
                + [csv_cell(v) for v in market.csv_cells(c, e)] + taxes.csv_cells(e, i)
                + real.csv_cells(e, i) + current.csv_cells(c, e, i))
    return out.getvalue()
