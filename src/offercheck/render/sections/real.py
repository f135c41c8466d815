"""Real terms (``--real``): pay at the home place's prices, the price levels used and where they come from."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from offercheck.render.common import Style, cents, money
from offercheck.render.fit import grid
from offercheck.render.sections.rows import everyone

if TYPE_CHECKING:
    from offercheck.real.price_levels import PriceLevel
    from offercheck.results import Comparison, Evaluation


def _rounded(x: float | None) -> float | None:
    return None if x is None else cents(x)


def price_level_json(level: PriceLevel) -> dict[str, Any]:
    """A PriceLevel in the JSON contract: the index used, its geography, year and source."""
    us = level.country == "US"
    return {
        "index": level.rpp if us else level.ppp,
        "index_kind": "BEA regional price parity, all items (US = 100)" if us
        else f"World Bank PPP, private consumption ({level.currency} per international $)",
        "geography": level.geography,
        "name": level.name,
        "country": level.country,
        "currency": level.currency,
        "year": level.year,
        "source": level.source,
        "note": level.note,
    }


def year_json(e: Evaluation, i: int) -> dict[str, Any]:
    """``real_total`` (and ``real_net``, with taxes) of year ``i`` (0-based)."""
    if e.real is None:
        return {}
    out: dict[str, Any] = {"real_total": None if e.real.years is None else cents(e.real.years[i])}
    if e.after_tax:
        out["real_net"] = None if e.real.nets is None else cents(e.real.nets[i])
    return out


def offer_json(e: Evaluation) -> dict[str, Any]:
    """Horizon real pay (and real net pay) and the price level used."""
    r = e.real
    if r is None:
        return {}
    out: dict[str, Any] = {"real_total": _rounded(r.total)}
    if e.after_tax:
        out["real_net"] = _rounded(r.net_total)
    out["price_level"] = {**price_level_json(r.place), "from": r.basis,
                          "factor": None if r.factor is None else round(r.factor, 6), "reason": r.reason}
    return out


def json(c: Comparison) -> dict[str, Any]:
    """The home place of real terms and its currency."""
    return {} if c.home is None else {"real": {"currency": c.home.currency, "home": price_level_json(c.home)}}


def csv_headers(c: Comparison) -> list[str]:
    if c.evaluations[0].real is None or c.home is None:
        return []
    cur = c.home.currency
    return [f"real_total_{cur}"] + ([f"real_net_{cur}"] if c.after_tax else [])


def csv_cells(e: Evaluation, i: int) -> list[float | None]:
    m = year_json(e, i)
    if "real_total" not in m:
        return []
    return [m["real_total"]] + ([m["real_net"]] if "real_net" in m else [])


def summary_column(c: Comparison) -> tuple[list[str], Callable[[Evaluation], list[str]]]:
    """Real pay (and real net pay) over the horizon, beside the nominal total in the ranking."""
    n = c.horizon_years
    first = c.evaluations[0]
    heads = [f"{n}-yr real"] + ([f"{n}-yr real net"] if c.after_tax else []) if first.real else []

    def cells(e: Evaluation) -> list[str]:
        if e.real is None:
            return []
        out = ["nominal" if e.real.total is None else money(e.real.total)]
        if e.taxes is not None:
            out.append("nominal" if e.real.net_total is None else money(e.real.net_total))
        elif e.tax_note is not None:
            out.append("not estimated")
        return out

    return heads, cells


def _describe(level: PriceLevel) -> str:
    if level.country == "US":
        return f"{level.geography}, RPP {level.rpp:g} in {level.year}"
    ppp = "no PPP" if level.ppp is None else f"PPP {level.ppp:g} {level.currency}/intl $"
    return f"{level.geography}, {ppp} in {level.year}"


def text(c: Comparison, style: Style, *, explain: bool = False) -> list[str]:
    """Real pay by year (and real net pay, with taxes) and the home place's price level; ``explain``: why price
    levels, each offer's price level and the sources."""
    rows_of = everyone(c)
    real = [(e, e.real) for e in rows_of if e.real is not None]
    if not real or c.home is None:
        return []
    n, esc = c.horizon_years, style.escape
    home, cur = c.home, c.home.currency
    rows = [[esc(e.label), *(money(x) for x in r.years)] if r.years is not None
            else [esc(e.label), *("nominal",) * n] for e, r in real]
    if c.after_tax:
        rows += [[f"{esc(e.label)} (net)", *(money(x) for x in r.nets)] for e, r in real if r.nets is not None]
    table = [style.heading(f"Real pay by year (at {home.name} prices, {cur})"),
             grid(rows, ["Offer", *(f"Year {y}" for y in range(1, n + 1))], tablefmt=style.tablefmt,
                  colalign=("left", *("right",) * n))]
    said = f"Real = pay at {home.name} prices in {cur} ({_describe(home)})."
    if not explain:
        return [*table, said]
    lines = [f"{said} Exchange rates are not price levels: pay is converted with price indexes (BEA regional price "
             "parities within the US, World Bank PPPs between countries)."]
    for e, r in real:
        # Without a factor the reason says "stays nominal: why"; saying "stays nominal" before it too repeated it.
        factor = [] if r.factor is None else [f"x{r.factor:.4f}"]
        detail = "; ".join([*factor, *(esc(x) for x in (r.reason, r.place.note) if x)])
        lines.append(f"- {esc(e.label)}: {r.place.name} ({_describe(r.place)}, from {r.basis}): {detail}")
    lines += [f"- source: {s}" for s in dict.fromkeys(x.source for x in (home, *(r.place for _, r in real)))]
    return [*table, "\n".join(lines)]


def html(c: Comparison) -> dict[str, Any]:
    return {"real": [e for e in everyone(c) if e.real is not None] if c.home is not None else []}
