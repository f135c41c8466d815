"""The horizon of ``pay_by_year`` (issue 27 item 15): linear in its length, bounded, and checked.

Refreshers were summed from the first one for every year, quadratic in the horizon (10,000 years took 218 s);
compound growth overflowed into a raw OverflowError at 2,000 years; ``years=True`` meant one year. The checks are
in ``pay.comp``, the library's pay entry point, so every caller (the api included) inherits them.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import offercheck
from offercheck.offer.models import Offer
from offercheck.pay import vesting
from offercheck.pay.comp import pay_by_year, pay_in_year
from offercheck.pay.vesting import equity_vested
from tests.cli.test_properties import PROPERTY, offer_dicts, schedules


def offer(raise_percent: float = 0, **equity: Any) -> Offer:
    table = {"grant_value": 400_000, "vesting": "amazon", "refresh_annual": 50_000, "annual_growth_percent": 10,
             **equity}
    return Offer.model_validate({"offer": {"company": "Acme"}, "location": {"country": "US"},
                                 "salary": {"base": 150_000, "annual_raise_percent": raise_percent},
                                 "benefits": {"retirement_match_percent": 4}, "equity": table})


def test_ten_thousand_years_take_well_under_a_second() -> None:
    o = offer(raise_percent=3)
    start = time.perf_counter()
    years = pay_by_year(o, 10_000)
    took = time.perf_counter() - start
    assert len(years) == 10_000 and took < 1.0, f"{took:.2f} s"
    # The steady state of one 50,000 refresher a year on amazon's 5/15/40/40 at +10% a year: each year pays one
    # tranche of each of the last four refreshers, 50,000 * (0.05 + 0.15 * 1.1 + 0.40 * 1.1^2 + 0.40 * 1.1^3).
    assert years[-1].equity == pytest.approx(50_000 * (0.05 + 0.15 * 1.1 + 0.40 * 1.21 + 0.40 * 1.331))
    assert years[-1].equity == years[-1].equity_refresh  # the grant itself vested long ago


def test_the_vesting_work_grows_linearly_with_the_horizon(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted, not timed: calls of the engine's innermost function for 1,000 and for 2,000 years."""
    calls = 0
    inner = vesting.vested_by_year

    def counted(*args: Any, **kwargs: Any) -> list[float]:
        nonlocal calls
        calls += 1
        return inner(*args, **kwargs)

    monkeypatch.setattr(vesting, "vested_by_year", counted)
    o = offer()
    counts = []
    for years in (1_000, 2_000):
        calls = 0
        pay_by_year(o, years)
        counts.append(calls)
    assert counts[1] <= 2 * counts[0] + 10, counts  # quadratic would be 4x
    # A single year's window, even far out, asks only about the refreshers still vesting then.
    calls = 0
    equity_vested(o.equity, 12 * 5_000, after=12 * 4_999)
    assert calls <= 6, calls


@st.composite
def refreshed_offers(draw: st.DrawFn) -> Offer:
    data = draw(offer_dicts())
    equity = data.get("equity", {"grant_value": 1000})
    equity["refresh_annual"] = draw(st.integers(1, 10**6))
    choice = draw(st.sampled_from(["none", "preset", "list"]))
    if choice == "preset":
        equity["refresh_vesting"] = draw(st.sampled_from(["4y-even", "4y-cliff-1y", "amazon", "google-front"]))
    elif choice == "list":
        equity["refresh_vesting"] = draw(schedules())
    data["equity"] = equity
    return Offer.model_validate(data)


@PROPERTY
@given(refreshed_offers(), st.integers(1, 40))
def test_the_linear_sum_is_the_window_by_window_sum_to_the_last_bit(o: Offer, years: int) -> None:
    """pay_by_year adds every refresher once per year of its life; equity_vested a window at a time. Same floats."""
    for y in pay_by_year(o, years, "paper"):
        assert (y.equity_paper, y.equity_refresh) == equity_vested(o.equity, 12 * y.year, after=12 * (y.year - 1))
        assert y == pay_in_year(o, y.year, "paper")


def test_compound_growth_past_any_pay_is_a_clear_error_naming_the_argument() -> None:
    # 150,000 * 1.5^(y - 1) passes 1e200 in year 1,108 (1.5^1,107 = 10^194.9), and a float near year 1,722: 2,000
    # raised OverflowError. The message names the argument, the field that grows, and the year.
    with pytest.raises(ValueError, match=r"years: 2,000 is too long for salary.annual_raise_percent = 50: the base "
                                         r"would pass 1e\+200 in year 1,108"):
        pay_by_year(offer(raise_percent=50), 2000)
    assert len(pay_by_year(offer(raise_percent=50), 1000)) == 1000  # 1.5^999 * 150,000 is about 1e181: computed


@pytest.mark.parametrize(("years", "message"), [
    (True, "years: must be a whole number, got True"),
    (False, "years: must be a whole number, got False"),
    (2.0, "years: must be a whole number, got 2.0"),
    ("4", "years: must be a whole number, got '4'"),
    (None, "years: must be a whole number, got None"),
    (0, "years: must be from 1 to 10,000, got 0"),
    (-3, "years: must be from 1 to 10,000, got -3"),
    (10_001, "years: must be from 1 to 10,000, got 10,001"),
], ids=["True", "False", "float", "str", "None", "0", "negative", "10001"])
def test_a_bad_horizon_is_a_value_error_naming_it(years: Any, message: str) -> None:
    with pytest.raises(ValueError) as e:
        pay_by_year(offer(), years)
    assert str(e.value) == message


def test_an_unknown_view_is_refused() -> None:
    # "papr" silently meant the risk view.
    with pytest.raises(ValueError, match="view: must be one of 'risk', 'paper', got 'papr'"):
        pay_by_year(offer(), 4, "papr")  # type: ignore[arg-type]


def test_the_public_compare_inherits_the_checks() -> None:
    offers = [offer(raise_percent=50)]
    with pytest.raises(ValueError, match="years: must be a whole number, got True"):
        offercheck.compare(offers, years=True)
    with pytest.raises(ValueError, match="years: 2,000 is too long"):
        offercheck.compare(offers, years=2000)
    with pytest.raises(ValueError, match="years: must be from 1 to 10,000, got 10,001"):
        offercheck.compare(offers, years=10_001)
