"""The parsed-data cache holds data only: a crafted file in the cache directory never runs code (issue 18)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from offercheck import datafiles
from tests.conftest import REPO


class _Evil:
    """Unpickling this opens (creates) ``marker``: proof that the cache ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def _poison(cache: Path, marker: Path) -> int:
    """Overwrite every cache entry, under its own name and the pickle name, with a malicious pickle."""
    payload = pickle.dumps(("key", _Evil(marker)))
    entries = [p for p in cache.iterdir() if p.is_file()]
    for entry in entries:
        entry.write_bytes(payload)
        entry.with_suffix(".pickle").write_bytes(payload)
    return len(entries)


def test_a_crafted_pickle_in_the_cache_is_never_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache, marker = tmp_path / "cache", tmp_path / "pwned"
    monkeypatch.setenv("OFFERCHECK_CACHE_DIR", str(cache))
    src = tmp_path / "t.toml"
    src.write_text("a = 1\n")
    assert datafiles.load_toml(src) == {"a": 1}
    assert _poison(cache, marker) >= 1
    assert datafiles.load_toml(src) == {"a": 1}  # the poisoned entry is ignored, the file parsed again
    assert not marker.exists()


def test_the_cli_never_runs_a_crafted_cache(tmp_path: Path) -> None:
    """Every cache a run uses (benchmarks, factors, tax data: installed plugins are not cached) is poisoned between
    two runs, each a fresh process (in this one the tables may be loaded already, and not read from the cache)."""
    cache, marker = tmp_path / "cache", tmp_path / "pwned"
    env = {**os.environ, "OFFERCHECK_CACHE_DIR": str(cache)}
    args = [sys.executable, "-m", "offercheck", "compare", "examples/bigtech-sf.toml", "examples/startup-nyc.toml",
            "-f", "json"]
    first = subprocess.run(args, capture_output=True, text=True, env=env, cwd=REPO, check=True).stdout
    assert _poison(cache, marker) >= 1
    second = subprocess.run(args, capture_output=True, text=True, env=env, cwd=REPO, check=True).stdout
    assert second == first
    assert not marker.exists()


def test_plain_values_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OFFERCHECK_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "d.toml"
    src.write_text('day = 2026-10-30\nat = 2026-10-30T12:00:00Z\nt = 07:30:00\nx = ["\\u0000offercheck", 1.5]\n')
    expected = {"day": dt.date(2026, 10, 30), "at": dt.datetime(2026, 10, 30, 12, tzinfo=dt.timezone.utc),
                "t": dt.time(7, 30), "x": ["\0offercheck", 1.5]}
    assert datafiles.load_toml(src) == expected
    assert datafiles.load_toml(src) == expected  # from the JSON entry
    rows = [("a", "b", None, "1.0")]
    assert datafiles.cached("rows", "k", lambda: rows, list) == rows
    assert datafiles.cached("rows", "k", lambda: [], list) == rows  # served from the entry, tuples kept


def test_an_unknown_tag_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("OFFERCHECK_CACHE_DIR", str(cache))
    assert datafiles.cached("v", "k", lambda: {"a": 1}, dict) == {"a": 1}
    (entry,) = cache.glob("v-*.json")
    key = json.loads(entry.read_bytes().partition(b"\n")[0])[0]
    # A well-formed entry (its digest matches) whose data holds a tag no decoder knows.
    body = json.dumps({"\0offercheck": ["os.system", "echo hi"]}).encode()
    entry.write_bytes(json.dumps([key, hashlib.sha256(body).hexdigest()]).encode() + b"\n" + body)
    assert datafiles.cached("v", "k", lambda: {"a": 2}, dict) == {"a": 2}


def test_objects_are_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A result that is not plain data is recomputed, never stored in a form that could carry code."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("OFFERCHECK_CACHE_DIR", str(cache))
    assert isinstance(datafiles.cached("o", "k", lambda: _Evil(tmp_path / "m"), _Evil), _Evil)
    assert not list(cache.glob("o-*"))
