"""Issue 15 outcomes, end to end through ``api.compare``: US offers are scored against the BLS anchor.

Expected BLS figures are read from the raw CSV here (not from the packaged table); typical offers are offer
files at published figures (tests/market/typical.py), each naming its source, landing between p25 and p85.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import tomllib

from offercheck.api import compare
from offercheck.offer.models import Offer
from offercheck.plugins.manager import get_plugin_manager
from tests.market import typical

PCTS = (("p10", "A_PCT10"), ("p25", "A_PCT25"), ("p50", "A_MEDIAN"), ("p75", "A_PCT75"), ("p90", "A_PCT90"))


def scored(base: float, role: str, city: str | None, state: str | None = None, years: float | None = None,
           size: str | None = None, remote: str | None = None) -> object:
    offer = Offer.model_validate({
        "offer": {"company": "X", "role": role, "currency": "USD"},
        "candidate": {} if years is None else {"years_experience": years},
        "location": {"country": "US", **({"city": city} if city else {}), **({"state": state} if state else {}),
                     **({"remote": remote} if remote else {})},
        "company": {} if size is None else {"size": size},
        "salary": {"base": base},
    })
    return compare([offer], pm=get_plugin_manager()).evaluations[0].market


def _metros(path: Path) -> tuple[list[dict[str, str]], dict[tuple[str, str], dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    raw = {(r["AREA"], r["OCC_CODE"]): r for r in rows}
    metros = sorted((r for r in rows if r["OCC_CODE"] == "15-1252" and r["AREA_TYPE"] == "M" and r["TOT_EMP"] != "-"),
                    key=lambda r: -int(r["TOT_EMP"].replace(",", "")))[:25]
    return metros, raw


def test_no_experience_reproduces_bls_in_the_25_largest_metros(bls_csv: Path) -> None:
    metros, raw = _metros(bls_csv)
    assert len(metros) == 25
    for metro in metros:
        city = metro["AREA_TITLE"].split("-")[0].split(",")[0]
        state = metro["AREA_TITLE"].rsplit(", ", 1)[1].split("-")[0]
        for role, soc in (("software engineer", "15-1252"), ("data scientist", "15-2051")):
            row = raw.get((metro["AREA"], soc))
            if row is None or "-" in (row["A_PCT10"], row["A_MEDIAN"], row["A_PCT90"]):
                continue
            got = scored(100_000, role, city, state).expected_base
            want = {q: float(row[c].replace(",", "")) for q, c in PCTS}
            assert abs(got.p50 / want["p50"] - 1) <= 0.10, (city, soc)
            assert abs(got.p10 / want["p10"] - 1) <= 0.15, (city, soc)
            assert abs(got.p90 / want["p90"] - 1) <= 0.15, (city, soc)


# Suburbs and nicknames -> the BLS metro that holds them (hand-checked against the BLS MSA definitions).
@pytest.mark.parametrize(("city", "state", "area"), [
    ("Mountain View", "CA", "San Jose-Sunnyvale-Santa Clara, CA"),
    ("Cupertino", None, "San Jose-Sunnyvale-Santa Clara, CA"),
    ("Menlo Park", "CA", "San Francisco-Oakland-Fremont, CA"),
    ("Redmond", "WA", "Seattle-Tacoma-Bellevue, WA"),
    ("McLean", "VA", "Washington-Arlington-Alexandria, DC-VA-MD-WV"),
    ("Jersey City", "NJ", "New York-Newark-Jersey City, NY-NJ"),
    ("NYC", None, "New York-Newark-Jersey City, NY-NJ"),
])
def test_suburbs_and_nicknames_use_their_metro(city: str, state: str | None, area: str) -> None:
    m = scored(150_000, "software engineer", city, state)
    assert m.benchmark.city == area
    assert m.multiplier == 1.0  # no location multiplier on top of a location-specific anchor


def test_sf_software_engineer_median_is_the_bls_median(bls_csv: Path) -> None:
    # BLS OEWS May 2025, 15-1252, area 41860 San Francisco-Oakland-Fremont: read from the raw CSV.
    _, raw = _metros(bls_csv)
    row = next(r for (a, s), r in raw.items() if s == "15-1252" and a.endswith("41860"))
    # The anchor is aged to the suite's pinned today (2026-12-06) by the ECI: x1.050503 (tests/market/test_scoring).
    want = float(row["A_MEDIAN"].replace(",", "")) * 1.050503
    got = scored(want, "software engineer", "San Francisco", "CA")
    assert got.base.value == pytest.approx(50, abs=0.01)


def test_ambiguous_city_warns_naming_the_guess() -> None:
    from offercheck.errors import MarketWarning

    with pytest.warns(MarketWarning, match=r"guessed OR .*also ME"):
        scored(150_000, "software engineer", "Portland")


# Typical offers at their company's published figure (issue 15 "Outcomes that must hold"): the sourced postings
# and levels.fyi figures in tests/negotiation/data/public/ plus the issue's own three examples (unverified), each
# file's header naming its source. Each lands between p25 and p85 of its base benchmark, except the cases in
# typical.OUTSIDE, investigated and marked xfail with the finding (strict: they fail the day they land inside).
CASES = [pytest.param(f, id=f.stem, marks=pytest.mark.xfail(reason=typical.OUTSIDE[f.stem], strict=True))
         if f.stem in typical.OUTSIDE else pytest.param(f, id=f.stem) for f in typical.files()]


def test_a_dozen_sourced_cases_and_the_issues_three() -> None:
    names = [f.stem for f in typical.files()]
    assert len(names) == 15 and {"apple-ict4", "salesforce-senior", "walmart-ds"} <= set(names)
    assert set(typical.OUTSIDE) <= set(names)


@pytest.mark.parametrize("path", CASES)
def test_typical_public_offer_lands_mid_market(path: Path) -> None:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    source = typical.source_of(path)
    assert re.search(r"\.(com|org|ai|co)\b|levels\.fyi|Issue 15's figure, unverified", source), source
    placed = typical.place(path)
    base = raw["salary"]["base"]  # from the file itself, not from the loaded offer
    # p85 by hand: linear between the benchmark's p75 and p90, as percentiles are read everywhere.
    p85 = placed.p75 + (placed.p90 - placed.p75) * (85 - 75) / (90 - 75)
    assert placed.p25 <= base <= p85, (path.stem, placed.percentile, raw["offer"]["company"], placed.place)
