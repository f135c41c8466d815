"""Issue 27 item 19 (part): a survey starting with blank lines reads the same whether or not a field is quoted
(quoted fields take the csv-module path, which once took the blank line for the header)."""

from __future__ import annotations

from pathlib import Path

import pytest

from offercheck.market.survey.read import read_survey
from tests.conftest import invoke

MAPPING = {"role": "title", "base": "salary", "location": "city"}


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("bom", ["", "\ufeff"], ids=["no-bom", "bom"])
@pytest.mark.parametrize("quote", ['"', ""], ids=["quoted", "unquoted"])
@pytest.mark.parametrize("blank", [1, 3])
def test_leading_blank_lines(tmp_path: Path, newline: str, bom: str, quote: str, blank: int) -> None:
    rows = [f"Data Scientist;{100_000 + i};{quote}Austin, TX{quote}" for i in range(40)]
    path = tmp_path / "s.csv"
    path.write_bytes((bom + newline * blank + newline.join(["title;salary;city", *rows]) + newline).encode())
    got, stats = read_survey(path, mapping=MAPPING)
    assert stats.rows_read == 40 and stats.bad_rows == 0 and len(got) == 40
    assert {r.city for r in got} == {"austin"} and got[0].base == 100_000


def test_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("\n" + "title,salary\n" + "".join(f'"Data Scientist",{100_000 + i}\n' for i in range(40)),
                    encoding="utf-8")
    code, out, err = invoke("benchmarks", "build", str(path), "-o", "-", "--map", "role=title", "--map", "base=salary")
    assert code == 0, err
    assert "read 40 rows, dropped 0 duplicates, 0 bad rows, used 40" in err and "[[cells]]" in out
