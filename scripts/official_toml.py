"""A small TOML writer for the packaged official tables (scripts/build_official.py).

tomli_w writes every nested mapping as its own [table]; the official tables are easier to read (and much smaller)
with one inline table per cell on one line, so this writes exactly that: top-level scalars, [tables] of scalars
and inline tables, and arrays of inline tables one element per line. Strings are JSON-escaped, which is valid
TOML for every character the tables hold.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def key(k: str) -> str:
    return k if _BARE.match(k) else json.dumps(k, ensure_ascii=False)


def value(v: Any) -> str:
    """One TOML value on one line (inline tables and arrays nest)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, Mapping):
        return "{" + ", ".join(f"{key(k)} = {value(x)}" for k, x in v.items()) + "}"
    if isinstance(v, Sequence):
        return "[" + ", ".join(value(x) for x in v) + "]"
    raise TypeError(f"no TOML form for {type(v).__name__}")


def _is_rows(v: Any) -> bool:
    return isinstance(v, list) and bool(v) and all(isinstance(x, Mapping) for x in v)


def table(name: str | None, body: Mapping[str, Any]) -> str:
    """``[name]`` then ``k = v`` lines; a list of mappings is written one element per line."""
    lines = [f"[{name}]"] if name else []
    for k, v in body.items():
        if _is_rows(v):
            lines.append(f"{key(k)} = [")
            lines.extend(f"  {value(x)}," for x in v)
            lines.append("]")
        else:
            lines.append(f"{key(k)} = {value(v)}")
    return "\n".join(lines) + "\n"


def document(header: str, sections: Sequence[tuple[str | None, Mapping[str, Any]]]) -> str:
    """A whole file: ``#`` comment lines, then each (table name, body) section."""
    comment = "".join(f"# {line}\n".replace("# \n", "#\n") for line in header.strip().splitlines())
    return comment + "\n" + "\n".join(table(name, body) for name, body in sections)
