"""The command line: formats, output files, validate, new, schema, version and exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from offercheck import __version__
from offercheck.cli.main import main
from offercheck.offer.loading import load_offer
from offercheck.pay.comp import pay_by_year
from tests.conftest import EXAMPLES, REPO, check_golden, invoke

pytestmark = pytest.mark.usefixtures("in_repo")

EXAMPLE_FILES = sorted(str(p.relative_to(REPO)) for p in EXAMPLES.glob("*.toml"))


@pytest.mark.parametrize(("fmt", "golden", "explain"), [
    ("table", "compare.txt", ()), ("markdown", "compare.md", ()),
    ("table", "compare_explain.txt", ("--explain",)), ("markdown", "compare_explain.md", ("--explain",))])
def test_compare_golden(runner: CliRunner, fmt: str, golden: str, explain: tuple[str, ...]) -> None:
    # The paper view (issue 17); the short default page and the --explain one (DESIGN section 6).
    code, out, _ = invoke("compare", *EXAMPLE_FILES, "--currency", "USD", "--format", fmt, "--equity", "paper",
                          *explain)
    assert code == 0
    check_golden(golden, out)


def test_compare_json_contract(runner: CliRunner) -> None:
    code, out, _ = invoke("compare", *EXAMPLE_FILES, "--currency", "USD", "-f", "json", "--years", "3")
    assert code == 0
    doc = json.loads(out)
    assert doc["offercheck_version"] == __version__
    assert doc["currency"] == "USD" and doc["horizon_years"] == 3
    assert doc["rates_date"] == "2026-10-30"
    offers = {o["label"]: o for o in doc["offers"]}
    sf = offers["Bigtech SF — Senior MLE"]
    assert sf["file"] == "examples/bigtech-sf.toml" and sf["company"] == "Bigtech Inc."
    keys = {"year", "base", "bonus", "sign_on", "equity", "equity_paper", "benefits", "total"}
    assert [set(y) for y in sf["years"]] == [keys] * 3
    # startup-nyc.toml gives no liquidity_probability: the comparison's one view is paper (DESIGN section 4), for
    # every offer, and the note says why.
    assert sf["equity_view"] == "paper" and sf["exercise_cost"] == 0  # RSUs: nothing to exercise
    assert doc["equity_view_note"].startswith("the private grant is valued at paper, not at risk: Tensorloom")
    # Independent check of year 1 of the SF offer from its file: 212,000 base, 15% bonus, 60,000 + 10,000
    # sign-on and relocation, 5% of 400,000 RSUs, 4% match + 9,000 health + ESPP 10% at 15% + 2,000.
    y1 = sf["years"][0]
    assert y1["base"] == 212000 and y1["bonus"] == 31800 and y1["sign_on"] == 70000 and y1["equity"] == 20000
    assert y1["benefits"] == pytest.approx(8480 + 9000 + 21200 * 0.15 / 0.85 + 2000, abs=0.01)
    assert sf["total"] == pytest.approx(sum(y["total"] for y in sf["years"]), abs=0.05)
    assert sf["annual_average"] == pytest.approx(sf["total"] / 3, abs=0.01)
    totals = {label: o["total"] for label, o in offers.items()}
    assert doc["ranking"] == sorted(totals, key=lambda k: -totals[k])


def test_compare_converts_with_the_rate_table(runner: CliRunner) -> None:
    import tomllib

    rates = tomllib.loads((REPO / "src/offercheck/data/rates.toml").read_text())["usd_per_unit"]
    _, out, _ = invoke("compare", "examples/bank-toronto.toml", "-c", "EUR", "-f", "json")
    year1 = json.loads(out)["offers"][0]["years"][0]
    assert year1["base"] == pytest.approx(165000 * rates["CAD"] / rates["EUR"], abs=0.01)


def test_compare_csv(runner: CliRunner) -> None:
    code, out, _ = invoke("compare", *EXAMPLE_FILES, "-f", "csv", "-y", "2")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 2 * len(EXAMPLE_FILES)
    toronto = [r for r in rows if r["file"] == "examples/bank-toronto.toml"]
    expected = [y.total for y in pay_by_year(load_offer("examples/bank-toronto.toml"), 2)]
    assert [float(r["total"]) for r in toronto] == pytest.approx(expected)


def test_csv_neutralises_formulas(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    path = write_offer('[offer]\ncompany = "=HYPERLINK(\\"http://x\\")"\nlabel = "@SUM(A1)"\n[salary]\nbase = 1\n')
    _, out, _ = invoke("compare", str(path), "-f", "csv")
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["label"] == "'@SUM(A1)" and row["company"].startswith("'=")


def test_output_file_is_not_overwritten_without_force(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("keep me")
    code, _, err = invoke("compare", EXAMPLE_FILES[0], "-f", "json", "-o", str(target))
    assert code == 1 and "file exists; use --force" in err and target.read_text() == "keep me"
    code, _, _ = invoke("compare", EXAMPLE_FILES[0], "-f", "json", "-o", str(target), "--force")
    assert code == 0 and json.loads(target.read_text())["offers"]


def test_unknown_display_currency(runner: CliRunner) -> None:
    code, _, err = invoke("compare", EXAMPLE_FILES[0], "--currency", "EURO")
    assert code == 2  # a usage error
    assert err.splitlines()[-1].startswith("Error: --currency: unknown currency 'EURO'; did you mean EUR?")


def test_bad_format_is_a_usage_error(runner: CliRunner) -> None:
    code, _, err = invoke("compare", EXAMPLE_FILES[0], "--format", "xml")
    assert code == 2 and "'xml' is not one of" in err


def test_compare_reports_every_bad_file(runner: CliRunner, tmp_path: Path) -> None:
    code, out, err = invoke("compare", str(tmp_path / "a.toml"), str(tmp_path / "b.toml"))
    assert code == 1 and out == ""
    assert err.splitlines() == [
        f"Error: {tmp_path / 'a.toml'}: no such file",
        f"Error: {tmp_path / 'b.toml'}: no such file",
    ]


def test_validate(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    bad = write_offer('[offer]\ncompany = ""\n[salary]\nbase = -1\n', name="bad.toml")
    code, out, err = invoke("validate", EXAMPLE_FILES[0], str(bad))
    assert code == 1
    assert out == f"{EXAMPLE_FILES[0]}: ok\n"
    assert f"Error: {bad}: offer.company: String should have at least 1 character" in err
    assert f"Error: {bad}: salary.base: Input should be greater than 0" in err


def test_new_writes_a_template_that_validates(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    assert invoke("new", str(target))[0] == 0
    assert "# " in target.read_text()
    assert invoke("validate", str(target)) == (0, f"{target}: ok\n", "")
    code, _, err = invoke("new", str(target))
    assert code == 1 and "file exists" in err


def test_schema_describes_the_offer_file(runner: CliRunner) -> None:
    code, out, _ = invoke("schema")
    doc = json.loads(out)
    assert code == 0 and doc["required"] == ["offer", "salary"]
    assert doc["$defs"]["Salary"]["properties"]["base"]["exclusiveMinimum"] == 0
    assert doc["$defs"]["Salary"]["additionalProperties"] is False


def test_version_and_short_help(runner: CliRunner) -> None:
    assert invoke("--version")[1] == f"offercheck, version {__version__}\n"
    code, out, _ = invoke("compare", "-h")
    assert code == 0 and "--years" in out and "--format" in out


def test_main_turns_internal_errors_into_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import offercheck.api

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(offercheck.api, "compare", boom)
    with pytest.raises(SystemExit) as info:
        main(["compare", EXAMPLE_FILES[0]])
    assert info.value.code == 1
    assert capsys.readouterr().err == "Error: internal error: RuntimeError: boom (run with --debug for the traceback)\n"


def test_python_dash_m_with_exit_codes() -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "offercheck", "compare", EXAMPLE_FILES[0]], capture_output=True, text=True, cwd=REPO
    )
    assert ok.returncode == 0 and "Offers ranked" in ok.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "offercheck", "compare", "missing.toml"], capture_output=True, text=True, cwd=REPO
    )
    assert bad.returncode == 1 and bad.stderr == "Error: missing.toml: no such file\n"
    usage = subprocess.run([sys.executable, "-m", "offercheck", "compare"], capture_output=True, text=True)
    assert usage.returncode == 2 and "Traceback" not in usage.stderr
