"""The US state of a city given without one (OMB 2020 principal cities, checked by hand)."""

from __future__ import annotations

import pytest

from offercheck.places import UnknownPlace, state_of_city


@pytest.mark.parametrize(("city", "state"), [
    ("Vancouver", "WA"), ("Portland", "OR"), ("Jersey City", "NJ"), ("Newark", "NJ"), ("Hoboken", "NJ"),
    ("Brooklyn", "NY"), ("Chicago", "IL"), ("Oakland", "CA"), ("St. Louis", "MO"), ("Saint Louis", "MO"),
    ("Ft. Worth", "TX"), ("Mt. Vernon", "WA"), ("Washington", "DC"), ("Bethesda", "MD"), ("Austin", "TX"),
])
def test_state_of_city(city: str, state: str) -> None:
    assert state_of_city(city).state == state


@pytest.mark.parametrize(("city", "states"), [("Kansas City", ("MO", "KS")), ("Texarkana", ("TX", "AR"))])
def test_a_city_in_two_states_has_no_state(city: str, states: tuple[str, ...]) -> None:
    found = state_of_city(city)
    assert found.state is None and found.candidates == states


def test_unknown_or_ambiguous_city() -> None:
    with pytest.raises(UnknownPlace, match="not a known US metro"):
        state_of_city("Nowheresville")
    with pytest.raises(UnknownPlace, match="several US metros"):
        state_of_city("Springfield")
