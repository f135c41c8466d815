"""UK income tax and NI against PolicyEngine-UK, an independent microsimulation model (optional dependency)."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

from offercheck.tax.registry import estimate_tax

WAGES = (15_000, 30_000, 60_000, 100_000, 110_000, 125_140, 150_000, 300_000)
YEARS = (2025, 2026)  # PolicyEngine-UK's year N is the fiscal year starting in April N


@pytest.fixture(scope="module")
def policyengine_uk() -> dict[tuple[int, str], list[float]]:
    """PolicyEngine's results for one person per wage level (one simulation: it takes seconds to build)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # third-party import-time deprecation noise
        engine: Any = pytest.importorskip("policyengine_uk")
        people = {
            f"p{i}": {"age": dict.fromkeys(map(str, YEARS), 30), "employment_income": dict.fromkeys(map(str, YEARS), w)}
            for i, w in enumerate(WAGES)
        }
        situation = {
            "people": people,
            "benunits": {f"b{i}": {"members": [f"p{i}"]} for i in range(len(WAGES))},
            "households": {f"h{i}": {"members": [f"p{i}"]} for i in range(len(WAGES))},
        }
        simulation = engine.Simulation(situation=situation)
        return {
            (year, variable): [float(x) for x in simulation.calculate(variable, year)]
            for year in YEARS
            for variable in ("income_tax", "national_insurance")
        }


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("index", range(len(WAGES)), ids=[str(w) for w in WAGES])
def test_uk_matches_policyengine(policyengine_uk: dict[tuple[int, str], list[float]], year: int, index: int) -> None:
    result = estimate_tax(
        country="GB", subdivision=None, city=None, filing_status="single", tax_year=year, wages=WAGES[index]
    )
    lines = {line.name: line.amount for line in result.lines}
    assert lines["UK income tax"] == pytest.approx(policyengine_uk[(year, "income_tax")][index], abs=1)
    assert lines["UK National Insurance"] == pytest.approx(policyengine_uk[(year, "national_insurance")][index], abs=1)
