"""Installed plugins are read from the installed distributions, never from a cache (issue 27 item 9).

The entry-point list was cached in ``~/.cache/offercheck/entry-points-*.json``: an entry appended there made
offercheck import the module it named, and a malformed one ended in "internal error". The cache directory is
writable by anything that can write the user's files, so it must never decide what code runs (DESIGN section 8).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from importlib.metadata import distributions
from pathlib import Path

import pytest

from offercheck.plugins import installed
from tests.conftest import REPO


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """offercheck in a subprocess, as a user runs it: installed plugins loaded, the test's own cache directory,
    and ``tmp_path/mods`` (where ``evilmod`` lives) importable."""
    env = {k: v for k, v in os.environ.items() if k != "OFFERCHECK_LOAD_PLUGINS"}
    env.update(OFFERCHECK_CACHE_DIR=str(tmp_path / "cache"), PYTHONPATH=str(tmp_path / "mods"))
    return subprocess.run([sys.executable, "-m", "offercheck", *args], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=120)


@pytest.fixture
def evilmod(tmp_path: Path) -> Path:
    """A module that leaves a marker file when imported; returns the marker's path."""
    marker = tmp_path / "imported"
    mods = tmp_path / "mods"
    mods.mkdir()
    (mods / "evilmod.py").write_text(f"open({str(marker)!r}, 'w').close()\n", encoding="utf-8")
    return marker


def old_entry_point_caches(cache: Path) -> list[tuple[Path, str, list[object]]]:
    """The entry-point cache files as offercheck wrote them before (``[key, [[name, value, dist, version]...]]``)."""
    found = []
    for path in cache.glob("entry-points-*.json"):
        key, entries = json.loads(path.read_text(encoding="utf-8"))
        found.append((path, key, entries))
    return found


def test_an_entry_appended_to_the_cache_is_never_imported(tmp_path: Path, evilmod: Path) -> None:
    first = run(tmp_path, "plugins", "--json")
    assert first.returncode == 0, first.stderr
    for path, key, entries in old_entry_point_caches(tmp_path / "cache"):
        stamp = path.stat()
        path.write_text(json.dumps([key, [*entries, ["zz", "evilmod", None, None]]]), encoding="utf-8")
        os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    second = run(tmp_path, "plugins", "--json")
    assert second.returncode == 0, second.stderr
    assert not evilmod.exists(), "offercheck imported a module named by its cache"
    assert "zz" not in {p["name"] for p in json.loads(second.stdout)}


def test_no_cache_file_names_a_plugin_module(tmp_path: Path) -> None:
    """The installed example plugin's module name appears in no file the runs leave in the cache directory."""
    for args in (("plugins", "--json"), ("compare", "examples/bigtech-sf.toml", "--format", "json")):
        assert run(tmp_path, *args).returncode == 0
    assert "pay_range" in run(tmp_path, "plugins", "--json").stdout  # the plugin is installed and found
    named = [p.name for p in (tmp_path / "cache").iterdir() if b"offercheck_pay_range" in p.read_bytes()]
    assert not named


@pytest.mark.parametrize("content", ['{"unexpected":1}', "[1]", '[{"unexpected":1}]', '"x"', "[[\"a\"]]", "\0\xff"],
                         ids=["object", "int", "object-in-list", "string", "short-entry", "binary"])
def test_a_malformed_cache_is_never_an_internal_error(tmp_path: Path, content: str) -> None:
    assert run(tmp_path, "compare", "examples/bigtech-sf.toml").returncode == 0  # fills the cache
    (tmp_path / "cache").mkdir(exist_ok=True)
    for path, key, _ in old_entry_point_caches(tmp_path / "cache"):
        # The old layout kept: the key still matches, the entries are what the parametrisation says.
        path.write_text(json.dumps([key, json.loads(content)]) if content[0] != "\0" else content, encoding="utf-8")
    for entry in (tmp_path / "cache").iterdir():  # and every other entry of any kind replaced outright
        if not entry.name.startswith("entry-points-"):
            entry.write_text(content, encoding="utf-8")
    for args in (("--help",), ("plugins",), ("compare", "examples/bigtech-sf.toml")):
        result = run(tmp_path, *args)
        assert result.returncode == 0 and "internal error" not in result.stderr, (args, result.stderr)


# --- the reader agrees with importlib.metadata -------------------------------------------------------------------


def dist(site: Path, folder: str, entry_points_txt: str, metadata: str | None = None) -> None:
    info = site / folder
    info.mkdir(parents=True)
    (info / "entry_points.txt").write_text(textwrap.dedent(entry_points_txt), encoding="utf-8")
    if metadata is not None:
        name = "PKG-INFO" if folder.endswith(".egg-info") else "METADATA"
        (info / name).write_text(textwrap.dedent(metadata), encoding="utf-8")


def test_the_reader_finds_what_importlib_metadata_finds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    dist(first, "Offercheck_Alpha-1.0.dist-info", """
        [console_scripts]
        alpha = alpha:main
        # a comment
        [offercheck]
        alpha = alpha_plugin
          spaced   =   spaced.mod : attr
        [offercheck.other]
        not_ours = x
        """, "Metadata-Version: 2.1\nName: Offercheck.Alpha\nVersion: 1.0\n\nName: not this one\n")
    # The same distribution again further down sys.path (named with other separators): importlib sees the first.
    dist(second, "offercheck_alpha-0.9.dist-info", "[offercheck]\nalpha = old_alpha\n",
         "Name: offercheck-alpha\nVersion: 0.9\n")
    dist(second, "legacy-2.0.egg-info", "[offercheck]\nlegacy = legacy_plugin\n", "Name: legacy\nVersion: 2.0\n")
    dist(second, "nometa-1.dist-info", "[offercheck]\nnometa = nometa\n")  # no METADATA: no name, no version
    dist(second, "headers-1.dist-info", "[[offercheck]]\nh = h\n", "Name: headers\nVersion: 1\n")
    (second / "broken-1.dist-info").mkdir()  # no entry_points.txt
    monkeypatch.setattr(sys, "path", [str(first), str(tmp_path / "missing"), str(second), *sys.path])
    for group in {"offercheck", "console_scripts", "offercheck.other", "pytest11"}:
        found = installed.installed_entry_points(group)
        assert found == installed.from_importlib(group), group
    ours = {"alpha", "h", "legacy", "nometa", "spaced"}
    assert [ep for ep in installed.installed_entry_points() if ep[0] in ours] == [
        ("alpha", "alpha_plugin", "Offercheck.Alpha", "1.0"), ("h", "h", "headers", "1"),
        ("legacy", "legacy_plugin", "legacy", "2.0"), ("nometa", "nometa", None, None),
        ("spaced", "spaced.mod : attr", "Offercheck.Alpha", "1.0")]


def test_every_group_installed_here_reads_the_same() -> None:
    groups = {ep.group for d in distributions() for ep in d.entry_points}
    assert "console_scripts" in groups
    for group in groups:
        assert installed.installed_entry_points(group) == installed.from_importlib(group), group


def test_a_zip_on_sys_path_is_left_to_importlib_metadata(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import zipfile

    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("zipped-1.0.dist-info/entry_points.txt", "[offercheck]\nzipped = zipped\n")
        z.writestr("zipped-1.0.dist-info/METADATA", "Name: zipped\nVersion: 1.0\n")
    monkeypatch.setattr(sys, "path", [str(archive), *sys.path])
    assert ("zipped", "zipped", "zipped", "1.0") in installed.installed_entry_points()
