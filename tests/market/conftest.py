from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SHARED

SHARED_DATA = SHARED / "data"
BLS_CSV = SHARED_DATA / "bls_oews_may2025_tech_occupations_by_area.csv"
SURVEY_CSV = SHARED_DATA / "aijobs_salaries_2025-01-19.csv"


@pytest.fixture
def bls_csv() -> Path:
    if not BLS_CSV.is_file():
        pytest.skip(f"shared data not found: {BLS_CSV}")
    return BLS_CSV


@pytest.fixture
def survey_csv() -> Path:
    if not SURVEY_CSV.is_file():
        pytest.skip(f"shared data not found: {SURVEY_CSV}")
    return SURVEY_CSV
