"""Read data files fast: parse once, then reuse a JSON copy from the user's cache directory.

The built-in benchmark and factor tables are several hundred kilobytes of documented TOML, which takes the
pure-Python parser longer than the rest of a run. The TOML stays the single source of truth; the cache is keyed
by the file's path, size and modification time and the kind of parse, and is rebuilt whenever the file changes.
Any problem with the cache (read-only home, corrupt file) falls back to parsing.

The cache directory is writable by anyone who can write the user's files, so it holds data only, never code:
JSON of plain values (DESIGN section 8). Reading an entry builds dicts, lists, tuples, strings, numbers and
dates, and nothing else: a crafted file can at worst be ignored. A result that is not plain data (an object)
is recomputed on every run rather than cached.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
import zlib
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

T = TypeVar("T")

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ENV_CACHE_DIR = "OFFERCHECK_CACHE_DIR"
_FORMAT = 2  # bump when the cached structure changes (2: JSON instead of pickle)
# JSON has no tuples or dates: they are stored as {TAG: [kind, value]}. A real mapping with this key is not cached.
_TAG = "\0offercheck"


class _NotPlain(TypeError):
    """A value the cache cannot store as JSON."""


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
    """``compute()``, or its result from an earlier run with the same ``key``.

    The entry stores its full key and is used only on an exact match, so a hash collision in the file name
    can only cost a recomputation. Errors from ``compute`` propagate and nothing is cached for them.
    """
    from offercheck._version import __version__

    full_key = f"{_FORMAT}\0{__version__}\0{sys.version}\0{key}"
    # crc32 rather than a cryptographic hash: hashlib's import alone costs milliseconds at start-up.
    entry = cache_dir() / f"{name}-{zlib.crc32(full_key.encode()):08x}.json"
    try:
        stored_key, data = json.loads(entry.read_bytes(), object_hook=_decode)
        if stored_key == full_key and isinstance(data, expect):
            return data
    except Exception:  # any unreadable or stale entry just means "compute again"
        pass
    data = compute()
    _store(entry, [full_key, data])
    return data


def load_cached(path: Path, kind: str, parse: Callable[[Path], T], expect: type[T]) -> T:
    """``parse(path)``, or its cached result from an earlier run while the file is unchanged.

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


# Packaged tables are read by several rooms in one run (factors.toml by the offer checks and the factors,
# bls_anchor.json by the anchor and the premia): parsed once per process and shared, so read-only.
@cache
def packaged_toml(name: str) -> Mapping[str, Any]:
    """The packaged TOML file ``data/NAME``, parsed once per run; treat it as read-only."""
    return MappingProxyType(load_toml(packaged(name)))


@cache
def packaged_json(name: str) -> dict[str, Any]:
    """The packaged JSON file ``data/NAME``, parsed once per run; treat it as read-only."""
    with packaged(name).open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def _plain(value: Any) -> Any:
    """``value`` as JSON-ready data, with tuples and dates tagged; _NotPlain for anything else."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return {_TAG: ["tuple", [_plain(v) for v in value]]}
    if isinstance(value, dict):
        if _TAG in value or not all(isinstance(k, str) for k in value):
            raise _NotPlain("a mapping the cache cannot tell apart from a tag, or with non-string keys")
        return {k: _plain(v) for k, v in value.items()}
    # datetime before date: a datetime is a date too. TOML's local times are datetime.time.
    for kind in (dt.datetime, dt.date, dt.time):
        if isinstance(value, kind):
            return {_TAG: [kind.__name__, value.isoformat()]}
    raise _NotPlain(type(value).__name__)


def _decode(obj: dict[str, Any]) -> Any:
    """json's object_hook: a tagged tuple or date back to itself; only these few types can come out."""
    if len(obj) != 1 or _TAG not in obj:
        return obj
    kind, value = obj[_TAG]
    parsers: dict[str, Callable[[Any], Any]] = {"tuple": tuple, "datetime": dt.datetime.fromisoformat,
                                                "date": dt.date.fromisoformat, "time": dt.time.fromisoformat}
    return parsers[kind](value)


def _store(cached: Path, data: object) -> None:
    try:
        text = json.dumps(_plain(data), ensure_ascii=False, separators=(",", ":"))
    except (_NotPlain, RecursionError):
        return  # not plain data: recomputed on every run, never stored in a form that could carry code
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a concurrent reader never sees half a file.
        fd, tmp = tempfile.mkstemp(dir=cached.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, cached)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
