"""Location factor: metro (or state) pay against the national figure in the US (BLS, strong); a seed article's city
figures elsewhere (weak evidence, bounded to +-5%, and never on top of an anchor already for the place).

Policy for fully remote offers: they are compared with the national market, not the employer's metro,
because a remote employer can hire anywhere in the country (the remote factor then applies its own figure).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offercheck import hookimpl
from offercheck.builtins.factors import cite, neutral, table
from offercheck.market.adjustments import Adjustment
from offercheck.offer.models import Offer
from offercheck.places import norm

DATA_ROLES = {"data scientist", "data analyst", "analytics engineer", "business intelligence"}
FALLBACK_SOC = "15-0000"


def soc_for(role: str | None) -> str:
    """The OEWS occupation whose geography best fits the role: data science or software development."""
    return "15-2051" if role and " ".join(role.lower().split()) in DATA_ROLES else "15-1252"


def _area_adjustment(area: Mapping[str, Any], t: Mapping[str, Any], soc: str, where: str) -> Adjustment:
    code = soc if soc in area["multiplier"] else FALLBACK_SOC
    m = float(area["multiplier"][code])
    occupation = t["occupations"][code]
    reason = (f"{where} pays x{m:.3f} the US median for {occupation} "
              f"({area['median'][code]:,.0f} vs {t['national_median'][code]:,.0f})")
    return Adjustment(factor="location", multiplier=m, reason=reason, source=cite(t))


@hookimpl
def offercheck_adjust(offer: Offer, benchmark: Any) -> Adjustment | None:
    loc = offer.location
    if "location" in benchmark.keyed_by:
        # A location-specific anchor (a BLS metro or state, a city cell) already holds the place's pay level.
        place = benchmark.city or ("the whole US" if benchmark.country == "US" else benchmark.country)
        return neutral("location", f"in the anchor: the benchmark is already for {place}; x1.000")
    if loc.remote == "remote":
        return neutral("location", "fully remote: compared with the national market, not the employer's city")
    if loc.country != "US":
        return _international(loc.city, loc.country, benchmark.country)
    soc = soc_for(offer.offer.role)
    metros = table("location_us_metro")
    if loc.city:
        from offercheck.places import find_metro  # the city tables load only for a US city the anchor left out

        area = find_metro(loc.city, loc.state, metros["areas"])
        if area is not None:
            return _area_adjustment(area, metros, soc, area["title"])
    if loc.state:
        states = table("location_us_state")
        area = next((a for a in states["areas"] if a["state"] == loc.state.upper()), None)
        if area is not None:
            prefix = f"no BLS metro for {loc.city!r}; " if loc.city else ""
            adj = _area_adjustment(area, states, soc, area["title"])
            return adj.model_copy(update={"reason": prefix + adj.reason})
    if loc.city:
        return neutral("location", f"no BLS metro or state found for {loc.city!r}; national market used",
                       cite(metros))
    return None


def _international(city: str | None, country: str, cell_country: str | None) -> Adjustment | None:
    """A seed article's city/country ratio: weak evidence (bounded to +-5% by the scoring), never strong."""
    if not city:
        return None
    t = table("location_international")
    entry = next((c for c in t["cities"] if norm(c["city"]) == norm(city) and c["country"] == country), None)
    if entry is None or "multiplier" not in entry:
        why = entry["multiplier_note"] if entry else "no city figure in the sources"
        return neutral("location", f"{city}: {why}; the {cell_country or country} country benchmark is used as is",
                       cite(t), evidence="weak")
    m = float(entry["multiplier"])
    reason = (f"{entry['city']} averages {entry['city_average']:,.0f} vs {entry['country_average']:,.0f} "
              f"for the country (seed article): x{m:.3f}")
    return Adjustment(factor="location", multiplier=m, reason=reason, source=cite(t), evidence="weak")
