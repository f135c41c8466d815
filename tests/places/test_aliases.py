"""One table of place aliases: every room that reads them gives the same answer."""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest
import tomllib

from offercheck.places import CITY_ALIASES, country_code, find_metro, mistaken_code, suggested_code
from offercheck.real.price_levels import resolve_place
from offercheck.tax.engine import LATEST_TAX_YEAR
from offercheck.tax.registry import estimate_tax


def _factors() -> dict[str, Any]:
    with (resources.files("offercheck") / "data" / "factors.toml").open("rb") as fh:
        return tomllib.load(fh)


@pytest.mark.parametrize(("text", "iso2"), [("UK", "GB"), ("uk", "GB"), ("USA", "US"), ("U.S.A.", "US"),
                                             ("DEU", "DE"), ("Britain", "GB"), ("de", "DE"), (" CA ", "CA"),
                                             ("United States", "US")])
def test_country_code(text: str, iso2: str) -> None:
    assert country_code(text) == iso2


def test_codes_that_are_not_iso() -> None:
    assert mistaken_code("UK") == mistaken_code("en") == "GB" and mistaken_code("GB") is None
    assert [suggested_code(t) for t in ("USA", "UAE", "UK", "EN", "FR")] == ["US", "AE", "GB", "GB", "FR"]
    assert country_code("EN") == "EN"  # not a country: refused where a country is needed, not read as GB


def test_uk_means_gb_in_tax_and_in_real_terms() -> None:
    def tax(country: str) -> float:
        return estimate_tax(country=country, subdivision=None, city=None, filing_status="single",
                            tax_year=LATEST_TAX_YEAR, wages=80_000.0).total

    assert tax("UK") == tax("GB") > 0
    uk, gb = resolve_place(city=None, state=None, country="UK"), resolve_place(city=None, state=None, country="GB")
    assert uk.country == gb.country == "GB" and uk.ppp == gb.ppp


def test_city_aliases_find_the_same_metro_in_the_location_factor() -> None:
    areas = _factors()["location_us_metro"]["areas"]
    oews = {a["code"] for a in areas}
    checked = 0
    for alias, cbsa in CITY_ALIASES.items():
        if "00" + cbsa in oews:  # OEWS delineates a few metros differently from the 2020 CBSAs
            found = find_metro(alias, None, areas)
            assert found is not None and found["code"] == "00" + cbsa, alias
            checked += 1
    assert checked > 60
    philly = find_metro("Philly", "PA", areas)
    assert philly is not None and philly["title"].startswith("Philadelphia")
