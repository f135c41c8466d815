"""BLS anchors and the place table. Expected areas are hand-checked against the OMB 2023 delineations (the
county each city is in); expected wages are read from the raw BLS CSV with csv, not through the tables."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest

from offercheck.datafiles import packaged
from offercheck.market.anchor import bls_anchor, resolve_place

SAN_JOSE, SAN_FRANCISCO, SEATTLE, NEW_YORK = "0041940", "0041860", "0042660", "0035620"
WASHINGTON, PORTLAND_OR, BOSTON, DALLAS = "0047900", "0038900", "0014460", "0019100"

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
    assert (place.state, place.area_code, place.level) == (want_state, want_area, "metro")


@pytest.mark.parametrize(("city", "guess", "others"), [
    ("Portland", "OR", {"ME"}), ("Arlington", "VA", {"TX"}), ("Newark", "NJ", {"DE", "CA"}),
    ("Springfield", "MA", {"IL", "MO"}), ("Columbus", "OH", {"GA"}),
])
def test_ambiguous_city_without_state_is_a_named_guess(city: str, guess: str, others: set[str]) -> None:
    place = resolve_place(city)
    assert place.guessed and place.state == guess
    assert place.warning is not None and f"guessed {guess}" in place.warning
    assert others <= set(place.candidates)


def test_foreign_namesake_warns_unless_the_country_is_given() -> None:
    assumed = resolve_place("Vancouver")
    assert assumed.state == "WA" and assumed.warning is not None and "Canada" in assumed.warning
    assert resolve_place("Vancouver", country="US").warning is None
    with pytest.raises(ValueError, match="US only"):
        resolve_place("Vancouver", country="CA")


def test_unknown_city_falls_back_to_state_then_nation() -> None:
    in_state = resolve_place("Nowheresville", "CA")
    assert (in_state.level, in_state.area_code) == ("state", "0600000") and in_state.warning
    nowhere = resolve_place("Nowheresville")
    assert (nowhere.level, nowhere.area_code) == ("national", "0000000") and nowhere.warning
    assert resolve_place(None, "California").area_code == "0600000"
    with pytest.raises(ValueError, match="unknown US state"):
        resolve_place("Austin", "Texxas")


def test_place_table_size() -> None:
    places = json.loads(packaged("market/places.json").read_text(encoding="utf-8"))["places"]
    assert len(places) >= 150


def test_remote_uses_home_area_else_national() -> None:
    national = bls_anchor("software engineer", "San Jose", remote=True)
    assert national.level == "national" and any("no home area" in n for n in national.notes)
    home = bls_anchor("software engineer", "San Jose", remote=True, lives_in="Boise, ID")
    assert home.area_code == "0014260"
    assert bls_anchor("software engineer", remote=True, lives_in="Idaho").area_code == "1600000"


def test_roles_map_to_their_occupation() -> None:
    assert bls_anchor("Senior ML Engineer").soc == "15-1252"
    assert bls_anchor("data scientist").soc == "15-2051"
    assert bls_anchor("research scientist").soc == "15-1221"
    unknown = bls_anchor("Chief Vibes Officer")
    assert unknown.soc == "15-0000" and "maps to no occupation" in unknown.notes[0]


def test_unreleased_occupation_falls_back_to_the_state() -> None:
    table = json.loads(packaged("market/bls_anchor.json").read_text(encoding="utf-8"))
    # BLS releases no research-scientist figures for Bentonville's metro, nor for Arkansas.
    assert "15-1221" not in table["wages"]["0022220"] and "15-1221" not in table["wages"]["0500000"]
    anchor = bls_anchor("research scientist", "Bentonville")
    assert anchor.level == "national"
    assert [n for n in anchor.notes if "does not release 15-1221" in n] == [
        "BLS does not release 15-1221 for Fayetteville-Springdale-Rogers, AR: used a broader area",
        "BLS does not release 15-1221 for Arkansas: used a broader area"]
    assert bls_anchor("data scientist", "Bentonville").level == "metro"


def _largest_metros(path: Path, n: int = 25) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["OCC_CODE"] == "15-1252" and r["AREA_TYPE"] == "M"]
    rows = [r for r in rows if r["TOT_EMP"] != "-"]
    return sorted(rows, key=lambda r: -int(r["TOT_EMP"]))[:n]


def test_reproduces_bls_for_the_25_largest_metros(bls_csv: Path) -> None:
    with bls_csv.open(newline="", encoding="utf-8") as f:
        raw = {(r["AREA"], r["OCC_CODE"]): r for r in csv.DictReader(f)}
    for metro in _largest_metros(bls_csv):
        city = metro["AREA_TITLE"].split("-")[0].split(",")[0]
        for role, soc in (("software engineer", "15-1252"), ("data scientist", "15-2051")):
            anchor = bls_anchor(role, city)
            row = raw[(metro["AREA"], soc)]
            assert anchor.area_code == metro["AREA"], city
            want = [int(row[c]) for c in ("A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90")]
            assert list(anchor.quantiles().values()) == want, (city, soc)
            assert anchor.employment == int(row["TOT_EMP"])


def test_source_hash_matches_the_raw_file(bls_csv: Path) -> None:
    table = json.loads(packaged("market/bls_anchor.json").read_text(encoding="utf-8"))
    assert table["source"]["sha256"] == hashlib.sha256(bls_csv.read_bytes()).hexdigest()
    assert bls_anchor("software engineer").reference_period == "May 2025"
