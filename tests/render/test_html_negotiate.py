"""``negotiate --format html``: the counter-offer, talking points and charts of the other formats, as a page."""

from __future__ import annotations

import json

import pytest

from tests.conftest import invoke
from tests.render.test_html import LABELS, check_market_chart, parse

ARGS = ("negotiate", "examples/bigtech-sf.toml", "--against", "examples/startup-nyc.toml", "-c", "USD")


@pytest.fixture(scope="module")
def pages() -> tuple[str, dict[str, object]]:
    code, out, _ = invoke(*ARGS, "-f", "html")
    assert code == 0
    code, doc, _ = invoke(*ARGS, "-f", "json")
    return out, json.loads(doc)


def test_counter_offer(pages: tuple[str, dict[str, object]]) -> None:
    html, plan = pages
    counter = plan["counter"]
    assert isinstance(counter, dict)
    table = parse(html).all("table", "counter")[0]
    rows = {r.all("td")[0].text: [td.text for td in r.all("td")[1:]] for r in table.all("tr")[1:]}
    # Now: the offer file's 212,000 base, 15% bonus and 60,000 + 40,000 sign-on. Ask: what `negotiate` computes
    # (the JSON output of the same run).
    assert rows["Base"] == [f"${counter['base']:,.0f}", "$212,000"]
    assert rows["Bonus target"][1] == "15% of base"
    assert rows["Sign-on (all years)"] == [f"${counter['sign_on']:,.0f}", "$100,000"]


def test_talking_points_in_order(pages: tuple[str, dict[str, object]]) -> None:
    html, plan = pages
    points = plan["talking_points"]
    assert isinstance(points, list) and points
    items = parse(html).all("ol", "points")[0].all("li")
    assert [li.attrs["data-topic"] for li in items] == [p["topic"] for p in points]
    first = items[0].text
    assert f"${points[0]['amount']:,.0f}" in first and points[0]["text"] in first


def test_charts(pages: tuple[str, dict[str, object]]) -> None:
    doc = parse(pages[0])
    bars = doc.all("svg", "bars")[0].all("g", "bar")
    assert {(b.attrs["data-offer"], b.attrs["data-year"]) for b in bars} == {
        (label, str(y)) for label in LABELS[:2] for y in range(1, 5)}
    assert len(bars) == 8
    rows = check_market_chart(doc.all("svg", "market")[0])
    counter = pages[1]["counter"]
    assert isinstance(counter, dict)
    assert [(r.attrs["data-row"], r.num("data-value")) for r in rows] == [
        ("base", 212000), ("counter", counter["base"])]
