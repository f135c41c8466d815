#!/usr/bin/env python3
"""Build the packaged official pay tables and wage indexes from the team's research extractions.

Usage:
    python scripts/build_official.py [--research /work/research] [--check]

Input: the files colleagues extracted for issue 23 under RESEARCH/{gb,ca,de,us}/ (each folder's SOURCES.md says
which figures are official, copied, secondary or derived, and where each was read). Those folders are the
colleagues' working material, not part of this repository: what they found is carried into the packaged files,
figure by figure, with its provenance (publisher, table, reference period, official URL, the page or
repository + path + commit it was read from, and whether it is published or derived, with the method).

Output (src/offercheck/data/market/):
    official/ashe_2025.toml               ONS ASHE 2025 provisional, full-time gross annual pay (GB)
    official/jobbank_2025.toml            ESDC Job Bank wages, 2025 release, hourly (CA)
    official/entgeltatlas_2023.toml       BA Entgeltatlas, 31 December 2023, monthly (DE, national)
    official/entgeltatlas_land_ratios.toml  BA all-occupations Land medians and the DERIVED Land/Deutschland ratios
    indices/eci_private_wages.toml        BLS ECI, private wages and salaries, SA (US)
    indices/awe_regular_pay.toml          ONS AWE regular pay (KAI7 levels, KAI9 growth), with DERIVED points (GB)
    indices/seph_awe.toml                 StatCan SEPH average weekly earnings, SA (CA)
    indices/nominallohnindex.toml         Destatis Nominallohnindex, annual, 2025=100 (DE)

Only the occupations and areas the product uses are kept (software, data and ML occupations; GB: UK, nations,
regions; CA: Canada, provinces and territories, the economic regions of the main cities; DE: Deutschland and the
Laender with a ratio). No quantile is derived here: the loaders (offercheck.market.anchors) do that by one
stated method at run time. --check rebuilds in memory and exits 1 if a packaged file differs.
Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import official_indices
import official_tables

OUT = Path(__file__).resolve().parents[1] / "src" / "offercheck" / "data" / "market"

BUILDERS: dict[str, Callable[[Path], str]] = {
    "official/ashe_2025.toml": official_tables.ashe,
    "official/jobbank_2025.toml": official_tables.jobbank,
    "official/entgeltatlas_2023.toml": official_tables.entgeltatlas,
    "official/entgeltatlas_land_ratios.toml": official_tables.land_ratios,
    "indices/eci_private_wages.toml": official_indices.eci,
    "indices/awe_regular_pay.toml": official_indices.awe,
    "indices/seph_awe.toml": official_indices.seph,
    "indices/nominallohnindex.toml": official_indices.nominallohnindex,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--research", type=Path, default=Path("/work/research"),
                        help="folder holding gb/ ca/ de/ us/ (the colleagues' extractions)")
    parser.add_argument("--check", action="store_true", help="compare with the packaged files, write nothing")
    args = parser.parse_args(argv)
    stale = []
    for name, build in BUILDERS.items():
        text = build(args.research)
        path = OUT / name
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"{name}: {len(text.encode()):,} bytes, sha256 {hashlib.sha256(text.encode()).hexdigest()[:12]}")
    for name in stale:
        print(f"stale: {name}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
