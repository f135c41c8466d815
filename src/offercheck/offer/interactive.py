"""The answers of ``offercheck new --interactive`` as an offer file (DESIGN section 2)."""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class EquityAnswers:
    """A grant: RSUs by value (``grant_value``), or options (``shares``, ``strike``, ``fmv``); vesting by preset or
    by ``schedule`` (percent per year)."""

    kind: str  # "rsu" | "options"
    grant_value: float | None = None
    shares: float | None = None
    strike: float | None = None
    fmv: float | None = None
    vesting: str | None = None
    schedule: tuple[float, ...] = ()


@dataclass(frozen=True)
class Answers:
    """Every answer; an empty string or None is a question left blank (its default applies)."""

    company: str
    role: str
    currency: str
    country: str
    city: str
    state: str
    base: float
    bonus_percent: float = 0.0
    bonus_amount: float | None = None
    years_experience: float | None = None
    remote: str = ""
    lives_in: str = ""
    sign_on: float | None = None
    public: bool | None = None
    equity: EquityAnswers | None = None
    retirement_match_percent: float | None = None
    health_annual: float | None = None


def _string(text: str) -> str:
    # A JSON string is a valid TOML basic string: quotes, backslashes and control characters escaped.
    return json.dumps(text, ensure_ascii=False)


def _number(x: float) -> str:
    return f"{x:.0f}" if float(x).is_integer() and abs(x) < 1e15 else repr(float(x))


def _table(name: str, rows: list[tuple[str, str | None]]) -> list[str]:
    kept = [f"{key} = {value}" for key, value in rows if value is not None]
    return ["", f"[{name}]", *kept] if kept else []


def _num(x: float | None) -> str | None:
    return None if x is None else _number(x)


def _text(x: str) -> str | None:
    return _string(x) if x else None


def offer_toml(a: Answers) -> str:
    """An offer file holding the answers; empty answers are left out (their defaults apply)."""
    parts = ["[offer]", *(line for line in (f"company = {_string(a.company)}", _line("role", _text(a.role)),
                                             f"currency = {_string(a.currency)}") if line)]
    parts += _table("candidate", [("years_experience", _num(a.years_experience)), ("lives_in", _text(a.lives_in))])
    parts += _table("location", [("city", _text(a.city)), ("state", _text(a.state)), ("country", _text(a.country)),
                                 ("remote", _text(a.remote))])
    parts += _table("company", [("public", None if a.public is None else str(a.public).lower())])
    parts += ["", "[salary]", f"base = {_number(a.base)}"]
    bonus = a.bonus_amount if a.bonus_amount else None
    parts += _table("bonus", [("target_percent", _num(a.bonus_percent or None)), ("amount", _num(bonus))])
    parts += _table("sign_on", [("amount", _num(a.sign_on or None))])
    if a.equity is not None:
        e = a.equity
        parts += _table("equity", [
            ("kind", _string(e.kind)), ("grant_value", _num(e.grant_value)), ("shares", _num(e.shares)),
            ("strike", _num(e.strike)), ("fmv", _num(e.fmv)), ("vesting", _text(e.vesting or "")),
            ("schedule", f"[{', '.join(_number(x) for x in e.schedule)}]" if e.schedule else None),
        ])
    parts += _table("benefits", [("retirement_match_percent", _num(a.retirement_match_percent or None)),
                                 ("health_annual", _num(a.health_annual or None))])
    return "# Written by `offercheck new --interactive`; see `offercheck new FILE` for every key.\n" + \
        "\n".join(parts) + "\n"


def _line(key: str, value: str | None) -> str:
    return f"{key} = {value}" if value is not None else ""
