"""The role -> occupation maps and what every packaged official table and index file says about itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from offercheck.datafiles import packaged_toml
from offercheck.market.anchors.model import NoOfficialFigure
from offercheck.market.anchors.official import areas, national_area, official_pay
from offercheck.market.anchors.roles import occupation, occupation_map
from offercheck.offer.roles import ROLES
from offercheck.places import area, official_areas

REPO = Path(__file__).resolve().parents[3]
RESEARCH = Path("/work/research")
TABLES = ("official/ashe_2025", "official/jobbank_2025", "official/entgeltatlas_2023",
          "official/entgeltatlas_land_ratios")
INDICES = ("indices/eci_private_wages", "indices/awe_regular_pay", "indices/seph_awe", "indices/nominallohnindex")


@pytest.mark.parametrize("country", ["GB", "CA", "DE"])
def test_every_role_key_has_an_occupation_with_a_reason(country: str) -> None:
    mapped = occupation_map(country)
    assert set(mapped) == set(ROLES)
    assert all(o.code and len(o.reason) > 20 for o in mapped.values())


def test_the_maps_for_the_issue_cells() -> None:
    assert occupation("GB", "software engineer").code == "2134"  # type: ignore[union-attr]
    assert occupation("CA", "software engineer").code == "21231"  # type: ignore[union-attr]
    assert occupation("CA", "machine learning engineer").code == "21211"  # type: ignore[union-attr]
    assert occupation("DE", "software engineer").code == "43414"  # type: ignore[union-attr]
    assert occupation("DE", "data scientist").code == "43104"  # type: ignore[union-attr]
    assert occupation("GB", "no such role") is None


def test_official_pay_dispatches_by_country_and_role() -> None:
    # Toronto software engineer: 56.49 x 2,080 = 117,499.2 (NOC 21231, ER3530)
    assert official_pay("CA", "software engineer", "ER3530").figure("p50").value == pytest.approx(117499.2)
    assert official_pay("GB", "software engineer").figure("p50").value == 56914
    assert official_pay("DE", "software engineer").figure("p50").value == 5858 * 12
    with pytest.raises(NoOfficialFigure, match="PL"):
        official_pay("PL", "software engineer")  # Warsaw: no official anchor shipped
    with pytest.raises(NoOfficialFigure, match="ceiling"):
        official_pay("DE", "engineering manager")


def test_areas_and_cities_for_the_integration() -> None:
    assert national_area("GB") == "K02000001" and national_area("CA") == "ER00" and national_area("DE") == "DE"
    assert areas("GB")["S92000003"].subdivision == "SCT" and areas("GB")["E12000007"].parent == "E92000001"
    assert areas("DE")["09"].subdivision == "BY" and areas("CA")["ER35"].subdivision == "ON"
    assert area(official_areas("CA"), "Toronto", "ON", "CA").code == "ER3530"
    assert area(official_areas("CA"), "Vancouver", None, "CA").code == "ER5920"
    assert area(official_areas("GB"), "Manchester", None, "GB").code == "E12000002"  # North West


@pytest.mark.parametrize("name", TABLES + INDICES)
def test_every_file_names_its_publisher_source_and_licence(name: str) -> None:
    meta = packaged_toml(f"market/{name}.toml")["meta"]
    for key in ("id", "country", "publisher", "url", "read_from", "licence", "extracted_by", "built_from"):
        assert meta.get(key), f"{name}: meta.{key} missing"
    if name in TABLES[:3]:
        for key in ("reference_period", "pay_period", "measure", "currency", "annualisation", "classification"):
            assert meta.get(key), f"{name}: meta.{key} missing"


@pytest.mark.parametrize("name", INDICES)
def test_every_index_point_says_published_or_derived_with_a_method(name: str) -> None:
    rows = packaged_toml(f"market/{name}.toml")["values"]["rows"]
    assert {r["status"] for r in rows} <= {"published", "derived", "base"}
    assert all(r.get("method") for r in rows if r["status"] == "derived")


def test_the_packaged_files_are_what_the_build_script_makes() -> None:
    if not (RESEARCH / "gb" / "ashe_2025.toml").is_file():
        pytest.skip("the research extractions are not on this machine")
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "build_official.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
