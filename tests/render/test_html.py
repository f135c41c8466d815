"""``compare --format html``: golden output, chart structure and geometry, start-up cost, a real browser."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from offercheck import __version__
from offercheck.pay.comp import YearPay
from offercheck.render.common import money_short
from offercheck.render.svg import MarketRow, market_charts, nice_step, stacked_bars
from tests.cli.test_cli import EXAMPLE_FILES
from tests.conftest import REPO, check_golden, invoke

pytestmark = pytest.mark.usefixtures("in_repo")

LABELS = ("Bigtech SF — Senior MLE", "Tensorloom — Founding MLE", "Maple Financial — ML Engineer II")
VOID = {"br", "meta", "img", "hr", "link", "input", "source", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None]
    children: list[Node] = field(default_factory=list)
    parts: list[str | Node] = field(default_factory=list)

    def iter(self) -> Iterator[Node]:
        yield self
        for c in self.children:
            yield from c.iter()

    def all(self, tag: str, cls: str | None = None) -> list[Node]:
        return [n for n in self.iter() if n.tag == tag and (cls is None or cls in (n.attrs.get("class") or "").split())]

    @property
    def text(self) -> str:
        return "".join(p if isinstance(p, str) else p.text for p in self.parts)

    def num(self, name: str) -> float:
        return float(self.attrs[name] or "nan")


class TreeBuilder(HTMLParser):
    """A small DOM from the stdlib parser: enough to count and measure the charts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def _add(self, tag: str, attrs: list[tuple[str, str | None]]) -> Node:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        self.stack[-1].parts.append(node)
        return node

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = self._add(tag, attrs)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].parts.append(data)


def parse(html: str) -> Node:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root


def from_compact(label: str) -> float:
    units = {"k": 1e3, "M": 1e6}
    return float(label[:-1]) * units[label[-1]] if label[-1] in units else float(label)


@pytest.fixture(scope="module")
def page() -> str:
    code, out, _ = invoke("compare", *EXAMPLE_FILES, "--currency", "USD", "--format", "html")
    assert code == 0
    return out


def test_compare_html_golden(page: str) -> None:
    # The version is in the page (provenance) but must not make every release rewrite the golden file.
    check_golden("compare.html", page.replace(__version__, "VERSION"))


def test_html_goes_to_stdout_or_a_file(runner: CliRunner, tmp_path: Path, page: str) -> None:
    assert page.startswith("<!DOCTYPE html>\n") and page.endswith("</html>\n")
    target = tmp_path / "report.html"
    code, out, err = invoke("compare", *EXAMPLE_FILES, "-c", "USD", "-f", "html", "-o", str(target))
    assert code == 0 and out == "" and err == f"Wrote {target}\n"
    assert target.read_text(encoding="utf-8") == page


def test_self_contained(page: str) -> None:
    doc = parse(page)
    # Nothing to fetch and nothing to run: no script, no links or sources, no CSS imports or urls.
    assert not doc.all("script") and not doc.all("link") and not doc.all("img") and not doc.all("iframe")
    assert not [n for n in doc.iter() if {"src", "href"} & set(n.attrs)]
    style = doc.all("style")[0].text
    assert "url(" not in style and "@import" not in style
    assert "prefers-color-scheme: dark" in style


def test_one_bar_group_per_offer_and_year(page: str) -> None:
    chart = parse(page).all("svg", "bars")[0]
    bars = chart.all("g", "bar")
    assert len(bars) == 3 * 4
    assert {(b.attrs["data-offer"], b.attrs["data-year"]) for b in bars} == {
        (label, str(year)) for label in LABELS for year in range(1, 5)
    }
    # Grouped by offer, in rank order (by 4-year total, see the README: SF, then NYC, then Toronto).
    assert [g.attrs["data-offer"] for g in chart.all("g", "offer")] == list(LABELS)


def test_bar_segments_are_the_components(page: str) -> None:
    chart = parse(page).all("svg", "bars")[0]
    sf1 = next(b for b in chart.all("g", "bar") if b.attrs["data-offer"] == LABELS[0] and b.attrs["data-year"] == "1")
    values = {r.attrs["data-component"]: r.num("data-value") for r in sf1.all("rect")}
    # From examples/bigtech-sf.toml: 212,000 base; 15% bonus; 60,000 sign-on + 10,000 relocation; 5% of a
    # 400,000 RSU grant; 4% match + 9,000 health + ESPP (10% of base at a 15% discount) + 2,000 other.
    benefits = 0.04 * 212000 + 9000 + 21200 * 0.15 / 0.85 + 2000
    assert values == pytest.approx({"base": 212000, "bonus": 31800, "sign_on": 70000, "equity": 20000,
                                    "benefits": benefits}, abs=0.01)
    assert sf1.num("data-total") == pytest.approx(212000 + 31800 + 70000 + 20000 + benefits, abs=0.01)
    # Shown on top of the bar, and every figure in the tooltip.
    assert sf1.all("text", "total")[0].text == "357k"
    assert "357,021" in sf1.all("title")[0].text


