"""What an official anchor is: the publisher's distribution of annual pay for one occupation in one area.

Every figure says whether the publisher gave it (``published``, possibly converted to a year by a stated rule) or
we computed it (``derived``, with the method), so a user can defend each number.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DERIVED", "NAMES", "PERCENTILES", "PUBLISHED", "Figure", "NoOfficialFigure", "OfficialPay", "Place"]

PERCENTILES = (10, 25, 50, 75, 90)
NAMES = tuple(f"p{p}" for p in PERCENTILES)
PUBLISHED = "published"
DERIVED = "derived"


class NoOfficialFigure(LookupError):
    """The publisher gives nothing usable for this occupation and area (the message says why)."""


@dataclass(frozen=True)
class Figure:
    """One quantile of annual pay in local currency.

    ``method`` says how the value was made: for a published figure the conversion to a year (empty when the
    publisher gives annual pay), for a derived one the derivation.
    """

    name: str  # "p10" .. "p90"
    value: float
    status: str  # PUBLISHED | DERIVED
    method: str = ""

    @property
    def percentile(self) -> int:
        return int(self.name[1:])


@dataclass(frozen=True)
class Place:
    """An area of a publisher's geography (publisher's own codes: ONS GSS, Job Bank ER, AGS)."""

    code: str
    name: str
    level: str  # GB: uk | nation | region; CA: national | province | economic_region; DE: national | land
    parent: str = ""  # the next area up ("" for the nation)
    subdivision: str = ""  # ISO 3166-2 code (without country) where the area is a province, nation or Land


@dataclass(frozen=True)
class OfficialPay:
    """The official distribution of annual pay for ``occupation`` in ``area``."""

    source_id: str
    country: str  # ISO alpha-2
    currency: str
    classification: str  # "SOC 2020" | "NOC 2021" | "KldB 2010 (Fassung 2020)"
    occupation: str
    occupation_title: str
    requested: Place  # the area asked for
    area: Place  # the area the figures describe: the requested one or the next level up that has them
    chain: tuple[str, ...]  # area codes tried in order, the last one being ``area``
    figures: tuple[Figure, ...]  # p10, p25, p50, p75, p90
    n: int | None  # jobs / employees where the publisher gives them for this cell
    n_unit: str
    reference_period: str  # as the publisher states it
    pay_period: str  # the time the pay measures; ageing starts from its middle (market.ageing.period_date)
    annualisation: str
    source: str  # one line: publisher, dataset, table
    url: str
    read_from: str
    licence: str
    notes: tuple[str, ...] = ()

    def quantiles(self) -> dict[str, float]:
        """{"p10": ..., ..., "p90": ...}: annual pay in ``currency``."""
        return {f.name: f.value for f in self.figures}

    def figure(self, name: str) -> Figure:
        for f in self.figures:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def published(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.figures if f.status == PUBLISHED)

    @property
    def derived(self) -> dict[str, str]:
        """Derived quantile name -> how it was derived."""
        return {f.name: f.method for f in self.figures if f.status == DERIVED}

    @property
    def borrowed(self) -> bool:
        """True when the figures come from a larger area than the one asked for."""
        return self.area.code != self.requested.code
