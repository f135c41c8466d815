"""Terminal tables fit the width: long text wraps in its column, wide tables stack; --wide keeps one line a row."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from offercheck.render.fit import fit_prose, fitting, grid
from tests.conftest import invoke

COMMANDS = [
    ("compare", "examples/bank-toronto.toml", "examples/bigtech-sf.toml", "examples/startup-nyc.toml"),
    ("compare", "examples/bank-toronto.toml", "examples/bigtech-sf.toml", "examples/startup-nyc.toml",
     "--after-tax", "--real", "--leave-after", "6", "--current", "examples/current/current-job.toml"),
]


def numbers(text: str) -> list[str]:
    """Every number printed (thousands separators and decimals included)."""
    return re.findall(r"\d[\d,.]*\d|\d", text)


@pytest.mark.parametrize("args", COMMANDS)
@pytest.mark.parametrize("width", [100, 80, 60])
def test_no_line_is_wider_than_the_terminal(monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...],
                                            width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    code, out, err = invoke(*args)
    assert code == 0, err
    assert max(len(line) for line in out.splitlines()) <= width
    code, wide, _ = invoke(*args, "--wide")
    assert code == 0
    assert max(len(line) for line in wide.splitlines()) > 150  # the summary's row of numbers on one line
    # Stacked or wrapped, nothing is lost: every number of the wide output (stacked blocks repeat the headers).
    assert not Counter(numbers(wide)) - Counter(numbers(out))


def test_a_wide_table_stacks_one_block_per_row() -> None:
    rows = [["Acme", "1", "2"], ["Globex", "3", "4"]]
    with fitting(14):
        text = grid(rows, ["Offer", "Year 1", "Year 2"], tablefmt="simple", colalign=("left", "right", "right"))
    assert text == "Acme\n  Year 1  1\n  Year 2  2\n\nGlobex\n  Year 1  3\n  Year 2  4"


def test_long_text_wraps_inside_its_column() -> None:
    reason = "alpha beta gamma delta epsilon zeta eta theta"
    with fitting(30):
        text = grid([["x", reason]], ["Factor", "Reason"], tablefmt="simple")
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 30 and len(lines) > 3
    # Every continuation line starts where the Reason column does.
    start = lines[0].index("Reason")
    assert " ".join(line[start:].strip() for line in lines[2:]) == reason


def test_markdown_and_no_width_are_untouched() -> None:
    rows = [["a" * 50, "b" * 50]]
    with fitting(40):
        assert "a" * 50 + " | " + "b" * 50 in grid(rows, ["A", "B"], tablefmt="github")
    assert max(len(line) for line in grid(rows, ["A", "B"], tablefmt="simple").splitlines()) == 102


def test_prose_wraps_with_a_hanging_indent() -> None:
    text = fit_prose("- one two three four five six", 12)
    assert text == "- one two\n  three four\n  five six"


@pytest.mark.parametrize(("tty", "no_color", "output", "expected"), [
    (True, None, None, True), (True, "1", None, False), (False, None, None, False), (True, None, "out.txt", False),
])
def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch, tty: bool,
                                                    no_color: str | None, output: str | None,
                                                    expected: bool) -> None:
    import io
    import sys

    from offercheck.cli.options import use_colour

    class Stream(io.StringIO):
        def isatty(self) -> bool:
            return tty

    monkeypatch.setattr(sys, "stdout", Stream())
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    assert use_colour(output) is expected


def test_colour_is_bold_headings_only(in_repo: None) -> None:
    from offercheck.api import compare
    from offercheck.render import render

    c = compare(["examples/bigtech-sf.toml"])
    coloured, plain = render(c, "table", width=80, colour=True), render(c, "table", width=80)
    assert "\x1b[1mOffers ranked by 4-year total (USD)\x1b[0m\n====" in coloured
    assert coloured.replace("\x1b[1m", "").replace("\x1b[0m", "") == plain
