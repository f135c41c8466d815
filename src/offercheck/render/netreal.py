"""What ``--after-tax`` and ``--real`` add to each output format: tax, net pay, real pay and where they came from."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from offercheck.render.common import cents, money
from offercheck.render.fit import grid
from offercheck.results import Comparison, Evaluation

if TYPE_CHECKING:
    from offercheck.real.price_levels import PriceLevel


def _rounded(x: float | None) -> float | None:
    return None if x is None else cents(x)


def _real_currency(home: PriceLevel) -> str:
    return home.currency


def price_level_dict(level: PriceLevel) -> dict[str, Any]:
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


# --------------------------------------------------------------------------------------------------- JSON


def year_members(e: Evaluation, i: int) -> dict[str, Any]:
    """What year ``i`` (0-based) of ``e`` gains in JSON: ``tax`` and ``net``; ``real_total`` and ``real_net``."""
    out: dict[str, Any] = {}
    if e.taxes is not None:
        t = e.taxes.years[i]
        out["tax"] = {"year": t.tax_year, "total": cents(t.total),
                      "lines": [{"name": x.name, "amount": cents(x.amount), "source": x.source} for x in t.lines]}
        out["net"] = cents(e.taxes.nets[i])
    if e.real is not None:
        out["real_total"] = None if e.real.years is None else cents(e.real.years[i])
        if e.taxes is not None:
            out["real_net"] = None if e.real.nets is None else cents(e.real.nets[i])
    return out


def offer_members(e: Evaluation) -> dict[str, Any]:
    """What an offer gains in JSON: horizon net and real sums, the tax notes and the price level used."""
    out: dict[str, Any] = {}
    if e.taxes is not None:
        out["tax_total"] = cents(e.taxes.total)
        out["net"] = cents(e.taxes.net_total)
        out["tax_plugin"] = e.taxes.plugin
        out["tax_notes"] = list(e.taxes.notes)
    if e.real is not None:
        r = e.real
        out["real_total"] = _rounded(r.total)
        if e.taxes is not None:
            out["real_net"] = _rounded(r.net_total)
        out["price_level"] = {**price_level_dict(r.place), "from": r.basis,
                              "factor": None if r.factor is None else round(r.factor, 6), "reason": r.reason}
    return out


def comparison_members(c: Comparison) -> dict[str, Any]:
    """Top-level members: the ranking key, tax settings and disclaimers, the home place of real terms."""
    out: dict[str, Any] = {}
    first = c.evaluations[0]
    if first.taxes is not None or c.home is not None or c.rank_by != "total":
        out["rank_by"] = c.rank_by
    if first.taxes is not None:
        from offercheck.tax.aftertax import SIMPLIFICATIONS  # only reached with --after-tax

        out["after_tax"] = {"tax_year": first.taxes.tax_year, "estimate": list(SIMPLIFICATIONS)}
    if c.home is not None:
        out["real"] = {"currency": _real_currency(c.home), "home": price_level_dict(c.home)}
    return out


# --------------------------------------------------------------------------------------------------- CSV


def csv_headers(c: Comparison) -> list[str]:
    first = c.evaluations[0]
    # Column names say "estimated": a CSV has no room for the notes that say so elsewhere.
    heads = ["estimated_tax", "estimated_net"] if first.taxes is not None else []
    if first.real is not None and c.home is not None:
        cur = _real_currency(c.home)
        heads += [f"real_total_{cur}"] + ([f"real_net_{cur}"] if first.taxes else [])
    return heads


def csv_cells(e: Evaluation, i: int) -> list[float | None]:
    m = year_members(e, i)
    cells: list[float | None] = [m["tax"]["total"], m["net"]] if "tax" in m else []
    if "real_total" in m:
        cells += [m["real_total"]] + ([m["real_net"]] if "real_net" in m else [])
    return cells


# --------------------------------------------------------------------------------------------------- tables


def summary_columns(c: Comparison) -> tuple[list[str], Callable[[Evaluation], list[str]]]:
    """Extra summary columns beside the nominal horizon total: net, real, real net."""
    n = c.horizon_years
    first = c.evaluations[0]
    heads = [f"{n}-yr net"] if first.taxes is not None else []
    if first.real is not None:
        heads += [f"{n}-yr real"] + ([f"{n}-yr real net"] if first.taxes is not None else [])

    def cells(e: Evaluation) -> list[str]:
        out = [money(e.taxes.net_total)] if e.taxes is not None else []
        if e.real is not None:
            out.append("nominal" if e.real.total is None else money(e.real.total))
            if e.taxes is not None:
                out.append("nominal" if e.real.net_total is None else money(e.real.net_total))
        return out

    return heads, cells


def _by_year(rows: list[list[str]], n: int, tablefmt: str) -> str:
    return grid(rows, ["Offer", *(f"Year {y}" for y in range(1, n + 1))], tablefmt=tablefmt,
                    colalign=("left", *("right",) * n))


def sections(c: Comparison, ranked: tuple[Evaluation, ...], *, tablefmt: str, heading: Callable[[str], str],
             escape: Callable[[str], str]) -> list[str]:
    """The after-tax and real-terms sections of the table and markdown formats."""
    n = c.horizon_years
    out: list[str] = []
    taxed = [(e, e.taxes) for e in ranked if e.taxes is not None]
    if taxed:
        from offercheck.negotiate.asks import years_text  # negotiate's counter types: not for a plain compare
        from offercheck.tax.aftertax import SIMPLIFICATIONS  # only reached with --after-tax

        year = taxed[0][1].tax_year
        out.append(heading(f"After tax: net pay by year ({c.currency}, estimated with {year} tax rules)"))
        out.append(_by_year([[escape(e.label), *(money(x) for x in t.nets)] for e, t in taxed], n, tablefmt))
        out.append(heading(f"Estimated tax ({c.currency})"))
        rows = []
        for e, tax in taxed:
            first = tax.years[0]
            where = "-".join(x for x in (first.country, first.subdivision) if x)
            sums: dict[str, float] = {}  # a line can appear in some years only (Additional Medicare)
            for t in tax.years:
                for x in t.lines:
                    sums[x.name] = sums.get(x.name, 0.0) + x.amount
            year1 = {x.name: x.amount for x in first.lines}
            for k, (name, total) in enumerate(sums.items()):
                rows.append([escape(e.label) if k == 0 else "", where if k == 0 else "", escape(name),
                             money(year1.get(name, 0.0)), money(total)])
            rows.append(["", "", "total tax", money(first.total), money(tax.total)])
        out.append(grid(rows, ["Offer", "Where", "Tax", "Year 1", years_text(n)], tablefmt=tablefmt,
                            colalign=("left", "left", "left", "right", "right")))
        notes = dict.fromkeys(f"{t.filing_status} filer" for _, t in taxed)
        lines = [f"Notes on the tax estimates ({', '.join(notes)}; {year} tax year):",
                 *(f"- {s}" for s in SIMPLIFICATIONS)]
        lines += [f"- {escape(note)}" for note in dict.fromkeys(x for _, t in taxed for x in t.notes)]
        out.append("\n".join(lines))
    real = [(e, e.real) for e in ranked if e.real is not None]
    if real and c.home is not None:
        home, cur = c.home, _real_currency(c.home)
        out.append(heading(f"Real pay by year (at {home.name} prices, {cur})"))
        rows = [[escape(e.label), *(money(x) for x in r.years)] if r.years is not None
                else [escape(e.label), *("nominal",) * n] for e, r in real]
        if taxed:
            rows += [[f"{escape(e.label)} (net)", *(money(x) for x in r.nets)] for e, r in real
                     if r.nets is not None]
        out.append(_by_year(rows, n, tablefmt))
        lines = [f"Real = pay at {home.name} prices in {cur} ({_describe(home)}). Exchange rates are not price "
                 "levels: pay is converted with price indexes (BEA regional price parities within the US, World "
                 "Bank PPPs between countries)."]
        for e, r in real:
            # Without a factor the reason says "stays nominal: why"; saying "stays nominal" before it too repeated it.
            factor = [] if r.factor is None else [f"x{r.factor:.4f}"]
            detail = "; ".join([*factor, *(escape(x) for x in (r.reason, r.place.note) if x)])
            lines.append(f"- {escape(e.label)}: {r.place.name} ({_describe(r.place)}, from {r.basis}): {detail}")
        lines += [f"- source: {s}" for s in dict.fromkeys(x.source for x in (home, *(r.place for _, r in real)))]
        out.append("\n".join(lines))
    return out


def _describe(level: PriceLevel) -> str:
    if level.country == "US":
        return f"{level.geography}, RPP {level.rpp:g} in {level.year}"
    ppp = "no PPP" if level.ppp is None else f"PPP {level.ppp:g} {level.currency}/intl $"
    return f"{level.geography}, {ppp} in {level.year}"
