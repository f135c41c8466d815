"""Likely mistakes: a warning on stderr naming file and field and what was probably meant; errors with --strict."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import tomllib
from click.testing import CliRunner

from offercheck.builtins.factors import industry
from offercheck.cli.main import cli
from offercheck.offer.loading import parse_offer

HEAD = '[offer]\ncompany = "Acme"\n'
BASE = "[salary]\nbase = 150000\n"


@pytest.mark.parametrize(("body", "field", "words"), [
    (BASE + "[bonus]\ntarget_percent = 0.15\n", "bonus.target_percent", "e.g. 15 for 15%"),
    ("[salary]\nbase = 150000\nannual_raise_percent = 0.03\n", "salary.annual_raise_percent", "e.g. 3 for 3%"),
    (BASE + "[benefits]\nretirement_match_percent = 0.04\n", "benefits.retirement_match_percent", "e.g. 4 "),
    (BASE + "[benefits]\nespp_discount_percent = 0.15\nespp_contribution_percent = 10\n",
     "benefits.espp_discount_percent", "e.g. 15 "),
    ("[salary]\nbase = 200\n", "salary.base", "looks like thousands; the base is the yearly amount, e.g. 200000"),
    (BASE + '[location]\ncountry = "UK"\n', "location.country", "did you mean 'GB'?"),
    (BASE + '[company]\nindustry = "bananas"\n', "company.industry", "the industry factor is left at x1"),
    (HEAD.replace('"\n', '"\nrole = "astronaut"\n') + BASE, "offer.role", "the benchmark falls back to all roles"),
    (BASE + '[location]\ncity = "Kansas City"\n', "location.state", "'Kansas City' could be in MO or KS"),
    (BASE + '[location]\ncity = "Nowhereville"\n', "location.city", "(national figures are used)"),
])
def test_likely_mistakes_warn_and_fail_strict(runner: CliRunner, write_offer: Callable[..., Path], body: str,
                                              field: str, words: str) -> None:
    text = body if body.startswith("[offer]") else HEAD + body
    path = write_offer(text)
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0 and result.stdout == f"{path}: ok\n"
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Warning: {path}: {field}: ") and words in line, line
    strict = runner.invoke(cli, ["validate", "--strict", str(path)])
    assert strict.exit_code == 1 and strict.stdout == ""
    assert strict.stderr == line.replace("Warning:", "Error:", 1) + "\n"


def test_a_clean_offer_has_no_warnings(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    text = (HEAD.replace('"\n', '"\nrole = "data scientist"\n') + BASE + "[bonus]\ntarget_percent = 15\n"
            '[location]\ncity = "Vancouver"\ncountry = "US"\n[company]\nindustry = "finance"\n')
    result = runner.invoke(cli, ["validate", "--strict", str(write_offer(text))])
    assert (result.exit_code, result.stderr) == (0, "")


def test_compare_warns_too(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    path = write_offer(HEAD + BASE + "[bonus]\ntarget_percent = 0.15\n")
    result = runner.invoke(cli, ["compare", str(path)])
    assert result.exit_code == 0
    assert result.stderr.startswith(f"Warning: {path}: bonus.target_percent: 0.15 looks like a fraction")


@pytest.mark.parametrize(("body", "line"), [
    ('[salary]\nbase = "200k"\n', "salary.base: must be a number, not text: write 200000 (no quotes)"),
    ('[salary]\nbase = "$1.5M"\n', "salary.base: must be a number, not text: write 1500000 (no quotes)"),
    (BASE + '[location]\ncountry = "USA"\n', "location.country: String should match pattern '^[A-Z]{2}$'; "
                                             "did you mean 'US'?"),
])
def test_errors_say_what_was_meant(runner: CliRunner, write_offer: Callable[..., Path], body: str,
                                   line: str) -> None:
    path = write_offer(HEAD + body)
    result = runner.invoke(cli, ["validate", str(path)])
    assert (result.exit_code, result.stderr) == (1, f"Error: {path}: {line}\n")


@pytest.mark.parametrize(("name", "text", "kind"), [
    ("offers.csv", "company,base\nAcme,150000\n", "CSV"),
    ("offer.json", '{"offer": {"company": "Acme"}}\n', "JSON"),
    ("offer.toml", '{"offer": {"company": "Acme"}}\n', "JSON"),
])
def test_a_csv_or_json_file_is_not_an_offer(runner: CliRunner, write_offer: Callable[..., Path], name: str,
                                            text: str, kind: str) -> None:
    path = write_offer(text, name)
    result = runner.invoke(cli, ["compare", str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}: this looks like a {kind} file; offer files are TOML (write one with " \
                            "`offercheck new offer.toml`)\n"


def _industry_factors() -> Any:
    with (resources.files("offercheck") / "data" / "factors.toml").open("rb") as fh:
        return tomllib.load(fh)


@pytest.mark.parametrize(("spelling", "key"), [("bank", "finance"), ("Software", "technology"),
                                               ("financial  services", "finance")])
def test_industry_alias_is_known_to_the_factor_and_to_validate(
        spelling: str, key: str, runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    expected = _industry_factors()["industry"]["relative_to_technology"][key]
    offer = parse_offer({"offer": {"company": "Acme"}, "salary": {"base": 100_000},
                         "company": {"industry": spelling}}, "offer.toml")
    adj = industry.offercheck_adjust(offer=offer, benchmark=None)
    assert adj is not None and adj.multiplier == pytest.approx(expected)
    path = write_offer(f'[offer]\ncompany = "Acme"\n[salary]\nbase = 100000\n[company]\nindustry = "{spelling}"\n')
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0 and result.stderr == ""
