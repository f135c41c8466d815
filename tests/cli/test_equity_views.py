"""compare with private-company equity (issue 17): both views, scenarios, exercise cost, checks, end to end.

The offer is the README's Series B grant: 60,000 options, strike 2.10, 409A 6.50, +20%/yr, 4y-cliff-1y, so
15,000 options vest a year. Paper value by year (worked in tests/pay/test_equity.py):
66,000 + 85,500 + 108,900 + 136,980 = 397,380.
Risk factor with liquidity_probability 0.3 and the packaged defaults (16.7% dilution per round, 2 rounds):
0.3 x (1 - 0.167)^2 = 0.3 x 0.833^2 = 0.3 x 0.693889 = 0.2081667.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import invoke, private_grant

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FACTOR = 0.3 * 0.833**2
PAPER = (66_000, 85_500, 108_900, 136_980)


def _offer(write_offer: Callable[..., Path], extra: str = "liquidity_probability = 0.3",
           public: str = "false") -> str:
    return str(write_offer(private_grant(extra, public)))


def _json(*args: str) -> dict:
    code, out, err = invoke("compare", *args, "-f", "json")
    assert code == 0, err
    return json.loads(out)["offers"][0]


def test_risk_view_is_the_default_and_paper_stays_beside_it(write_offer: Callable[..., Path]) -> None:
    o = _json(_offer(write_offer))
    assert o["equity_view"] == "risk"
    assert [y["equity_paper"] for y in o["years"]] == pytest.approx(PAPER, abs=0.01)
    # Year 1: 66,000 x 0.2081667 = 13,739.00; the year's total is base + that.
    assert o["years"][0]["equity"] == pytest.approx(13_739.00, abs=0.01)
    assert o["years"][0]["total"] == pytest.approx(175_000 + 13_739.00, abs=0.01)
    assert o["total"] == pytest.approx(4 * 175_000 + 397_380 * FACTOR, abs=0.05)
    assert o["private_equity"]["risk_factor"] == pytest.approx(FACTOR, abs=1e-6)


def test_paper_view_counts_the_paper_value(write_offer: Callable[..., Path]) -> None:
    o = _json(_offer(write_offer), "--equity", "paper")
    assert o["equity_view"] == "paper"
    assert [y["equity"] for y in o["years"]] == pytest.approx(PAPER, abs=0.01)
    assert o["total"] == pytest.approx(4 * 175_000 + 397_380, abs=0.01)


def test_exercise_cost_is_strike_times_shares(write_offer: Callable[..., Path]) -> None:
    assert _json(_offer(write_offer))["exercise_cost"] == pytest.approx(60_000 * 2.10)  # 126,000


def test_a_public_option_grant_has_its_exercise_cost_too_in_the_display_currency(
        write_offer: Callable[..., Path]) -> None:
    path = _offer(write_offer, extra="", public="true")
    assert _json(path)["exercise_cost"] == pytest.approx(126_000)
    # Shown in CAD: the same cash at the packaged rate (data/rates.toml gives USD per CAD), converted once.
    rates = tomllib.loads((Path(__file__).parents[2] / "src/offercheck/data/rates.toml").read_text())
    cad = 126_000 / rates["usd_per_unit"]["CAD"]
    assert _json(path, "--currency", "CAD")["exercise_cost"] == pytest.approx(cad, abs=0.01)


def test_scenarios_next_to_paper_and_risk(write_offer: Callable[..., Path]) -> None:
    o = _json(_offer(write_offer, "liquidity_probability = 0.3\nexit_prices = [10, 1]"))
    high, low = o["private_equity"]["scenarios"]
    # 10 x 0.833^2 = 6.93889 a share after dilution; 60,000 x (6.93889 - 2.10) = 290,333.40.
    assert high["price_after_dilution"] == pytest.approx(6.94, abs=0.005)
    assert high["value"] == pytest.approx(290_333.40, abs=0.01)
    # 1 x 0.693889 = 0.69 is below the strike: worth nothing.
    assert low["value"] == 0
    # Beside them: the same 60,000 options on paper as the totals count them (each year's 15,000 at that year's
    # 409A price, +20%/yr), 397,380, not at today's price (264,000), and that x the risk factor (issue 26).
    assert high["paper"] == pytest.approx(sum(PAPER)) and high["risk"] == pytest.approx(sum(PAPER) * FACTOR,
                                                                                      abs=0.01)
    assert high["paper"] == pytest.approx(o["private_equity"]["paper_total"])


def test_without_a_probability_risk_falls_back_to_paper_and_asks(write_offer: Callable[..., Path]) -> None:
    path = _offer(write_offer, extra="")
    o = _json(path)
    assert [y["equity"] for y in o["years"]] == pytest.approx(PAPER, abs=0.01)
    assert o["private_equity"]["missing"] == ["liquidity_probability"]
    code, out, _ = invoke("compare", path, "--explain")  # what each grant lacks is explain material
    assert code == 0
    assert "risk view shows the paper value: give equity.liquidity_probability" in out


def test_table_shows_the_risk_arithmetic_and_cites_defaults_once(write_offer: Callable[..., Path]) -> None:
    code, out, _ = invoke("compare", _offer(write_offer), "--wide", "--explain")  # the arithmetic on one line
    assert code == 0
    assert "risk = paper x 0.3 x (1 - 16.7/100)^2 = paper x 0.3 x 0.693889 = paper x 0.208167" in out
    assert out.count("Default dilution_percent_per_round: Carta") == 1
    assert "Default double_trigger" not in out  # options: the RSU default is not used


def test_a_file_that_does_not_say_private_is_valued_at_paper(write_offer: Callable[..., Path]) -> None:
    text = private_grant().replace("[company]\npublic = false\n", "")
    o = _json(str(write_offer(text)))
    assert "private_equity" not in o
    assert [y["equity"] for y in o["years"]] == pytest.approx(PAPER, abs=0.01)


@pytest.mark.parametrize(("extra", "public", "message"), [
    ("liquidity_probability = 30", "false",
     "equity.liquidity_probability: must be between 0 and 1 (got 30; did you mean 0.30?)"),
    ("rounds_to_exit = 11", "false", "equity.rounds_to_exit: must be between 0 and 10 rounds (got 11)"),
    ("liquidity_probability = 0.3", "true", "equity.liquidity_probability: only for private companies"),
])
def test_bad_private_terms_are_one_line_errors(write_offer: Callable[..., Path], extra: str, public: str,
                                                message: str) -> None:
    code, _, err = invoke("compare", _offer(write_offer, extra, public))
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0]
    assert "Traceback" not in err


def test_leaving_early_needs_cash_to_keep_vested_options(write_offer: Callable[..., Path]) -> None:
    code, out, err = invoke("compare", _offer(write_offer, "exercise_window_days = 90"), "--leave-after", "18")
    assert code == 0, err
    # 4y-cliff-1y vests 25% at the 12-month cliff, then monthly: after 18 months 25 + 25 x 6/12 = 37.5%,
    # 0.375 x 60,000 = 22,500 options. Cash: 22,500 x 2.10 = 47,250 within the 90 days.
    assert "pay 22,500 x 2.10 = 47,250 within 90 days of leaving" in out
    # Unpaid, they are lost: at year 2's 409A price 6.50 x 1.2 = 7.80, 22,500 x (7.80 - 2.10) = 128,250.
    assert "22,500 x max(7.80 - 2.10, 0) = 128,250 lost" in out


def test_readme_worked_example_by_hand(in_repo: None) -> None:
    code, out, _ = invoke("compare", "examples/equity/tensorloom-at-risk.toml", "-f", "json")
    o = json.loads(out)["offers"][0]
    # 0.3 x 0.85^2 = 0.21675; 397,380 x 0.21675 = 86,132.12; exit at 20: 60,000 x (20 x 0.7225 - 2.10) = 741,000.
    assert code == 0 and o["private_equity"]["risk_factor"] == 0.21675
    assert sum(y["equity"] for y in o["years"]) == pytest.approx(86_132.12, abs=0.05)
    assert [s["value"] for s in o["private_equity"]["scenarios"]] == pytest.approx([0, 741_000, 2_041_500])
