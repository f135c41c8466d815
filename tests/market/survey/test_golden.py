"""`benchmarks build` output is byte-for-byte what the code before the speed work of issue 15 (item 5) wrote, with
the deliberate changes since, each named here.

The inputs are small fixed surveys in tests/market/survey/data: an ai-jobs-format file (verbatim duplicates,
blank and short lines, missing, non-numeric and non-positive pay, CT and PT rows, unmapped titles), a
semicolon-separated CRLF file with quoted fields (the csv-module path), "City, ST" locations, bonus and stock, and
(issue 23) a small ai-jobs file in several currencies. The .toml goldens next to them were written by that earlier
code (f7854b7, plus the fix for a bad base beside numeric bonus and stock, which crashed it), then regenerated:

1. when US cities became their BLS metros (checked equal to the pre-speed-work builder with that change);
2. issue 23 (m-premia): the ai-jobs format is read in local currencies (``salary`` in ``salary_currency``; a row
   in another currency than its residence country's left out and counted, so the CA and GB rows of
   golden_aijobs.csv, all in USD, and its "XX" rows are gone, and there are no all-country cells), and thin cells
   are shrunk toward their parent by n (w = n/(n+10)) instead of taking the scaled parent as is. What the new
   rules write is checked by hand below (test_local_currency_golden_by_hand, and test_survey's shrinkage test);
   and meta.bonus_norm_measured = false is written (the 15% norm is a seed article's, not measured).

The real ai-jobs file is checked by the sha256 of the file built from it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import statistics
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
    "golden_aijobs_local.toml": ("golden_aijobs_local.csv", {}),
}
AIJOBS = SHARED / "data" / "aijobs_salaries_2025-01-19.csv"
# sha256 of `build_benchmarks(AIJOBS, name="ai-jobs", built=BUILT)`'s text; regenerated after US cities became
# metros (x-total), and checked equal to what the builder before the speed work wrote with that change; then for
# issue 23's local currencies and shrinkage (see the module docstring).
AIJOBS_BUILT_SHA256 = "2727e671a34c74ef102d7a48bdc204b52533520e2b4b0b4717c6e5a8f9fc98d3"


@pytest.mark.parametrize("golden", sorted(CASES))
def test_built_file_is_unchanged(golden: str) -> None:
    source, options = CASES[golden]
    text, _ = build_benchmarks(DATA / source, name="golden", built=BUILT, **options)
    assert text == (DATA / golden).read_text(encoding="utf-8")


@pytest.mark.skipif(not AIJOBS.exists(), reason=f"shared survey data not found at {AIJOBS}")
def test_aijobs_built_file_is_unchanged() -> None:
    text, _ = build_benchmarks(AIJOBS, name="ai-jobs", built=BUILT)
    assert hashlib.sha256(text.encode()).hexdigest() == AIJOBS_BUILT_SHA256


def test_local_currency_golden_by_hand() -> None:
    """golden_aijobs_local.csv: GB 40 GBP rows (34 data scientists at 50,000..83,000, 6 data engineers at
    70,000..75,000) and 12 USD rows; CA 30 CAD rows and 20 USD rows; DE 5 EUR rows, PL 3 PLN rows; 2 CLP rows;
    US 30 senior data engineers in USD (so the data engineer role has a pay ratio)."""
    import tomllib

    doc = tomllib.loads((DATA / "golden_aijobs_local.toml").read_text(encoding="utf-8"))
    [source] = doc["sources"]
    # Left out and counted: the USD rows of GB and CA residents. CLP has no exchange rate: bad rows.
    assert source["other_currency_by_country"] == {"CA": 20, "GB": 12}
    assert source["bad_reasons"] == {"currency: no exchange rate for CLP": 2}
    assert source["rows_used"] == 40 + 30 + 5 + 3 + 30
    cells = {(c.get("role"), c.get("experience"), c.get("country")): c for c in doc["cells"]}
    # Only GB, CA and the US have 30 rows of their own; DE (5) and PL (3) have no cell, and no all-country cell.
    assert {k[2] for k in cells} == {"GB", "CA", "US"}
    gb = cells[(None, None, "GB")]
    assert gb["currency"] == "GBP" and gb["n"] == 40 and "borrowed_from" not in gb
    # Median of the 40 GBP figures: sorted, the 20th and 21st are 69,000 and 70,000 (type 7: h = 19.5) -> 69,500;
    # the USD rows (150,000 and up) are not in it.
    assert gb["base"]["p50"] == 69_500
    gbp = sorted(float(r["salary"]) for r in _rows()
                 if r["employee_residence"] == "GB" and r["salary_currency"] == "GBP")
    cuts = statistics.quantiles(gbp, n=20, method="inclusive")
    assert gb["base"] == {"p10": round(cuts[1]), "p25": round(cuts[4]), "p50": round(cuts[9]),
                          "p75": round(cuts[14]), "p90": round(cuts[17])}
    assert cells[(None, None, "CA")]["currency"] == "CAD" and cells[(None, None, "CA")]["n"] == 30
    # The 6 GB data engineers: shrunk toward the GB all-roles cell by 6 / (6 + 10) = 0.375.
    de = cells[("data engineer", None, "GB")]
    assert de["n"] == 6 and de["borrowed_from"] == {"cell": "all roles x all bands x GB", "n": 40,
                                                     "why": de["fallback"]}
    assert de["fallback"].endswith("weight n/(n+10) = 0.38 on its own rows")
    # p50: own 72,500 (of 70,000..75,000), parent 69,500 x the role ratio 1.000:
    # exp(0.375 ln 72,500 + 0.625 ln 69,500) = 70,610.
    assert de["base"]["p50"] == round(72_500 ** 0.375 * 69_500 ** 0.625) == 70_610


def _rows() -> list[dict[str, str]]:
    import csv

    with (DATA / "golden_aijobs_local.csv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))
