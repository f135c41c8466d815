"""`offercheck new FILE --interactive`: questions on the terminal, a file that validates."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from offercheck.cli.main import cli

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_answers_become_an_offer_that_validates(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "acme.toml"
    # company, role, currency, country (UK is read as GB), city, state, base, bonus percent
    answers = 'Acme "Robotics"\nmachine learning engineer\ngbp\nUK\nLondon\n\n90000\n10\n'
    result = runner.invoke(cli, ["new", str(path), "--interactive"], input=answers)
    assert result.exit_code == 0, result.output
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {
        "offer": {"company": 'Acme "Robotics"', "role": "machine learning engineer", "currency": "GBP"},
        "location": {"city": "London", "country": "GB"},
        "salary": {"base": 90000},
        "bonus": {"target_percent": 10},
    }
    check = runner.invoke(cli, ["validate", "--strict", str(path)])
    assert check.exit_code == 0 and check.stdout == f"{path}: ok\n", check.output


def test_a_bad_answer_is_asked_again(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "o.toml"
    result = runner.invoke(cli, ["new", str(path), "-i"], input="Acme\n\nUSDX\nusd\n\n\n\n-5\n150000\n\n")
    assert result.exit_code == 0, result.output
    assert "give a 3-letter code" in result.stderr
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["salary"] == {"base": 150000} and data["location"] == {"country": "US"} and "bonus" not in data


@pytest.mark.parametrize("interactive", [True, False])
def test_an_existing_file_is_refused_before_any_question(runner: CliRunner, tmp_path: Path,
                                                         interactive: bool) -> None:
    path = tmp_path / "o.toml"
    path.write_text("keep", encoding="utf-8")
    result = runner.invoke(cli, ["new", str(path), *(["-i"] if interactive else [])], input="")
    assert result.exit_code == 1 and "file exists" in result.stderr and "Company" not in result.stderr
    assert path.read_text(encoding="utf-8") == "keep"
