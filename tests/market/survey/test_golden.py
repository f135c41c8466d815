"""`benchmarks build` output is byte-for-byte what the code before the speed work of issue 15 (item 5) wrote.

The inputs are small fixed surveys in tests/market/survey/data: an ai-jobs-format file (verbatim duplicates,
blank and short lines, missing, non-numeric and non-positive pay, CT and PT rows, unmapped titles) and a
semicolon-separated CRLF file with quoted fields (the csv-module path), "City, ST" locations, bonus and stock.
The .toml goldens next to them were written by that earlier code (f7854b7, plus the fix for a bad base beside
numeric bonus and stock, which crashed it), then regenerated once when US cities became their BLS metros (a
deliberate change of output, checked equal to the pre-speed-work builder with that change); the real ai-jobs
file is checked by the sha256 of the file built from it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pytest

from offercheck.market.survey.build import build_benchmarks
from tests.conftest import SHARED

DATA = Path(__file__).parent / "data"
BUILT = dt.date(2025, 1, 1)
GENERIC = {"role": "Title", "years": "Yrs", "location": "Where", "base": "Salary", "bonus": "Bonus", "stock": "RSU",
           "year": "Year", "currency": "Currency"}
CASES: dict[str, tuple[str, dict[str, Any]]] = {
    "golden_aijobs.toml": ("golden_aijobs.csv", {}),
    "golden_aijobs_all_types_since_2023.toml": (
        "golden_aijobs.csv", {"employment_types": None, "min_year": 2023, "min_sample": 20}),
    "golden_generic.toml": ("golden_generic.csv", {"mapping": GENERIC, "min_sample": 20}),
}
AIJOBS = SHARED / "data" / "aijobs_salaries_2025-01-19.csv"
# sha256 of `build_benchmarks(AIJOBS, name="ai-jobs", built=BUILT)`'s text; regenerated after US cities became
# metros (x-total), and checked equal to what the builder before the speed work wrote with that change.
AIJOBS_BUILT_SHA256 = "6f7cdb7b16e1b2f34de41b207f3a94ab71000c800434d20f2a2b1dd76cce7ba9"


@pytest.mark.parametrize("golden", sorted(CASES))
def test_built_file_is_unchanged(golden: str) -> None:
    source, options = CASES[golden]
    text, _ = build_benchmarks(DATA / source, name="golden", built=BUILT, **options)
    assert text == (DATA / golden).read_text(encoding="utf-8")


@pytest.mark.skipif(not AIJOBS.exists(), reason=f"shared survey data not found at {AIJOBS}")
def test_aijobs_built_file_is_unchanged() -> None:
    text, _ = build_benchmarks(AIJOBS, name="ai-jobs", built=BUILT)
    assert hashlib.sha256(text.encode()).hexdigest() == AIJOBS_BUILT_SHA256
