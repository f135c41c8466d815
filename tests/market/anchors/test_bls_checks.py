"""The BLS cells checked against republished figures of the May 2025 release (data/market/bls_checks.toml): every
figure there equals the shipped extract, and the source line counts them."""

from __future__ import annotations

import csv
from pathlib import Path

from offercheck.datafiles import packaged_json, packaged_toml
from offercheck.market.anchors.bls import checked_cells, source_title

QUANTILES = ("p10", "p25", "p50", "p75", "p90")


def test_every_checked_figure_equals_the_extract() -> None:
    wages = packaged_json("market/bls_anchor.json")["wages"]
    cells = packaged_toml("market/bls_checks.toml")["cells"]
    compared = 0
    for cell in cells:
        row = wages[cell["area"]][cell["soc"]]
        for name, value in cell["figures"].items():
            if name in QUANTILES:
                assert row[QUANTILES.index(name)] == value, (cell["area_name"], cell["soc"], name)
                compared += 1
            elif name == "employment":
                assert row[5] == value
                compared += 1
        assert cell["where"]
    assert len(cells) == checked_cells() == 11 and compared == 21  # the hourly figures and means: raw CSV below


def test_the_source_line_says_what_was_checked() -> None:
    assert source_title("May 2025") == "BLS OEWS May 2025 (11 cells match republished BLS figures)"


def test_the_hourly_figures_and_means_equal_the_raw_extract(bls_csv: Path) -> None:
    with bls_csv.open(newline="", encoding="utf-8") as f:
        raw = {(r["AREA"], r["OCC_CODE"]): r for r in csv.DictReader(f)}
    columns = {"h_p10": "H_PCT10", "h_p25": "H_PCT25", "h_p50": "H_MEDIAN", "h_p75": "H_PCT75", "h_p90": "H_PCT90",
               "mean": "A_MEAN"}
    compared = 0
    for cell in packaged_toml("market/bls_checks.toml")["cells"]:
        row = raw[(cell["area"], cell["soc"])]
        for name, value in cell["figures"].items():
            if name in columns:
                assert float(row[columns[name]]) == value, (cell["area_name"], cell["soc"], name)
                compared += 1
    assert compared == 11  # 10 hourly percentiles (15-1252, 15-2051 national) and the 11-3021 mean: 32 in all
