"""Scotland's income-tax rates for a Scottish state or city; England's otherwise (issue 18).

Expected figures are worked by hand from the published bands (uk.toml cites them), and agree with CIOT's
2026-27 comparison table (13 January 2026): 50,000 -> 8,982 Scottish vs 7,486 UK income tax; 25,000 -> 2,446.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from offercheck.tax.engine import UnsupportedJurisdiction
from offercheck.tax.registry import estimate_tax
from tests.conftest import invoke


def _lines(year: int, wages: float, state: str | None = None, city: str | None = None) -> dict[str, float]:
    result = estimate_tax(country="GB", subdivision=state, city=city, filing_status="single", tax_year=year,
                          wages=wages)
    return {line.name: line.amount for line in result.lines}


# 50,000 - 12,570 = 37,430 taxable.
# 2026-27: 3,967 x 19% + 12,989 x 20% + 14,136 x 21% + 6,338 x 42% = 753.73 + 2,597.80 + 2,968.56 + 2,661.96
# 2025-26: 2,827 x 19% + 12,094 x 20% + 16,171 x 21% + 6,338 x 42% = 537.13 + 2,418.80 + 3,395.91 + 2,661.96
SCOTTISH_50K = {2026: 8982.05, 2025: 9013.80}
NI_50K = (50_000 - 12_570) * 0.08  # UK-wide: 2,994.40


@pytest.mark.parametrize("city", ["Edinburgh", "glasgow", " Aberdeen ", "Dundee", "Inverness", "Stirling", "Perth"])
def test_scottish_city_without_state(city: str) -> None:
    lines = _lines(2026, 50_000, city=city)
    assert lines == {"Scottish income tax": pytest.approx(SCOTTISH_50K[2026], abs=0.01),
                     "UK National Insurance": pytest.approx(NI_50K, abs=0.01)}


@pytest.mark.parametrize("year", [2025, 2026])
@pytest.mark.parametrize("state", ["SCT", "GB-SCT", "sct"])
def test_state_sct(year: int, state: str) -> None:
    assert _lines(year, 50_000, state=state)["Scottish income tax"] == pytest.approx(SCOTTISH_50K[year], abs=0.01)


def test_low_income_2026() -> None:
    # 25,000 - 12,570 = 12,430: 3,967 x 19% + 8,463 x 20% = 753.73 + 1,692.60.
    assert _lines(2026, 25_000, city="Glasgow")["Scottish income tax"] == pytest.approx(2446.33, abs=0.01)


def test_top_rate_with_the_allowance_gone() -> None:
    # 200,000: no allowance. 753.73 + 2,597.80 + 2,968.56 + 31,338 x 42% + 62,710 x 45% + 74,860 x 48%
    expected = 753.73 + 2597.80 + 2968.56 + 31_338 * 0.42 + 62_710 * 0.45 + 74_860 * 0.48
    assert _lines(2026, 200_000, state="SCT")["Scottish income tax"] == pytest.approx(expected, abs=0.01)


def test_england_is_unchanged_and_an_explicit_state_wins() -> None:
    assert _lines(2026, 50_000, city="London") == {"UK income tax": pytest.approx(7486.0),
                                                   "UK National Insurance": pytest.approx(NI_50K)}
    assert "UK income tax" in _lines(2026, 50_000, state="ENG", city="Edinburgh")
    with pytest.raises(UnsupportedJurisdiction):
        _lines(2026, 50_000, state="WLS", city="Cardiff")


def test_notes_say_scottish_rates_through_the_cli(write_offer: Callable[..., Path]) -> None:
    path = write_offer('[offer]\ncompany = "Scot"\ncurrency = "GBP"\n[location]\ncountry = "GB"\n'
                       'city = "Edinburgh"\n[salary]\nbase = 50000\n')
    code, out, err = invoke("compare", str(path), "--after-tax", "-f", "json", "-y", "1")
    assert code == 0, err
    offer = json.loads(out)["offers"][0]
    lines = {x["name"]: x["amount"] for x in offer["years"][0]["tax"]["lines"]}
    assert lines["Scottish income tax"] == pytest.approx(SCOTTISH_50K[2026], abs=0.01)
    assert any("Scottish income tax rates applied" in note for note in offer["tax_notes"])


WAGES = (20_000, 50_000, 100_000, 110_000, 200_000)


@pytest.fixture(scope="module")
def policyengine_scotland() -> dict[int, list[float]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # third-party import-time deprecation noise
        engine: Any = pytest.importorskip("policyengine_uk")
        years = ("2025", "2026")
        situation = {
            "people": {f"p{i}": {"age": dict.fromkeys(years, 30), "employment_income": dict.fromkeys(years, w)}
                       for i, w in enumerate(WAGES)},
            "benunits": {f"b{i}": {"members": [f"p{i}"]} for i in range(len(WAGES))},
            "households": {f"h{i}": {"members": [f"p{i}"], "region": dict.fromkeys(years, "SCOTLAND")}
                           for i in range(len(WAGES))},
        }
        simulation = engine.Simulation(situation=situation)
        return {int(y): [float(x) for x in simulation.calculate("income_tax", int(y))] for y in years}


@pytest.mark.parametrize("year", [2025, 2026])
@pytest.mark.parametrize("index", range(len(WAGES)), ids=[str(w) for w in WAGES])
def test_matches_policyengine(policyengine_scotland: dict[int, list[float]], year: int, index: int) -> None:
    ours = _lines(year, WAGES[index], state="SCT")["Scottish income tax"]
    assert ours == pytest.approx(policyengine_scotland[year][index], abs=1)
