"""The compensation engine against hand-computed numbers."""

from __future__ import annotations

from typing import Any

import pytest

from offercheck.offer.models import VESTING_PRESETS, Offer
from offercheck.pay.comp import pay_by_year, pay_in_year


def make(**tables: Any) -> Offer:
    data: dict[str, Any] = {"offer": {"company": "Acme"}, "salary": {"base": 100000}}
    data.update(tables)
    return Offer.model_validate(data)


def test_base_with_annual_raise() -> None:
    offer = make(salary={"base": 100000, "annual_raise_percent": 3})
    assert [round(y.base, 2) for y in pay_by_year(offer, 3)] == [100000, 103000, 106090]


def test_bonus_percent_follows_that_years_base() -> None:
    offer = make(salary={"base": 100000, "annual_raise_percent": 3}, bonus={"target_percent": 15})
    assert pay_in_year(offer, 2).bonus == pytest.approx(15450)


def test_bonus_amount_is_fixed() -> None:
    offer = make(bonus={"amount": 20000})
    assert [y.bonus for y in pay_by_year(offer, 2)] == [20000, 20000]


def test_sign_on_single_amount_and_relocation_in_year_one() -> None:
    offer = make(sign_on={"amount": 30000, "relocation": 10000})
    assert [y.sign_on for y in pay_by_year(offer, 2)] == [40000, 0]
    assert pay_in_year(offer, 1).relocation == 10000


def test_sign_on_per_year_amounts() -> None:
    offer = make(sign_on={"amounts": [20000, 10000], "relocation": 5000})
    assert [y.sign_on for y in pay_by_year(offer, 3)] == [25000, 10000, 0]


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        ("4y-even", [25000, 25000, 25000, 25000, 0]),
        ("4y-cliff-1y", [25000, 25000, 25000, 25000, 0]),
        ("amazon", [5000, 15000, 40000, 40000, 0]),
        ("google-front", [33000, 33000, 22000, 12000, 0]),
        ("3y-even", [33340, 33330, 33330, 0, 0]),
    ],
)
def test_rsu_vesting_presets(preset: str, expected: list[float]) -> None:
    offer = make(equity={"grant_value": 100000, "vesting": preset})
    assert [y.equity for y in pay_by_year(offer, 5)] == pytest.approx(expected)


def test_every_preset_is_tested() -> None:
    assert set(VESTING_PRESETS) == {"4y-even", "4y-cliff-1y", "amazon", "google-front", "3y-even"}


def test_custom_schedule() -> None:
    offer = make(equity={"grant_value": 200000, "schedule": [10, 20, 30, 40]})
    assert [y.equity for y in pay_by_year(offer, 4)] == pytest.approx([20000, 40000, 60000, 80000])


def test_rsu_by_shares_and_price_with_growth() -> None:
    # 1,000 shares at $100 = $100,000; amazon year 3 = 40% at a price grown 10% twice: 40,000 * 1.21.
    offer = make(equity={"shares": 1000, "share_price": 100, "vesting": "amazon", "annual_growth_percent": 10})
    assert pay_in_year(offer, 3).equity == pytest.approx(48400)


def test_refreshers_vest_on_the_same_schedule() -> None:
    offer = make(equity={"grant_value": 0, "vesting": "4y-even", "refresh_annual": 40000})
    # Granted at the start of years 2, 3, 4; each vests 10,000 a year.
    assert [y.equity for y in pay_by_year(offer, 4)] == pytest.approx([0, 10000, 20000, 30000])
    assert pay_in_year(offer, 4).equity_refresh == pytest.approx(30000)


def test_refreshers_grow_from_their_grant_year() -> None:
    offer = make(equity={"grant_value": 0, "vesting": "4y-even", "refresh_annual": 40000, "annual_growth_percent": 10})
    # Year 3: the year-2 grant's second tranche (10,000 * 1.1) plus the year-3 grant's first (10,000).
    assert pay_in_year(offer, 3).equity == pytest.approx(21000)


def test_options_intrinsic_value() -> None:
    offer = make(equity={"kind": "options", "shares": 10000, "strike": 2, "fmv": 5, "vesting": "4y-cliff-1y"})
    # 2,500 shares a year at (5 - 2).
    assert pay_in_year(offer, 1).equity == pytest.approx(7500)


def test_underwater_options_are_worth_nothing_until_the_price_passes_the_strike() -> None:
    offer = make(
        equity={
            "kind": "options",
            "shares": 10000,
            "strike": 2,
            "fmv": 1.5,
            "vesting": "4y-even",
            "annual_growth_percent": 100,
        }
    )
    # Year 1: fmv 1.5 < strike, 0 (never negative). Year 2: fmv 3.0, 2,500 * (3 - 2).
    assert [y.equity for y in pay_by_year(offer, 2)] == pytest.approx([0, 2500])


def test_benefits() -> None:
    offer = make(
        benefits={
            "retirement_match_percent": 4,
            "health_annual": 8000,
            "espp_discount_percent": 15,
            "espp_contribution_percent": 10,
            "pto_days": 25,
            "other_annual": 1000,
        }
    )
    y = pay_in_year(offer, 1)
    assert y.retirement_match == pytest.approx(4000)
    # 10% of 100,000 contributed buys at 85%: gain 10,000 * 0.15 / 0.85.
    assert y.espp == pytest.approx(1764.7058823529)
    assert y.benefits == pytest.approx(4000 + 8000 + 1764.7058823529 + 1000)


def test_pto_is_not_added_to_total() -> None:
    assert pay_in_year(make(benefits={"pto_days": 30}), 1).total == 100000


def test_total_is_the_sum_of_components() -> None:
    offer = make(
        bonus={"target_percent": 10},
        sign_on={"amount": 5000},
        equity={"grant_value": 40000, "vesting": "4y-even"},
        benefits={"health_annual": 3000},
    )
    y = pay_in_year(offer, 1)
    assert y.total == pytest.approx(100000 + 10000 + 5000 + 10000 + 3000)


def test_scaled_converts_every_amount_but_not_the_year() -> None:
    y = pay_in_year(make(bonus={"amount": 10000}), 2).scaled(0.5)
    assert (y.year, y.base, y.bonus, y.total) == (2, 50000, 5000, 55000)
