"""GB: ONS ASHE 2025 provisional, gross annual pay of full-time employees, by SOC 2020 occupation
(data/market/official/ashe_2025.toml).

Areas: the UK (Table 14.7a: p10..p90), the nations and the English regions (Table 15 (4).7a: medians only, for a
few occupations; Table 3.7a: major group 2). A region's distribution for an occupation is

* its own published figures where the ONS gives them (a median at least), the other quantiles being the UK
  quantiles x (region median / UK median) of that occupation (derived);
* else the UK distribution x (region median / UK median) of the closest occupation with a published regional
  median ([proxies] in the table, closest first; derived, the occupation named);
* else the next area up: region -> England (no England figures were extracted) -> UK.

A quantile the ONS does not publish for the UK is derived by the one method of ``derive``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offercheck.market.anchors.derive import filled, scaled
from offercheck.market.anchors.model import NAMES, PUBLISHED, Figure, NoOfficialFigure, OfficialPay, Place
from offercheck.market.anchors.tables import chain, checked, data, meta_fields, occupation

__all__ = ["UK", "ashe"]

UK = "K02000001"
_NAME = "ashe_2025"
_SOURCE = "ONS ASHE 2025"
_Cell = Mapping[str, Any]


def _cells(soc: str) -> Mapping[str, _Cell]:
    return occupation(_NAME, _SOURCE, "SOC 2020", soc)


def _median(cell: _Cell | None) -> float | None:
    return float(cell["p50"]) if cell and cell["status"] == PUBLISHED and "p50" in cell else None


def _uk(soc: str) -> tuple[Figure, ...]:
    cell = _cells(soc).get(UK)
    if not cell or cell["status"] != PUBLISHED:
        raise NoOfficialFigure(f"{_SOURCE}: the ONS publishes no UK figures for SOC 2020 {soc}")
    published = {int(k[1:]): Figure(k, float(cell[k]), PUBLISHED) for k in NAMES if k in cell}
    return filled(published)


def _jobs(cell: _Cell | None) -> int | None:
    return int(cell["jobs_thousands"]) * 1000 if cell and "jobs_thousands" in cell else None


def _own(soc: str, area: Place, uk: tuple[Figure, ...]) -> tuple[tuple[Figure, ...], int | None, str] | None:
    """The area's own published figures of ``soc`` (a median at least), the others scaled from the UK's."""
    cell = _cells(soc).get(area.code)
    median = _median(cell)
    if cell is None or median is None:
        return None
    own = {int(k[1:]): Figure(k, float(cell[k]), PUBLISHED) for k in NAMES if k in cell}
    uk_median = uk[2].value
    ratio = median / uk_median
    why = f"{area.name}/UK median ratio of {soc} ({median:,.0f} / {uk_median:,.0f} = {ratio:.4f})"
    figures = scaled(uk, ratio, why, of=f"UK {soc}", keep=own)
    note = f"{area.name}: ONS Table {cell['table']} publishes {', '.join(f'p{p}' for p in sorted(own))} of SOC {soc}"
    if len(own) < len(NAMES):
        note += f"; the other quantiles are the UK's scaled by the {area.name}/UK median ratio (derived)"
    return figures, _jobs(cell), note


def _proxy(soc: str, area: Place, uk: tuple[Figure, ...]) -> tuple[tuple[Figure, ...], int | None, str] | None:
    """The UK distribution of ``soc`` scaled by the regional/UK median ratio of the closest occupation."""
    table = data(_NAME)
    proxies = table["proxies"].get(soc, {"order": [], "reason": ""})
    for other in proxies["order"]:
        median, uk_median = _median(_cells(other).get(area.code)), _median(_cells(other).get(UK))
        if median is None or uk_median is None:
            continue
        ratio = median / uk_median
        title = table["occupations"][other]
        why = f"{area.name}/UK median ratio of SOC {other} {title} ({median:,.0f} / {uk_median:,.0f} = {ratio:.4f})"
        note = (f"the ONS publishes no {area.name} median for SOC {soc}: UK {soc} scaled by the {area.name}/UK "
                f"median ratio of SOC {other} ({title}), the closest occupation with one ({proxies['reason']}); "
                "derived")
        return scaled(uk, ratio, why, of=f"UK {soc}"), None, note
    return None


def _source(soc: str, regional: bool) -> str:
    uk_table = _cells(soc)[UK]["table"]
    tables = f"Table {uk_table} (UK)" + (" with the regional figures of Table 15 (4).7a / 3.7a" if regional else "")
    return f"{_SOURCE} provisional, {tables}, gross annual pay, full-time employees, SOC 2020 {soc}"


def ashe(soc: str, area: str = UK) -> OfficialPay:
    """The ASHE distribution of gross annual pay (GBP) for SOC 2020 ``soc`` in ONS area ``area`` (GSS code).

    Raises NoOfficialFigure when the occupation is not shipped or has no UK figures; ValueError for an unknown
    area code.
    """
    table = data(_NAME)
    uk = _uk(soc)
    tried = chain(table["areas"], area, _SOURCE)
    notes: list[str] = []
    for i, at in enumerate(tried):
        if at.code == UK:
            return _pay(soc, tried, i, uk, _jobs(_cells(soc).get(UK)), notes)
        found = _own(soc, at, uk) or _proxy(soc, at, uk)
        if found is not None:
            figures, n, note = found
            return _pay(soc, tried, i, figures, n, [*notes, note])
        notes.append(f"the tables shipped hold no ONS median for SOC {soc} or a proxy occupation in {at.name}: "
                     "used the next area up")
    raise AssertionError("the chain ends at the UK")  # pragma: no cover


def _pay(soc: str, tried: list[Place], i: int, figures: tuple[Figure, ...], n: int | None,
         notes: list[str]) -> OfficialPay:
    meta = data(_NAME)["meta"]
    area = tried[i]
    return checked(OfficialPay(
        **meta_fields(meta, _source(soc, area.code != UK)),
        occupation=soc, occupation_title=data(_NAME)["occupations"][soc], requested=tried[0], area=area,
        chain=tuple(p.code for p in tried[: i + 1]), figures=figures, n=n, n_unit=meta["n_unit"],
        reference_period=meta["reference_period"], pay_period=meta["pay_period"], notes=tuple(notes)))
