"""`benchmarks show --country` with a value that is no country code: a usage error (exit 2, DESIGN.md section 8)
naming the option, with what was probably meant when something is close, and the countries that have
benchmarks. Codes in any case still work; a real country with no cell stays the data's error (exit 1)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from offercheck.cli.main import cli

SHIPPED = "AT, CA, DE, ES, FR, GB, IE, IN, LT, NL, SK, US"  # the countries of data/benchmarks.toml


def show(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["benchmarks", "show", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("value", "meant"), [
    ("UK", "GB (United Kingdom)"), ("USA", "US (United States)"), ("Germany", "DE (Germany)"),
    ("germny", "DE (Germany)"),
])
def test_a_close_value_is_a_usage_error_with_a_did_you_mean(value: str, meant: str) -> None:
    code, out, err = show("--country", value)
    assert (code, out) == (2, "")
    error = err.splitlines()[-1]
    assert error.startswith(f"Error: --country: {value!r} is not a country code (ISO 3166 alpha-2)")
    assert f"did you mean {meant}" in error and error.endswith(f"Benchmarks cover {SHIPPED}")


@pytest.mark.parametrize("value", ["ZZ", "XX", "Q", ""])
def test_an_unknown_code_is_a_usage_error_that_lists_the_countries(value: str) -> None:
    code, out, err = show("--country", value)
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == (f"Error: --country: {value!r} is not a country code (ISO 3166 alpha-2). "
                                    f"Benchmarks cover {SHIPPED}")
    assert "Traceback" not in err and "did you mean" not in err


def test_codes_in_any_case_still_show_and_a_country_without_cells_is_the_datas_error() -> None:
    code, out, err = show("--country", " gb ")
    assert code == 0, err
    assert out.startswith("Official anchors: GB (GBP per year")
    code, out, err = show("--country", "PL")
    assert code == 1 and "no benchmark for country 'PL'" in err
