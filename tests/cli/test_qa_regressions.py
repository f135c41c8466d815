"""Regressions from a QA pass: each test is one problem a user hit, named for what they should see instead."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from offercheck.cli.main import cli

HEAD = '[offer]\ncompany = "Acme"\n'
OFFER = HEAD + "[salary]\nbase = 100000\n"


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


# --- offer-file errors: one clear line per problem ----------------------------------------------------------


def test_a_misspelt_required_key_is_one_line(write_offer: Callable[..., Path]) -> None:
    path = write_offer(HEAD + "[salary]\nbse = 100000\n")
    # Not also "salary.base: required": the hint already names the key the file lacks.
    assert run("validate", path) == (1, "", f"Error: {path}: salary.bse: unknown key; did you mean 'base'?\n")


def test_a_missing_required_key_without_a_typo_is_still_reported(write_offer: Callable[..., Path]) -> None:
    path = write_offer(HEAD + "[salary]\nannual_raise_percent = 3\n")
    assert run("validate", path) == (1, "", f"Error: {path}: salary.base: required\n")


@pytest.mark.parametrize(("text", "expected"), [
    ('[[offer]]\ncompany = "Acme"\n[salary]\nbase = 1\n', "offer: Input should be a table, not an array"),
    ("salary = 5\n" + HEAD, "salary: Input should be a table, not an integer"),
    ('candidate = "me"\n' + OFFER, "candidate: Input should be a table, not a string"),
    ("salary = 2026-11-23\n" + HEAD, "salary: Input should be a table, not a date"),
    (OFFER + '[candidate]\ncertifications = "aws"\n',
     "candidate.certifications: Input should be an array, not a string"),
    (OFFER + "[candidate]\ncertifications = {aws = true}\n",
     "candidate.certifications: Input should be an array, not a table"),
])
def test_a_wrong_type_says_what_toml_expects(write_offer: Callable[..., Path], text: str, expected: str) -> None:
    path = write_offer(text)
    code, _, err = run("validate", path)
    # pydantic's own words named the model class ("instance of OfferInfo") and "a valid tuple".
    assert (code, err) == (1, f"Error: {path}: {expected}\n")


def test_a_schedule_whose_every_item_is_bad_reports_each_item_only(write_offer: Callable[..., Path]) -> None:
    path = write_offer(OFFER + "[equity]\ngrant_value = 1000\nschedule = [-50, 150]\n")
    code, _, err = run("validate", path)
    # Not also "Tuple should have at least 1 item after validation, not 0" about a schedule of two items.
    assert code == 1 and err.splitlines() == [
        f"Error: {path}: equity.schedule.0: Input should be greater than or equal to 0",
        f"Error: {path}: equity.schedule.1: Input should be less than or equal to 100",
    ]


def test_an_empty_schedule_is_still_an_error(write_offer: Callable[..., Path]) -> None:
    path = write_offer(OFFER + "[equity]\ngrant_value = 1000\nschedule = []\n")
    code, _, err = run("validate", path)
    assert code == 1 and err.startswith(f"Error: {path}: equity.schedule: ") and len(err.splitlines()) == 1


def test_a_misspelt_profile_table_gets_a_hint(write_offer: Callable[..., Path], tmp_path: Path) -> None:
    offer = write_offer(OFFER)
    profile = tmp_path / "profile.toml"
    profile.write_text("[candidat]\nyears_experience = 5\n", encoding="utf-8")
    assert run("compare", offer, "--profile", profile) == (
        1, "", f"Error: {profile}: candidat: a profile holds only a [candidate] table; did you mean 'candidate'?\n")


def test_an_unreadable_offer_file_is_one_line(write_offer: Callable[..., Path],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # chmod 000 does not stop root (the test may run as root), so the refusal is simulated where the file is read.
    path = write_offer(OFFER)
    real = os.open

    def refuse(file: str | os.PathLike[str], *args: Any, **kwargs: Any) -> int:
        if Path(file) == path:  # input files are opened with os.open (datafiles.read_input)
            raise PermissionError(13, "Permission denied", str(file))
        return real(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    assert run("validate", path) == (1, "", f"Error: {path}: permission denied\n")


# --- benchmark files given with --benchmarks ------------------------------------------------------------------


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p.mkdir(), "is a directory, not a benchmark file"),
    (lambda p: p.write_bytes(b'[meta]\ncurrency = "\xff"\n'), "not UTF-8 text"),
    (lambda p: None, "no such file"),
    # Two problems (no [[sources]], no [[cells]]): the first is named, the rest counted in good English.
    (lambda p: p.write_text("[meta]\n", encoding="utf-8"), "sources: Field required (and 1 more problem)"),
])
def test_a_bad_benchmark_file_is_one_readable_line(write_offer: Callable[..., Path], tmp_path: Path,
                                                   make: Callable[[Path], object], message: str) -> None:
    offer = write_offer(OFFER)
    bench = tmp_path / "bench.toml"
    make(bench)
    for args in (("compare", offer), ("benchmarks", "show")):
        # Python's own texts were shown before: "[Errno 21] Is a directory: '...'", "'utf-8' codec can't ...".
        assert run(*args, "--benchmarks", bench) == (1, "", f"Error: {bench}: {message}\n")


# --- what the output says ---------------------------------------------------------------------------------


def test_offers_in_same_named_files_get_distinct_labels(tmp_path: Path) -> None:
    paths = []
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        paths.append(tmp_path / folder / "offer.toml")
        paths[-1].write_text(OFFER, encoding="utf-8")
    code, out, _ = run("compare", *paths, "--format", "json")
    # Both were labelled "offer" (the file stem), which told them apart no better than "Acme" did.
    assert code == 0 and [o["label"] for o in json.loads(out)["offers"]] == [str(p) for p in paths]


def test_location_names_the_benchmark_actually_used(write_offer: Callable[..., Path]) -> None:
    tokyo = write_offer(OFFER + '[location]\ncity = "Tokyo"\ncountry = "JP"\n', name="tokyo.toml")
    toronto = write_offer(OFFER + '[location]\ncity = "Toronto"\ncountry = "CA"\n', name="toronto.toml")
    code, out, _ = run("compare", tokyo, toronto, "--format", "json")
    assert code == 0
    offers = {o["file"]: o for o in json.loads(out)["offers"]}
    # The benchmarks have no JP cell: no benchmark, no score, and the reason (never another country's table).
    assert offers[str(tokyo)]["benchmark"] is None and offers[str(tokyo)]["score"] is None
    assert offers[str(tokyo)]["market_note"] == "no market data for JP"
    reason = next(a["reason"] for a in offers[str(toronto)]["benchmark"]["adjustments"] if a["factor"] == "location")
    assert reason.endswith("the CA country benchmark is used as is (weak evidence)")


def test_a_negotiation_without_market_data_says_so(write_offer: Callable[..., Path]) -> None:
    path = write_offer(HEAD.replace('"Acme"', '"Acme"\ncurrency = "JPY"') + "[salary]\nbase = 12000000\n"
                       '[location]\ncity = "Tokyo"\ncountry = "JP"\n')
    code, out, _ = run("negotiate", path, "--format", "json")
    # No market ask is made without a benchmark (tests/test_negotiation_aftertax.py); the guidance says why, in
    # compare's words.
    [research] = [g for g in json.loads(out)["guidance"] if "market" in g["text"]]
    assert code == 0 and research["text"].startswith("There is no market data for JP here")


def test_a_one_year_horizon_says_one_year(write_offer: Callable[..., Path]) -> None:
    path = write_offer(OFFER + '[location]\nstate = "TX"\n[equity]\nkind = "options"\nshares = 1000\nstrike = 1\n'
                       'fmv = 3\n[company]\npublic = false\n')
    outputs = [run("compare", path, "-y", "1", "--after-tax", *fmt)[1] for fmt in ((), ("-f", "html"))]
    outputs += [run("negotiate", path, "-y", "1", "-f", fmt)[1] for fmt in ("text", "markdown", "html")]
    for text in outputs:
        assert "1 years" not in text
    assert "Year 1    1 year\n" in outputs[0]  # the estimated-tax table's total column
    assert "by value over 1 year, then terms and questions\n" in outputs[2]
    assert "options vested over 1 year" in outputs[2]


def test_markdown_keeps_a_label_with_a_line_break_in_its_row(write_offer: Callable[..., Path]) -> None:
    path = write_offer(HEAD + 'label = "A | B\\nC"\n[salary]\nbase = 100000\n')
    code, out, _ = run("compare", path, "-f", "markdown")
    ranking = out.split("\n\n")[1].splitlines()
    assert code == 0 and len(ranking) == 3 and ranking[2].startswith("|   1 | A \\| B C ")
    code, out, _ = run("negotiate", path, "-f", "markdown")
    assert code == 0 and out.splitlines()[0] == "# Negotiating A \\| B C (USD, 4-year horizon)"


def test_underwater_options_get_no_zero_dollar_cliff_point(write_offer: Callable[..., Path]) -> None:
    # 10,000 options struck at 10 with a fair value of 5: nothing vests at the 12-month cliff that is worth money.
    path = write_offer(OFFER + '[equity]\nkind = "options"\nshares = 10000\nstrike = 10\nfmv = 5\n'
                       'vesting = "4y-cliff-1y"\n')
    code, out, _ = run("negotiate", path, "--format", "json")
    points = json.loads(out)["talking_points"]
    assert code == 0 and "vesting cliff" not in [p["topic"] for p in points]
    assert "option strike above fair value" in [p["topic"] for p in points]  # the real problem is still said


def test_a_cliff_that_puts_money_at_stake_is_still_a_point(write_offer: Callable[..., Path]) -> None:
    usual = write_offer(OFFER + '[equity]\ngrant_value = 40000\nvesting = "4y-cliff-1y"\n', name="usual.toml")
    code, out, _ = run("negotiate", usual, "--format", "json")
    assert code == 0 and "vesting cliff" not in [p["topic"] for p in json.loads(out)["talking_points"]]
    path = write_offer(OFFER + '[equity]\ngrant_value = 40000\nschedule = [0, 50, 25, 25]\ncliff_months = 24\n')
    code, out, _ = run("negotiate", path, "--format", "json")
    [cliff] = [p for p in json.loads(out)["talking_points"] if p["topic"] == "vesting cliff"]
    assert code == 0 and cliff["amount"] == 20_000  # 50% of 40,000 vests at month 24, past the usual 12


def test_the_email_reads_well_without_a_role(write_offer: Callable[..., Path]) -> None:
    code, out, _ = run("negotiate", write_offer(OFFER), "--format", "email")
    assert code == 0 and "offer for this position." in " ".join(out.split()) and "role position" not in out


def test_ranking_by_real_pay_without_any_real_value_goes_by_nominal_total(write_offer: Callable[..., Path]) -> None:
    # Taiwan has no World Bank PPP, and the home defaults to the first offer's place: nothing has a real value.
    taipei = write_offer(HEAD + '[salary]\nbase = 60000\n[location]\ncountry = "TW"\ncity = "Taipei"\n', name="tw.toml")
    austin = write_offer(OFFER + '[location]\ncity = "Austin"\nstate = "TX"\n', name="tx.toml")
    code, out, _ = run("compare", taipei, austin, "--real", "--rank-by", "real", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and [o["real_total"] for o in doc["offers"]] == [None, None]
    # Both stay nominal, so 4 x 100,000 = 400,000 ranks above 4 x 60,000 = 240,000 (input order put Taipei first).
    assert doc["ranking"] == ["tx", "tw"]  # both offers are "Acme": labelled by file


def test_an_offer_that_stays_nominal_says_so_once(write_offer: Callable[..., Path]) -> None:
    taipei = write_offer(HEAD + '[salary]\nbase = 60000\n[location]\ncountry = "TW"\ncity = "Taipei"\n', name="tw.toml")
    code, out, _ = run("compare", taipei, "--real", "--home", "Austin, TX", "--wide", "--explain")
    [line] = [x for x in out.splitlines() if x.startswith("- Acme: ")]
    assert code == 0 and line.count("stays nominal") == 1
    assert line.count("no World Bank 2023 PPP for Taiwan") == 1  # the place's note, once


def test_an_empty_profile_is_not_called_an_offer(write_offer: Callable[..., Path], tmp_path: Path) -> None:
    profile = tmp_path / "profile.toml"
    profile.write_text("\n", encoding="utf-8")
    assert run("compare", write_offer(OFFER), "--profile", profile) == (
        1, "", f"Error: {profile}: file is empty; a profile holds a [candidate] table\n")


def test_the_schema_directive_the_readme_suggests_is_accepted(write_offer: Callable[..., Path]) -> None:
    # README: start the offer file with `#:schema ./offer.schema.json` (Taplo's directive, a TOML comment).
    path = write_offer("#:schema ./offer.schema.json\n" + OFFER)
    assert run("validate", path) == (0, f"{path}: ok\n", "")


@pytest.mark.parametrize(("cliff", "said"), [(18, "an 18-month cliff"), (8, "an 8-month cliff"),
                                             (6, "a 6-month cliff")])
def test_the_cliff_note_uses_the_right_article(write_offer: Callable[..., Path], cliff: int, said: str) -> None:
    # A cliff past year 1 needs nothing vesting in year 1 (see models.Equity).
    schedule = "schedule = [0, 50, 25, 25]" if cliff > 12 else 'vesting = "4y-even"'
    path = write_offer(OFFER + f"[equity]\ngrant_value = 1000\n{schedule}\ncliff_months = {cliff}\n"
                       "vest_every_months = 3\n")
    code, out, _ = run("compare", path, "--leave-after", "24")
    assert code == 0 and f"vests quarterly after {said}." in out


def test_a_switched_off_tax_regime_is_named_when_no_regime_covers_the_offer(write_offer: Callable[..., Path]) -> None:
    # Issue 24: an offer no regime covers is compared untaxed, with a note naming why (here: the regime is off).
    path = write_offer(OFFER + '[location]\nstate = "CA"\n')
    code, _, err = run("negotiate", path, "--after-tax", "--without", "tax_us")
    assert code == 0, err
    code, out, err = run("compare", path, "--after-tax", "--without", "tax_us", "-f", "json")
    assert code == 0, err
    assert json.loads(out)["offers"][0]["tax_note"] == (
        "not estimated: no tax regime for US (tax_us is switched off with --without)")


@pytest.mark.parametrize(("table", "text", "expected"), [
    ("offer", 'currency = "usd"', "offer.currency: String should match pattern '^[A-Z]{3}$'; did you mean 'USD'?"),
    ("location", 'country = "de"', "location.country: String should match pattern '^[A-Z]{2}$'; did you mean 'DE'?"),
    ("location", 'country = "usa"', "location.country: String should match pattern '^[A-Z]{2}$'; did you mean 'US'?"),
])
def test_a_code_in_lower_case_gets_a_hint(write_offer: Callable[..., Path], table: str, text: str,
                                         expected: str) -> None:
    body = OFFER.replace('"Acme"\n', f'"Acme"\n{text}\n') if table == "offer" else OFFER + f"[{table}]\n{text}\n"
    path = write_offer(body)
    assert run("validate", path) == (1, "", f"Error: {path}: {expected}\n")


def test_the_library_takes_a_currency_code_in_any_case() -> None:
    from offercheck import compare, load_offers
    from tests.conftest import EXAMPLES

    offers = load_offers([EXAMPLES / "bank-toronto.toml"])
    lower, upper = compare(offers, currency="usd"), compare(offers, currency="USD")
    # "usd" converted like "USD" already; the result (and so every table) said "usd".
    assert lower.currency == "USD" and lower.evaluations[0].total == upper.evaluations[0].total


def test_an_email_with_nothing_to_counter_does_not_announce_points(write_offer: Callable[..., Path]) -> None:
    # 900,000 base for a software engineer in Texas is above every market quantile: no talking point has an ask.
    path = write_offer(HEAD + 'role = "software engineer"\n[candidate]\nyears_experience = 5\n[location]\n'
                       'state = "TX"\ncity = "Austin"\n[salary]\nbase = 900000\n[bonus]\ntarget_percent = 20\n'
                       '[sign_on]\namount = 100000\n[equity]\ngrant_value = 400000\nvesting = "4y-even"\n'
                       "refresh_annual = 100000\n[benefits]\nretirement_match_percent = 6\npto_days = 30\n")
    code, out, _ = run("negotiate", path, "--format", "json")
    assert code == 0 and [p for p in json.loads(out)["talking_points"] if p["ask"]] == []
    code, out, _ = run("negotiate", path, "--format", "email")
    text = " ".join(out.split())
    assert code == 0 and out.startswith("Subject: Acme offer: next steps\n")
    assert "points stand out" not in text and "in line with the market" in text
