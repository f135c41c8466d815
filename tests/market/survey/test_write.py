"""The benchmark file writer: the cells it writes by hand read back, through an independent TOML parser, as
exactly the tables it was given."""

from __future__ import annotations

import datetime as dt

import tomllib

from offercheck.market.survey.cells import Cell
from offercheck.market.survey.fields import SurveyStats
from offercheck.market.survey.write import benchmark_text, cell_tables

_STATS = SurveyStats(rows_read=3, duplicates=0, bad_rows=0, bad_reasons={}, rows_used=3, sha256="0" * 64,
                     name="s.csv")


def test_cells_read_back_as_written_including_awkward_strings() -> None:
    q = {"p10": 1, "p25": 2, "p50": 3.5, "p75": 4, "p90": 5}
    awkward = 'a "quoted" \\ back\tslash\nnew line \x7f del, ünïcode, \x01 control'
    cells = [Cell("ml engineer", "3-5", "US", 40, q, awkward, city="são paulo", total=q,
                  borrowed=("all roles x US", 90), fallback=awkward),
             Cell(None, None, None, 3, q, "m")]
    text = benchmark_text(cells, _STATS, name="x", year=2024, built=dt.date(2025, 1, 2))
    document = tomllib.loads(text)
    assert document["cells"] == cell_tables(cells, source_id="s", year=2024)
    first = document["cells"][0]
    assert first["method"] == awkward and first["city"] == "são paulo" and first["total_includes_equity"] is True
    assert first["borrowed_from"] == {"cell": "all roles x US", "n": 90, "why": awkward}
    assert first["base"]["p50"] == 3.5 and document["meta"]["built"] == dt.date(2025, 1, 2)
