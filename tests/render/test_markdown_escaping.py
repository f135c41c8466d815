"""Markdown output: no raw HTML, link or image from user text, headings included (issue 18)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from offercheck.render.common import markdown_text
from tests.conftest import invoke

IMG = "<img src=x onerror=alert(1)>"
LINK = "[c](javascript:alert(1))"
OFFER = """
[offer]
company = {company}
label = {label}
[salary]
base = {base}
[location]
city = "Austin"
state = "TX"
"""


def _toml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.fixture
def hostile(write_offer: Callable[..., Path]) -> dict[str, str]:
    """Three offer files whose labels and companies carry HTML and links."""
    files = {}
    for name, label, company, base in (("a", IMG, f"Img {IMG}", 150000), ("b", LINK, f"Link {LINK}", 120000),
                                        ("c", f"![x](javascript:alert(2)) {IMG}", f"Now {LINK} {IMG}", 110000)):
        text = OFFER.format(company=_toml(company), label=_toml(label), base=base)
        files[name] = str(write_offer(text, name=f"{name}.toml"))
    return files


def _markdown_it() -> Any:
    markdown_it = pytest.importorskip("markdown_it")
    return markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _assert_inert(md: str) -> None:
    assert "<img" not in md and not re.search(r"(?<!\\)\]\(javascript:", md)
    assert not re.search(r"(?<!\\)[\[\]]", md), "an unescaped [ or ] could open a link"
    rendered = _markdown_it().render(md)
    assert "<img" not in rendered and "<a " not in rendered and "href=" not in rendered
    # What was typed is still shown, as text.
    assert "&lt;img src=x onerror=alert(1)&gt;" in rendered


def _headings(md: str) -> list[str]:
    return [line for line in md.splitlines() if line.startswith("#")]


def test_compare_markdown_escapes_labels_and_headings(hostile: dict[str, str]) -> None:
    code, md, err = invoke("compare", hostile["a"], hostile["b"], "--current", hostile["c"], "-f", "markdown",
                           "--after-tax")
    assert code == 0, err
    _assert_inert(md)
    staying = [h for h in _headings(md) if h.startswith("## Versus staying at")]
    assert staying == ["## Versus staying at Now \\[c\\](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt; "
                       "(USD, offer minus staying)"]


def test_negotiate_markdown_escapes_labels_and_headings(hostile: dict[str, str]) -> None:
    code, md, err = invoke("negotiate", hostile["b"], "--against", hostile["a"], "--current", hostile["c"],
                           "-f", "markdown")
    assert code == 0, err
    _assert_inert(md)
    assert _headings(md)[0] == "# Negotiating \\[c\\](javascript:alert(1)) (USD, 4-year horizon)"


# Printable text, including every markdown and HTML special character; no line breaks (they become spaces).
TEXT = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E) | st.sampled_from("éß—€_"),
               max_size=30)


def _html_text(text: str) -> str:
    """How markdown-it shows literal text: & < > " as entities, runs of spaces kept, the ends trimmed."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


@settings(max_examples=300, derandomize=True, deadline=None)
@given(TEXT)
def test_escaped_text_renders_as_typed(text: str) -> None:
    """Whatever the text, it renders as itself: no tag, link, emphasis or code span appears (an oracle of its own).
    An e-mail address's "@" is preceded by an invisible word joiner (U+2060), which no backslash can replace."""
    html = _markdown_it().renderInline("x " + markdown_text(text) + " y")
    assert html.replace("\u2060@", "@") == _html_text(f"x {text} y")


def test_one_line_and_table_cell() -> None:
    assert markdown_text("a|b\r\nc") == "a\\|b c"
    assert markdown_text("company_size _x_ *y* `z`") == "company_size \\_x\\_ \\*y\\* \\`z\\`"
