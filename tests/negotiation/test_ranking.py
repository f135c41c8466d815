"""How points are ranked (DESIGN section 4, issue 25): money asks by their value over the horizon; then term asks
(exercise window, cliff, clawback), whose amount is what is at stake, not pay; then questions (amount 0).
Each case's arithmetic is in its comments; the benchmark is fixed (no factor, fx 1)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from offercheck.api import evaluate
from offercheck.market.benchmarks import Benchmark, Quantiles
from offercheck.market.scoring import market_position
from offercheck.negotiation.counter import negotiate
from offercheck.negotiation.points import TalkingPoint, rank
from offercheck.offer.loading import load_offer

Write = Callable[..., Path]

# p50 100,000, p75 120,000: p60 = 100,000 + 20,000 x 10/25 = 108,000.
BENCH = Benchmark(
    role="software engineer", experience="0-1", country="US", currency="USD",
    base=Quantiles(p10=70000, p25=85000, p50=100000, p75=120000, p90=140000),
    n=500, source="test", source_title="Test benchmark", year=2025, method="made up",
    keyed_by=("role", "experience", "country"),
)
OPTIONS = """[offer]
company = "Optio"
[company]
size = "startup"
public = false
[location]
country = "US"
[salary]
base = 100000
[sign_on]
amount = 20000
clawback_months = 12
[equity]
kind = "options"
shares = 40000
strike = 2
fmv = 10
schedule = [0, 50, 25, 25]
cliff_months = 24
"""


def test_terms_follow_money_asks_and_questions_come_last(write_offer: Write) -> None:
    e = evaluate(load_offer(write_offer(OPTIONS, "a.toml")), years=4)
    n = negotiate(replace(e, market=market_position(e.years, BENCH, (), 1.0)))
    p = {x.topic: x for x in n.talking_points}
    # Base: p60 108,000 above 100,000: 8,000 x 4 = 32,000. Sign-on: year 1 vests 0% of an even 25%, 25 x 40,000 /
    # 100 x 8 = 80,000, less the 20,000 offered = 60,000; year-1 cash 108,000 + 20,000 + 60,000 = 188,000 is above
    # 120,000 x 1.3 = 156,000, so the sign-on is cut to 28,000. No liquidity probability: the options count at
    # paper, 40,000 x 8 = 320,000, all at stake under the 90-day exercise window; the 24-month cliff puts the 50%
    # vesting then (160,000) at stake; the clawback 20,000. Each is "at stake", not pay, and follows the money
    # asks whatever its size; then the questions (bonus: the offer says nothing of one; ownership, preference stack).
    assert (p["base"].amount, p["sign-on"].amount) == (pytest.approx(32000), 28000)
    assert (p["option exercise window"].amount, p["vesting cliff"].amount, p["sign-on clawback"].amount) == (
        pytest.approx(320000), pytest.approx(160000), pytest.approx(20000))
    assert [x.topic for x in n.talking_points] == ["base", "sign-on", "option exercise window", "vesting cliff",
                                                   "sign-on clawback", "bonus", "ownership", "preference stack"]
    assert all(x.at_stake and "at stake" in x.source for x in n.talking_points[2:5])
    assert all(x.amount == 0 and x.kind == "question" for x in n.talking_points[5:])


def test_rank_orders_plugin_points_by_kind_then_value() -> None:
    def tp(topic: str, amount: float, kind: str = "money") -> TalkingPoint:
        return TalkingPoint.model_validate({"topic": topic, "text": "t", "amount": amount, "kind": kind})

    # A plugin's point is a money ask unless it says otherwise; a point worth nothing goes with the questions.
    ranked = rank([tp("q", 0, "question"), tp("term", 900000, "term"), tp("small", 10), tp("zero", 0),
                   tp("big", 5000)])
    assert [p.topic for p in ranked] == ["big", "small", "term", "q", "zero"]


def test_the_json_keys_stay_the_contract() -> None:
    p = TalkingPoint(topic="vesting cliff", text="t", amount=1.0, kind="term")
    assert set(p.model_dump()) == {"topic", "text", "amount", "ask", "source"}
