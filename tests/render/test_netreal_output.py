"""Output of compare --after-tax --real: the golden table and the JSON contract of issues 9 and 10."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from offercheck.cli.main import cli
from tests.cli.test_cli import EXAMPLE_FILES
from tests.conftest import check_golden, invoke

pytestmark = pytest.mark.usefixtures("in_repo")


def test_golden_table_after_tax_real(runner: CliRunner) -> None:
    code, out, _ = invoke("compare", *EXAMPLE_FILES, "--currency", "USD", "--after-tax", "--real",
                       "--home", "Austin, TX", "--equity", "paper")
    assert code == 0
    check_golden("compare_aftertax_real.txt", out)


def test_json_contract(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["compare", *EXAMPLE_FILES, "-c", "USD", "-f", "json", "--after-tax", "--real",
                                 "--years", "2"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["after_tax"]["tax_year"] == 2026 and doc["rank_by"] == "total"
    assert set(doc["real"]) == {"currency", "home"}
    for offer in doc["offers"]:
        for y in offer["years"]:
            assert {"tax", "net", "real_total", "real_net"} <= set(y)
            assert set(y["tax"]) == {"year", "total", "lines"}
            assert all({"name", "amount"} <= set(x) for x in y["tax"]["lines"])
            assert y["tax"]["total"] == pytest.approx(sum(x["amount"] for x in y["tax"]["lines"]), abs=0.05)
            assert y["net"] == pytest.approx(y["total"] - y["tax"]["total"], abs=0.01)
            assert y["take_home"] == pytest.approx(y["net"] - y["benefits"], abs=0.01)
        assert offer["net"] == pytest.approx(sum(y["net"] for y in offer["years"]), abs=0.05)
        assert offer["take_home"] == pytest.approx(sum(y["take_home"] for y in offer["years"]), abs=0.05)
        assert offer["tax_note"] is None
        assert offer["real_total"] == pytest.approx(sum(y["real_total"] for y in offer["years"]), abs=0.05)
        level = offer["price_level"]
        assert {"index", "geography", "name", "year", "source", "note"} <= set(level)
        assert offer["tax_notes"]


def test_csv_columns(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["compare", *EXAMPLE_FILES, "-c", "USD", "-f", "csv", "--after-tax", "--real"])
    header, first = (line.split(",") for line in result.stdout.splitlines()[:2])
    # Real pay is in the home currency: by default the first offer's (examples/bank-toronto.toml: CAD).
    assert header[-5:] == ["estimated_tax", "estimated_net", "estimated_take_home", "real_total_CAD", "real_net_CAD"]
    total, tax, net = float(first[header.index("total")]), float(first[-5]), float(first[-4])
    assert net == pytest.approx(total - tax, abs=0.01)
    benefits, cash = float(first[header.index("benefits")]), float(first[-3])
    assert cash == pytest.approx(net - benefits, abs=0.01)
