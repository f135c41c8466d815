"""docs/cli.md is the command-line reference generated from the click commands (scripts/cli_docs.py): it lists
every command and subcommand, and a test fails when it is stale."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import click

from offercheck.cli.main import BUILTIN_COMMANDS, cli
from tests.conftest import REPO

CLI_MD = REPO / "docs" / "cli.md"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cli_docs", REPO / "scripts" / "cli_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_md_is_what_the_script_writes() -> None:
    assert CLI_MD.read_text(encoding="utf-8") == _script().render(), (
        "docs/cli.md is stale: run python scripts/cli_docs.py")


def test_cli_md_has_a_section_and_the_help_of_every_command() -> None:
    text = CLI_MD.read_text(encoding="utf-8")
    sections = re.findall(r"^## (offercheck.*)$", text, re.M)
    expected = ["offercheck"]
    ctx = click.Context(cli)
    for name in sorted(BUILTIN_COMMANDS):
        expected.append(f"offercheck {name}")
        command = cli.get_command(ctx, name)
        if isinstance(command, click.Group):
            expected += [f"offercheck {name} {sub}" for sub in sorted(command.list_commands(click.Context(command)))]
    assert sections == expected
    for name in expected:
        assert f"$ {name} --help\nUsage: {name} " in text, name


def test_the_check_mode_fails_on_a_stale_file(tmp_path: Path) -> None:
    script = _script()
    stale = tmp_path / "cli.md"
    stale.write_text("# old\n", encoding="utf-8")
    script.OUT = stale
    script.REPO = stale.parent
    assert script.main(["--check"]) == 1
    assert script.main([]) == 0
    assert script.main(["--check"]) == 0
