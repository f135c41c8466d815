"""The answers of ``offercheck new --interactive`` as an offer file (DESIGN section 2)."""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Answers:
    company: str
    role: str
    currency: str
    country: str
    city: str
    state: str
    base: float
    bonus_percent: float


def _string(text: str) -> str:
    # A JSON string is a valid TOML basic string: quotes, backslashes and control characters escaped.
    return json.dumps(text, ensure_ascii=False)


def offer_toml(a: Answers) -> str:
    """A minimal offer file holding the answers; empty answers are left out (their defaults apply)."""
    offer = [f"company = {_string(a.company)}", *([f"role = {_string(a.role)}"] if a.role else []),
             f"currency = {_string(a.currency)}"]
    location = [f"{key} = {_string(value)}" for key, value in
                (("city", a.city), ("state", a.state), ("country", a.country)) if value]
    parts = ["[offer]", *offer, "", "[location]", *location, "", "[salary]", f"base = {a.base:g}"]
    if a.bonus_percent:
        parts += ["", "[bonus]", f"target_percent = {a.bonus_percent:g}"]
    return "# Written by `offercheck new --interactive`; see `offercheck new FILE` for every key.\n" + \
        "\n".join(parts) + "\n"
