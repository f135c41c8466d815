"""Official anchors outside the US: the publisher's distribution of annual pay by occupation and area.

GB ONS ASHE 2025 (``ashe``), CA ESDC Job Bank 2025 (``jobbank``), DE BA Entgeltatlas 2023 (``entgeltatlas``),
each from a packaged table built by scripts/build_official.py, each figure published or derived (one method,
``derive``), with the fallback to the next area up, n, reference period and source. ``official_pay`` finds the
occupation of a role key (``roles``) and asks the country's source. Ageing is ``offercheck.market.ageing``.

A new package for now: the integration step moves it under ``market/anchors/`` beside ``bls``.
"""

from __future__ import annotations

from collections.abc import Callable

from offercheck.market.official.ashe import UK, ashe
from offercheck.market.official.derive import METHOD, lognormal_quantile
from offercheck.market.official.entgeltatlas import DEUTSCHLAND, entgeltatlas, land_ratio
from offercheck.market.official.jobbank import CANADA, HOURS_PER_YEAR, jobbank
from offercheck.market.official.model import (
    DERIVED,
    PUBLISHED,
    Figure,
    NoOfficialFigure,
    OfficialPay,
    Place,
)
from offercheck.market.official.roles import Occupation, occupation, occupation_map
from offercheck.market.official.tables import data, places

__all__ = [
    "CANADA",
    "DERIVED",
    "DEUTSCHLAND",
    "HOURS_PER_YEAR",
    "METHOD",
    "PUBLISHED",
    "UK",
    "Figure",
    "NoOfficialFigure",
    "Occupation",
    "OfficialPay",
    "Place",
    "areas",
    "ashe",
    "cities",
    "entgeltatlas",
    "jobbank",
    "land_ratio",
    "lognormal_quantile",
    "national_area",
    "occupation",
    "occupation_map",
    "official_pay",
]

_LOADERS: dict[str, tuple[Callable[[str, str], OfficialPay], str, str]] = {
    "GB": (ashe, UK, "ashe_2025"),
    "CA": (jobbank, CANADA, "jobbank_2025"),
    "DE": (entgeltatlas, DEUTSCHLAND, "entgeltatlas_land_ratios"),
}


def _loader(country: str) -> tuple[Callable[[str, str], OfficialPay], str, str]:
    if country not in _LOADERS:
        raise NoOfficialFigure(f"no official anchor shipped for {country!r} outside the US (have GB, CA, DE)")
    return _LOADERS[country]


def national_area(country: str) -> str:
    """The nation's area code in ``country``'s official table: K02000001, ER00, DE."""
    return _loader(country)[1]


def areas(country: str) -> dict[str, Place]:
    """Every area of ``country``'s official table by code (with parent and ISO subdivision)."""
    return places(data(_loader(country)[2])["areas"])


def cities(country: str) -> dict[str, str]:
    """City -> area code where the research mapped cities (CA: city -> Job Bank economic region); else {}."""
    if country != "CA":
        return {}
    return {city: row["area"] for city, row in data("jobbank_2025")["cities"].items()}


def official_pay(country: str, role: str, area: str | None = None) -> OfficialPay:
    """The official distribution for role key ``role`` in ``area`` of ``country`` (national when None).

    Raises NoOfficialFigure when the country has no shipped anchor, the role no occupation, or the occupation no
    usable figures.
    """
    load, national, _ = _loader(country)
    found = occupation(country, role)
    if found is None:
        raise NoOfficialFigure(f"no {country} occupation mapped for role {role!r}")
    return load(found.code, area or national)
