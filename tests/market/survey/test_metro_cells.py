"""US cities in a built benchmark file are grouped by their BLS metro, and an offer's city is looked up the same
way; cities elsewhere stay as typed. The metro of each city is the BLS delineation (OMB metro areas as BLS OEWS
uses them): Mountain View, San Jose and Sunnyvale, CA are all in San Jose-Sunnyvale-Santa Clara, CA."""

from __future__ import annotations

import json
from pathlib import Path

from offercheck.market.benchmark_files import load_benchmarks
from tests.conftest import invoke

METRO = "San Jose-Sunnyvale-Santa Clara, CA"


def _build(tmp_path: Path, rows: list[str]) -> Path:
    survey = tmp_path / "s.csv"
    survey.write_text("title;location;salary\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "mine.toml"
    code, _, err = invoke("benchmarks", "build", str(survey), "-o", str(out), "--map", "role=title",
                          "--map", "location=location", "--map", "base=salary")
    assert code == 0, err
    return out


def _bay_area(tmp_path: Path) -> Path:
    # 20 rows in Mountain View and 20 in San Jose (each under the 30-row minimum alone), 30 in Austin.
    rows = [f"Data Scientist;Mountain View, CA;{150_000 + 1000 * i}" for i in range(20)]
    rows += [f"Data Scientist;San Jose, CA;{170_000 + 1000 * i}" for i in range(20)]
    rows += [f"Data Scientist;Austin, TX;{100_000 + 1000 * i}" for i in range(30)]
    return _build(tmp_path, rows)


def test_two_cities_of_one_metro_make_one_metro_cell(tmp_path: Path) -> None:
    cells = load_benchmarks(_bay_area(tmp_path)).cells
    metro = [c for c in cells if c.city is not None and c.country == "US" and "san jose" in c.city.lower()]
    assert {c.city for c in metro} == {METRO}  # named as the metro, not as either city
    whole = next(c for c in metro if c.role is None and c.experience is None)
    assert whole.n == 40 and whole.borrowed_from is None  # both cities' rows, enough for a cell of its own
    # Pay 150,000..169,000 and 170,000..189,000: 40 values 150,000 + 1,000 k; type-7 p50 at h = 19.5.
    assert whole.base is not None and whole.base.p50 == 169_500
    assert not any(c.city and "mountain view" in c.city.lower() for c in cells)


def _compare(tmp_path: Path, bench: Path, city: str, state: str) -> dict[str, object]:
    offer = tmp_path / "offer.toml"
    offer.write_text(f'[offer]\ncompany = "Acme"\nrole = "Data Scientist"\n[location]\ncity = "{city}"\n'
                     f'state = "{state}"\ncountry = "US"\n[salary]\nbase = 170000\n', encoding="utf-8")
    code, out, err = invoke("compare", str(offer), "--benchmarks", str(bench), "--format", "json")
    assert code == 0, err
    benchmark: dict[str, object] = json.loads(out)["offers"][0]["benchmark"]
    return benchmark


def test_an_offer_in_another_city_of_the_metro_finds_the_metro_cell(tmp_path: Path) -> None:
    bench = _bay_area(tmp_path)
    benchmark = _compare(tmp_path, bench, "Sunnyvale", "CA")  # no survey row in Sunnyvale itself
    cell = benchmark["cell"]
    assert isinstance(cell, dict) and cell["city"] == METRO and cell["n"] == 40
    assert benchmark["note"] is None


def test_a_city_outside_every_metro_cell_falls_back_to_the_country_and_says_so(tmp_path: Path) -> None:
    bench = _bay_area(tmp_path)
    benchmark = _compare(tmp_path, bench, "Seattle", "WA")
    cell = benchmark["cell"]
    assert isinstance(cell, dict) and cell["city"] is None and cell["country"] == "US" and cell["n"] == 70
    note = benchmark["note"]
    assert isinstance(note, str) and "no cell for Seattle" in note and "US as a whole used" in note


def test_cities_outside_the_us_stay_as_typed_whatever_the_case_and_spacing(tmp_path: Path) -> None:
    rows = [f"Data Scientist;{'Berlin' if i % 2 else '  berlin '}, Germany;{60_000 + 1000 * i}" for i in range(30)]
    bench = _build(tmp_path, rows)
    cities = {c.city for c in load_benchmarks(bench).cells if c.city is not None}
    assert cities == {"berlin"}
    offer = tmp_path / "offer.toml"
    offer.write_text('[offer]\ncompany = "Acme"\nrole = "Data Scientist"\ncurrency = "USD"\n'
                     '[location]\ncity = "BERLIN"\ncountry = "DE"\n[salary]\nbase = 70000\n', encoding="utf-8")
    code, out, err = invoke("compare", str(offer), "--benchmarks", str(bench), "--format", "json")
    assert code == 0, err
    assert json.loads(out)["offers"][0]["benchmark"]["cell"]["city"] == "berlin"
