"""`offercheck plugin new`: the package it writes installs with pip and passes its own tests as written."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from offercheck.cli.main import cli
from offercheck.scaffold import PluginNames, write_plugin_package

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib


def test_names_follow_the_conventions() -> None:
    assert PluginNames.of("office-perks") == PluginNames(
        plugin="office_perks", dist="offercheck-office-perks", module="offercheck_office_perks")
    assert PluginNames.of("bands") == PluginNames("bands", "offercheck-bands", "offercheck_bands")


@pytest.mark.parametrize("bad", ["", "Bands", "1x", "a b", "x-", "../x", "a.b"])
def test_bad_names_are_refused(bad: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["plugin", "new", bad, str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: plugin name {bad!r}: use lowercase letters")
    assert not (tmp_path / "out").exists()


def test_cli_writes_the_package_into_the_default_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["plugin", "new", "office-perks"])
    assert result.exit_code == 0, result.output
    root = tmp_path / "offercheck-office-perks"
    assert sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) == [
        "README.md", "pyproject.toml", "src/offercheck_office_perks/__init__.py", "tests/test_office_perks.py"]
    meta = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["name"] == "offercheck-office-perks"
    assert meta["project"]["entry-points"]["offercheck"] == {"office_perks": "offercheck_office_perks"}


def test_an_existing_directory_with_files_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(cli, ["plugin", "new", "bands", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path}: exists and is not an empty directory\n"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_generated_package_installs_and_passes_its_tests(tmp_path: Path) -> None:
    """What a plugin author does first: pip install the package, run its tests (about 5 s)."""
    root = write_plugin_package("office-perks", tmp_path / "pkg")
    target = tmp_path / "site"
    # Build with the setuptools already installed when it can build a wheel by itself (70.1+) or has `wheel`
    # beside it (offline, fast); else pip's isolated build, which fetches what it needs.
    isolation = ["--no-build-isolation"] if _can_build_wheels_here() else []
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", *isolation, "--target", str(target),
                    str(root)], check=True, capture_output=True)
    assert (target / "offercheck_office_perks" / "__init__.py").is_file()
    env = {**os.environ, "PYTHONPATH": str(target)}
    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=root, env=env,
                           capture_output=True, text=True)
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "3 passed" in tests.stdout
    # Installed, offercheck finds it by its entry point and lists it.
    listing = subprocess.run([sys.executable, "-m", "offercheck", "factors"], env={**env, "OFFERCHECK_LOAD_PLUGINS":
                             "office_perks"}, capture_output=True, text=True, check=True)
    assert listing.stdout.splitlines()[-1].split() == ["office_perks", "plugin", "offercheck-office-perks", "0.1.0"]


def _can_build_wheels_here() -> bool:
    if importlib.util.find_spec("setuptools") is None:
        return False
    if importlib.util.find_spec("wheel") is not None:
        return True
    from importlib.metadata import version

    major, minor = (int(x) for x in version("setuptools").split(".")[:2])
    return (major, minor) >= (70, 1)  # setuptools builds wheels without the `wheel` package since 70.1
