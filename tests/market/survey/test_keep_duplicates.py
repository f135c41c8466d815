"""Issue 27 item 4: exact duplicate rows are dropped by default (and the build says how many); genuinely identical
survey responses can be kept with ``--keep-duplicates``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from offercheck.market.quantiles import quantile
from offercheck.market.survey.build import build_benchmarks
from offercheck.market.survey.read import read_survey
from tests.conftest import invoke

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

MAPPING = {"role": "title", "years": "yrs", "country": "country", "base": "salary"}
MAP_ARGS = [a for k, v in MAPPING.items() for a in ("--map", f"{k}={v}")]
DISTINCT = [100_000 + 1_000 * i for i in range(40)]
SAME = 150_000  # 30 identical responses


def _survey(path: Path, quoted: bool) -> Path:
    title = '"Data Scientist"' if quoted else "Data Scientist"  # quoted: the csv-module path
    rows = [f"{title},4,US,{v}" for v in DISTINCT[:20]] + [f"{title},4,US,{SAME}"] * 30
    rows += [f"{title},4,US,{v}" for v in DISTINCT[20:]]
    path.write_text("title,yrs,country,salary\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _p50(values: list[int]) -> float:
    return round(quantile(sorted(values), 0.5))


@pytest.mark.parametrize("quoted", [False, True], ids=["unquoted", "quoted"])
def test_duplicates_dropped_by_default_and_kept_on_request(tmp_path: Path, quoted: bool) -> None:
    survey = _survey(tmp_path / "s.csv", quoted)
    rows, stats = read_survey(survey, mapping=MAPPING)
    assert len(rows) == 41 and stats.duplicates == 29
    rows, stats = read_survey(survey, mapping=MAPPING, keep_duplicates=True)
    assert len(rows) == 70 and stats.duplicates == 0 and stats.kept_duplicates == 29
    assert stats.rows_read == stats.duplicates + stats.bad_rows + sum(stats.excluded.values()) + stats.rows_used
    assert stats.summary().startswith("read 70 rows, kept 29 duplicates, 0 bad rows, used 70")

    text, _ = build_benchmarks(survey, name="s", mapping=MAPPING, keep_duplicates=True)
    cell = tomllib.loads(text)["cells"][0]
    assert cell["n"] == 70 and cell["base"]["p50"] == _p50(DISTINCT + [SAME] * 30) == 134_500


def test_the_cli_option(tmp_path: Path) -> None:
    survey = _survey(tmp_path / "s.csv", quoted=False)
    out = tmp_path / "b.toml"
    code, _, err = invoke("benchmarks", "build", str(survey), "-o", str(out), *MAP_ARGS)
    assert code == 0 and "read 70 rows, dropped 29 duplicates, 0 bad rows, used 41" in err
    built = tomllib.loads(out.read_text(encoding="utf-8"))
    assert built["cells"][0]["base"]["p50"] == _p50([*DISTINCT, SAME]) == 120_000
    assert built["sources"][0]["duplicates"] == 29 and "duplicates_kept" not in built["sources"][0]

    code, _, err = invoke("benchmarks", "build", str(survey), "-o", str(out), "--force", "--keep-duplicates",
                          *MAP_ARGS)
    assert code == 0 and "read 70 rows, kept 29 duplicates, 0 bad rows, used 70" in err
    built = tomllib.loads(out.read_text(encoding="utf-8"))
    assert built["cells"][0]["n"] == 70 and built["cells"][0]["base"]["p50"] == 134_500
    assert built["sources"][0]["duplicates"] == 0 and built["sources"][0]["duplicates_kept"] == 29


def test_blank_lines_are_never_rows_even_when_keeping_duplicates(tmp_path: Path) -> None:
    survey = tmp_path / "s.csv"
    survey.write_text("title,salary\n\n" + "Data Scientist,90000\n\n" * 3, encoding="utf-8")
    rows, stats = read_survey(survey, mapping={"role": "title", "base": "salary"}, keep_duplicates=True)
    assert len(rows) == 3 and stats.rows_read == 3 and stats.kept_duplicates == 2
