"""CA: ESDC Job Bank wages, 2025 release, by NOC 2021 occupation (data/market/official/jobbank_2025.toml).

Job Bank publishes hourly wages: low (the 10th percentile in most cases), Q1, median, Q3 and high (the 90th in
most cases). Annual pay here = hourly x 2,080 (40 h x 52 weeks): OUR convention, stated, not Job Bank's (it gives
no hours per year for hourly occupations). Small Area Estimation cells have no quartiles: they are derived by the
one method of ``derive``. A cell Job Bank does not publish is replaced by the next area up, as Job Bank itself
advises: economic region -> province -> Canada.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offercheck.market.anchors.derive import filled
from offercheck.market.anchors.model import PUBLISHED, Figure, NoOfficialFigure, OfficialPay, Place
from offercheck.market.anchors.tables import chain, checked, data, meta_fields, occupation

__all__ = ["CANADA", "HOURS_PER_YEAR", "jobbank"]

CANADA = "ER00"
HOURS_PER_YEAR = 2080  # 40 hours x 52 weeks: our convention (the table's meta says so too)
_NAME = "jobbank_2025"
_SOURCE = "Job Bank 2025"
_COLUMNS = {"low": 10, "q1": 25, "median": 50, "q3": 75, "high": 90}
_Cell = Mapping[str, Any]


def _cells(noc: str) -> Mapping[str, _Cell]:
    return occupation(_NAME, _SOURCE, "NOC 2021", noc)


def _figures(cell: _Cell) -> tuple[Figure, ...]:
    hours = int(data(_NAME)["meta"]["hours_per_year"])
    published = {p: Figure(f"p{p}", float(cell[col]) * hours, PUBLISHED,
                           f"Job Bank {col} {cell[col]:.2f} CAD/h x {hours:,} h (40 h x 52 weeks, our convention)")
                 for col, p in _COLUMNS.items() if col in cell}
    return filled(published)


def _notes(noc: str, cell: _Cell, at: Place) -> list[str]:
    notes = []
    if " PR " in f" {cell.get('code', '')} " or cell.get("same_as_province"):
        notes.append(f"Job Bank's {at.name} figure for NOC {noc} is its province's estimate "
                     f"({cell.get('code') or 'every measure equals the province'})")
    if "q1" not in cell:
        notes.append(f"{cell['source']} cell: Job Bank gives low, median and high only; p25 and p75 are derived")
    return notes


def _skipped(noc: str, cell: _Cell | None, at: Place) -> str:
    if cell is None:
        return f"no Job Bank cell shipped for NOC {noc} in {at.name}: used the next area up"
    return (f"Job Bank does not publish NOC {noc} for {at.name} (it refers to the {cell.get('refer_to') or 'next'}"
            " level): used the next area up")


def jobbank(noc: str, area: str = CANADA) -> OfficialPay:
    """The Job Bank distribution of annual pay (CAD, hourly x 2,080) for NOC 2021 ``noc`` in ``area``
    (Job Bank code: ER00 Canada, ER35 Ontario, ER3530 Toronto, ...).

    Raises NoOfficialFigure when the occupation is not shipped or not even published for Canada; ValueError for
    an unknown area code.
    """
    cells = _cells(noc)
    tried = chain(data(_NAME)["areas"], area, _SOURCE)
    notes: list[str] = []
    for i, at in enumerate(tried):
        cell = cells.get(at.code)
        if cell is None or cell["status"] != PUBLISHED:
            notes.append(_skipped(noc, cell, at))
            continue
        return _pay(noc, cell, tried, i, [*notes, *_notes(noc, cell, at)])
    raise NoOfficialFigure(f"{_SOURCE}: NOC {noc} is not published for {tried[0].name} nor any area above it")


def _pay(noc: str, cell: _Cell, tried: list[Place], i: int, notes: list[str]) -> OfficialPay:
    table = data(_NAME)
    meta = table["meta"]
    period = str(cell["period"])
    source = (f"ESDC Job Bank wages, 2025 release (revised 2025-11-19), NOC 2021 {noc}, {tried[i].name}: "
              f"{cell['source']} {period}")
    return checked(OfficialPay(
        **meta_fields(meta, source), occupation=noc, occupation_title=table["occupations"][noc],
        requested=tried[0], area=tried[i], chain=tuple(p.code for p in tried[: i + 1]), figures=_figures(cell),
        n=None, n_unit=meta["n"], reference_period=period, pay_period=period, notes=tuple(notes)))
