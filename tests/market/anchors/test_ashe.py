"""GB: ONS ASHE 2025 anchors. Every expectation is worked out by hand from data/market/official/ashe_2025.toml:

UK 2134 (Table 14.7a, full-time): p10 32,835  p25 42,289  p50 56,914  p75 75,794  p90 102,860.
UK 2133 p50 60,288; 2133 regional medians (Table 15 (4).7a): London 74,574, Scotland 49,626, North West 50,685.
East Midlands 2134 p50 49,685 (Table 15, CV 7.9%). UK 2131: p50 58,373, p75 74,823, p90 not published.
"""

from __future__ import annotations

import pytest

from offercheck.market.anchors.ashe import UK, ashe
from offercheck.market.anchors.model import DERIVED, PUBLISHED, NoOfficialFigure

LONDON, SCOTLAND, NORTH_WEST, EAST_MIDLANDS = "E12000007", "S92000003", "E12000002", "E12000004"
NORTHERN_IRELAND = "N92000002"


def test_uk_software_developers_are_the_published_figures() -> None:
    pay = ashe("2134")
    assert pay.quantiles() == {"p10": 32835, "p25": 42289, "p50": 56914, "p75": 75794, "p90": 102860}
    assert pay.published == ("p10", "p25", "p50", "p75", "p90")
    assert pay.currency == "GBP" and pay.area.code == UK and not pay.borrowed
    assert pay.reference_period == "April 2025 (provisional)"
    assert pay.pay_period == "6 April 2024 to 5 April 2025"
    assert pay.annualisation.startswith("none")


def test_london_software_developer_is_uk_2134_times_the_london_ratio_of_2133() -> None:
    # London/UK median ratio of 2133 = 74,574 / 60,288 = 1.236963; x UK 2134:
    # p10 32,835 x 1.236963 = 40,615.7; p25 42,289 x = 52,309.9; p50 56,914 x = 70,400.5;
    # p75 75,794 x = 93,754.3; p90 102,860 x = 127,234.0
    pay = ashe("2134", LONDON)
    expected = {"p10": 40615.7, "p25": 52309.9, "p50": 70400.5, "p75": 93754.3, "p90": 127234.0}
    assert pay.quantiles() == pytest.approx(expected, abs=0.1)
    assert pay.published == () and set(pay.derived) == {"p10", "p25", "p50", "p75", "p90"}
    assert "SOC 2133" in pay.derived["p50"] and "74,574 / 60,288" in pay.derived["p50"]
    assert pay.area.code == LONDON and pay.chain == (LONDON,)
    assert pay.n is None and any("2133" in n and "derived" in n for n in pay.notes)


def test_scotland_software_developer_is_uk_2134_times_the_scotland_ratio_of_2133() -> None:
    # 49,626 / 60,288 = 0.823149; p50 56,914 x 0.823149 = 46,848.7; p90 102,860 x 0.823149 = 84,669.1
    pay = ashe("2134", SCOTLAND)
    assert pay.figure("p50").value == pytest.approx(46848.7, abs=0.1)
    assert pay.figure("p90").value == pytest.approx(84669.1, abs=0.1)
    assert pay.figure("p50").status == DERIVED


def test_another_english_region_north_west() -> None:
    # 50,685 / 60,288 = 0.840715; p50 56,914 x 0.840715 = 47,848.4
    assert ashe("2134", NORTH_WEST).figure("p50").value == pytest.approx(47848.4, abs=0.1)


def test_east_midlands_has_its_own_published_median_and_scaled_quartiles() -> None:
    # p50 published 49,685; ratio 49,685 / 56,914 = 0.872984: p25 42,289 x = 36,917.6; p75 75,794 x = 66,166.9
    pay = ashe("2134", EAST_MIDLANDS)
    assert pay.figure("p50").value == 49685 and pay.figure("p50").status == PUBLISHED
    assert pay.figure("p25").value == pytest.approx(36917.6, abs=0.1)
    assert pay.figure("p75").value == pytest.approx(66166.9, abs=0.1)
    assert pay.published == ("p50",)


def test_a_region_with_all_its_quantiles_published_uses_them() -> None:
    # Major group 2 (Professional occupations), London, Table 3.7a: 34,850 / 44,126 / 57,057 / 77,156 / 107,137
    pay = ashe("2", LONDON)
    assert pay.quantiles() == {"p10": 34850, "p25": 44126, "p50": 57057, "p75": 77156, "p90": 107137}
    assert pay.published == ("p10", "p25", "p50", "p75", "p90")


def test_london_scotland_ratio_of_the_derived_medians_is_that_of_2133() -> None:
    # 74,574 / 49,626 = 1.502720 (the issue: ASHE's London/Scotland ratio is ~1.5)
    ratio = ashe("2134", LONDON).figure("p50").value / ashe("2134", SCOTLAND).figure("p50").value
    assert ratio == pytest.approx(74574 / 49626)
    assert ratio == pytest.approx(1.50272, abs=1e-5)


def test_northern_ireland_falls_back_to_the_uk() -> None:
    pay = ashe("2134", NORTHERN_IRELAND)
    assert pay.chain == (NORTHERN_IRELAND, UK) and pay.borrowed
    assert pay.figure("p50").value == 56914 and pay.requested.name == "Northern Ireland"
    assert any("Northern Ireland" in n for n in pay.notes)


def test_a_uk_quantile_the_ons_suppressed_is_derived() -> None:
    # 2131 p90 (CV > 20%): log-normal through p50 58,373 and p75 74,823 (the nearest, both below):
    # p90 = 74,823 x (74,823 / 58,373)^((1.28155 - 0.67449) / 0.67449) = 74,823 x 1.281825^0.900031 = 93,557.6
    pay = ashe("2131")
    assert pay.figure("p90").value == pytest.approx(93557.6, abs=0.5)
    assert pay.derived == {"p90": "log-normal through published p50 and p75"}
    assert pay.n == 29000  # 29 thousand jobs (zerosumpain's parse of Table 14)


def test_unknown_occupation_and_area() -> None:
    with pytest.raises(NoOfficialFigure, match="9999"):
        ashe("9999")
    with pytest.raises(ValueError, match="unknown area code"):
        ashe("2134", "E12000099")
