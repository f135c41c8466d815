"""CSV output: no cell may begin with a formula character, whatever control characters a label holds (issue 18)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offercheck.api import compare
from offercheck.offer.models import Offer
from offercheck.render import render
from tests.conftest import invoke

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _render(label: str, company: str = "Acme") -> str:
    offer = Offer.model_validate({"offer": {"company": company, "label": label}, "salary": {"base": 100000}})
    return render(compare([offer], years=1, market=False), "csv")


def _cells(out: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(out, newline="")) for cell in row]


def _assert_safe(out: str) -> None:
    for cell in _cells(out):
        assert not cell.lstrip().startswith(FORMULA_START), repr(cell)
    # A reader that starts a row at any CR or LF, quoted or not: every piece must still be a whole row.
    header, *lines = [line for line in re.split(r"[\r\n]", out) if line]
    width = len(next(csv.reader([header])))
    for line in lines:
        row = next(csv.reader([line]))
        assert len(row) == width and not line.lstrip().startswith(FORMULA_START), repr(line)


def test_carriage_return_cannot_start_a_formula_row() -> None:
    out = _render("Acme\r=1+1", company="Beta\n@SUM(A1)")
    _assert_safe(out)
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert len(rows) == 2  # the header and one year: the label did not start a row
    assert rows[1][1] == "Acme =1+1" and rows[1][3] == "Beta @SUM(A1)"


def test_formula_after_leading_control_is_quoted() -> None:
    rows = list(csv.reader(io.StringIO(_render("\r\n=cmd|' /C calc'!A0"), newline="")))
    assert rows[1][1] == "'  =cmd|' /C calc'!A0"


def test_through_the_cli(write_offer: Callable[..., Path]) -> None:
    path = write_offer('[offer]\ncompany = "Acme"\nlabel = "Acme\\r=1+1"\n[salary]\nbase = 1000\n')
    code, out, _ = invoke("compare", str(path), "-f", "csv")
    assert code == 0
    _assert_safe(out)


CONTROL = st.sampled_from(["\r", "\n", "\r\n", "\t", "\x0b", "\x0c", "\x00", "\x1c", "\x1e", "\x85", "\u2028",
                           "\u2029", " ", ","])
DANGER = st.sampled_from(["=", "+", "-", "@", '"', "'"])
PIECES = st.lists(st.one_of(CONTROL, DANGER, st.text(alphabet="ab1(", min_size=1, max_size=3)), min_size=1,
                  max_size=8).map("".join)


@settings(max_examples=200, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(label=PIECES.filter(lambda s: s.strip()), company=PIECES.filter(lambda s: s.strip()))
def test_fuzz_control_characters(label: str, company: str) -> None:
    _assert_safe(_render(label, company))
