"""Defect 5: the state of a US city given without a state is the city's own, not its metro's first state."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from offercheck.cli.main import cli

OFFER = """
[offer]
company = "A"
[salary]
base = 100000
[location]
city = "{city}"
country = "US"
"""

# Tax year 2026, single, wages 100,000 (IRS Rev. Proc. 2025-32): standard deduction 16,100; taxable 83,900 =
# 10% of 12,400 + 12% of (50,400 - 12,400) + 22% of (83,900 - 50,400); FICA 6.2% + 1.45% of 100,000.
FEDERAL = 0.10 * 12400 + 0.12 * (50400 - 12400) + 0.22 * (83900 - 50400)
FICA = 100000 * (0.062 + 0.0145)
# Washington's employee premiums, 2026: PFML 1.13% x 71.43% employee share, WA Cares 0.58% (RCW 50A, 50B).
WA_PREMIUMS = 100000 * 0.0113 * 0.7143 + 100000 * 0.0058
# NJ-1040 rate schedule (single), personal exemption 1,000: taxable 99,000.
NJ = 0.014 * 20000 + 0.0175 * 15000 + 0.035 * 5000 + 0.05525 * 35000 + 0.0637 * (99000 - 75000)


def year1_tax(runner: CliRunner, path: Path) -> dict[str, float]:
    result = runner.invoke(cli, ["compare", str(path), "--after-tax", "-y", "1", "--format", "json"])
    assert result.exit_code == 0, result.output
    lines = json.loads(result.stdout)["offers"][0]["years"][0]["tax"]["lines"]
    return {x["name"]: x["amount"] for x in lines}


def test_vancouver_is_in_washington_no_state_income_tax(runner: CliRunner,
                                                         write_offer: Callable[..., Path]) -> None:
    lines = year1_tax(runner, write_offer(OFFER.format(city="Vancouver")))
    assert sum(lines.values()) == pytest.approx(FEDERAL + FICA + WA_PREMIUMS, abs=0.02)
    assert lines["WA income tax"] == 0
    assert not any(amount for name, amount in lines.items() if "income tax" in name and "federal" not in name)


@pytest.mark.parametrize("city", ["Jersey City", "Newark", "Hoboken"])
def test_new_jersey_cities_of_the_new_york_metro(runner: CliRunner, write_offer: Callable[..., Path],
                                                 city: str) -> None:
    lines = year1_tax(runner, write_offer(OFFER.format(city=city)))
    assert lines["NJ income tax"] == pytest.approx(NJ, abs=0.01)
    assert "NY income tax" not in lines


@pytest.mark.parametrize(("city", "states"), [("Kansas City", "MO or KS"), ("Texarkana", "TX or AR")])
def test_a_city_in_two_states_needs_the_state(runner: CliRunner, write_offer: Callable[..., Path],
                                              city: str, states: str) -> None:
    path = write_offer(OFFER.format(city=city))
    result = runner.invoke(cli, ["compare", str(path), "--after-tax"])
    assert result.exit_code == 1
    assert f"location.state: no state given and '{city}' could be in {states}" in result.stderr
    assert "Traceback" not in result.output
