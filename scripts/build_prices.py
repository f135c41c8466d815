#!/usr/bin/env python3
"""Regenerate src/offercheck/data/prices.toml from the cost-of-living extracts in shared/data/col/.

Usage:
    python scripts/build_prices.py [COL_DIR] [-o OUT]     # COL_DIR defaults to ../shared/data/col

Needs Babel (CLDR) at build time only, for English country names and each country's currency;
the runtime reads just the generated TOML. See shared/data/col/SOURCES.md for the input provenance.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_COL = ROOT.parent / "shared" / "data" / "col"
DEFAULT_OUT = ROOT / "src" / "offercheck" / "data" / "prices.toml"

US_STATES = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA",
    "Colorado": "CO", "Connecticut": "CT", "Delaware": "DE", "District of Columbia": "DC",
    "Florida": "FL", "Georgia": "GA", "Hawaii": "HI", "Idaho": "ID", "Illinois": "IL", "Indiana": "IN",
    "Iowa": "IA", "Kansas": "KS", "Kentucky": "KY", "Louisiana": "LA", "Maine": "ME", "Maryland": "MD",
    "Massachusetts": "MA", "Michigan": "MI", "Minnesota": "MN", "Mississippi": "MS", "Missouri": "MO",
    "Montana": "MT", "Nebraska": "NE", "Nevada": "NV", "New Hampshire": "NH", "New Jersey": "NJ",
    "New Mexico": "NM", "New York": "NY", "North Carolina": "NC", "North Dakota": "ND", "Ohio": "OH",
    "Oklahoma": "OK", "Oregon": "OR", "Pennsylvania": "PA", "Rhode Island": "RI", "South Carolina": "SC",
    "South Dakota": "SD", "Tennessee": "TN", "Texas": "TX", "Utah": "UT", "Vermont": "VT",
    "Virginia": "VA", "Washington": "WA", "West Virginia": "WV", "Wisconsin": "WI", "Wyoming": "WY",
}  # fmt: skip

# CLDR pseudo-territories and groupings that are not countries.
NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}

# Where the World Bank 2023 figure's currency differs from what people are paid in today.
# Bulgaria adopted the euro on 2026-01-01 at the irrevocably fixed rate of 1.95583 BGN per EUR (the ECB
# series stops at 2025-12-31); a PPP in BGN per international $ divided by it is the same PPP in EUR.
EURO_CHANGEOVERS = {"BG": ("BGN", 1.95583, "2026-01-01")}
# The balboa is pegged 1:1 to the US dollar, which is what circulates as notes and what salaries use.
PAR_PEGS = {"PA": "USD"}
# WDI's "LCU" for West Bank and Gaza is not clearly a single currency (ILS, JOD and USD all circulate),
# so its figure cannot be converted safely; it is left out rather than guessed.
DROP_PPP = {"PS": "the World Bank figure's currency is ambiguous (ILS, JOD and USD all circulate)"}

# A date after every currency change the data above accounts for (fixed, so runs are reproducible).
CURRENCY_DATE = dt.date(2026, 1, 1)

# BEA appends " (Metropolitan Statistical Area)" and, on three new delineations, a footnote marker "*"
# whose footnote is not in the extract; neither is part of the metro's name.
METRO_SUFFIX = re.compile(r"\s*\(Metropolitan Statistical Area\)(\s*\*)?\s*$")

SOURCES = {
    "us_metros": (
        "U.S. Bureau of Economic Analysis, Regional Price Parities by MSA (MARPP), 2023; 2-decimal extract "
        "in tangysaurus/Affordability data/MARPP_MSA_2008_2023.csv @ 225afbcb"
    ),
    "us_states": (
        "U.S. Bureau of Economic Analysis, Regional Price Parities by state (SARPP), 2023 "
        "(bulk file updated 2025-02-20)"
    ),
    "countries": (
        "World Bank, World Development Indicators, PA.NUS.PRVT.PP: PPP conversion factor, private "
        "consumption (LCU per international $), 2023; currencies and names from Unicode CLDR via Babel"
    ),
}
LICENCES = {
    "us_metros": "Public domain (US federal work); cite U.S. Bureau of Economic Analysis, MARPP",
    "us_states": "Public domain (US federal work); cite U.S. Bureau of Economic Analysis, SARPP",
    "countries": "CC BY 4.0; attribute The World Bank: World Development Indicators: PA.NUS.PRVT.PP",
}


def _q(s: str) -> str:
    # JSON string escaping is valid TOML basic-string escaping for the characters we emit.
    return json.dumps(s, ensure_ascii=False)


def _num(x: float) -> str:
    return repr(float(x))  # shortest text that reads back as the same float


def _own_currency(iso2: str, options: list[str]) -> str:
    # CLDR lists every legal tender; prefer the country's own (its ISO 4217 code starts with the ISO2 code),
    # which is what the World Bank's "local currency unit" means.
    own = [c for c in options if c.startswith(iso2)]
    return (own or options)[0]


def build(col: Path) -> str:
    from babel import Locale
    from babel import __version__ as babel_version
    from babel.numbers import get_territory_currencies

    with (col / "bea_rpp_2023_metros.csv").open(newline="", encoding="utf-8") as fh:
        metros = [r for r in csv.DictReader(fh) if r["cbsa_code"] not in ("00000", "00999")]
    with (col / "bea_rpp_2023_states.csv").open(newline="", encoding="utf-8") as fh:
        states = [r for r in csv.DictReader(fh) if r["geo_fips"] != "00000"]
    with (col / "worldbank_ppp_private_consumption_2023.csv").open(newline="", encoding="utf-8") as fh:
        ppp_rows = list(csv.DictReader(fh))
    ppp = {r["iso2"]: float(r["ppp_lcu_per_intl_dollar"]) for r in ppp_rows}
    assert all(r["year"] == "2023" for r in ppp_rows)

    out = [
        "# generated by scripts/build_prices.py from shared/data/col/*.csv — do not edit by hand",
        "# Price levels for comparing pay in real terms. rpp/housing: BEA regional price parity, US = 100.",
        "# ppp: local currency units per international $ (private consumption); currency: ISO 4217 of ppp.",
        "",
    ]

    out += [
        "[us_metros]",
        f"source = {_q(SOURCES['us_metros'])}",
        "year = 2023",
        f"licence = {_q(LICENCES['us_metros'])}",
        'columns = ["cbsa", "name", "rpp", "housing"]',
        "rows = [",
    ]
    for r in sorted(metros, key=lambda r: r["cbsa_code"]):
        name = METRO_SUFFIX.sub("", r["name"])
        out.append(f"  [{_q(r['cbsa_code'])}, {_q(name)}, {_num(float(r['rpp_all_items']))}, "
                   f"{_num(float(r['rpp_housing']))}],")  # fmt: skip
    out += ["]", ""]

    missing = [r["name"] for r in states if r["name"] not in US_STATES]
    if missing or len(states) != 51:
        raise SystemExit(f"unexpected state rows: {missing or len(states)}")
    out += [
        "[us_states]",
        f"source = {_q(SOURCES['us_states'])}",
        "year = 2023",
        f"licence = {_q(LICENCES['us_states'])}",
        'columns = ["code", "name", "rpp", "housing"]',
        "rows = [",
    ]
    for r in sorted(states, key=lambda r: US_STATES[r["name"]]):
        out.append(f"  [{_q(US_STATES[r['name']])}, {_q(r['name'])}, {_num(float(r['rpp_all_items']))}, "
                   f"{_num(float(r['rpp_housing']))}],")  # fmt: skip
    out += ["]", ""]

    names = Locale("en").territories
    countries = []
    for iso2, name in names.items():
        if len(iso2) != 2 or not iso2.isalpha() or iso2 in NOT_COUNTRIES:
            continue
        options = list(get_territory_currencies(iso2, CURRENCY_DATE))
        if not options:
            continue  # uninhabited territories (Antarctica, ...): nobody is paid there
        currency = PAR_PEGS.get(iso2) or _own_currency(iso2, options)
        value = ppp.get(iso2)
        if iso2 in EURO_CHANGEOVERS and value is not None:
            _old, fixed, _since = EURO_CHANGEOVERS[iso2]
            value, currency = value / fixed, "EUR"
        if iso2 in DROP_PPP:
            value = None
        countries.append((iso2, name, currency, value))
    unknown = set(ppp) - {c[0] for c in countries}
    if unknown:
        raise SystemExit(f"PPP rows with no CLDR territory: {sorted(unknown)}")

    out += [
        "[countries]",
        f"source = {_q(SOURCES['countries'] + f' {babel_version}')}",
        "year = 2023",
        f"licence = {_q(LICENCES['countries'])}",
        "# ppp is nan where the World Bank has no 2023 figure (TOML has no null).",
        'columns = ["iso2", "name", "currency", "ppp"]',
        "rows = [",
    ]
    for iso2, name, currency, value in sorted(countries):
        out.append(f"  [{_q(iso2)}, {_q(name)}, {_q(currency)}, {'nan' if value is None else _num(value)}],")
    out += ["]"]
    notes = [f"{k}: ppp converted from {v[0]} to EUR at {v[1]} (euro since {v[2]})"
             for k, v in EURO_CHANGEOVERS.items()]  # fmt: skip
    notes += [f"{k}: currency {v} (pegged at par to the local unit)" for k, v in PAR_PEGS.items()]
    notes += [f"{k}: ppp left out: {v}" for k, v in DROP_PPP.items()]
    out.append(f"notes = [{', '.join(_q(n) for n in notes)}]")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("col", type=Path, nargs="?", default=DEFAULT_COL, help="directory with the CSV extracts")
    p.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT)
    args = p.parse_args(argv)
    args.output.write_text(build(args.col), encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
