"""``negotiate --current``: the buyout talking point, the counter's sign-on, the email, and the gap to staying."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from offercheck.api import compare
from offercheck.cli.main import cli
from offercheck.negotiate.counter import builtin_points
from offercheck.offer.loading import load_current, load_offer

from .test_current import CURRENT, LEAVING, OFFER, usd_per

# OFFER plus a 40,000 grant behind a 12-month cliff and without refreshers: two more points with an ask each.
OFFER_WITH_EQUITY = OFFER + """
[equity]
grant_value = 40000
vesting = "4y-cliff-1y"
"""


def negotiate(runner: CliRunner, *args: str) -> str:
    r = runner.invoke(cli, ["negotiate", *args])
    assert r.exit_code == 0, r.stderr
    return r.stdout


@pytest.fixture
def write(write_offer: Callable[..., Path]) -> Callable[..., tuple[str, str]]:
    def files(offer: str = OFFER, currency: str = "USD", leaving: str = LEAVING) -> tuple[str, str]:
        return (str(write_offer(offer, name="offer.toml")),
                str(write_offer(CURRENT.format(currency=currency, leaving=leaving), name="current.toml")))

    return files


def as_json(runner: CliRunner, *args: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(negotiate(runner, *args, "-y", "3", "-f", "json"))
    return doc


def test_buyout_point(runner: CliRunner, write: Callable[..., tuple[str, str]]) -> None:
    offer, current = write()
    doc = as_json(runner, offer, "--current", current)
    points = doc["talking_points"]
    (buyout,) = [p for p in points if p["topic"] == "buyout"]
    # 40,000 unvested equity + 10,000 unpaid bonus + 6,000 clawback.
    assert buyout["amount"] == 56000
    assert ("Leaving Acme costs me $56,000: $40,000 of unvested equity, $10,000 of unpaid bonus and $6,000 of "
            "clawback to repay.") in buyout["text"]
    assert "sign-on bonus of $56,000 on top of the offered sign-on" in buyout["text"]
    assert buyout["ask"] == "sign-on $56,000 (buyout), or an extra equity grant of that value"
    assert buyout["source"].startswith(f"[leaving] in {current}")
    amounts = [p["amount"] for p in points]
    assert amounts == sorted(amounts, reverse=True)  # ranked with the others
    # The counter's sign-on: the offer's 20,000 plus the 56,000 buyout.
    assert doc["counter"]["sign_on"] == 76000
    assert "sign-on: includes $56,000 to buy out what leaving Acme forfeits" in doc["counter"]["basis"]


def test_no_leaving_table_no_buyout(runner: CliRunner, write: Callable[..., tuple[str, str]]) -> None:
    offer, current = write(leaving="")
    doc = as_json(runner, offer, "--current", current)
    assert all(p["topic"] != "buyout" for p in doc["talking_points"])
    assert doc["counter"]["sign_on"] == 20000  # the offer's own sign-on, nothing added
    assert doc["current"]["forfeited"] is None
    without = as_json(runner, offer)
    assert "current" not in without and without["counter"]["sign_on"] == 20000


def test_gap_to_staying(runner: CliRunner, write: Callable[..., tuple[str, str]]) -> None:
    offer, current = write()
    gap = as_json(runner, offer, "--current", current)["current"]
    # Staying minus the offer: year 1 135,000 - 140,000; average (385,000 - 380,000) / 3.
    assert gap["label"] == "Stay: Acme"
    assert gap["year1_gap"] == -5000 and gap["average_gap"] == pytest.approx(5000 / 3, abs=0.01)
    # Base alone moves this offer's pay one for one: 120,000 - 5,000 and 120,000 + 1,666.67.
    assert gap["match_base"] == {"year1": 115000, "average": pytest.approx(121666.67, abs=0.01)}
    assert gap["forfeited"]["total"] == 56000
    text = negotiate(runner, offer, "--current", current, "-y", "3")
    assert "Versus staying\n" in text
    assert "Stay: Acme          -$5,000     $1,667           $115,000          $121,667       equity" in text
    assert "Gaps are the other offer (or staying) minus this one." in " ".join(text.split())


def test_buyout_in_the_display_currency(runner: CliRunner, write: Callable[..., tuple[str, str]]) -> None:
    offer, current = write(currency="EUR")
    doc = as_json(runner, offer, "--current", current)
    (buyout,) = [p for p in doc["talking_points"] if p["topic"] == "buyout"]
    usd = 56000 * usd_per("EUR")
    assert buyout["amount"] == pytest.approx(usd, abs=0.01)
    ask = math.ceil(usd / 1000) * 1000  # asks are round thousands, never below the figure
    assert buyout["ask"] == f"sign-on ${ask:,} (buyout), or an extra equity grant of that value"
    assert doc["counter"]["sign_on"] == 20000 + ask


def test_email_always_carries_the_buyout(runner: CliRunner, write: Callable[..., tuple[str, str]]) -> None:
    # A 500 clawback is the smallest point: the email's top three would leave it out.
    offer, current = write(offer=OFFER_WITH_EQUITY, leaving="[leaving]\nclawback_owed = 500")
    points = as_json(runner, offer, "--current", current)["talking_points"]
    assert [p["topic"] for p in points if p["ask"]].index("buyout") >= 3
    email = negotiate(runner, offer, "--current", current, "-y", "3", "-f", "email")
    bullets = [line for line in email.splitlines() if line.startswith("- ")]
    assert len(bullets) == 3 and bullets[-1].startswith("- Leaving Acme costs me $500: $500 of clawback to repay.")
    assert "sign-on bonuses of $21,000 in total" in email  # 20,000 offered + 1,000 (500 rounded up)


def test_library(write: Callable[..., tuple[str, str]]) -> None:
    offer, current = write()
    c = compare([load_offer(offer)], years=3, current=load_current(current))
    topics = [p.topic for p in builtin_points(c.evaluations[0], current=c.current)]
    assert "buyout" in topics and "buyout" not in [p.topic for p in builtin_points(c.evaluations[0])]
