"""CA: Job Bank 2025 anchors, worked out by hand from data/market/official/jobbank_2025.toml (hourly CAD):

NOC 21231 Toronto ER3530: low 36.06, q1 43.27, median 56.49, q3 72.12, high 88.94 (Labour Force Survey 2023-2024).
NOC 21231 Edmonton ER4860: low 32.50, median 50.24, high 72.55 (Small Area Estimation 2024: no quartiles).
NOC 21211 Vancouver Island and Coast ER5910: not published ("refer to the provincial level");
NOC 21211 British Columbia ER59: median 48.08. Annual = hourly x 2,080 (40 h x 52 weeks, our convention).
"""

from __future__ import annotations

import pytest

from offercheck.market.anchors.jobbank import CANADA, HOURS_PER_YEAR, jobbank
from offercheck.market.anchors.model import DERIVED, PUBLISHED, NoOfficialFigure


def test_toronto_software_engineer_is_the_published_hourly_figures_times_2080() -> None:
    # 36.06 x 2,080 = 75,004.8; 43.27 x 2,080 = 90,001.6; 56.49 x 2,080 = 117,499.2;
    # 72.12 x 2,080 = 150,009.6; 88.94 x 2,080 = 184,995.2
    pay = jobbank("21231", "ER3530")
    expected = {"p10": 75004.8, "p25": 90001.6, "p50": 117499.2, "p75": 150009.6, "p90": 184995.2}
    assert pay.quantiles() == pytest.approx(expected, abs=0.01)
    assert pay.published == ("p10", "p25", "p50", "p75", "p90")
    assert "56.49 CAD/h x 2,080 h" in pay.figure("p50").method and "our convention" in pay.figure("p50").method
    assert pay.area.name == "Toronto" and pay.chain == ("ER3530",) and pay.currency == "CAD"
    assert pay.reference_period == "2023-2024" and "Labour Force Survey" in pay.source
    assert pay.n is None and HOURS_PER_YEAR == 2080


def test_a_small_area_cell_has_its_quartiles_derived() -> None:
    # p25 from low and median (one each side): 32.50 x (50.24 / 32.50)^((1.28155 - 0.67449) / 1.28155)
    #   = 32.50 x 1.545846^0.473693 = 39.947/h -> x 2,080 = 83,090.9
    # p75 from median and high: 50.24 x (72.55 / 50.24)^(0.67449 / 1.28155) = 50.24 x 1.444068^0.526307
    #   = 60.960/h -> x 2,080 = 126,795.9
    pay = jobbank("21231", "ER4860")
    assert pay.figure("p25").value == pytest.approx(83090.9, abs=0.5)
    assert pay.figure("p75").value == pytest.approx(126795.9, abs=0.5)
    assert pay.figure("p25").status == DERIVED and pay.figure("p10").status == PUBLISHED
    assert pay.derived["p25"] == "log-normal through published p10 and p50"
    assert pay.reference_period == "2024"


def test_an_unpublished_region_uses_its_province_as_job_bank_advises() -> None:
    # ER5910 not published for 21211 -> British Columbia ER59: median 48.08 x 2,080 = 100,006.4
    pay = jobbank("21211", "ER5910")
    assert pay.chain == ("ER5910", "ER59") and pay.borrowed
    assert pay.figure("p50").value == pytest.approx(100006.4, abs=0.01)
    assert any("does not publish" in n and "province" in n for n in pay.notes)


def test_a_region_carrying_its_province_estimate_says_so() -> None:
    pay = jobbank("21211", "ER4860")  # Edmonton: source code 'LFS 2023-24 PR NOC5'
    assert any("province's estimate" in n for n in pay.notes)


def test_national_and_province() -> None:
    # Canada 21231 median 56.49 -> 117,499.2; Ontario ER35 21231 median 56.73 -> 117,998.4
    assert jobbank("21231").figure("p50").value == pytest.approx(117499.2, abs=0.01)
    assert jobbank("21231").area.code == CANADA
    assert jobbank("21231", "ER35").figure("p50").value == pytest.approx(117998.4, abs=0.01)


def test_unknown_occupation_and_area() -> None:
    with pytest.raises(NoOfficialFigure, match="21999"):
        jobbank("21999")
    with pytest.raises(ValueError, match="unknown area code"):
        jobbank("21231", "ER9999")
