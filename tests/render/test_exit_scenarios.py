"""Exit-price scenario lines stand beside the same shares' paper and risk values as the totals count them
(issue 26): each year's vesting at that year's 409A price in the growth scenario, not at today's price, so a grant
whose strike is today's 409A price no longer prints "(paper 0, risk 0)" next to a scenario worth 515,511."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import invoke

# 40,000 options at strike = 409A = 0.99, +20% a year, 4y-cliff-1y (10,000 a year). Paper by year:
# 10,000 x max(0.99 x 1.2^(y-1) - 0.99, 0) = 0, 1,980, 4,356, 7,207.20: 13,543.20 over 4 years.
# Risk factor: 0.3 x (1 - 0.167)^2 (packaged defaults: 16.7% a round, 2 rounds) = 0.2081667.
# At an exit of 20: 20 x 0.833^2 = 13.8778 a share; 40,000 x (13.8778 - 0.99) = 515,511.20.
OFFER = """
[offer]
company = "Seedling"
role = "software engineer"
[location]
city = "Austin"
state = "TX"
[company]
public = false
[salary]
base = 160000
[equity]
kind = "options"
shares = 40000
strike = 0.99
fmv = {fmv}
annual_growth_percent = {growth}
liquidity_probability = 0.3
exit_prices = [20]
"""
PAPER = 1_980 + 4_356 + 7_207.20
FACTOR = 0.3 * 0.833**2


def _compare(write_offer: Callable[..., Path], *args: str, fmv: str = "0.99", growth: str = "20") -> str:
    code, out, err = invoke("compare", str(write_offer(OFFER.format(fmv=fmv, growth=growth))), *args)
    assert code == 0, err
    return out


def test_a_scenario_stands_beside_the_paper_value_of_the_totals(write_offer: Callable[..., Path]) -> None:
    words = " ".join(_compare(write_offer).split())
    assert "(paper 0, risk 0)" not in words
    assert ("40,000 shares x max(13.88 - 0.99, 0) = 515,511.20 (vs 13,543 on paper, 2,819 at risk over 4 years)"
            in words)
    assert "Paper (4 yr) 13,543" in words  # the table above says the same


def test_the_json_scenario_has_the_paper_total(write_offer: Callable[..., Path]) -> None:
    equity = json.loads(_compare(write_offer, "--format", "json"))["offers"][0]["private_equity"]
    [scenario] = equity["scenarios"]
    assert scenario["value"] == pytest.approx(515_511.20, abs=0.01)
    assert scenario["paper"] == pytest.approx(PAPER) == pytest.approx(equity["paper_total"])
    assert scenario["risk"] == pytest.approx(PAPER * FACTOR, abs=0.01)


def test_options_never_above_the_strike_say_why_they_are_worth_nothing_on_paper(
        write_offer: Callable[..., Path]) -> None:
    words = " ".join(_compare(write_offer, fmv="0.90", growth="0").split())
    assert "(vs 0 on paper over 4 years: the common's fair value stays at or below the strike)" in words


def test_the_horizon_is_the_one_asked_for(write_offer: Callable[..., Path]) -> None:
    words = " ".join(_compare(write_offer, "--years", "2").split())
    assert "(vs 1,980 on paper, 412 at risk over 2 years)" in words
