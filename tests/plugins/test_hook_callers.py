"""The typed hook callers (offercheck.plugins.calls) name exactly the hooks the hookspecs declare; every hookspec
says when it appeared, and every type it names is exported by ``offercheck``."""

from __future__ import annotations

import ast
import inspect
import re

import offercheck
from offercheck.plugins import calls, specs
from offercheck.plugins.manager import get_plugin_manager

SPECS = {name: f for name, f in inspect.getmembers(specs, inspect.isfunction) if name.startswith("offercheck_")}
# Names in the hookspecs' annotations that are not offercheck's: the standard library, click and pydantic.
FOREIGN = {"None", "int", "str", "list", "dict", "type", "Callable", "Sequence", "Path", "click", "BaseModel"}


def test_every_hookspec_has_one_caller_constant() -> None:
    assert sorted(calls.HOOKS) == sorted(SPECS)
    assert len(SPECS) == 6  # adjust, talking_points, register_benchmarks, register_commands, estimate_tax, settings


def test_every_caller_constant_is_a_hook_pluggy_knows() -> None:
    pm = get_plugin_manager(entry_points=False)
    for name in calls.HOOKS:
        assert getattr(pm.hook, name).has_spec(), name


def test_every_hookspec_says_the_version_it_appeared_in() -> None:
    for name, spec in SPECS.items():
        doc = inspect.getdoc(spec) or ""
        assert re.search(r"^\.\. versionadded:: \d+\.\d+\.\d+$", doc, re.MULTILINE), name


def _names(annotation: str) -> set[str]:
    return {n.id for n in ast.walk(ast.parse(annotation, mode="eval")) if isinstance(n, ast.Name)}


def test_every_type_a_hookspec_names_is_exported_by_offercheck() -> None:
    named: set[str] = set()
    for spec in SPECS.values():
        for annotation in spec.__annotations__.values():
            named |= _names(annotation)
    ours = named - FOREIGN
    assert ours == {"Adjustment", "Benchmark", "BenchmarkSet", "Evaluation", "Offer", "RateTable", "TalkingPoint",
                    "TaxResult", "YearPay"}
    # The very classes the hookspecs name (their TYPE_CHECKING imports), plus TaxLine, which TaxResult holds.
    source = inspect.getsource(specs)
    for name in (*ours, "TaxLine"):
        assert name in offercheck.__all__, name
        value = getattr(offercheck, name)
        if name != "TaxLine":
            module = re.search(rf"from (offercheck[.\w]+) import [^\n]*\b{name}\b", source)
            assert module is not None and value.__module__ == module.group(1), name
    from offercheck.tax.engine import TaxLine

    assert offercheck.TaxLine is TaxLine
