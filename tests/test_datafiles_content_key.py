"""The parsed-data cache is keyed by content and validated when read (issue 27 item 9, DESIGN section 8).

It was keyed by the file's size and modification time: a file edited and its mtime put back (``touch -r``) was
served stale. A bad entry of any kind is a miss: the file is parsed again and the entry rewritten.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from offercheck import datafiles


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cache"
    monkeypatch.setenv("OFFERCHECK_CACHE_DIR", str(path))
    return path


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The contents datafiles actually parsed (a cache hit parses nothing)."""
    seen: list[bytes] = []
    real = datafiles._parse_toml

    def spy(raw: bytes) -> dict[str, object]:
        seen.append(raw)
        return real(raw)

    monkeypatch.setattr(datafiles, "_parse_toml", spy)
    return seen


def test_an_edit_with_the_mtime_put_back_is_seen(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "t.toml"
    src.write_text("a = 1\n")
    assert datafiles.load_toml(src) == {"a": 1}
    stamp = src.stat()
    src.write_text("a = 2\n")  # the same size
    os.utime(src, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # touch -r
    assert src.stat().st_mtime_ns == stamp.st_mtime_ns and src.stat().st_size == stamp.st_size
    assert datafiles.load_toml(src) == {"a": 2}


def test_a_valid_entry_is_used_and_the_same_content_elsewhere_is_cached_apart(
        tmp_path: Path, cache: Path, parses: list[bytes]) -> None:
    src = tmp_path / "t.toml"
    src.write_text("a = 1\n")
    assert datafiles.load_toml(src) == datafiles.load_toml(src) == {"a": 1}
    assert parses == [b"a = 1\n"]  # parsed once, then served from the entry
    other = tmp_path / "u.toml"
    other.write_text("a = 1\n")
    assert datafiles.load_toml(other) == {"a": 1}


def _corruptions(entry: Path) -> dict[str, bytes]:
    raw = entry.read_bytes()
    head, _, body = raw.partition(b"\n")
    return {
        "unexpected object": b'{"unexpected":1}',
        "old layout": json.dumps([json.loads(head)[0], {"unexpected": 1}]).encode(),
        "data edited": head + b"\n" + body.replace(b"1", b"7"),
        "data replaced": head + b"\n" + b'{"unexpected":1}',
        "digest edited": head.replace(b'"]', b'0"]') + b"\n" + body,
        "header only": head,
        "truncated": raw[: len(raw) // 2],
        "empty": b"",
        "not utf-8": b"\xff\xfe" + raw,
        "nested": b"[" * 100_000,
    }


def test_a_bad_entry_is_a_miss_and_is_rewritten(tmp_path: Path, cache: Path, parses: list[bytes]) -> None:
    src = tmp_path / "t.toml"
    src.write_text("a = 1\nb = [1, 2]\n")
    expected = {"a": 1, "b": [1, 2]}
    assert datafiles.load_toml(src) == expected
    (entry,) = cache.glob("t-toml-*.json")
    good = entry.read_bytes()
    for name, bad in _corruptions(entry).items():
        entry.write_bytes(bad)
        parses.clear()
        assert datafiles.load_toml(src) == expected, name
        assert parses, f"{name}: served from a bad entry"
        assert entry.read_bytes() == good, f"{name}: not rewritten"


def test_an_entry_of_the_wrong_type_is_a_miss(cache: Path) -> None:
    assert datafiles.cached("v", "k", lambda: [1, 2], list) == [1, 2]
    assert datafiles.cached("v", "k", lambda: {"a": 1}, dict) == {"a": 1}  # a list where a dict is expected


def test_a_fifo_in_the_cache_does_not_block(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "t.toml"
    src.write_text("a = 1\n")
    assert datafiles.load_toml(src) == {"a": 1}
    (entry,) = cache.glob("t-toml-*.json")
    entry.unlink()
    os.mkfifo(entry)
    result: list[object] = []
    reader = threading.Thread(target=lambda: result.append(datafiles.load_toml(src)), daemon=True)
    reader.start()
    reader.join(10)
    if reader.is_alive():  # unblock the reader before failing, so the thread ends
        fd = os.open(entry, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        reader.join(10)
        pytest.fail("reading a FIFO in the cache directory blocked")
    assert result == [{"a": 1}]
