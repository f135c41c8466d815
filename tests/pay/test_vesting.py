"""The vesting engine seen two ways: leaving after 12k months must have paid what k years of yearly pay pay.

Leave-early works by months (salary a twelfth a month, vest dates, clawbacks); yearly pay by whole years. The
expectation is taken from yearly pay's components, a different code path from leave-early's sums.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offercheck.offer.models import Offer
from offercheck.pay.comp import pay_by_year
from offercheck.pay.leave_early import leave_early
from offercheck.pay.vesting import vested_by_year
from tests.cli.test_properties import PROPERTY, offers


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6)


@PROPERTY
@given(offers(), st.integers(1, 12))
def test_leaving_after_whole_years_keeps_those_years_of_pay(offer: Offer, k: int) -> None:
    years = pay_by_year(offer, k)
    left = leave_early(offer, 12 * k)
    assert close(left.salary, sum(y.base for y in years))
    assert close(left.bonus, sum(y.bonus for y in years))
    assert close(left.equity, sum(y.equity for y in years))
    paid = sum(y.sign_on for y in years)  # yearly sign-on includes the relocation
    kept = left.sign_on + left.relocation
    if 12 * k < offer.sign_on.clawback_months:
        assert (kept, left.repaid) == (0.0, pytest.approx(paid))
    else:
        assert close(kept, paid) and left.repaid == 0.0


def test_amazon_vests_at_the_cliff_then_every_six_months() -> None:
    # The preset's own comment: 5% at month 12, then 7.5% at months 18 and 24, then 20% every six months.
    plan = Offer.model_validate({"offer": {"company": "A"}, "salary": {"base": 1},
                                 "equity": {"grant_value": 100, "vesting": "amazon"}}).equity
    assert plan is not None
    by_month = {m: sum(vested_by_year(plan.vesting_plan, m)) for m in (11, 12, 17, 18, 24, 30, 48)}
    assert by_month == {11: 0, 12: 5, 17: 5, 18: 12.5, 24: 20, 30: 40, 48: 100}


def test_a_window_counts_only_the_vest_dates_inside_it() -> None:
    plan = Offer.model_validate({"offer": {"company": "A"}, "salary": {"base": 1},
                                 "equity": {"grant_value": 100, "vesting": "4y-even"}}).equity
    assert plan is not None
    # Quarterly, no cliff: months 15 and 18 fall in (12, 18], two quarters of year 2's 25%.
    assert vested_by_year(plan.vesting_plan, 18, after=12) == [0, 12.5, 0, 0]
