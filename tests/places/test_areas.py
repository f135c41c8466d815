"""Place -> BLS area (metro, else state, else nation). Expected areas are hand-checked against the OMB 2023
delineations (the county each city is in), not read through the tables."""

from __future__ import annotations

import json

import pytest

from offercheck.datafiles import packaged
from offercheck.places import Area, AreaTable, UnknownPlace, area, bls_areas, fallback, home_area

SAN_JOSE, SAN_FRANCISCO, SEATTLE, NEW_YORK = "0041940", "0041860", "0042660", "0035620"
WASHINGTON, PORTLAND_OR, BOSTON, DALLAS = "0047900", "0038900", "0014460", "0019100"


def resolve_place(city: str | None, state: str | None = None, country: str | None = None) -> Area:
    return area(bls_areas(), city, state, country)


HAND_CHECKED = [  # city, state given, expected state, expected area
    ("Mountain View", None, "CA", SAN_JOSE), ("Sunnyvale", None, "CA", SAN_JOSE),
    ("Palo Alto", None, "CA", SAN_JOSE), ("Cupertino", None, "CA", SAN_JOSE),
    ("Silicon Valley", None, "CA", SAN_JOSE), ("Menlo Park", None, "CA", SAN_FRANCISCO),
    ("SF", None, "CA", SAN_FRANCISCO), ("Bay Area", None, "CA", SAN_FRANCISCO),
    ("Redmond", None, "WA", SEATTLE), ("Bellevue", None, "WA", SEATTLE), ("Kirkland", None, "WA", SEATTLE),
    ("McLean", None, "VA", WASHINGTON), ("Reston", None, "VA", WASHINGTON), ("Arlington", "VA", "VA", WASHINGTON),
    ("Arlington", "TX", "TX", DALLAS), ("Jersey City", None, "NJ", NEW_YORK), ("Hoboken", None, "NJ", NEW_YORK),
    ("Newark", "NJ", "NJ", NEW_YORK), ("Brooklyn", None, "NY", NEW_YORK), ("Manhattan", "NY", "NY", NEW_YORK),
    ("NYC", None, "NY", NEW_YORK), ("Cambridge", "MA", "MA", BOSTON), ("Vancouver", "WA", "WA", PORTLAND_OR),
    ("Portland", "OR", "OR", PORTLAND_OR), ("Portland", "ME", "ME", "0038860"), ("Boulder", None, "CO", "0014500"),
    ("Durham", "NC", "NC", "0020500"), ("Research Triangle Park", None, "NC", "0020500"),
    ("Austin", None, "TX", "0012420"), ("Plano", None, "TX", DALLAS), ("Irvine", None, "CA", "0031080"),
    ("Santa Monica", None, "CA", "0031080"), ("St. Louis", None, "MO", "0041180"),
    ("Bentonville", None, "AR", "0022220"), ("Austin, TX", None, "TX", "0012420"),
]


@pytest.mark.parametrize(("city", "state", "want_state", "want_area"), HAND_CHECKED)
def test_hand_checked_places(city: str, state: str | None, want_state: str, want_area: str) -> None:
    place = resolve_place(city, state)
    assert (place.subdivision, place.code, place.level) == (want_state, want_area, "metro")


@pytest.mark.parametrize(("city", "guess", "others"), [
    ("Portland", "OR", {"ME"}), ("Arlington", "VA", {"TX"}), ("Newark", "NJ", {"DE", "CA"}),
    ("Springfield", "MA", {"IL", "MO"}), ("Columbus", "OH", {"GA"}),
])
def test_ambiguous_city_without_state_is_a_named_guess(city: str, guess: str, others: set[str]) -> None:
    place = resolve_place(city)
    assert place.guessed and place.subdivision == guess
    assert place.warning is not None and f"guessed {guess}" in place.warning
    assert others <= set(place.candidates)


def test_foreign_namesake_warns_unless_the_country_is_given() -> None:
    assumed = resolve_place("Vancouver")
    assert assumed.subdivision == "WA" and assumed.warning is not None and "Canada" in assumed.warning
    assert resolve_place("Vancouver", country="US").warning is None
    with pytest.raises(ValueError, match="US only"):
        resolve_place("Vancouver", country="CA")


