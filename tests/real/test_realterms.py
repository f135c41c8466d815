"""compare --real: pay at the home place's prices, computed independently from the shared BEA and World Bank CSVs.

real = nominal (in the offer place's currency) / PPP(offer country) x PPP(home country), times RPP(home) / 100
where home is in the US and divided by RPP(offer place) / 100 where the offer is (BEA RPPs, US = 100).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from offercheck.cli.main import cli
from tests.conftest import REPO, SHARED

COL = SHARED / "data" / "col"
needs_shared = pytest.mark.skipif(not COL.is_dir(), reason="../shared/data/col (the source CSVs) is not here")

OFFER = """
[offer]
company = "{company}"
currency = "{currency}"
[location]
{location}
[salary]
base = {base}
"""


def rpp_metro(prefix: str) -> float:
    with (COL / "bea_rpp_2023_metros.csv").open(encoding="utf-8") as fh:
        return next(float(r["rpp_all_items"]) for r in csv.DictReader(fh) if r["name"].startswith(prefix))


def rpp_state(name: str) -> float:
    with (COL / "bea_rpp_2023_states.csv").open(encoding="utf-8") as fh:
        return next(float(r["rpp_all_items"]) for r in csv.DictReader(fh) if r["name"] == name)


def ppp(iso2: str) -> float:
    with (COL / "worldbank_ppp_private_consumption_2023.csv").open(encoding="utf-8") as fh:
        return next(float(r["ppp_lcu_per_intl_dollar"]) for r in csv.DictReader(fh) if r["iso2"] == iso2)


@pytest.fixture
def offers(write_offer: Callable[..., Path]) -> dict[str, Path]:
    def one(name: str, company: str, currency: str, location: str, base: int) -> Path:
        return write_offer(OFFER.format(company=company, currency=currency, location=location, base=base),
                           f"{name}.toml")

    return {
        "sf": one("sf", "SF Co", "USD", 'city = "San Francisco"\nstate = "CA"', 200000),
        "austin": one("austin", "Austin Co", "USD", 'city = "Austin"\nstate = "TX"', 170000),
        "toronto": one("toronto", "Toronto Co", "CAD", 'city = "Toronto"\nstate = "ON"\ncountry = "CA"', 130000),
        "andorra": one("andorra", "Andorra Co", "EUR", 'country = "AD"', 90000),
    }


def run(runner: CliRunner, *args: object) -> dict[str, Any]:
    result = runner.invoke(cli, ["compare", *map(str, args), "-f", "json", "--years", "1"])
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def real_year1(doc: dict[str, Any], company: str) -> float | None:
    offer = next(o for o in doc["offers"] if o["company"] == company)
    value: float | None = offer["years"][0]["real_total"]
    return value


@needs_shared
def test_within_the_us(runner: CliRunner, offers: dict[str, Path]) -> None:
    doc = run(runner, offers["sf"], offers["austin"], "--real", "--home", "Austin, TX")
    sf, austin = rpp_metro("San Francisco-Oakland-Berkeley"), rpp_metro("Austin-Round Rock")
    assert real_year1(doc, "SF Co") == pytest.approx(200000 * austin / sf, abs=0.01)
    assert real_year1(doc, "Austin Co") == pytest.approx(170000, abs=0.01)
    assert doc["real"]["currency"] == "USD" and doc["real"]["home"]["geography"] == "metro"
    level = next(o for o in doc["offers"] if o["company"] == "SF Co")["price_level"]
    assert level["index"] == sf and level["geography"] == "metro" and level["year"] == 2023
    assert "Bureau of Economic Analysis" in level["source"]
    assert {"index", "geography", "name", "year", "source", "note"} <= set(level)


@needs_shared
def test_default_home_is_the_first_offer_and_state_homes(runner: CliRunner, offers: dict[str, Path]) -> None:
    doc = run(runner, offers["austin"], offers["sf"], "--real")
    sf, austin = rpp_metro("San Francisco-Oakland-Berkeley"), rpp_metro("Austin-Round Rock")
    assert real_year1(doc, "SF Co") == pytest.approx(200000 * austin / sf, abs=0.01)
    doc = run(runner, offers["sf"], "--real", "--home", "US-TX")
    assert real_year1(doc, "SF Co") == pytest.approx(200000 * rpp_state("Texas") / sf, abs=0.01)


@needs_shared
def test_between_countries(runner: CliRunner, offers: dict[str, Path]) -> None:
    # Whatever the display currency, real pay is in the home currency at home prices.
    doc = run(runner, offers["sf"], offers["toronto"], "--real", "--home", "Austin, TX", "-c", "EUR")
    austin = rpp_metro("Austin-Round Rock")
    assert real_year1(doc, "Toronto Co") == pytest.approx(130000 / ppp("CA") * ppp("US") * austin / 100, abs=0.01)
    doc = run(runner, offers["sf"], "--real", "--home", "DE")
    sf = rpp_metro("San Francisco-Oakland-Berkeley")
    assert real_year1(doc, "SF Co") == pytest.approx(200000 / ppp("US") / (sf / 100) * ppp("DE"), abs=0.01)
    assert doc["real"]["currency"] == "EUR"


@needs_shared
def test_real_net_and_rank_by_real(runner: CliRunner, offers: dict[str, Path]) -> None:
    doc = run(runner, offers["sf"], offers["austin"], "--real", "--home", "Austin, TX", "--after-tax",
              "--rank-by", "real")
    sf, austin = rpp_metro("San Francisco-Oakland-Berkeley"), rpp_metro("Austin-Round Rock")
    offer = next(o for o in doc["offers"] if o["company"] == "SF Co")
    year = offer["years"][0]
    assert year["real_net"] == pytest.approx(year["net"] * austin / sf, abs=0.01)
    # Nominal SF is ahead (200,000 vs 170,000); at Austin prices it is 200,000 x 97.62 / 118.23 = 165,136.
    assert doc["ranking"] == ["Austin Co", "SF Co"]


def test_a_country_without_ppp_stays_nominal_and_says_why(runner: CliRunner, offers: dict[str, Path]) -> None:
    doc = run(runner, offers["sf"], offers["andorra"], "--real", "--rank-by", "real")
    andorra = next(o for o in doc["offers"] if o["company"] == "Andorra Co")
    assert andorra["years"][0]["real_total"] is None and andorra["real_total"] is None
    assert "stays nominal" in andorra["price_level"]["reason"] and "Andorra" in andorra["price_level"]["reason"]
    assert doc["ranking"][-1] == "Andorra Co"
    table = CliRunner().invoke(cli, ["compare", str(offers["sf"]), str(offers["andorra"]), "--real", "--wide",
                                          "--explain"]).stdout
    assert "stays nominal: no PPP figure for Andorra" in table


def test_remote_offers_are_valued_where_the_person_lives(runner: CliRunner, write_offer: Callable[..., Path]
                                                         ) -> None:
    remote = write_offer(OFFER.format(company="Remote Co", currency="USD", base=100000,
                                      location='city = "San Francisco"\nstate = "CA"\nremote = "remote"')
                         + '[candidate]\nlives_in = "Austin, TX"\n')
    doc = run(runner, remote, "--real", "--home", "Austin, TX")
    assert real_year1(doc, "Remote Co") == pytest.approx(100000, abs=0.01)
    level = doc["offers"][0]["price_level"]
    assert level["from"] == "candidate.lives_in" and level["name"].startswith("Austin")


def test_unknown_places_are_errors_with_close_matches(runner: CliRunner, write_offer: Callable[..., Path],
                                                      offers: dict[str, Path]) -> None:
    result = runner.invoke(cli, ["compare", str(offers["sf"]), "--real", "--home", "Bostn"])
    assert result.exit_code == 2  # an option's value: a usage error
    error = result.stderr.splitlines()[-1]
    assert error.startswith("Error: --home: no place matches 'Bostn'") and "Boston" in error
    remote = write_offer(OFFER.format(company="R", currency="USD", base=100000, location='remote = "remote"')
                         + '[candidate]\nlives_in = "Atlantis"\n', "remote.toml")
    result = runner.invoke(cli, ["compare", str(remote), "--real"])
    assert result.exit_code == 1
    # The check every command runs (and validate) warns first; --real, which needs the place, refuses it.
    warning, error = result.stderr.splitlines()
    assert warning.startswith(f"Warning: {remote}: candidate.lives_in: no place matches 'Atlantis'")
    assert error.startswith(f"Error: {remote}: candidate.lives_in: no place matches 'Atlantis'")
    assert "Atlanta" in error


def test_start_up_is_unchanged_by_lives_in(write_offer: Callable[..., Path]) -> None:
    # lives_in is checked when used (--real), so loading alone reads no price table.
    from offercheck.offer.loading import load_offer

    offer = load_offer(write_offer(OFFER.format(company="R", currency="USD", base=1, location="")
                                   + '[candidate]\nlives_in = "nowhere at all"\n'))
    assert offer.candidate.lives_in == "nowhere at all"


def test_the_docs_say_exchange_rates_are_not_price_levels_and_taxes_are_estimates() -> None:
    real = (REPO / "docs" / "real-terms.md").read_text(encoding="utf-8")
    assert real.startswith("# Comparing in real terms") and "Exchange rates are not price levels" in real
    taxes = (REPO / "docs" / "taxes.md").read_text(encoding="utf-8")
    assert taxes.startswith("# After-tax comparison") and "estimate" in taxes
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "](docs/real-terms.md)" in readme and "estimates, not tax advice" in readme
