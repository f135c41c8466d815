"""The import direction of DESIGN.md section 1: the rooms that compute (negotiation, pay, tax, market, real,
places, offer) never import the rooms that present (``render``) or parse the command line (``cli``). Every import
in their source counts: at the top, inside functions, under TYPE_CHECKING, relative, ``from offercheck import
render`` and ``importlib.import_module("offercheck.render...")`` with a literal name."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

SRC = REPO / "src" / "offercheck"
LOWER = ("negotiation", "pay", "tax", "market", "real", "places", "offer")
UPPER = ("offercheck.render", "offercheck.cli")


def _module(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path, source: str | None = None) -> set[str]:
    """Every module ``path`` (or ``source`` as if it were ``path``) names in an import (``from A import B`` names
    A and A.B: B may be a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8") if source is None else source, str(path))
    package = _module(path) if path.name == "__init__.py" else _module(path).rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            found |= {base, *(f"{base}.{a.name}" for a in node.names)}
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None))
              in ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)):
            found.add(node.args[0].value)
    return found


def _upward(path: Path, source: str | None = None) -> list[str]:
    return sorted(m for m in imported(path, source) if any(m == u or m.startswith(u + ".") for u in UPPER))


@pytest.mark.parametrize("room", LOWER)
def test_no_computing_room_imports_render_or_cli(room: str) -> None:
    files = sorted((SRC / room).rglob("*.py"))
    assert files, room
    wrong = {str(p.relative_to(SRC)): found for p in files if (found := _upward(p))}
    assert wrong == {}


def test_the_check_sees_every_kind_of_import() -> None:
    """The walker itself: each way of writing an import of render is found, and a look-alike name is not."""
    cases = {
        "from offercheck.render.common import money": True,
        "import offercheck.cli.main": True,
        "from offercheck import render": True,
        "def f():\n    from offercheck.render import common": True,
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from offercheck.cli import options": True,
        "from ..render import common": True,
        "import importlib\nimportlib.import_module('offercheck.render.fit')": True,
        "from offercheck.text import money": False,
        "from offercheck.negotiation.local import Local": False,
        "import offercheck.renderer_free": False,
    }
    for source, upward in cases.items():
        found = _upward(SRC / "negotiation" / "probe.py", source)
        assert bool(found) is upward, (source, found)
