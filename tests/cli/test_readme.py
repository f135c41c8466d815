"""The README's and the docs' examples are real: every offercheck command they show runs, and what they show it
printing, it prints.

A command is shown in a fenced block, in one of three ways:

- a block holding only ``$ offercheck ...``, followed by a plain block: the output (a "[...]" line marks where the
  page leaves part of it out);
- ``$ offercheck ...`` followed by its output in the same block; several commands may follow one another there;
- a ``bash`` block of commands to type (``offercheck ...``, comments after ``#``): each must run, exit 0.

Each page runs in a directory of its own that looks like the repository root (``examples/``, ``plugins/`` and
``../shared``), one command after another, so a page may write a file and then use it (``new offer.toml``, then
``compare offer.toml``). A shown output with an ``Error:`` line expects the command to fail with exit code 1.
"""

from __future__ import annotations

import importlib
import os
import re
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from offercheck.cli.main import cli
from tests.conftest import REPO, SHARED

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FENCE = re.compile(r"^```([a-z]*)\n(.*?)^```", re.S | re.M)
PAGES = ["README.md", *sorted(str(p.relative_to(REPO)) for p in (REPO / "docs").glob("*.md"))]

# What a person types at the questions of an interactive command the pages show (tests/cli/test_new_interactive.py
# lists the questions): company, role, years, country, city, state, work mode, currency, base, bonus, sign-on,
# equity, grant value, vesting, listed?, 401(k) match, health.
ANSWERS = {
    "new acme.toml --interactive": ["Acme", "software engineer", "6", "", "Seattle", "", "hybrid", "", "150,000",
                                     "15%", "$25,000", "rsu", "400k", "", "y", "4", "8000"],
}
# Pages whose commands use the example plugin in plugins/ (installed by the contributor's install command).
WITH_PLUGIN = {"docs/plugins.md": "pay_range"}
# `pip install -e offercheck-NAME` of a package a page has just written with `offercheck plugin new NAME`: the test
# installs it as pip would for offercheck's purposes (its dist-info with the entry point, its src/ on sys.path).
INSTALL = re.compile(r"^(?:\$ )?pip install -e (offercheck-[a-z0-9-]+)$")


@dataclass(frozen=True)
class Example:
    page: str
    line: int  # where the command is on the page, for messages
    command: str  # without "$ " and without "offercheck"
    output: str | None  # what the page shows it printing; None: a command to type, whose output is not shown

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: offercheck {self.command}"


def examples(page: str) -> list[Example]:
    """Every offercheck command ``page`` shows, in order."""
    text = (REPO / page).read_text(encoding="utf-8")
    blocks = [(m.group(1), m.group(2), text.count("\n", 0, m.start()) + 2) for m in FENCE.finditer(text)]
    found: list[Example] = []
    for i, (lang, body, first) in enumerate(blocks):
        lines = body.splitlines()
        if lang in ("bash", "sh", "console"):
            found += [Example(page, first + j, line.removeprefix("$ ")[len("offercheck "):], None)
                      for j, line in enumerate(lines) if line.removeprefix("$ ").startswith("offercheck ")]
            found += [Example(page, first + j, line.removeprefix("$ "), None)
                      for j, line in enumerate(lines) if INSTALL.match(line)]
            found.sort(key=lambda e: e.line)
            continue
        if lang or not lines or not lines[0].startswith("$ "):
            continue
        if len(lines) == 1:  # the command alone: its output is the next block, if that is a plain one
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            output = nxt[1] if nxt is not None and not nxt[0] and not nxt[1].startswith("$ ") else None
            if lines[0].startswith("$ offercheck "):
                found.append(Example(page, first, lines[0][len("$ offercheck "):], output))
            continue
        starts = [j for j, line in enumerate(lines) if line.startswith("$ ")]
        for j, end in zip(starts, [*starts[1:], len(lines)], strict=True):
            if INSTALL.match(lines[j]):
                found.append(Example(page, first + j, lines[j][2:], None))
            elif lines[j].startswith("$ offercheck "):
                found.append(Example(page, first + j, lines[j][len("$ offercheck "):],
                                     "\n".join(lines[j + 1:end]) + "\n"))
    return found


def _workdir(tmp_path: Path) -> Path:
    """A directory laid out like the repository root: the examples, the plugins and ../shared."""
    work = tmp_path / "repo"
    work.mkdir()
    for name in ("examples", "plugins"):
        (work / name).symlink_to(REPO / name)
    if SHARED.exists():
        (tmp_path / "shared").symlink_to(SHARED.resolve())
    return work


