"""The ESPP gain under IRC 423(b)(8) (issue 24): at most 25,000 USD of stock, at its fair market value, a year.

Contributions C buy stock at 85% of its fair market value (a 15% discount), so C buys C / 0.85 of stock, capped at
25,000; the gain is 15% of what was bought. Base 400,000 at 15% contributions: 60,000 / 0.85 = 70,588.24 of stock,
capped at 25,000: the gain is 3,750, not 70,588.24 x 0.15 = 10,588.24.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from offercheck.api import evaluate
from offercheck.cli.main import cli
from offercheck.negotiation.matching import base_line
from offercheck.offer.loading import load_offer
from offercheck.pay.comp import espp_note, pay_in_year
from offercheck.tax.aftertax import taxable_wages

Write = Callable[..., Path]

ESPP = """
[offer]
company = "Big"
currency = "{currency}"
[location]
country = "{country}"
{state}
[salary]
base = {base}
annual_raise_percent = {raise_}
[benefits]
espp_discount_percent = {discount}
espp_contribution_percent = {contribution}
"""


def text(*, base: float = 400000, discount: float = 15, contribution: float = 15, country: str = "US",
         raise_: float = 0) -> str:
    currency = {"US": "USD", "GB": "GBP"}[country]
    state = 'state = "TX"' if country == "US" else ""
    return ESPP.format(base=base, discount=discount, contribution=contribution, country=country, currency=currency,
                       state=state, raise_=raise_)


def test_the_gain_is_capped_at_25000_of_stock(write_offer: Write) -> None:
    offer = load_offer(write_offer(text()))
    y = pay_in_year(offer, 1)
    assert y.espp == pytest.approx(25000 * 0.15)  # 3,750
    assert y.benefits == pytest.approx(3750) and y.total == pytest.approx(403750)
    assert taxable_wages(y) == pytest.approx(403750)  # taxes see the capped gain too
    note = espp_note(offer, 4)
    assert note is not None and "26 USC 423(b)(8)" in note and "3,750 USD a year" in note
    assert "not 10,588 (year 1)" in note and "every year" in note


def test_below_the_limit_nothing_changes(write_offer: Write) -> None:
    # 100,000 at 10%: 10,000 / 0.85 = 11,764.71 of stock, gain 1,764.71.
    offer = load_offer(write_offer(text(base=100000, contribution=10)))
    assert pay_in_year(offer, 1).espp == pytest.approx(10000 / 0.85 * 0.15)
    assert espp_note(offer, 4) is None


def test_the_limit_binds_from_the_year_a_raise_crosses_it(write_offer: Write) -> None:
    # 210,000 at 10%, +3% a year: 24,705.88 of stock in year 1, 25,447.06 in year 2 (capped).
    offer = load_offer(write_offer(text(base=210000, contribution=10, raise_=3)))
    years = [pay_in_year(offer, y) for y in (1, 2)]
    assert years[0].espp == pytest.approx(21000 / 0.85 * 0.15)
    assert years[1].espp == pytest.approx(3750)
    note = espp_note(offer, 4)
    assert note is not None and "from year 2" in note


def test_no_us_limit_outside_the_us_or_above_a_423_discount(write_offer: Write) -> None:
    uk = load_offer(write_offer(text(country="GB"), "uk.toml"))
    assert pay_in_year(uk, 1).espp == pytest.approx(60000 / 0.85 * 0.15)  # 10,588.24
    assert espp_note(uk, 4) is None
    # A 20% discount is more than a section 423 plan may give (423(b)(6)): no statutory limit, and it says so.
    deep = load_offer(write_offer(text(discount=20), "deep.toml"))
    assert pay_in_year(deep, 1).espp == pytest.approx(60000 / 0.80 * 0.20)
    note = espp_note(deep, 4)
    assert note is not None and "423(b)(6)" in note


def test_totals_and_json_agree_and_say_it(runner: CliRunner, write_offer: Write) -> None:
    result = runner.invoke(cli, ["compare", str(write_offer(text())), "--years", "1", "--after-tax", "-f", "json"])
    assert result.exit_code == 0, result.output
    o = json.loads(result.stdout)["offers"][0]
    year = o["years"][0]
    assert year["benefits"] == 3750 and year["total"] == 403750
    assert year["take_home"] == pytest.approx(year["net"] - 3750, abs=0.01)
    assert any("423(b)(8)" in n for n in o["pay_notes"])


def test_match_base_is_exact_across_the_espp_kink(write_offer: Write) -> None:
    # 10% contributions reach 25,000 of stock at a base of 212,500: the total is linear below and above it.
    e = evaluate(load_offer(write_offer(text(base=180000, contribution=10))), years=1)
    line = base_line(e)
    assert line.years[0].kinks == pytest.approx((212500,))
    for b in (180000, 212500, 250000):
        again = evaluate(load_offer(write_offer(text(base=b, contribution=10), "again.toml")), years=1)
        assert line.total(b, 1) == pytest.approx(again.total, abs=1e-6)
    target = 250000 + 3750
    assert line.solve(target, 1) == pytest.approx(250000)
