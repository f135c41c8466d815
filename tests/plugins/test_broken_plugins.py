"""An installed plugin that fails (issue 27 item 13), installed for real: a dist-info with an ``offercheck`` entry
point on ``sys.path`` (``PYTHONPATH``) of an ``offercheck`` subprocess, as pip leaves one.

A plugin whose import raised, or whose entry point named a missing module, made even ``offercheck --help`` exit
1; now ``--help``, ``--version`` and the commands that need no plugins work, with one warning naming it. A command
a plugin adds that raised was "internal error" without the plugin's name; now the error names plugin and command.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import REPO

COMMANDS = """
    import click
    from offercheck import hookimpl

    @click.command("hello")
    def hello():
        \"\"\"Say hello.\"\"\"
        click.echo("hello from a plugin")

    @click.command("boom")
    def boom():
        \"\"\"Fail.\"\"\"
        raise ValueError("kaboom")

    @click.group("tools")
    def tools():
        \"\"\"A group of commands.\"\"\"

    @tools.command("deep")
    def deep():
        raise KeyError("deep inside")

    @click.command("refuse")
    def refuse():
        raise click.ClickException("the plugin's own clean error")

    @hookimpl
    def offercheck_register_commands(cli):
        for command in (hello, boom, tools, refuse):
            cli.add_command(command)
    """


class Site:
    """A site-packages directory of fake installed distributions."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir()

    def install(self, name: str, source: str | None, *, module: str | None = None) -> None:
        """Distribution ``offercheck-NAME`` with entry point NAME -> ``module`` (default ``NAME_plugin``), whose
        source is ``source`` (None: the module does not exist)."""
        module = module or f"{name}_plugin"
        info = self.root / f"offercheck_{name}-1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: offercheck-{name}\nVersion: 1.0\n")
        (info / "entry_points.txt").write_text(f"[offercheck]\n{name} = {module}\n")
        if source is not None:
            (self.root / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k != "OFFERCHECK_LOAD_PLUGINS"}  # every plugin, as a user
        env["PYTHONPATH"] = str(self.root)
        return subprocess.run([sys.executable, "-m", "offercheck", *args], capture_output=True, text=True,
                              env=env, cwd=REPO, timeout=120)


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return Site(tmp_path / "site-packages")


BROKEN = {
    "import raises": ('raise RuntimeError("boom at import")\n', None, "RuntimeError: boom at import"),
    "missing module": (None, "offercheck_no_such_module", "ModuleNotFoundError: No module named "
                                                           "'offercheck_no_such_module'"),
    "misspelled hook": ("from offercheck import hookimpl\n@hookimpl\ndef offercheck_ajdust(offer, benchmark):\n"
                        "    return None\n", None, "unknown hook 'offercheck_ajdust'; did you mean "
                                                   "'offercheck_adjust'?"),
    "hook raises at registration": ("from offercheck import hookimpl\n@hookimpl\n"
                                    "def offercheck_register_commands(cli):\n    raise OSError('no disk')\n", None,
                                    None),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_help_and_version_work_beside_a_broken_plugin(site: Site, case: str) -> None:
    source, module, detail = BROKEN[case]
    site.install("broken", source, module=module)
    site.install("cmds", COMMANDS)
    result = site.run("--help")
    assert result.returncode == 0, result.stderr
    assert "Usage: offercheck" in result.stdout and "hello" in result.stdout  # the healthy plugin's command
    warnings = [line for line in result.stderr.splitlines() if "broken" in line]
    assert len(warnings) == 1 and warnings[0].startswith("Warning: plugin 'broken' failed"), result.stderr
    assert detail is None or detail in warnings[0]
    assert "Traceback" not in result.stderr
    assert site.run("--version").returncode == 0
    hello = site.run("hello")
    assert (hello.returncode, hello.stdout) == (0, "hello from a plugin\n")


def test_commands_that_need_no_plugin_work_and_those_that_do_name_it(site: Site, tmp_path: Path) -> None:
    site.install("broken", 'raise RuntimeError("boom at import")\n')
    assert site.run("schema").returncode == 0
    new = site.run("new", str(tmp_path / "offer.toml"))
    assert new.returncode == 0 and (tmp_path / "offer.toml").exists(), new.stderr
    # compare calls every plugin's hooks (a factor changes the score): it cannot leave one out silently.
    compare = site.run("compare", "examples/bigtech-sf.toml")
    assert (compare.returncode, compare.stderr) == (1, "Error: plugin 'broken' failed to load: RuntimeError: "
                                                       "boom at import\n")
    assert site.run("compare", "examples/bigtech-sf.toml", "--without", "broken").returncode == 0


@pytest.mark.parametrize(("args", "message"), [
    (("boom",), "Error: plugin 'cmds' failed in command 'boom': ValueError: kaboom\n"),
    (("tools", "deep"), "Error: plugin 'cmds' failed in command 'tools': KeyError: 'deep inside'\n"),
    (("refuse",), "Error: the plugin's own clean error\n"),  # a ClickException is the plugin's message, as it is
], ids=["command", "group-subcommand", "click-exception"])
def test_a_plugin_command_that_raises_names_the_plugin_and_the_command(site: Site, args: tuple[str, ...],
                                                                       message: str) -> None:
    site.install("cmds", COMMANDS)
    result = site.run(*args)
    assert (result.returncode, result.stderr) == (1, message)
    assert result.stdout == ""


def test_debug_still_shows_the_plugin_commands_traceback(site: Site) -> None:
    site.install("cmds", COMMANDS)
    result = site.run("--debug", "boom")
    assert result.returncode == 1
    assert "Traceback" in result.stderr and 'raise ValueError("kaboom")' in result.stderr
    assert result.stderr.endswith("Error: plugin 'cmds' failed in command 'boom': ValueError: kaboom\n")


def test_an_unknown_command_beside_a_broken_plugin_is_a_usage_error(site: Site) -> None:
    site.install("broken", None, module="offercheck_no_such_module")
    result = site.run("no-such-command")
    assert result.returncode == 2
    assert "No such command 'no-such-command'" in result.stderr
    assert result.stderr.count("Warning: plugin 'broken'") == 1
