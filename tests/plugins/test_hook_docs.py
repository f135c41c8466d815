"""Meta-test: every hook in hookspecs.py is documented in docs/plugins.md with its signature, and tested."""

from __future__ import annotations

import inspect
import re

import pytest

from offercheck import hookspecs
from tests.conftest import REPO

DOCS = (REPO / "docs" / "plugins.md").read_text(encoding="utf-8")
HOOKS = sorted(name for name, f in vars(hookspecs).items()
               if name.startswith("offercheck_") and hasattr(f, "offercheck_spec"))


def test_hookspecs_are_found() -> None:
    # The contract of DESIGN.md section 3, plus the settings hook of the plugin kit.
    assert {"offercheck_adjust", "offercheck_talking_points", "offercheck_register_benchmarks",
            "offercheck_register_commands", "offercheck_estimate_tax", "offercheck_plugin_settings"} <= set(HOOKS)


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_is_documented_with_its_signature(hook: str) -> None:
    args = ", ".join(inspect.signature(getattr(hookspecs, hook)).parameters)
    heading = re.search(rf"^### `{hook}\(([^)]*)\) -> [^`]+`$", DOCS, re.MULTILINE)
    assert heading, f"docs/plugins.md has no '### `{hook}(...) -> ...`' heading"
    assert heading.group(1) == args
    section = DOCS[heading.end():].split("\n### ", 1)[0].split("\n## ", 1)[0]
    assert "Returns" in section and "```python" in section, f"{hook}: say what it returns and show an example"
    for arg in inspect.signature(getattr(hookspecs, hook)).parameters:
        assert f"`{arg}`" in section, f"{hook}: argument {arg} is not described"


def implemented_in_tests(hook: str) -> list[str]:
    """Test files (any folder under tests/, and the example plugin's tests) that implement ``hook``: a function
    of that name under ``@hookimpl``, in the test itself or in the plugin source it writes. A mention in a
    comment or a string of expected output does not count."""
    pattern = re.compile(rf"@hookimpl(\([^)]*\))?\s*\n\s*def {hook}\(")
    tests = [p for p in (REPO / "tests").rglob("test_*.py") if p.name != "test_hook_docs.py"]
    tests += (REPO / "plugins").glob("*/tests/test_*.py")
    return [p.name for p in tests if pattern.search(p.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_has_a_test(hook: str) -> None:
    assert implemented_in_tests(hook), f"no test implements {hook}"


def test_the_hook_check_can_fail() -> None:
    # A name tests only mention (this file's own list above) is not an implementation.
    assert implemented_in_tests("offercheck_no_such_hook") == []
    assert implemented_in_tests("offercheck_adjus") == []
