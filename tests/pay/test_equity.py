"""Private-company equity (issue 17) against hand-computed numbers: the arithmetic is in each test.

The running example is the README's Series B offer: 60,000 options, strike 2.10, 409A 6.50, +20%/yr,
4y-cliff-1y (15,000 options vest each year). Paper value of year y's vest = 15,000 x (6.50 x 1.2^(y-1) - 2.10):
  y1: 15,000 x (6.50   - 2.10) = 15,000 x 4.40  =  66,000
  y2: 15,000 x (7.80   - 2.10) = 15,000 x 5.70  =  85,500
  y3: 15,000 x (9.36   - 2.10) = 15,000 x 7.26  = 108,900
  y4: 15,000 x (11.232 - 2.10) = 15,000 x 9.132 = 136,980      total 397,380
"""

from __future__ import annotations

from pathlib import Path

import pytest

from offercheck.offer.equity_checks import (
    PRIVATE_ONLY_KEYS,
    check_private_terms,
    private_terms_warnings,
    public_company_errors,
)
from offercheck.pay.equity import (
    PrivateTerms,
    exercise_cost,
    load_defaults,
    preferred_price_note,
    risk_factor,
)
from offercheck.pay.equity_cases import exercise_cash_needed, published_exercise_windows, scenarios, views
from offercheck.pay.equity_timing import double_trigger_income, income_year, nso_exercise_wages, timing_note

PAPER = [66_000, 85_500, 108_900, 136_980]
VESTED = [15_000, 15_000, 15_000, 15_000]


def example_risk() -> float:
    terms = PrivateTerms(liquidity_probability=0.3, dilution_percent_per_round=15, rounds_to_exit=2)
    return risk_factor(terms.resolved()).factor


# --- both views -------------------------------------------------------------------------------------------------

def test_risk_factor_is_probability_times_ownership_kept() -> None:
    # 0.3 x (1 - 15/100)^2 = 0.3 x 0.85 x 0.85 = 0.3 x 0.7225 = 0.21675
    assert example_risk() == pytest.approx(0.21675)


def test_year_one_vest_in_both_views() -> None:
    v = views(PAPER, risk_factor(PrivateTerms(liquidity_probability=0.3, dilution_percent_per_round=15,
                                                rounds_to_exit=2).resolved()))
    assert v.paper[0] == 66_000  # 15,000 x (6.50 - 2.10)
    assert v.risk[0] == pytest.approx(14_305.50)  # 66,000 x 0.3 x 0.85^2 = 66,000 x 0.21675


def test_views_per_year_and_totals() -> None:
    v = views(PAPER, risk_factor(PrivateTerms(liquidity_probability=0.3, dilution_percent_per_round=15,
                                                rounds_to_exit=2).resolved()))
    # each year x 0.21675: 85,500 -> 18,532.125; 108,900 -> 23,604.075; 136,980 -> 29,690.415
    assert v.risk == pytest.approx((14_305.50, 18_532.125, 23_604.075, 29_690.415))
    assert v.paper_total == 397_380
    assert v.risk_total == pytest.approx(86_132.115)  # 397,380 x 0.21675
    assert v.chosen("paper") == v.paper
    assert v.chosen("risk") == v.risk


def test_explanation_shows_every_number() -> None:
    r = risk_factor(PrivateTerms(liquidity_probability=0.3, dilution_percent_per_round=15,
                                 rounds_to_exit=2).resolved())
    assert r.applied
    assert "paper x 0.3 x (1 - 15/100)^2 = paper x 0.3 x 0.7225 = paper x 0.21675" in r.explanation
    assert "liquidity probability 0.3 (yours)" in r.explanation


def test_no_liquidity_probability_falls_back_to_paper_and_asks() -> None:
    r = risk_factor(PrivateTerms(dilution_percent_per_round=15, rounds_to_exit=2).resolved())
    assert (r.factor, r.applied, r.missing) == (1.0, False, ("liquidity_probability",))
    assert "give equity.liquidity_probability" in r.explanation
    assert "paper value" in r.explanation
    assert views(PAPER, r).risk == tuple(PAPER)


