"""market/ageing.py: index factors worked out by hand from data/market/indices/*.toml.

ECI (SA, points on the 12th of the quarter's last month): 2025-Q1 171.847 (derived), 2025-Q2 173.565 (derived),
2025-Q3 174.954, 2025-Q4 176.233, 2026-Q1 177.498 (published; the last).
AWE regular pay (15th of the month): 2024-08 648, 2024-11 660, 2025-06 679 (published), 2026-06 702.765 (derived,
the last). SEPH (15th): 2023-01 1,182.47 (first), 2023-12 1,219.55, 2024-01 1,225.25, 2026-02 1,338.24 (last).
Nominallohnindex (1 July): 2023 91.052, 2024 95.969 (derived), 2025 100 (base, the last).
"""

from __future__ import annotations

import datetime as dt

import pytest

from offercheck.market.ageing import aged, period_date, series

D = dt.date


@pytest.mark.parametrize(("text", "day"), [
    ("May 2025", D(2025, 5, 15)),
    ("April 2025 (provisional)", D(2025, 4, 15)),
    ("2023-24", D(2024, 1, 1)),
    ("2023-2024", D(2024, 1, 1)),
    ("31 December 2023", D(2023, 12, 31)),
    ("2023-12-31", D(2023, 12, 31)),
    ("2024", D(2024, 7, 1)),
    ("2025-Q2", D(2025, 5, 15)),
    ("2025-06", D(2025, 6, 15)),
    # 6 April 2024 .. 5 April 2025 is 364 days; half is 182 days: 6 April 2024 + 182 days = 5 October 2024
    ("6 April 2024 to 5 April 2025", D(2024, 10, 5)),
])
def test_the_date_rule_of_reference_periods(text: str, day: dt.date) -> None:
    assert period_date(text) == day


def test_an_unreadable_period_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot read"):
        period_date("sometime")


def test_eci_between_published_values_only() -> None:
    # 12 September 2025 = the 2025-Q3 point 174.954; 12 March 2026 = 2026-Q1 177.498: 177.498 / 174.954 = 1.014541
    a = aged("US", "12 September 2025", D(2026, 3, 12))
    assert a.factor == pytest.approx(1.014541, abs=1e-6) and not a.extrapolated and a.index == "ECI"


def test_eci_from_may_2025_to_a_2026_date() -> None:
    # from 2025-05-15: 64 of the 92 days from 2025-03-12 to 2025-06-12: 171.847 + 1.718 x 64/92 = 173.04213
    # to 2026-02-01: 51 of the 90 days from 2025-12-12 to 2026-03-12: 176.233 + 1.265 x 51/90 = 176.94983
    # factor 176.94983 / 173.04213 = 1.022582
    a = aged("US", "May 2025", D(2026, 2, 1))
    assert a.index_from == pytest.approx(173.04213, abs=1e-5)
    assert a.factor == pytest.approx(1.022582, abs=1e-6)
    assert a.as_dict() == {"index": "ECI", "from": "May 2025", "to": "2026-02-01", "factor": a.factor,
                           "source": a.source, "extrapolated": False}


def test_eci_past_the_last_published_value_carries_the_last_year_forward() -> None:
    # last 2026-03-12 177.498; a year before, 2025-03-12, 171.847; 264 days to 2026-12-01:
    # 177.498 x (177.498 / 171.847)^(264/365) = 181.70076; factor 181.70076 / 173.04213 = 1.050038
    a = aged("US", "May 2025", D(2026, 12, 1))
    assert a.extrapolated and a.last_period == "2026-Q1 (published)"
    assert a.index_to == pytest.approx(181.70076, abs=1e-4)
    assert a.factor == pytest.approx(1.050038, abs=1e-6)
    assert a.text() == ("aged by ECI x1.050 from May 2025 (2025-05-15) to 2026-12-01, extrapolated past 2026-Q1 "
                        "(published)")


def test_awe_from_the_middle_of_the_ashe_tax_year() -> None:
    # from 2024-10-05: 51 of the 92 days from 2024-08-15: 648 + 12 x 51/92 = 654.65217; to 2025-06-15: 679
    # factor 679 / 654.65217 = 1.037192
    a = aged("GB", "6 April 2024 to 5 April 2025", D(2025, 6, 15))
    assert a.factor == pytest.approx(1.037192, abs=1e-6) and not a.extrapolated


def test_awe_extrapolated_past_the_last_derived_point() -> None:
    # last 2026-06-15 702.765 (derived); 2025-06-15 679; 169 days to 2026-12-01:
    # 702.765 x (702.765 / 679)^(169/365) = 714.04850; factor 714.04850 / 654.65217 = 1.090730
    a = aged("GB", "6 April 2024 to 5 April 2025", D(2026, 12, 1))
    assert a.factor == pytest.approx(1.090730, abs=1e-6)
    assert a.extrapolated and a.last_period == "2026-06 (derived)"


def test_the_derived_awe_points_follow_the_stated_method() -> None:
    # 2025-09: level 2024-09-15 = 648 + 12 x 31/92 = 652.04348, x (1 + 4.6/100) = 682.0375
    points = {p.period: p for p in series("GB").points}
    assert points["2025-09"].value == pytest.approx(682.037, abs=1e-3) and points["2025-09"].status == "derived"
    assert points["2026-06"].value == pytest.approx(679 * 1.035, abs=1e-3)  # 2025-06 published x (1 + 3.5/100)
    assert points["2025-06"].status == "published"


def test_seph_from_job_bank_pooled_years() -> None:
    # "2023-2024" -> 2024-01-01: 17 of the 31 days from 2023-12-15: 1,219.55 + 5.70 x 17/31 = 1,222.67581
    # to 2026-02-15 (the last point) 1,338.24: factor 1,338.24 / 1,222.67581 = 1.094517
    assert aged("CA", "2023-2024", D(2026, 2, 15)).factor == pytest.approx(1.094517, abs=1e-6)


def test_seph_before_the_first_value_carries_the_first_year_back() -> None:
    # "2021" -> 2021-07-01, 563 days before 2023-01-15 (1,182.47); a year on, 2024-01-15: 1,225.25:
    # 1,182.47 / (1,225.25 / 1,182.47)^(563/365) = 1,119.39360; to 2026-02-15 1,338.24: factor 1.195504
    a = aged("CA", "2021", D(2026, 2, 15))
    assert a.factor == pytest.approx(1.195504, abs=1e-6)
    assert a.extrapolated and a.beyond == ("before 2023-01",)


def test_nominallohnindex_annual_points_and_extrapolation() -> None:
    # 2023 -> 1 July 2023 = 91.052; 1 July 2025 = 100: factor 100 / 91.052 = 1.098274
    assert aged("DE", "2023", D(2025, 7, 1)).factor == pytest.approx(1.098274, abs=1e-6)
    # to 1 July 2026: 100 x (100 / 95.969)^(365/365) = 104.20032; / 91.052 = 1.144405
    a = aged("DE", "2023", D(2026, 7, 1))
    assert a.factor == pytest.approx(1.144405, abs=1e-6) and a.extrapolated


def test_no_index_for_a_country_without_one() -> None:
    with pytest.raises(ValueError, match="no wage index"):
        aged("PL", "2024", D(2026, 1, 1))
