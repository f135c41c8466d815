"""How amounts and durations read in running text, written once for every room (DESIGN.md section 1).

- ``money``: whole units with thousands separators (182,000), with the currency's symbol or code when given
  ($182,000; 182,000 CHF), to the cent when asked ($2.10).
- ``years_text``: a horizon or a vesting period ("1 year", "4 years").

Rooms that compute words (negotiation's talking points, pay's and tax's notes) and ``render``, which presents
them, both import these from here: a room below ``render`` never imports ``render`` (tests/test_import_rules.py).
Standard library only; nothing here imports the rest of offercheck.
"""

from __future__ import annotations

import math

__all__ = ["money", "years_text"]

# Currencies whose symbol is unambiguous; any other is written as its code after the figure.
_SYMBOLS = {"USD": "$", "CAD": "CA$", "AUD": "A$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}


def money(x: float, currency: str | None = None, *, cents: bool = False) -> str:
    """Whole units with thousands separators: pay is negotiated in units, not cents (``cents``: two decimals, for a
    price per share). With ``currency``, its symbol where it is unambiguous ($182,000), else its code (182,000 CHF).
    """
    if not math.isfinite(x):
        return f"{x:,.0f}"
    units = round(x, 2) if cents else round(x)
    sign = "-" if units < 0 else ""
    digits = f"{abs(units):,.2f}" if cents else f"{abs(units):,}"
    if currency is None:
        return f"{sign}{digits}"
    symbol = _SYMBOLS.get(currency)
    return f"{sign}{symbol}{digits}" if symbol else f"{sign}{digits} {currency}"


def years_text(n: int) -> str:
    """"1 year", "4 years": a horizon or a vesting period in running text."""
    return "1 year" if n == 1 else f"{n} years"
