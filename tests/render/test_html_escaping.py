"""Output that others open is escaped: no script injection in HTML, no formula injection in CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import invoke
from tests.render.test_html import parse

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(2)>'


def test_html_shows_markup_from_offer_files_as_text(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    path = write_offer(f"""
        [offer]
        company = '{ATTRIBUTE}'
        label = "{SCRIPT}"
        [salary]
        base = 100000
    """)
    code, out, _ = invoke("compare", str(path), "-f", "html")
    assert code == 0
    assert "<script" not in out.lower() and "<img" not in out.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    doc = parse(out)
    assert not doc.all("script") and not doc.all("img")
    assert not [n for n in doc.iter() if any(name.startswith("on") for name in n.attrs)]
    # ...and the text itself survives: the parser gives back exactly what the file said.
    assert doc.all("title")[0].text == f"Offer comparison: {SCRIPT}"
    assert doc.all("g", "bar")[0].attrs["data-offer"] == SCRIPT
    assert doc.all("tr")[1].all("small")[0].text.startswith(ATTRIBUTE)


def test_negotiate_html_shows_markup_as_text(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    mine = write_offer(f'[offer]\ncompany = "Acme"\nlabel = "{SCRIPT}"\n[salary]\nbase = 100000\n', "mine.toml")
    other = write_offer(f"[offer]\ncompany = '{ATTRIBUTE}'\n[salary]\nbase = 150000\n", "other.toml")
    code, out, _ = invoke("negotiate", str(mine), "--against", str(other), "-f", "html")
    assert code == 0
    assert "<script" not in out.lower() and "<img" not in out.lower()
    doc = parse(out)
    assert doc.all("h1")[0].text == f"Negotiating {SCRIPT}"
    assert {b.attrs["data-offer"] for b in doc.all("g", "bar")} == {SCRIPT, ATTRIBUTE}


@pytest.mark.parametrize("label", ["=cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)"])
def test_csv_neutralises_formula_labels(runner: CliRunner, write_offer: Callable[..., Path], label: str) -> None:
    # TOML literal strings ('...') take the label as is; the label holds a single quote, so use '''...'''.
    path = write_offer(f"[offer]\ncompany = \"Acme\"\nlabel = '''{label}'''\n[salary]\nbase = 1\n")
    _, out, _ = invoke("compare", str(path), "-f", "csv")
    row = next(csv.DictReader(io.StringIO(out)))
    # A leading apostrophe makes a spreadsheet show the cell as text instead of running it.
    assert row["label"] == "'" + label
