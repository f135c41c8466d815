"""Reading one TOML input file (an offer, a current job, a profile): regular files within their size limit, text
that is UTF-8 TOML, tables nested at most MAX_DEPTH deep; every failure an OfferFileError naming the file."""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from pathlib import Path
from typing import Any

from offercheck.datafiles import InputFileError, read_input
from offercheck.errors import ArgumentError, OfferFileError, OfferFileErrors
from offercheck.offer.checks import not_toml_hint

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["EMPTY_OFFER", "MAX_DEPTH", "dotted_part", "file_path", "read_toml", "too_deep"]


EMPTY_OFFER = "file is empty; an offer needs at least [offer] company and [salary] base"

# Tables and arrays inside one another, at most this deep: an offer file needs four ([plugins.NAME.table] and an
# array in it); deeper data only exhausts the recursion of the code that walks it (validation, freezing, plugins).
MAX_DEPTH = 32


def read_toml(path: Path, empty: str = EMPTY_OFFER, kind: str = "offer file") -> dict[str, Any]:
    """Parse a TOML file, turning every I/O and syntax failure into an OfferFileError (``empty``: for no content).

    The file is read with ``datafiles.read_input`` as a ``kind`` of input: a regular file within its size limit
    (a FIFO, a device or /dev/zero is refused at once, a huge file before it is read). Tables and arrays nested
    more than MAX_DEPTH deep are refused, naming the table.
    """
    name = str(path)
    try:
        raw = read_input(path, kind)
    except FileNotFoundError:
        raise OfferFileError(name, "no such file") from None
    except IsADirectoryError:
        raise OfferFileError(name, f"is a directory, not {_a(kind)}") from None
    except PermissionError:
        raise OfferFileError(name, "permission denied") from None
    except InputFileError as e:
        problem = f"is a directory, not {_a(kind)}" if stat.S_ISDIR(_mode(path)) else f"cannot read: {e.strerror}"
        raise OfferFileError(name, problem) from None
    except OSError as e:
        raise OfferFileError(name, f"cannot read: {e.strerror or e}") from None
    try:
        # utf-8-sig: editors on Windows start UTF-8 files with a byte-order mark.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise OfferFileError(name, f"not UTF-8 text (bad byte at offset {e.start})") from None
    if not text.strip():
        raise OfferFileError(name, empty)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise OfferFileError(name, not_toml_hint(path, text) or f"invalid TOML: {e}") from None
    except RecursionError:
        # tomllib parses nested arrays and inline tables recursively: a few hundred `[` exhaust the stack.
        raise OfferFileError(name, "invalid TOML: arrays or inline tables nested too deeply") from None
    deep = too_deep(data, MAX_DEPTH)
    if deep is not None:
        raise OfferFileError(name, f"tables and arrays nested more than {MAX_DEPTH} deep", deep)
    return data


def _a(kind: str) -> str:
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def _mode(path: Path) -> int:
    try:
        return path.stat().st_mode
    except OSError:
        return 0


def too_deep(data: dict[str, Any], limit: int) -> str | None:
    """The dotted path of the first table or array nested deeper than ``limit`` (without recursing), else None."""
    stack: list[tuple[object, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        value, where = stack.pop()
        if len(where) > limit:
            shown = where[:limit + 1]
            return ".".join(dotted_part(p) if isinstance(p, str) else f"[{p}]" for p in shown).replace(".[", "[")
        if isinstance(value, dict):
            stack.extend((v, (*where, k)) for k, v in value.items() if isinstance(v, (dict, list)))
        elif isinstance(value, list):
            stack.extend((v, (*where, i)) for i, v in enumerate(value) if isinstance(v, (dict, list)))
    return None


def file_path(name: str, value: object) -> Path:
    """``value`` (argument ``name``) as a Path: a str or an os.PathLike naming a str path, not empty."""
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if not isinstance(value, str):
        raise ArgumentError(name, f"must be the path of a file (a str or a pathlib.Path), got {value!r}")
    if not value:  # Path("") is the current directory
        raise OfferFileErrors([OfferFileError("''", "empty file name")])
    return Path(value)


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def dotted_part(part: str | int) -> str:
    """One part of a dotted field path, quoted as TOML quotes keys when it is not a bare key.

    An unknown key can hold a newline or a dot; unquoted, it would split the one-line error message or pass
    for a path (`"salary.base" = 1` is not `salary.base`).
    """
    text = str(part)
    if isinstance(part, int) or _BARE_KEY.fullmatch(text):
        return text
    quoted = json.dumps(text, ensure_ascii=False)  # escapes quotes, backslashes and control characters
    # Also escape what json leaves alone but a terminal or str.splitlines() may break on (U+2028, U+0085, ...).
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}"
                   for c in quoted)
