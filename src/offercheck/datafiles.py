"""Read data files fast: parse once, then reuse a JSON copy from the user's cache directory.

The built-in benchmark and factor tables are several hundred kilobytes of documented TOML, which takes the
pure-Python parser longer than the rest of a run. The TOML stays the single source of truth; the cache is keyed
by the file's path, size and modification time and the kind of parse, and is rebuilt whenever the file changes.
Any problem with the cache (read-only home, corrupt file) falls back to parsing.

The cache directory is writable by anyone who can write the user's files, so it holds data only, never code:
JSON of plain values (DESIGN section 8). Reading an entry builds dicts, lists, tuples, strings, numbers and
dates, and nothing else: a crafted file can at worst be ignored. A result that is not plain data (an object)
is recomputed on every run rather than cached.

A user's own input files (a survey, an offer, a profile, a benchmark file, a plugin's data) are read with
:func:`read_input`: regular files only, each kind with a stated size limit (INPUT_LIMITS).
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import stat
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


# What a user's input file may be, by kind (DESIGN section 8: inputs are read only from regular files, with stated
# size limits). A survey is the largest: published salary surveys are tens of MB (the ai-jobs.net file is 4 MB, a
# developer survey's results about 150 MB) and the reader holds about three times the file in memory. The other
# kinds are written by hand or by ``offercheck benchmarks build`` (the ai-jobs file becomes about 2 MB of TOML).
INPUT_LIMITS: Mapping[str, int] = MappingProxyType({
    "survey CSV": 512 * 2**20,
    "benchmark file": 64 * 2**20,
    "offer file": 2**20,
    "profile": 2**20,
    "plugin data file": 64 * 2**20,
})
_FILE_TYPES = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
               (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


class InputFileError(OSError):
    """A user's input file that is not read: not a regular file, or over its kind's size limit (INPUT_LIMITS).

    An OSError, so every caller that reports "cannot read: <strerror>" for a missing file reports this too;
    ``filename`` is the path and ``strerror`` the reason ("not a regular file (a FIFO)")."""


def _size(n: int) -> str:
    return f"{n // 2**20} MiB" if n % 2**20 == 0 else f"{n:,} bytes"


def read_input(path: Path | str, kind: str) -> bytes:
    """The bytes of a user's input file of ``kind`` (a key of INPUT_LIMITS: "survey CSV", "offer file", ...).

    Only a regular file is read: a directory, FIFO, device or socket raises InputFileError at once (the file is
    opened without blocking, so a FIFO with no writer does not hang), as does a file larger than the kind's
    limit; at most the limit plus one byte is ever read, whatever the file claims its size is (a /proc file
    says 0, a file may grow while read). Other failures (no such file, no permission) raise the usual OSError.
    """
    try:
        limit = INPUT_LIMITS[kind]
    except KeyError:
        raise ValueError(f"unknown kind of input file {kind!r}; known: {', '.join(INPUT_LIMITS)}") from None
    name = str(path)
    a = "an" if kind[0] in "aeiou" else "a"
    too_large = InputFileError(errno.EFBIG, f"larger than {_size(limit)}, the limit for {a} {kind}", name)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = next((text for test, text in _FILE_TYPES if test(info.st_mode)), "not a file")
            raise InputFileError(errno.EINVAL, f"not a regular file ({what})", name)
        if info.st_size > limit:
            raise too_large
        f = os.fdopen(fd, "rb", buffering=0)
    except BaseException:
        os.close(fd)
        raise
    with f:
        # One read of the stated size fills one buffer (no copy); then read on in case the file is longer than it
        # said, never past limit + 1 bytes in all.
        chunks = [f.read(info.st_size)] if info.st_size else []
        total = sum(map(len, chunks))
        while total <= limit:
            chunk = f.read(min(limit + 1 - total, 2**20))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise too_large
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


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
