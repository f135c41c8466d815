"""With --after-tax a private grant is taxed when it becomes income (issue 17): NSOs at exercise, double-trigger
RSUs at liquidity; public equity stays taxed at vest. Every expected tax is the country estimator called directly on
wages worked out by hand below."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from offercheck.api import compare
from offercheck.offer.loading import load_offer
from offercheck.pay.equity import View
from offercheck.results import Evaluation
from offercheck.tax.engine import LATEST_TAX_YEAR
from offercheck.tax.registry import estimate_tax
from tests.conftest import private_grant

BASE = 175_000.0  # no raise, bonus, sign-on or ESPP: base is the only other wage


def _us(wages: float) -> float:
    return estimate_tax(country="US", subdivision="NY", city="New York", filing_status="single",
                        tax_year=LATEST_TAX_YEAR, wages=wages).total


def _taxed(write_offer: Callable[..., Path], view: View, *, public: str = "false", extra: str = "",
           ) -> Evaluation:
    offer = load_offer(write_offer(private_grant(extra, public)))
    c = compare([offer], equity=view, after_tax=True, market=False)
    return c.evaluations[0]


def test_nso_spread_is_wages_in_the_exercise_year(write_offer: Callable[..., Path]) -> None:
    e = _taxed(write_offer, "paper", extra="exercise_year = 3")
    # Year 3: 45,000 shares vested by then x (6.50 x 1.2^2 - 2.10) = 45,000 x (9.36 - 2.10) = 45,000 x 7.26
    # = 326,700. Year 4: the 15,000 vesting then x (6.50 x 1.2^3 - 2.10) = 15,000 x (11.232 - 2.10) = 136,980.
    expected = (_us(BASE), _us(BASE), _us(BASE + 326_700), _us(BASE + 136_980))
    assert [t.total for t in e.taxes.years] == pytest.approx(expected, rel=1e-9)
    assert any("year 3 (equity.exercise_year)" in n for n in e.taxes.notes)
    assert any("ISOs and AMT are not modelled" in n for n in e.taxes.notes)


def test_paper_view_taxes_paper_even_with_a_liquidity_probability(write_offer: Callable[..., Path]) -> None:
    e = _taxed(write_offer, "paper", extra="exercise_year = 3\nliquidity_probability = 0.3")
    assert e.taxes.years[2].total == pytest.approx(_us(BASE + 326_700), rel=1e-9)


def test_risk_view_scales_the_exercise_tax(write_offer: Callable[..., Path]) -> None:
    e = _taxed(write_offer, "risk", extra="liquidity_year = 3\nliquidity_probability = 0.3")
    # Risk factor 0.3 x (1 - 16.7/100)^2 (the packaged Carta defaults) = 0.3 x 0.693889 = 0.2081667.
    f = 0.3 * 0.833 ** 2
    expected = _us(BASE) + f * (_us(BASE + 326_700) - _us(BASE))
    assert e.taxes.years[2].total == pytest.approx(expected, rel=1e-9)
    assert any("scaled by the risk factor 0.208167" in n for n in e.taxes.notes)


def test_no_exercise_year_within_the_horizon_means_no_equity_tax(write_offer: Callable[..., Path]) -> None:
    e = _taxed(write_offer, "paper")
    assert [t.total for t in e.taxes.years] == pytest.approx([_us(BASE)] * 4, rel=1e-9)
    assert any("no such year within the 4 years shown" in n for n in e.taxes.notes)


def test_public_options_stay_taxed_at_vest(write_offer: Callable[..., Path]) -> None:
    e = _taxed(write_offer, "paper", public="true")
    # Year 1: 15,000 options vest at 6.50 - 2.10 = 4.40: 66,000 of wages at vest.
    assert e.taxes.years[0].total == pytest.approx(_us(BASE + 66_000), rel=1e-9)


# The same company's double-trigger RSUs: 10,000 at 10, +10%/yr, liquidity in year 2.
RSU = private_grant(grant='kind = "rsu"\nshares = 10000\nshare_price = 10\nannual_growth_percent = 10\n'
                          'liquidity_year = 2')


def test_double_trigger_rsus_are_income_at_liquidity(write_offer: Callable[..., Path]) -> None:
    offer = load_offer(write_offer(RSU))  # double_trigger: the packaged default (true)
    e = compare([offer], equity="paper", after_tax=True, market=False).evaluations[0]
    # 2,500 shares vest a year. Year 1 vest 2,500 x 10 settles at liquidity (year 2) at 2,500 x 11 = 27,500;
    # year 2's own 2,500 x 11 = 27,500: 55,000 in year 2. Year 3: 2,500 x 12.1 = 30,250; year 4: 2,500 x 13.31.
    expected = (_us(BASE), _us(BASE + 55_000), _us(BASE + 30_250), _us(BASE + 33_275))
    assert [t.total for t in e.taxes.years] == pytest.approx(expected, rel=1e-9)
