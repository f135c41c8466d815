"""Tests for price levels and real-terms factors (offercheck.real.price_levels, areas read by offercheck.places).

Expected numbers are read straight from the shared CSV extracts with the csv module, independently of
the generated prices.toml and the module under test.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from offercheck.real.price_levels import PriceLevel, UnknownPlace, parse_home, real_factor, resolve_place
from tests.conftest import REPO, SHARED

COL = SHARED / "data" / "col"
needs_col = pytest.mark.skipif(not COL.is_dir(), reason=f"shared data not found at {COL}")


def _rows(name: str) -> list[dict[str, str]]:
    with (COL / name).open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def metros() -> dict[str, dict[str, str]]:
    if not COL.is_dir():
        pytest.skip(f"shared data not found at {COL}")
    return {r["cbsa_code"]: r for r in _rows("bea_rpp_2023_metros.csv")}


@pytest.fixture(scope="module")
def states() -> dict[str, dict[str, str]]:
    if not COL.is_dir():
        pytest.skip(f"shared data not found at {COL}")
    return {r["name"]: r for r in _rows("bea_rpp_2023_states.csv")}


@pytest.fixture(scope="module")
def ppp() -> dict[str, float]:
    if not COL.is_dir():
        pytest.skip(f"shared data not found at {COL}")
    return {r["iso2"]: float(r["ppp_lcu_per_intl_dollar"]) for r in _rows("worldbank_ppp_private_consumption_2023.csv")}


def _rpp(row: dict[str, str]) -> float:
    return float(row["rpp_all_items"])


def _short(row: dict[str, str]) -> str:
    # Drop BEA's " (Metropolitan Statistical Area)" suffix and its footnote marker.
    return re.sub(r" \(Metropolitan Statistical Area\)( \*)?$", "", row["name"])


# --- every row of the source data is reachable and carries its own value --------------------------


@needs_col
def test_every_metro_resolves_by_first_city_and_state(metros: dict[str, dict[str, str]]) -> None:
    checked = 0
    for code, row in metros.items():
        if code in ("00000", "00999"):
            continue
        name = _short(row)
        cities, _, sts = name.partition(", ")
        level = resolve_place(city=cities.split("-")[0], state=sts.split("-")[0], country="US")
        assert (level.geography, level.name, level.rpp) == ("metro", name, _rpp(row)), code
        assert level.housing == float(row["rpp_housing"])
        assert (level.country, level.currency, level.ppp, level.year) == ("US", "USD", 1.0, 2023)
        checked += 1
    assert checked == 384


@needs_col
def test_every_state_resolves_by_name_and_code(
    states: dict[str, dict[str, str]], metros: dict[str, dict[str, str]]
) -> None:
    for name, row in states.items():
        if name == "United States":
            continue
        level = resolve_place(city=None, state=name, country="US")
        assert (level.geography, level.name, level.rpp) == ("state", name, _rpp(row))
        assert level.housing == float(row["rpp_housing"])
    # The postal codes used in BEA's metro names map one-to-one onto the 51 state rows.
    codes = {st for code, r in metros.items() if code not in ("00000", "00999")
             for st in _short(r).split(", ")[1].split("-")}  # fmt: skip
    by_code = {code: parse_home(f"US-{code}") for code in codes}
    assert {lv.name for lv in by_code.values()} == set(states) - {"United States"}
    for code, level in by_code.items():
        assert level == resolve_place(city=None, state=code, country="US") == parse_home(f"us-{code.lower()}")
    assert by_code["CA"].rpp == 112.581 and by_code["DC"].name == "District of Columbia"  # SOURCES.md


@needs_col
def test_every_country_ppp_matches_world_bank(ppp: dict[str, float]) -> None:
    for iso2, value in ppp.items():
        level = resolve_place(city=None, state=None, country=iso2)
        assert level.geography == "country" and level.country == iso2 and level.year == 2023
        if iso2 == "BG":  # euro since 2026-01-01: converted at the fixed 1.95583 BGN/EUR
            assert level.currency == "EUR" and level.ppp == pytest.approx(value / 1.95583, rel=1e-12)
            assert level.note and "1.95583" in level.note
        elif iso2 == "PS":  # currency of the World Bank figure is ambiguous: left out on purpose
            assert level.ppp is None and level.note
        else:
            assert level.ppp == value, iso2
    assert resolve_place(city=None, state=None, country="US").rpp == 100.0


def test_common_currencies() -> None:
    expected = {"US": "USD", "CA": "CAD", "GB": "GBP", "DE": "EUR", "FR": "EUR", "IN": "INR", "SG": "SGD",
                "AU": "AUD", "CH": "CHF", "JP": "JPY", "CN": "CNY", "BR": "BRL", "PA": "USD", "BT": "BTN"}  # fmt: skip
    for iso2, ccy in expected.items():
        assert resolve_place(city=None, state=None, country=iso2).currency == ccy


@needs_col
def test_source_spot_checks(metros: dict[str, dict[str, str]]) -> None:
    # SOURCES.md spot checks, and the values agree with the CSV.
    for text, value, code in [("San Francisco", 118.23, "41860"), ("Los Angeles", 115.46, "31080"),
                              ("Seattle", 112.99, "42660"), ("San Jose", 112.87, "41940"),
                              ("NYC", 112.47, "35620"), ("Boston", 111.57, "14460"),
                              ("Washington, DC", 108.64, "47900"), ("Jackson, MS", 90.67, "27140")]:  # fmt: skip
        level = parse_home(text)
        assert level.rpp == value == _rpp(metros[code]), text


# --- aliases and matching ----------------------------------------------------------------------------


ALIASES = {
    "41860": ["San Francisco", "SF", "Bay Area", "Oakland", "san francisco bay area"],
    "35620": ["NYC", "New York", "New York City", "Manhattan", "Brooklyn", "Jersey City"],
    "31080": ["LA", "Los Angeles", "Santa Monica", "Irvine"],
    "42660": ["Seattle", "Bellevue", "Redmond"],
    "12420": ["Austin"],
    "14460": ["Boston", "Cambridge"],
    "16980": ["Chicago"],
    "47900": ["DC", "Washington", "Washington DC", "Washington, D.C.", "Arlington"],
    "19740": ["Denver"],
    "41940": ["San Jose", "Palo Alto", "Mountain View", "Sunnyvale"],
    "12060": ["Atlanta"],
    "38900": ["Portland"],
    "41180": ["St. Louis", "Saint Louis", "st louis"],
    "34980": ["Nashville", "Murfreesboro"],
}


@needs_col
@pytest.mark.parametrize(("cbsa", "names"), ALIASES.items())
def test_aliases_reach_the_right_metro(cbsa: str, names: list[str], metros: dict[str, dict[str, str]]) -> None:
    want = _short(metros[cbsa])
    state = want.split(", ")[1].split("-")[0]
    for name in names:
        if name == "Arlington":  # Arlington is in the DC and the Dallas metros: needs the state
            level = resolve_place(city=name, state="VA", country="US")
        elif "," in name:
            level = resolve_place(city=name.split(",")[0], state=name.split(",")[1], country="US")
        else:
            level = resolve_place(city=name, state=None, country="US")
            assert resolve_place(city=name, state=state, country="US") == level
        assert level.name == want, name


def test_state_overrides_alias_and_disambiguates() -> None:
    assert parse_home("Portland, ME").name == "Portland-South Portland, ME"
    assert parse_home("Arlington, TX").name == "Dallas-Fort Worth-Arlington, TX"
    assert parse_home("Cleveland, TN").name == "Cleveland, TN"
    assert parse_home("Winston-Salem, NC").name == "Winston-Salem, NC"
    with pytest.raises(UnknownPlace, match="several US metros") as info:
        resolve_place(city="Springfield", state=None, country="US")
    assert "Springfield, IL" in info.value.candidates


def test_fallback_to_state_then_country_with_note() -> None:
    level = resolve_place(city="Springfield", state="KS", country="US")
    assert level.geography == "state" and level.name == "Kansas"
    assert level.note and "no metro match for 'Springfield'" in level.note and "used the state (Kansas)" in level.note
    level = resolve_place(city="Seattle", state="OR", country="US")
    assert level.geography == "state" and level.note and "Seattle-Tacoma-Bellevue, WA" in level.note
    level = resolve_place(city="Nowheresville", state=None, country="US")
    assert (level.geography, level.rpp) == ("country", 100.0)
    assert level.note and "US average" in level.note


def test_outside_us_city_is_ignored_with_note() -> None:
    level = parse_home("Toronto, ON")
    assert (level.geography, level.name, level.country, level.currency, level.rpp) == (
        "country", "Canada", "CA", "CAD", None)  # fmt: skip
    assert level.note and "'Toronto'" in level.note and "outside the US" in level.note
    assert resolve_place(city="Berlin", state=None, country="DE").name == "Germany"
    assert parse_home("Berlin, Germany") == resolve_place(city="Berlin", state=None, country="Germany")
    assert parse_home("London, UK").country == "GB"


def test_parse_home_forms() -> None:
    assert parse_home("Austin, TX").name == "Austin-Round Rock-Georgetown, TX"
    assert parse_home("Austin, Texas, USA") == parse_home("Austin, TX") == parse_home("Austin TX")
    assert parse_home("US-TX").geography == "state" and parse_home("US-TX").name == "Texas"
    assert parse_home("Texas") == parse_home("US-TX")
    de = parse_home("DE")
    assert (de.geography, de.name) == ("country", "Germany")
    assert de.note and "US-DE" in de.note  # says how to get Delaware instead
    assert parse_home("US-DE").name == "Delaware"
    assert parse_home("TX") == parse_home("US-TX")
    assert parse_home("CA-ON").name == "Canada"
    assert parse_home("san francisco").name == "San Francisco-Oakland-Berkeley, CA"
    wa = parse_home("Washington")
    assert wa.geography == "metro" and wa.note and "US-WA" in wa.note


def test_unknown_places_suggest_close_matches() -> None:
    with pytest.raises(UnknownPlace, match="Germany") as info:
        resolve_place(city=None, state=None, country="Germny")
    assert any("Germany" in c for c in info.value.candidates)
    with pytest.raises(UnknownPlace, match="California"):
        resolve_place(city=None, state="Californa", country="US")
    with pytest.raises(UnknownPlace, match="Seattle"):
        parse_home("Seatle")
    with pytest.raises(UnknownPlace, match="ambiguous"):
        parse_home("Berlin, DE")
    with pytest.raises(UnknownPlace):
        parse_home("   ")
    assert issubclass(UnknownPlace, ValueError)


# --- real_factor ---------------------------------------------------------------------------------------


@needs_col
def test_real_factor_within_us(metros: dict[str, dict[str, str]], states: dict[str, dict[str, str]]) -> None:
    sf, austin = parse_home("San Francisco"), parse_home("Austin, TX")
    assert real_factor(sf, austin) == pytest.approx(_rpp(metros["12420"]) / _rpp(metros["41860"]), rel=1e-12)
    assert real_factor(austin, parse_home("US-CA")) == pytest.approx(
        _rpp(states["California"]) / _rpp(metros["12420"]), rel=1e-12
    )
    assert real_factor(sf, sf) == 1.0


@needs_col
def test_real_factor_between_countries(metros: dict[str, dict[str, str]], ppp: dict[str, float]) -> None:
    sf, de, gb = parse_home("San Francisco"), parse_home("DE"), parse_home("GB")
    rpp_sf = _rpp(metros["41860"])
    # EUR earned in Germany -> USD at San Francisco prices.
    assert real_factor(de, sf) == pytest.approx(ppp["US"] / ppp["DE"] * rpp_sf / 100, rel=1e-12)
    # USD earned in San Francisco -> EUR at German prices.
    assert real_factor(sf, de) == pytest.approx(ppp["DE"] / ppp["US"] / (rpp_sf / 100), rel=1e-12)
    assert real_factor(de, gb) == pytest.approx(ppp["GB"] / ppp["DE"], rel=1e-12)
    # Round trip: there and back again is neutral.
    assert real_factor(de, sf) * real_factor(sf, de) == pytest.approx(1.0)  # type: ignore[operator]
    # Same non-US country: no regional index, so no adjustment.
    assert real_factor(parse_home("Toronto, ON"), parse_home("Vancouver, BC")) == 1.0


def test_real_factor_missing_ppp_is_none() -> None:
    ve = resolve_place(city=None, state=None, country="VE")
    assert ve.ppp is None and ve.note and "no World Bank" in ve.note
    assert real_factor(ve, parse_home("US")) is None
    assert real_factor(parse_home("DE"), ve) is None
    assert real_factor(ve, ve) == 1.0


def test_price_level_is_frozen() -> None:
    level = parse_home("Austin, TX")
    assert isinstance(level, PriceLevel)
    with pytest.raises(AttributeError):
        level.rpp = 1.0  # type: ignore[misc]


# --- packaging -------------------------------------------------------------------------------------------


def test_nothing_loads_at_import() -> None:
    code = (
        "import offercheck.real.price_levels as p, offercheck.pay.currency as c\n"
        "import offercheck.places.metros as m, offercheck.places.countries as k, offercheck.places.areas as a\n"
        "print(p._data.cache_info().currsize, c._default_rates.cache_info().currsize, m.metros.cache_info().currsize,"
        " k._countries.cache_info().currsize, a.bls_areas.cache_info().currsize)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.split() == ["0"] * 5


@needs_col
def test_data_file_is_up_to_date(tmp_path: Path) -> None:
    pytest.importorskip("babel", reason="scripts/build_prices.py needs Babel (CLDR) to regenerate")
    out = tmp_path / "prices.toml"
    subprocess.run([sys.executable, str(REPO / "scripts" / "build_prices.py"), str(COL), "-o", str(out)],
                   check=True, capture_output=True)  # fmt: skip
    assert out.read_text(encoding="utf-8") == (REPO / "src/offercheck/data/prices.toml").read_text(encoding="utf-8")