def test_defaults_fill_dilution_and_rounds_with_their_sources() -> None:
    resolved = PrivateTerms(liquidity_probability=0.5).resolved()
    # Carta's Q1 2024 Series B median 16.7%; 4 preferred rounds to IPO less the A and B raised = 2.
    assert resolved.values.dilution_percent_per_round == 16.7
    assert resolved.values.rounds_to_exit == 2
    assert resolved.origin("liquidity_probability") == "user"
    assert resolved.origin("dilution_percent_per_round") == "default"
    assert "carta.com/data/dilution-q1-2024" in resolved.provenance["dilution_percent_per_round"].source
    assert "dilution_percent_per_round" in resolved.defaulted
    r = risk_factor(resolved)
    # 0.5 x (1 - 16.7/100)^2 = 0.5 x 0.833^2 = 0.5 x 0.693889 = 0.3469445
    assert r.factor == pytest.approx(0.3469445)
    assert "(1 - 16.7/100)^2 = paper x 0.5 x 0.693889 = paper x 0.346944" in r.explanation
    assert "default: Carta (2024)" in r.explanation


def test_liquidity_probability_has_no_default() -> None:
    d = load_defaults().get("liquidity_probability")
    assert d.value is None
    assert d.evidence == "none"
    assert PrivateTerms().resolved().origin("liquidity_probability") == "missing"


def test_a_defaults_file_can_replace_the_packaged_one(tmp_path: Path) -> None:
    path = tmp_path / "d.toml"
    path.write_text('[defaults.liquidity_probability]\nvalue = 0.1\npublisher = "P"\ntitle = "T"\ndate = "2026"\n'
                    'figure = "F"\nurl = "U"\nevidence = "published"\n', encoding="utf-8")
    resolved = PrivateTerms(dilution_percent_per_round=0, rounds_to_exit=0).resolved(load_defaults(path))
    assert resolved.values.liquidity_probability == 0.1
    assert risk_factor(resolved).factor == pytest.approx(0.1)  # 0.1 x (1 - 0)^0


def test_zero_rounds_means_no_dilution() -> None:
    r = risk_factor(PrivateTerms(liquidity_probability=0.4, dilution_percent_per_round=20,
                                 rounds_to_exit=0).resolved())
    assert r.factor == pytest.approx(0.4)  # 0.4 x 0.8^0 = 0.4


# --- exercise cost and scenarios --------------------------------------------------------------------------------

def test_exercise_cost_is_strike_times_shares() -> None:
    assert exercise_cost(60_000, 2.10) == pytest.approx(126_000)  # 60,000 x 2.10


def test_scenarios_dilute_the_exit_price_not_the_strike() -> None:
    out = scenarios(60_000, 2.10, [2.50, 20.0, 50.0], 15, 2, paper=397_380, risk=86_132.115)
    # 2.50 x 0.7225 = 1.80625 < 2.10: underwater, worth 0
    # 20 x 0.7225 = 14.45; 60,000 x (14.45 - 2.10) = 60,000 x 12.35 = 741,000
    # 50 x 0.7225 = 36.125; 60,000 x (36.125 - 2.10) = 60,000 x 34.025 = 2,041,500
    assert [s.price_after_dilution for s in out] == pytest.approx([1.80625, 14.45, 36.125])
    assert [s.value for s in out] == pytest.approx([0, 741_000, 2_041_500])
    assert (out[1].paper, out[1].risk) == (397_380, 86_132.115)
    assert out[1].explanation == ("at 20 a share: 20 x (1 - 15/100)^2 = 14.45 after dilution; 60,000 shares x "
                                  "max(14.45 - 2.10, 0) = 741,000")


def test_scenarios_of_the_vested_part_and_of_rsus() -> None:
    # a quarter vested: 15,000 x (14.45 - 2.10) = 185,250
    assert scenarios(60_000, 2.10, [20.0], 15, 2, 0.25)[0].value == pytest.approx(185_250)
    # RSUs (no strike), 1,000 shares, exit 30, one round of 20%: 1,000 x 30 x 0.8 = 24,000
    assert scenarios(1_000, 0, [30.0], 20, 1)[0].value == pytest.approx(24_000)


