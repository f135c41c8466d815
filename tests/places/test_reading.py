"""Where a person lives (``candidate.lives_in``): country, state and city, as issue 24's residence rules need."""

from __future__ import annotations

import pytest

from offercheck.places import UnknownPlace, residence


@pytest.mark.parametrize(("text", "country", "state", "city"), [
    ("Oakland, CA", "US", "CA", "Oakland"), ("Chicago", "US", "IL", "Chicago"),
    ("Brooklyn, NY", "US", "NY", "Brooklyn"),
    ("Jersey City", "US", "NJ", "Jersey City"), ("Austin TX", "US", "TX", "Austin"), ("Texas", "US", "TX", None),
    ("US-WA", "US", "WA", None), ("Boise, Idaho", "US", "ID", "Boise"), ("Ft. Worth, TX", "US", "TX", "Ft. Worth"),
    ("DE", "DE", None, None), ("Toronto, ON", "CA", "ON", "Toronto"), ("Montreal, Quebec", "CA", "QC", "Montreal"),
    ("Berlin, Germany", "DE", None, "Berlin"), ("London, UK", "GB", None, "London"),
])
def test_residence(text: str, country: str, state: str | None, city: str | None) -> None:
    found = residence(text)
    assert (found.country, found.subdivision, found.city) == (country, state, city)


def test_a_city_in_two_states_says_which_it_could_be() -> None:
    found = residence("Kansas City")
    assert (found.country, found.subdivision, found.candidates) == ("US", None, ("MO", "KS"))


def test_unreadable_places() -> None:
    with pytest.raises(UnknownPlace, match="did you mean"):
        residence("Seatle")
    with pytest.raises(UnknownPlace, match="ambiguous"):
        residence("Berlin, DE")
