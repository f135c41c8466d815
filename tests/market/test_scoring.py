"""Percentiles and the score against hand-computed interpolation."""

from __future__ import annotations

import pytest

from offercheck.market.benchmarks import Quantiles
from offercheck.market.position import Percentile, percentile_of, value_at

Q = Quantiles(p10=80, p25=100, p50=120, p75=150, p90=200)


@pytest.mark.parametrize(
    ("pay", "expected"),
    [
        (100, Percentile(25)),
        (110, Percentile(37.5)),  # halfway between p25 (100) and p50 (120)
        (135, Percentile(62.5)),  # halfway between p50 (120) and p75 (150)
        (190, Percentile(87)),  # 75 + 15 * (190 - 150) / (200 - 150)
        (250, Percentile(90, "above")),
        (50, Percentile(10, "below")),
    ],
)
def test_percentile_interpolates_and_clamps_honestly(pay: float, expected: Percentile) -> None:
    got = percentile_of(pay, Q)
    assert got.bound == expected.bound and got.value == pytest.approx(expected.value)


def test_tails_are_labelled() -> None:
    assert str(percentile_of(250, Q)) == "above p90"
    assert str(percentile_of(50, Q)) == "below p10"
    assert str(percentile_of(135, Q)) == "p62"


def test_middle_only_quantiles() -> None:
    q = Quantiles(p25=100, p50=120, p75=150)
    assert percentile_of(160, q) == Percentile(75, "above")
    assert value_at(90, q) == 150


def test_value_at_inverts_percentile_of() -> None:
    assert value_at(60, Q) == pytest.approx(120 + (150 - 120) * 10 / 25)
    for pay in (85, 100, 133, 199):
        assert value_at(percentile_of(pay, Q).value, Q) == pytest.approx(pay)


def test_compare_json_benchmark_and_score(runner: object) -> None:
    import json
    import math

    from click.testing import CliRunner

    from offercheck.cli.main import cli
    from tests.conftest import REPO

    result = CliRunner().invoke(cli, ["compare", str(REPO / "examples/bigtech-sf.toml"), "-f", "json"])
    doc = json.loads(result.stdout)
    (sf,) = doc["offers"]
    # The US base benchmark is the BLS anchor: 15-1252 in San Francisco-Oakland-Fremont (area 0041860), read
    # from the packaged table built from the BLS CSV (tests/market reproduces it from the raw file).
    bls = json.loads((REPO / "src/offercheck/data/market/bls_anchor.json").read_text())["wages"]["0041860"]["15-1252"]
    # Aged from May 2025 to 2026-12-06 (the suite's pinned today) by the ECI: 2025-05-15 is 64 of the 92 days from
    # 2025-03-12 (171.847) to 2025-06-12 (173.565): 173.04213; 2026-12-06 is 269 days past the last point,
    # 2026-03-12 (177.498), whose year grew 177.498 / 171.847: 177.498 x (177.498 / 171.847)^(269/365) = 181.78131;
    # 181.78131 / 173.04213 = 1.050503.
    aged = sf["benchmark"]["aged"]
    assert aged["index"] == "ECI" and aged["from"] == "May 2025" and aged["to"] == "2026-12-06"
    assert aged["factor"] == pytest.approx(1.050503, abs=1e-6) and aged["extrapolated"] is True
    mult = math.prod(a["multiplier"] for a in sf["benchmark"]["adjustments"]) * aged["factor"]
    factors = {a["factor"] for a in sf["benchmark"]["adjustments"]}
    assert {"location", "company_size", "education", "certification", "remote"} <= factors
    assert next(a for a in sf["benchmark"]["adjustments"] if a["factor"] == "location")["multiplier"] == 1.0
    assert sf["benchmark"]["base_p50"] == pytest.approx(bls[2] * mult, rel=1e-3)
    assert sf["benchmark"]["cash_p50"] == pytest.approx(bls[2] * mult * 1.15, rel=1e-3)  # bonus_norm 0.15
    assert sf["benchmark"]["total_p50"] is None and sf["score"]["total_percentile"] is None
    q = Quantiles(**{k: v * mult for k, v in zip(("p10", "p25", "p50", "p75", "p90"), bls[:5], strict=True)})
    assert sf["score"]["base_percentile"] == pytest.approx(percentile_of(212000, q).value, abs=0.1)
    # No total benchmark: the score is the base percentile (DESIGN section 3); the cash line stays beside it.
    assert sf["score"]["basis"] == "base" and sf["score"]["overall"] == sf["score"]["base_percentile"]
    assert sf["score"]["cash_percentile"] is not None and sf["benchmark"]["bonus_norm_measured"] is False
