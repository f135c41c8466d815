"""The sign-on at stake under a clawback: one sum, used by leave-early and by the clawback talking point."""

from __future__ import annotations

import pytest

from offercheck.offer.models import SignOn
from offercheck.pay.leave_early import clawback_at_stake, sign_on_paid


@pytest.mark.parametrize(("months", "expected"), [
    (1, 10_000), (12, 10_000),  # year 2's amount is paid at month 12, i.e. once month 13 has started
    (13, 15_000), (24, 15_000), (25, 17_000), (60, 17_000),
])
def test_sign_on_paid_by_month(months: int, expected: float) -> None:
    so = SignOn(amounts=(10_000, 5_000, 2_000))
    assert sign_on_paid(so, months) == expected


@pytest.mark.parametrize(("clawback", "expected"), [
    (0, 0),  # no clawback: nothing at stake, relocation included
    (12, 10_000 + 3_000),
    (18, 10_000 + 5_000 + 3_000),
])
def test_clawback_at_stake_adds_relocation(clawback: int, expected: float) -> None:
    so = SignOn(amounts=(10_000, 5_000), relocation=3_000, clawback_months=clawback)
    assert clawback_at_stake(so) == expected
