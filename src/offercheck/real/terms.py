"""One offer's pay in real terms (a pure type, apart from the computation in ``realterms``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from offercheck.real.price_levels import PriceLevel


@dataclass(frozen=True)
class RealTerms:
    """One offer's pay at home prices, in the home currency; or, when that cannot be known, why not."""

    place: PriceLevel  # where the pay is spent
    basis: str  # the offer-file field the place comes from: "location" or "candidate.lives_in"
    home: PriceLevel
    factor: float | None  # display-currency amount -> home currency at home prices; None: stays nominal
    reason: str | None  # why factor is None, or a caveat about the place
    years: tuple[float, ...] | None  # real total pay per year
    nets: tuple[float, ...] | None  # real net pay per year (with taxes)

    @property
    def total(self) -> float | None:
        return None if self.years is None else sum(self.years)

    @property
    def net_total(self) -> float | None:
        return None if self.nets is None else sum(self.nets)
