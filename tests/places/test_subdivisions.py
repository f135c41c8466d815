"""Subdivisions by code and by full name: "Washington" is WA, "ontario" ON, "Bayern" BY; an unknown name says
what was probably meant. Names and codes are ISO 3166-2 (US, CA, GB, DE), written out here by hand."""

from __future__ import annotations

import pytest

from offercheck.places import UnknownPlace, find_subdivision, subdivision_code, subdivisions_of, unknown_subdivision


@pytest.mark.parametrize(("country", "text", "code"), [
    ("US", "Washington", "WA"), ("US", "washington", "WA"), ("US", "WA", "WA"), ("US", "wa", "WA"),
    ("US", "US-WA", "WA"), ("US", "District of Columbia", "DC"), ("US", "D.C.", "DC"), ("US", "New York", "NY"),
    ("CA", "ontario", "ON"), ("CA", "Ontario", "ON"), ("CA", "ON", "ON"), ("CA", "CA-ON", "ON"),
    ("CA", "Québec", "QC"), ("CA", "Quebec", "QC"), ("CA", "British Columbia", "BC"), ("CA", "PEI", "PE"),
    ("GB", "Scotland", "SCT"), ("GB", "GB-SCT", "SCT"), ("GB", "England", "ENG"), ("GB", "Wales", "WLS"),
    ("GB", "Northern Ireland", "NIR"),
    ("DE", "Bayern", "BY"), ("DE", "Bavaria", "BY"), ("DE", "BY", "BY"), ("DE", "DE-BY", "BY"),
    ("DE", "Baden-Württemberg", "BW"), ("DE", "Baden-Wuerttemberg", "BW"), ("DE", "Nordrhein-Westfalen", "NW"),
    ("DE", "North Rhine-Westphalia", "NW"), ("DE", "Thüringen", "TH"), ("DE", "Berlin", "BE"),
])
def test_code_or_full_name(country: str, text: str, code: str) -> None:
    assert subdivision_code(country, text) == code


@pytest.mark.parametrize(("country", "text"), [("US", "Ontario"), ("CA", "Washington"), ("US", "Bayern"),
                                               ("DE", "Texas"), ("US", "Texxas"), ("FR", "Bretagne"), ("US", "")])
def test_a_name_of_another_country_is_none(country: str, text: str) -> None:
    assert find_subdivision(country, text) is None


def test_table_sizes() -> None:
    us = subdivisions_of("US")
    assert len([s for s in us.values() if s.kind == "state"]) == 50 and us["DC"].kind == "district"
    assert {c for c, s in us.items() if s.kind == "territory"} == {"PR", "GU", "VI"}
    assert len(subdivisions_of("CA")) == 13 and len(subdivisions_of("DE")) == 16 and len(subdivisions_of("GB")) == 4
    assert subdivisions_of("FR") == {}


@pytest.mark.parametrize(("country", "text", "message"), [
    ("US", "Washingtn", "unknown US state 'Washingtn' (use a postal code such as TX); did you mean Washington (WA)?"),
    ("CA", "Ontaro", "unknown Canadian province 'Ontaro' (use a postal code such as ON); did you mean Ontario (ON)?"),
    ("DE", "Bayrn", "unknown German Land 'Bayrn' (use a code such as BY); did you mean Bayern (BY)?"),
    ("GB", "Scotlnd", "unknown UK nation 'Scotlnd' (use ENG, SCT, WLS or NIR); did you mean Scotland (SCT)?"),
    ("US", "Zzz", "unknown US state 'Zzz' (use a postal code such as TX)"),
])
def test_an_unknown_name_says_what_was_meant(country: str, text: str, message: str) -> None:
    error = unknown_subdivision(country, text)
    assert isinstance(error, UnknownPlace) and str(error) == message
