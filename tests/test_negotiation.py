"""The negotiation engine: each kind of talking point triggered and not, match_base, the counter, the guidance.

Every expected figure is worked out by hand in the test from the offer text and a small made-up benchmark.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from offercheck.api import evaluate
from offercheck.market.adjustments import Adjustment
from offercheck.market.benchmarks import Benchmark, Quantiles
from offercheck.market.position import AppliedAdjustment
from offercheck.market.scoring import market_position
from offercheck.negotiate.counter import (
    TalkingPoint,
    builtin_points,
    format_money,
    match_base,
    negotiate,
)
from offercheck.offer.loading import load_offer
from offercheck.results import Evaluation

from .conftest import SHARED

Write = Callable[..., Path]

# Base p50 120,000 and p75 150,000; with location x1.25 and certification x1.1 (x1.375 in all) they become
# 165,000 and 206,250, so p60 = 165,000 + (206,250 - 165,000) x 10/25 = 181,500 and the ask is 182,000.
BENCH = Benchmark(
    role="machine learning engineer", experience="6-9", country="US", currency="USD",
    base=Quantiles(p10=80000, p25=100000, p50=120000, p75=150000, p90=200000),
    total=Quantiles(p10=90000, p25=110000, p50=140000, p75=180000, p90=240000),
    n=321, source="test", source_title="Test survey", year=2024, method="made up",
    keyed_by=("role", "experience", "country"),
)
ADJUSTMENTS = (
    AppliedAdjustment("location", Adjustment(factor="location", multiplier=1.25, reason="pricey city", source="S1")),
    AppliedAdjustment("certification", Adjustment(factor="certification", multiplier=1.1, reason="aws pays more",
                                                  source="seed article 000, 2024")),
)


def ev(write_offer: Write, body: str = "", *, base: float = 100000, market: bool = False, years: int = 4,
       name: str = "offer.toml", company: str = "Acme", adjustments: tuple[AppliedAdjustment, ...] = ADJUSTMENTS
       ) -> Evaluation:
    o = load_offer(write_offer(f'[offer]\ncompany = "{company}"\n[salary]\nbase = {base}\n{body}', name))
    e = evaluate(o, years=years)
    return replace(e, market=market_position(e.years, BENCH, adjustments, 1.0)) if market else e


def topics(points: list[TalkingPoint]) -> dict[str, TalkingPoint]:
    return {p.topic: p for p in points}


def other(write_offer: Write, body: str = "", base: float = 100000, **kw: object) -> Evaluation:
    return ev(write_offer, body, base=base, name="other.toml", company="Other", **kw)  # type: ignore[arg-type]


# --- base below market --------------------------------------------------------------------------------------


def test_base_below_market_asks_for_p60(write_offer: Write) -> None:
    e = ev(write_offer, "[bonus]\ntarget_percent = 10\n", base=150000, market=True)
    p = topics(builtin_points(e))["base below market"]
    assert p.ask == "base $182,000"
    # Each year's total rises 1.10 per unit of base (the 10% bonus moves with it): 32,000 x 1.1 x 4 years.
    assert p.amount == pytest.approx(32000 * 1.1 * 4)
    assert "$181,500" in p.text and "$150,000" in p.text
    # The source names the benchmark cell and the factors used.
    assert p.source.startswith("Test survey, 2024: machine learning engineer, 6-9 years, US (n=321)")
    assert "location x1.250" in p.source and "certification x1.100" in p.source and "all x1.375" in p.source


def test_base_target_percentile_is_a_parameter(write_offer: Write) -> None:
    e = ev(write_offer, base=150000, market=True)
    p = topics(builtin_points(e, target_percentile=50))["base below market"]
    assert p.ask == "base $165,000" and p.amount == pytest.approx(15000 * 4)


def test_base_at_market_is_no_point(write_offer: Write) -> None:
    assert "base below market" not in topics(builtin_points(ev(write_offer, base=190000, market=True)))
    assert "base below market" not in topics(builtin_points(ev(write_offer, base=150000)))  # not scored


# --- bonus ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "gain"),
    [
        ("", 4 * 15000),  # no bonus: 15% of 100,000 a year
        ("[bonus]\ntarget_percent = 8\n", 4 * (15000 - 8000)),
        ("[bonus]\namount = 5000\n", 4 * (15000 - 5000)),  # a fixed 5,000 is 5% of base
    ],
)
def test_bonus_below_norm(write_offer: Write, body: str, gain: float) -> None:
    p = topics(builtin_points(ev(write_offer, body)))["bonus"]
    assert p.ask == "bonus target 15% of base" and p.amount == pytest.approx(gain)
    assert "seeds/002_85987d39cf31c29d.txt" in p.source


def test_bonus_norm_quote_is_in_the_seed() -> None:
    from offercheck.negotiate.asks import BONUS_SOURCE

    quote = BONUS_SOURCE.split(': "', 1)[1].rstrip('"')
    assert quote in (SHARED / "seeds" / "002_85987d39cf31c29d.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("body", ["[bonus]\ntarget_percent = 10\n", "[bonus]\namount = 12000\n"])
def test_bonus_within_norm_is_no_point(write_offer: Write, body: str) -> None:
    assert "bonus" not in topics(builtin_points(ev(write_offer, body)))


# --- equity ---------------------------------------------------------------------------------------------------

AMAZON = '[equity]\ngrant_value = 400000\nvesting = "amazon"\nannual_growth_percent = 5\nrefresh_annual = 1\n'


def test_back_loaded_vesting_asks_for_the_uncovered_shortfall(write_offer: Write) -> None:
    e = ev(write_offer, AMAZON + "[sign_on]\namounts = [60000, 40000]\n")
    p = topics(builtin_points(e))["back-loaded vesting"]
    # Year 1: (25% - 5%) x 400,000 = 80,000, less 60,000 of sign-on = 20,000.
    # Year 2: (25% - 15%) x 400,000 x 1.05 = 42,000, less 40,000 = 2,000.
    assert p.amount == 22000
    assert p.ask == "extra sign-on $20,000 in year 1 and $2,000 in year 2"
    bare = topics(builtin_points(ev(write_offer, AMAZON)))["back-loaded vesting"]
    assert bare.amount == 80000 + 42000


@pytest.mark.parametrize("body", [
    '[equity]\ngrant_value = 400000\nvesting = "4y-even"\n',
    '[equity]\ngrant_value = 60000\nvesting = "3y-even"\n',  # 33.34/33.33/33.33 is rounding, not back-loading
    AMAZON + "[sign_on]\namounts = [80000, 42000]\n",  # the sign-on already covers it
])
def test_even_or_covered_vesting_is_no_point(write_offer: Write, body: str) -> None:
    assert "back-loaded vesting" not in topics(builtin_points(ev(write_offer, body)))


def test_cliff(write_offer: Write) -> None:
    p = topics(builtin_points(ev(write_offer, '[equity]\ngrant_value = 400000\nvesting = "4y-cliff-1y"\n')))
    assert p["vesting cliff"].amount == 100000  # the 25% that vests at month 12
    assert "vesting cliff" not in topics(builtin_points(ev(write_offer, '[equity]\ngrant_value = 400000\n'
                                                                        'vesting = "4y-even"\n')))


def test_no_refreshers(write_offer: Write) -> None:
    p = topics(builtin_points(ev(write_offer, '[equity]\ngrant_value = 400000\nvesting = "4y-even"\n')))
    # Refreshers of 400,000 / 4 = 100,000 from year 2, 25% a year each: 25,000 + 50,000 + 75,000 in years 2-4.
    assert p["no equity refreshers"].amount == pytest.approx(150000)
    assert p["no equity refreshers"].ask == "refreshers $100,000 a year"
    has = '[equity]\ngrant_value = 400000\nvesting = "4y-even"\nrefresh_annual = 50000\n'
    assert "no equity refreshers" not in topics(builtin_points(ev(write_offer, has)))
    assert "no equity refreshers" not in topics(builtin_points(ev(write_offer, "")))


OPTIONS = '[equity]\nkind = "options"\nshares = 10000\nfmv = 5.0\nvesting = "4y-even"\nannual_growth_percent = 20\n'


def test_option_strike_above_fmv(write_offer: Write) -> None:
    p = topics(builtin_points(ev(write_offer, OPTIONS + "strike = 6.0\n")))
    # Prices 5, 6, 7.2, 8.64; 2,500 shares vest a year. Strike 6: 0 + 0 + 1.2 + 2.64; strike 5: 0 + 1 + 2.2 + 3.64.
    assert p["option strike above fair value"].amount == pytest.approx(2500 * 3.0)
    assert p["option strike above fair value"].ask == "strike 5"
    assert "no equity refreshers" not in p  # underwater today: nothing to spread
    assert "option strike above fair value" not in topics(builtin_points(ev(write_offer, OPTIONS + "strike = 2.0\n")))


def test_private_equity_is_illiquid(write_offer: Write) -> None:
    body = '[equity]\nkind = "options"\nshares = 10000\nstrike = 1.0\nfmv = 5.0\nvesting = "4y-even"\n'
    p = topics(builtin_points(ev(write_offer, body + "[company]\npublic = false\n")))["illiquid equity"]
    assert p.amount == pytest.approx(4 * 2500 * 4.0) and p.ask is None
    for company in ("[company]\npublic = true\n", ""):
        assert "illiquid equity" not in topics(builtin_points(ev(write_offer, body + company)))


# --- sign-on and relocation -----------------------------------------------------------------------------------


def test_missing_sign_on_closes_the_year1_gap_to_an_offer(write_offer: Write) -> None:
    mine = ev(write_offer)
    theirs = other(write_offer, "[sign_on]\namount = 10000\n", base=120000)
    p = topics(builtin_points(mine, [theirs]))["no sign-on bonus"]
    assert p.ask == "sign-on $30,000" and p.amount == 30000  # 130,000 - 100,000
    assert "relocation" in p.text


def test_missing_sign_on_versus_the_market(write_offer: Write) -> None:
    # Market total p60 = (140,000 + 40,000 x 10/25) x 1.375 = 214,500; year 1 pays 150,000.
    p = topics(builtin_points(ev(write_offer, base=150000, market=True)))["no sign-on bonus"]
    assert p.amount == 65000 and "p60" in p.text


def test_sign_on_present_or_no_shortfall_is_no_point(write_offer: Write) -> None:
    assert "no sign-on bonus" not in topics(builtin_points(ev(write_offer, "[sign_on]\namount = 1000\n")))
    assert "no sign-on bonus" not in topics(builtin_points(ev(write_offer), [other(write_offer, base=90000)]))


@pytest.mark.parametrize(("months", "at_risk"), [(12, 20000 + 5000), (13, 30000 + 5000)])
def test_clawback(write_offer: Write, months: int, at_risk: float) -> None:
    body = f"[sign_on]\namounts = [20000, 10000]\nrelocation = 5000\nclawback_months = {months}\n"
    p = topics(builtin_points(ev(write_offer, body)))["sign-on clawback"]
    assert p.amount == at_risk and p.ask == "pro-rata clawback"


def test_no_clawback_is_no_point(write_offer: Write) -> None:
    assert "sign-on clawback" not in topics(builtin_points(ev(write_offer, "[sign_on]\namount = 20000\n")))


# --- benefits gaps --------------------------------------------------------------------------------------------


def test_benefit_gaps_against_a_competing_offer(write_offer: Write) -> None:
    mine = ev(write_offer, "[benefits]\npto_days = 15\n")
    theirs = other(write_offer, "[benefits]\nretirement_match_percent = 4\nespp_discount_percent = 15\n"
                                "espp_contribution_percent = 10\npto_days = 25\n")
    p = topics(builtin_points(mine, [theirs]))
    assert p["retirement match gap"].amount == pytest.approx(4 * 100000 * 0.04)
    # ESPP gain: 10% of base bought at 15% off is worth 10,000 x 0.15 / 0.85 a year.
    assert p["ESPP gap"].amount == pytest.approx(4 * 10000 * 0.15 / 0.85)
    # Ten more days, each base / 260 working days.
    assert p["PTO gap"].amount == pytest.approx(4 * 10 * 100000 / 260)
    assert p["PTO gap"].ask == "25 days PTO"


def test_no_benefit_gap_without_a_better_offer(write_offer: Write) -> None:
    same = "[benefits]\nretirement_match_percent = 4\npto_days = 25\n"
    found = topics(builtin_points(ev(write_offer, same), [other(write_offer, same)]))
    assert not {"retirement match gap", "ESPP gap", "PTO gap"} & set(found)
    assert not {"retirement match gap", "ESPP gap", "PTO gap"} & set(topics(builtin_points(ev(write_offer, ""))))


# --- what the candidate brings ------------------------------------------------------------------------------


def test_certification_premium(write_offer: Write) -> None:
    p = topics(builtin_points(ev(write_offer, base=150000, market=True)))
    # The certification's x1.1 is 1 - 1/1.1 = 1/11 of the p60 base 181,500: 16,500 a year, over 4 years.
    assert p["certification premium"].amount == pytest.approx(16500 * 4)
    assert p["certification premium"].ask == "base $182,000"
    assert "location premium" not in p  # where the job is, not what the candidate brings


def test_no_premium_without_a_candidate_factor_above_one(write_offer: Write) -> None:
    neutral = (AppliedAdjustment("certification", Adjustment(factor="certification", multiplier=1.0, reason="none")),)
    p = topics(builtin_points(ev(write_offer, base=150000, market=True, adjustments=neutral)))
    assert "certification premium" not in p


# --- competing offers and match_base ---------------------------------------------------------------------------


def test_competing_offer_point(write_offer: Write) -> None:
    mine = ev(write_offer, "[bonus]\ntarget_percent = 10\n")
    theirs = other(write_offer, base=130000)
    p = topics(builtin_points(mine, [theirs]))["competing offer: Other"]
    # 130,000 against 110,000 every year; closing it on base takes 100,000 + 20,000 / 1.1 = 118,181.82.
    assert p.amount == pytest.approx(4 * 20000)
    assert p.ask == "base $119,000"
    assert "$118,182" in p.text
    assert "competing offer: Other" not in topics(builtin_points(mine, [other(write_offer, base=90000)]))


def test_match_base_closed_form_with_raise_match_and_espp(write_offer: Write) -> None:
    mine = ev(write_offer, "[bonus]\ntarget_percent = 10\n[benefits]\nretirement_match_percent = 4\n"
              "espp_discount_percent = 15\nespp_contribution_percent = 10\nhealth_annual = 5000\n", years=3)
    theirs = other(write_offer, "[sign_on]\namount = 20000\n", base=150000, years=3)
    # Per unit of base, a year pays 1 + 10% bonus + 4% match + ESPP 10% x 0.15/0.85 = k; the rest is 5,000 health.
    k = 1 + 0.10 + 0.04 + 0.10 * 0.15 / 0.85
    year1, average = match_base(mine, theirs)
    assert year1 == pytest.approx((170000 - 5000) / k)  # B k + 5,000 = 170,000
    assert average == pytest.approx(((170000 + 150000 + 150000) / 3 - 5000) / k)  # no raise: same every year


def test_match_base_moves_with_the_raise(write_offer: Write) -> None:
    raised = load_offer(write_offer('[offer]\ncompany = "R"\n[salary]\nbase = 100000\nannual_raise_percent = 5\n'
                                    "[bonus]\namount = 10000\n", "raised.toml"))
    e = evaluate(raised, years=3)
    theirs = other(write_offer, base=150000, years=3)
    year1, average = match_base(e, theirs)
    # A fixed bonus does not move with base; the raise does: B (1 + 1.05 + 1.1025) / 3 + 10,000 = 150,000.
    assert year1 == pytest.approx(140000)
    assert average == pytest.approx(140000 / ((1 + 1.05 + 1.1025) / 3))
    # Independently: the offer re-evaluated at that base pays the other's average.
    at = raised.model_copy(update={"salary": raised.salary.model_copy(update={"base": average})})
    assert evaluate(at, years=3).annual_average == pytest.approx(theirs.annual_average)


def test_match_base_is_none_when_no_base_would_do(write_offer: Write) -> None:
    mine = ev(write_offer, "[sign_on]\namount = 90000\n")
    assert match_base(mine, other(write_offer, base=50000))[0] is None


# --- ranking, plugins aside ----------------------------------------------------------------------------------


def test_points_are_ranked_by_amount_and_guidance_is_not_a_point(write_offer: Write) -> None:
    e = ev(write_offer, AMAZON + "[company]\npublic = false\n", base=150000, market=True)
    n = negotiate(e, [other(write_offer, "[benefits]\npto_days = 30\n", base=160000)])
    amounts = [p.amount for p in n.talking_points]
    assert amounts == sorted(amounts, reverse=True) and len(amounts) >= 5
    assert not any("walk away" in p.text or "research" in p.topic for p in n.talking_points)
    seed = (SHARED / "seeds" / "001_567039994c663b40.txt").read_text(encoding="utf-8")
    assert len(n.guidance) == 3
    for g in n.guidance:
        assert g.quote in seed and g.source == "seeds/001_567039994c663b40.txt"
    assert "walk away" in n.guidance[2].quote and "Other" in n.guidance[2].text


def test_counter_combines_the_asks(write_offer: Write) -> None:
    e = ev(write_offer, AMAZON + "[sign_on]\namounts = [60000, 40000]\n", base=150000, market=True)
    c = negotiate(e).counter
    # Base: the p60 ask; bonus: none today, so 15%; sign-on: 100,000 offered + 22,000 to even out vesting.
    assert (c.base, c.bonus_target_percent, c.sign_on) == (182000, 15, 122000)
    assert len(c.basis) == 3


def test_counter_base_matches_a_better_competing_offer(write_offer: Write) -> None:
    e = ev(write_offer, "[bonus]\ntarget_percent = 10\n", base=150000, market=True)
    n = negotiate(e, [other(write_offer, base=230000)])
    # Average 165,000 versus 230,000: 150,000 + 65,000 / 1.1 = 209,090.91 -> 210,000, above the p60 ask.
    assert n.counter.base == 210000
    assert n.against[0].match_base_average == pytest.approx(150000 + 65000 / 1.1)
    assert n.against[0].component == "base"


def test_leave_early_is_for_every_offer(write_offer: Write) -> None:
    n = negotiate(ev(write_offer), [other(write_offer)], leave_after=6)
    assert [(le.label, le.months, le.salary) for le in n.leave_early] == [("Acme", 6, 50000), ("Other", 6, 50000)]


def test_target_percentile_is_checked(write_offer: Write) -> None:
    with pytest.raises(ValueError, match="between 0 and 100"):
        negotiate(ev(write_offer), target_percentile=100)


@pytest.mark.parametrize(("x", "code", "text"), [
    (182000, "USD", "$182,000"), (1234.5, "CAD", "CA$1,234"), (-5000, "EUR", "-€5,000"), (99.6, "CHF", "100 CHF")])
def test_format_money(x: float, code: str, text: str) -> None:
    assert format_money(x, code) == text


def test_base_below_the_lowest_quantile_says_so(write_offer: Write) -> None:
    # 100,000 is below the adjusted p10 of 80,000 x 1.375 = 110,000.
    p = topics(builtin_points(ev(write_offer, base=100000, market=True)))["base below market"]
    assert p.text.startswith("The base of $100,000 sits below p10 of the market")
