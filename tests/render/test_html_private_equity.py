"""The HTML page shows a private grant's paper value beside its risk view, with the arithmetic, the scenarios and
the exercise cost (issue 17). Expected figures are worked out by hand from examples/equity/tensorloom-at-risk.toml:
60,000 options, strike 2.10, 409A 6.50, +20%/yr, 15,000 vesting a year, p = 0.3, dilution 15% x 2 rounds."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import EXAMPLES, invoke

OFFER = str(EXAMPLES / "equity" / "tensorloom-at-risk.toml")


class _Section(HTMLParser):
    """The cells and list items of <section id="private-equity">, as text."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = self.found = False
        self.cells: list[str] = []
        self.items: list[str] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "section" and ("id", "private-equity") in attrs:
            self.inside = self.found = True
        if self.inside and tag in ("td", "li"):
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if not self.inside:
            return
        if tag == "section":
            self.inside = False
        elif tag in ("td", "li") and self._text is not None:
            (self.cells if tag == "td" else self.items).append("".join(self._text).strip())
            self._text = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def _section(*args: str) -> _Section:
    code, out, err = invoke("compare", *args, "--format", "html")
    assert code == 0, err
    parser = _Section()
    parser.feed(out)
    return parser


def test_html_puts_paper_beside_the_risk_view() -> None:
    s = _section(OFFER)
    # Paper: 15,000 x (6.50 x 1.2^(y-1) - 2.10) = 66,000 + 85,500 + 108,900 + 136,980 = 397,380.
    # Risk: 0.3 x 0.85^2 = 0.21675; 397,380 x 0.21675 = 86,132.1. Exercise cost: 60,000 x 2.10 = 126,000.
    assert s.cells == ["Tensorloom — Founding MLE", "86,132", "397,380", "x0.2167", "126,000"]
    assert any("paper x 0.3 x 0.7225 = paper x 0.21675" in i for i in s.items)
    # Exit at 20: 20 x 0.7225 = 14.45 after dilution; 60,000 x (14.45 - 2.10) = 741,000.
    assert any("at 20 a share" in i and "= 741,000" in i for i in s.items)
    # The common's value reported beside the preferred, never swapped: the text keeps its apostrophe, unescaped.
    assert any("the common's 409A price is 6.50" in i for i in s.items)


def test_html_asks_for_the_liquidity_probability(write_offer: Callable[..., Path]) -> None:
    text = (EXAMPLES / "equity" / "tensorloom-at-risk.toml").read_text(encoding="utf-8")
    path = write_offer("\n".join(x for x in text.splitlines() if not x.startswith("liquidity_probability")))
    s = _section(str(path))
    # No probability: the comparison's one equity view is paper (DESIGN section 4), said in a note, with what the
    # grant lacks; no risk table (nothing is valued at risk).
    assert s.found and s.cells == []
    assert any("give equity.liquidity_probability" in i for i in s.items)
    code, out, _ = invoke("compare", str(path), "--format", "html")
    assert code == 0 and "the private grant is valued at paper, not at risk" in out


def test_paper_view_has_no_risk_section() -> None:
    assert not _section(OFFER, "--equity", "paper").found
