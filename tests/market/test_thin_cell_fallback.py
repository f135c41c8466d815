"""A lookup that falls back to a cell with no rows of its own (found bug a, issue 27).

`benchmarks build --min-sample 5` writes cells of n = 0 whose figures are scaled from a broader cell. An offer
whose own cell is missing fell back to such a cell and built ``BorrowedFrom(n=0)``, which refuses n < 1:
"internal error: ValidationError". The fallback now names the cell the figures come from, with its n.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.conftest import invoke


@pytest.fixture
def thin(tmp_path: Path) -> Path:
    """A survey where no data scientist works in GB, and the 10+ band has too few rows for a band ratio."""
    rows = [["machine learning engineer", 1 if i % 2 else 4, "US", 100_000 + i * 1000] for i in range(20)]
    rows += [["data scientist", 4, "US", 90_000 + i * 1000] for i in range(6)]
    rows += [["machine learning engineer", 1, "GB", 60_000 + i * 1000] for i in range(6)]
    rows.append(["machine learning engineer", 12, "US", 200_000])
    survey = tmp_path / "survey.csv"
    with survey.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["title", "years", "country", "pay"], *rows])
    out = tmp_path / "thin.toml"
    code, _, err = invoke("benchmarks", "build", str(survey), "-o", str(out), "--min-sample", "5", "--map",
                          "role=title", "--map", "years=years", "--map", "country=country", "--map", "base=pay")
    assert code == 0, err
    return out


def test_an_offer_falling_back_to_a_cell_of_no_rows(tmp_path: Path, thin: Path) -> None:
    offer = tmp_path / "offer.toml"
    offer.write_text('[offer]\ncompany = "A"\nrole = "data scientist"\n[candidate]\nyears_experience = 12\n'
                     '[location]\ncountry = "GB"\n[salary]\nbase = 70000\n', encoding="utf-8")
    code, out, err = invoke("compare", str(offer), "--benchmarks", str(thin), "-f", "json")
    assert code == 0, err
    benchmark = json.loads(out)["offers"][0]["benchmark"]
    # The data scientist x all experience x GB cell has no rows: its figures are the GB cell's, scaled.
    assert benchmark["cell"]["n"] == 0
    borrowed = benchmark["cell"]["borrowed_from"]
    assert borrowed["cell"] == "all roles x all bands x GB" and borrowed["n"] == 6
    assert borrowed["why"].startswith("no data scientist / 10+ years / GB cell; data scientist / all experience / "
                                      "GB has no rows of its own and borrows from it: n=0 < 5")
    for fmt in ("table", "markdown", "csv", "html"):
        code, _, err = invoke("compare", str(offer), "--benchmarks", str(thin), "-f", fmt)
        assert code == 0, (fmt, err)
    code, _, err = invoke("negotiate", str(offer), "--benchmarks", str(thin))
    assert code == 0, err
