"""Taxes where the person lives (issue 24 item 2): remote workers, commuters, NYC residents, payroll premiums by
where the work is done, lives_in abroad, and one reading of lives_in for taxes, the benchmark and --real.

Amounts are worked out by hand from src/offercheck/data/tax/us_federal.toml and us_states.toml (2026): single
federal brackets 10% to 12,400, 12% to 50,400, 22% to 105,700, 24% to 201,775, standard deduction 16,100; Social
Security 6.2%, Medicare 1.45%; IL 4.95% of AGI less a 2,925 exemption; NJ single 1.4% to 20,000, 1.75% to 35,000,
3.5% to 40,000, 5.525% to 75,000, 6.37% to 500,000 less a 1,000 exemption.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from offercheck.cli.main import cli

Write = Callable[..., Path]

# 150,000 of wages, single, 2026: federal 1,240 + 4,560 + 12,166 + 24% x (133,900 - 105,700) = 24,734.
FEDERAL_150K = 24734.0
FICA_150K = {"Social Security": 9300.0, "Medicare": 2175.0}


def offer(company: str = "Remote Co", *, lives_in: str | None = None, city: str = "San Francisco",
          state: str | None = "CA", country: str = "US", remote: str = "remote", base: int = 150000,
          extra: str = "") -> str:
    candidate = f'[candidate]\nlives_in = "{lives_in}"\n' if lives_in else ""
    where = f'city = "{city}"\n' + (f'state = "{state}"\n' if state else "")
    currency = {"US": "USD", "CA": "CAD", "GB": "GBP", "NL": "EUR", "DE": "EUR"}[country]
    return (f'[offer]\ncompany = "{company}"\ncurrency = "{currency}"\n{candidate}[location]\n{where}'
            f'country = "{country}"\nremote = "{remote}"\n[salary]\nbase = {base}\n{extra}')


def taxed(runner: CliRunner, *paths: Path, args: tuple[str, ...] = ()) -> dict[str, Any]:
    result = runner.invoke(cli, ["compare", *map(str, paths), "--after-tax", "--years", "1", "-f", "json", *args])
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def lines(o: dict[str, Any]) -> dict[str, float]:
    return {x["name"]: x["amount"] for x in o["years"][0]["tax"]["lines"]}


def test_remote_chicago_resident_of_a_san_francisco_employer_pays_illinois_tax(runner: CliRunner,
                                                                              write_offer: Write) -> None:
    o = taxed(runner, write_offer(offer(lives_in="Chicago")))["offers"][0]
    # No CA income tax, no CA SDI: the work is done in Chicago.
    assert lines(o) == {"US federal income tax": FEDERAL_150K, **FICA_150K,
                        "IL income tax": round(0.0495 * (150000 - 2925), 2)}
    assert any("fully remote: taxed where you live (IL" in n for n in o["tax_notes"])


def test_remote_worker_of_a_new_york_employer_living_elsewhere_owes_no_nyc_tax(runner: CliRunner,
                                                                              write_offer: Write) -> None:
    o = taxed(runner, write_offer(offer(lives_in="Chicago", city="New York", state="NY")))["offers"][0]
    assert not [name for name in lines(o) if name.startswith(("NY", "NYC", "CA"))]
    assert "IL income tax" in lines(o)
    # NY's convenience-of-the-employer rule is named, not modelled.
    assert any("'convenience of the employer' rule" in n and "not modelled" in n for n in o["tax_notes"])


def test_nyc_resident_tax_follows_where_the_person_lives(runner: CliRunner, write_offer: Write) -> None:
    brooklyn = write_offer(offer("Brooklyn", lives_in="Brooklyn, NY", city="Austin", state="TX"), "a.toml")
    albany = write_offer(offer("Albany", lives_in="Albany, NY", city="New York", state="NY", remote="onsite"),
                         "b.toml")
    in_nyc = write_offer(offer("In NYC", city="New York", state="NY", remote="onsite"), "c.toml")
    by = {o["label"]: o for o in taxed(runner, brooklyn, albany, in_nyc)["offers"]}
    assert "NYC resident tax" in lines(by["Brooklyn"])  # remote for a Texas employer, living in Brooklyn
    assert "NYC resident tax" not in lines(by["Albany"]) and "NY income tax" in lines(by["Albany"])
    # No lives_in: taken to live where the job is, and told so.
    assert "NYC resident tax" in lines(by["In NYC"])
    assert any("taken to live in New York City" in n for n in by["In NYC"]["tax_notes"])


def test_a_commute_from_new_jersey_is_taxed_by_new_jersey_with_new_york_premiums(runner: CliRunner,
                                                                                write_offer: Write) -> None:
    o = taxed(runner, write_offer(offer(lives_in="Hoboken, NJ", city="New York", state="NY",
                                        remote="hybrid")))["offers"][0]
    nj = 280 + 262.5 + 175 + 1933.75 + 0.0637 * (149000 - 75000)  # NJ on 149,000: 7,365.05
    found = lines(o)
    assert found["NJ income tax"] == pytest.approx(nj, abs=0.01)
    # Payroll premiums follow the work (NY SDI 0.5% capped at 31.20, NY PFL), not the home (NJ TDI, FLI, UI).
    assert {"NY SDI", "NY PFL"} <= set(found)
    assert not {"NY income tax", "NYC resident tax", "NJ TDI", "NJ FLI", "NJ UI/WF"} & set(found)
    assert o["years"][0]["tax"]["total"] == pytest.approx(FEDERAL_150K + 11475 + nj + found["NY SDI"]
                                                          + found["NY PFL"], abs=0.02)
    notes = " ".join(o["tax_notes"])
    assert "NY's tax on a non-resident's wages earned there and NJ's credit for it are not modelled" in notes
    assert "payroll premiums follow where the work is done (NY)" in notes


def test_payroll_rules_per_programme_for_an_oregon_resident_working_in_washington(runner: CliRunner,
                                                                                 write_offer: Write) -> None:
    o = taxed(runner, write_offer(offer(lives_in="Portland, OR", city="Vancouver", state="WA",
                                        remote="onsite")))["offers"][0]
    found = lines(o)
    # WA's premiums (the work is there) and Oregon's transit tax, which OR residents owe wherever they work.
    assert {"OR income tax", "WA PFML", "WA Cares", "OR statewide transit tax"} <= set(found)
    assert "Paid Leave Oregon" not in found and "WA income tax" not in found
    assert found["OR statewide transit tax"] == pytest.approx(150.0)
    notes = " ".join(o["tax_notes"])
    assert "OR residents on wages earned elsewhere (ORS 320.550)" in notes
    assert "permanent primary residence is outside WA may apply for an exemption" in notes


def test_a_city_without_its_state_is_an_error_naming_lives_in(runner: CliRunner, write_offer: Write) -> None:
    path = write_offer(offer(lives_in="Kansas City"))
    result = runner.invoke(cli, ["compare", str(path), "--after-tax"])
    assert result.exit_code == 1
    # The place check warns first (as validate does); the tax step then refuses: the last line is the error.
    assert result.stderr.splitlines()[-1].startswith(
        f"Error: {path}: candidate.lives_in: 'Kansas City' could be in MO or KS")
    path = write_offer(offer(lives_in="Seatle"), "typo.toml")
    result = runner.invoke(cli, ["compare", str(path), "--after-tax"])
    assert result.exit_code == 1 and f"{path}: candidate.lives_in: no place matches 'Seatle'" in result.stderr


def test_remote_from_another_country_is_taxed_there(runner: CliRunner, write_offer: Write) -> None:
    o = taxed(runner, write_offer(offer(lives_in="Toronto, ON", city="Seattle", state="WA")))["offers"][0]
    assert {"Canada federal income tax", "CPP", "EI", "Ontario income tax"} <= set(lines(o))
    assert not [n for n in lines(o) if n.startswith(("US", "WA"))]
    assert o["years"][0]["tax"]["year"] == 2026 and o["tax_plugin"] == "tax_canada"
    assert any("fully remote from Canada" in n and "not modelled" in n for n in o["tax_notes"])


def test_a_commuter_from_another_country_is_taxed_where_the_work_is(runner: CliRunner, write_offer: Write) -> None:
    o = taxed(runner, write_offer(offer(lives_in="Windsor, ON", city="Detroit", state="MI",
                                        remote="onsite")))["offers"][0]
    assert {"US federal income tax", "MI income tax"} <= set(lines(o))
    assert any("lives in Canada (Windsor, ON) and works in the United States" in n
               and "Canada's tax as your home country" in n for n in o["tax_notes"])


def test_uk_income_tax_rates_follow_the_nation_lived_in(runner: CliRunner, write_offer: Write) -> None:
    london = write_offer(offer("London", lives_in="London, GB", city="Edinburgh", state=None, country="GB",
                               remote="hybrid", base=60000), "a.toml")
    scot = write_offer(offer("Scot", lives_in="Scotland", city="London", state=None, country="GB",
                             base=60000), "b.toml")
    by = {o["label"]: o for o in taxed(runner, london, scot)["offers"]}
    assert "UK income tax" in lines(by["London"]) and "Scottish income tax" in lines(by["Scot"])
    assert any("lives in England (London, GB), works in Scotland" in n for n in by["London"]["tax_notes"])


def test_remote_within_canada_is_taxed_by_the_province_lived_in(runner: CliRunner, write_offer: Write) -> None:
    o = taxed(runner, write_offer(offer(lives_in="Vancouver, BC", city="Toronto", state="ON", country="CA",
                                        base=120000)))["offers"][0]
    assert "British Columbia income tax" in lines(o) and "Ontario income tax" not in lines(o)


def test_taxes_benchmark_and_real_terms_read_lives_in_alike(runner: CliRunner, write_offer: Write) -> None:
    # "Washington" alone is read by places.residence as the DC metro (and says so), for all three.
    text = offer(lives_in="Washington", city="Seattle", state="WA")
    path = write_offer(text.replace("[offer]\n", '[offer]\nrole = "software engineer"\n'))
    doc = taxed(runner, path, args=("--real",))
    o = doc["offers"][0]
    assert o["years"][0]["tax"]["lines"][3]["name"] == "DC income tax"
    assert any("read 'Washington' as the metro Washington-Arlington-Alexandria" in n for n in o["tax_notes"])
    assert o["price_level"]["name"].startswith("Washington-Arlington-Alexandria")
    assert o["benchmark"]["cell"]["city"].startswith("Washington-Arlington-Alexandria")
