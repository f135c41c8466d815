"""The places room: one normal form for every table key, a package whose names are its functions, and the
import rules of DESIGN section 1 (places imports no other room; offer imports only places, errors, datafiles)."""

from __future__ import annotations

import ast
import json
import pkgutil
from importlib.util import find_spec

import offercheck.places as places
from offercheck.datafiles import packaged
from offercheck.places import countries, metros, norm, us_cities
from tests.conftest import REPO

SRC = REPO / "src" / "offercheck"


def test_table_keys_are_in_normal_form() -> None:
    tables = {"CITY_ALIASES": metros.CITY_ALIASES, "_CROSS_STATE": us_cities._CROSS_STATE,
              "_TWIN_CITIES": us_cities._TWIN_CITIES, "ALIASES": countries.ALIASES,
              "places.json": json.loads(packaged("market/places.json").read_text(encoding="utf-8"))["places"]}
    for name, table in tables.items():
        assert [k for k in table if norm(k) != k] == [], name


def test_every_exported_name_is_there_and_no_name_is_a_module() -> None:
    modules = {m.name for m in pkgutil.iter_modules(places.__path__)}
    assert not set(places.__all__) & modules  # `import places.X` would replace a function X by the module
    for name in places.__all__:
        assert getattr(places, name) is not None, name


def _imports(path: str) -> set[str]:
    tree = ast.parse((SRC / path).read_text(encoding="utf-8"))
    found = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    found |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    return {m for m in found if m.startswith("offercheck")}


def _room(module: str) -> str:
    return module.split(".")[1] if "." in module else module


def test_places_imports_no_other_room() -> None:
    for path in (SRC / "places").glob("*.py"):
        assert {_room(m) for m in _imports(f"places/{path.name}")} <= {"places", "datafiles"}, path.name


def test_offer_imports_only_places_errors_and_datafiles() -> None:
    for path in (SRC / "offer").glob("*.py"):
        rooms = {_room(m) for m in _imports(f"offer/{path.name}")} - {"offer"}
        assert rooms <= {"places", "errors", "datafiles"}, (path.name, rooms)


def test_the_old_place_modules_are_gone() -> None:
    for name in ("offer.places", "real.places", "real.citystate", "real.aliases", "market.anchor",
                 "market.anchoring"):
        assert find_spec(f"offercheck.{name}") is None, name
