"""DE: BA Entgeltatlas anchors, worked out by hand from data/market/official/entgeltatlas_2023.toml and
entgeltatlas_land_ratios.toml:

KldB 43414 (Softwareentwicklung, Experte), Deutschland, 31 Dec 2023: p25 4,703, p50 5,858 EUR a month, p75 above
the ceiling (7,100), 190,601 employees. Ratios (derived, 2024, all occupations): Berlin 1.0461 (4198 / 4013),
Bayern 1.0381 (4166 / 4013). Annual = monthly x 12. z(0.75)/z(0.25) = -1; z(0.90)/z(0.75) = 1.28155/0.67449.
"""

from __future__ import annotations

import pytest

from offercheck.market.anchors.entgeltatlas import DEUTSCHLAND, entgeltatlas, land_ratio
from offercheck.market.anchors.model import DERIVED, PUBLISHED, NoOfficialFigure

BERLIN, BAYERN, NRW = "11", "09", "05"


def test_national_quartiles_are_monthly_times_12() -> None:
    # 4,703 x 12 = 56,436; 5,858 x 12 = 70,296
    pay = entgeltatlas("43414")
    assert pay.figure("p25").value == 56436 and pay.figure("p50").value == 70296
    assert pay.published == ("p25", "p50") and pay.n == 190601 and pay.currency == "EUR"
    assert pay.area.code == DEUTSCHLAND and pay.reference_period == "31 December 2023" and pay.pay_period == "2023"


def test_the_censored_upper_quartile_is_derived_from_the_uncensored_ones() -> None:
    # p75 is not a value (above 7,100): log-normal through p25 and p50, z(0.75) = -z(0.25):
    # p75 = 5,858^2 / 4,703 = 7,296.65 a month (above the ceiling, as it must be) -> x 12 = 87,559.8
    pay = entgeltatlas("43414")
    p75 = pay.figure("p75")
    assert p75.status == DERIVED and p75.value == pytest.approx(87559.8, abs=0.1)
    assert p75.method == "log-normal through published p25 and p50"
    assert any("p75 is above the contribution ceiling" in n for n in pay.notes)
    # p90 = 5,858 x (5,858 / 4,703)^1.900031 = 8,891.27 a month -> 106,695.2
    assert pay.figure("p90").value == pytest.approx(106695.2, abs=0.5)


def test_berlin_is_the_national_cell_times_the_berlin_ratio() -> None:
    # p50 5,858 x 12 x 1.0461 = 73,536.6; p25 4,703 x 12 x 1.0461 = 59,037.7; p75 87,559.8 x 1.0461 = 91,596.4
    pay = entgeltatlas("43414", BERLIN)
    assert pay.figure("p50").value == pytest.approx(73536.6, abs=0.1)
    assert pay.figure("p25").value == pytest.approx(59037.7, abs=0.1)
    assert pay.figure("p75").value == pytest.approx(91596.4, abs=0.1)
    assert pay.published == () and "Berlin/Deutschland ratio 1.0461 (4198 / 4013" in pay.derived["p50"]
    assert pay.area.name == "Berlin" and pay.area.subdivision == "BE" and pay.n is None


def test_bayern_is_the_national_cell_times_the_bayern_ratio() -> None:
    # p50 5,858 x 12 x 1.0381 = 72,974.3; p25 4,703 x 12 x 1.0381 = 58,586.2
    pay = entgeltatlas("43414", BAYERN)
    assert pay.figure("p50").value == pytest.approx(72974.3, abs=0.1)
    assert pay.figure("p25").value == pytest.approx(58586.2, abs=0.1)


def test_the_newest_ratio_of_a_land_is_used() -> None:
    assert land_ratio(BERLIN) is not None and land_ratio(BERLIN)["year"] == 2024  # 2022 is shipped too
    assert land_ratio("01") is not None and land_ratio("01")["year"] == 2022  # Schleswig-Holstein: 2022 only
    assert land_ratio(NRW) is None


def test_a_land_without_a_ratio_gets_the_national_figures_and_says_so() -> None:
    pay = entgeltatlas("43414", NRW)
    assert pay.chain == (NRW, DEUTSCHLAND) and pay.figure("p50").value == 70296
    assert pay.figure("p50").status == PUBLISHED
    assert any("no BA pay ratio shipped for Nordrhein-Westfalen" in n for n in pay.notes)


def test_a_cell_with_one_quartile_below_the_ceiling_has_no_distribution() -> None:
    with pytest.raises(NoOfficialFigure, match="no distribution can be derived"):
        entgeltatlas("43494")  # Fuehrungskraefte Softwareentwicklung: p25 6,485, p50 and p75 above the ceiling
    with pytest.raises(NoOfficialFigure, match="does not publish"):
        entgeltatlas("43312")  # suppressed by the BA
