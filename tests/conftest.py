from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
# The shared folder beside the repository (seeds, raw data); OFFERCHECK_SHARED points elsewhere (e.g. from a git
# worktree one level deeper). Tests that need it skip when it is absent.
SHARED = Path(os.environ.get("OFFERCHECK_SHARED") or REPO.parent / "shared")

MINIMAL = """
[offer]
company = "Acme"
[salary]
base = 100000
"""

# The README's Series B grant (issue 17), offered in New York: 60,000 options, strike 2.10, 409A 6.50, +20%/yr,
# 4 years with a 1-year cliff (15,000 options a year). ``extra`` adds lines to [equity]; ``grant`` replaces the
# options with another grant.
OPTIONS = """kind = "options"
shares = 60000
strike = 2.10
fmv = 6.50
vesting = "4y-cliff-1y"
annual_growth_percent = 20"""
PRIVATE_GRANT = """
[offer]
company = "Tensorloom"
role = "machine learning engineer"
level = "staff"
currency = "USD"
[location]
city = "New York"
state = "NY"
country = "US"
[company]
public = {public}
[salary]
base = 175000
[equity]
{grant}
{extra}
"""


def private_grant(extra: str = "", public: str = "false", grant: str = OPTIONS) -> str:
    return PRIVATE_GRANT.format(public=public, extra=extra, grant=grant)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write_offer(tmp_path: Path) -> Callable[..., Path]:
    """Write an offer file from TOML text (dedented) and return its path."""

    def write(text: str = MINIMAL, name: str = "offer.toml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture(autouse=True)
def _no_installed_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    """Installed plugins (e.g. the example in plugins/) must not change other tests' results.

    A test opts in by setting OFFERCHECK_LOAD_PLUGINS itself, or with the ``fake_plugin`` fixture below.
    """
    monkeypatch.setenv("OFFERCHECK_LOAD_PLUGINS", "")


@pytest.fixture
def fake_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., None]]:
    """Install a plugin as pip would (a module plus a dist-info with an `offercheck` entry point) for one test.

    ``fake_plugin(name, source, version="1.0")``: the entry point ``name`` loads a module holding ``source``;
    OFFERCHECK_LOAD_PLUGINS is set to the plugins installed so far. Everything is undone after the test.
    """
    import importlib
    import sys

    site = tmp_path / "site-packages"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    names: list[str] = []

    def install(name: str, source: str, version: str = "1.0") -> None:
        module = f"fake_offercheck_{name.replace('-', '_')}"
        (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
        info = site / f"offercheck_{name.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: offercheck-{name}\nVersion: {version}\n", encoding="utf-8")
        (info / "entry_points.txt").write_text(f"[offercheck]\n{name} = {module}\n", encoding="utf-8")
        names.append(name)
        monkeypatch.setenv("OFFERCHECK_LOAD_PLUGINS", ",".join(names))
        importlib.invalidate_caches()

    yield install
    for name in names:
        sys.modules.pop(f"fake_offercheck_{name.replace('-', '_')}", None)
    importlib.invalidate_caches()


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the parsed-data cache out of the user's home during tests."""
    import os

    os.environ["OFFERCHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True, scope="session")
def _terminal_width() -> None:
    """Terminal tables fit $COLUMNS: the width of the developer's terminal must not change golden output."""
    import os

    os.environ["COLUMNS"] = "80"


@pytest.fixture(autouse=True, scope="session")
def _pinned_today() -> None:
    """Official pay figures are aged to the comparison date, which defaults to today: every test (and so every
    golden file) runs as of one fixed day, whatever day the suite runs (OFFERCHECK_TODAY sets the default only;
    an explicit as_of / --as-of wins). The snapshot corpus (tools/snapshot.sh) pins the same day."""
    import os

    os.environ["OFFERCHECK_TODAY"] = TODAY


TODAY = "2026-12-06"
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in the repository: golden output names files relative to it, as the README's commands do."""
    monkeypatch.chdir(REPO)


def invoke(*args: str) -> tuple[int, str, str]:
    """Run the CLI in the repository; (exit code, stdout, stderr).

    Fails on an exception the CLI did not turn into a message. Works in module-scoped fixtures too, where the
    ``in_repo`` fixture cannot.
    """
    import os

    from offercheck.cli.main import cli

    before = os.getcwd()
    os.chdir(REPO)
    try:
        result = CliRunner().invoke(cli, list(args))
    finally:
        os.chdir(before)
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def check_golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; UPDATE_GOLDEN=1 rewrites the file instead."""
    import os

    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")
