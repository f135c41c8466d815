"""Money in an offer file: every amount bounded in US dollars at the file's currency (DESIGN.md section 2).

A KRW or IDR salary is as valid as the same pay in dollars; the rate is the packaged table's.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Annotated

from pydantic import AfterValidator, Field, Strict

# An amount above this many US dollars, at the file's currency, is almost certainly a typo (an extra zero, cents
# instead of units). In US dollars, so that a KRW or IDR salary is as valid as the same pay in dollars (DESIGN.md
# section 2); the rate is the packaged table's (``data/rates.toml``), as for the currency check.
MAX_MONEY = 100_000_000.0

# The currency the amounts being validated are in, and its US dollars per unit: set by ``Offer`` for its fields
# (from its ``[offer] currency``). A table validated alone (``Salary(base=...)``) is in US dollars, the default
# currency of an offer; a currency no rate is known for leaves amounts unbounded here (the code itself is refused).
AMOUNT_CURRENCY: ContextVar[tuple[str, float | None]] = ContextVar("offercheck_offer_currency", default=("USD", 1.0))


def usd_per_unit(code: str) -> float | None:
    """US dollars per unit of ``code`` in the packaged rate table; None for a code it has no rate for."""
    from offercheck.datafiles import packaged_toml

    rate = packaged_toml("rates.toml")["usd_per_unit"].get(code)
    return float(rate) if isinstance(rate, (int, float)) and not isinstance(rate, bool) and rate > 0 else None


def amount_text(value: float, code: str) -> str:
    """An amount as messages write it: 120,000,000 KRW; 1.2e+30 KRW past 1e21; ``code`` "$": $89,870."""
    figure = f"{value:,.0f}" if abs(value) < 1e21 else f"{value:.3g}"
    return f"${figure}" if code == "$" else f"{figure} {code}"


def _within_bound(value: float) -> float:
    code, rate = AMOUNT_CURRENCY.get()
    if rate is not None and value * rate > MAX_MONEY:
        usd = "" if code == "USD" else f" (about {amount_text(value * rate, '$')})"
        raise ValueError(f"{amount_text(value, code)}{usd} is above the {MAX_MONEY:,.0f} US dollars an amount may be; "
                         "check the number (an extra zero?)")
    return value


Money = Annotated[float, Strict(), Field(ge=0, description="Amount per year in the offer's currency, at most "
                                          f"{MAX_MONEY:,.0f} US dollars at its rate."), AfterValidator(_within_bound)]
PositiveMoney = Annotated[float, Strict(), Field(gt=0), AfterValidator(_within_bound)]
Percent = Annotated[float, Strict(), Field(ge=0, le=100)]
