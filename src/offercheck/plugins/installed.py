"""The installed plugins: the ``offercheck`` entry points of the distributions on ``sys.path``, read from their own
metadata on every run.

No cache is involved: which code a run imports is decided by what is installed, never by a file in the cache
directory (DESIGN section 8). Reading is cheap because it is what ``importlib.metadata.entry_points`` does, without
its generality: list each ``sys.path`` directory, and for every ``*.dist-info`` / ``*.egg-info`` found read
``entry_points.txt`` (parsed only when it has an ``[offercheck]`` section) and, for a distribution with an
offercheck entry point, the name and version in its METADATA. The same rules decide which distribution is seen
when one is installed twice (the first on ``sys.path`` wins, names compared as importlib.metadata normalises
them). Anything this reader does not handle (a zip archive or an ``.egg`` on ``sys.path``, an import finder that
finds distributions of its own) is left to ``importlib.metadata``.
"""

from __future__ import annotations

import importlib.machinery
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator

__all__ = ["ENTRY_POINT_GROUP", "EntryPoint", "from_importlib", "installed_entry_points"]

ENTRY_POINT_GROUP = "offercheck"

# (name, value, distribution name, version), as the plugin manager uses them.
EntryPoint = tuple[str, str, str | None, str | None]

_INFO = (".dist-info", ".egg-info")
_MAX_METADATA = 4 * 1024 * 1024  # entry_points.txt and METADATA are a few kilobytes
_SEPARATORS = re.compile(r"[-_.]+")


class _Unhandled(Exception):
    """A ``sys.path`` entry or an import finder that importlib.metadata reads in ways this module does not."""


def installed_entry_points(group: str = ENTRY_POINT_GROUP) -> list[EntryPoint]:
    """Every installed entry point of ``group``, sorted (by name, then value)."""
    try:
        if any(getattr(f, "find_distributions", None) is not None and f is not importlib.machinery.PathFinder
               for f in sys.meta_path):
            raise _Unhandled
        return sorted(_scan(sys.path, group))
    except _Unhandled:
        return from_importlib(group)


def from_importlib(group: str = ENTRY_POINT_GROUP) -> list[EntryPoint]:
    """:func:`installed_entry_points` as ``importlib.metadata`` finds them (slower: the reference)."""
    from importlib.metadata import entry_points

    return sorted((ep.name, ep.value, ep.dist.name if ep.dist else None, ep.dist.version if ep.dist else None)
                  for ep in entry_points(group=group))


def _normalise(name: str) -> str:
    """A distribution's name as importlib.metadata compares them (PEP 503, dashes as underscores)."""
    return _SEPARATORS.sub("_", name).lower()


def _scan(paths: Iterable[str], group: str) -> Iterator[EntryPoint]:
    seen: set[str] = set()
    for root in paths:
        if not isinstance(root, str) or root.lower().endswith(".egg"):
            raise _Unhandled
        try:
            children = os.listdir(root or ".")
        except NotADirectoryError:  # a zip archive
            raise _Unhandled from None
        except OSError:  # missing or unreadable: importlib.metadata finds nothing there either
            continue
        for child in children:
            low = child.lower()
            if not low.endswith(_INFO):
                continue
            name = _normalise(low.rpartition(".")[0].partition("-")[0])
            if name in seen:  # the same distribution further down sys.path (or twice here): the first wins
                continue
            seen.add(name)
            yield from _entry_points(os.path.join(root or ".", child), group)


def _entry_points(info: str, group: str) -> Iterator[EntryPoint]:
    raw = _read_bytes(os.path.join(info, "entry_points.txt"))
    # Most distributions have no such section: looked for in the bytes (its header, as a line holds it once
    # stripped), and only then decoded and parsed.
    if raw is None or f"[{group}]".encode() not in raw:
        return
    try:
        text = raw.decode()
    except UnicodeDecodeError:
        return
    found = list(_section(text, group))
    if not found:
        return
    # As importlib.metadata reads it: METADATA, else (an egg-info) PKG-INFO.
    name, version = _name_version(_read(os.path.join(info, "METADATA")) or _read(os.path.join(info, "PKG-INFO"))
                                  or "")
    for key, value in found:
        yield key, value, name, version


def _section(text: str, group: str) -> Iterator[tuple[str, str]]:
    """The ``name = value`` lines of the section ``[group]``, as importlib.metadata reads the file."""
    section = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
        elif section == group:
            key, sep, value = line.partition("=")
            if sep:
                yield key.strip(), value.strip()


def _name_version(text: str) -> tuple[str | None, str | None]:
    """The first ``Name:`` and ``Version:`` of a metadata file's headers (they end at the first blank line)."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            break
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if sep and key in ("name", "version") and key not in found:
            found[key] = value.strip()
    return found.get("name"), found.get("version")


def _read(path: str) -> str | None:
    raw = _read_bytes(path)
    try:
        return None if raw is None else raw.decode()
    except UnicodeDecodeError:
        return None


def _read_bytes(path: str) -> bytes | None:
    """A small file's bytes (None if it cannot be read, or is over 4 MB, or is not a regular file: a FIFO or a
    device must not block or flood a run). Without Python's file objects, which cost more than the read for the
    hundred-odd files a scan opens, most of them absent."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        chunks, size = [], 0
        while size <= _MAX_METADATA and (chunk := os.read(fd, 65536)):
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks) if size <= _MAX_METADATA else None
    except OSError:
        return None
    finally:
        os.close(fd)
