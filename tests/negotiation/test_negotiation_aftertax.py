"""negotiate --after-tax: gaps to competing offers also in estimated net pay."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from offercheck.cli.main import cli
from offercheck.tax.registry import estimate_tax

OFFER = """
[offer]
company = "{company}"
[location]
city = "Austin"
state = "TX"
[salary]
base = {base}
"""


def tax(wages: float) -> float:
    return estimate_tax(country="US", subdivision="TX", city="Austin", filing_status="single", tax_year=2026,
                        wages=wages).total


def test_net_gaps(write_offer: Callable[..., Path]) -> None:
    mine = write_offer(OFFER.format(company="Mine", base=150000), name="mine.toml")
    other = write_offer(OFFER.format(company="Other", base=170000), name="other.toml")
    result = CliRunner().invoke(cli, ["negotiate", str(mine), "--against", str(other), "--after-tax",
                                      "--years", "2", "-f", "json"])
    assert result.exit_code == 0, result.output
    (gap,) = json.loads(result.stdout)["against"]
    # No raise, no bonus: both years pay the base, so year 1 and the average are the same.
    expected = (170000 - tax(170000)) - (150000 - tax(150000))
    assert gap["year1_gap"] == 20000
    assert gap["year1_net_gap"] == pytest.approx(expected, abs=0.01)
    assert gap["average_net_gap"] == pytest.approx(expected, abs=0.01)
    assert 0 < expected < 20000  # the extra pay is taxed at the marginal rate

    text = CliRunner().invoke(cli, ["negotiate", str(mine), "--against", str(other), "--after-tax"]).stdout
    assert "Avg net gap" in text and "after estimated taxes it pays" in " ".join(text.split())


def test_without_after_tax_there_are_no_net_gaps(write_offer: Callable[..., Path]) -> None:
    mine = write_offer(OFFER.format(company="Mine", base=150000), name="mine.toml")
    other = write_offer(OFFER.format(company="Other", base=170000), name="other.toml")
    doc = json.loads(CliRunner().invoke(cli, ["negotiate", str(mine), "--against", str(other), "-f", "json"]).stdout)
    assert "year1_net_gap" not in doc["against"][0]


def test_tax_year_needs_after_tax(write_offer: Callable[..., Path]) -> None:
    result = CliRunner().invoke(cli, ["negotiate", str(write_offer()), "--tax-year", "2025"])
    assert result.exit_code == 2 and "--tax-year and --filing need --after-tax" in result.stderr


def test_no_market_ask_without_a_benchmark_for_the_country(write_offer: Callable[..., Path]) -> None:
    # JP has no benchmark cells: no benchmark and no score (DESIGN section 3), and no ask uses the market.
    tokyo = write_offer('[offer]\ncompany = "Tokyo KK"\nrole = "machine learning engineer"\ncurrency = "JPY"\n'
                        '[location]\ncity = "Tokyo"\ncountry = "JP"\n[salary]\nbase = 9000000\n', name="tokyo.toml")
    doc = json.loads(CliRunner().invoke(cli, ["negotiate", str(tokyo), "-f", "json"]).stdout)
    topics = {p["topic"] for p in doc["talking_points"]}
    assert "base below market" not in topics
    assert doc["counter"]["base"] == 9000000
    assert any("There is no market data for JP here" in g["text"] for g in doc["guidance"])
