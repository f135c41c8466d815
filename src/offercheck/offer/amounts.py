"""Amounts and percents as people type them: "150,000", "150k", "$150,000", "150 000", "1.5M", "15%".

One reader for ``offercheck new --interactive`` and for the hint an offer file gets when it quotes a number
(``base = "200k"``). A text that could be read two ways ("150.000": 150 or 150000?) is refused, never guessed.
"""

from __future__ import annotations

import math
import re

__all__ = ["read_amount", "read_percent"]

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009_']+")  # spaces (also no-break and thin), underscores, apostrophes
_AMOUNT = re.compile(r"(?:[$€£¥]|[A-Za-z]{3})?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([kKmM]?)(?:[$€£¥]|[A-Za-z]{3})?")
_SCALE = {"": 1.0, "k": 1e3, "m": 1e6}


def read_amount(text: str) -> float:
    """The amount ``text`` writes; ValueError saying how to write it otherwise.

    Thousands may be grouped with commas, spaces or underscores; a currency sign or a three-letter code before or
    after is ignored; ``k`` and ``M`` multiply by a thousand and a million. A negative amount is refused.
    """
    raw = text.strip()
    plain = _SPACES.sub("", raw)
    if "-" in plain:
        raise ValueError(f"{raw!r} is negative; give an amount of 0 or more")
    if re.fullmatch(r"\D{0,3}\d{1,3}(?:\.\d{3})+\D{0,3}", plain):
        digits = re.sub(r"[^\d.]", "", plain)
        raise ValueError(f"{raw!r} could be read two ways: write {digits.replace('.', '')} or "
                         f"{digits.replace('.', ',')} for thousands")
    m = _AMOUNT.fullmatch(plain)
    if m is None:
        raise ValueError(f"{raw!r} is not an amount: write a number such as 150000, 150,000 or 150k")
    value = float(m[1].replace(",", "") + (m[2] or "")) * _SCALE[m[3].lower()]
    if not math.isfinite(value):
        raise ValueError(f"{raw!r} is too large")
    return value


def read_percent(text: str) -> float:
    """The percent ``text`` writes ("15", "15%", "4.5 %"); ValueError otherwise."""
    raw = text.strip()
    plain = _SPACES.sub("", raw).removesuffix("%")
    if not re.fullmatch(r"\d+(\.\d+)?", plain):
        raise ValueError(f"{raw!r} is not a percent: write a number such as 15 or 15%")
    return float(plain)
