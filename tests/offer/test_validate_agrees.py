"""`validate` runs exactly the checks `compare` runs (issue 26 item 5): the same loading, likely mistakes, place
checks, plugin settings and market guesses, so the two print the same warning and error lines for a file; roles
and places that no table knows get "did you mean"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from offercheck.cli.main import cli

HEAD = '[offer]\ncompany = "Acme"\n'
BASE = "[salary]\nbase = 150000\n"
SEATTLE = '[location]\ncity = "Seattle"\nstate = "WA"\n'

# name -> (file text, words its one file-check line holds; None: no warning at all)
FILES: dict[str, tuple[str, str | None]] = {
    "role-typo": (HEAD + 'role = "sofware engineer"\n' + SEATTLE + BASE,
                  "offer.role: 'sofware engineer' is not a known role; did you mean 'software engineer'?"),
    "washington": (HEAD + 'role = "software engineer"\n[location]\ncity = "Seattle"\nstate = "Washington"\n' + BASE,
                   None),
    "ambiguous-city": (HEAD + 'role = "data scientist"\n[location]\ncity = "Springfield"\n' + BASE,
                       "location.state: 'Springfield' could be in MA, MO, IL, OR or OH; set [location] state"),
    "city-typo": (HEAD + 'role = "data scientist"\n[location]\ncity = "San Fransisco"\nstate = "CA"\n' + BASE,
                  "location.city: 'San Fransisco' is not a US city the place tables know; did you mean "
                  "'San Francisco'"),
    "city-typo-no-role": (HEAD + '[location]\ncity = "Seatle"\n' + BASE, "did you mean 'Seattle'"),
    "state-typo": (HEAD + 'role = "data scientist"\n[location]\ncity = "Seattle"\nstate = "Wshington"\n' + BASE,
                   "location.state: unknown US state 'Wshington' (use a postal code such as TX); did you mean "
                   "Washington (WA)?"),
    "province-typo": (HEAD + '[location]\ncity = "Toronto"\nstate = "Ontari"\ncountry = "CA"\n' + BASE,
                      "did you mean Ontario (ON)?"),
    "lives-in": (HEAD + 'role = "data scientist"\n[candidate]\nlives_in = "Atlantis"\n[location]\n'
                 'remote = "remote"\n' + BASE, "candidate.lives_in: no place matches 'Atlantis'"),
    "lives-in-ambiguous": (HEAD + '[candidate]\nlives_in = "Kansas City"\n[location]\nremote = "remote"\n' + BASE,
                           "candidate.lives_in: 'Kansas City' could be in MO or KS; write 'City, ST'"),
    "country-code": (HEAD + BASE + '[location]\ncountry = "UK"\n', "did you mean 'GB'?"),
    "unknown-country": (HEAD + BASE + '[location]\ncountry = "ZZ"\n', "location.country: unknown country 'ZZ'"),
    "fraction": (HEAD + SEATTLE + BASE + "[bonus]\ntarget_percent = 0.15\n", "e.g. 15 for 15%"),
    "industry-typo": (HEAD + SEATTLE + BASE + '[company]\nindustry = "fintek"\n', "did you mean 'finance'?"),
    "clean": (HEAD + 'role = "data scientist"\n' + SEATTLE + BASE, None),
}
ERRORS: dict[str, str] = {  # files neither command accepts: the same error lines
    "plugin-table": HEAD + BASE + "[plugins.pay_rnge]\nx = 1\n",
    "quoted-base": HEAD + '[salary]\nbase = "150,000"\n',
    "leaving-in-an-offer": HEAD + BASE + "[leaving]\nunpaid_bonus = 1\n",
}


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _stderr(runner: CliRunner, *args: str) -> tuple[int, list[str]]:
    result = runner.invoke(cli, list(args))
    return result.exit_code, result.stderr.splitlines()


@pytest.mark.parametrize("name", list(FILES))
def test_validate_prints_what_compare_prints(runner: CliRunner, tmp_path: Path, name: str) -> None:
    text, words = FILES[name]
    path = _write(tmp_path, name, text)
    code, said = _stderr(runner, "validate", path)
    assert (code, said) == _stderr(runner, "compare", path) and code == 0
    if words is None:
        assert said == []
    else:
        assert said[0].startswith(f"Warning: {path}: ") and words in said[0], said
    # --strict: the same lines, as errors
    strict, lines = _stderr(runner, "validate", "--strict", path)
    assert (strict, lines) == ((1, [s.replace("Warning:", "Error:", 1) for s in said]) if said else (0, []))


@pytest.mark.parametrize("name", list(ERRORS))
def test_a_file_compare_refuses_validate_refuses_in_the_same_words(runner: CliRunner, tmp_path: Path,
                                                                   name: str) -> None:
    path = _write(tmp_path, name, ERRORS[name])
    code, said = _stderr(runner, "validate", path)
    assert (code, said) == _stderr(runner, "compare", path) and code == 1
    assert said and all(line.startswith(f"Error: {path}: ") for line in said)


def test_all_files_at_once(runner: CliRunner, tmp_path: Path) -> None:
    paths = [_write(tmp_path, name, text) for name, (text, _) in FILES.items()]
    code, said = _stderr(runner, "validate", *paths)
    assert code == 0
    # compare reads every file before it scores any, so its lines come in another order: the same lines
    assert sorted(said) == sorted(_stderr(runner, "compare", *paths)[1])


def test_a_current_job_file_is_checked_as_compare_current_reads_it(runner: CliRunner, tmp_path: Path) -> None:
    offer = _write(tmp_path, "offer", FILES["clean"][0])
    job = _write(tmp_path, "job", HEAD + '[location]\ncity = "Portland"\n' + BASE + "[leaving]\nunpaid_bonus = 0.5\n")
    code, said = _stderr(runner, "validate", "--current", job)
    assert code == 0 and said == _stderr(runner, "compare", offer, "--current", job)[1]
    assert said and all(line.startswith(f"Warning: {job}: ") for line in said)


def test_a_full_state_name_is_accepted_by_both_and_read_as_its_code(runner: CliRunner, tmp_path: Path) -> None:
    written = _write(tmp_path, "written", FILES["washington"][0])
    coded = _write(tmp_path, "coded", FILES["washington"][0].replace('"Washington"', '"WA"'))
    result = runner.invoke(cli, ["validate", "--strict", written])
    assert (result.exit_code, result.stderr) == (0, "") and result.stdout == f"{written}: ok\n"

    def offer(path: str) -> dict[str, object]:
        out = runner.invoke(cli, ["compare", path, "--format", "json"])
        assert (out.exit_code, out.stderr) == (0, "")
        found: dict[str, object] = json.loads(out.stdout)["offers"][0]
        return {k: v for k, v in found.items() if k not in ("file", "label")}

    assert offer(written) == offer(coded)  # the same Seattle, WA benchmark and score


@pytest.mark.parametrize(("role", "meant"), [
    ("sofware engineer", "'software engineer'"), ("Senior Data Scientst", "'data scientist'"),
    ("machne learning engineer", "'machine learning engineer'"), ("data enginer", "'data engineer'"),
])
def test_an_unknown_role_gets_the_closest_role_keys(runner: CliRunner, tmp_path: Path, role: str,
                                                    meant: str) -> None:
    path = _write(tmp_path, "o", HEAD + f'role = "{role}"\n' + BASE)
    [line] = _stderr(runner, "validate", path)[1]
    assert f"is not a known role; did you mean {meant}?" in line


def test_a_role_nothing_resembles_gets_no_guess(runner: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, "o", HEAD + 'role = "astronaut"\n' + BASE)
    [line] = _stderr(runner, "validate", path)[1]
    assert "did you mean" not in line and "the benchmark falls back to all roles" in line


def test_a_city_of_another_state_is_named(runner: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, "o", HEAD + '[location]\ncity = "Seattle"\nstate = "OR"\n' + BASE)
    [line] = _stderr(runner, "validate", path)[1]
    assert "location.city: 'Seattle' is not a city of OR the place tables know (they have it in WA)" in line


def test_a_city_the_market_tables_know_is_not_flagged(runner: CliRunner, tmp_path: Path) -> None:
    # Bentonville, AR is in the BLS place table (Fayetteville-Springdale-Rogers), though no BEA metro name has it.
    path = _write(tmp_path, "o", HEAD + '[location]\ncity = "Bentonville"\nstate = "AR"\n' + BASE)
    assert _stderr(runner, "validate", "--strict", path) == (0, [])
