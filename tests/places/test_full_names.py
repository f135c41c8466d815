"""One rule for subdivisions written out: accepted everywhere, read as their code by ``places``.

``state = "Washington"`` validates, and compare (benchmark, --after-tax, --real) gives exactly what
``state = "WA"`` gives; the same for "ontario" (ON) and "Bayern" (BY). A name that is no subdivision is a
warning with a "did you mean" in validate and in compare alike.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from offercheck.cli.main import cli
from offercheck.offer.loading import parse_offer

OFFER = """
[offer]
company = "A"
role = "software engineer"
currency = "{currency}"
[salary]
base = 150000
[location]
city = "{city}"
state = "{state}"
country = "{country}"
"""

CASES = [("US", "USD", "Seattle", "Washington", "WA"), ("US", "USD", "Austin", "texas", "TX"),
         ("CA", "CAD", "Toronto", "ontario", "ON"), ("DE", "EUR", "Munich", "Bayern", "BY"),
         ("GB", "GBP", "Edinburgh", "Scotland", "SCT")]


def _compare(runner: CliRunner, path: Path, *options: str) -> str:
    result = runner.invoke(cli, ["compare", str(path), "--format", "json", *options])
    assert result.exit_code == 0, result.output
    return result.stdout.replace(str(path), "FILE")


@pytest.mark.parametrize(("country", "currency", "city", "name", "code"), CASES)
def test_a_full_name_is_its_code_everywhere(runner: CliRunner, write_offer: Callable[..., Path], country: str,
                                            currency: str, city: str, name: str, code: str) -> None:
    fields = {"country": country, "currency": currency, "city": city}
    by_name = write_offer(OFFER.format(state=name, **fields), "name.toml")
    by_code = write_offer(OFFER.format(state=code, **fields), "code.toml")
    checked = runner.invoke(cli, ["validate", str(by_name)])
    assert checked.exit_code == 0 and checked.stderr == ""
    for options in ((), ("--after-tax",), ("--real", "--home", "Austin, TX")):
        assert _compare(runner, by_name, *options) == _compare(runner, by_code, *options), options
    offer = parse_offer({"offer": {"company": "A"}, "salary": {"base": 1.0},
                         "location": {"state": name, "country": country}}, "x")
    assert offer.location.state == code


@pytest.mark.parametrize(("country", "state", "words"), [
    ("US", "Washingtn", "unknown US state 'Washingtn' (use a postal code such as TX); did you mean Washington (WA)?"),
    ("CA", "Ontaro", "unknown Canadian province 'Ontaro' (use a postal code such as ON); did you mean Ontario (ON)?"),
    ("DE", "Bayrn", "unknown German Land 'Bayrn' (use a code such as BY); did you mean Bayern (BY)?"),
])
def test_an_unknown_name_is_a_warning_with_a_did_you_mean(runner: CliRunner, write_offer: Callable[..., Path],
                                                          country: str, state: str, words: str) -> None:
    path = write_offer(f'[offer]\ncompany = "A"\n[salary]\nbase = 150000\n[location]\nstate = "{state}"\n'
                       f'country = "{country}"\n')
    checked = runner.invoke(cli, ["validate", str(path)])
    assert checked.exit_code == 0
    assert checked.stderr == f"Warning: {path}: location.state: {words}\n"
    compared = runner.invoke(cli, ["compare", str(path)])
    assert f"Warning: {path}: location.state: {words}" in compared.stderr


def test_an_unknown_state_with_a_city_is_reported_once(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    path = write_offer('[offer]\ncompany = "A"\n[salary]\nbase = 150000\n[location]\ncity = "Austin"\n'
                       'state = "Texxas"\n')
    checked = runner.invoke(cli, ["validate", str(path)])
    assert checked.stderr == (f"Warning: {path}: location.state: unknown US state 'Texxas' (use a postal code such "
                              "as TX); did you mean Texas (TX)?\n")
