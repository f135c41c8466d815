"""Amounts and percents as people type them (``offer.amounts``): one reader for `new --interactive` and for the
hint a quoted number in an offer file gets."""

from __future__ import annotations

import pytest

from offercheck.offer.amounts import read_amount, read_percent
from offercheck.offer.checks import not_a_number_hint


@pytest.mark.parametrize(("text", "value"), [
    ("150,000", 150_000), ("150k", 150_000), ("150K", 150_000), ("$150,000", 150_000), ("150 000", 150_000),
    ("150\u00a0000", 150_000), ("150\u202f000", 150_000), ("150_000", 150_000), ("150'000", 150_000),
    ("150000 USD", 150_000), ("USD 150,000", 150_000), ("€90,000", 90_000), ("1.5M", 1_500_000),
    ("$1.5m", 1_500_000), ("150,000.50", 150_000.5), ("12.5", 12.5), ("0", 0), (" 85k ", 85_000),
])
def test_amounts_people_type(text: str, value: float) -> None:
    assert read_amount(text) == pytest.approx(value)


@pytest.mark.parametrize(("text", "said"), [
    ("150.000", "could be read two ways: write 150000 or 150,000 for thousands"),
    ("EUR 90.000", "could be read two ways: write 90000 or 90,000"),
    ("-5", "is negative"), ("$-5", "is negative"),
    ("abc", "is not an amount"), ("", "is not an amount"), ("1e5", "is not an amount"), ("nan", "is not an amount"),
    ("inf", "is not an amount"), ("1,50,000", "is not an amount"), ("15%", "is not an amount"),
])
def test_what_is_no_amount_is_refused_saying_what_to_type(text: str, said: str) -> None:
    with pytest.raises(ValueError, match=said):
        read_amount(text)


@pytest.mark.parametrize(("text", "value"), [("15", 15), ("15%", 15), ("4.5 %", 4.5), ("0", 0)])
def test_percents(text: str, value: float) -> None:
    assert read_percent(text) == value


@pytest.mark.parametrize("text", ["x", "-3", "", "15k"])
def test_what_is_no_percent(text: str) -> None:
    with pytest.raises(ValueError, match="is not a percent"):
        read_percent(text)


@pytest.mark.parametrize(("text", "hint"), [
    ("200k", "write 200000 (no quotes)"), ("$185,000", "write 185000 (no quotes)"),
    ("150 000", "write 150000 (no quotes)"), ("12.5", "write 12.5 (no quotes)"),
])
def test_a_quoted_amount_in_a_file_is_told_the_number(text: str, hint: str) -> None:
    assert not_a_number_hint(text) == f"must be a number, not text: {hint}"


def test_no_hint_for_what_is_no_amount() -> None:
    assert not_a_number_hint("lots") is None and not_a_number_hint("150.000") is None
