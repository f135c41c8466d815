"""Issue 27 item 12: a mapped currency column must hold currency codes the rate table knows. An unknown code
(``XYZ``, ``dollars``, ``€``) refuses the build, naming the column and the value, and writes nothing; a row with
no currency is a bad row. A file compare cannot use is never written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from offercheck.market.benchmark_files import load_benchmarks
from offercheck.market.survey.read import read_survey
from tests.conftest import invoke

MAP = ["--map", "role=title", "--map", "years=yrs", "--map", "country=country", "--map", "base=salary",
       "--map", "currency=cur"]


def _survey(path: Path, currencies: list[str]) -> Path:
    path.write_text("id,title,yrs,country,salary,cur\n" + "".join(
        f"{i},Data Scientist,4,DE,{70_000 + 1_000 * i},{c}\n" for i, c in enumerate(currencies)), encoding="utf-8")
    return path


@pytest.mark.parametrize("code", ["XYZ", "dollars", "€", "US$"])
def test_an_unknown_code_refuses_the_build(tmp_path: Path, code: str) -> None:
    survey = _survey(tmp_path / "s.csv", [code] * 40)
    out = tmp_path / "b.toml"
    status, stdout, err = invoke("benchmarks", "build", str(survey), "-o", str(out), *MAP)
    assert status == 1 and stdout == "" and err.count("\n") == 1, err
    assert err.startswith(f"Error: {survey}: cur: {code!r} is not a currency code")
    assert not out.exists()


def test_one_unknown_code_among_known_ones_refuses_too(tmp_path: Path) -> None:
    survey = _survey(tmp_path / "s.csv", ["EUR"] * 39 + ["Euro"])
    status, _, err = invoke("benchmarks", "build", str(survey), "-o", "-", *MAP)
    assert status == 1 and err.startswith(f"Error: {survey}: cur: 'Euro' is not a currency code")


def test_an_unknown_code_on_a_row_without_pay_is_just_a_bad_row(tmp_path: Path) -> None:
    # Survey exports write NA in both columns for a respondent who gave no pay.
    survey = tmp_path / "s.csv"
    survey.write_text("title,salary,cur\n" + "".join(f"Data Scientist,{70_000 + i},eur\n" for i in range(40))
                      + "Data Scientist,NA,NA\n", encoding="utf-8")
    _, stats = read_survey(survey, mapping={"role": "title", "base": "salary", "currency": "cur"})
    assert stats.bad_reasons == {"non-numeric pay": 1} and stats.rows_used == 40


def test_a_blank_currency_is_a_bad_row(tmp_path: Path) -> None:
    survey = _survey(tmp_path / "s.csv", ["eur"] * 40 + ["", " "])
    rows, stats = read_survey(survey, mapping={"role": "title", "base": "salary", "currency": "cur"})
    assert stats.bad_reasons == {"currency: missing": 2} and len(rows) == 40


def test_a_known_code_in_any_case_builds_a_usable_file(tmp_path: Path) -> None:
    survey = _survey(tmp_path / "s.csv", [" eur"] * 40)
    out = tmp_path / "b.toml"
    status, _, err = invoke("benchmarks", "build", str(survey), "-o", str(out), *MAP)
    assert status == 0, err
    assert load_benchmarks(out).meta.currency == "EUR"
    offer = tmp_path / "o.toml"
    offer.write_text('[offer]\ncompany = "Acme"\nrole = "Data Scientist"\ncurrency = "EUR"\n[candidate]\n'
                     'years_experience = 4\n[location]\ncountry = "DE"\n[salary]\nbase = 90000\n', encoding="utf-8")
    status, stdout, err = invoke("compare", str(offer), "--benchmarks", str(out), "--format", "json")
    assert status == 0, err
    assert json.loads(stdout)["offers"][0]["score"]["base_percentile"] is not None
