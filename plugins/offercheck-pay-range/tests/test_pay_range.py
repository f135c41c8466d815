"""offercheck-pay-range: its hooks on their own (hand arithmetic), then as offercheck loads the installed plugin.

Like the plugin, the tests use only offercheck's public API: ``from offercheck import ...`` and the command line.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from offercheck import Offer, evaluate, get_plugin_manager, load_rates

import offercheck_pay_range as pay_range

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "posted-range.toml"
SOURCE = "job ad JR-2291, posted 2026-10-12"


class Run:
    def __init__(self, done: subprocess.CompletedProcess[str]) -> None:
        self.exit_code, self.stdout, self.stderr = done.returncode, done.stdout, done.stderr
        self.output = done.stdout + done.stderr


def offercheck_cli(*args: str) -> Run:
    """The installed ``offercheck`` command, run as a user runs it."""
    return Run(subprocess.run([sys.executable, "-m", "offercheck", *args], capture_output=True, text=True))


def offer(base: float = 160_000, raise_percent: float = 0, **table: Any) -> Offer:
    posted = {"min": 150_000, "max": 200_000, "source": SOURCE, **table}
    return Offer.model_validate({"offer": {"company": "Peakline"},
                                 "salary": {"base": float(base), "annual_raise_percent": raise_percent},
                                 "plugins": {"pay_range": posted}})


def test_position_in_the_range() -> None:
    posted = pay_range.PayRange(min=150_000, max=200_000, source=SOURCE)
    assert pay_range.position(160_000, posted) == pytest.approx(20)  # (160 - 150) / (200 - 150)
    assert pay_range.position(200_000, posted) == pytest.approx(100)
    assert pay_range.position(140_000, posted) < 0


def test_adjustment_is_a_note_that_leaves_the_market_alone() -> None:
    adjustment = pay_range.offercheck_adjust(offer(), benchmark=None)
    assert adjustment is not None
    assert adjustment.multiplier == 1.0
    assert "base 160,000 is at 20% of the posted range 150,000-200,000 USD" in adjustment.reason
    assert adjustment.source == SOURCE


def test_no_table_no_effect() -> None:
    plain = Offer.model_validate({"offer": {"company": "A"}, "salary": {"base": 100_000.0}})
    assert pay_range.offercheck_adjust(plain, benchmark=None) is None
    assert pay_range.offercheck_talking_points(plain, evaluate(plain), []) == []


def test_talking_point_asks_for_the_midpoint() -> None:
    o = offer()
    [point] = pay_range.offercheck_talking_points(o, evaluate(o, years=4), [])
    # Midpoint (150,000 + 200,000) / 2 = 175,000; 15,000 more base in each of 4 years = 60,000.
    assert point.amount == pytest.approx(60_000)
    assert point.ask == "base 175,000 USD"
    assert "at 20% of the posted range" in point.text
    assert point.source == SOURCE


def test_talking_point_counts_the_raises() -> None:
    o = offer(raise_percent=3)
    [point] = pay_range.offercheck_talking_points(o, evaluate(o, years=4), [])
    # 15,000 more in year 1, growing 3% a year: 15,000 * (1 + 1.03 + 1.0609 + 1.092727) = 62,754.405.
    assert point.amount == pytest.approx(62_754.405)


def test_no_talking_point_at_or_above_the_midpoint() -> None:
    for base in (175_000, 190_000, 250_000):
        o = offer(base=base)
        assert pay_range.offercheck_talking_points(o, evaluate(o), []) == []


def test_range_in_another_currency_is_converted() -> None:
    o = offer(base=160_000, min=150_000, max=200_000, currency="EUR")
    fx = load_rates().rate("EUR", "USD")
    adjustment = pay_range.offercheck_adjust(o, benchmark=None)
    assert adjustment is not None
    assert f"{150_000 * fx:,.0f}-{200_000 * fx:,.0f} USD" in adjustment.reason


def test_installed_plugin_is_listed() -> None:
    result = offercheck_cli("plugins", "--json")
    assert result.exit_code == 0, result.output
    [entry] = [p for p in json.loads(result.stdout) if p["name"] == "pay_range"]
    assert entry["package"] == "offercheck-pay-range"
    assert entry["version"] == pay_range.__version__
    assert entry["hooks"] == ["offercheck_adjust", "offercheck_plugin_settings", "offercheck_talking_points"]


def test_compare_shows_the_placement_unless_blocked() -> None:
    shown = offercheck_cli("compare", str(EXAMPLE), "--wide", "--explain")  # a factor: in the factor table
    assert shown.exit_code == 0, shown.output
    assert "base 160,000 is at 20% of the posted range 150,000-200,000 USD" in shown.stdout
    blocked = offercheck_cli("compare", str(EXAMPLE), "--without", "pay_range", "--explain")
    assert blocked.exit_code == 0, blocked.output
    assert "posted range" not in blocked.stdout


def test_talking_points_through_offercheck() -> None:
    o = offer()
    hook = get_plugin_manager().hook.offercheck_talking_points
    assert [impl.plugin_name for impl in hook.get_hookimpls()] == ["pay_range"]
    results = hook(offer=o, evaluation=evaluate(o), others=[])
    assert [[p.ask for p in points] for points in results] == [["base 175,000 USD"]]


def test_negotiate_includes_the_point() -> None:
    result = offercheck_cli("negotiate", str(EXAMPLE), "--format", "json")
    assert result.exit_code == 0, result.output
    [point] = [p for p in json.loads(result.stdout)["talking_points"] if p["topic"] == "posted pay range"]
    assert (point["amount"], point["ask"]) == (60_000, "base 175,000 USD")  # 4 years x (175,000 - 160,000)


def test_bad_table_is_reported_with_file_and_field(tmp_path: Path) -> None:
    path = tmp_path / "offer.toml"
    path.write_text('[offer]\ncompany = "A"\n[salary]\nbase = 100000\n'
                    '[plugins.pay_range]\nmin = 150000\nmax = 100000\nsorce = "x"\n', encoding="utf-8")
    result = offercheck_cli("validate", str(path))
    assert result.exit_code == 1
    # One typo, one line: the hint names the required key, so "source: required" is not repeated.
    assert result.stderr.splitlines() == [
        f"Error: {path}: plugins.pay_range.sorce: unknown key; did you mean 'source'?",
    ]


def test_range_upside_down_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "offer.toml"
    path.write_text('[offer]\ncompany = "A"\n[salary]\nbase = 100000\n'
                    '[plugins.pay_range]\nmin = 150000\nmax = 100000\nsource = "ad"\n', encoding="utf-8")
    result = offercheck_cli("validate", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}: plugins.pay_range: max (100,000) is below min (150,000)\n"
