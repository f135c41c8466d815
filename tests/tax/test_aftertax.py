"""compare --after-tax: taxable wages, regimes as plugins, net pay, errors and the JSON contract.

Expected taxes are worked out by hand from the 2026 parameters in src/offercheck/data/tax/us_federal.toml:
single brackets 10% to 12,400, 12% to 50,400, 22% to 105,700, 24% to 201,775; standard deduction 16,100
(married: 10% to 24,800, 12% to 100,800, 22% to 211,400; deduction 32,200); Social Security 6.2% up to
184,500; Medicare 1.45%, plus 0.9% over 200,000 (single). Texas has no wage income tax.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from offercheck.cli import options as cli_module
from offercheck.cli.main import cli
from offercheck.offer.loading import load_offer
from offercheck.pay.comp import pay_in_year
from offercheck.results import RANK_BY
from offercheck.tax.aftertax import taxable_wages
from offercheck.tax.engine import TAX_YEARS
from tests.conftest import REPO

TX = """
[offer]
company = "Lonestar"
[location]
city = "Austin"
state = "TX"
country = "US"
[salary]
base = 150000
"""

# 10% on 12,400 + 12% on 38,000 + 22% on 55,300, then 24% above 105,700 (single, 2026).
BELOW_105700 = 1240 + 4560 + 12166


def run_json(runner: CliRunner, *args: str) -> dict[str, Any]:
    result = runner.invoke(cli, ["compare", *args, "-f", "json"])
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def test_tx_single_by_hand(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    doc = run_json(runner, str(write_offer(TX)), "--after-tax", "--years", "1")
    year = doc["offers"][0]["years"][0]
    federal = BELOW_105700 + (150000 - 16100 - 105700) * 0.24  # 24,734
    lines = {x["name"]: x["amount"] for x in year["tax"]["lines"]}
    # Texas levies no income tax: an explicit zero line (DESIGN section 7 names every state's line).
    assert lines == {"US federal income tax": federal, "Social Security": 150000 * 0.062,
                     "Medicare": 150000 * 0.0145, "TX income tax": 0.0}
    assert year["tax"]["year"] == 2026
    assert year["tax"]["total"] == pytest.approx(24734 + 9300 + 2175)
    assert year["net"] == pytest.approx(150000 - 36209)
    assert doc["offers"][0]["net"] == year["net"]
    assert any("estimates" in s for s in doc["after_tax"]["estimate"])


def test_filing_option_overrides_the_file(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    doc = run_json(runner, str(write_offer(TX)), "--after-tax", "--filing", "married", "--years", "1")
    lines = {x["name"]: x["amount"] for x in doc["offers"][0]["years"][0]["tax"]["lines"]}
    # 150,000 - 32,200 = 117,800: 10% on 24,800 + 12% on 76,000 + 22% on 17,000.
    assert lines["US federal income tax"] == pytest.approx(2480 + 9120 + 3740)


def test_tax_year_2025(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    doc = run_json(runner, str(write_offer(TX)), "--after-tax", "--tax-year", "2025", "--years", "1")
    year = doc["offers"][0]["years"][0]["tax"]
    lines = {x["name"]: x["amount"] for x in year["lines"]}
    # 2025: deduction 15,750, brackets 11,925 / 48,475 / 103,350: 150,000 - 15,750 = 134,250.
    expected = 1192.5 + 0.12 * (48475 - 11925) + 0.22 * (103350 - 48475) + 0.24 * (134250 - 103350)
    assert year["year"] == 2025
    assert lines["US federal income tax"] == pytest.approx(expected, abs=0.01)


def test_wages_by_year_and_401k(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    path = write_offer(TX.replace("base = 150000", "base = 100000") + """
        [sign_on]
        amount = 20000
        relocation = 5000
        [equity]
        grant_value = 40000
        vesting = "4y-even"
        [benefits]
        retirement_match_percent = 6
        employee_401k_percent = 4
        health_annual = 9000
    """.replace("        ", ""))
    offer = load_offer(path)
    # Sign-on, relocation and the RSU vest are wages; the match (capped at the 4% deferred) and health are not.
    y1 = pay_in_year(offer, 1)
    assert y1.retirement_match == pytest.approx(4000)
    assert taxable_wages(y1) == pytest.approx(100000 + 20000 + 5000 + 10000)
    doc = run_json(runner, str(path), "--after-tax", "--years", "2")
    years = doc["offers"][0]["years"]
    lines1 = {x["name"]: x["amount"] for x in years[0]["tax"]["lines"]}
    # Year 1: income-tax wages 135,000 - 4,000 deferred - 16,100 = 114,900; payroll taxes on all 135,000.
    assert lines1["US federal income tax"] == pytest.approx(BELOW_105700 + (114900 - 105700) * 0.24)
    assert lines1["Social Security"] == pytest.approx(135000 * 0.062)
    assert lines1["Medicare"] == pytest.approx(135000 * 0.0145)
    # Year 2: 100,000 + 10,000 vest - 4,000 - 16,100 = 89,900 taxable.
    lines2 = {x["name"]: x["amount"] for x in years[1]["tax"]["lines"]}
    assert lines2["US federal income tax"] == pytest.approx(1240 + 4560 + (89900 - 50400) * 0.22)
    for y in years:
        assert y["net"] == pytest.approx(y["total"] - y["tax"]["total"], abs=0.01)


def test_options_are_wages_at_vest(write_offer: Callable[..., Path]) -> None:
    offer = load_offer(write_offer(TX + """
        [equity]
        kind = "options"
        shares = 4000
        strike = 10
        fmv = 30
        vesting = "4y-even"
    """.replace("        ", "")))
    # 25% of 4,000 options at (30 - 10) intrinsic value vest in year 1.
    assert taxable_wages(pay_in_year(offer, 1)) == pytest.approx(150000 + 1000 * 20)


def test_taxes_in_the_display_currency(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    import tomllib

    usd_per_eur = tomllib.loads((REPO / "src/offercheck/data/rates.toml").read_text())["usd_per_unit"]["EUR"]
    doc = run_json(runner, str(write_offer(TX)), "--after-tax", "-c", "EUR", "--years", "1")
    assert doc["offers"][0]["years"][0]["tax"]["total"] == pytest.approx(36209 / usd_per_eur, abs=0.01)


def test_additional_medicare_and_wage_base(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    doc = run_json(runner, str(write_offer(TX.replace("150000", "300000"))), "--after-tax", "--years", "1")
    lines = {x["name"]: x["amount"] for x in doc["offers"][0]["years"][0]["tax"]["lines"]}
    assert lines["Social Security"] == pytest.approx(184500 * 0.062)
    assert lines["Additional Medicare"] == pytest.approx((300000 - 200000) * 0.009)


def test_state_inferred_from_the_city(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    doc = run_json(runner, str(write_offer(TX.replace('state = "TX"\n', ""))), "--after-tax", "--years", "1")
    offer = doc["offers"][0]
    assert offer["years"][0]["tax"]["total"] == pytest.approx(36209)
    assert any("state TX inferred from the city 'Austin'" in n for n in offer["tax_notes"])


@pytest.mark.parametrize(
    ("edit", "field", "words"),
    [
        (('state = "TX"', 'state = "PR"'), "location.state", "US state 'PR' is not supported"),
        (('state = "TX"\ncity = "Austin"', ""), "location.state", "no state given"),
    ],
)
def test_uncovered_jurisdictions_are_errors(runner: CliRunner, write_offer: Callable[..., Path],
                                            edit: tuple[str, str], field: str, words: str) -> None:
    text = TX.replace('city = "Austin"\nstate = "TX"', 'state = "TX"\ncity = "Austin"').replace(*edit)
    path = write_offer(text)
    result = runner.invoke(cli, ["compare", str(path), "--after-tax"])
    assert result.exit_code == 1
    # A likely mistake (Austin is not in FL) may be warned about first.
    errors = [line for line in result.stderr.splitlines() if not line.startswith("Warning: ")]
    assert errors[0].startswith(f"Error: {path}: {field}: ")
    assert words in result.stderr and "Traceback" not in result.stderr


def test_without_the_regime_there_is_no_silent_zero(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    # Not a zero: no tax, no net pay, and the note says why (the regime was switched off).
    doc = run_json(runner, str(write_offer(TX)), "--after-tax", "--without", "tax_us", "--years", "1")
    offer = doc["offers"][0]
    assert offer["years"][0]["tax"] is None and offer["years"][0]["net"] is None and offer["net"] is None
    assert offer["tax_note"] == "not estimated: no tax regime for US (tax_us is switched off with --without)"


PLUGIN = '''
from offercheck import hookimpl
from offercheck import TaxLine, TaxResult


@hookimpl
def offercheck_estimate_tax(offer, year_pay, tax_year):
    if offer.location.country not in ("FR", "US"):
        return None
    tax = round(0.3 * year_pay.base, 2)
    return TaxResult(offer.location.country, None, tax_year, offer.currency,
                     (TaxLine("flat 30%", tax, "income", "test plugin"),), ("a test regime",))
'''


def test_a_plugin_adds_or_overrides_a_regime(runner: CliRunner, write_offer: Callable[..., Path],
                                             tmp_path: Path) -> None:
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "flat.py").write_text(textwrap.dedent(PLUGIN), encoding="utf-8")
    fr = write_offer(TX.replace('country = "US"', 'country = "FR"'), "fr.toml")
    us = write_offer(TX, "us.toml")
    doc = run_json(runner, str(fr), str(us), "--after-tax", "--plugins-dir", str(plugins), "--years", "1")
    for offer in doc["offers"]:  # the installed plugin is asked before the built-in US regime
        assert offer["years"][0]["tax"]["total"] == pytest.approx(45000)
        assert offer["tax_plugin"] == "flat"


def test_rank_by_net(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    # 160,000 in California pays more tax than 150,000 in Texas: ahead on total, behind on net.
    ca = write_offer(TX.replace("Austin", "San Francisco").replace('"TX"', '"CA"').replace("150000", "160000")
                     .replace("Lonestar", "Golden"), "ca.toml")
    tx = write_offer(TX, "tx.toml")
    assert run_json(runner, str(ca), str(tx), "--after-tax")["ranking"] == ["Golden", "Lonestar"]
    doc = run_json(runner, str(ca), str(tx), "--after-tax", "--rank-by", "net")
    assert doc["ranking"] == ["Lonestar", "Golden"] and doc["rank_by"] == "net"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--rank-by", "net"], "--rank-by net needs --after-tax"),
        (["--rank-by", "real"], "--rank-by real needs --real"),
        (["--filing", "married"], "need --after-tax"),
        (["--tax-year", "2025"], "need --after-tax"),
        (["--home", "DE"], "--home needs --real"),
        (["--after-tax", "--tax-year", "2024"], "'2024' is not one of"),
    ],
)
def test_option_usage_errors(runner: CliRunner, write_offer: Callable[..., Path], args: list[str],
                             words: str) -> None:
    result = runner.invoke(cli, ["compare", str(write_offer(TX)), *args])
    assert result.exit_code == 2
    assert words in result.stderr


def test_cli_choices_follow_the_library() -> None:
    assert tuple(map(str, TAX_YEARS)) == cli_module.TAX_YEAR_CHOICES
    assert cli_module.RANK_BY == RANK_BY


def test_every_format_says_taxes_are_estimates(runner: CliRunner) -> None:
    offers = ["examples/bigtech-sf.toml", "examples/startup-nyc.toml"]
    for fmt in ("table", "markdown"):
        result = runner.invoke(cli, ["compare", *(str(REPO / o) for o in offers), "--after-tax", "-f", fmt])
        assert result.exit_code == 0 and "Taxes are estimates" in result.stdout
    result = runner.invoke(cli, ["compare", *(str(REPO / o) for o in offers), "--after-tax", "-f", "csv"])
    header = result.stdout.splitlines()[0].split(",")
    assert header[-3:] == ["estimated_tax", "estimated_net", "estimated_take_home"]


def test_start_up_without_after_tax_imports_no_tax_or_price_code() -> None:
    code = textwrap.dedent("""
        import sys
        from offercheck.cli.main import main
        try:
            main(["compare", "examples/bigtech-sf.toml"])
        except SystemExit:
            pass
        heavy = ("offercheck.tax", "offercheck.tax.aftertax", "offercheck.real.price_levels",
                 "offercheck.real.real_terms", "offercheck.places.price_areas", "offercheck.places.metros")
        # The tax registry is a table the plugin manager reads to register the built-in regimes: no tax code.
        light = {"offercheck.tax", "offercheck.tax.registry"}
        print(sorted(m for m in sys.modules if m.startswith(heavy) and m not in light), file=sys.stderr)
    """)
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_taxes_follow_the_jurisdiction_not_the_pay_currency(runner: CliRunner,
                                                           write_offer: Callable[..., Path]) -> None:
    import tomllib

    usd_per_eur = tomllib.loads((REPO / "src/offercheck/data/rates.toml").read_text())["usd_per_unit"]["EUR"]
    berlin = '[offer]\ncompany = "{c}"\ncurrency = "{cur}"\n[location]\ncountry = "DE"\n[salary]\nbase = {b}\n'
    in_usd = write_offer(berlin.format(c="USD pay", cur="USD", b=100000), "usd.toml")
    in_eur = write_offer(berlin.format(c="EUR pay", cur="EUR", b=round(100000 / usd_per_eur, 2)), "eur.toml")
    doc = run_json(runner, str(in_usd), str(in_eur), "--after-tax", "-c", "EUR", "--years", "1")
    # The same wages in Germany owe the same German tax, whatever currency the contract names.
    usd, eur = (o["years"][0]["tax"] for o in doc["offers"])
    assert usd["total"] == pytest.approx(eur["total"], abs=0.05)
    assert [x["name"] for x in usd["lines"]] == [x["name"] for x in eur["lines"]]


def test_canada_needs_a_province(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    path = write_offer('[offer]\ncompany = "T"\ncurrency = "CAD"\n[location]\ncountry = "CA"\n[salary]\nbase = 1\n')
    result = runner.invoke(cli, ["compare", str(path), "--after-tax"])
    assert result.exit_code == 1
    assert f"Error: {path}: location.state: no province given" in result.stderr


def test_401k_deferral_is_capped_at_the_limit(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    text = TX.replace("150000", "400000") + "[benefits]\nemployee_401k_percent = 10\n"
    doc = run_json(runner, str(write_offer(text)), "--after-tax", "--years", "1")
    offer = doc["offers"][0]
    lines = {x["name"]: x["amount"] for x in offer["years"][0]["tax"]["lines"]}
    # 10% of 400,000 is 40,000, capped at the 2026 limit of 24,500: taxable 400,000 - 24,500 - 16,100 = 359,400.
    expected = (1240 + 0.12 * (50400 - 12400) + 0.22 * (105700 - 50400) + 0.24 * (201775 - 105700)
                + 0.32 * (256225 - 201775) + 0.35 * (359400 - 256225))
    assert lines["US federal income tax"] == pytest.approx(expected, abs=0.01)
    assert any("capped at the 2026 limit of 24,500" in n for n in offer["tax_notes"])
