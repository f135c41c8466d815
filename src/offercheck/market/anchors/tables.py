"""Reading the packaged official tables (data/market/official/*.toml, built by scripts/build_official.py).

Each file has a [meta] (publisher, dataset, reference period, URL, where it was read, licence, measure,
currency), [areas] (the publisher's area codes with their parent and ISO subdivision) and [cells].
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offercheck.datafiles import packaged_toml
from offercheck.market.anchors.model import NoOfficialFigure, OfficialPay, Place

__all__ = ["chain", "checked", "data", "meta_fields", "occupation", "place", "places", "read_from"]


def data(name: str) -> Mapping[str, Any]:
    """The packaged table ``data/market/official/NAME.toml`` (parsed once per run; read-only)."""
    return packaged_toml(f"market/official/{name}.toml")


def occupation(name: str, source: str, classification: str, code: str) -> Mapping[str, Any]:
    """The cells of occupation ``code`` in table NAME; NoOfficialFigure (naming ``classification`` and the codes
    shipped) when the table has none."""
    cells: Mapping[str, Mapping[str, Any]] = data(name)["cells"]
    if code not in cells:
        raise NoOfficialFigure(f"{source}: no figures shipped for {classification} {code} "
                               f"(shipped: {', '.join(cells)})")
    return cells[code]


def places(areas: Mapping[str, Mapping[str, str]]) -> dict[str, Place]:
    return {code: Place(code, a["name"], a["level"], a.get("parent", ""), a.get("subdivision", ""))
            for code, a in areas.items()}


def place(areas: Mapping[str, Mapping[str, str]], code: str, source: str) -> Place:
    """The area ``code`` of a table; ValueError naming the known codes for another."""
    if code not in areas:
        raise ValueError(f"{source}: unknown area code {code!r} (known: {', '.join(sorted(areas))})")
    return places({code: areas[code]})[code]


def chain(areas: Mapping[str, Mapping[str, str]], code: str, source: str) -> list[Place]:
    """The area and every area above it, finest first (region -> nation -> UK; ER -> province -> Canada)."""
    out = [place(areas, code, source)]
    while out[-1].parent:
        out.append(place(areas, out[-1].parent, source))
    return out


def read_from(meta: Mapping[str, Any]) -> str:
    """One line naming where the figures were read (repository @ commit : path, or the page)."""
    where = meta["read_from"]
    if isinstance(where, str):
        return where
    parts = [w if isinstance(w, str) else f"{w['repo']} @ {w['commit'][:12]} : {w['path']}" for w in where]
    return "; ".join(parts)


def meta_fields(meta: Mapping[str, Any], source: str) -> dict[str, Any]:
    """The OfficialPay fields every cell of one table shares."""
    return {"source_id": meta["id"], "country": meta["country"], "currency": meta["currency"],
            "classification": meta["classification"], "annualisation": meta["annualisation"], "source": source,
            "url": meta["url"], "read_from": read_from(meta), "licence": meta["licence"]}


def checked(pay: OfficialPay) -> OfficialPay:
    """``pay``, after checking its quantiles are positive and in order (a guard against a bad table)."""
    values = [f.value for f in pay.figures]
    if values != sorted(values) or values[0] <= 0:
        raise ValueError(f"{pay.source_id} {pay.occupation} {pay.area.code}: quantiles out of order: {values}")
    return pay
