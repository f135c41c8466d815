"""Counters worked out by hand for three emails of tests/negotiation/data/emails, and the email's words for them.

The benchmark is fixed (no factor, fx 1) so the asks do not depend on the shipped market data; the email is rendered
from the negotiation (``render.negotiate.email``) and read as text: every figure of the package is the counter's.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from offercheck.api import evaluate
from offercheck.market.benchmarks import Benchmark, Quantiles
from offercheck.market.scoring import market_position
from offercheck.negotiation.counter import Negotiation, negotiate
from offercheck.offer.loading import load_current, load_offer
from offercheck.render.negotiate.email import email
from offercheck.results import Evaluation

EMAILS = Path(__file__).parent / "data" / "emails"


def bench(country: str, currency: str, p25: float, p50: float, p75: float) -> Benchmark:
    return Benchmark(role="software engineer", experience="6-9", country=country, currency=currency,
                     base=Quantiles(p10=p25 * 0.8, p25=p25, p50=p50, p75=p75, p90=p75 * 1.2), n=500, source="test",
                     source_title="Test benchmark", year=2025, method="made up",
                     keyed_by=("role", "experience", "country"))


def ev(name: str, b: Benchmark | None = None) -> Evaluation:
    e = evaluate(load_offer(EMAILS / name), years=4)
    return e if b is None else replace(e, market=market_position(e.years, b, (), 1.0))


def flat(n: Negotiation) -> str:
    return " ".join(email(n).split())


def test_berlin_scaleup() -> None:
    # p60 = 80,000 + 20,000 x 10/25 = 88,000, within 78,000 x 1.2 = 93,600: the base ask is 88,000. No bonus in
    # the file and no reason for one: a question. Even vesting (25/25/25/25), no competitor, no current job: no
    # new sign-on; the 5,000 offered stays the counter's sign-on.
    n = negotiate(ev("berlin-scaleup.toml", bench("DE", "EUR", 65000, 80000, 100000)))
    assert (n.counter.base, n.counter.bonus_target_percent, n.counter.sign_on) == (88000, None, 5000)
    said = flat(n)
    assert "the 60th percentile is €88,000. I would like a base salary of €88,000." in said
    assert "* a base salary of €88,000 * a longer exercise period for vested options after leaving * a pro-rata " \
           "clawback of the sign-on" in said
    # At risk: 8,000 options x (9 - 1) = 64,000 on paper over 4 years, x 0.3 x (1 - 0.2)^2 = x 0.192: 12,288.
    assert "At stake: the grant's €12,288 over 4 years." in said and "At stake: €5,000 of sign-on." in said
    assert "409A" not in said and "Coinbase" not in said


def test_sf_series_a_with_a_current_job() -> None:
    now = evaluate(load_current(EMAILS / "current-bigco.toml"), years=4)
    n = negotiate(ev("sf-series-a.toml", bench("US", "USD", 170000, 200000, 240000)), current=now)
    # Base: p60 = 200,000 + 40,000 x 10/25 = 216,000 (within 190,000 x 1.2 = 228,000). Buyout: 182,000 of
    # unvested RSUs. Year-1 cash: 190,000 (no bonus, no sign-on), bound x1.3 = 247,000; 216,000 + 182,000 =
    # 398,000 is 151,000 over, so the sign-on is 182,000 - 151,000 = 31,000, in year 1 only. The other 151,000
    # is an extra grant: at the preferred price of 4.80, 151,000 / 4.80 = 31,458.33, so 31,459 shares.
    assert (n.counter.base, n.counter.bonus_target_percent, n.counter.sign_on) == (216000, None, 31000)
    assert n.asks is not None and n.asks.buyout_grant is not None and n.asks.buyout_grant.shares == 31459
    said = flat(n)
    assert ("* a base salary of $216,000 * a sign-on bonus of $31,000 * an extra equity grant of 31,459 shares "
            "(worth $151,000 at the latest preferred price of $4.80) * a 7-year post-termination exercise window"
            in said)
    assert ("Leaving Harbor Analytics forfeits $182,000 of unvested equity; with $31,000 of it in the sign-on "
            "bonus, I would ask for an extra equity grant of 31,459 shares") in said
    assert "year 2" not in said and "30%" not in said


def test_london_startup_against_the_bank() -> None:
    bank = ev("london-bank.toml")
    n = negotiate(ev("london-startup.toml", bench("GB", "GBP", 70000, 90000, 110000)), [bank])
    # Base: p60 = 90,000 + 20,000 x 10/25 = 98,000, within 82,000 x 1.2 = 98,400; Thames's 95,000 base is below
    # it. Bonus: Thames's 20% target. Sign-on: Thames's year 1 = 95,000 + 19,000 + 10,000 + 45,000 x 33.34%
    # (15,003) + 8% match (7,600) = 146,603; Camden's = 82,000 + 5,000 vested options x (2.50 - 0.50) at risk
    # (x 0.25 x (1 - 0.167)^2 = x 0.173472: 1,734.72) + 3% match (2,460) = 86,194.72, plus the asks' 98,000 +
    # 19,600 - 82,000 = 35,600: 146,603 - 121,794.72 = 24,808 -> 25,000. Year-1 bound: Thames pays 60,408 more,
    # above 82,000 x 0.3, so 82,000 + 60,408 = 142,408; 98,000 + 19,600 + 25,000 = 142,600 is 192 over: the
    # sign-on is cut to the round thousand below 24,808, 24,000.
    assert (n.counter.base, n.counter.bonus_target_percent, n.counter.sign_on) == (98000, 20, 24000)
    said = flat(n)
    assert "* a base salary of £98,000 * a target bonus of 20% of base * a sign-on bonus of £24,000" in said
    assert "Thames Payments' offer pays £60,408 more in its first year" in said and "Payments's" not in said
    assert "an employer pension contribution of 8% of base" in said
