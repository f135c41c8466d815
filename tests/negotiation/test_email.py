"""`negotiate --format email`: companies named (never file labels), only better offers cited, one package with a
reason for every ask, no ultimatum; and the same numbers as the JSON."""

from __future__ import annotations

import json
import re

from tests.conftest import invoke

STARTUP, BIGTECH = "examples/startup-nyc.toml", "examples/bigtech-sf.toml"
ULTIMATUM = ("final offer", "walk away", "or else", "otherwise i", "deadline", "must ", "non-negotiable",
             "take it or leave")


def outputs(*args: str) -> tuple[str, dict[str, object]]:
    code, email, _ = invoke("negotiate", *args, "-f", "email")
    code2, out, _ = invoke("negotiate", *args, "-f", "json")
    assert code == code2 == 0
    return email, json.loads(out)


def test_email_names_companies_and_one_package() -> None:
    email, doc = outputs(STARTUP, BIGTECH)  # the second file is a competing offer, as with --against
    assert email.startswith("Subject: Tensorloom offer: a counter-proposal\n\nDear Tensorloom team,")
    assert "Bigtech Inc." in email and "Bigtech SF" not in email  # the company, not the file's label
    assert email.count("ready to sign") == 1
    package = email.split("ready to sign:")[1].split("\n\n")[1]
    # The package lists the asks only: questions (amount 0 in the JSON) follow it, apart.
    asks = [p["ask"] for p in doc["talking_points"] if p["ask"] and p["amount"]]  # type: ignore[index]
    assert sorted(line.strip()[2:] for line in package.splitlines() if line.strip().startswith("*")) == sorted(
        " ".join(a.split()) for a in asks)
    assert not any(word in email.lower() for word in ULTIMATUM)
    assert max(map(len, email.splitlines())) <= 72


def test_email_cites_only_offers_that_beat_this_one() -> None:
    email, _ = outputs(BIGTECH, STARTUP)  # Tensorloom pays less than Bigtech
    assert "Tensorloom" not in email


def test_every_money_ask_agrees_with_the_json_and_the_text() -> None:
    email, doc = outputs(STARTUP, "--against", BIGTECH)
    _, text, _ = invoke("negotiate", STARTUP, "--against", BIGTECH)
    _, html, _ = invoke("negotiate", STARTUP, "--against", BIGTECH, "-f", "html")
    counter = doc["counter"]
    flat_email, flat_text = " ".join(email.split()), " ".join(text.split())
    assert f"<strong>${counter['base']:,.0f}</strong>" in html  # type: ignore[index]
    base = f"${counter['base']:,.0f}"  # type: ignore[index]
    assert f"a base salary of {base}" in flat_email and f"a base salary of {base}" in flat_text
    for p in doc["talking_points"]:  # type: ignore[attr-defined]
        for figure in re.findall(r"\$[\d,]+", p["ask"] or ""):
            assert figure in p["text"] and figure in flat_email and figure in flat_text and figure in html