def test_bar_geometry_matches_the_axis(page: str) -> None:
    chart = parse(page).all("svg", "bars")[0]
    zero = chart.all("line", "zero")[0].num("y1")
    ticks = [(from_compact(t.all("text")[0].text), t.all("line")[0].num("y1")) for t in chart.all("g", "tick")]
    (v0, y0), (v1, y1) = ticks[0], ticks[-1]
    assert v0 == 0 and y0 == zero
    px_per_unit = (y0 - y1) / (v1 - v0)
    for bar in chart.all("g", "bar"):
        bottom = zero
        for seg in bar.all("rect"):  # stacked from the axis up, each as tall as its value on the axis' scale
            assert seg.num("height") == pytest.approx(seg.num("data-value") * px_per_unit, abs=0.06)
            assert seg.num("y") + seg.num("height") == pytest.approx(bottom, abs=0.11)
            bottom = seg.num("y")
        assert zero - bottom == pytest.approx(bar.num("data-total") * px_per_unit, abs=0.3)


def check_market_chart(chart: Node) -> list[Node]:
    """Each row's marker and median sit where the chart's own axis puts their values; returns the rows."""
    ticks = [(from_compact(t.all("text")[0].text), t.all("line")[0].num("x1")) for t in chart.all("g", "tick")]
    (v0, x0), (v1, x1) = ticks[0], ticks[-1]

    def x(v: float) -> float:
        return x0 + (v - v0) * (x1 - x0) / (v1 - v0)

    rows = chart.all("g", "range")
    for row in rows:
        mark = re.match(r"M([\d.]+) ", row.all("path", "mark")[0].attrs["d"] or "")
        assert mark is not None and float(mark[1]) == pytest.approx(x(row.num("data-value")), abs=0.15)
        p50 = row.all("line", "p50")[0].num("x1")
        assert p50 == pytest.approx(x(row.num("data-p50")), abs=0.15)
        band = row.all("rect", "band")[0]
        assert band.num("x") < p50 < band.num("x") + band.num("width")
    return rows


def test_market_chart_per_offer(page: str) -> None:
    charts = parse(page).all("svg", "market")
    assert [c.all("g", "range")[0].attrs["data-offer"] for c in charts] == list(LABELS)
    for chart in charts:
        # No example has a total-pay benchmark (no open data measures equity): base and cash rows only.
        assert [r.attrs["data-row"] for r in check_market_chart(chart)] == ["base", "cash"]
    # The year-1 base of the SF offer, from its file, is the value marked on its first row.
    assert charts[0].all("g", "range")[0].num("data-value") == 212000


def test_adjustments_with_reasons_and_sources(page: str) -> None:
    doc = parse(page)
    sf = doc.all("article")[0]
    rows = {r.all("td")[0].text: [td.text for td in r.all("td")] for r in sf.all("table")[0].all("tr")[1:]}
    # The SF offer's anchor is BLS OEWS for its metro, so location adds nothing on top (DESIGN section 3).
    # Columns: factor, multiplier, evidence, reason, source.
    assert rows["location"][1:3] == ["\u00d71.000", "strong"] and "San Francisco" in rows["location"][3]
    assert "in the anchor" in rows["location"][3]
    # A master's over the typical bachelor's of 15-1252 (seed x1.300) and aws (seed x1.160) are both weak, bounded to
    # +5%, and measure the same thing: one applies (the first of equals, education), the other says so.
    assert rows["education"][1:3] == ["\u00d71.050", "weak"]
    assert rows["certification"][1:3] == ["\u00d71.000", "weak"] and "education applies instead" in rows[
        "certification"][3]
    cell = sf.all("p", "muted")[0].text
    assert cell.startswith("Benchmark machine learning engineer, San Francisco-Oakland-Fremont, CA, US "
                           "(BLS OEWS May 2025")
    assert "all factors" in rows
    footer = doc.all("footer")[0].text
    assert "rates of 2026-10-30" in footer and "European Central Bank" in footer


def test_compact_and_nice_step() -> None:
    assert [money_short(x) for x in (0, 950, 1000, 357021.18, 999_499, 999_500, 1_715_017)] == [
        "0", "950", "1k", "357k", "999k", "1M", "1.72M"]
    # About five intervals: 500k/5 = 100k; 600k/5 = 120k -> 200k; 1.1M/5 = 220k -> 250k; 7/5 = 1.4 -> 2.
    assert [nice_step(x) for x in (500_000, 600_000, 1_100_000, 7)] == [100_000, 200_000, 250_000, 2]


