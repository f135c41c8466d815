"""Leave-early analysis: what an offer has paid after N months, against hand-computed figures."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from offercheck.cli.main import cli
from offercheck.offer.loading import load_offer
from offercheck.offer.models import Offer
from offercheck.pay.leave_early import leave_early
from tests.conftest import REPO

Write = Callable[..., Path]


def offer(write_offer: Write, body: str = "", base: str = "base = 120000") -> Offer:
    return load_offer(write_offer(f'[offer]\ncompany = "Acme"\n[salary]\n{base}\n{body}'))


def test_salary_accrues_monthly_with_the_raise(write_offer: Write) -> None:
    o = offer(write_offer, base="base = 120000\nannual_raise_percent = 10")
    # 12 months of 120,000, then 6 months of year 2's 132,000.
    assert leave_early(o, 18).salary == pytest.approx(120000 + 132000 * 6 / 12)
    assert leave_early(o, 1).salary == pytest.approx(10000)


def test_bonus_only_for_completed_years_unless_prorated(write_offer: Write) -> None:
    body = "[bonus]\ntarget_percent = 10\n"
    le = leave_early(offer(write_offer, body, "base = 120000\nannual_raise_percent = 10"), 18)
    assert le.bonus == pytest.approx(12000)  # year 1 only
    assert "bonus: none for the unfinished year 2 (no pro-rata policy in the offer)" in le.notes
    pro = leave_early(offer(write_offer, body + "prorated = true\n", "base = 120000\nannual_raise_percent = 10"), 18)
    assert pro.bonus == pytest.approx(12000 + 13200 * 6 / 12)  # year 2's bonus on 132,000, half of it
    assert any("pro rata for 6 months of year 2" in n for n in pro.notes)
    # A whole number of years leaves nothing unfinished: no note.
    assert not any(n.startswith("bonus") for n in leave_early(offer(write_offer, body), 24).notes)


def test_cliff_holds_back_monthly_vesting(write_offer: Write) -> None:
    # 4y-cliff-1y: 25% a year, monthly, nothing before month 12.
    o = offer(write_offer, '[equity]\ngrant_value = 480000\nvesting = "4y-cliff-1y"\nannual_growth_percent = 10\n')
    eleven = leave_early(o, 11)
    assert eleven.equity == 0
    assert "equity: leaving before the 12-month cliff forfeits all of it" in eleven.notes
    assert leave_early(o, 12).equity == pytest.approx(120000)
    # Three of year 2's twelve monthly vests, at year 2's price (x1.1): 120,000 + 30,000 x 1.1.
    assert leave_early(o, 15).equity == pytest.approx(120000 + 30000 * 1.1)
    assert leave_early(o, 48).equity == pytest.approx(120000 * (1 + 1.1 + 1.21 + 1.331))


def test_quarterly_vesting_without_cliff(write_offer: Write) -> None:
    o = offer(write_offer, '[equity]\ngrant_value = 400000\nvesting = "4y-even"\n')
    # 25% a year in four quarterly parts of 6.25% = 25,000.
    assert leave_early(o, 2).equity == 0
    assert leave_early(o, 5).equity == pytest.approx(25000)
    assert leave_early(o, 6).equity == pytest.approx(50000)
    assert "equity: vests quarterly with no cliff" in leave_early(o, 6).notes


def test_custom_schedule_cliff_and_frequency(write_offer: Write) -> None:
    o = offer(write_offer, "[equity]\ngrant_value = 200000\nschedule = [10, 20, 30, 40]\ncliff_months = 6\n"
                           "vest_every_months = 3\n")
    assert leave_early(o, 5).equity == 0
    assert leave_early(o, 6).equity == pytest.approx(200000 * 0.05)  # months 3 and 6: 2 x 10%/4
    # Year 2 (20%) quarterly: 5% each at months 15, 18.
    assert leave_early(o, 18).equity == pytest.approx(200000 * (0.10 + 0.10))
    # Without vest_every_months a custom schedule vests yearly.
    yearly = offer(write_offer, "[equity]\ngrant_value = 200000\nschedule = [10, 20, 30, 40]\n")
    assert leave_early(yearly, 23).equity == pytest.approx(20000)


def test_amazon_preset(write_offer: Write) -> None:
    o = offer(write_offer, '[equity]\ngrant_value = 400000\nvesting = "amazon"\n')
    # 5% at the 12-month cliff; year 2's 15% in two six-monthly parts: 7.5% at month 18.
    assert leave_early(o, 12).equity == pytest.approx(20000)
    assert leave_early(o, 18).equity == pytest.approx(400000 * 0.125)


def test_refreshers_vest_from_their_grant(write_offer: Write) -> None:
    o = offer(write_offer, '[equity]\ngrant_value = 400000\nvesting = "4y-even"\nrefresh_annual = 40000\n')
    # Initial grant: six quarters of 6.25%; the refresher granted at month 12: two quarters of 6.25% of 40,000.
    assert leave_early(o, 18).equity == pytest.approx(400000 * 0.375 + 40000 * 0.125)


def test_options_value_is_intrinsic(write_offer: Write) -> None:
    o = offer(write_offer, '[equity]\nkind = "options"\nshares = 10000\nstrike = 1.0\nfmv = 5.0\nvesting = "4y-even"\n')
    assert leave_early(o, 3).equity == pytest.approx(10000 * 0.0625 * (5 - 1))


def test_sign_on_and_relocation_clawback(write_offer: Write) -> None:
    o = offer(write_offer, "[sign_on]\namounts = [20000, 10000]\nrelocation = 5000\nclawback_months = 18\n")
    twelve = leave_early(o, 12)
    # Year 2's amount is paid at the start of month 13; before month 18 everything received is repaid.
    assert (twelve.sign_on, twelve.relocation, twelve.repaid) == (0, 0, 25000)
    assert "sign-on and relocation repaid: leaving before the 18-month clawback" in twelve.notes
    assert leave_early(o, 13).repaid == 35000
    kept = leave_early(o, 18)
    assert (kept.sign_on, kept.relocation, kept.repaid) == (30000, 5000, 0)
    assert kept.total == pytest.approx(120000 * 1.5 + 30000 + 5000)


def test_no_clawback_keeps_the_sign_on(write_offer: Write) -> None:
    le = leave_early(offer(write_offer, "[sign_on]\namount = 20000\n"), 1)
    assert (le.sign_on, le.repaid) == (20000, 0)


def test_fx_scales_every_amount(write_offer: Write) -> None:
    o = offer(write_offer, "[bonus]\namount = 10000\n[sign_on]\namount = 20000\n")
    one, half = leave_early(o, 12), leave_early(o, 12, fx=0.5)
    assert half.total == pytest.approx(one.total / 2) == pytest.approx((120000 + 10000 + 20000) / 2)


def test_months_must_be_positive(write_offer: Write) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        leave_early(offer(write_offer), 0)


# --- compare --leave-after ------------------------------------------------------------------------------------


@pytest.fixture
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


@pytest.mark.usefixtures("_in_repo")
def test_compare_leave_after_json(runner: CliRunner) -> None:
    r = runner.invoke(cli, ["compare", "examples/bigtech-sf.toml", "examples/startup-nyc.toml", "-f", "json",
                            "--leave-after", "6"])
    assert r.exit_code == 0, r.output
    offers = {o["label"]: o for o in json.loads(r.stdout)["offers"]}
    sf = offers["Bigtech SF — Senior MLE"]
    assert {"label", "years", "total", "annual_average", "benchmark", "score"} <= set(sf)  # the contract stays
    # Six months of 212,000; no bonus yet; the 12-month cliff holds the RSUs; the 70,000 sign-on and relocation
    # are repaid (12-month clawback).
    assert sf["leave_early"] == {"months": 6, "salary": 106000.0, "bonus": 0.0, "equity": 0.0, "sign_on": 0.0,
                                 "relocation": 0.0, "repaid": 70000.0, "total": 106000.0,
                                 "notes": sf["leave_early"]["notes"], "exercise": None}
    assert len(sf["leave_early"]["notes"]) == 4
    # Tensorloom: 6 months of 175,000, options behind a 12-month cliff.
    assert offers["Tensorloom — Founding MLE"]["leave_early"]["total"] == 87500.0
    plain = json.loads(runner.invoke(cli, ["compare", "examples/startup-nyc.toml", "-f", "json"]).stdout)
    assert "leave_early" not in plain["offers"][0]


@pytest.mark.usefixtures("_in_repo")
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_compare_leave_after_section(runner: CliRunner, fmt: str) -> None:
    r = runner.invoke(cli, ["compare", "examples/startup-nyc.toml", "-f", fmt, "--leave-after", "15"])
    assert r.exit_code == 0, r.output
    assert "If you leave after 15 months (USD)" in r.stdout
    # 175,000 + 3 months of 182,000; options: 25% at the cliff plus three monthly 25%/12 at year 2's price
    # (fmv 6.50 x 1.2 - strike 2.10 = 5.70), on 60,000 shares.
    salary = 175000 + 182000 * 3 / 12
    equity = 60000 * (0.25 * 4.40 + 0.25 * 3 / 12 * 5.70)
    assert f"{salary:,.0f}" in r.stdout and f"{equity:,.0f}" in r.stdout and f"{salary + equity:,.0f}" in r.stdout


@pytest.mark.usefixtures("_in_repo")
def test_compare_leave_after_leaves_csv_alone(runner: CliRunner) -> None:
    args = ["compare", "examples/startup-nyc.toml", "-f", "csv"]
    plain = runner.invoke(cli, args).stdout
    assert runner.invoke(cli, [*args, "--leave-after", "6"]).stdout == plain
    assert next(csv.reader(io.StringIO(plain)))[:6] == ["rank", "label", "file", "company", "currency", "year"]


def test_compare_leave_after_must_be_positive(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["compare", "x.toml", "--leave-after", "0"]).exit_code == 2


def test_schema_has_the_leave_early_terms(runner: CliRunner) -> None:
    doc = json.loads(runner.invoke(cli, ["schema"]).stdout)
    props = {name: d["properties"] for name, d in doc["$defs"].items()}
    assert {"prorated"} <= set(props["Bonus"]) and {"clawback_months"} <= set(props["SignOn"])
    assert {"cliff_months", "vest_every_months"} <= set(props["Equity"])
