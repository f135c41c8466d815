"""Stay or go (``compare --current``): the Stay row, the differences, what leaving forfeits, and bad inputs."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from offercheck.api import compare
from offercheck.errors import OfferFileErrors
from offercheck.offer.loading import load_current, load_offer
from offercheck.pay.current import forfeited, versus_current
from tests.conftest import REPO, check_golden, invoke

pytestmark = pytest.mark.usefixtures("in_repo")

CURRENT_EXAMPLE = "examples/current/current-job.toml"
BIGTECH, STARTUP = "examples/bigtech-sf.toml", "examples/startup-nyc.toml"


def usd_per(code: str) -> float:
    """USD per unit of ``code``, read from the rate table file itself."""
    import tomllib

    rate: float = tomllib.loads((REPO / "src/offercheck/data/rates.toml").read_text())["usd_per_unit"][code]
    return rate


# Staying: 100,000 base (no raise), a 10% bonus (10,000), the last two years of a grant (40,000: 20,000 a year),
# 5,000 of health. Pay by year over 3 years: 135,000, 135,000, 115,000; 385,000 in all.
CURRENT = """
[offer]
company = "Acme"
currency = "{currency}"
[salary]
base = 100000
[bonus]
target_percent = 10
[equity]
grant_value = 40000
schedule = [50, 50]
[benefits]
health_annual = 5000
{leaving}
"""
# Leaving forfeits 40,000 + 10,000 + 6,000 = 56,000.
LEAVING = """
[leaving]
unvested_equity = 40000
unpaid_bonus = 10000
clawback_owed = 6000
notice_weeks = 4
"""
# The offer: 120,000 base and a 20,000 sign-on: 140,000, 120,000, 120,000; 380,000 in all.
OFFER = """
[offer]
company = "Globex"
[salary]
base = 120000
[sign_on]
amount = 20000
"""


@pytest.fixture
def files(write_offer: Callable[..., Path]) -> Callable[..., tuple[str, str]]:
    def write(currency: str = "USD", leaving: str = LEAVING) -> tuple[str, str]:
        offer = write_offer(OFFER, name="offer.toml")
        current = write_offer(CURRENT.format(currency=currency, leaving=leaving), name="current.toml")
        return str(offer), str(current)

    return write


def test_stay_row_and_differences(files: Callable[..., tuple[str, str]]) -> None:
    offer, current = files()
    c = compare([load_offer(offer)], years=3, current=load_current(current), market=False)
    stay = c.current
    assert stay is not None and stay.label == "Stay: Acme"
    assert [y.total for y in stay.years] == pytest.approx([135000, 135000, 115000])
    assert c.ranked == c.evaluations and len(c.evaluations) == 1  # the baseline is not ranked
    vs = c.evaluations[0].vs_current  # computed once by the api, stored in the result
    assert vs is not None and vs == versus_current(c.evaluations[0].years, stay.years)
    # 140,000 - 135,000; 120,000 - 135,000; 120,000 - 115,000.
    assert vs.years == pytest.approx((5000, -15000, 5000)) and vs.total == pytest.approx(-5000) and vs.nets is None
    f = stay.forfeited
    assert f is not None and f == forfeited(stay.offer) and f.total == 56000 and f.notice_weeks == 4


def test_forfeited_is_converted_to_the_display_currency(files: Callable[..., tuple[str, str]]) -> None:
    offer, current = files(currency="EUR")
    c = compare([load_offer(offer)], years=3, currency="USD", current=load_current(current), market=False)
    assert c.current is not None
    f = c.current.forfeited
    assert f is not None and f == forfeited(c.current.offer, c.current.fx)
    eur = usd_per("EUR")  # USD per euro, from the rate table
    assert f.unvested_equity == pytest.approx(40000 * eur) and f.total == pytest.approx(56000 * eur)
    assert c.current.years[0].total == pytest.approx(135000 * eur)


def test_no_leaving_table_forfeits_nothing(files: Callable[..., tuple[str, str]]) -> None:
    offer, current = files(leaving="")
    c = compare([load_offer(offer)], years=3, current=load_current(current), market=False)
    assert c.current is not None and c.current.forfeited is None and forfeited(c.current.offer) is None


def test_json_contract(runner: CliRunner, files: Callable[..., tuple[str, str]]) -> None:
    offer, current = files()
    code, out, _ = invoke("compare", offer, "--current", current, "-y", "3", "-f", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["ranking"] == ["Globex"]  # the current job is not ranked
    stay = doc["current"]
    assert set(doc["offers"][0]) - {"vs_current"} <= set(stay)  # an offer's shape, plus:
    assert stay["label"] == "Stay: Acme" and stay["file"] == current and stay["notice_weeks"] == 4
    assert [y["total"] for y in stay["years"]] == [135000, 135000, 115000] and stay["total"] == 385000
    assert stay["forfeited"] == {"unvested_equity": 40000, "unpaid_bonus": 10000, "clawback_owed": 6000,
                                 "total": 56000}
    assert "score" in stay and "benchmark" in stay  # scored against the market like the offers
    assert doc["offers"][0]["vs_current"] == {"years": [5000, -15000, 5000], "total": -5000}


def test_json_without_current_is_unchanged(runner: CliRunner, files: Callable[..., tuple[str, str]]) -> None:
    offer, _ = files()
    doc = json.loads(invoke("compare", offer, "-f", "json")[1])
    assert "current" not in doc and "vs_current" not in doc["offers"][0]


def test_json_without_leaving(runner: CliRunner, files: Callable[..., tuple[str, str]]) -> None:
    offer, current = files(leaving="")
    doc = json.loads(invoke("compare", offer, "--current", current, "-f", "json")[1])
    assert doc["current"]["forfeited"] is None and doc["current"]["notice_weeks"] is None


def test_after_tax_and_leave_after(runner: CliRunner) -> None:
    code, out, _ = invoke("compare", BIGTECH, "--current", CURRENT_EXAMPLE, "--after-tax", "--leave-after", "6",
                       "-f", "json")
    assert code == 0
    doc = json.loads(out)
    stay, offer = doc["current"], doc["offers"][0]
    assert "net" in stay and "tax" in stay["years"][0]  # taxed like an offer
    assert "leave_early" in offer and "leave_early" not in stay  # leaving early is about the offers
    vs = offer["vs_current"]
    assert vs["net_years"] == pytest.approx([a["net"] - b["net"] for a, b in zip(offer["years"], stay["years"],
                                                                                    strict=True)], abs=0.02)
    assert vs["net_total"] == pytest.approx(offer["net"] - stay["net"], abs=0.05)


def test_real_terms_include_the_stay_row(runner: CliRunner) -> None:
    code, out, _ = invoke("compare", BIGTECH, "--current", CURRENT_EXAMPLE, "--real", "-f", "json")
    assert code == 0
    stay = json.loads(out)["current"]
    assert stay["price_level"]["name"].startswith("Seattle") and stay["real_total"] > 0


def test_csv_marks_the_current_job(runner: CliRunner, files: Callable[..., tuple[str, str]]) -> None:
    offer, current = files()
    code, out, _ = invoke("compare", offer, "--current", current, "-y", "3", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 6
    assert [(r["rank"], r["kind"], r["vs_current"]) for r in rows] == [
        ("1", "offer", "5000.0"), ("1", "offer", "-15000.0"), ("1", "offer", "5000.0"),
        ("", "current", ""), ("", "current", ""), ("", "current", "")]
    assert [float(r["total"]) for r in rows[3:]] == [135000, 135000, 115000]


def test_table_sections(runner: CliRunner, files: Callable[..., tuple[str, str]]) -> None:
    offer, current = files()
    code, out, _ = invoke("compare", offer, "--current", current, "-y", "3", "--wide")
    assert code == 0
    assert "  -  Stay: Acme " in out and "not ranked" in out
    assert "Versus staying at Acme (USD, offer minus staying)" in out
    assert "Globex      5,000   -15,000     5,000        -5,000" in out
    assert ("Leaving forfeits 56,000 (unvested equity 40,000, unpaid bonus 10,000, clawback to repay 6,000; "
            f"from [leaving] in {current}); notice period 4 weeks.") in out


def test_html_has_the_stay_row_and_differences(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    offer = write_offer(OFFER, name="offer.toml")
    current = write_offer(CURRENT.format(currency="USD", leaving=LEAVING).replace(
        'company = "Acme"', 'company = "<b>Acme</b>"'), name="current.toml")
    code, out, _ = invoke("compare", str(offer), "--current", str(current), "-y", "3", "-f", "html")
    assert code == 0 and "<b>Acme" not in out  # escaped
    assert '<tr data-offer="Stay: &lt;b&gt;Acme&lt;/b&gt;"><td class="num" data-label="Rank">\N{EN DASH}</td>' in out
    assert '<section id="versus-staying">' in out and '<td class="num">-15,000</td>' in out


def test_golden_table(runner: CliRunner) -> None:
    code, out, _ = invoke("compare", BIGTECH, STARTUP, "--current", CURRENT_EXAMPLE, "--currency", "USD",
                          "--equity", "paper")
    assert code == 0
    # The example's Stay row by hand. Year 1: 178,000 base + 10% bonus 17,800 + half of the 96,000 grant 48,000
    # + 5% match 8,900 + health 7,000 + ESPP 10% of base at 15%: 17,800 * 0.15 / 0.85 = 3,141.18 -> 262,841.
    # Year 2: base 183,340, bonus 18,334, equity 48,000 + a quarter of the first 30,000 refresher (a current job's
    # refreshers vest 4y-even, not on what remains of its grant) = 55,500, match 9,167, health 7,000,
    # ESPP 18,334 * 0.15 / 0.85 = 3,235.41 -> 276,576.
    assert "Stay: Cascade Cloud — MLE II   262,841   276,576" in out
    # Versus staying, year 1: Bigtech's 357,021 (its own golden row) - 262,841 = 94,180.
    assert "Bigtech SF — Senior MLE      94,180" in out
    check_golden("compare_current.txt", out)


# --- bad inputs --------------------------------------------------------------------------------------------


def test_sign_on_in_the_current_job_is_an_error(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    offer = write_offer(OFFER, name="offer.toml")
    current = write_offer(CURRENT.format(currency="USD", leaving="[sign_on]\namount = 5000\nclawback_months = 12"),
                          name="current.toml")
    code, out, err = invoke("compare", str(offer), "--current", str(current))
    assert code == 1 and out == ""
    message = ("a current job has no sign-on or relocation to receive; put a sign-on or relocation you would have "
               "to repay in leaving.clawback_owed")
    assert err.splitlines() == [f"Error: {current}: sign_on.amount: {message}",
                                f"Error: {current}: sign_on.clawback_months: {message}"]


def test_leaving_in_an_offer_is_an_error(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    offer = write_offer(OFFER + LEAVING, name="offer.toml")
    for args in (("compare", str(offer)), ("negotiate", str(offer)), ("validate", str(offer))):
        code, _, err = invoke(*args)
        assert code == 1
        assert err == (f"Error: {offer}: leaving: only the current-job file (given with --current) has a [leaving] "
                       "table\n")
    with pytest.raises(OfferFileErrors):
        load_offer(offer)


def test_every_bad_file_is_reported_together(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    offer = write_offer(OFFER + LEAVING, name="offer.toml")
    current = write_offer(CURRENT.format(currency="USD", leaving="[salary.x]"), name="current.toml")
    code, _, err = invoke("compare", str(offer), "--current", str(current))
    assert code == 1
    assert [line.split(": ")[1:3] for line in err.splitlines()] == [[str(offer), "leaving"],
                                                                    [str(current), "salary.x"]]


def test_validate_current(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    assert invoke("validate", "--current", CURRENT_EXAMPLE) == (0, f"{CURRENT_EXAMPLE}: ok\n", "")
    # The current-job file is not an offer: its [leaving] table is refused there.
    code, _, err = invoke("validate", CURRENT_EXAMPLE)
    assert code == 1 and f"{CURRENT_EXAMPLE}: leaving: only the current-job file" in err
    assert invoke("validate")[0] == 2
