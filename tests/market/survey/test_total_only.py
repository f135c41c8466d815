"""A survey of total pay alone (`--map total=COL`, no base column): the file has no base, and an offer scored
with it is placed on total pay, with its base percentile absent rather than made up."""

from __future__ import annotations

import json
from pathlib import Path

from offercheck.market.benchmark_files import load_benchmarks
from tests.conftest import invoke

NO_BASE = "n/a (file has total pay only)"


def _build(tmp_path: Path) -> Path:
    # 40 data scientists in the US with total pay 100,000 + 1,000 i: type-7 quantiles at h = 39 p are
    # p10 103,900, p25 109,750, p50 119,500, p75 129,250, p90 135,100.
    survey = tmp_path / "totals.csv"
    survey.write_text("title,country,pay\n" + "".join(f"Data Scientist,US,{100_000 + 1000 * i}\n" for i in range(40)),
                      encoding="utf-8")
    out = tmp_path / "totals.toml"
    code, _, err = invoke("benchmarks", "build", str(survey), "-o", str(out),
                          "--map", "role=title", "--map", "country=country", "--map", "total=pay")
    assert code == 0, err
    return out


def _offer(tmp_path: Path, base: int, name: str = "offer.toml", company: str = "Acme") -> Path:
    path = tmp_path / name
    path.write_text(f'[offer]\ncompany = "{company}"\nrole = "Data Scientist"\n[location]\ncountry = "US"\n'
                    f"[salary]\nbase = {base}\n", encoding="utf-8")
    return path


def test_built_file_has_total_quantiles_and_no_base(tmp_path: Path) -> None:
    bench = _build(tmp_path)
    text = bench.read_text(encoding="utf-8")
    assert "\nbase = " not in text  # not one cell writes the total distribution as base
    cells = {c.key: c for c in load_benchmarks(bench).cells}
    cell = cells[("data scientist", None, "US", None)]
    assert cell.base is None and cell.total_includes_equity and cell.n == 40
    assert cell.method is not None and "total pay" in cell.method and "base" not in cell.method
    assert cell.total is not None
    assert (cell.total.p10, cell.total.p50, cell.total.p75) == (103_900, 119_500, 129_250)


def test_compare_scores_total_and_leaves_base_null(tmp_path: Path) -> None:
    bench = _build(tmp_path)
    code, out, err = invoke("compare", str(_offer(tmp_path, 125_000)), "--benchmarks", str(bench),
                            "--format", "json")
    assert code == 0, err
    offer = json.loads(out)["offers"][0]
    score, benchmark = offer["score"], offer["benchmark"]
    # No raises, bonus or equity: total pay is 125,000 a year, between p50 119,500 and p75 129,250.
    expected = 50 + 25 * (125_000 - 119_500) / (129_250 - 119_500)
    assert score["basis"] == "total"
    assert abs(score["total_percentile"] - expected) < 0.05 and abs(score["overall"] - expected) < 0.05
    assert score["base_percentile"] is None and score["cash_percentile"] is None
    assert benchmark["base"] is None and benchmark["base_p50"] is None and benchmark["cash"] is None
    assert benchmark["total_p50"] == 119_500


def test_table_markdown_and_html_say_the_file_has_total_pay_only(tmp_path: Path) -> None:
    bench = _build(tmp_path)
    offer = str(_offer(tmp_path, 125_000))
    for fmt in ("table", "markdown", "html"):
        code, out, err = invoke("compare", offer, "--benchmarks", str(bench), "--format", fmt, "--explain")
        assert code == 0, err
        assert NO_BASE in out, fmt


def test_negotiate_asks_no_market_base_but_a_rival_base_counts(tmp_path: Path) -> None:
    bench = _build(tmp_path)
    offer = str(_offer(tmp_path, 100_000))  # below the market's p10 total: a cash market would ask for more
    code, out, err = invoke("negotiate", offer, "--benchmarks", str(bench), "--format", "json")
    assert code == 0, err
    assert json.loads(out)["counter"]["base"] == 100_000  # no base benchmark: no base ask from the market
    rival = str(_offer(tmp_path, 110_000, "rival.toml", "Rival"))
    code, out, err = invoke("negotiate", offer, rival, "--benchmarks", str(bench), "--format", "json")
    assert code == 0, err
    assert json.loads(out)["counter"]["base"] == 110_000  # the competing offer's base
