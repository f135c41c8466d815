"""Read data files fast: parse (and validate) once, then reuse a pickled copy from the user's cache directory.

The built-in benchmark and factor tables are several hundred kilobytes of documented TOML, which takes the
pure-Python parser and validation longer than the rest of a run. The TOML stays the single source of truth;
the cache is keyed by the file's path, size and modification time and the kind of parse, and is rebuilt
whenever the file changes. Any problem with the cache (read-only home, corrupt file) falls back to parsing.
"""

from __future__ import annotations

import os
import pickle
import sys
import tempfile
import zlib
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ENV_CACHE_DIR = "OFFERCHECK_CACHE_DIR"
_FORMAT = 1  # bump when the cached structure changes


def packaged(name: str) -> Path:
    """Path of a file in the package's ``data/`` directory."""
    return Path(str(resources.files("offercheck").joinpath("data", *name.split("/"))))


def cache_dir() -> Path:
    explicit = os.environ.get(ENV_CACHE_DIR)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "offercheck"


def _cache_path(path: Path, stat: os.stat_result, kind: str) -> Path:
    from . import __version__

    # crc32 rather than a cryptographic hash: hashlib's import alone costs milliseconds, and size and mtime are
    # in the name too, so a collision would need the same file name, size and modification time.
    key = f"{_FORMAT}\0{kind}\0{__version__}\0{path.resolve()}\0{sys.version}"
    return cache_dir() / f"{path.stem}-{kind}-{stat.st_size}-{stat.st_mtime_ns}-{zlib.crc32(key.encode()):08x}.pickle"


def load_cached(path: Path, kind: str, parse: Callable[[Path], T], expect: type[T]) -> T:
    """``parse(path)``, or its pickled result from an earlier run while the file is unchanged.

    ``kind`` names the parse (a different parse of the same file is cached apart); errors from ``parse``
    propagate and nothing is cached for them.
    """
    stat = path.stat()
    cached = _cache_path(path, stat, kind)
    try:
        with cached.open("rb") as f:
            data = pickle.load(f)
        if isinstance(data, expect):
            return data
    except Exception:  # any unreadable or stale entry just means "parse again"
        pass
    data = parse(path)
    _store(cached, data)
    return data


def _parse_toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as f:
        return tomllib.load(f)


def load_toml(path: Path) -> dict[str, Any]:
    """Parse ``path`` (raising OSError or TOMLDecodeError as tomllib would), using the cache when valid."""
    return load_cached(path, "toml", _parse_toml, dict)


def _store(cached: Path, data: object) -> None:
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a concurrent reader never sees half a file.
        fd, tmp = tempfile.mkstemp(dir=cached.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cached)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
