"""Issue 27 item 2: a value inside a tied block of quantiles (p25 = p50 = 120,000) is at the block's middle
percentile (p37.5), not at its lowest (p25): through percentile_of, `compare` and `negotiate`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from offercheck.market.position import percentile_of
from offercheck.market.quantiles import Quantiles
from tests.conftest import invoke

TIED = Quantiles(p10=97_800, p25=120_000, p50=120_000, p75=145_750, p90=163_300)


@pytest.mark.parametrize(("q", "x", "expected"), [
    (TIED, 120_000, 37.5),
    (Quantiles(p10=100, p25=100, p50=120, p75=130, p90=140), 100, 17.5),  # tied at the bottom: not "below"
    (Quantiles(p10=100, p25=110, p50=120, p75=140, p90=140), 140, 82.5),  # tied at the top: not "above"
    (Quantiles(p10=100, p25=100, p50=100, p75=100, p90=100), 100, 50.0),
    (Quantiles(p10=100, p25=120, p50=120, p75=120, p90=150), 120, 50.0),
    (Quantiles(p25=100, p50=100, p75=130), 100, 37.5),  # no p10/p90
])
def test_a_value_in_a_tied_block_is_at_its_middle(q: Quantiles, x: float, expected: float) -> None:
    p = percentile_of(x, q)
    assert p.value == expected and p.bound is None


@pytest.mark.parametrize(("x", "expected"), [
    (97_800, 10.0), (108_900, 17.5), (119_999, 25 - 15 * 1 / 22_200), (120_001, 50 + 25 / 25_750),
    (145_750, 75.0), (163_300, 90.0),
])
def test_values_outside_the_tie_are_interpolated_as_before(x: float, expected: float) -> None:
    assert percentile_of(x, TIED).value == pytest.approx(expected)


def _benchmarks(tmp_path: Path) -> Path:
    # 40 distinct responses, 16 of them at exactly 120,000: type-7 p25 (h = 9.75) and p50 (h = 19.5) both fall in
    # the block (indices 8-23).
    pay = [90_000 + 2_000 * i for i in range(8)] + [120_000] * 16 + [130_000 + 3_000 * i for i in range(16)]
    survey = tmp_path / "tie.csv"
    survey.write_text("id,title,yrs,country,salary\n"
                      + "".join(f"{i},Data Scientist,4,US,{v}\n" for i, v in enumerate(pay)), encoding="utf-8")
    out = tmp_path / "tie.toml"
    code, _, err = invoke("benchmarks", "build", str(survey), "-o", str(out), "--map", "role=title",
                          "--map", "years=yrs", "--map", "country=country", "--map", "base=salary")
    assert code == 0, err
    assert "base = { p10 = 97800, p25 = 120000, p50 = 120000, p75 = 145750, p90 = 163300 }" in out.read_text()
    return out


def _offer(tmp_path: Path) -> Path:
    offer = tmp_path / "offer.toml"
    offer.write_text('[offer]\ncompany = "Acme"\nrole = "Data Scientist"\n[candidate]\nyears_experience = 4\n'
                     '[location]\ncountry = "US"\n[salary]\nbase = 120000\n', encoding="utf-8")
    return offer


def test_compare_reports_the_middle_of_the_tie(tmp_path: Path) -> None:
    bench, offer = _benchmarks(tmp_path), _offer(tmp_path)
    code, out, err = invoke("compare", str(offer), "--benchmarks", str(bench), "--format", "json")
    assert code == 0, err
    assert json.loads(out)["offers"][0]["score"]["base_percentile"] == 37.5
    code, out, err = invoke("compare", str(offer), "--benchmarks", str(bench))
    assert code == 0, err
    assert "offer at p38 (base)" in out  # the short market line
    code, out, err = invoke("compare", str(offer), "--benchmarks", str(bench), "--explain")
    assert code == 0, err
    shown = [line.split() for line in out.splitlines() if line.strip().startswith("Base pct")]
    assert shown == [["Base", "pct", "p38"]]


def test_negotiate_says_the_middle_of_the_tie(tmp_path: Path) -> None:
    bench, offer = _benchmarks(tmp_path), _offer(tmp_path)
    code, out, err = invoke("negotiate", str(offer), "--benchmarks", str(bench))
    assert code == 0, err
    text = " ".join(out.split())
    assert "is at the 38th percentile of market pay" in text  # "The offered base of $X is at ..."
    assert "25th percentile" not in text
