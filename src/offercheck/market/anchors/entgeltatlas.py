"""DE: BA Entgeltatlas, 31 December 2023, Deutschland, by KldB 2010 occupation
(data/market/official/entgeltatlas_2023.toml), and the Laender by a DERIVED ratio
(data/market/official/entgeltatlas_land_ratios.toml).

The BA publishes the median and quartiles of monthly gross pay including one-off payments; annual pay here =
monthly x 12 (the BA's month is an average month that includes them). A quartile above the pension contribution
ceiling is not a value (the BA shows only "above the ceiling"): it is derived from the uncensored quartiles by
the one method of ``derive`` and kept at or above the ceiling. p10 and p90 are not published: derived the same
way. A Land's distribution = the national one x (Land median / Deutschland median of ALL occupations, BA, the
newest year shipped): derived; a Land without a ratio gets the national figures, said.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offercheck.market.anchors.derive import filled, scaled
from offercheck.market.anchors.model import PUBLISHED, Figure, NoOfficialFigure, OfficialPay, Place
from offercheck.market.anchors.tables import chain, checked, data, meta_fields, occupation

__all__ = ["DEUTSCHLAND", "entgeltatlas", "land_ratio"]

DEUTSCHLAND = "DE"
_NAME = "entgeltatlas_2023"
_RATIOS = "entgeltatlas_land_ratios"
_SOURCE = "BA Entgeltatlas"
_QUARTILES = (25, 50, 75)


def _cell(kldb: str) -> Mapping[str, Any]:
    cell = occupation(_NAME, _SOURCE, "KldB 2010", kldb)
    if cell["status"] != PUBLISHED:
        raise NoOfficialFigure(f"{_SOURCE}: the BA does not publish KldB {kldb} (suppressed: small numbers)")
    return cell


def _national(kldb: str, cell: Mapping[str, Any]) -> tuple[tuple[Figure, ...], list[str]]:
    """p10..p90 a year for Deutschland: published quartiles x 12, the rest derived; notes on the censoring."""
    ceiling = float(data(_NAME)["meta"]["ceiling"])
    published = {p: Figure(f"p{p}", float(cell[f"p{p}"]) * 12, PUBLISHED,
                           f"BA monthly {cell[f'p{p}']:,} EUR x 12 (includes one-off payments)")
                 for p in _QUARTILES if f"p{p}" in cell}
    censored = [int(q[1:]) for q in cell.get("above_ceiling", [])]
    if len(published) < 2:
        raise NoOfficialFigure(f"{_SOURCE}: KldB {kldb} has {len(published)} quartile(s) below the contribution "
                               f"ceiling ({ceiling:,.0f} EUR a month) and the rest above it: no distribution can be "
                               "derived")
    floors = {p: ceiling * 12 for p in (10, 25, 50, 75, 90) if censored and p >= min(censored)}
    notes = [f"p{p} is above the contribution ceiling ({ceiling:,.0f} EUR a month): the BA gives no value; derived "
             "from the quartiles below the ceiling" for p in censored]
    return filled(published, floors), notes


def land_ratio(area: str) -> Mapping[str, Any] | None:
    """The newest BA Land/Deutschland ratio row for Land ``area`` (AGS code), or None where none is shipped."""
    rows = [r for r in data(_RATIOS)["ratios"]["rows"] if r["area_code"] == area]
    return max(rows, key=lambda r: int(r["year"])) if rows else None


def _land(national: tuple[Figure, ...], at: Place) -> tuple[tuple[Figure, ...], str] | None:
    row = land_ratio(at.code)
    if row is None:
        return None
    ratio = float(row["ratio"])
    levels = str(row["method"]).split(" (")[0]  # "4198 / 4013"
    why = f"{at.name}/Deutschland ratio {ratio:.4f} ({levels}: BA median pay of all occupations, {row['year']})"
    note = (f"{at.name}: the BA publishes no Land figures for this occupation here; the national ones are scaled "
            f"by the {at.name}/Deutschland median ratio of all occupations ({ratio:.4f}, {row['year']}), which "
            "carries the Land's mix of occupations (derived)")
    return scaled(national, ratio, why, of="Deutschland"), note


def entgeltatlas(kldb: str, area: str = DEUTSCHLAND) -> OfficialPay:
    """The Entgeltatlas distribution of annual pay (EUR, monthly x 12) for KldB 2010 ``kldb`` in ``area``
    ("DE" or a Land's AGS code: "11" Berlin, "09" Bayern, ...).

    Raises NoOfficialFigure when the occupation is not shipped, suppressed, or has fewer than two quartiles
    below the ceiling; ValueError for an unknown area code.
    """
    cell = _cell(kldb)
    national, notes = _national(kldb, cell)
    tried = chain(data(_RATIOS)["areas"], area, _SOURCE)
    if tried[0].code != DEUTSCHLAND:
        found = _land(national, tried[0])
        if found is not None:
            return _pay(kldb, cell, tried, 0, found[0], [*notes, found[1]])
        notes.append(f"no BA pay ratio shipped for {tried[0].name}: national figures")
    return _pay(kldb, cell, tried, len(tried) - 1, national, notes)


def _pay(kldb: str, cell: Mapping[str, Any], tried: list[Place], i: int, figures: tuple[Figure, ...],
         notes: list[str]) -> OfficialPay:
    meta = data(_NAME)["meta"]
    land = tried[i].code != DEUTSCHLAND
    source = (f"BA Entgeltatlas (Statistik der Bundesagentur fuer Arbeit), Deutschland, 31 December 2023, KldB "
              f"2010 {kldb}" + (", x the BA Land/Deutschland median ratio (Entgeltstatistik)" if land else ""))
    return checked(OfficialPay(
        **meta_fields(meta, source), occupation=kldb, occupation_title=cell["title"], requested=tried[0],
        area=tried[i], chain=tuple(p.code for p in tried[: i + 1]), figures=figures,
        n=None if land else cell.get("employees"), n_unit=meta["n_unit"],
        reference_period=meta["reference_period"], pay_period=meta["pay_period"], notes=tuple(notes)))
