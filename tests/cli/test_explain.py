"""The short default page and ``--explain`` (DESIGN section 6, issue 26 item 1).

By default ``compare`` prints the ranking, pay by year, one market line per offer and the essential notes, in about
a screen; ``--explain`` adds the factor tables, benchmark cells, sources and citations. JSON, CSV, HTML and the
email are the same bytes either way: the switch is a render option of the text formats, not a recomputation.
"""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES, REPO, invoke

pytestmark = pytest.mark.usefixtures("in_repo")

EXAMPLE_FILES = sorted(str(p.relative_to(REPO)) for p in EXAMPLES.glob("*.toml"))
STARTUP, BIGTECH, BANK = "examples/startup-nyc.toml", "examples/bigtech-sf.toml", "examples/bank-toronto.toml"
MAX_LINES, COLUMNS = 120, 100
# The factor table's header and the exercise-window default's citation (Holloway's guide): explain material.
FACTOR_TABLE = ("Factor", "Multiplier", "Evidence", "all factors")
CITATION = "Holloway (Guide to Equity Compensation)"


@pytest.mark.parametrize("flags", [(), ("--after-tax",), ("--real",), ("--after-tax", "--real")])
def test_the_default_page_fits_a_screen_of_the_terminal_width(monkeypatch: pytest.MonkeyPatch,
                                                             flags: tuple[str, ...]) -> None:
    monkeypatch.setenv("COLUMNS", str(COLUMNS))
    code, out, err = invoke("compare", *EXAMPLE_FILES, *flags)
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) <= MAX_LINES, len(lines)
    assert max(len(x) for x in lines) <= COLUMNS
    assert "Versus the market" in out and "--explain adds" in out


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_explain_adds_the_factor_tables_and_the_citations(fmt: str) -> None:
    _, short, _ = invoke("compare", *EXAMPLE_FILES, "-f", fmt)
    _, explained, _ = invoke("compare", *EXAMPLE_FILES, "-f", fmt, "--explain")
    for word in (*FACTOR_TABLE, CITATION):
        assert word in explained and word not in short, word
    # One market line per offer by default: the benchmark's p50, where the offer falls, the source and n.
    assert short.count("base p50 ") == len(EXAMPLE_FILES) and "n=69,030" in short and "BLS OEWS May 2025" in short
    assert "--explain adds" not in explained


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_negotiate_cites_only_with_explain(fmt: str) -> None:
    args = ("negotiate", STARTUP, "--against", BIGTECH, "-f", fmt)
    _, short, _ = invoke(*args)
    _, explained, _ = invoke(*args, "--explain")
    for said in ("Source:", "Ask:", "The Coinbase Blog", "base: the offer from Bigtech Inc."):
        assert said in " ".join(explained.split()) and said not in " ".join(short.split()), said
    # The talking points themselves are on both pages.
    assert "Option exercise window" in short and "Option exercise window" in explained


@pytest.mark.parametrize(("command", "fmt"), [("compare", "json"), ("compare", "csv"), ("compare", "html"),
                                              ("negotiate", "json"), ("negotiate", "html"), ("negotiate", "email")])
def test_explain_changes_no_byte_of_the_other_formats(command: str, fmt: str) -> None:
    args = [*EXAMPLE_FILES, "--real"] if command == "compare" else [STARTUP, "--against", BIGTECH, "--against", BANK]
    code, plain, err = invoke(command, *args, "--after-tax", "-f", fmt)
    assert code == 0, err
    assert invoke(command, *args, "--after-tax", "-f", fmt, "--explain")[1] == plain


def test_html_folds_the_explain_material_in_details() -> None:
    _, page, _ = invoke("compare", *EXAMPLE_FILES, "-f", "html")
    folded = page.split("<summary>Benchmark cell, factors and sources</summary>")
    assert len(folded) == len(EXAMPLE_FILES) + 1  # one per offer with a market
    assert all('<table class="adjustments">' in x.split("</details>")[0] for x in folded[1:])
    assert CITATION in page.split("<summary>What each grant lacks, and the sources of the defaults</summary>")[1]
