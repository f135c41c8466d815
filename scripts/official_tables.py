"""The official pay tables of scripts/build_official.py: ONS ASHE (GB), Job Bank (CA), BA Entgeltatlas (DE).

Each builder reads the colleagues' extraction under RESEARCH/<country>/ and returns the packaged TOML text.
Every figure is copied as published (or as the research file labels it); nothing is derived here.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

import official_toml as toml_out

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

QUANTILES = ("p10", "p25", "p50", "p75", "p90")
PROVENANCE = ("Figures transcribed by colleagues for issue 23 (research folder {folder}, see its SOURCES.md) from "
              "the copies named in read_from; this file was built from {file} by scripts/build_official.py. The "
              "research folder is working material outside the repository: this file carries the provenance.")


def read(research: Path, rel: str) -> dict[str, Any]:
    with (research / rel).open("rb") as f:
        return tomllib.load(f)


def built_from(research: Path, rel: str) -> dict[str, str]:
    digest = hashlib.sha256((research / rel).read_bytes()).hexdigest()
    return {"file": f"research/{rel}", "sha256": digest}


def provenance(rel: str) -> str:
    return PROVENANCE.format(folder=f"research/{rel.split('/')[0]}/", file=f"research/{rel}")


# --- GB: ONS ASHE ---------------------------------------------------------------------------------------------

GB_AREAS: dict[str, dict[str, str]] = {
    "K02000001": {"name": "United Kingdom", "level": "uk"},
    "E92000001": {"name": "England", "level": "nation", "parent": "K02000001", "subdivision": "ENG"},
    "W92000004": {"name": "Wales", "level": "nation", "parent": "K02000001", "subdivision": "WLS"},
    "S92000003": {"name": "Scotland", "level": "nation", "parent": "K02000001", "subdivision": "SCT"},
    "N92000002": {"name": "Northern Ireland", "level": "nation", "parent": "K02000001", "subdivision": "NIR"},
    "E12000001": {"name": "North East", "level": "region", "parent": "E92000001"},
    "E12000002": {"name": "North West", "level": "region", "parent": "E92000001"},
    "E12000003": {"name": "Yorkshire and The Humber", "level": "region", "parent": "E92000001"},
    "E12000004": {"name": "East Midlands", "level": "region", "parent": "E92000001"},
    "E12000005": {"name": "West Midlands", "level": "region", "parent": "E92000001"},
    "E12000006": {"name": "East of England", "level": "region", "parent": "E92000001"},
    "E12000007": {"name": "London", "level": "region", "parent": "E92000001"},
    "E12000008": {"name": "South East", "level": "region", "parent": "E92000001"},
    "E12000009": {"name": "South West", "level": "region", "parent": "E92000001"},
}
_SAME_GROUP = "same minor group 213 (IT professionals)"
GB_PROXIES: dict[str, tuple[list[str], str]] = {
    "2131": (["2133", "2135", "2"], f"{_SAME_GROUP}: architects/designers, then cyber security; then major group 2"),
    "2132": (["2131", "2133", "2"], f"{_SAME_GROUP}: IT project managers (managers too), then architects/designers"),
    "2133": (["2131", "2135", "2"], f"{_SAME_GROUP}: project managers, then cyber security; then major group 2"),
    "2134": (["2133", "2131", "2135", "2"],
             f"{_SAME_GROUP}: 2133 designs the systems 2134 builds and is published in 11 of 12 regions and "
             "nations, the most of any 213x code; then 2131, 2135; then major group 2"),
    "2135": (["2133", "2131", "2"], f"{_SAME_GROUP}: architects/designers, then project managers"),
    "2136": (["2133", "2131", "2135", "2"], f"{_SAME_GROUP}: testers work on the systems 2133 designs"),
    "2137": (["2133", "2135", "2131", "2"], f"{_SAME_GROUP}: architects/designers, then cyber security"),
    "2139": (["2133", "2131", "2135", "2"], f"{_SAME_GROUP}: architects/designers, then project managers"),
    "2433": (["2"], "no other analysis occupation has regional medians here: major group 2 (its parent)"),
    "3544": (["2433", "2"], "statisticians (2433) are the nearest analysis occupation with regional medians; "
                            "then major group 2 (no major group 3 regional figures were extracted)"),
}


def _quality(cell: dict[str, Any]) -> str:
    return "; ".join(f"{k}: {v}" for k, v in cell.get("quality", {}).items())


def _ashe_cell(cell: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"table": cell["table"], "src": cell["src"]}
    if "p50" not in cell:
        out["status"] = "not_published"
    else:
        out["status"] = "published"
        out.update({q: cell[q] for q in QUANTILES if q in cell})
        missing = [q for q in QUANTILES if q not in cell]
        if missing:
            out["missing"] = missing
    if "jobs_thousands" in cell:
        out["jobs_thousands"] = cell["jobs_thousands"]
        out["jobs_src"] = cell.get("jobs_src", cell["src"])
    if cell.get("quality"):
        out["quality"] = _quality(cell)
    return out


def _ashe_meta(research: Path, rel: str, src: dict[str, Any]) -> dict[str, Any]:
    m = src["meta"]
    keep = ("publisher", "dataset", "released", "correction", "url", "licence", "attribution", "currency",
            "classification", "quality_note", "table15_coverage_note")
    return {
        "id": "ons-ashe-2025", "country": "GB", **{k: m[k] for k in keep[:5]},
        "tables": m["tables"],
        "reference_period": "April 2025 (provisional)",
        "pay_period": "6 April 2024 to 5 April 2025",
        "pay_period_note": m["reference_period_note"] + " Ageing starts from the middle of the tax year the annual "
                           "pay covers (pay_period), not from the April survey date.",
        **{k: m[k] for k in keep[5:]},
        "measure": m["measure"] + " (SOC 2020 unit groups; major group 2 from Tables 2/3)",
        "period": "year",
        "annualisation": "none: the ONS publishes gross annual pay",
        "n_unit": "jobs, ONS estimate in thousands (indicative); only where the copy read carries it",
        "status_rule": "every figure in [cells] is published by the ONS (status = 'published'; 'missing' lists "
                       "quantiles the ONS did not publish for the cell; a cell with status 'not_published' has no "
                       "median). Nothing in this file is derived: offercheck.market.anchors derives a missing "
                       "quantile and a region's figure for an occupation without its own regional median, each "
                       "labelled derived with its method.",
        "proxy_rule": "[proxies] lists, per occupation, the occupations whose regional/UK median ratio stands in "
                      "for its own where the ONS gives no regional median for it (closest first).",
        "read_from": m["read_from"],
        "extracted_by": provenance(rel),
        "built_from": built_from(research, rel),
    }


def ashe(research: Path) -> str:
    rel = "gb/ashe_2025.toml"
    src = read(research, rel)
    titles: dict[str, str] = {}
    cells: dict[str, dict[str, Any]] = {}
    for cell in src["cells"]:
        titles.setdefault(cell["soc"], cell["occupation"])
        cells.setdefault(cell["soc"], {})[cell["area_code"]] = _ashe_cell(cell)
    sections: list[tuple[str | None, dict[str, Any]]] = [
        ("meta", _ashe_meta(research, rel, src)),
        ("areas", GB_AREAS),
        ("occupations", titles),
        ("proxies", {soc: {"order": order, "reason": why} for soc, (order, why) in GB_PROXIES.items()}),
    ]
    sections += [(f"cells.{soc}", by_area) for soc, by_area in cells.items()]
    header = ("ONS ASHE 2025 provisional: gross annual pay of full-time employees by SOC 2020 occupation, UK,\n"
              "nations and English regions. Built by scripts/build_official.py; do not edit by hand.")
    return toml_out.document(header, sections)


# --- CA: Job Bank ---------------------------------------------------------------------------------------------

CA_NOCS = ("20012", "21211", "21221", "21222", "21223", "21231", "21232")
HOURS_PER_YEAR = 2080


def _jobbank_meta(research: Path, rel: str, src: dict[str, Any], regions: dict[str, Any]) -> dict[str, Any]:
    m = src["meta"]
    keep = ("publisher", "dataset", "release", "reference_period", "url", "resource_url", "read_from", "licence",
            "licence_url", "currency", "unit", "measure")
    return {
        "id": "jobbank-2025", "country": "CA", "classification": "NOC 2021",
        **{k: m[k] for k in keep},
        "pay_period": "per cell: the cell's reference period ('period'); ageing starts from its middle",
        "period": "hour",
        "hours_per_year": HOURS_PER_YEAR,
        "annualisation": "OUR convention, not Job Bank's: annual = hourly x 2,080 (40 h x 52 weeks). Job Bank "
                         "publishes these occupations per hour and gives no hours per year for them. "
                         f"Job Bank's own words: {m['annualisation']}",
        "quantiles": {"low": "p10", "q1": "p25", "median": "p50", "q3": "p75", "high": "p90"},
        "quantiles_note": "Job Bank: the low wage 'in most cases corresponds to the 10th percentile', the high "
                          "wage to the 90th (read in a third-party copy of Job Bank's Q&A); q1/q3 are the "
                          "Quartile1/Quartile3 columns, published only for Labour Force Survey / EI / Census cells "
                          "(Small Area Estimation cells have low, median and high only).",
        "suppression": m["suppression"],
        "source_code": m["source_code"],
        "same_as_province": "true where every published measure of an economic-region cell equals its province's "
                            "(derived flag of the research extraction; Job Bank may use a province figure for a "
                            "region)",
        "delineation": regions["meta"]["delineation"],
        "city_mapping": regions["meta"]["mapping_basis"],
        "city_caveat": regions["meta"]["caveat"],
        "n": "Job Bank publishes no number of employees per cell",
        "status_rule": "every figure in [cells] is published (status = 'published'); 'not_published' cells carry "
                       "Job Bank's comment (refer_to). Nothing is derived here.",
        "coverage": "NOC " + ", ".join(CA_NOCS) + "; Canada, every province and territory, and the economic "
                    "regions of the cities in [cities]",
        "checked": m["checked"],
        "extracted_by": provenance(rel),
        "built_from": [built_from(research, rel), built_from(research, "ca/economic_regions.toml")],
    }


def _jobbank_cell(cell: dict[str, Any]) -> dict[str, Any]:
    if cell["status"] != "published":
        return {"status": cell["status"], "refer_to": cell.get("refer_to", "")}
    out: dict[str, Any] = {"status": "published"}
    out.update({k: cell[k] for k in ("low", "q1", "median", "q3", "high") if k in cell})
    out["source"] = cell["data_source"]
    out["period"] = cell["reference_period"]
    if "source_code" in cell:
        out["code"] = cell["source_code"]
    if cell.get("same_as_province_derived"):
        out["same_as_province"] = True
    return out


def _jobbank_areas(src: dict[str, Any], keep: set[str]) -> dict[str, dict[str, str]]:
    areas: dict[str, dict[str, str]] = {}
    for cell in src["cells"]:
        code = cell["area_code"]
        if code in areas or not (cell["level"] != "economic_region" or code in keep):
            continue
        info = {"name": cell["area_name"], "level": cell["level"]}
        if cell["level"] == "province":
            info.update(parent="ER00", subdivision=cell["province"])
        elif cell["level"] == "economic_region":
            info.update(parent=f"ER{code[2:4]}")
        areas[code] = info
    return areas


def jobbank(research: Path) -> str:
    rel = "ca/jobbank_wages.toml"
    src = read(research, rel)
    regions = read(research, "ca/economic_regions.toml")
    areas = _jobbank_areas(src, {c["er_code"] for c in regions["cities"]})
    titles: dict[str, str] = {}
    cells: dict[str, dict[str, Any]] = {}
    for cell in src["cells"]:
        if cell["noc"] in CA_NOCS and cell["area_code"] in areas:
            titles.setdefault(cell["noc"], cell["occupation"])
            cells.setdefault(cell["noc"], {})[cell["area_code"]] = _jobbank_cell(cell)
    cities = {c["city"]: {"area": c["er_code"], "province": c["province"], **(
        {"note": c["note"]} if "note" in c else {})} for c in regions["cities"]}
    sections: list[tuple[str | None, dict[str, Any]]] = [
        ("meta", _jobbank_meta(research, rel, src, regions)), ("areas", areas), ("cities", cities),
        ("occupations", titles)]
    sections += [(f"cells.{noc}", by_area) for noc, by_area in sorted(cells.items())]
    header = ("ESDC Job Bank 'Wages' open data, 2025 release (file of 2025-11-19): hourly wages in CAD by NOC 2021\n"
              "occupation. Built by scripts/build_official.py; do not edit by hand.")
    return toml_out.document(header, sections)


# --- DE: BA Entgeltatlas and the Land ratios ------------------------------------------------------------------

# Land: AGS code -> (ISO 3166-2 code, name); every Land is listed, with or without a ratio.
LAENDER = {"01": ("SH", "Schleswig-Holstein"), "02": ("HH", "Hamburg"), "03": ("NI", "Niedersachsen"),
           "04": ("HB", "Bremen"), "05": ("NW", "Nordrhein-Westfalen"), "06": ("HE", "Hessen"),
           "07": ("RP", "Rheinland-Pfalz"), "08": ("BW", "Baden-Wuerttemberg"), "09": ("BY", "Bayern"),
           "10": ("SL", "Saarland"), "11": ("BE", "Berlin"), "12": ("BB", "Brandenburg"),
           "13": ("MV", "Mecklenburg-Vorpommern"), "14": ("SN", "Sachsen"), "15": ("ST", "Sachsen-Anhalt"),
           "16": ("TH", "Thueringen")}


def _ba_cell(cell: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"title": cell["occupation"], "level": cell["level"]}
    if "employees" in cell:
        out["employees"] = cell["employees"]
    out.update({q: cell[q] for q in ("p25", "p50", "p75") if cell.get(f"{q}_status") == "published"})
    censored = [q for q in ("p25", "p50", "p75") if cell.get(f"{q}_status") == "above_ceiling"]
    if censored:
        out["above_ceiling"] = censored
    published = any(cell.get(f"{q}_status") == "published" for q in ("p25", "p50", "p75"))
    out["status"] = "published" if published or censored else "not_published"
    return out


def _ceilings(research: Path) -> list[dict[str, Any]]:
    src = read(research, "de/contribution_ceilings.toml")
    return [{k: c[k] for k in ("year", "area", "monthly", "annual", "provision", "url")} for c in src["ceilings"]]


def entgeltatlas(research: Path) -> str:
    rel = "de/entgeltatlas.toml"
    src = read(research, rel)
    m = src["meta"]
    keep = ("publisher", "dataset", "table", "reference_date_basis", "released", "url", "url_method", "read_from",
            "licence", "measure", "currency", "ceiling", "ceiling_meaning", "not_published_marking")
    meta = {"id": "ba-entgeltatlas-2023", "country": "DE", "classification": "KldB 2010 (Fassung 2020)",
            "reference_period": "31 December 2023", "pay_period": "2023",
            "pay_period_note": "employees in employment on 31 December 2023; their pay covers the 2023 employment "
                               "period normalised to one month, so ageing starts from the middle of 2023",
            **{k: m[k] for k in keep}, "period": "month",
            "annualisation": "x 12: the BA's monthly figure is an average month that includes one-off payments "
                             "(Urlaubs-/Weihnachtsgeld, Tantiemen, Gratifikationen, overtime pay, Provisionen, "
                             "Abfindungen), so 12 months are the year. " + m["annualisation"],
            "censoring": "a quantile listed in above_ceiling is NOT a value: the BA shows only that it exceeds the "
                         "ceiling (pay above the pension contribution ceiling is not recorded). The loader derives "
                         "it from the uncensored quantiles and labels it derived.",
            "ceilings": _ceilings(research),
            "geography": "national only (Deutschland); Laender by entgeltatlas_land_ratios.toml (derived)",
            "n_unit": "employees (besetzung) on 31 December 2023",
            "status_rule": "every value in [cells] is published by the BA; nothing is derived here. [secondary] "
                           "holds 2024 medians from a press report (not used by the loader; for calibration).",
            "extracted_by": provenance(rel), "built_from": built_from(research, rel)}
    cells = {c["kldb"]: _ba_cell(c) for c in src["cells"]}
    secondary = [{k: c[k] for k in ("kldb", "occupation", "reference_date", "p50", "status", "read_from")}
                 for c in src["secondary_cells"]]
    header = ("BA Entgeltatlas: monthly gross pay (EUR) of full-time employees by KldB 2010 occupation,\n"
              "Deutschland, 31 December 2023. Built by scripts/build_official.py; do not edit by hand.")
    return toml_out.document(header, [("meta", meta), ("areas", {"DE": {"name": "Deutschland", "level": "national"}}),
                                      ("cells", cells), ("secondary", {"rows": secondary})])


def land_ratios(research: Path) -> str:
    rel = "de/land_pay_levels.toml"
    src = read(research, rel)
    m = src["meta"]
    meta = {"id": "ba-land-ratios", "country": "DE", **{k: m[k] for k in (
        "publisher", "table", "url", "measure", "currency", "period", "reference_dates", "coverage",
        "status_values", "ratio_method", "licence")},
        "ratio_rule": "the loader uses the NEWEST year's ratio of a Land (2024 where it exists, else the latest "
                      "year shipped): year to year the ratios move by < 0.3 percentage points, and 2024 holds the "
                      "two levels read on the BA's own page (Deutschland, Bayern)",
        "read_from": "per level (see [levels] rows): the BA's own page, BA press releases as reproduced, and "
                     "third-party extractions of the BA xlsx (repository @ commit)",
        "extracted_by": provenance(rel), "built_from": built_from(research, rel)}
    areas = {"DE": {"name": "Deutschland", "level": "national"}}
    areas |= {ags: {"name": name, "level": "land", "parent": "DE", "subdivision": iso}
              for ags, (iso, name) in LAENDER.items()}
    levels = [{k: row[k] for k in ("year", "area_code", "p50", "status") if k in row}
              | {"read_from": row.get("read_from", row.get("method", ""))} for row in src["levels"]]
    ratios = [{k: row[k] for k in ("year", "area_code", "ratio", "status", "method")} for row in src["ratios"]]
    header = ("BA Entgeltstatistik: median monthly pay of full-time employees, ALL occupations, by Land, and the\n"
              "DERIVED Land / Deutschland ratios. Built by scripts/build_official.py; do not edit by hand.")
    return toml_out.document(header, [("meta", meta), ("areas", areas),
                                      ("levels", {"rows": levels}), ("ratios", {"rows": ratios})])
