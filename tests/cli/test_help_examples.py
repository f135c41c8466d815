"""`--help` of compare and negotiate ends with two examples each, kept as written (click's \\b paragraph), and
each example is a command line that runs; `offercheck --version` prints the installed version (issue 26)."""

from __future__ import annotations

import shlex
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from click.testing import CliRunner

from offercheck import __version__
from offercheck.cli.main import cli

EXAMPLES = {"compare": ["offercheck compare acme.toml globex.toml",
                        "offercheck compare acme.toml globex.toml --after-tax -o report.html"],
            "negotiate": ["offercheck negotiate acme.toml --against globex.toml",
                          "offercheck negotiate acme.toml --format email -o email.txt"]}
ROOT = Path(__file__).resolve().parents[2]
FILES = {"acme.toml": ROOT / "examples/bigtech-sf.toml", "globex.toml": ROOT / "examples/startup-nyc.toml"}


def _help(runner: CliRunner, command: str, columns: str) -> str:
    result = runner.invoke(cli, [command, "--help"], env={"COLUMNS": columns}, terminal_width=int(columns))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("command", list(EXAMPLES))
@pytest.mark.parametrize("columns", ["80", "120"])
def test_help_ends_with_two_examples_kept_as_written(runner: CliRunner, command: str, columns: str) -> None:
    text = _help(runner, command, columns)
    tail = text[text.index("\n  Examples:\n") + 1:].splitlines()[1:]
    assert [line.strip() for line in tail[::2]] == EXAMPLES[command]
    assert all(line.startswith("      ") for line in tail[1::2]) and len(tail) == 4  # what each does, indented
    assert max(map(len, tail)) <= 80  # not rewrapped, so written to fit an 80-column terminal


@pytest.mark.parametrize(("command", "line"), [(c, line) for c, lines in EXAMPLES.items() for line in lines])
def test_every_example_runs(runner: CliRunner, tmp_path: Path, command: str, line: str) -> None:
    args = [str(FILES.get(a, tmp_path / a if a.endswith((".html", ".txt")) else a))
            for a in shlex.split(line)[1:]]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output


def test_help_words_agree_with_design(runner: CliRunner) -> None:
    """One word for one thing (DESIGN sections 4, 6, 7): offers are *ranked* by the horizon total (the ranking),
    *scored* against the market (the score); talking points go by their *value over the horizon*."""
    compare, negotiate = _help(runner, "compare", "200"), _help(runner, "negotiate", "200")
    assert "ranked by the horizon total (the ranking)" in compare and "(the score:" in compare
    assert "by their value over the horizon" in negotiate and "dollar impact" not in negotiate


def test_version_is_the_installed_one(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"offercheck, version {__version__}\n")
    assert __version__ == version("offercheck")  # _version.py and the package metadata agree


def test_version_from_the_console_entry_point() -> None:
    done = subprocess.run([sys.executable, "-m", "offercheck", "--version"], capture_output=True, text=True,
                          check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"offercheck, version {__version__}\n", "")
