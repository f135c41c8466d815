"""Helpers shared by the renderers."""

from __future__ import annotations

import html
import re

from offercheck.pay.comp import YearPay

COMPONENTS: tuple[tuple[str, str], ...] = (
    ("base", "Base"),
    ("bonus", "Bonus"),
    ("sign_on", "Sign-on"),
    ("equity", "Equity"),
    ("benefits", "Benefits"),
)


# What a table shows for base or cash figures against a benchmark file built from total pay alone.
NO_BASE = "n/a (file has total pay only)"


def money(x: float) -> str:
    """Whole units with thousands separators: pay is negotiated in units, not cents."""
    return f"{x:,.0f}"


# What user text could use to open a link or image ([ ]), a code span, emphasis or strikethrough around our own
# text (` * ~), or to end a table cell (|); the backslash too, so that a user's backslash cannot cancel ours.
# < > & become entities: no raw HTML or <autolink>. ( ) ! make no link or image once [ ] are escaped.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*~\[\]|])")
# An underscore between two letters or digits (company_size) can neither open nor close emphasis: left as typed.
_FLANKING_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")

# Characters user text may hold that a terminal or text file must not receive: they move the cursor, start escape
# sequences or end lines (C0 but the newline, DEL, C1, the Unicode line and paragraph separators).
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """``text`` (a whole rendered page of plain text) with each unsafe character shown as U+FFFD."""
    return _UNSAFE.sub("\ufffd", text)


def markdown_text(text: str) -> str:
    """``text`` as literal markdown on one line, for a paragraph, table cell or heading.

    Every user string in markdown output goes through here: no raw HTML, link or image can come from it, and a
    line break cannot end the row or heading.
    """
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    return " ".join(_FLANKING_UNDERSCORE.sub(r"\\_", escaped).splitlines())


def cents(x: float) -> float:
    return round(x + 0.0, 2)


def year_dict(y: YearPay) -> dict[str, float | int]:
    """One ``years`` entry of the JSON contract."""
    out: dict[str, float | int] = {"year": y.year}
    for name, _ in COMPONENTS:
        out[name] = cents(getattr(y, name))
    out["equity_paper"] = cents(y.equity_paper)  # beside the chosen view in ``equity`` (DESIGN.md section 5)
    out["total"] = cents(y.total)
    return out
