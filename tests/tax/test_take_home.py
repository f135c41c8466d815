"""Take-home cash beside net pay (issue 24 item 4) and offers no tax regime covers (item 5), in every format.

A Chicago offer worked out by hand (2026, single; see tests/tax/test_residence.py for the parameters):
base 150,000; benefits: 4% match 6,000, health 8,000, ESPP 10% at 15% = 150,000 x 0.10 / 0.85 x 0.15 = 2,647.06
(well under the 423(b)(8) limit), other 2,000: 18,647.06. Total pay 168,647.06.
Taxable wages: base + ESPP gain = 152,647.06 (the match, health and other benefits are untaxed).
Federal: 152,647.06 - 16,100 = 136,547.06 taxable: 1,240 + 4,560 + 12,166 + 24% x 30,847.06 = 25,369.29.
Social Security 6.2% = 9,464.12; Medicare 1.45% = 2,213.38; IL 4.95% x (152,647.06 - 2,925) = 7,411.24.
Tax 44,458.03; net 168,647.06 - 44,458.03 = 124,189.03; take-home 124,189.03 - 18,647.06 = 105,541.97.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from offercheck.cli.main import cli

Write = Callable[..., Path]

CHICAGO = """
[offer]
company = "Windy"
[location]
city = "Chicago"
state = "IL"
country = "US"
remote = "onsite"
[salary]
base = 150000
[benefits]
retirement_match_percent = 4
health_annual = 8000
espp_discount_percent = 15
espp_contribution_percent = 10
other_annual = 2000
"""
NL = """
[offer]
company = "Polder"
currency = "EUR"
[location]
city = "Amsterdam"
country = "NL"
[salary]
base = 200000
"""

ESPP = round(150000 * 0.10 / 0.85 * 0.15, 2)
BENEFITS = 6000 + 8000 + ESPP + 2000
WAGES = 150000 + ESPP
TAX = (round(1240 + 4560 + 12166 + 0.24 * (WAGES - 16100 - 105700), 2) + round(0.062 * WAGES, 2)
       + round(0.0145 * WAGES, 2) + round(0.0495 * (WAGES - 2925), 2))
NET = 150000 + BENEFITS - TAX
TAKE_HOME = NET - BENEFITS


def run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(cli, ["compare", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def as_json(runner: CliRunner, *args: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(run(runner, *args, "-f", "json"))
    return doc


def test_take_home_is_net_less_the_benefits_paid_in_kind_by_hand(runner: CliRunner, write_offer: Write) -> None:
    assert abs(TAX - 44458.03) < 0.01 and abs(TAKE_HOME - 105541.97) < 0.01  # the figures above
    doc = as_json(runner, str(write_offer(CHICAGO)), "--after-tax", "--years", "2")
    o = doc["offers"][0]
    year = o["years"][0]
    assert year["benefits"] == pytest.approx(BENEFITS, abs=0.01)
    assert year["tax"]["total"] == pytest.approx(TAX, abs=0.01)
    assert year["net"] == pytest.approx(NET, abs=0.01)
    assert year["take_home"] == pytest.approx(TAKE_HOME, abs=0.01)
    # No raise: both years alike, and the horizon totals are their sums.
    assert o["net"] == pytest.approx(2 * NET, abs=0.02) and o["take_home"] == pytest.approx(2 * TAKE_HOME, abs=0.02)
    assert o["tax_note"] is None


def test_take_home_in_every_format(runner: CliRunner, write_offer: Write) -> None:
    path = str(write_offer(CHICAGO))
    table = run(runner, path, "--after-tax", "--years", "1")
    assert "Take-home cash by year" in table and "Net (incl." not in table.split("Total pay")[1].split("Take")[0]
    assert f"{TAKE_HOME:,.0f}" in table and "1-yr take-home cash" in table and "1-yr net (incl. benefits)" in table
    markdown = run(runner, path, "--after-tax", "--years", "1", "-f", "markdown")
    assert f"{TAKE_HOME:,.0f}" in markdown and "take-home cash" in markdown
    header, row, *_ = csv.reader(io.StringIO(run(runner, path, "--after-tax", "--years", "1", "-f", "csv")))
    assert float(row[header.index("estimated_take_home")]) == pytest.approx(TAKE_HOME, abs=0.01)
    html = run(runner, path, "--after-tax", "--years", "1", "-f", "html")
    assert "Take-home cash" in html and "Net (incl. benefits)" in html and f"{TAKE_HOME:,.0f}" in html


def test_versus_current_in_take_home_terms(runner: CliRunner, write_offer: Write) -> None:
    offer = write_offer(CHICAGO, "offer.toml")
    stay = write_offer(CHICAGO.replace("Windy", "Stay").replace("150000", "140000")
                       .replace("health_annual = 8000", "health_annual = 3000"), "stay.toml")
    doc = as_json(runner, str(offer), "--current", str(stay), "--after-tax", "--years", "1")
    o, now = doc["offers"][0], doc["current"]
    vs = o["vs_current"]
    assert vs["take_home_years"][0] == pytest.approx(o["years"][0]["take_home"] - now["years"][0]["take_home"],
                                                     abs=0.01)
    assert vs["take_home_total"] == pytest.approx(vs["take_home_years"][0])
    # The health premium gap (5,000) is in the net difference but not in the cash one.
    assert vs["net_years"][0] - vs["take_home_years"][0] == pytest.approx(
        o["years"][0]["benefits"] - now["years"][0]["benefits"], abs=0.01)
    table = run(runner, str(offer), "--current", str(stay), "--after-tax", "--years", "1")
    assert "Windy (take-home cash)" in table and "Windy (net incl. benefits)" in table


def test_a_us_and_a_dutch_offer_compare_with_the_dutch_one_untaxed(runner: CliRunner, write_offer: Write) -> None:
    us, nl = str(write_offer(CHICAGO, "us.toml")), str(write_offer(NL, "nl.toml"))
    doc = as_json(runner, us, nl, "--after-tax", "--years", "1", "-c", "USD")
    by = {o["label"]: o for o in doc["offers"]}
    assert by["Windy"]["years"][0]["take_home"] == pytest.approx(TAKE_HOME, abs=0.01)
    polder = by["Polder"]
    assert polder["years"][0]["tax"] is None and polder["years"][0]["net"] is None
    assert polder["years"][0]["take_home"] is None
    assert (polder["tax_total"], polder["net"], polder["take_home"]) == (None, None, None)
    assert polder["tax_note"] == "not estimated: no tax regime for NL"
    assert doc["ranking"] == ["Polder", "Windy"]  # by total: the untaxed offer is still compared
    for fmt in ("table", "markdown", "csv", "html"):
        out = run(runner, us, nl, "--after-tax", "--years", "1", "-f", fmt)
        assert "not estimated" in out, fmt
    assert "Polder: not estimated: no tax regime for NL" in run(runner, us, nl, "--after-tax")


def test_rank_by_net_puts_an_untaxed_offer_last_and_says_why(runner: CliRunner, write_offer: Write) -> None:
    us, nl = str(write_offer(CHICAGO, "us.toml")), str(write_offer(NL, "nl.toml"))
    doc = as_json(runner, nl, us, "--after-tax", "--rank-by", "net", "-c", "USD")
    assert doc["ranking"] == ["Windy", "Polder"] and doc["rank_by"] == "net"
    table = run(runner, nl, us, "--after-tax", "--rank-by", "net")
    assert "Polder is ranked last: its net pay is not estimated (no tax regime for NL)." in table
    assert "ranked by 4-year net pay" in run(runner, nl, us, "--after-tax", "--rank-by", "net", "-f", "html")


def test_remote_from_a_country_without_a_regime(runner: CliRunner, write_offer: Write) -> None:
    text = CHICAGO.replace('remote = "onsite"', 'remote = "remote"').replace(
        "[location]", '[candidate]\nlives_in = "Amsterdam, Netherlands"\n[location]')
    o = as_json(runner, str(write_offer(text)), "--after-tax", "--years", "1")["offers"][0]
    assert o["tax_note"] == "not estimated: no tax regime for NL (where you live, from candidate.lives_in)"


def test_a_state_written_out_works_with_after_tax(runner: CliRunner, write_offer: Write) -> None:
    path = write_offer(CHICAGO.replace('city = "Chicago"\nstate = "IL"', 'city = "Seattle"\nstate = "Washington"'))
    assert runner.invoke(cli, ["validate", str(path)]).exit_code == 0
    o = as_json(runner, str(path), "--after-tax", "--years", "1")["offers"][0]
    names = [x["name"] for x in o["years"][0]["tax"]["lines"]]
    assert names[3:] == ["WA income tax", "WA PFML", "WA Cares"]
