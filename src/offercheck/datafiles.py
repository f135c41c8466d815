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


def cached(name: str, key: str, compute: Callable[[], T], expect: type[T]) -> T:
    """``compute()``, or its pickled result from an earlier run with the same ``key``.

    The entry stores its full key and is used only on an exact match, so a hash collision in the file name
    can only cost a recomputation. Errors from ``compute`` propagate and nothing is cached for them.
    """
    from offercheck._version import __version__

    full_key = f"{_FORMAT}\0{__version__}\0{sys.version}\0{key}"
    # crc32 rather than a cryptographic hash: hashlib's import alone costs milliseconds at start-up.
    entry = cache_dir() / f"{name}-{zlib.crc32(full_key.encode()):08x}.pickle"
    try:
        with entry.open("rb") as f:
            stored_key, data = pickle.load(f)
        if stored_key == full_key and isinstance(data, expect):
            return data
    except Exception:  # any unreadable or stale entry just means "compute again"
        pass
    data = compute()
    _store(entry, (full_key, data))
    return data


def load_cached(path: Path, kind: str, parse: Callable[[Path], T], expect: type[T]) -> T:
    """``parse(path)``, or its pickled result from an earlier run while the file is unchanged.

    ``kind`` names the parse (a different parse of the same file is cached apart); the key holds the file's
    resolved path, size and modification time.
    """
    stat = path.stat()
    key = f"{kind}\0{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}"
    return cached(f"{path.stem}-{kind}", key, lambda: parse(path), expect)


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
