"""Read data files fast: parse once, then reuse a JSON copy from the user's cache directory.

The built-in benchmark and factor tables are several hundred kilobytes of documented TOML, which takes the
pure-Python parser longer than the rest of a run. The TOML stays the single source of truth; the cache is keyed
by the file's content (its SHA-256, with its resolved path and the kind of parse), so an edit is seen however the
file's modification time was left.

The cache directory is writable by anyone who can write the user's files, so it holds data only, never code:
JSON of plain values (DESIGN section 8), and nothing read from it decides what code runs (installed plugins are
read from their distributions, ``plugins.installed``). An entry is a header line, ``[key, sha256 of the rest]``,
then the data; it is used only when the key matches exactly, the digest matches the data, the data decodes to
dicts, lists, tuples, strings, numbers and dates, and it has the type the caller expects. Anything else (a
truncated, edited or crafted entry, a special file, an unreadable directory) is a miss: the data is computed
again and the entry rewritten. A result that is not plain data (an object) is recomputed on every run.

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
_FORMAT = 3  # bump when the cached structure changes (2: JSON instead of pickle; 3: header line with a digest)
# JSON has no tuples or dates: they are stored as {TAG: [kind, value]}. A real mapping with this key is not cached.
_TAG = "\0offercheck"


# An entry larger than this is not read (nor written): the largest packaged table is under 1 MB as JSON.
_MAX_ENTRY = 64 * 1024 * 1024
_MISS = object()


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

    The entry stores its full key and is used only on an exact match (and a valid entry, see the module's
    docstring), so a collision in the file name can only cost a recomputation. Errors from ``compute`` propagate
    and nothing is cached for them.
    """
    from offercheck._version import __version__

    full_key = f"{_FORMAT}\0{__version__}\0{sys.version}\0{key}"
    entry = cache_dir() / f"{name}-{_digest(full_key.encode())[:16]}.json"
    found = _read_entry(entry, full_key)
    if found is not _MISS and isinstance(found, expect):
        return found
    data = compute()
    _store(entry, full_key, data)
    return data


def _digest(data: bytes) -> str:
    # hashlib is imported by pydantic (secrets -> hmac) in every run that reads data files, so it costs nothing here.
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _read_entry(entry: Path, full_key: str) -> object:
    """The data of a valid entry for ``full_key``; ``_MISS`` for anything else."""
    try:
        # O_NONBLOCK: a FIFO put in the cache directory must not block the run; only a regular file is read.
        fd = os.open(entry, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return _MISS
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_ENTRY:
            return _MISS
        with os.fdopen(fd, "rb", closefd=False) as f:
            raw = f.read(_MAX_ENTRY + 1)
    except OSError:
        return _MISS
    finally:
        os.close(fd)
    head, _, body = raw.partition(b"\n")
    try:
        header = json.loads(head)
        if not (isinstance(header, list) and len(header) == 2 and header[0] == full_key
                and header[1] == _digest(body)):
            return _MISS
        return json.loads(body, object_hook=_decode)
    except Exception:  # not JSON, a bad tag, nesting too deep: an entry that is not ours
        return _MISS


def load_cached(path: Path, kind: str, parse: Callable[[bytes], T], expect: type[T],
                read: Callable[[Path], bytes] = Path.read_bytes) -> T:
    """``parse(content)``, or its cached result from an earlier run for the same content of ``path``.

    ``kind`` names the parse (a different parse of the same file is cached apart); the key holds the file's
    resolved path and the SHA-256 of its content. The bytes hashed are the bytes parsed. ``read`` reads the file
    (a user's file: ``lambda p: read_input(p, KIND)``), raising OSError as reading it does.
    """
    raw = read(path)
    key = f"{kind}\0{path.resolve()}\0{_digest(raw)}"
    return cached(f"{path.stem}-{kind}", key, lambda: parse(raw), expect)


def _parse_toml(raw: bytes) -> dict[str, Any]:
    return tomllib.loads(raw.decode())  # as tomllib.load decodes a file: strict UTF-8


def load_toml(path: Path, read: Callable[[Path], bytes] = Path.read_bytes) -> dict[str, Any]:
    """Parse ``path`` (raising OSError or TOMLDecodeError as tomllib would), using the cache when valid; ``read``:
    see :func:`load_cached`."""
    return load_cached(path, "toml", _parse_toml, dict, read)


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


def _store(entry: Path, full_key: str, data: object) -> None:
    try:
        body = json.dumps(_plain(data), ensure_ascii=False, separators=(",", ":")).encode()
    except (_NotPlain, RecursionError):
        return  # not plain data: recomputed on every run, never stored in a form that could carry code
    if len(body) > _MAX_ENTRY:
        return
    # One line of header: json.dumps without indent writes no raw newline (a newline in a string is escaped).
    text = json.dumps([full_key, _digest(body)], ensure_ascii=False).encode() + b"\n" + body
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a concurrent reader never sees half a file.
        fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(text)
        os.replace(tmp, entry)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
