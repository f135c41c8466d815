"""Reading benchmark files: the packaged one, a user's ``--benchmarks`` file or a plugin's, each validated once
(a user's eagerly, cell by cell; the packaged one lazily) and cached by the content of the bytes read."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from offercheck.datafiles import cached, load_toml, packaged, packaged_toml, read_input
from offercheck.market.benchmarks import BenchmarkFileError, BenchmarkSet, raw_key
from offercheck.market.schema import FORMAT_VERSION, BenchmarkFile, CellKey

# A version check rather than try/except: mypy (run for 3.10) understands it and checks the tomli branch.
if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

__all__ = ["load_benchmarks", "load_factor_tables"]


def load_benchmarks(path: Path | None = None, *, kind: str = "benchmark file") -> BenchmarkSet:
    """The packaged benchmarks (``path`` None) or a benchmark TOML file; cached until the file changes.

    A file is read as a ``kind`` of user input (``datafiles.read_input``: a regular file within the kind's size
    limit, ``"plugin data file"`` for a set a plugin registers by path), its tables nested at most
    ``offer.loading.MAX_DEPTH`` deep.
    """
    if path is None:
        return _packaged()
    path = Path(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise BenchmarkFileError(str(path), "no such file") from None
    except OSError as e:
        raise BenchmarkFileError(str(path), f"cannot read the file: {e.strerror or e}") from e
    return _load_file(str(path.resolve()), st.st_mtime_ns, st.st_size, str(path), kind=kind)


@cache
def _packaged() -> BenchmarkSet:
    # The packaged file is checked cell by cell in the test suite, so it is validated lazily.
    return _parse(load_toml(packaged("benchmarks.toml")), "offercheck/data/benchmarks.toml", eager=False)


@cache
def _load_file(resolved: str, mtime_ns: int, size: int, shown: str, *, kind: str) -> BenchmarkSet:
    # mtime_ns and size are only part of the in-process cache key; the on-disk cache is keyed by the content.
    from offercheck.offer.reading import MAX_DEPTH, too_deep

    path = Path(resolved)
    if path.is_dir():
        raise BenchmarkFileError(shown, "is a directory, not a benchmark file")
    try:
        raw = read_input(path, kind)
    except OSError as e:  # InputFileError too: a FIFO, a device, a file over the size limit
        raise BenchmarkFileError(shown, f"cannot read the file: {e.strerror or e}") from e
    try:
        data = _parsed_toml(raw, resolved)
    except UnicodeDecodeError as e:
        raise BenchmarkFileError(shown, "not UTF-8 text") from e
    except tomllib.TOMLDecodeError as e:
        raise BenchmarkFileError(shown, f"not valid TOML: {e}") from e
    except RecursionError as e:
        raise BenchmarkFileError(shown, "not valid TOML: arrays or inline tables nested too deeply") from e
    deep = too_deep(data, MAX_DEPTH)
    if deep is not None:
        raise BenchmarkFileError(shown, f"tables and arrays nested more than {MAX_DEPTH} deep", deep)
    return _parse(data, shown)


def _parsed_toml(raw: bytes, resolved: str) -> dict[str, Any]:
    """``raw`` parsed, or the parse cached on disk for the same bytes of the same file (plain data only)."""
    import hashlib

    key = f"benchmark-toml\0{resolved}\0{hashlib.sha256(raw).hexdigest()}"
    return cached(f"{Path(resolved).stem}-toml", key, lambda: tomllib.loads(raw.decode()), dict)


def _parse(raw: dict[str, Any], name: str, *, eager: bool = True) -> BenchmarkSet:
    """Validate a benchmark file; ``eager`` checks every cell now (a user's file) rather than on first use."""
    try:
        data = BenchmarkFile.model_validate(raw)
    except ValidationError as e:
        raise _file_error(name, e) from e
    # A file `benchmarks build` wrote (meta.built) in an older format has cells keyed and computed differently
    # (totals were base x bonus norm, n the borrowed cell's): rebuilt, not guessed at. Hand-written files and
    # plugin sets without meta.built are read as they are. A newer format than this version knows is refused.
    meta = raw.get("meta") or {}
    if "built" in meta and data.meta.format < FORMAT_VERSION:
        old = f"format {meta['format']}" if "format" in meta else "no meta.format (format 1)"
        raise BenchmarkFileError(name, f"built by an older offercheck ({old}; this version reads format "
                                       f"{FORMAT_VERSION}): rebuild it with "
                                       f"`offercheck benchmarks build SURVEY.csv -o {name}`", "meta.format")
    if data.meta.format > FORMAT_VERSION:
        raise BenchmarkFileError(name, f"benchmark file format {data.meta.format}; this offercheck reads up to "
                                       f"format {FORMAT_VERSION}: upgrade offercheck, or rebuild the file with "
                                       "`offercheck benchmarks build SURVEY.csv`", "meta.format")
    sources = {s.id: s for s in data.sources}
    seen: dict[CellKey, int] = {}
    for i, cell in enumerate(data.cells):
        source = cell.get("source")
        if source is not None and source not in sources:
            raise BenchmarkFileError(name, f"unknown source {source!r}; [[sources]] ids: "
                                           f"{', '.join(sources)}", f"cells[{i}].source")
        if source is None and len(sources) > 1:
            raise BenchmarkFileError(name, "required when the file has more than one source",
                                     f"cells[{i}].source")
        key = raw_key(cell)
        if key in seen:
            raise BenchmarkFileError(name, f"same role/experience/country/city as cells[{seen[key]}]", f"cells[{i}]")
        seen[key] = i
    benchmarks = BenchmarkSet(data.meta, sources, data.cells, origin=name)
    if eager:
        for i in range(len(data.cells)):
            try:
                benchmarks.cell(i)
            except ValidationError as e:
                raise _file_error(name, e, prefix=f"cells[{i}]") from e
    return benchmarks


def _file_error(name: str, e: ValidationError, prefix: str = "") -> BenchmarkFileError:
    # An unknown key is usually a typo and the cause of the other problems ([[cell]] -> cells missing).
    err = min(e.errors(), key=lambda x: x["type"] != "extra_forbidden")
    parts = [prefix] if prefix else []
    parts += [f"[{p}]" if isinstance(p, int) else str(p) for p in err["loc"]]
    field = ".".join(parts).replace(".[", "[")
    others = e.error_count() - 1
    more = f" (and {others} more problem{'s' if others > 1 else ''})" if others else ""
    return BenchmarkFileError(name, f"{err['msg']}{more}", field or None)


def load_factor_tables() -> Mapping[str, Any]:
    """The packaged factor tables (``data/factors.toml``): multipliers with source, year and method.

    Read once and shared: treat the result as read-only.
    """
    return packaged_toml("factors.toml")
