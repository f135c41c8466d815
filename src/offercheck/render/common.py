"""What every renderer shares, each written once: money, rounding to cents, wrapping, escaping.

- ``money`` and ``years_text`` are ``offercheck.text``'s (182,000; $182,000; 182,000 CHF; "4 years"), the one
  money format of every room, re-exported here for the renderers; ``money_short`` for chart labels (182k).
- ``cents``: the JSON and CSV number (money is a number in the display currency, rounded to cents);
  ``cents_text`` the same as text (HTML data attributes).
- ``wrap``/``fill``: the one line-wrapping rule (a URL or a file path is never split unless asked).
- ``clip``: the one rule for text too long to show whole (a table cell, a wrapped paragraph): cut with "…", so
  a megabyte of company name costs no more than a line of it.
- ``printable`` (terminal and plain text), ``markdown_text`` (markdown: no raw HTML, link, image or autolink),
  ``csv_cell`` (CSV); HTML is escaped by the templates' autoescaping (``render.templates``).

Nothing here imports the rest of offercheck but ``offercheck.text``. Rooms below ``render`` format money with
``offercheck.text``, never with this module (tests/test_import_rules.py).
"""

from __future__ import annotations

import functools
import html
import re
import textwrap
from collections.abc import Callable

from offercheck.text import money as money
from offercheck.text import years_text as years_text

COMPONENTS: tuple[tuple[str, str], ...] = (
    ("base", "Base"),
    ("bonus", "Bonus"),
    ("sign_on", "Sign-on"),
    ("equity", "Equity"),
    ("benefits", "Benefits"),
)

# What a table shows for base or cash figures against a benchmark file built from total pay alone.
NO_BASE = "n/a (file has total pay only)"


# --------------------------------------------------------------------------------------------------- numbers


def money_short(x: float) -> str:
    """A short money figure for chart labels: 357,021 -> 357k, 1,715,017 -> 1.72M."""
    if abs(x) >= 999_500:
        return f"{x / 1e6:.3g}M"
    if abs(x) >= 999.5:
        return f"{x / 1e3:.3g}k"
    return f"{x:.3g}"


def cents(x: float) -> float:
    """Money as a JSON or CSV number: rounded to cents (and never -0.0)."""
    return round(x + 0.0, 2)


def cents_text(x: float) -> str:
    """Money rounded to cents as text with two decimals (for machine-read attributes): 1234.5 -> '1234.50'."""
    return f"{cents(x):.2f}"


# --------------------------------------------------------------------------------------------------- wrapping

# A piece of text (a label, a table cell, a markdown cell) longer than this is cut: nothing a person reads in a
# table is that long, and wrapping is not linear in the length of a word.
TEXT_LIMIT = 500
# A paragraph to wrap is cut after this many characters (prose is never that long; a file's text may be).
PROSE_LIMIT = 5000


def clip(text: str, limit: int = TEXT_LIMIT) -> str:
    """``text``, or its first ``limit`` characters and an ellipsis when it is longer."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def wrap(text: str, width: int, *, first: str = "", rest: str | None = None, long_words: bool = True,
         hyphens: bool = False, max_lines: int | None = None) -> list[str]:
    """``text`` as lines of at most ``width`` characters: ``first`` starts the first line, ``rest`` (default:
    ``first``) the others. ``long_words=False`` keeps a word longer than a line whole (a URL, a file path);
    ``hyphens`` allows breaks after hyphens; ``max_lines`` ends the last line kept with an ellipsis."""
    extra = {} if max_lines is None else {"max_lines": max_lines, "placeholder": "…"}
    return textwrap.wrap(clip(text, PROSE_LIMIT), width, initial_indent=first,
                         subsequent_indent=first if rest is None else rest, break_long_words=long_words,
                         break_on_hyphens=hyphens, **extra)  # type: ignore[arg-type]


def fill(text: str, width: int, *, first: str = "", rest: str | None = None, long_words: bool = True) -> str:
    """``wrap``'s lines as one paragraph."""
    return "\n".join(wrap(text, width, first=first, rest=rest, long_words=long_words))


# --------------------------------------------------------------------------------------------------- escaping

