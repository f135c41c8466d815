"""The docs pages say what the code does: docs/json.md lists exactly the keys compare and negotiate print,
docs/offer-file.md every key of the offer file, docs/taxes.md every state and DC."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from offercheck.offer.models import Offer
from offercheck.tax.us import SUBDIVISIONS
from tests.conftest import REPO, invoke

DOCS = REPO / "docs"

# Runs that between them print every key: all the options on the examples, a private grant with exit prices
# (scenarios, exercise), and an offer with no market data and no tax regime (market_note, tax_note).
NO_MARKET = """
[offer]
company = "Warsaw Data"
currency = "PLN"
role = "data scientist"
[location]
city = "Warsaw"
country = "PL"
[salary]
base = 312000
"""
COMPARE_RUNS = [
    ["examples/bank-toronto.toml", "examples/bigtech-sf.toml", "examples/startup-nyc.toml", "-c", "USD",
     "--after-tax", "--real", "--leave-after", "12", "--current", "examples/current/current-job.toml"],
    ["examples/equity/tensorloom-at-risk.toml", "--leave-after", "12"],
    ["examples/bigtech-sf.toml", "{no_market}", "--after-tax"],
]
NEGOTIATE_RUNS = [
    ["examples/bigtech-sf.toml", "--against", "examples/startup-nyc.toml", "--current",
     "examples/current/current-job.toml"],
]


def paths(value: Any, prefix: str = "") -> set[str]:
    """Every key path of a JSON value, `[]` for the items of an array."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            found.add(prefix + key)
            found |= paths(item, f"{prefix}{key}.")
    elif isinstance(value, list):
        for item in value:
            found |= paths(item, prefix.rstrip(".") + "[].")
    return found


def _expand(path: str) -> list[str]:
    """`a.{b,c}` -> [`a.b`, `a.c`]."""
    match = re.search(r"\{([^}]+)\}", path)
    if match is None:
        return [path]
    return [e for part in match.group(1).split(",") for e in _expand(path[:match.start()] + part + path[match.end():])]


def documented(section: str) -> set[str]:
    """The key paths the first column of a table in ``section`` of docs/json.md lists."""
    text = (DOCS / "json.md").read_text(encoding="utf-8")
    body = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    cells = [line.split(" | ")[0] for line in body.splitlines() if line.startswith("| `")]
    return {p for cell in cells for quoted in re.findall(r"`([^`]+)`", cell) for p in _expand(quoted)}


def _printed(command: str, runs: list[list[str]], tmp_path: Path) -> set[str]:
    no_market = tmp_path / "warsaw.toml"
    no_market.write_text(NO_MARKET, encoding="utf-8")
    found: set[str] = set()
    for run in runs:
        code, out, err = invoke(command, *(a.format(no_market=no_market) for a in run), "--format", "json")
        assert code == 0, err
        found |= paths(json.loads(out))
    return found


def _covered(path: str, listed: set[str]) -> bool:
    """Listed, or an array whose items' keys are (`against` by `against[].label`)."""
    return path in listed or any(p.startswith(f"{path}[].") for p in listed)


def _as_offer(path: str) -> str:
    """The current job has an offer's shape: `current.total` is documented as `offers[].total`."""
    return "offers[]." + path.removeprefix("current.") if path.startswith("current.") else path


def test_json_md_lists_every_key_compare_prints_and_no_other(tmp_path: Path) -> None:
    printed = _printed("compare", COMPARE_RUNS, tmp_path)
    listed = documented("compare --format json")
    missing = sorted(p for p in printed if not (_covered(p, listed) or _covered(_as_offer(p), listed)))
    assert missing == [], "keys compare prints that docs/json.md does not list"
    never = sorted(p for p in listed if p not in printed and p not in {_as_offer(q) for q in printed})
    assert never == [], "keys docs/json.md lists that no run prints"


def test_json_md_lists_every_key_negotiate_prints_and_no_other(tmp_path: Path) -> None:
    printed = _printed("negotiate", NEGOTIATE_RUNS, tmp_path)
    listed = documented("negotiate --format json")
    assert sorted(p for p in printed if not _covered(p, listed)) == [], (
        "keys negotiate prints that docs/json.md does not list")
    assert sorted(listed - printed) == [], "keys docs/json.md lists that no run prints"


def test_json_md_has_the_design_keys() -> None:
    """The keys DESIGN section 7 names are in the page (the contract, beside what the code prints)."""
    listed = documented("compare --format json")
    for key in ("offers[].years[].equity_paper", "offers[].benchmark.aged.extrapolated", "offers[].score.basis",
                "offers[].benchmark.cell.borrowed_from", "offers[].years[].take_home", "offers[].tax_note",
                "offers[].benchmark.adjustments[].evidence", "ranking", "rates_date"):
        assert key in listed, key


def _fields(model: type[BaseModel]) -> list[str]:
    return list(model.model_fields)


@pytest.mark.parametrize("table", [t for t in Offer.model_fields if t != "plugins"])
def test_offer_file_md_names_every_key_of_every_table(table: str) -> None:
    text = (DOCS / "offer-file.md").read_text(encoding="utf-8")
    assert f"`[{table}]`" in text
    annotation = Offer.model_fields[table].annotation
    model = next(t for t in (annotation, *getattr(annotation, "__args__", ())) if isinstance(t, type)
                 and issubclass(t, BaseModel))
    missing = [key for key in _fields(model) if f"`{key}`" not in text]
    assert missing == [], f"[{table}] keys docs/offer-file.md does not name"


def test_taxes_md_names_every_state_and_dc() -> None:
    text = (DOCS / "taxes.md").read_text(encoding="utf-8")
    states = [s for s in SUBDIVISIONS if len(s) == 2]
    assert len(states) == 51  # 50 states and DC
    assert [s for s in states if f"({s})" not in text] == []


def test_every_docs_page_is_reachable_and_links_resolve() -> None:
    """Relative links between the pages point at files that exist."""
    broken = []
    for page in itertools.chain([REPO / "README.md", REPO / "CHANGELOG.md"], sorted(DOCS.glob("*.md"))):
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if not (page.parent / target).exists():
                broken.append(f"{page.relative_to(REPO)}: {target}")
    assert broken == []
