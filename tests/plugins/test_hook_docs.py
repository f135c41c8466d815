"""Meta-test: every hook in plugins/specs.py is documented in docs/plugins.md with its signature, and tested."""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from collections.abc import Iterable
from pathlib import Path

import pytest

from offercheck.plugins import specs as hookspecs
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


def _is_hookimpl(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", None)
    return name == "hookimpl"


def _source_text(node: ast.expr) -> str | None:
    """The text of a string literal, with ``_`` for an f-string's fields (plugin source a test writes)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "_" for v in node.values)
    return None


def _parse(text: str) -> ast.Module | None:
    # A test may write a function's head and add its body separately: give such a fragment a body.
    for candidate in (textwrap.dedent(text), textwrap.dedent(text) + "\n    pass\n"):
        try:
            return ast.parse(candidate)
        except SyntaxError:
            continue
    return None


def hookimpls(tree: ast.Module) -> set[str]:
    """Names of the ``offercheck_*`` functions decorated with ``hookimpl`` in ``tree``, and in the plugin source
    held in its string literals (parsed in turn). A mention in a comment, a string of expected output or an
    undecorated function does not count."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("offercheck_"):
            if any(_is_hookimpl(d) for d in node.decorator_list):
                found.add(node.name)
        elif isinstance(node, ast.expr) and (text := _source_text(node)) and "hookimpl" in text:
            inner = _parse(text)
            if inner is not None:
                found |= hookimpls(inner)
    return found


def missing_tests(hooks: Iterable[str], files: Iterable[Path]) -> list[str]:
    """The hooks no file in ``files`` implements."""
    done: set[str] = set()
    for path in files:
        done |= hookimpls(ast.parse(path.read_text(encoding="utf-8")))
    return sorted(set(hooks) - done)


def test_every_hook_is_implemented_by_a_test() -> None:
    files = [*(REPO / "tests").rglob("*.py"), *(REPO / "plugins").glob("*/tests/**/*.py")]
    assert missing_tests(HOOKS, [p for p in files if p.name != "test_hook_docs.py"]) == []


def test_the_hook_check_reports_a_hook_without_a_test(tmp_path: Path) -> None:
    written = tmp_path / "test_writes_a_plugin.py"
    written.write_text(textwrap.dedent('''
        PLUGIN = """
            from offercheck import hookimpl

            @hookimpl(tryfirst=True)
            def offercheck_adjust(offer, benchmark):
                return None
            """
        '''))
    mentions = tmp_path / "test_mentions.py"
    mentions.write_text(textwrap.dedent('''
        # @hookimpl
        # def offercheck_estimate_tax(offer, year_pay, tax_year, rates): ...
        EXPECTED = "plugin 'x' failed in offercheck_talking_points"

        def offercheck_register_commands(cli):  # not under @hookimpl
            pass
        '''))
    hooks = ["offercheck_adjust", "offercheck_estimate_tax", "offercheck_talking_points",
             "offercheck_register_commands", "offercheck_no_such_hook"]
    assert missing_tests(hooks, [written, mentions]) == sorted(hooks[1:])