def test_unknown_city_falls_back_to_state_then_nation() -> None:
    in_state = resolve_place("Nowheresville", "CA")
    assert (in_state.level, in_state.code) == ("state", "0600000") and in_state.warning
    nowhere = resolve_place("Nowheresville")
    assert (nowhere.level, nowhere.code) == ("national", "0000000") and nowhere.warning
    assert resolve_place(None, "California").code == "0600000"
    with pytest.raises(ValueError, match="unknown US state"):
        resolve_place("Austin", "Texxas")


def test_place_table_size() -> None:
    places = json.loads(packaged("market/places.json").read_text(encoding="utf-8"))["places"]
    assert len(places) >= 150




# CBSA codes of the OMB 2023 delineations: Dallas-Fort Worth-Arlington 19100, Cape Coral-Fort Myers 15980,
# Mount Vernon-Anacortes 34580, Port St. Lucie 38940, Coeur d'Alene 17660, Washington-Arlington-Alexandria 47900.
@pytest.mark.parametrize(("city", "want"), [
    ("Ft. Worth", "0019100"), ("Ft Worth", "0019100"), ("Ft. Myers", "0015980"), ("Mt. Vernon", "0034580"),
    ("Port Saint Lucie", "0038940"), ("Coeur d\u2019Alene", "0017660"), ("COEUR D'ALENE", "0017660"),
    ("Washington, D.C.", "0047900"),
])
def test_abbreviated_and_accented_names_find_the_metro(city: str, want: str) -> None:
    assert resolve_place(city).code == want


@pytest.mark.parametrize("state", ["TX", "tx", "Texas", "US-TX", " texas "])
def test_a_state_is_read_by_code_or_name(state: str) -> None:
    assert resolve_place("Fort Worth", state).code == "0019100"
    assert resolve_place(None, state).code == "4800000"  # BLS state area: FIPS 48 + "00000"


def test_an_unknown_state_says_what_was_meant() -> None:
    with pytest.raises(UnknownPlace, match=r"unknown US state 'Texxas' .*did you mean Texas \(TX\)\?"):
        resolve_place("Austin", "Texxas")


def test_home_area_and_fallback_chain() -> None:
    assert home_area(bls_areas(), "Idaho").code == "1600000"
    assert home_area(bls_areas(), "Boise, ID").code == "0014260"  # Boise City, ID
    seattle = resolve_place("Seattle")
    assert fallback(bls_areas(), seattle) == ["0042660", "5300000", "0000000"]
    assert fallback(bls_areas(), resolve_place(None, "WA")) == ["5300000", "0000000"]
    assert fallback(bls_areas(), resolve_place(None)) == ["0000000"]


def test_another_publishers_table_reads_places_the_same_way() -> None:
    # An illustrative table (codes made up for the test): what an ONS-by-region source would provide.
    table = AreaTable(
        source="ONS", country="GB", word="nation", national="UK",
        areas={"UK": {"name": "United Kingdom", "level": "national"}, "SCO": {"name": "Scotland", "level": "nation"},
               "LON": {"name": "London", "level": "region"}, "ENG": {"name": "England", "level": "nation"}},
        subdivisions={"SCT": "SCO", "ENG": "ENG"}, cities={"london": [["ENG", "LON"]]})
    assert area(table, None, "Scotland").code == "SCO"
    assert area(table, "London").code == "LON" and area(table, "London").subdivision == "ENG"
    assert area(table, "London", "GB-ENG").code == "LON"
    assert fallback(table, area(table, "London")) == ["LON", "ENG", "UK"]
    nowhere = area(table, "Nowhere")
    assert nowhere.code == "UK" and nowhere.warning == (
        "unknown city 'Nowhere' and no nation: used national figures (give the nation)")
    with pytest.raises(ValueError, match="ONS areas are GB only"):
        area(table, "Paris", None, "FR")
