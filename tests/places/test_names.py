"""The one normaliser: every table key and every lookup goes through ``places.norm`` (expected forms by hand)."""

from __future__ import annotations

import pytest

from offercheck.places import norm


@pytest.mark.parametrize(("text", "want"), [
    ("St. Louis", "st louis"), ("saint louis", "st louis"), ("ST LOUIS", "st louis"), ("St Louis", "st louis"),
    ("Ft. Worth", "fort worth"), ("Ft Worth", "fort worth"), ("Fort Worth", "fort worth"),
    ("Mt. Vernon", "mount vernon"), ("Mt Vernon", "mount vernon"), ("Mount Vernon", "mount vernon"),
    ("Port Saint Lucie", "port st lucie"), ("Port St. Lucie", "port st lucie"),
    ("Montréal", "montreal"), ("Québec", "quebec"), ("São Paulo", "sao paulo"), ("Zürich", "zurich"),
    ("Düsseldorf", "dusseldorf"), ("Gießen", "giessen"), ("Baden-Württemberg", "baden wurttemberg"),
    ("Coeur d'Alene", "coeur dalene"), ("Coeur d\u2019Alene", "coeur dalene"),
    ("D.C.", "dc"), ("Washington, D.C.", "washington dc"), ("U.S.A.", "usa"), ("N.Y.C.", "nyc"),
    ("Winston-Salem", "winston salem"), ("  Austin   TX ", "austin tx"),
])
def test_one_form_for_every_spelling(text: str, want: str) -> None:
    assert norm(text) == want


@pytest.mark.parametrize("text", ["MT", "mt", "FT", "Saint", "Helena, MT"])
def test_a_lone_abbreviation_is_not_expanded(text: str) -> None:
    # Montana's code must stay "mt": only 'Mt'/'Ft'/'Saint' before a name are prefixes.
    assert "mount" not in norm(text) and "fort" not in norm(text)
    assert norm(text) in ("mt", "ft", "saint", "helena mt")


def test_idempotent() -> None:
    for text in ("Ft. Worth", "Mt. Vernon", "St. Louis", "Montréal", "D.C.", "Coeur d'Alene"):
        assert norm(norm(text)) == norm(text)
