#!/usr/bin/env python3
"""Calibration of the market benchmarks, measured against what ``compare`` returns (DESIGN section 3, issue 23).

    python bench/calibration.py [DATA_DIR] [--as-of YYYY-MM-DD]

Every figure below comes from ``offercheck.api.compare`` on offers built here (no experience, no company facts:
what the anchor itself says) or on the offer files in the repository, except where a line says "loader" (a cell
no role maps to, read with the source's own function).

(a) Official reproduction outside the US: for each country and area (GB London, another English region, Scotland,
    Wales, a region with its own ONS median, the UK; CA Toronto, Vancouver, Montreal, a province, Canada; DE
    Berlin, Munich, a Land without a ratio, Deutschland) x {software engineer, data scientist}: compare's p10/p50/p90
    with the ageing taken out vs the shipped official figures (the loader's), % error.
(b) US reproduction: the 25 largest tech metros x {software developers 15-1252, data scientists 15-2051} (50
    cells), compare's p10/p50/p90 with the ageing taken out vs the raw BLS CSV row, % error.
(c) Coverage of independent figures not used for the build, each compared as of its own date:
    (c1) posting ranges and levels.fyi figures (tests/negotiation/data/public, each file naming its source) and
         issue 15's three figures (unverified): their percentile in compare's base benchmark, and the share of
         them below the benchmark's p10/p25/p50/p75/p90 (ideal 10/25/50/75/90);
    (c2) the BA's 2024 national medians, reported secondarily (research/de), vs the 2023 cells aged to 2024;
    (c3) ASHE figures not shipped or held out: the unverified London and Scotland 2134 medians (not shipped) and
         East Midlands 2134 (published, held out: what the proxy method would give without it);
    (c4) the derivation method on published quantiles held out: p25/p75 derived from p10/p50/p90, and p90 from
         p25/p50/p75, in every ASHE and Job Bank cell that publishes all five.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import statistics
import sys
import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # tests.market.typical: the same files and dates as the outcome test

from offercheck.api import compare  # noqa: E402
from offercheck.market.ageing import aged, today  # noqa: E402
from offercheck.market.anchors.derive import lognormal_quantile  # noqa: E402
from offercheck.market.anchors.official import official_pay  # noqa: E402
from offercheck.market.anchors.tables import data  # noqa: E402
from offercheck.market.position import MarketPosition, percentile_of  # noqa: E402
from offercheck.offer.loading import load_offer  # noqa: E402
from offercheck.offer.models import Offer  # noqa: E402
from offercheck.places import area, official_areas  # noqa: E402
from tests.market import typical  # noqa: E402

BLS_FILE = "bls_oews_may2025_tech_occupations_by_area.csv"
QUANTILES = ("p10", "p25", "p50", "p75", "p90")
CURRENCY = {"US": "USD", "GB": "GBP", "CA": "CAD", "DE": "EUR"}
PLACES = (
    ("GB", "London", None), ("GB", "Manchester", None), ("GB", "Edinburgh", None), ("GB", "Cardiff", None),
    ("GB", "Nottingham", None), ("GB", None, None),
    ("CA", "Toronto", "ON"), ("CA", "Vancouver", "BC"), ("CA", "Montreal", "QC"), ("CA", None, "ON"),
    ("CA", None, None),
    ("DE", "Berlin", None), ("DE", "Munich", None), ("DE", "Köln", None), ("DE", None, None),
)
ROLES = ("software engineer", "data scientist")


def _market(country: str, city: str | None, state: str | None, role: str, as_of: dt.date) -> MarketPosition:
    offer = Offer.model_validate({"offer": {"company": "calibration", "role": role, "currency": CURRENCY[country]},
                                  "location": {"country": country, "city": city, "state": state},
                                  "salary": {"base": 1}})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a guessed place is part of what is measured, not noise to print
        market = compare([offer], as_of=as_of).evaluations[0].market
    assert market is not None
    return market


def _unaged(m: MarketPosition) -> dict[str, float]:
    """compare's base quantiles with the ageing taken out (in the anchor's currency: fx is 1 here)."""
    q = m.expected_base
    assert q is not None
    factor = 1.0 if m.benchmark.aged is None else m.benchmark.aged.factor
    return {name: getattr(q, name) / factor for name in QUANTILES}


def _errors(got: Mapping[str, float], want: Mapping[str, float], names: Sequence[str]) -> list[float]:
    return [100 * (got[n] / want[n] - 1) for n in names]


def official_reproduction(as_of: dt.date) -> None:
    print(f"(a) official reproduction, no-experience offers through compare as of {as_of}, ageing taken out, vs the "
          "shipped figures (% error p10/p50/p90; the shipped p50 and the ageing factor)")
    worst = 0.0
    for country, city, state in PLACES:
        code = area(official_areas(country), city, state, country).code
        for role in ROLES:
            m = _market(country, city, state, role, as_of)
            want = official_pay(country, role, code).quantiles()
            errs = _errors(_unaged(m), want, ("p10", "p50", "p90"))
            worst = max(worst, *map(abs, errs))
            where = f"{city or state or 'national'} -> {m.benchmark.city or 'national'}"
            factor = m.benchmark.aged.factor if m.benchmark.aged else 1.0
            print(f"  {country} {where:<30} {role:<18} {'/'.join(f'{e:+.2f}' for e in errs):<20} "
                  f"p50 {want['p50']:>9,.0f} {CURRENCY[country]}  aged x{factor:.4f}")
    print(f"  largest absolute error: {worst:.2f}%")


def _metros(path: Path) -> tuple[list[dict[str, str]], dict[tuple[str, str], dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    raw = {(r["AREA"], r["OCC_CODE"]): r for r in rows}
    metros = sorted((r for r in rows
                     if r["OCC_CODE"] == "15-1252" and r["AREA_TYPE"] == "M" and r["TOT_EMP"] != "-"),
                    key=lambda r: -int(r["TOT_EMP"]))[:25]
    return metros, raw


def us_reproduction(path: Path, as_of: dt.date) -> None:
    metros, raw = _metros(path)
    print(f"\n(b) US reproduction, no-experience offers through compare as of {as_of}, ageing taken out, vs the raw "
          "BLS CSV row (% error p10/p50/p90)")
    worst, cells = 0.0, 0
    columns = {"p10": "A_PCT10", "p50": "A_MEDIAN", "p90": "A_PCT90"}
    for metro in metros:
        city = metro["AREA_TITLE"].split("-")[0].split(",")[0]
        state = metro["AREA_TITLE"].rsplit(", ", 1)[1].split("-")[0]
        shown = []
        for role, soc in (("software engineer", "15-1252"), ("data scientist", "15-2051")):
            row = raw[(metro["AREA"], soc)]
            got = _unaged(_market("US", city, state, role, as_of))
            errs = _errors(got, {n: float(row[c]) for n, c in columns.items()}, tuple(columns))
            worst, cells = max(worst, *map(abs, errs)), cells + 1
            shown.append(f"{soc} {'/'.join(f'{e:+.2f}' for e in errs)}")
        print(f"  {city:<16} {metro['AREA_TITLE'][:44]:<44} " + "  ".join(shown))
    print(f"  largest absolute error over {cells} metro x occupation cells x 3 quantiles: {worst:.2f}%")


def _shares(positions: Iterable[tuple[float, Mapping[str, float]]]) -> str:
    items = list(positions)
    below = [100 * sum(x < q[n] for x, q in items) / len(items) for n in QUANTILES]
    return f"n={len(items)}: " + " / ".join(f"{b:.0f}" for b in below)


def postings() -> None:
    print("\n(c1) posting ranges and levels.fyi figures (midpoints), each as of its own date (undated: the anchor "
          "as published): percentile in compare's base benchmark; share below p10/p25/p50/p75/p90 (ideal "
          "10/25/50/75/90)")
    rows = []
    for path in typical.files():
        offer = load_offer(path)
        when = typical.figure_date(path)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            m = compare([offer], as_of=when or typical.REFERENCE).evaluations[0].market
        assert m is not None and m.expected_base is not None
        q = {n: getattr(m.expected_base, n) for n in QUANTILES}
        base = offer.salary.base
        rows.append((path.parent.name, base, q))
        print(f"  {path.stem:<22} {base:>9,.0f}  {percentile_of(base, m.expected_base)!s:<10} "
              f"{when or 'undated'!s:<10} {m.benchmark.city or 'National'}")
    public = [(b, q) for d, b, q in rows if d == "public"]
    everyone = _shares((b, q) for _, b, q in rows)
    print(f"  sourced postings and levels.fyi ({_shares(public)}); with issue 15's three ({everyone})")


def ba_2024() -> None:
    print("\n(c2) BA Entgeltatlas 2024 national medians (reported secondarily, not used for the build) vs the 2023 "
          "cells aged to 2024 (the 2024 data year's middle, 1 July 2024) by the Nominallohnindex")
    factor = aged("DE", "2023", dt.date(2024, 7, 1)).factor
    for row in data("entgeltatlas_2023")["secondary"]["rows"]:
        kldb = row["kldb"]
        if kldb not in data("entgeltatlas_2023")["cells"]:
            continue
        if kldb == "43414":  # the role map's software engineer: through compare
            q = _unaged(_market("DE", None, None, "software engineer", dt.date(2024, 7, 1)))
            how = "compare"
        else:
            from offercheck.market.anchors.entgeltatlas import entgeltatlas

            q = entgeltatlas(kldb).quantiles()
            how = "loader"
        predicted = {n: v * factor for n, v in q.items()}
        actual = row["p50"] * 12
        print(f"  {kldb} {row['occupation'][:40]:<40} 2024 {actual:>8,.0f}  predicted {predicted['p50']:>8,.0f} "
              f"({100 * (predicted['p50'] / actual - 1):+.1f}%)  at p{percentile_of(actual, _q(predicted)).value:.0f} "
              f"of the aged cell ({how})")
    print(f"  ageing factor 2023 -> 2024: x{factor:.4f}; the KldB 43 (all IT) median rose 5,688 -> 5,907 "
          f"(x{5907 / 5688:.4f}) in the same report")


def _q(values: Mapping[str, float]) -> Any:
    from offercheck.market.quantiles import Quantiles

    return Quantiles(**values)


def ashe_held_out(as_of: dt.date) -> None:
    print("\n(c3) ASHE 2134 figures not used: unverified London/Scotland medians (search-index file 60678158654, "
          "not shipped; research/gb) and East Midlands (published, held out from the proxy)")
    for city, figure in (("London", 75296), ("Edinburgh", 48930)):
        got = _unaged(_market("GB", city, None, "software engineer", as_of))
        error = 100 * (got["p50"] / figure - 1)
        print(f"  {city:<12} unverified {figure:>7,}  compare {got['p50']:>7,.0f} ({error:+.1f}%)")
    cells = data("ashe_2025")["cells"]
    ratio = cells["2133"]["E12000004"]["p50"] / cells["2133"]["K02000001"]["p50"]
    proxy = cells["2134"]["K02000001"]["p50"] * ratio
    published = cells["2134"]["E12000004"]["p50"]
    print(f"  East Midlands published {published:>7,}  proxy (UK 2134 x EM/UK 2133 {ratio:.4f}) {proxy:>7,.0f} "
          f"({100 * (proxy / published - 1):+.1f}%)")


def _full_cells() -> list[tuple[str, dict[int, float]]]:
    out = []
    for soc, by_area in data("ashe_2025")["cells"].items():
        for code, cell in by_area.items():
            if all(q in cell for q in QUANTILES):
                out.append((f"ASHE {soc} {code}", {int(q[1:]): float(cell[q]) for q in QUANTILES}))
    columns = {"low": 10, "q1": 25, "median": 50, "q3": 75, "high": 90}
    for noc, by_area in data("jobbank_2025")["cells"].items():
        for code, cell in by_area.items():
            if cell.get("status") == "published" and all(c in cell for c in columns) and not cell.get(
                    "same_as_province"):
                out.append((f"Job Bank {noc} {code}", {p: float(cell[c]) for c, p in columns.items()}))
    return out


def derivation_held_out() -> None:
    print("\n(c4) the derivation method on published quantiles held out (% error of the derived figure)")
    cells = _full_cells()
    for target, inputs in ((25, (10, 50, 90)), (75, (10, 50, 90)), (90, (25, 50, 75)), (10, (25, 50, 75))):
        for source in ("ASHE", "Job Bank"):
            errs = [100 * (lognormal_quantile({p: k[p] for p in inputs}, target)[0] / k[target] - 1)
                    for name, k in cells if name.startswith(source)]
            print(f"  p{target} from p{'/p'.join(map(str, inputs))}, {source:<8} cells {len(errs):>3}: mean "
                  f"{statistics.mean(errs):+.1f}%, mean absolute {statistics.mean(map(abs, errs)):.1f}%, "
                  f"range {min(errs):+.1f}% to {max(errs):+.1f}%")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=None,
                        help="comparison date (default today, or $OFFERCHECK_TODAY)")
    args = parser.parse_args(argv)
    as_of = args.as_of or today()
    official_reproduction(as_of)
    us_reproduction(args.data_dir / BLS_FILE, as_of)
    postings()
    ba_2024()
    ashe_held_out(as_of)
    derivation_held_out()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
