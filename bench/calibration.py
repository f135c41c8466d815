#!/usr/bin/env python3
"""Calibration of the market tables (DESIGN section 3, issue 15 item 7).

    python bench/calibration.py [DATA_DIR] [--seed N]

(a) BLS reproduction: for the 25 largest tech metros (by software-developer employment) x {software developers,
    data scientists}, the anchor looked up by the metro's first principal city name vs the raw CSV row:
    % error of p10/p50/p90.
(b) Held-out survey rows: premia and country cells fitted on a random 80% of the usable survey rows (fixed
    seed), then on the other 20% the share of actual base pay below the predicted p25/p50/p75 (ideal 25/50/75),
    by country and experience band. US prediction = the NATIONAL BLS anchor of the role's occupation x the
    applied premia (experience, role, company size, work mode): the survey has no metro, so this also measures
    how far the survey's respondents lean to high-paying hubs. Non-US prediction = the country cell.
(c) Typical public offers (tests/market/typical.py): the offer files at a company's published figure (pay-
    transparency posting ranges as republished by job boards, levels.fyi figures quoted on Hacker News, and
    issue 15's own three examples, unverified), scored as the CLI scores them: the percentile of the base in
    its base benchmark (target p25-p85), with each file's source.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO))  # tests.market.typical: the same cases as the outcome test

import market_survey as ms  # noqa: E402  (import after making scripts importable)

from offercheck.market.anchors.bls import bls_anchor  # noqa: E402
from tests.market import typical  # noqa: E402

BLS_FILE = "bls_oews_may2025_tech_occupations_by_area.csv"
SURVEY_FILE = "aijobs_salaries_2025-01-19.csv"
CUTS = (("p25", 0.25), ("p50", 0.50), ("p75", 0.75))


def reproduction(path: Path) -> None:
    with path.open(newline="", encoding="utf-8") as f:
        raw = {(r["AREA"], r["OCC_CODE"]): r for r in csv.DictReader(f)}
    metros = sorted((r for (a, soc), r in raw.items() if soc == "15-1252" and r["AREA_TYPE"] == "M"
                     and r["TOT_EMP"] != "-"), key=lambda r: -int(r["TOT_EMP"]))[:25]
    print("(a) BLS reproduction, lookup by city name vs raw CSV row (% error p10/p50/p90)")
    worst = 0.0
    for metro in metros:
        city = metro["AREA_TITLE"].split("-")[0].split(",")[0]
        cells = []
        for role, soc in (("software engineer", "15-1252"), ("data scientist", "15-2051")):
            a, row = bls_anchor(role, city), raw[(metro["AREA"], soc)]
            errs = [100 * (getattr(a, q) / int(row[c]) - 1)
                    for q, c in (("p10", "A_PCT10"), ("p50", "A_MEDIAN"), ("p90", "A_PCT90"))]
            worst = max(worst, *map(abs, errs))
            cells.append(f"{soc} {'/'.join(f'{e:+.1f}' for e in errs)}")
        print(f"  {city:<16} {metro['AREA_TITLE'][:44]:<44} " + "  ".join(cells))
    print(f"  largest absolute error over {len(metros)} metros x 2 occupations x 3 quantiles: {worst:.2f}%")


def _premia(fit: dict[str, Any], row: ms.Row, scope: str) -> float:
    f = fit["factors"]
    factors = [("experience", row.band), ("role", row.role), ("company_size", row.size), ("remote", row.mode)]
    if scope != "US":
        factors = factors[2:]  # the country cell is already by experience band and occupation
    m = 1.0
    for factor, level in factors:
        p = f[factor].get(level)
        m *= p["applied"] if p else 1.0
    return m


def _national(soc: str) -> dict[str, int]:
    role = ms.CORE_ROLE[soc]
    return bls_anchor(role).quantiles()


def _predict(row: ms.Row, fits: dict[str, Any], cells: dict[str, Any]) -> dict[str, float] | None:
    if row.country == "US":
        base, scope = _national(row.soc), "US"
    else:
        cell = cells.get(row.country, {}).get(f"{row.soc}|{row.band}")
        if cell is None:
            return None
        base, scope = cell, "non-US"
    m = _premia(fits[scope], row, scope) if scope == "US" else 1.0
    return {q: base[q] * m for q, _ in CUTS}


def held_out(path: Path, seed: int) -> None:
    rows, _ = ms.read_rows(path)
    train, test = ms.split(rows, seed)
    fits = {s: ms.fit_premia(train, s) for s in ("US", "non-US")}
    cells = ms.country_cells(train)
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    skipped = 0
    for row in test:
        pred = _predict(row, fits, cells)
        if pred is None:
            skipped += 1
            continue
        for key in ((row.country, row.band), (row.country, "all"), ("all", "all")):
            t = tally[key]
            t[0] += 1
            for i, (q, _) in enumerate(CUTS, 1):
                t[i] += row.pay < pred[q]
    print(f"\n(b) held-out survey rows (seed {seed}): fit on {len(train):,}, tested {len(test) - skipped:,} "
          f"({skipped} in countries with no cell); % of actual base below predicted p25/p50/p75 (ideal 25/50/75)")
    _print_tally(tally)


def _print_tally(tally: dict[tuple[str, str], list[int]]) -> None:
    order = {b: i for i, b in enumerate((*ms.EXPERIENCE_BANDS, "all"))}
    keys = sorted(tally, key=lambda k: (k[0] == "all", -tally[(k[0], "all")][0], order[k[1]]))
    print(f"  {'country':<8}{'band':<6}{'n':>7}{'<p25':>7}{'<p50':>7}{'<p75':>7}")
    for country, band in keys:
        n, *below = tally[(country, band)]
        if n < 20 and band != "all":
            continue
        print(f"  {country:<8}{band:<6}{n:>7}" + "".join(f"{100 * b / n:>7.1f}" for b in below))


def typical_offers() -> None:
    print("\n(c) typical public offers: percentile of base in its base benchmark (target p25-p85)")
    inside = 0
    cases = typical.files()
    for path in cases:
        c = typical.place(path)
        inside += c.inside
        print(f"  {c.name:<22} {c.base:>9,.0f}  {c.percentile!s:<10} {'ok ' if c.inside else 'OUT'} {c.place[:36]}")
        print(f"      source: {c.source}")
    print(f"  {inside} of {len(cases)} between p25 and p85")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--seed", type=int, default=20250119)
    args = parser.parse_args(argv)
    reproduction(args.data_dir / BLS_FILE)
    held_out(args.data_dir / SURVEY_FILE, args.seed)
    typical_offers()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
