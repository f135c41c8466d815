"""An offer with no market position, and why (DESIGN section 3): apart from ``market.position``, as most runs
never create one."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["NoMarket"]


@dataclass(frozen=True)
class NoMarket:
    """No benchmark for this offer: its country has no cell of its own (DESIGN section 3). ``text`` is what every
    format says: "no market data for PL"."""

    country: str

    @property
    def text(self) -> str:
        return f"no market data for {self.country}"
