from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import REPO

# The raw data lives beside the repository (../shared/data); OFFERCHECK_SHARED_DATA points elsewhere (a git
# worktree sits one level deeper). Tests that need it skip when it is absent.
SHARED_DATA = Path(os.environ.get("OFFERCHECK_SHARED_DATA") or REPO.parent / "shared" / "data")
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
