"""``match_base`` exact (DESIGN section 4, issue 25): the year-1 base at which this offer's total equals the other's,
with everything that moves with base moving (raises, a percent bonus, the ESPP gain, the retirement match up to
its 402(g) limit). Each solution is checked by evaluating the offer again at that base, with the pay engine."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from offercheck.api import evaluate
from offercheck.negotiation.gaps import gap_to
from offercheck.negotiation.matching import base_line
from offercheck.offer.loading import load_offer
from offercheck.pay.comp import deferral_limit_usd
from offercheck.results import Evaluation
from tests.conftest import invoke

Write = Callable[..., Path]

NORTHWIND = """[offer]
company = "Northwind"
[location]
country = "US"
[salary]
base = {base}
[benefits]
retirement_match_percent = 5
health_annual = 8000
"""
RIVERBEND = """[offer]
company = "Riverbend"
[location]
country = "US"
[salary]
base = 190000
[bonus]
target_percent = 10
[benefits]
health_annual = 8000
"""


def ev(write_offer: Write, text: str, name: str) -> Evaluation:
    return evaluate(load_offer(write_offer(text, name)), years=4)


def test_northwind_vs_riverbend_moves_the_match_with_base(write_offer: Write) -> None:
    nw = ev(write_offer, NORTHWIND.format(base=150000), "northwind.toml")
    rb = ev(write_offer, RIVERBEND, "riverbend.toml")
    # Northwind a year: 150,000 + 5% match 7,500 + health 8,000 = 165,500; 4 years 662,000.
    # Riverbend a year: 190,000 + 10% bonus 19,000 + 8,000 = 217,000; 4 years 868,000.
    assert (nw.total, rb.total) == (pytest.approx(662000), pytest.approx(868000))
    # Totals match where 4 x (1.05 b + 8,000) = 868,000: b = 209,000 / 1.05 = 199,047.619...; its match 9,952.38 is
    # far below the 24,500 402(g) deferral. Leaving the match out said 150,000 + 206,000 / 4 = 201,500.
    g = gap_to(nw, rb)
    assert g.match_base_average == pytest.approx(209000 / 1.05)
    assert g.match_base_year1 == pytest.approx(209000 / 1.05)  # no raise: year 1 is every year
    # Recomputed by the pay engine at that base, Northwind pays what Riverbend pays.
    again = ev(write_offer, NORTHWIND.format(base=repr(g.match_base_average)), "again.toml")
    assert again.total == pytest.approx(rb.total, abs=1e-6)
    assert rb.total - again.total == pytest.approx(0, abs=1e-6)


def test_the_match_stops_at_the_402g_limit(write_offer: Write) -> None:
    assert deferral_limit_usd() == 24500  # the latest year of the packaged federal data
    mine = ev(write_offer, '[offer]\ncompany = "A"\n[location]\ncountry = "US"\n[salary]\nbase = 180000\n'
                           "[benefits]\nretirement_match_percent = 12\n", "a.toml")
    other = ev(write_offer, '[offer]\ncompany = "B"\n[location]\ncountry = "US"\n[salary]\nbase = 240000\n', "b.toml")
    # Year 1 of A at base b: b + min(12% b, 24,500); the match reaches the limit at b = 24,500 / 0.12 = 204,166.67,
    # where A pays 228,666.67 < 240,000: past the kink, b + 24,500 = 240,000, so b = 215,500 (every year alike).
    # With the match left out: 180,000 + (240,000 - 201,600) = 218,400; with it moving without a limit:
    # 240,000 / 1.12 = 214,285.71. Both are wrong.
    g = gap_to(mine, other)
    assert g.match_base_year1 == pytest.approx(215500)
    assert g.match_base_average == pytest.approx(215500)
    again = ev(write_offer, '[offer]\ncompany = "A"\n[location]\ncountry = "US"\n[salary]\nbase = 215500\n'
                            "[benefits]\nretirement_match_percent = 12\n", "again.toml")
    assert again.years[0].retirement_match == 24500 and again.total == pytest.approx(other.total)


ALL_MOVING = """[offer]
company = "Mover"
[location]
country = "US"
[salary]
base = {base}
annual_raise_percent = 3
[bonus]
target_percent = 10
[sign_on]
amount = 15000
[equity]
grant_value = 80000
vesting = "4y-even"
[benefits]
retirement_match_percent = 6
employee_401k_percent = 12
espp_discount_percent = 15
espp_contribution_percent = 10
health_annual = 5000
"""


def test_raises_bonus_espp_and_a_match_crossing_its_limit_in_the_horizon(write_offer: Write) -> None:
    mine = ev(write_offer, ALL_MOVING.format(base=170000), "mine.toml")
    other = ev(write_offer, '[offer]\ncompany = "Big"\n[location]\ncountry = "US"\n[salary]\nbase = 260000\n'
                            "annual_raise_percent = 4\n[bonus]\ntarget_percent = 15\n[equity]\ngrant_value = 200000\n"
                            'vesting = "4y-even"\n', "big.toml")
    # The deferral is 12% of base, capped at 24,500: the 6% match is 6% of base throughout (6% < 12%), so the
    # limit never binds here; the kink case is above. Raises, bonus and ESPP all move with the year-1 base.
    g = gap_to(mine, other)
    assert g.match_base_year1 is not None and g.match_base_average is not None
    for base, years in ((g.match_base_year1, 1), (g.match_base_average, 4)):
        again = ev(write_offer, ALL_MOVING.format(base=repr(base)), "again.toml")
        assert sum(y.total for y in again.years[:years]) == pytest.approx(
            sum(y.total for y in other.years[:years]), abs=1e-6)


def test_a_match_capped_in_later_years_only(write_offer: Write) -> None:
    text = ('[offer]\ncompany = "A"\n[location]\ncountry = "US"\n[salary]\nbase = {base}\nannual_raise_percent = 5\n'
            "[benefits]\nretirement_match_percent = 14\n")
    mine = ev(write_offer, text.format(base=150000), "a.toml")
    other = ev(write_offer, '[offer]\ncompany = "B"\n[location]\ncountry = "US"\n[salary]\nbase = 185000\n'
                            "annual_raise_percent = 5\n", "b.toml")
    line = base_line(mine)
    kinks = sorted(k for y in line.years if (k := y.kink) is not None)
    # Year y's match reaches 24,500 where 0.14 x b x 1.05^(y-1) = 24,500: b = 175,000 (year 1), 166,666.67,
    # 158,730.16, 151,171.58 (year 4).
    assert kinks == pytest.approx([24500 / 0.14 / 1.05**j for j in (3, 2, 1, 0)])
    # B over 4 years: 185,000 x (1 + 1.05 + 1.1025 + 1.157625) = 185,000 x 4.310125 = 797,373.13.
    # Between 158,730.16 and 166,666.67 years 3-4 are capped, years 1-2 not: A pays
    # 4.310125 b + 0.14 b x (1 + 1.05) + 2 x 24,500 = 4.597125 b + 49,000, which is 797,373.13 at
    # b = 748,373.125 / 4.597125 = 162,791.55: on that segment.
    g = gap_to(mine, other)
    assert g.match_base_average == pytest.approx(748373.125 / 4.597125)
    again = ev(write_offer, text.format(base=repr(g.match_base_average)), "again.toml")
    assert again.total == pytest.approx(other.total, abs=1e-6)
    assert [y.retirement_match == pytest.approx(24500) for y in again.years] == [False, False, True, True]


def test_the_line_passes_through_the_evaluated_total(write_offer: Write) -> None:
    mine = ev(write_offer, ALL_MOVING.format(base=170000), "mine.toml")
    line = base_line(mine)
    assert line.total(170000) == pytest.approx(mine.total)
    assert line.total(170000, 1) == pytest.approx(mine.year1)


def test_no_match_base_against_an_offer_that_pays_less(write_offer: Write) -> None:
    nw = ev(write_offer, NORTHWIND.format(base=250000), "northwind.toml")
    g = gap_to(nw, ev(write_offer, RIVERBEND, "riverbend.toml"))
    assert (g.match_base_year1, g.match_base_average) == (None, None)


def test_the_json_match_base(write_offer: Write) -> None:
    nw = write_offer(NORTHWIND.format(base=150000), "northwind.toml")
    rb = write_offer(RIVERBEND, "riverbend.toml")
    code, out, err = invoke("negotiate", str(nw), "--against", str(rb), "-f", "json")
    assert code == 0, err
    (against,) = json.loads(out)["against"]
    # 209,000 / 1.05 = 199,047.619..., in cents.
    assert against["match_base"] == {"year1": 199047.62, "average": 199047.62}