# --- leaving early ----------------------------------------------------------------------------------------------

def test_leave_early_cash_to_keep_vested_options() -> None:
    # leaving after the year-1 cliff: 15,000 vested; 409A still 6.50
    cash = exercise_cash_needed(15_000, 2.10, 90, fmv=6.50)
    assert cash.cash_needed == pytest.approx(31_500)  # 15,000 x 2.10
    assert cash.lost_if_unpaid == pytest.approx(66_000)  # 15,000 x (6.50 - 2.10)
    assert cash.spread == pytest.approx(66_000)
    assert cash.window_days == 90
    assert cash.notes[0] == "to keep 15,000 vested options, pay 15,000 x 2.10 = 31,500 within 90 days of leaving"
    assert "66,000 lost" in cash.notes[1]
    assert "ISOs and AMT are not modelled" in cash.notes[2]


def test_leave_early_underwater_options_lose_nothing() -> None:
    cash = exercise_cash_needed(10_000, 5.00, 2555, fmv=4.00)
    assert cash.cash_needed == pytest.approx(50_000)  # 10,000 x 5.00
    assert cash.lost_if_unpaid == 0  # max(4.00 - 5.00, 0) = 0


# --- taxes: NSO spread at exercise, double-trigger RSUs at liquidity --------------------------------------------

def test_nso_spread_is_wages_in_the_exercise_year() -> None:
    wages = nso_exercise_wages(VESTED, 2.10, 6.50, 20, income_year(3, None, 4))
    # year 3: price 6.50 x 1.2^2 = 9.36; 45,000 vested by then x (9.36 - 2.10) = 45,000 x 7.26 = 326,700
    # year 4: price 6.50 x 1.2^3 = 11.232; the 15,000 vesting then x 9.132 = 136,980
    assert wages == pytest.approx((0, 0, 326_700, 136_980))


def test_nso_exercise_year_defaults_to_the_liquidity_year() -> None:
    assert income_year(None, 2, 4) == 2
    assert income_year(1, 2, 4) == 1  # exercise_year wins
    # year 2: 30,000 vested x (7.80 - 2.10) = 30,000 x 5.70 = 171,000; then 108,900 and 136,980 as they vest
    wages = nso_exercise_wages(VESTED, 2.10, 6.50, 20, income_year(None, 2, 4))
    assert wages == pytest.approx((0, 171_000, 108_900, 136_980))


def test_no_exercise_within_the_horizon_taxes_nothing_shown_and_says_so() -> None:
    assert income_year(None, None, 4) is None
    assert income_year(None, 6, 4) is None
    assert nso_exercise_wages(VESTED, 2.10, 6.50, 20, None) == (0, 0, 0, 0)
    note = timing_note("options", None, exercise_year=None, horizon=4)
    assert "no such year within the 4 years shown" in note
    assert timing_note("options", 3, exercise_year=3, horizon=4) == (
        "the options' spread is wages in year 3 (equity.exercise_year), not as they vest")


def test_double_trigger_rsus_are_income_only_at_liquidity() -> None:
    # 100,000 of RSUs, 4y even, +10%/yr: vests 25,000; 27,500; 30,250; 33,275 (25,000 x 1.1^(y-1))
    vested = [25_000, 27_500, 30_250, 33_275]
    # liquidity in year 3: 75% of the grant settles at the year-3 price, 3 x 25,000 x 1.21 = 90,750
    #   (= 25,000 x 1.1^2 + 27,500 x 1.1 + 30,250 = 30,250 + 30,250 + 30,250); year 4 vests as it comes
    assert double_trigger_income(vested, 10, 3) == pytest.approx((0, 0, 90_750, 33_275))
    assert double_trigger_income(vested, 10, None) == (0, 0, 0, 0)
    assert double_trigger_income(vested, 10, 5) == (0, 0, 0, 0)  # after the horizon


# --- validation --------------------------------------------------------------------------------------------------

