"""`offercheck benchmarks show|build` and `compare --benchmarks FILE`.

Expected figures are computed here from the inputs (the csv module, tomllib, hand arithmetic), never copied
from the program's output.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import statistics
import textwrap
from pathlib import Path

import pytest
import tomllib
from click.testing import CliRunner

from offercheck.cli.main import cli
from offercheck.market.benchmark_files import load_benchmarks
from offercheck.places import all_countries
from offercheck.plugins.manager import BUILTIN_FACTORS
from tests.conftest import REPO, SHARED

AIJOBS = SHARED / "data" / "aijobs_salaries_2025-01-19.csv"
needs_data = pytest.mark.skipif(not AIJOBS.exists(), reason=f"shared survey data not found at {AIJOBS}")
PACKAGED = REPO / "src" / "offercheck" / "data" / "benchmarks.toml"


def invoke(runner: CliRunner, *args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(cli, [str(a) for a in args])
    # Errors must be clean click exits, never a Python exception escaping the command.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def cell_of(path: Path, role: str | None, band: str | None, country: str | None) -> dict[str, object]:
    cells = tomllib.loads(path.read_text(encoding="utf-8"))["cells"]
    [cell] = [c for c in cells if (c.get("role"), c.get("experience"), c.get("country")) == (role, band, country)]
    return dict(cell)


# --- build ---------------------------------------------------------------------------------------------

@needs_data
def test_build_from_aijobs_matches_the_survey_median(runner: CliRunner, tmp_path: Path) -> None:
    with AIJOBS.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        raw = list(reader)
    unique = [dict(zip(header, r, strict=True)) for r in set(map(tuple, raw))]
    # The survey's own median for US, senior (SE), full-time "Machine Learning Engineer" responses paid in USD.
    expected = statistics.median(
        float(r["salary"]) for r in unique
        if r["job_title"] == "Machine Learning Engineer" and r["experience_level"] == "SE"
        and r["employee_residence"] == "US" and r["employment_type"] == "FT" and r["salary_currency"] == "USD")

    out = tmp_path / "aijobs.toml"
    code, _, err = invoke(runner, "benchmarks", "build", AIJOBS, "-o", out)
    assert code == 0, err
    # Used: full-time rows paid in their residence country's currency; the one CLP row is bad (no exchange rate).
    local = {code: c.currency for code, c in all_countries().items()}
    bad = sum(1 for r in unique if r["salary_currency"] == "CLP")
    full_time = sum(1 for r in unique if r["employment_type"] == "FT" and r["salary_currency"] != "CLP"
                    and r["salary_currency"] == local.get(r["employee_residence"]))
    assert bad == 1
    assert f"read {len(raw):,} rows, dropped {len(raw) - len(unique):,} duplicates, 1 bad rows" in err
    assert f"used {full_time:,}" in err and f"Wrote {out}" in err

    bench = load_benchmarks(out).lookup(role="ML Engineer", years_experience=7, country="US")
    assert bench.keyed_by == ("role", "experience", "country") and bench.fallback is None
    # The role also covers MLOps, computer vision and similar titles, so allow a few percent.
    assert bench.base.p50 == pytest.approx(expected, rel=0.03)
    # The survey has salary only: no total cell; cash is base plus the file's 15% bonus norm.
    assert bench.total is None and bench.bonus_norm == 0.15 and bench.bonus_norm_measured is False
    assert bench.cash.p50 == pytest.approx(bench.base.p50 * 1.15)

    doc = tomllib.loads(out.read_text(encoding="utf-8"))
    [source] = doc["sources"]
    assert source["sha256"] == hashlib.sha256(AIJOBS.read_bytes()).hexdigest()
    assert source["file"] == AIJOBS.name and source["licence"].startswith("CC0")
    assert (source["rows_read"], source["duplicates"], source["rows_used"]) == (
        len(raw), len(raw) - len(unique), full_time)
    assert source["bad_rows"] == 1 and "built" in doc["meta"] and doc["meta"]["bonus_norm_measured"] is False
    # Each country's cells in its own currency, and no all-country cell (its rows would mix currencies).
    cells = doc["cells"]
    assert {c["currency"] for c in cells if c["country"] == "GB"} == {"GBP"} and all("country" in c for c in cells)


SURVEY = """\
Title,Annual Pay,YOE,Nation
{rows}Data Scientist,n/a,4,US
Data Scientist,,4,US
Data Scientist
Data Scientist,-1,4,US
"""


def write_generic(tmp_path: Path, name: str = "company.csv") -> Path:
    # 31 data scientists with 4 years in the US, paid 100,000 + 1,000 i for i = 0..30, the first one twice;
    # then one non-numeric, one missing and one non-positive pay and a short row: all bad, none used.
    rows = [f"Senior Data Scientist,{100_000 + 1_000 * i},4,us\n" for i in range(31)]
    path = tmp_path / name
    path.write_text(SURVEY.format(rows="".join([rows[0], *rows])), encoding="utf-8")
    return path


def build_generic(runner: CliRunner, tmp_path: Path, *extra: str) -> tuple[int, Path, str]:
    out = tmp_path / "company.toml"
    code, _, err = invoke(runner, "benchmarks", "build", write_generic(tmp_path), "-o", out,
                          "--map", "base=Annual Pay", "--map", "role=title", "--map", "years=YOE",
                          "--map", "country=Nation", *extra)
    return code, out, err


def test_build_generic_mapping_counts_and_never_uses_bad_rows(runner: CliRunner, tmp_path: Path) -> None:
    code, out, err = build_generic(runner, tmp_path)
    assert code == 0, err
    # 32 pay rows + 4 bad rows read; 1 duplicate; 31 used.
    assert ("read 36 rows, dropped 1 duplicates, 4 bad rows (missing columns: 1, missing pay: 1, "
            "non-numeric pay: 1, pay not a positive number: 1), used 31") in err
    cell = cell_of(out, "data scientist", "3-5", "US")
    # Median of 100,000 .. 130,000 in steps of 1,000 (31 values) is the 16th: 115,000; p25 = h = 30 x 0.25 =
    # 7.5 -> 107,500; p90 = h = 27 -> 127,000. A bad row leaking in would move these.
    assert cell["n"] == 31 and "fallback" not in cell
    assert cell["base"] == {"p10": 103_000, "p25": 107_500, "p50": 115_000, "p75": 122_500, "p90": 127_000}
    # No total or stock column mapped: the cell has base pay only, and no claim of equity.
    assert "total" not in cell and "total_includes_equity" not in cell
    [source] = tomllib.loads(out.read_text(encoding="utf-8"))["sources"]
    assert source["bad_rows"] == 4 and source["bad_reasons"]["non-numeric pay"] == 1
    assert "licence" not in source  # a generic file's licence is unknown: none is claimed


def test_build_reports_progress_on_long_files(runner: CliRunner, tmp_path: Path) -> None:
    survey = tmp_path / "long.csv"
    # 200,001 distinct responses: progress lines at 100,000 and 200,000, then the summary.
    survey.write_text("pay\n" + "".join(f"{50_000 + i}\n" for i in range(200_001)), encoding="utf-8")
    code, _, err = invoke(runner, "benchmarks", "build", survey, "-o", "-", "--map", "base=pay")
    assert code == 0, err
    assert err.splitlines() == ["... 100,000 rows", "... 200,000 rows",
                                "read 200,001 rows, dropped 0 duplicates, 0 bad rows, used 200,001"]


def test_build_min_sample_falls_back_or_refuses(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = build_generic(runner, tmp_path, "--min-sample", "32")
    assert code == 1
    assert err.startswith("Error: ") and "minimum sample of 32" in err and len(err.splitlines()) == 1
    # 31 usable rows (36 read, 1 duplicate, 4 bad) < 32: the pay column, the key columns and the counts.
    assert err.startswith(f"Error: {tmp_path / 'company.csv'}: Annual Pay: no group reaches the minimum sample")
    assert "only 31 usable rows in all (grouped by Title x YOE x Nation; read 36 rows" in err


def test_build_rejects_a_non_survey_file(runner: CliRunner, tmp_path: Path) -> None:
    offer = tmp_path / "offer.toml"
    offer.write_text('[offer]\ncompany = "Acme"\n[salary]\nbase = 1\n', encoding="utf-8")
    code, _, err = invoke(runner, "benchmarks", "build", offer, "-o", tmp_path / "x.toml")
    assert code == 1 and err.startswith(f"Error: {offer}: not a recognised salary survey")
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "x.toml").exists()
    # A mapping to a column the file does not have, a bad --map and a missing file.
    code, _, err = invoke(runner, "benchmarks", "build", write_generic(tmp_path), "-o", tmp_path / "x.toml",
                          "--map", "base=salary")
    assert code == 1 and "mapping base=salary: no such column" in err
    code, _, err = invoke(runner, "benchmarks", "build", offer, "-o", tmp_path / "x.toml", "--map", "base")
    assert code == 2 and "expected KEY=COLUMN" in err
    code, _, err = invoke(runner, "benchmarks", "build", tmp_path / "nope.csv", "-o", tmp_path / "x.toml")
    assert code == 1 and err.startswith(f"Error: {tmp_path / 'nope.csv'}: cannot read")


def test_build_refuses_to_overwrite_without_force(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "company.toml"
    out.write_text("keep me", encoding="utf-8")
    code, _, err = build_generic(runner, tmp_path)
    assert code == 1 and err == f"Error: {out}: file exists; use --force to overwrite it\n"
    assert out.read_text(encoding="utf-8") == "keep me"
    code, _, err = build_generic(runner, tmp_path, "--force")
    assert code == 0, err
    assert load_benchmarks(out).lookup(role="data scientist", years_experience=4, country="US").base.p50 == 115_000


# --- compare --benchmarks ------------------------------------------------------------------------------

OFFER = """
[offer]
company = "Acme"
role = "data scientist"
[candidate]
years_experience = 4
[salary]
base = 120000
"""


def market_of(runner: CliRunner, offer: Path, *args: str | Path) -> dict[str, object]:
    code, out, err = invoke(runner, "compare", offer, "-f", "json", "-c", "USD", *args)
    assert code == 0, err
    market: dict[str, object] = json.loads(out)["offers"][0]["benchmark"]
    return market


def test_compare_uses_the_benchmark_file(runner: CliRunner, tmp_path: Path) -> None:
    code, built, err = build_generic(runner, tmp_path)
    assert code == 0, err
    offer = tmp_path / "offer.toml"
    offer.write_text(textwrap.dedent(OFFER), encoding="utf-8")
    cell = cell_of(built, "data scientist", "3-5", "US")
    base_p50 = cell["base"]["p50"]  # type: ignore[index]

    # Without any factor the market is the file's cell itself; cash = base x 1.15 (the file's bonus norm).
    without = [arg for name in BUILTIN_FACTORS for arg in ("--without", name)]
    bare = market_of(runner, offer, "--benchmarks", built, *without)
    assert bare["base_p50"] == base_p50 == 115_000 and bare["total_p50"] is None
    assert bare["cash_p50"] == pytest.approx(115_000 * 1.15)
    assert bare["cell"] == {"role": "data scientist", "experience": "3-5", "country": "US", "city": None, "n": 31,
                            "borrowed_from": None}

    # With the factors: the file's p50 times the product of the factors' multipliers.
    market = market_of(runner, offer, "--benchmarks", built)
    product = 1.0
    for adjustment in market["adjustments"]:  # type: ignore[attr-defined]
        product *= adjustment["multiplier"]
    assert market["base_p50"] == pytest.approx(base_p50 * product, rel=1e-3)
    assert market["cash_p50"] == pytest.approx(base_p50 * 1.15 * product, rel=1e-3)
    # ... and not the built-in figure: for a US offer with no city that is the BLS national median for 15-2051
    # data scientists, read here from the packaged extract.
    bls = json.loads((PACKAGED.parent / "market" / "bls_anchor.json").read_text(encoding="utf-8"))
    national_p50 = bls["wages"]["0000000"]["15-2051"][bls["quantile_keys"].index("p50")]
    anchored = market_of(runner, offer, *without)  # aged from May 2025 to the suite's pinned today by the ECI
    assert anchored["base_p50"] == pytest.approx(national_p50 * anchored["aged"]["factor"], abs=0.5)
    assert anchored["base_p50"] != base_p50


def test_plugin_benchmarks_still_overlay_the_file(runner: CliRunner, tmp_path: Path) -> None:
    code, built, err = build_generic(runner, tmp_path)
    assert code == 0, err
    bands = tmp_path / "bands.toml"
    bands.write_text(textwrap.dedent("""
        [[sources]]
        id = "acme"
        title = "Acme bands"
        year = 2026
        [[cells]]
        role = "data scientist"
        experience = "3-5"
        country = "US"
        base = { p25 = 90000, p50 = 99000, p75 = 110000 }
        total = { p25 = 99000, p50 = 108900, p75 = 121000 }
        """), encoding="utf-8")
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "acme_bands.py").write_text(textwrap.dedent(f"""
        from offercheck import hookimpl

        @hookimpl
        def offercheck_register_benchmarks(register):
            register({str(bands)!r})
        """), encoding="utf-8")
    offer = tmp_path / "offer.toml"
    offer.write_text(textwrap.dedent(OFFER), encoding="utf-8")
    without = [arg for name in BUILTIN_FACTORS for arg in ("--without", name)]
    market = market_of(runner, offer, "--benchmarks", built, "--plugins-dir", plugins, *without)
    assert market["base_p50"] == 99_000 and market["source"] == "Acme bands"


def test_compare_with_a_bad_benchmark_file(runner: CliRunner, tmp_path: Path) -> None:
    offer = tmp_path / "offer.toml"
    offer.write_text(textwrap.dedent(OFFER), encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text("[[sources]]\nid = 'x'\ntitle = 'x'\nyear = 2024\n", encoding="utf-8")
    code, _, err = invoke(runner, "compare", offer, "--benchmarks", bad)
    assert code == 1 and err == f"Error: {bad}: cells: Field required\n"


@pytest.mark.parametrize("old_format", ["", "format = 1\n"])
def test_a_file_built_by_an_older_version_says_what_to_rebuild(runner: CliRunner, tmp_path: Path,
                                                               old_format: str) -> None:
    code, built, err = build_generic(runner, tmp_path)
    assert code == 0, err
    text = built.read_text(encoding="utf-8")
    assert "\nformat = 2\n" in text
    built.write_text(text.replace("\nformat = 2\n", "\n" + old_format), encoding="utf-8")
    offer = tmp_path / "offer.toml"
    offer.write_text(textwrap.dedent(OFFER), encoding="utf-8")
    code, out, err = invoke(runner, "compare", offer, "--benchmarks", built)
    assert code == 1 and out == "" and len(err.splitlines()) == 1
    assert err.startswith(f"Error: {built}: meta.format: built by an older offercheck (")
    assert ("format 1;" if old_format else "no meta.format") in err
    assert f"`offercheck benchmarks build SURVEY.csv -o {built}`" in err


def test_a_hand_written_file_without_meta_still_works(runner: CliRunner, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(textwrap.dedent("""
        [[sources]]
        id = "me"
        title = "My notes"
        year = 2025
        [[cells]]
        role = "data scientist"
        experience = "3-5"
        country = "US"
        base = { p25 = 100000, p50 = 111000, p75 = 125000 }
        """), encoding="utf-8")
    offer = tmp_path / "offer.toml"
    offer.write_text(textwrap.dedent(OFFER), encoding="utf-8")
    without = [arg for name in BUILTIN_FACTORS for arg in ("--without", name)]
    assert market_of(runner, offer, "--benchmarks", mine, *without)["base_p50"] == 111_000


# --- show ----------------------------------------------------------------------------------------------

def test_show_json_has_every_figure_with_its_source(runner: CliRunner) -> None:
    # The file's own cells (named with --benchmarks: with the built-in tables a US offer with a role is scored
    # against its BLS anchor, and that is what `show --country US --role ...` lists, tests/market/anchors).
    code, out, err = invoke(runner, "benchmarks", "show", "--role", "ML Engineer", "--country", "us", "-f", "json",
                            "--benchmarks", PACKAGED)
    assert code == 0, err
    doc = json.loads(out)
    raw = tomllib.loads(PACKAGED.read_text(encoding="utf-8"))
    expected = [c for c in raw["cells"]
                if c.get("role") == "machine learning engineer" and c.get("country") == "US"]
    assert len(doc["cells"]) == len(expected) == 1  # by role and country, all experience (the curve moves it)
    sources = {s["id"]: s for s in raw["sources"]}
    for got, want in zip(doc["cells"], expected, strict=True):
        assert (got["experience"], got["n"], got["source"]) == (want.get("experience"), want["n"], want["source"])
        assert got["base"] == want["base"] and got["total"] == want.get("total")
        assert got["source_title"] == sources[want["source"]]["title"] and got["year"] == want["year"]
        assert got["method"] == want["method"]
    [shown] = doc["sources"]
    assert shown["sha256"] == sources[shown["id"]]["sha256"] and shown["licence"] == "CC0 1.0"
    assert shown["rows_read"] == 74_301 and doc["note"] is None


def test_show_table_and_markdown(runner: CliRunner, tmp_path: Path) -> None:
    code, built, err = build_generic(runner, tmp_path)
    assert code == 0, err
    code, out, _ = invoke(runner, "benchmarks", "show", "--benchmarks", built, "--experience", "4")
    assert code == 0
    lines = out.splitlines()
    # A survey without a year column: the figures are dated by the build year.
    [base] = [x.split() for x in lines if x.startswith("data scientist") and " US " in x]
    assert base[:2] == ["data", "scientist"] and base[2:5] == ["3-5y", "US", "base"]
    assert base[5:] == ["103,000", "107,500", "115,000", "122,500", "127,000", "31", "company",
                        str(dt.date.today().year), "[1]"]
    assert "[1] survey base pay, type-7 quantiles" in lines
    assert "    bad_reasons: missing columns 1, missing pay 1, non-numeric pay 1, pay not a positive number 1" in lines
    code, md, _ = invoke(runner, "benchmarks", "show", "--benchmarks", built, "-f", "markdown")
    # The file name is text from the user: escaped as markdown (no "." of a bare domain left to link).
    escaped = str(built).replace(".", "\\.")
    assert code == 0 and md.startswith(f"## Benchmarks: {escaped}") and "## Sources" in md
    assert "| data scientist" in md


def test_show_unknown_keys_list_the_known_ones(runner: CliRunner) -> None:
    code, _, err = invoke(runner, "benchmarks", "show", "--role", "quantum chef")
    assert code == 1 and err.startswith("Error: offercheck/data/benchmarks.toml: no benchmark for role 'quantum chef'")
    assert "known: ai engineer, " in err and "machine learning engineer" in err
    # A real country the file has no cell for is the data's gap (an unknown code is a usage error, below).
    code, _, err = invoke(runner, "benchmarks", "show", "--country", "PL")
    assert code == 1 and "no benchmark for country 'PL'; known: " in err and "US" in err
    code, _, err = invoke(runner, "benchmarks", "show", "--experience", "senior")
    assert code == 1 and "known: 0-2, 3-5, 6-9, 10+" in err


def test_show_known_keys_without_a_cell_show_the_fallback(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "two.toml"
    path.write_text(textwrap.dedent("""
        [[sources]]
        id = "two"
        title = "Two cells"
        year = 2025
        [[cells]]
        role = "data scientist"
        country = "US"
        base = { p25 = 100000, p50 = 120000, p75 = 140000 }
        total = { p25 = 110000, p50 = 132000, p75 = 154000 }
        [[cells]]
        country = "CA"
        base = { p25 = 70000, p50 = 80000, p75 = 90000 }
        total = { p25 = 77000, p50 = 88000, p75 = 99000 }
        """), encoding="utf-8")
    code, out, err = invoke(runner, "benchmarks", "show", "--benchmarks", path, "--role", "Data Scientist",
                            "--country", "CA", "-f", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert [(c["role"], c["country"], c["base"]["p50"]) for c in doc["cells"]] == [(None, "CA", 80_000)]
    assert doc["note"] == "no data scientist / all experience / CA cell; used all roles / all experience / CA"
