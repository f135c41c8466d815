"""One table of place and industry aliases: every room that reads them gives the same answer."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import tomllib
from click.testing import CliRunner

from offercheck.builtins.factors import industry, location
from offercheck.cli.main import cli
from offercheck.offer.loading import parse_offer
from offercheck.offer.places import CITY_ALIASES, country_code
from offercheck.real.places import resolve_place
from offercheck.tax.engine import LATEST_TAX_YEAR
from offercheck.tax.registry import estimate_tax


def _factors() -> dict[str, Any]:
    with (resources.files("offercheck") / "data" / "factors.toml").open("rb") as fh:
        return tomllib.load(fh)


@pytest.mark.parametrize(("text", "iso2"), [("UK", "GB"), ("uk", "GB"), ("USA", "US"), ("U.S.A.", "US"),
                                             ("DEU", "DE"), ("Britain", "GB"), ("de", "DE"), (" CA ", "CA")])
def test_country_code(text: str, iso2: str) -> None:
    assert country_code(text) == iso2


def test_uk_means_gb_in_tax_and_in_real_terms() -> None:
    def tax(country: str) -> float:
        return estimate_tax(country=country, subdivision=None, city=None, filing_status="single",
                            tax_year=LATEST_TAX_YEAR, wages=80_000.0).total

    assert tax("UK") == tax("GB") > 0
    uk, gb = resolve_place(city=None, state=None, country="UK"), resolve_place(city=None, state=None, country="GB")
    assert uk.country == gb.country == "GB" and uk.ppp == gb.ppp


def _offer(industry_name: str) -> Any:
    return parse_offer({"offer": {"company": "Acme"}, "salary": {"base": 100_000},
                        "company": {"industry": industry_name}}, "offer.toml")


@pytest.mark.parametrize(("spelling", "key"), [("bank", "finance"), ("Software", "technology"),
                                               ("financial  services", "finance")])
def test_industry_alias_is_known_to_the_factor_and_to_validate(
        spelling: str, key: str, runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    expected = _factors()["industry"]["relative_to_technology"][key]
    adj = industry.offercheck_adjust(offer=_offer(spelling), benchmark=None)
    assert adj is not None and adj.multiplier == pytest.approx(expected)
    path = write_offer(f'[offer]\ncompany = "Acme"\n[salary]\nbase = 100000\n[company]\nindustry = "{spelling}"\n')
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0 and result.stderr == ""


def test_city_aliases_find_the_same_metro_in_the_location_factor() -> None:
    areas = _factors()["location_us_metro"]["areas"]
    oews = {a["code"] for a in areas}
    checked = 0
    for alias, cbsa in CITY_ALIASES.items():
        if "00" + cbsa in oews:  # OEWS delineates a few metros differently from the 2020 CBSAs
            found = location.find_metro(alias, None, areas)
            assert found is not None and found["code"] == "00" + cbsa, alias
            checked += 1
    assert checked > 60
    philly = location.find_metro("Philly", "PA", areas)
    assert philly is not None and philly["title"].startswith("Philadelphia")
