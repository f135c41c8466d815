"""`negotiate OFFER OTHER... --against OTHER`: the first file is negotiated, every other one is a competing offer."""

from __future__ import annotations

import json

from tests.conftest import invoke

STARTUP, BIGTECH, BANK = "examples/startup-nyc.toml", "examples/bigtech-sf.toml", "examples/bank-toronto.toml"


def labels(*args: str) -> tuple[str, list[str]]:
    code, out, err = invoke("negotiate", *args, "-f", "json")
    assert code == 0, err
    doc = json.loads(out)
    return doc["offer"], [g["label"] for g in doc["against"]]


def test_positional_and_against_offers_are_all_competitors() -> None:
    mine, others = labels(STARTUP, BIGTECH, "--against", BANK)
    assert mine.startswith("Tensorloom") and others == ["Bigtech SF — Senior MLE", "Maple Financial — ML Engineer II"]
    assert labels(STARTUP, "--against", BIGTECH, "--against", BANK) == (mine, others)


def test_an_offer_is_required() -> None:
    assert invoke("negotiate")[0] == 2
