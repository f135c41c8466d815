"""The cash line where the official anchor already includes bonuses (GB ASHE gross annual pay, DE BA monthly pay
with one-off payments): base + bonus against the anchor as is, no bonus norm added on top, and said so."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import invoke

OFFER = """
[offer]
company = "Acme"
role = "software engineer"
currency = "{currency}"
[location]
city = "{city}"
country = "{country}"
[salary]
base = {base}
[bonus]
amount = {bonus}
"""
PLACES = {"GB": ("London", "GBP"), "DE": ("Berlin", "EUR"), "CA": ("Toronto", "CAD")}


def _compare(write_offer: Callable[..., Path], country: str, base: float, bonus: float, *args: str) -> Any:
    city, currency = PLACES[country]
    path = write_offer(OFFER.format(city=city, country=country, currency=currency, base=base, bonus=bonus))
    code, out, err = invoke("compare", str(path), "--as-of", "2026-06-01", *args)
    assert code == 0, err
    return out


@pytest.mark.parametrize("country", ["GB", "DE"])
def test_base_plus_bonus_at_the_anchors_median_is_p50(write_offer: Callable[..., Path], country: str) -> None:
    first = json.loads(_compare(write_offer, country, 50000, 0, "--format", "json"))["offers"][0]
    p50 = first["benchmark"]["base"]["p50"]
    # By hand: base + bonus equal to the anchor's median is the median of cash, the anchor as is.
    offer = json.loads(_compare(write_offer, country, round(p50 - 6000, 2), 6000, "--format", "json"))["offers"][0]
    b = offer["benchmark"]
    assert b["bonus_norm"] is None and b["cash"] == b["base"] and b["cash_p50"] == b["base_p50"] == p50
    assert offer["score"]["cash_percentile"] == pytest.approx(50, abs=0.1)
    assert "already includes" in b["bonus_source"]
    text = _compare(write_offer, country, round(p50 - 6000, 2), 6000, "--format", "markdown", "--explain")
    assert "no bonus norm added" in text and "plus a bonus norm of 15%" not in text


def test_an_anchor_of_base_pay_still_adds_the_norm(write_offer: Callable[..., Path]) -> None:
    offer = json.loads(_compare(write_offer, "CA", 100000, 0, "--format", "json"))["offers"][0]
    b = offer["benchmark"]
    assert b["bonus_norm"] == 0.15 and b["cash_p50"] == pytest.approx(b["base_p50"] * 1.15, abs=0.02)
