"""The official pay areas outside the US (places/official.py): UK ITL1 regions and nations, Job Bank economic
regions and provinces, Laender, each found from a city or subdivision through the one normaliser and AreaTable."""

from __future__ import annotations

import pytest

from offercheck.places import area, official_areas, resident_area

GB_CITIES = [
    ("London", "E12000007", "London"), ("Manchester", "E12000002", "North West"),
    ("Edinburgh", "S92000003", "Scotland"), ("Glasgow", "S92000003", "Scotland"), ("Cardiff", "W92000004", "Wales"),
    ("Belfast", "N92000002", "Northern Ireland"), ("Birmingham", "E12000005", "West Midlands"),
    ("Leeds", "E12000003", "Yorkshire and The Humber"), ("Bristol", "E12000009", "South West"),
    ("Cambridge", "E12000006", "East of England"), ("Oxford", "E12000008", "South East"),
    ("Reading", "E12000008", "South East"), ("Newcastle upon Tyne", "E12000001", "North East"),
    ("Nottingham", "E12000004", "East Midlands"), ("ST ALBANS", "E12000006", "East of England"),
    ("Stoke-on-Trent", "E12000005", "West Midlands"),
]
DE_CITIES = [("Berlin", "11"), ("München", "09"), ("Munich", "09"), ("Muenchen", "09"), ("Hamburg", "02"),
             ("Frankfurt", "06"), ("Frankfurt am Main", "06"), ("Frankfurt (Oder)", "12"), ("Köln", "05"),
             ("Koeln", "05"), ("Cologne", "05"), ("Düsseldorf", "05"), ("Stuttgart", "08"), ("Leipzig", "14")]
CA_CITIES = [("Toronto", "ER3530"), ("Mississauga", "ER3530"), ("Vancouver", "ER5920"), ("Montreal", "ER2440"),
             ("Montréal", "ER2440"), ("Quebec City", "ER2420"), ("Ottawa", "ER3510"), ("Calgary", "ER4830"),
             ("London", "ER3560")]


@pytest.mark.parametrize(("city", "code", "name"), GB_CITIES)
def test_uk_cities_find_their_itl1_region_or_nation(city: str, code: str, name: str) -> None:
    found = area(official_areas("GB"), city, None, "GB")
    assert (found.code, found.name, found.warning) == (code, name, None)


@pytest.mark.parametrize(("city", "code"), DE_CITIES)
def test_german_cities_find_their_land(city: str, code: str) -> None:
    found = area(official_areas("DE"), city, None, "DE")
    assert (found.code, found.level, found.warning) == (code, "land", None)


@pytest.mark.parametrize(("city", "code"), CA_CITIES)
def test_canadian_cities_find_their_economic_region(city: str, code: str) -> None:
    assert area(official_areas("CA"), city, None, "CA").code == code


def test_subdivisions_and_their_names() -> None:
    gb, de, ca = official_areas("GB"), official_areas("DE"), official_areas("CA")
    assert area(gb, None, "Scotland", "GB").code == "S92000003" and area(gb, None, "ENG", "GB").code == "E92000001"
    assert area(de, None, "Bavaria", "DE").code == "09" and area(de, None, "NRW", "DE").code == "05"
    assert area(ca, None, "Ontario", "CA").code == "ER35" and area(ca, "Toronto, ON", None, "CA").code == "ER3530"
    # A city the table has in another subdivision than the one given: the subdivision's area, said.
    found = area(gb, "Edinburgh", "WLS", "GB")
    assert found.code == "W92000004" and "not in the place table for WLS" in (found.warning or "")


def test_a_name_in_two_places_is_a_guess_that_says_so() -> None:
    found = area(official_areas("GB"), "Newport", None, "GB")
    assert found.code == "W92000004" and found.guessed and "also ENG" in (found.warning or "")
    assert area(official_areas("GB"), "Newport", "ENG", "GB").code == "E12000008"


@pytest.mark.parametrize(("country", "lives_in", "code"), [
    ("GB", "Edinburgh", "S92000003"), ("GB", "Edinburgh, UK", "S92000003"), ("GB", "Glasgow, Scotland", "S92000003"),
    ("GB", "GB-SCT", "S92000003"), ("GB", "Wales", "W92000004"), ("GB", "Manchester, United Kingdom", "E12000002"),
    ("DE", "Munich, DE", "09"), ("DE", "DE-BY", "09"), ("DE", "Bayern", "09"), ("DE", "Köln, Germany", "05"),
    ("CA", "Toronto, ON", "ER3530"), ("CA", "Vancouver, BC, Canada", "ER5920"), ("CA", "CA-QC", "ER24"),
])
def test_where_a_candidate_lives(country: str, lives_in: str, code: str) -> None:
    found = resident_area(official_areas(country), lives_in)
    assert found.code == code and found.warning is None


def test_an_unknown_home_is_the_nation_with_a_warning() -> None:
    found = resident_area(official_areas("GB"), "Atlantis")
    assert found.code == "K02000001" and "unknown city 'Atlantis'" in (found.warning or "")


def test_no_table_for_another_country() -> None:
    with pytest.raises(ValueError, match="no official pay areas for 'PL'"):
        official_areas("PL")
