from __future__ import annotations

import os
from pathlib import Path

import pytest

from offercheck import datafiles


def test_cache_is_used_and_invalidated_by_a_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OFFERCHECK_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "t.toml"
    src.write_text("a = 1\n")
    assert datafiles.load_toml(src) == {"a": 1}
    assert len(list((tmp_path / "cache").glob("t-*.json"))) == 1
    # A changed file (size and mtime) must not be served from the old cache entry.
    src.write_text("a = 22\n")
    os.utime(src, ns=(1, 1))
    assert datafiles.load_toml(src) == {"a": 22}


def test_unwritable_cache_falls_back_to_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("OFFERCHECK_CACHE_DIR", str(blocker / "sub"))  # a path under a file cannot be created
    src = tmp_path / "t.toml"
    src.write_text("b = [1, 2]\n")
    assert datafiles.load_toml(src) == {"b": [1, 2]}


def test_corrupt_cache_entry_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OFFERCHECK_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "t.toml"
    src.write_text("c = 'x'\n")
    datafiles.load_toml(src)
    (entry,) = (tmp_path / "cache").glob("t-*.json")
    entry.write_bytes(b"not json")
    assert datafiles.load_toml(src) == {"c": "x"}