def test_probability_given_as_percent_suggests_the_fraction() -> None:
    assert check_private_terms({"liquidity_probability": 30}) == [
        "equity.liquidity_probability: must be between 0 and 1 (got 30; did you mean 0.30?)"]
    assert check_private_terms({"liquidity_probability": -0.1}) == [
        "equity.liquidity_probability: must be between 0 and 1 (got -0.1)"]


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("dilution_percent_per_round", 95, "must be between 0 and 90 percent (got 95)"),
        ("dilution_percent_per_round", float("nan"), "must be a finite number (got nan)"),
        ("rounds_to_exit", 11, "must be between 0 and 10 rounds (got 11)"),
        ("rounds_to_exit", 2.5, "must be a whole number of rounds (got 2.5)"),
        ("rounds_to_exit", True, "must be a whole number of rounds (got True)"),
        ("exercise_window_days", 4000, "must be between 0 and 3650 days (got 4000)"),
        ("preferred_price", 0, "must be a positive, finite price per share (got 0)"),
        ("liquidity_probability", "0.3", "must be a finite number (got '0.3')"),
        ("exercise_year", 0, "must be between 1 and 50 years (got 0)"),
    ],
)
def test_out_of_range_values_name_the_field(key: str, value: object, message: str) -> None:
    assert check_private_terms({key: value}) == [f"equity.{key}: {message}"]


def test_exit_prices_must_be_positive_and_finite() -> None:
    assert check_private_terms({"exit_prices": [10, -1, float("inf")]}) == [
        "equity.exit_prices[1]: must be a positive, finite price per share (got -1)",
        "equity.exit_prices[2]: must be a positive, finite price per share (got inf)",
    ]
    assert check_private_terms({"exit_prices": 10})[0].startswith("equity.exit_prices: must be a list")


def test_valid_terms_pass() -> None:
    table = {"liquidity_probability": 0.3, "dilution_percent_per_round": 15, "rounds_to_exit": 2,
             "preferred_price": 12.0, "exercise_window_days": 90, "exit_prices": [10, 20], "exercise_year": 3}
    assert check_private_terms(table) == []


def test_keys_that_do_not_fit_the_kind() -> None:
    assert check_private_terms({"double_trigger": True}, kind="options") == [
        "equity.double_trigger: is for kind = 'rsu' (options are taxed at exercise)"]
    assert check_private_terms({"exercise_window_days": 90}, kind="rsu") == [
        "equity.exercise_window_days: is for kind = 'options'"]


def test_likely_mistakes_are_warnings() -> None:
    assert private_terms_warnings({"dilution_percent_per_round": 0.15, "exercise_window_days": 7}) == [
        "equity.dilution_percent_per_round: 0.15 looks like a fraction; it is read as 0.15%: did you mean 15?",
        "equity.exercise_window_days: 7 days looks like years; did you mean 2555 (7 x 365 days)?",
    ]


def test_public_companies_refuse_private_only_keys() -> None:
    assert "liquidity_probability" in PRIVATE_ONLY_KEYS
    assert "exercise_window_days" not in PRIVATE_ONLY_KEYS  # public options have a window too
    assert public_company_errors({"liquidity_probability": 0.3, "exercise_window_days": 90}) == [
        "equity.liquidity_probability: only for private companies (company.public = false); a public company's "
        "shares can be sold, so remove it"]


def test_preferred_price_is_reported_not_used() -> None:
    note = preferred_price_note(12.0, 6.50)
    assert note is not None
    assert "preferred price 12" in note
    assert "never used as the common's value (the common's 409A price is 6.50)" in note
    assert preferred_price_note(None, 6.50) is None


def test_defaults_file_records_a_source_for_every_default() -> None:
    defaults = load_defaults()
    for key in ("dilution_percent_per_round", "rounds_to_exit", "exercise_window_days", "double_trigger"):
        d = defaults.get(key)
        assert d.value is not None
        assert "http" in d.source, key


def test_published_exercise_windows_for_negotiation() -> None:
    verified = published_exercise_windows(verified_only=True)
    assert [(w.company, w.window_years) for w in verified] == [("Coinbase", 7), ("Pinterest", 7)]
    assert all(w.url.startswith("https://") for w in published_exercise_windows())
    assert ("Quora", 10) in [(w.company, w.window_years) for w in published_exercise_windows()]
