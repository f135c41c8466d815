"""Helpers shared by the renderers."""

from __future__ import annotations

import re

from offercheck.pay.comp import YearPay

COMPONENTS: tuple[tuple[str, str], ...] = (
    ("base", "Base"),
    ("bonus", "Bonus"),
    ("sign_on", "Sign-on"),
    ("equity", "Equity"),
    ("benefits", "Benefits"),
)


def money(x: float) -> str:
    """Whole units with thousands separators: pay is negotiated in units, not cents."""
    return f"{x:,.0f}"


# Characters user text may hold that a terminal or text file must not receive: they move the cursor, start escape
# sequences or end lines (C0 but the newline, DEL, C1, the Unicode line and paragraph separators).
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """``text`` (a whole rendered page of plain text) with each unsafe character shown as U+FFFD."""
    return _UNSAFE.sub("\ufffd", text)


def markdown_text(text: str) -> str:
    """``text`` for a markdown table cell or heading: a pipe would end the cell early, a line break the row."""
    return " ".join(text.replace("|", "\\|").splitlines())


def cents(x: float) -> float:
    return round(x + 0.0, 2)


def year_dict(y: YearPay) -> dict[str, float | int]:
    """One ``years`` entry of the JSON contract."""
    out: dict[str, float | int] = {"year": y.year}
    for name, _ in COMPONENTS:
        out[name] = cents(getattr(y, name))
    out["total"] = cents(y.total)
    return out
