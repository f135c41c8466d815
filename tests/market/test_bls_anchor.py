"""BLS anchors (the place -> BLS area lookup is tested in tests/places/test_areas.py). Expected wages are read
from the raw BLS CSV with csv, not through the tables."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

from offercheck.datafiles import packaged
from offercheck.market.anchors.bls import bls_anchor


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