def test_labels_are_left_out_when_bars_are_narrow() -> None:
    years = [YearPay(y, 100.0, 0.0, 0.0, 0.0, 0.0) for y in range(1, 31)]
    wide, narrow = stacked_bars([("A", years[:4])]), stacked_bars([(str(i), years) for i in range(4)])
    assert wide.value_labels and all(b.year_label for b in wide.groups[0].bars)
    assert not narrow.value_labels and sum(len(g.bars) for g in narrow.groups) == 120
    assert [b.year for b in narrow.groups[0].bars if b.year_label] == [1, 5, 10, 15, 20, 25, 30]


def test_market_chart_without_p10_p90() -> None:
    from offercheck.market.benchmarks import Quantiles
    from offercheck.market.position import Percentile

    q = Quantiles(p25=100_000, p50=120_000, p75=150_000)
    (chart,) = market_charts([("A", [MarketRow("base", "Base", 90_000, q, Percentile(25, "below"))])])
    row = chart.rows[0]
    assert row.p10_x is None and row.p90_x is None and row.percentile == "below p25"
    # The axis runs over round steps covering 90k-150k (60k / 5 = 12k -> steps of 20k): 80k to 160k.
    assert [t.label for t in chart.ticks] == ["80k", "100k", "120k", "140k", "160k"]
    assert row.value_x < row.p25_x < row.p50_x < row.p75_x


def _imports(*args: str) -> str:
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "offercheck", *args],
                          capture_output=True, text=True, cwd=REPO, check=True)
    return proc.stderr


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_other_formats_do_not_import_jinja2(fmt: str) -> None:
    assert "jinja2" not in _imports("compare", EXAMPLE_FILES[0], "-f", fmt)


def test_html_imports_jinja2() -> None:
    assert re.search(r"\|\s+jinja2$", _imports("compare", EXAMPLE_FILES[0], "-f", "html"), re.M)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not on PATH (Debian: apt-get install chromium)")
def test_renders_in_chromium(tmp_path: Path, page: str) -> None:
    assert CHROMIUM is not None
    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,1800"]
    dom = subprocess.run([*flags, "--dump-dom", report.as_uri()], capture_output=True, text=True, timeout=120)
    # The browser's own DOM: every bar group is there after it parsed the page.
    bars = parse(dom.stdout).all("svg", "bars")[0].all("g", "bar")
    assert len(bars) == 12
    png = tmp_path / "report.png"
    subprocess.run([*flags, f"--screenshot={png}", report.as_uri()], capture_output=True, timeout=120)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 1800)
    # OFFERCHECK_SCREENSHOT=docs/compare-report.png keeps the picture (the one docs/compare.md and the README show):
    # the report of `compare examples/*.toml --currency USD`, as of the tests' day (tests/conftest.py, TODAY).
    keep = os.environ.get("OFFERCHECK_SCREENSHOT")
    if keep:
        (REPO / keep).write_bytes(data)


def test_leave_early_after_tax_and_real_sections(runner: CliRunner) -> None:
    code, out, _ = invoke("compare", "examples/bigtech-sf.toml", "--leave-after", "18", "--after-tax", "--real",
                       "-f", "html")
    assert code == 0
    doc = parse(out)
    sections = {s.attrs["id"]: s for s in doc.all("section")}
    row = sections["leave-early"].all("tbody")[0].all("tr")[0]
    # 18 months of examples/bigtech-sf.toml: salary 212,000 + 6/12 of 212,000 x 1.03; the year-1 bonus (15%);
    # equity 5% of 400,000 at month 12 plus half of year 2's 15% at month 18, at 1.05 x the price; both sign-on
    # amounts and the relocation, kept (the 12-month clawback has passed); nothing repaid.
    salary, equity = 212000 + 212000 * 1.03 / 2, 400000 * 0.05 + 400000 * 0.075 * 1.05
    expected = [salary, 31800, equity, 100000, 10000, 0, salary + 31800 + equity + 110000]
    assert [td.text for td in row.all("td")] == ["Bigtech SF — Senior MLE", *(f"{x:,.0f}" for x in expected)]
    # Net and tax add up to the year's total pay (each rounded to units); take-home cash is net pay less the
    # benefits (match, health, ESPP gain, other) of examples/bigtech-sf.toml.
    totals = [b.num("data-total") for b in doc.all("g", "bar")]
    net, cash, tax = (r.all("td") for r in sections["after-tax"].all("tbody")[0].all("tr")[:3])
    assert (net[1].text, cash[0].text, tax[0].text) == ("Net (incl. benefits)", "Take-home cash", "tax")
    for year, total in enumerate(totals):
        paid = float(net[2 + year].text.replace(",", "")) + float(tax[1 + year].text.replace(",", ""))
        assert paid == pytest.approx(total, abs=1.5)
    benefits = float(net[2].text.replace(",", "")) - float(cash[1].text.replace(",", ""))
    assert benefits == pytest.approx(212000 * 0.04 + 9000 + 212000 * 0.10 / 0.85 * 0.15 + 2000, abs=1.5)
    assert "prices" in sections["real"].all("h2")[0].text