def _install(package: Path, site: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make the plugin package at ``package`` installed: a dist-info with its entry points in ``site``, its src/ on
    sys.path, its plugins loaded. Returns its modules, to forget after the test."""
    project = tomllib.loads((package / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    points = project["entry-points"]["offercheck"]
    info = site / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n",
                                   encoding="utf-8")
    (info / "entry_points.txt").write_text("[offercheck]\n" + "".join(f"{k} = {v}\n" for k, v in points.items()),
                                           encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.syspath_prepend(str(package / "src"))
    loaded = [n for n in os.environ.get("OFFERCHECK_LOAD_PLUGINS", "").split(",") if n]
    monkeypatch.setenv("OFFERCHECK_LOAD_PLUGINS", ",".join([*loaded, *points]))
    importlib.invalidate_caches()
    return list(points.values())


def _args(command: str, work: Path) -> list[str]:
    """The command's arguments as a shell would pass them: comments dropped, globs expanded."""
    args = shlex.split(command, comments=True)
    return [a for arg in args for a in (sorted(str(p.relative_to(work)) for p in work.glob(arg)) if "*" in arg
                                        else [arg])]


def _stale(shown: str, printed: str) -> list[str]:
    lines = {line.rstrip() for line in printed.splitlines()}
    return [line for line in shown.splitlines() if line.strip() not in ("", "[...]") and line.rstrip() not in lines]


@pytest.mark.parametrize("page", PAGES)
def test_every_command_shown_runs_and_prints_what_is_shown(page: str, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    shown = examples(page)
    if not shown:
        pytest.skip(f"{page} shows no offercheck command")
    work = _workdir(tmp_path)
    monkeypatch.chdir(work)
    if page in WITH_PLUGIN:
        monkeypatch.setenv("OFFERCHECK_LOAD_PLUGINS", WITH_PLUGIN[page])
    problems = []
    installed: list[str] = []
    for example in shown:
        found = INSTALL.match(example.command)
        if found:
            installed += _install(work / found.group(1), tmp_path / "site", monkeypatch)
            continue
        if "../shared" in example.command and not SHARED.exists():
            continue  # the shared data folder beside the repository is not there (tests/conftest.py)
        answers = ANSWERS.get(" ".join(shlex.split(example.command, comments=True)))
        if "--interactive" in example.command and answers is None:
            problems.append(f"{example}: no answers for its questions in ANSWERS")
            continue
        result = CliRunner().invoke(cli, _args(example.command, work),
                                    prog_name="offercheck",
                                    input=None if answers is None else "".join(f"{a}\n" for a in answers))
        fails = example.output is not None and any(line.startswith("Error: ") for line in example.output.splitlines())
        if result.exit_code != (1 if fails else 0) or (result.exception and not isinstance(result.exception,
                                                                                           SystemExit)):
            problems.append(f"{example}: exit code {result.exit_code}, expected {1 if fails else 0}:\n"
                            f"{result.output[-2000:]}")
            continue
        stale = _stale(example.output or "", result.output)
        if stale:
            problems.append(f"{example}: lines it does not print:\n  " + "\n  ".join(stale[:10]))
    for module in installed:
        sys.modules.pop(module, None)
    assert not problems, "\n\n".join(problems)


def test_the_pages_show_commands() -> None:
    assert len(examples("README.md")) >= 10
    assert sum(1 for page in PAGES for e in examples(page) if e.output is not None) >= 40


def test_every_page_is_linked_from_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert [p for p in PAGES[1:] if f"]({p})" not in readme] == []


def test_the_readme_is_short_and_starts_with_the_quick_start() -> None:
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 400
    assert "## Quick start" in lines[:60]


def _bash_lines(page: str, heading: str) -> list[str]:
    """The lines of the bash blocks of ``page`` under the ``## heading`` (up to the next heading of that level)."""
    text = (REPO / page).read_text(encoding="utf-8")
    section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return [line.split("  #")[0].rstrip() for lang, body in FENCE.findall(section) if lang == "bash"
            for line in body.splitlines() if line.strip() and not line.startswith("#")]


def test_ci_installs_and_tests_exactly_as_the_readme_says() -> None:
    """.ci/run runs the contributor's two commands of the Quick start as the README writes them."""
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    quick = _bash_lines("README.md", "Quick start")
    install = [line for line in quick if "pip install" in line and "[dev]" in line]
    assert len(install) == 1, quick
    assert install[0] in ci
    assert "python -m pytest" in quick and "python -m pytest" in ci


def _end_user_install() -> list[str]:
    """The end-user install command of the Quick start: pip from a clone of the repository."""
    found = [line for line in _bash_lines("README.md", "Quick start") if line.startswith("pip install .")]
    assert len(found) == 1, _bash_lines("README.md", "Quick start")
    return shlex.split(found[0])


@pytest.mark.skipif(not os.environ.get("OFFERCHECK_INSTALL_TEST"), reason="set OFFERCHECK_INSTALL_TEST=1 (.ci/run "
                    "does) to install from a copy of the repository into a fresh virtual environment")
def test_the_end_user_install_of_the_readme_works_in_a_fresh_venv(tmp_path: Path) -> None:
    """The Quick start's `pip install .`, run in a fresh virtual environment in a copy of the repository's files
    (what a clone holds), gives a working offercheck."""
    import shutil
    import subprocess
    import sys

    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    clone = tmp_path / "clone"
    for name in filter(None, listed.decode().split("\0")):
        if (REPO / name).is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, clone / name)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip, *rest = _end_user_install()
    subprocess.run([str(venv / "bin" / pip), *rest, "-q"], cwd=clone, check=True)
    ran = subprocess.run([str(venv / "bin" / "offercheck"), "compare", "examples/bigtech-sf.toml",
                          "examples/startup-nyc.toml"], cwd=clone, capture_output=True, text=True, check=False)
    assert ran.returncode == 0, ran.stderr
    assert "Bigtech SF" in ran.stdout
