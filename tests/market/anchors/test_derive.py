"""The one derivation method (market/anchors/derive.py), checked on numbers worked out by hand.

Normal scores used by hand: z(0.10) = -1.28155, z(0.25) = -0.67449, z(0.50) = 0, z(0.75) = 0.67449,
z(0.90) = 1.28155 (standard normal table).
"""

from __future__ import annotations

import math

import pytest

from offercheck.market.anchors.derive import filled, lognormal_quantile, scaled
from offercheck.market.anchors.model import DERIVED, PUBLISHED, Figure, NoOfficialFigure


def _published(**values: float) -> dict[int, Figure]:
    return {int(k[1:]): Figure(k, v, PUBLISHED) for k, v in values.items()}


def test_a_quantile_beyond_the_quartiles_mirrors_the_lower_one() -> None:
    # p75 from p25 = 100 and p50 = 120 (the two nearest, both below): z(0.75) = -z(0.25), so
    # ln p75 = ln 120 + (ln 120 - ln 100) -> p75 = 120^2 / 100 = 144.
    value, method = lognormal_quantile({25: 100.0, 50: 120.0}, 75)
    assert value == pytest.approx(144.0)
    assert method == "log-normal through published p25 and p50"


def test_a_missing_median_between_p10_and_p90_is_their_geometric_mean() -> None:
    # z(0.1) = -z(0.9): the median of the log-normal through p10 = 50 and p90 = 200 is sqrt(50 x 200) = 100.
    assert lognormal_quantile({10: 50.0, 90: 200.0}, 50)[0] == pytest.approx(math.sqrt(50 * 200))


def test_the_nearest_published_percentile_on_each_side_is_used() -> None:
    # p25 from {10: 30, 50: 60, 90: 90}: one each side -> p10 and p50 (not p90):
    # p25 = 30 x (60/30)^((z25 - z10)/(z50 - z10)) = 30 x 2^((1.28155 - 0.67449)/1.28155) = 30 x 2^0.473693
    #     = 30 x exp(0.473693 x 0.693147) = 30 x 1.388660 = 41.660
    assert lognormal_quantile({10: 30.0, 50: 60.0, 90: 90.0}, 25)[0] == pytest.approx(41.660, abs=1e-3)


def test_fewer_than_two_published_percentiles_cannot_be_derived_from() -> None:
    with pytest.raises(NoOfficialFigure, match="fewer than two"):
        lognormal_quantile({25: 100.0}, 50)


def test_filled_keeps_published_figures_and_labels_the_others() -> None:
    figures = filled(_published(p25=100.0, p50=120.0))
    assert [f.name for f in figures] == ["p10", "p25", "p50", "p75", "p90"]
    assert [f.status for f in figures] == [DERIVED, PUBLISHED, PUBLISHED, DERIVED, DERIVED]
    assert all(f.method for f in figures if f.status == DERIVED)


def test_a_derived_value_below_a_known_bound_is_raised_to_it() -> None:
    # p75 from p25 = 100, p50 = 101: 101^2 / 100 = 102.01, below the bound 110 it is known to exceed -> 110.
    p75 = filled(_published(p25=100.0, p50=101.0), floors={75: 110.0})[3]
    assert p75.value == 110.0
    assert "102" in p75.method and "raised" in p75.method


def test_scaled_figures_are_derived_and_name_the_ratio_except_the_ones_kept() -> None:
    base = filled(_published(p10=10.0, p25=20.0, p50=30.0, p75=40.0, p90=50.0))
    out = scaled(base, 1.5, "a ratio", of="UK 2134", keep={50: Figure("p50", 44.0, PUBLISHED)})
    assert [f.value for f in out] == [15.0, 30.0, 44.0, 60.0, 75.0]
    assert out[2].status == PUBLISHED and out[0].status == DERIVED
    assert out[0].method == "UK 2134 p10 10 x a ratio"
