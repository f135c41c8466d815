"""Each built-in factor against figures computed in the test from the shared data and the factor tables."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Any

import pytest

from offercheck.market.adjustments import Adjustment
from offercheck.market.benchmark_files import load_benchmarks
from offercheck.market.evidence import WEAK_CAP as SEED_PREMIUM_CAP
from offercheck.market.evidence import bound_weak
from offercheck.offer.models import Offer
from tests.conftest import REPO, SHARED

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FACTORS = tomllib.loads((REPO / "src/offercheck/data/factors.toml").read_text(encoding="utf-8"))
BLS = SHARED / "data" / "bls_oews_may2025_tech_occupations_by_area.csv"
needs_bls = pytest.mark.skipif(not BLS.exists(), reason="needs ../shared/data (BLS OEWS extract)")


def offer(**tables: Any) -> Offer:
    data: dict[str, Any] = {
        "offer": {"company": "Acme", "role": "machine learning engineer"},
        "salary": {"base": 150000},
    }
    for name, values in tables.items():
        data[name] = {**data.get(name, {}), **values}
    return Offer.model_validate(data)


def adjust(factor: str, o: Offer, benchmark: Any = None) -> Adjustment | None:
    module = __import__(f"offercheck.builtins.factors.{factor}", fromlist=["offercheck_adjust"])
    if benchmark is None:
        benchmark = load_benchmarks().lookup(
            role=o.offer.role, years_experience=o.candidate.years_experience, country=o.location.country
        )
    result: Adjustment | None = module.offercheck_adjust(offer=o, benchmark=benchmark)
    return result


def bls_median(area_title: str, soc: str) -> float:
    with BLS.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["AREA_TITLE"] == area_title and row["OCC_CODE"] == soc:
                return float(row["A_MEDIAN"])
    raise LookupError((area_title, soc))


@needs_bls
def test_location_us_metro_is_metro_median_over_national() -> None:
    expected = bls_median("San Francisco-Oakland-Fremont, CA", "15-1252") / bls_median("National", "15-1252")
    for city in ("San Francisco", "SF", "Bay Area"):
        adj = adjust("location", offer(location={"city": city, "state": "CA"}))
        assert adj is not None and adj.multiplier == pytest.approx(expected, abs=1e-4)
        assert "BLS OEWS May 2025" in adj.source


@needs_bls
def test_location_uses_the_data_science_occupation_for_data_scientists() -> None:
    o = offer(offer={"company": "A", "role": "data scientist"}, location={"city": "Seattle", "state": "WA"})
    expected = bls_median("Seattle-Tacoma-Bellevue, WA", "15-2051") / bls_median("National", "15-2051")
    adj = adjust("location", o)
    assert adj is not None and adj.multiplier == pytest.approx(expected, abs=1e-4)


@needs_bls
def test_location_falls_back_to_the_state() -> None:
    adj = adjust("location", offer(location={"city": "Nowhereville", "state": "WA"}))
    expected = bls_median("Washington", "15-1252") / bls_median("National", "15-1252")
    assert adj is not None and adj.multiplier == pytest.approx(expected, abs=1e-4)
    assert "no BLS metro for 'Nowhereville'" in adj.reason


def test_fully_remote_offers_use_the_national_market() -> None:
    adj = adjust("location", offer(location={"city": "San Francisco", "state": "CA", "remote": "remote"}))
    assert adj is not None and adj.multiplier == 1 and "national market" in adj.reason


def test_location_international_city_from_the_seed() -> None:
    # Seed 000: London $150,000 vs United Kingdom $140,000.
    adj = adjust("location", offer(location={"city": "London", "country": "GB"}))
    assert adj is not None and adj.multiplier == pytest.approx(150000 / 140000, abs=1e-4)
    # A city ratio from an article is weak evidence (bounded to +-5% by the scoring), never strong.
    assert adj.evidence == "weak" and bound_weak(adj).multiplier == pytest.approx(1.05)
    toronto = adjust("location", offer(location={"city": "Toronto", "country": "CA"}))
    assert toronto is not None and toronto.multiplier == 1 and "Toronto" in toronto.reason


def test_industry_is_relative_to_technology() -> None:
    figures = FACTORS["industry"]["seed_figures"]
    expected = figures["finance"]["value"] / figures["technology"]["value"]  # 140,000 / 120,000
    for name in ("finance", "Banking", "fintech"):
        adj = adjust("industry", offer(company={"industry": name}))
        assert adj is not None and adj.multiplier == pytest.approx(expected, abs=1e-4)
    unknown = adjust("industry", offer(company={"industry": "quantum catering"}))
    assert unknown is not None and unknown.multiplier == 1 and "known: " in unknown.reason
    assert "finance" in unknown.reason.split("known: ")[1]


def _premia() -> Any:
    import json

    from tests.conftest import REPO

    return json.loads((REPO / "src/offercheck/data/market/premia.json").read_text(encoding="utf-8"))["scopes"]


def test_company_size_and_remote_use_the_joint_premia() -> None:
    us = _premia()["US"]["factors"]
    size = adjust("company_size", offer(company={"size": "startup"}))
    # 19 US startup rows paid in USD (< 100): x1.000, and it says so with its n.
    assert size is not None and size.multiplier == 1.0 and "n=19" in size.reason and "not applied" in size.reason
    remote = adjust("remote", offer(location={"remote": "remote"}))
    assert remote is not None and remote.multiplier == us["remote"]["remote"]["estimate"]
    assert remote.interval == (us["remote"]["remote"]["ci_low"], us["remote"]["remote"]["ci_high"])
    assert remote.interval[1] < 1 and remote.n == us["remote"]["remote"]["n"] >= 100


def test_education_is_relative_to_the_typical_degree_weak_and_bounded_to_5_percent() -> None:
    figures = FACTORS["education"]["seed_figures"]  # seed 000: bachelor's $100,000, master's $130,000, PhD $170,000
    typical = FACTORS["education"]["typical"]
    assert typical["15-1252"]["degree"] == "bachelor" and typical["15-1221"]["degree"] == "master"
    assert all(t["url"].startswith("https://www.bls.gov/ooh/") and t["read_from"] for t in typical.values())
    # A machine learning engineer (SOC 15-1252, typically a bachelor's): the typical degree is x1.000, not the
    # seed's bachelor/overall 100,000 / 125,000 = x0.800 (which benchmarked the typical candidate 5% low).
    bachelor = adjust("education", offer(candidate={"education": "bachelor"}))
    assert bachelor is not None and bachelor.multiplier == 1.0 and bachelor.evidence == "weak"
    master = adjust("education", offer(candidate={"education": "master"}))
    # 130,000 / 100,000 = 1.30 in the seed; weak evidence moves the benchmark by at most 5%.
    assert master is not None and master.evidence == "weak"
    assert master.multiplier == pytest.approx(figures["master"]["value"] / figures["bachelor"]["value"])
    bounded = bound_weak(master)
    assert bounded.multiplier == 1 + SEED_PREMIUM_CAP and "weak evidence" in bounded.reason
    # A research scientist (15-1221, typically a master's): a bachelor's is 100,000 / 130,000 = x0.769 -> x0.950.
    rs = offer(offer={"company": "A", "role": "research scientist"}, candidate={"education": "bachelor"})
    below = adjust("education", rs)
    assert below is not None and below.multiplier == pytest.approx(100 / 130)
    assert bound_weak(below).multiplier == 1 - SEED_PREMIUM_CAP
    typical_rs = adjust("education", offer(offer={"company": "A", "role": "research scientist"},
                                           candidate={"education": "master"}))
    assert typical_rs is not None and typical_rs.multiplier == 1.0
    assert adjust("education", offer()) is None


def test_certifications_do_not_stack() -> None:
    one = adjust("certification", offer(candidate={"certifications": ["caffe"]}))
    assert one is not None and bound_weak(one).multiplier == pytest.approx(1.05)  # 135,000 / 125,000 = 1.08
    two = adjust("certification", offer(candidate={"certifications": ["caffe", "Google Cloud"]}))
    # gcp 1.24 (the best one, not 1.08 x 1.24), bounded to 1.05.
    assert two is not None and two.multiplier == pytest.approx(1.24)
    assert bound_weak(two).multiplier == 1 + SEED_PREMIUM_CAP
    unknown = adjust("certification", offer(candidate={"certifications": ["origami"]}))
    assert unknown is not None and unknown.multiplier == 1 and "known:" in unknown.reason


def test_education_and_certification_apply_once() -> None:
    from offercheck.market.evidence import resolve_overlaps

    edu = Adjustment(factor="education", multiplier=1.04, reason="r", evidence="weak")
    cert = Adjustment(factor="certification", multiplier=1.05, reason="r", evidence="weak")
    size = Adjustment(factor="company_size", multiplier=1.03, reason="r")
    industry = Adjustment(factor="industry", multiplier=1.05, reason="r", evidence="weak")
    out = resolve_overlaps([edu, cert, size, industry])
    # The larger weak one of education/certification; the strong size premium before weak industry.
    assert [a.multiplier for a in out] == [1.0, 1.05, 1.03, 1.0]
    assert "certification applies instead" in out[0].reason and "company_size applies instead" in out[3].reason


def test_experience_and_role_do_not_double_count_a_cell_already_keyed_by_them() -> None:
    from offercheck.market.benchmarks import Benchmark

    banded = Benchmark(role="machine learning engineer", experience="6-9", country="US", base={
        "p25": 1, "p50": 2, "p75": 3}, cash=None, n=40, source="user", source_title="user bands", year=2026,
        method="m", keyed_by=("role", "experience", "country"))
    o = offer(candidate={"years_experience": 7})
    for factor in ("experience", "role"):
        adj = adjust(factor, o, banded)
        assert adj is not None and adj.multiplier == 1 and "not applied twice" in adj.reason


def test_experience_and_role_apply_to_a_role_agnostic_benchmark() -> None:
    us = _premia()["US"]["factors"]
    o = offer(candidate={"years_experience": 12})
    broad = load_benchmarks().lookup(role=None, years_experience=None, country="US")
    assert broad is not None and "experience" not in broad.keyed_by and "role" not in broad.keyed_by
    exp = adjust("experience", o, broad)
    # 12 years on the US curve: t = (12 - 8) / (13 - 8) = 0.8 between x1.0914 (8y) and x1.3651 (13y):
    # 1.0914 x (1.3651 / 1.0914) ** 0.8 = 1.30535.
    assert exp is not None and exp.multiplier == pytest.approx(1.30535, abs=1e-4)
    assert exp.n == us["experience"]["10+"]["n"] and "curve" in exp.reason
    role = adjust("role", o, broad)
    assert role is not None and role.multiplier == us["role"]["machine learning engineer"]["applied"] == 1.0909
    assert "software engineer (the core role of its occupation)" in role.reason


def test_no_protected_attribute_can_be_given(write_offer: Any) -> None:
    from offercheck.errors import OfferFileErrors
    from offercheck.offer.loading import load_offer

    for key in ("gender", "sex", "age", "race", "ethnicity", "religion", "nationality"):
        path = write_offer(
            f'[offer]\ncompany = "A"\n[salary]\nbase = 1\n[candidate]\n{key} = "x"\n', name=f"{key}.toml"
        )
        with pytest.raises(OfferFileErrors, match=f"candidate.{key}: unknown key"):
            load_offer(path)


def test_no_factor_reads_a_protected_attribute() -> None:
    src = "\n".join(p.read_text() for p in Path(REPO / "src/offercheck/factors").glob("*.py")).lower()
    for word in ("gender", "female", "male", "ethnic", "race", "religion", "age_"):
        assert word not in src
