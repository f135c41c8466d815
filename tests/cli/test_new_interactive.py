"""`offercheck new FILE --interactive`: questions on the terminal, a file that validates (issue 26 item 6).

The questions, in order (a blank line takes the default, or leaves an optional question out):
company, role, years of experience, country [US], city, state (if the country has states) [the city's],
onsite/hybrid/remote, where you live (only for remote), currency [the country's], base, bonus, sign-on,
equity [none] (rsu: grant value; options: shares, strike, fmv; then vesting [4y-cliff-1y] and listed?),
401(k) match, health premiums.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from offercheck.cli.main import cli

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def _new(runner: CliRunner, path: Path, *answers: str) -> Result:
    return runner.invoke(cli, ["new", str(path), "--interactive"], input="".join(f"{a}\n" for a in answers))


def _validates(runner: CliRunner, path: Path) -> None:
    check = runner.invoke(cli, ["validate", "--strict", str(path)])
    assert (check.exit_code, check.stderr, check.stdout) == (0, "", f"{path}: ok\n"), check.output
    compared = runner.invoke(cli, ["compare", str(path)])
    assert compared.exit_code == 0 and compared.stderr == "", compared.output


def _read(path: Path) -> dict[str, object]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_every_question_answered_with_rsus(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "acme.toml"
    result = _new(runner, path, "Acme", "software engineer", "6", "", "Seattle", "", "hybrid", "", "150,000",
                  "15%", "$25,000", "rsu", "400k", "", "y", "4", "8000")
    assert result.exit_code == 0, result.output
    assert _read(path) == {
        "offer": {"company": "Acme", "role": "software engineer", "currency": "USD"},
        "candidate": {"years_experience": 6},
        "location": {"city": "Seattle", "state": "WA", "country": "US", "remote": "hybrid"},
        "company": {"public": True},
        "salary": {"base": 150000},
        "bonus": {"target_percent": 15},
        "sign_on": {"amount": 25000},
        "equity": {"kind": "rsu", "grant_value": 400000, "vesting": "4y-cliff-1y"},
        "benefits": {"retirement_match_percent": 4, "health_annual": 8000},
    }
    _validates(runner, path)


def test_options_with_a_schedule_a_bonus_amount_and_a_remote_home(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "seed.toml"
    result = _new(runner, path, "Seedling", "ML engineer", "3.5", "us", "Austin", "Texas", "remote", "Boise, ID",
                  "usd", "$140k", "20,000", "", "options", "40 000", "0.99", "$1.50", "[5, 15, 40, 40]", "n", "",
                  "")
    assert result.exit_code == 0, result.output
    assert _read(path) == {
        "offer": {"company": "Seedling", "role": "machine learning engineer", "currency": "USD"},
        "candidate": {"years_experience": 3.5, "lives_in": "Boise, ID"},
        "location": {"city": "Austin", "state": "TX", "country": "US", "remote": "remote"},
        "company": {"public": False},
        "salary": {"base": 140000},
        "bonus": {"amount": 20000},
        "equity": {"kind": "options", "shares": 40000, "strike": 0.99, "fmv": 1.5, "schedule": [5, 15, 40, 40]},
    }
    _validates(runner, path)


def test_blank_answers_to_every_optional_question(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "min.toml"
    # company, then blank for role, years, country (US), city, state, work mode, currency (USD); the base; then
    # blank for bonus, sign-on, equity (none), match and health.
    result = _new(runner, path, "Acme", "", "", "", "", "", "", "", "150000", "", "", "", "", "")
    assert result.exit_code == 0, result.output
    assert _read(path) == {"offer": {"company": "Acme", "currency": "USD"}, "location": {"country": "US"},
                           "salary": {"base": 150000}}
    _validates(runner, path)


@pytest.mark.parametrize("typed", ["150,000", "150k", "$150,000", "150 000", "150000", "USD 150,000", "150K"])
def test_a_base_is_read_as_people_type_it(runner: CliRunner, tmp_path: Path, typed: str) -> None:
    path = tmp_path / "o.toml"
    # One answer for the base: asked again, the input would run out and the command abort.
    result = _new(runner, path, "Acme", "", "", "", "", "", "", "", typed, "", "", "", "", "")
    assert result.exit_code == 0, result.output
    assert "Error" not in result.stderr and _read(path)["salary"] == {"base": 150000}


@pytest.mark.parametrize(("typed", "said"), [
    ("abc", "'abc' is not an amount: write a number such as 150000, 150,000 or 150k"),
    ("-5", "'-5' is negative"),
    ("150.000", "'150.000' could be read two ways: write 150000 or 150,000 for thousands"),
    ("0", "the base salary must be more than 0"),
    ("150", "150 looks like thousands; the base is the yearly amount: write 150k or 150,000"),
    ("1e9", "'1e9' is not an amount"),
])
def test_nonsense_is_asked_again_with_what_to_type(runner: CliRunner, tmp_path: Path, typed: str,
                                                   said: str) -> None:
    path = tmp_path / "o.toml"
    result = _new(runner, path, "Acme", "", "", "", "", "", "", "", typed, "150,000", "", "", "", "", "")
    assert result.exit_code == 0, result.output
    assert f"Error: {said}" in result.stderr and "float range" not in result.stderr
    assert result.stderr.count("Base salary per year") == 2
    assert _read(path)["salary"] == {"base": 150000}


def test_roles_places_and_percents_are_checked_as_they_are_typed(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "o.toml"
    result = _new(runner, path, "Acme", "sofware engineer", "software engineer", "ten", "10", "Atlantis", "US",
                  "Seattle", "Wshington", "Washington", "remote", "Atlantis", "Seattle, WA", "", "150k",
                  "0.15", "15", "", "", "0.04", "4", "")
    assert result.exit_code == 0, result.output
    for said in ("'sofware engineer' is not a known role; did you mean 'software engineer'?",
                 "'ten' is not a number of years", "unknown country 'Atlantis'",
                 "unknown US state 'Wshington' (use a postal code such as TX); did you mean Washington (WA)?",
                 "no place matches 'Atlantis'", "0.15 looks like a fraction: write 15 for 15%",
                 "0.04 looks like a fraction: write 4 for 4%"):
        assert f"Error: {said}" in result.stderr, said
    data = _read(path)
    assert data["location"] == {"city": "Seattle", "state": "WA", "country": "US", "remote": "remote"}
    assert data["candidate"] == {"years_experience": 10, "lives_in": "Seattle, WA"}
    assert data["bonus"] == {"target_percent": 15} and data["benefits"] == {"retirement_match_percent": 4}
    _validates(runner, path)


def test_a_vesting_schedule_must_sum_to_100(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "o.toml"
    result = _new(runner, path, "Acme", "", "", "", "", "", "", "", "150k", "", "", "rsu", "100k", "25 25 25",
                  "amazon", "", "", "")
    assert result.exit_code == 0, result.output
    assert "Error: the yearly percents must sum to 100 (they sum to 75)" in result.stderr
    assert _read(path)["equity"] == {"kind": "rsu", "grant_value": 100000, "vesting": "amazon"}
    _validates(runner, path)


def test_outside_the_us_the_country_sets_the_currency_and_the_word_for_a_state(runner: CliRunner,
                                                                                tmp_path: Path) -> None:
    path = tmp_path / "acme.toml"
    result = _new(runner, path, 'Acme "Robotics"', "machine learning engineer", "", "UK", "London", "", "", "",
                  "90000", "10", "", "", "", "")
    assert result.exit_code == 0, result.output
    assert "Nation (code or name; empty to skip)" in result.stderr
    assert "Currency of the amounts (ISO 4217) [GBP]" in result.stderr
    assert _read(path) == {
        "offer": {"company": 'Acme "Robotics"', "role": "machine learning engineer", "currency": "GBP"},
        "location": {"city": "London", "country": "GB"},
        "salary": {"base": 90000},
        "bonus": {"target_percent": 10},
    }
    check = runner.invoke(cli, ["validate", "--strict", str(path)])
    assert check.exit_code == 0 and check.stdout == f"{path}: ok\n", check.output


def test_what_validate_would_say_is_said_when_the_file_is_written(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "o.toml"
    result = _new(runner, path, "Acme", "", "", "", "San Fransisco", "CA", "", "", "150k", "", "", "", "", "")
    assert result.exit_code == 0, result.output
    assert f"Warning: {path}: location.city: 'San Fransisco' is not a US city" in result.stderr
    assert "did you mean 'San Francisco'" in result.stderr


@pytest.mark.parametrize("interactive", [True, False])
def test_an_existing_file_is_refused_before_any_question(runner: CliRunner, tmp_path: Path,
                                                         interactive: bool) -> None:
    path = tmp_path / "o.toml"
    path.write_text("keep", encoding="utf-8")
    result = runner.invoke(cli, ["new", str(path), *(["-i"] if interactive else [])], input="")
    assert result.exit_code == 1 and "file exists" in result.stderr and "Company" not in result.stderr
    assert path.read_text(encoding="utf-8") == "keep"


def test_the_template_validates(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "template.toml"
    assert runner.invoke(cli, ["new", str(path)]).exit_code == 0
    _validates(runner, path)
