"""``[equity] refresh_vesting`` (issue 27 item 5, DESIGN.md section 2): how refreshers vest.

A current-job file's ``schedule`` is what remains of a grant already held, so its refreshers must not vest on it:
they vest "4y-even" unless the file says. An offer file's refreshers vest on the grant's own schedule unless it
says. Every expectation below is worked out by hand in its comment.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

from offercheck.errors import OfferFileErrors
from offercheck.offer.loading import load_current, load_offer
from offercheck.offer.models import Offer
from offercheck.pay.comp import pay_by_year
from offercheck.pay.leave_early import leave_early
from tests.conftest import invoke

# Staying: the last two years of a grant of 160,000 (schedule = [50, 50]: 80,000 a year) and a 70,000 refresher
# each year from year 2.
CURRENT = """
[offer]
company = "Acme"
[salary]
base = 100000
[equity]
grant_value = 160000
schedule = [50, 50]
refresh_annual = 70000
{extra}
"""


def write(tmp_path: Path, text: str, name: str = "current.toml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def equity(offer: Offer, years: int = 4) -> list[float]:
    return [round(y.equity, 6) for y in pay_by_year(offer, years)]


def test_a_current_jobs_refreshers_vest_4y_even_not_on_what_remains_of_the_grant(tmp_path: Path) -> None:
    # Each 70,000 refresher vests 25% a year for four years: 17,500 a year from its grant year.
    # year 1: 80,000 of the grant;                      no refresher yet  -> 80,000
    # year 2: 80,000 of the grant + refresher 2's first quarter (17,500)  -> 97,500
    # year 3: grant done; refreshers 2 and 3, 17,500 each                 -> 35,000
    # year 4: refreshers 2, 3 and 4                                       -> 52,500
    # (On the grant's [50, 50] they gave 80,000 / 115,000 / 70,000 / 70,000: 70,000 too much over four years.)
    job = load_current(write(tmp_path, CURRENT.format(extra="")))
    assert equity(job) == [80_000, 97_500, 35_000, 52_500]
    assert [round(y.equity_refresh, 6) for y in pay_by_year(job, 4)] == [0, 17_500, 35_000, 52_500]


def test_the_stay_row_of_compare_current(tmp_path: Path) -> None:
    """The same numbers through the command line: the Stay row of ``compare --current --format json``."""
    offer = write(tmp_path, "[offer]\ncompany = \"B\"\n[salary]\nbase = 100000\n", "offer.toml")
    current = write(tmp_path, CURRENT.format(extra=""))
    code, out, err = invoke("compare", str(offer), "--current", str(current), "--format", "json")
    assert code == 0, err
    stay = json.loads(out)["current"]
    assert [y["equity"] for y in stay["years"]] == [80_000, 97_500, 35_000, 52_500]


def test_a_current_job_may_say_how_its_refreshers_vest(tmp_path: Path) -> None:
    # refresh_vesting = [50, 50]: each refresher 35,000 in its first and second year.
    # year 1: 80,000; year 2: 80,000 + 35,000; year 3: 35,000 + 35,000; year 4: 35,000 + 35,000.
    job = load_current(write(tmp_path, CURRENT.format(extra="refresh_vesting = [50, 50]")))
    assert equity(job) == [80_000, 115_000, 70_000, 70_000]
    # A preset: "3y-even" vests 33.34% of 70,000 (23,338) in a refresher's first year, then 33.33% (23,331) twice.
    job = load_current(write(tmp_path, CURRENT.format(extra='refresh_vesting = "3y-even"')))
    assert equity(job) == [80_000, 80_000 + 23_338, 23_338 + 23_331, 23_338 + 23_331 + 23_331]


def test_an_offers_refreshers_vest_on_the_grants_schedule_unless_it_says(tmp_path: Path) -> None:
    offer_text = """
    [offer]
    company = "Acme"
    [salary]
    base = 100000
    [equity]
    grant_value = 400000
    vesting = "amazon"
    refresh_annual = 100000
    {extra}
    """
    # Amazon 5/15/40/40 on the grant: 20,000, 60,000, 160,000, 160,000; refreshers on it too:
    # year 2: 5,000; year 3: 15,000 + 5,000; year 4: 40,000 + 15,000 + 5,000.
    offer = load_offer(write(tmp_path, offer_text.format(extra=""), "offer.toml"))
    assert equity(offer) == [20_000, 65_000, 180_000, 220_000]
    # refresh_vesting = "4y-even": 25,000 a year per refresher, one more each year from year 2.
    offer = load_offer(write(tmp_path, offer_text.format(extra='refresh_vesting = "4y-even"'), "offer.toml"))
    assert equity(offer) == [20_000, 85_000, 210_000, 235_000]


def test_leaving_early_vests_refreshers_on_their_own_plan(tmp_path: Path) -> None:
    # Grant 4y-cliff-1y (monthly after a 12-month cliff): after 15 months, 25% + 3/12 of year 2's 25% = 31.25% of
    # 120,000 = 37,500. The 40,000 refresher granted at month 12 vests "4y-even" (quarterly, no cliff): one quarter
    # of its first year's 25% by month 15, 2,500. On the grant's plan it would still be in its own cliff: 0.
    offer = load_offer(write(tmp_path, """
    [offer]
    company = "Acme"
    [salary]
    base = 100000
    [equity]
    grant_value = 120000
    vesting = "4y-cliff-1y"
    refresh_annual = 40000
    refresh_vesting = "4y-even"
    """, "offer.toml"))
    assert leave_early(offer, 15).equity == pytest.approx(37_500 + 2_500)


def test_a_list_vests_every_vest_every_months_without_a_cliff(tmp_path: Path) -> None:
    # refresh_vesting = [100] with vest_every_months = 6 and a 12-month cliff on the grant: the refresher granted at
    # month 12 vests half of 10,000 at month 18 and half at month 24; the grant (schedule [100], cliff 12, every 6
    # months) vests its 50% at month 6 held back to the cliff: all 100 at month 12.
    offer = load_offer(write(tmp_path, """
    [offer]
    company = "Acme"
    [salary]
    base = 100000
    [equity]
    grant_value = 100
    schedule = [100]
    cliff_months = 12
    vest_every_months = 6
    refresh_annual = 10000
    refresh_vesting = [100]
    """, "offer.toml"))
    assert [leave_early(offer, m).equity for m in (12, 17, 18, 24)] == [100, 100, 5_100, 10_100]


@pytest.mark.parametrize(("value", "message"), [
    ('"4y"', "unknown vesting preset '4y'"),
    ("[50, 40]", "refresher schedule must sum to 100 (it sums to 90)"),
    ("[]", "give 1 to 10 percents per year (it has 0)"),
    ('[50, "50"]', "each year's percent must be a number from 0 to 100"),
    ("[150, -50]", "each year's percent must be a number from 0 to 100"),
    ("[true, 99]", "each year's percent must be a number from 0 to 100"),
    ("25", "give a preset name"),
])
def test_a_bad_refresh_vesting_is_one_error_naming_the_field(tmp_path: Path, value: str, message: str) -> None:
    path = write(tmp_path, CURRENT.format(extra=f"refresh_vesting = {value}"), "offer.toml")
    with pytest.raises(OfferFileErrors) as e:
        load_offer(path)
    (error,) = e.value.errors
    assert error.field == "equity.refresh_vesting" and message in error.detail


def test_the_schema_documents_refresh_vesting() -> None:
    fields: dict[str, Any] = Offer.model_json_schema()["$defs"]["Equity"]["properties"]
    assert "4y-even in the current-job file" in fields["refresh_vesting"]["description"]
