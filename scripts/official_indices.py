"""The wage indexes of scripts/build_official.py: BLS ECI (US), ONS AWE (GB), StatCan SEPH (CA), Destatis
Nominallohnindex (DE).

Each point of a packaged index has its period as published, the date that period stands for (``date_rule`` in
the file's [meta]), its value, and whether it is published or derived (with the method). The GB AWE series is the
only one derived here: a few published levels plus year-on-year growth rates (method in ``awe``).
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import official_toml as toml_out
from official_tables import built_from, provenance, read

MID_MONTH = "a month stands for its 15th day"


def _month(period: str, day: int = 15) -> dt.date:
    year, month = period.split("-")
    return dt.date(int(year), int(month), day)


def _eci_date(period: str) -> dt.date:
    year, quarter = period.split("-Q")
    return dt.date(int(year), 3 * int(quarter), 12)


def eci(research: Path) -> str:
    rel = "us/eci_private_wages.toml"
    src = read(research, rel)
    m = src["meta"]
    meta = {"id": "bls-eci-private-wages", "country": "US", "name": "ECI",
            "source": "U.S. BLS, Employment Cost Index: wages and salaries, private industry workers, seasonally "
                      "adjusted (CIS2020000000000I)",
            **{k: m[k] for k in ("publisher", "dataset", "series_id", "series", "base", "seasonal_adjustment",
                                 "table", "url", "read_from", "licence", "reference", "newest", "missing",
                                 "checks")},
            "unit": "index",
            "date_rule": "a quarter stands for the 12th of its last month (BLS: the pay period including the 12th "
                         "of March, June, September, December)",
            "extracted_by": provenance(rel), "built_from": built_from(research, rel)}
    values = [{"period": v["period"], "date": _eci_date(v["period"]), "value": v["value"], "status": v["status"],
               **({"method": v["method"]} if v["status"] == "derived" else {}), "read_from": v["read_from"]}
              for v in src["values"]]
    header = ("BLS Employment Cost Index, wages and salaries, private industry workers, seasonally adjusted.\n"
              "Built by scripts/build_official.py; do not edit by hand.")
    return toml_out.document(header, [("meta", meta), ("values", {"rows": values})])


def _interpolate(levels: list[tuple[dt.date, float]], day: dt.date) -> tuple[float, str]:
    """A level on ``day``: published, or linear in days between the two published levels around it."""
    for (d0, v0), (d1, v1) in itertools.pairwise(levels):
        if d0 <= day <= d1:
            if day in (d0, d1):
                return (v0 if day == d0 else v1), "published"
            share = (day - d0).days / (d1 - d0).days
            value = v0 + (v1 - v0) * share
            return value, (f"interpolated linearly in days between the published {d0:%Y-%m} {v0:g} and "
                           f"{d1:%Y-%m} {v1:g}: {value:.4f}")
    raise ValueError(f"no published level around {day}")


def _awe_points(src: dict[str, Any]) -> list[dict[str, Any]]:
    levels = [(_month(v["period"]), float(v["value"])) for v in src["values"]]
    points = [{"period": v["period"], "date": _month(v["period"]), "value": v["value"], "status": "published",
               "read_from": v["source_url"], "quote": v["quote"]} for v in src["values"]]
    for g in src["growth"]:
        day = _month(g["period"])
        if day <= levels[-1][0]:
            continue
        year_ago = day.replace(year=day.year - 1)
        base, how = _interpolate(levels, year_ago)
        value = round(base * (1 + g["value_pct"] / 100), 3)
        points.append({"period": g["period"], "date": day, "value": value, "status": "derived",
                       "method": f"level {year_ago:%Y-%m} x (1 + {g['value_pct']}/100), the published KAI9 growth "
                                 f"of {g['period']}; level {year_ago:%Y-%m} {how}",
                       "read_from": g["source_url"], "vintage": g["vintage"]})
    return points


def awe(research: Path) -> str:
    rel = "gb/awe_regular_pay.toml"
    src = read(research, rel)
    m = src["meta"]
    meta = {"id": "ons-awe-regular-pay", "country": "GB", "name": "AWE regular pay",
            "source": "ONS, Average Weekly Earnings: regular pay, whole economy, Great Britain, seasonally adjusted "
                      "(KAI7 levels; the points after 2025-06 derived from KAI9 growth)",
            **{k: m[k] for k in ("publisher", "series_id", "title", "seasonal_adjustment", "unit", "geography",
                                 "url", "read_from", "licence", "why_kai7", "vintage_note", "growth_series_id",
                                 "growth_note", "completeness")},
            "date_rule": MID_MONTH,
            "method": "published KAI7 levels (first prints in ONS bulletins) as they are; after the last published "
                      "level, each month with a published KAI9 growth rate g gets the DERIVED level L(m) = "
                      "L(m - 12 months) x (1 + g/100), L(m - 12) being a published level or the linear "
                      "interpolation (in days) between the two published levels around it. KAI9 compares 3-month "
                      "averages; applying it to the month that ends the 3 months is an approximation. Growth "
                      "rates for months up to the last level are shipped in [growth] and not used.",
            "caution": "the 2026-05 and 2026-06 growth figures were read in stored files of repositories that "
                       "could not be identified (see each point's vintage); re-read them from the ONS",
            "extracted_by": provenance(rel), "built_from": built_from(research, rel)}
    growth = [{"period": g["period"], "pct": g["value_pct"], "status": "published", "vintage": g["vintage"],
               "read_from": g["source_url"]} for g in src["growth"]]
    header = ("ONS Average Weekly Earnings, regular pay, whole economy, Great Britain (KAI7 levels, GBP a week),\n"
              "with points DERIVED from KAI9 growth. Built by scripts/build_official.py; do not edit by hand.")
    return toml_out.document(header, [("meta", meta), ("values", {"rows": _awe_points(src)}),
                                      ("growth", {"rows": growth})])


def seph(research: Path) -> str:
    rel = "ca/seph_awe.toml"
    src = read(research, rel)
    m = src["meta"]
    meta = {"id": "statcan-seph-awe", "country": "CA", "name": "SEPH average weekly earnings",
            "source": "Statistics Canada, SEPH: average weekly earnings including overtime, all employees, Canada, "
                      "seasonally adjusted (Table 14-10-0223-01, v79311153)",
            **{k: m[k] for k in ("publisher", "survey", "table", "series", "vector", "unit", "url", "doi",
                                 "read_from", "vintage", "licence", "licence_url", "checked")},
            "date_rule": MID_MONTH, "status_rule": "every value is published (one vintage, 2026-05-07)",
            "extracted_by": provenance(rel), "built_from": built_from(research, rel)}
    values = [{"period": v["period"], "date": _month(v["period"]), "value": v["value"], "status": "published"}
              for v in src["values"]]
    header = ("Statistics Canada SEPH, average weekly earnings including overtime, all employees, Canada, SA.\n"
              "Built by scripts/build_official.py; do not edit by hand.")
    return toml_out.document(header, [("meta", meta), ("values", {"rows": values})])


def nominallohnindex(research: Path) -> str:
    rel = "de/nominallohnindex.toml"
    src = read(research, rel)
    m = src["meta"]
    meta = {"id": "destatis-nominallohnindex", "country": "DE", "name": "Nominallohnindex",
            "source": "Destatis, Nominallohnindex, Deutschland, annual (2025 = 100; the 2023 and 2024 levels "
                      "derived from the published annual rates)",
            **{k: m[k] for k in ("publisher", "dataset", "table", "url", "read_from", "licence", "base", "measure",
                                 "seasonal", "missing")},
            "unit": "index, 2025 = 100 (annual)",
            "date_rule": "a year stands for 1 July (the middle of the year its annual index averages)",
            "method": "annual index on base 2025 = 100: 2025 = 100 by the base, 2024 = 100 / (1 + 4.2/100) and "
                      "2023 = index 2024 / (1 + 5.4/100), from the published annual rates (DERIVED levels). The "
                      "monthly index on base 2022 = 100 is not shipped (old base, strong seasonality); the "
                      "quarterly rates in [rates] are shipped for reference and not used.",
            "extracted_by": provenance(rel), "built_from": built_from(research, rel)}
    values = [{"period": v["period"], "date": dt.date(int(v["period"]), 7, 1), "value": v["value"],
               "status": "derived" if v["status"] == "derived" else "base",
               "method": v.get("method", v["status"])}
              for v in src["values"] if v["unit"] == "index_2025=100"]
    values.sort(key=lambda v: v["period"])
    rates = [{"period": v["period"], "pct": v["value"], "status": v["status"], "read_from": v["read_from"]}
             for v in src["values"] if v["unit"] == "yoy_pct"]
    header = ("Destatis Nominallohnindex (gross monthly earnings incl. special payments, all employees), annual\n"
              "index on base 2025 = 100. Built by scripts/build_official.py; do not edit by hand.")
    return toml_out.document(header, [("meta", meta), ("values", {"rows": values}), ("rates", {"rows": rates})])
