"""'City, XX' where XX is both a Canadian province and a country code (NL, PE, SK, NU, YT): the province only where
the city is in that province's tables or the work place is in Canada, else the country."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from offercheck.places import read_place, residence
from tests.conftest import invoke


@pytest.mark.parametrize(("text", "country", "province"), [
    ("Regina, SK", "CA", "SK"), ("Saskatoon, SK", "CA", "SK"), ("St. John's, NL", "CA", "NL"),
    ("Charlottetown, PE", "CA", "PE"), ("Halifax, NS", "CA", "NS"), ("Toronto, ON", "CA", "ON"),
    ("Amsterdam, NL", "NL", None), ("Bratislava, SK", "SK", None), ("Lima, PE", "PE", None),
    ("Amsterdam, NL, CA", "CA", "NL"), ("Amsterdam, Netherlands", "NL", None),
])
def test_a_code_both_province_and_country_is_read_by_what_is_known(text: str, country: str,
                                                                  province: str | None) -> None:
    found = residence(text)
    assert (found.country, found.subdivision) == (country, province)
    assert (read_place(text).country, read_place(text).subdivision) == (country, province)


def test_the_other_reading_is_said() -> None:
    assert "write 'Amsterdam, NL, CA' for Newfoundland and Labrador" in str(residence("Amsterdam, NL").area.read_as)
    assert residence("Regina, SK").area.read_as is None  # the city is in Saskatchewan's tables: nothing to say


def test_a_work_place_in_canada_reads_the_province() -> None:
    found = residence("Gander, NL", country="CA")
    assert (found.country, found.subdivision) == ("CA", "NL")
    assert "for the country Netherlands" in str(found.area.read_as)
    assert (residence("Gander, NL").country, residence("Gander, NL", country="NL").country) == ("NL", "NL")


REMOTE_NL = """
[offer]
company = "Dutch Remote"
role = "software engineer"
currency = "EUR"
[candidate]
lives_in = "Amsterdam, NL"
[location]
city = "Amsterdam"
country = "NL"
remote = "remote"
[salary]
base = 80000
"""


@pytest.mark.parametrize("flag", ["--after-tax", "--real"])
def test_a_remote_job_from_the_netherlands_is_compared(write_offer: Callable[..., Path], flag: str) -> None:
    code, out, err = invoke("compare", str(write_offer(REMOTE_NL)), flag, "--format", "json")
    assert code == 0, err
    offer = json.loads(out)["offers"][0]
    if flag == "--after-tax":
        assert offer["tax_note"] == "not estimated: no tax regime for NL"
    else:
        assert offer["price_level"]["name"] == "Netherlands"


def test_a_canadian_job_lived_in_from_st_johns_is_taxed_in_newfoundland(write_offer: Callable[..., Path]) -> None:
    text = REMOTE_NL.replace("Amsterdam, NL", "St. John's, NL").replace('"NL"', '"CA"').replace('"EUR"', '"CAD"')
    code, _, err = invoke("compare", str(write_offer(text)), "--after-tax", "--format", "json")
    # Newfoundland has no tax regime shipped: the error names the province, as before (not the Netherlands).
    assert code == 1 and "Canadian province 'NL'" in err
