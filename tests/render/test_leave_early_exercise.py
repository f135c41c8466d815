"""Leaving early with private options: ``leave_early.exercise`` in the compare and negotiate JSON (issue 17), in
the display currency. Expected figures by hand: 60,000 options, strike 2.10, 409A 6.50, +20%/yr, 25%/yr vesting
monthly after a 12-month cliff; leaving after 18 months, 25% + 6/12 x 25% = 37.5% has vested: 22,500 options."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from offercheck.pay.currency import load_rates
from tests.conftest import EXAMPLES, invoke, private_grant

OFFER = private_grant("exercise_window_days = 365")

CASH = 22_500 * 2.10  # 47,250 to exercise
SPREAD = 22_500 * (6.50 * 1.2 - 2.10)  # year 2's price 7.80: 22,500 x 5.70 = 128,250


def _exercise(*args: str) -> dict[str, Any]:
    code, out, err = invoke(*args, "--leave-after", "18", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    le = data["offers"][0]["leave_early"] if "offers" in data else data["leave_early"][0]
    exercise: dict[str, Any] = le["exercise"]
    return exercise


@pytest.mark.parametrize("command", ["compare", "negotiate"])
def test_exercise_cash_when_leaving(command: str, write_offer: Callable[..., Path]) -> None:
    x = _exercise(command, str(write_offer(OFFER)))
    assert x["cash_needed"] == pytest.approx(47_250) == pytest.approx(CASH)
    assert x["spread"] == x["lost_if_unpaid"] == pytest.approx(128_250) == pytest.approx(SPREAD)
    assert x["window_days"] == 365
    assert "pay 22,500 x 2.10 = 47,250 within 365 days" in " ".join(x["notes"])


def test_exercise_cash_in_the_display_currency(write_offer: Callable[..., Path]) -> None:
    rate = load_rates().rate("USD", "EUR")  # the packaged table the comparison converts with
    x = _exercise("compare", str(write_offer(OFFER)), "--currency", "EUR")
    assert x["cash_needed"] == pytest.approx(CASH * rate, abs=0.01)
    assert x["lost_if_unpaid"] == pytest.approx(SPREAD * rate, abs=0.01)
    assert f"= {CASH * rate:,.2f} within" in " ".join(x["notes"])


def test_no_exercise_for_rsus() -> None:
    code, out, err = invoke("compare", str(EXAMPLES / "bigtech-sf.toml"), "--leave-after", "18", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["offers"][0]["leave_early"]["exercise"] is None
