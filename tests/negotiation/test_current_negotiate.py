"""``negotiate --current``: the buyout talking point, the counter's sign-on, the email, and the gap to staying."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from offercheck.api import compare
from offercheck.cli.main import cli
from offercheck.negotiation.counter import Negotiation
from offercheck.negotiation.counter import negotiate as run_negotiate
from offercheck.negotiation.points import builtin_points
from offercheck.offer.loading import load_current, load_offer
from tests.pay.test_current import CURRENT, LEAVING, OFFER, usd_per

# OFFER plus a 40,000 grant behind a 12-month cliff and without refreshers: two more points with an ask each.
OFFER_WITH_EQUITY = OFFER + """
[equity]
grant_value = 40000
vesting = "4y-cliff-1y"
"""


def negotiate(runner: CliRunner, *args: str, columns: int = 80) -> str:
    r = runner.invoke(cli, ["negotiate", *args], env={"COLUMNS": str(columns)})
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


def plan(write: Callable[..., tuple[str, str]], **kw: str) -> Negotiation:
    """The negotiation without a market (no plugin manager): the asks depend on the files alone."""
    offer, current = write(**kw)
    c = compare([load_offer(offer)], years=3, current=load_current(current), market=False)
    return run_negotiate(c.evaluations[0], current=c.current)


def test_buyout_point(write: Callable[..., tuple[str, str]]) -> None:
    n = plan(write)
    (sign_on,) = [p for p in n.talking_points if p.topic == "sign-on"]
    # Buyout 40,000 + 10,000 + 6,000 = 56,000. Year-1 cash 120,000 + 20,000 = 140,000, bound x1.3 = 182,000:
    # 140,000 + 56,000 = 196,000 is 14,000 over, so the sign-on asks 42,000 and the rest is an equity grant.
    assert "Acme forfeits $40,000 of unvested equity, $10,000 of unpaid bonus and $6,000 of clawback" in sign_on.text
    # The ask is the new total: the 20,000 offered and the 42,000 more.
    assert sign_on.ask == "a sign-on bonus of $62,000" and sign_on.amount == 42000
    (equity,) = [p for p in n.talking_points if p.topic == "buyout in equity"]
    assert equity.ask == "an extra equity grant worth $14,000"
    assert n.counter.sign_on == 20000 + 42000
    amounts = [p.amount for p in n.talking_points]
    assert amounts == sorted(amounts, reverse=True)  # ranked with the others


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
    assert gap["match_base"] == {"year1": None, "average": pytest.approx(121666.67, abs=0.01)}
    assert gap["forfeited"]["total"] == 56000
    text = negotiate(runner, offer, "--current", current, "-y", "3", columns=200)  # the table on one line a row
    assert "Versus staying\n" in text
    # Staying pays less in year 1: no base would match it there.
    assert "Stay: Acme          -$5,000     $1,667                  -          $121,667" in text
    assert "Gaps are the other offer (or staying) minus this one." in " ".join(text.split())


def test_buyout_in_the_display_currency(write: Callable[..., tuple[str, str]]) -> None:
    n = plan(write, currency="EUR")
    usd = 56000 * usd_per("EUR")
    # Whatever the rate, the buyout is above the 42,000 of room under the year-1 bound (182,000 - 140,000).
    assert usd > 42000
    assert n.counter.sign_on == 20000 + 42000
    (equity,) = [p for p in n.talking_points if p.topic == "buyout in equity"]
    assert equity.amount == round(usd / 1000) * 1000 - 42000  # the nearest round thousand, less what cash took


def test_email_carries_the_buyout(runner: CliRunner, write: Callable[..., tuple[str, str]]) -> None:
    offer, current = write(offer=OFFER_WITH_EQUITY, leaving="[leaving]\nclawback_owed = 500")
    email = negotiate(runner, offer, "--current", current, "-y", "3", "-f", "email")
    # 500 rounds to the nearest thousand: 1,000 of sign-on, with its reason; the package says the new total, the
    # 20,000 offered and the 1,000 more, as counter.sign_on does.
    assert "Acme forfeits $500 of clawback to repay" in " ".join(email.split())
    assert "  * a sign-on bonus of $21,000" in email


def test_library(write: Callable[..., tuple[str, str]]) -> None:
    offer, current = write()
    c = compare([load_offer(offer)], years=3, current=load_current(current), market=False)
    topics = [p.topic for p in builtin_points(c.evaluations[0], current=c.current)]
    assert "sign-on" in topics and "sign-on" not in [p.topic for p in builtin_points(c.evaluations[0])]