# What user text could use to open a link or image ([ ]), a code span, emphasis or strikethrough around our own
# text (` * ~), or to end a table cell (|); the backslash too, so that a user's backslash cannot cancel ours.
# < > & become entities: no raw HTML or <autolink>. ( ) ! make no link or image once [ ] are escaped.
_MARKDOWN_SPECIAL = r"([\\`*~\[\]|])"
# An underscore between two letters or digits (company_size) can neither open nor close emphasis: left as typed.
_FLANKING_UNDERSCORE = r"(?<![^\W_])_|_(?![^\W_])"
# What GitHub (cmark-gfm's autolink extension) or a linkifier (markdown-it's linkify) would make a link of: a URL
# (the "://" after a scheme, a "//" host), a www. or bare domain (a "." between a word character and a letter:
# every top-level domain starts with one, so 1.092 is left alone). A backslash before each of these characters
# keeps the text as typed and makes no link in either.
_AUTOLINK = r"(?<=\w)\.(?=[^\W\d_])|:(?=//)|/(?=/)|(?<=/)/"
# An e-mail address (a local part, then "@"): GitHub links one across backslash escapes, so an invisible word
# joiner (U+2060) goes before the "@" instead.
_EMAIL_AT = r"(?<=[\w.+-])@"
# What would make a line of its own into a heading, quote, list item or heading underline when the text starts a
# line ("# x", "> x", "+ x", "- x", "= x", "1. x"): its first such character gets a backslash.
_BLOCK_START = r"^(\s*)(?:([#>+=-])|(\d{1,9})([.)]))"


@functools.cache
def _markdown_escapes() -> tuple[re.Pattern[str], ...]:
    """The patterns above, compiled when markdown is first written (a table or JSON run writes none)."""
    return tuple(re.compile(p) for p in (_MARKDOWN_SPECIAL, _EMAIL_AT, _AUTOLINK, _FLANKING_UNDERSCORE, _BLOCK_START))


# Characters user text may hold that a terminal or text file must not receive: they move the cursor, start escape
# sequences or end lines (C0 but the newline, DEL, C1, the Unicode line and paragraph separators).
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")

# A CSV cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Control characters and line separators: a reader may end the row (or the cell) at any of them, so text after
# one could begin a cell of its own; the csv module quotes only the line terminator we give it ("\n").
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """``text`` (a whole rendered page of plain text) with each unsafe character shown as U+FFFD."""
    return _UNSAFE.sub("\ufffd", text)


def markdown_text(text: str, limit: int = TEXT_LIMIT) -> str:
    """``text`` as literal markdown on one line, for a paragraph, table cell or heading.

    Every user string in markdown output goes through here: no raw HTML, link, image or autolink (a bare URL,
    www. address, domain or e-mail address) can come from it, and a line break cannot end the row or heading.
    Text longer than ``limit`` (a cell's TEXT_LIMIT, a note's PROSE_LIMIT) is cut (``clip``).
    """
    special, email_at, autolink, flanking_underscore, block_start = _markdown_escapes()
    escaped = special.sub(r"\\\1", html.escape(clip(text, limit), quote=False))
    escaped = email_at.sub("\u2060@", autolink.sub(r"\\\g<0>", escaped))
    line = " ".join(flanking_underscore.sub(r"\\_", escaped).splitlines())
    return block_start.sub(lambda m: m[1] + (f"\\{m[2]}" if m[2] else f"{m[3]}\\{m[4]}"), line, count=1)


def csv_cell(value: object) -> object:
    """Neutralise spreadsheet formula injection in text cells (numbers pass through).

    Control characters become spaces, so the whole text stays one cell; then a cell whose first non-blank
    character starts a formula gets a leading apostrophe (some importers trim leading blanks).
    """
    if not isinstance(value, str):
        return value
    text = _CONTROL.sub(" ", value)
    return "'" + text if text.lstrip().startswith(_FORMULA_START) else text


# --------------------------------------------------------------------------------------------------- text formats


class Style:
    """How a section is written in one text format: terminal tables ("simple") or markdown ("github")."""

    __slots__ = ("heading", "markdown", "tablefmt")

    def __init__(self, tablefmt: str, heading: Callable[[str], str]) -> None:
        self.tablefmt = tablefmt
        self.heading = heading
        self.markdown = tablefmt == "github"

    def escape(self, text: str) -> str:
        """User text as the format needs it: escaped for markdown, as is for the terminal (made printable last)."""
        return markdown_text(text) if self.markdown else text


TABLE = Style("simple", lambda text: f"{text}\n{'=' * len(text)}")
# Headings are given raw text (a company, a place name): escaped here, once.
MARKDOWN = Style("github", lambda text: f"## {markdown_text(text)}")
