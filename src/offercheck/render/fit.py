"""Terminal text that fits a width: long text wraps inside its column; a table too wide for that stacks.

The width is set once per rendering (``fitting``) rather than passed through every section function: the
sections are shared with markdown, which never wraps, and only ``grid`` and ``fit_prose`` need it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from tabulate import tabulate

from offercheck.render.common import clip, wrap

__all__ = ["fit_prose", "fitting", "grid"]

_WIDTH: ContextVar[int | None] = ContextVar("offercheck_text_width", default=None)
_GAP = 2  # tabulate's "simple" format puts two spaces between columns
_MIN_TEXT = 12  # narrower than this, a wrapped column is harder to read than a stacked block


@contextmanager
def fitting(width: int | None) -> Iterator[None]:
    """Within the block, terminal tables and prose fit ``width`` characters (None: one line per row)."""
    token = _WIDTH.set(width)
    try:
        yield
    finally:
        _WIDTH.reset(token)


def grid(rows: Sequence[Sequence[object]], headers: Sequence[str], *, tablefmt: str,
         colalign: Sequence[str] | None = None) -> str:
    """``tabulate`` (numbers as given); a terminal table ("simple") fitted to the width in effect, its cells cut at
    TEXT_LIMIT characters (``clip``: fitting a cell is not linear in its length; markdown cells are cut, before
    they are escaped, by ``markdown_text``)."""
    if tablefmt == "simple":
        rows = [[clip(x) if isinstance(x, str) else x for x in row] for row in rows]
    wide: str = tabulate(rows, headers, tablefmt=tablefmt, colalign=colalign, disable_numparse=True)
    width = _WIDTH.get()
    if tablefmt != "simple" or width is None or _longest(wide) <= width:
        return wide
    cells = [[str(x) for x in row] for row in rows]
    return _wrapped(cells, headers, colalign, width) or _stacked(cells, headers, width)


def fit_prose(text: str, width: int | None = None) -> str:
    """``text`` with every line longer than the width wrapped, keeping its indent (and a bullet's hanging one)."""
    width = width or _WIDTH.get()
    if width is None:
        return text
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        indent = re.match(r"\s*(?:[-*] |\d+\. )?", line)
        hang = " " * (indent.end() if indent else 0)
        out.extend(wrap(line, width, rest=hang) or [line[:width]])
    return "\n".join(out)


def _longest(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


def _natural(cells: list[list[str]], headers: Sequence[str], i: int) -> int:
    """Column ``i``'s width in tabulate: its longest line, and at least the header plus tabulate's padding of 2."""
    lines = [line for text in (row[i] for row in cells) for line in text.splitlines()]
    return max([len(headers[i]) + 2, *(len(line) for line in lines)])


def _wrapped(cells: list[list[str]], headers: Sequence[str], colalign: Sequence[str] | None,
             width: int) -> str | None:
    """The table with its long text columns wrapped to fit, or None when that cannot fit."""
    n = len(headers)
    natural = [_natural(cells, headers, i) for i in range(n)]
    align = colalign or ("left",) * n
    text = [i for i in range(n) if align[i] == "left" and natural[i] > _MIN_TEXT]
    budget = width - _GAP * (n - 1) - sum(natural[i] for i in range(n) if i not in text)
    if not text or budget < _MIN_TEXT * len(text):
        return None
    widths = {i: natural[i] for i in text}
    while sum(widths.values()) > budget:  # narrow the widest text column, one character at a time
        widest = max(widths, key=lambda i: widths[i])
        widths[widest] -= 1
    out: str = tabulate(cells, headers, tablefmt="simple", colalign=colalign, disable_numparse=True,
                        maxcolwidths=[widths.get(i) for i in range(n)])
    return out if _longest(out) <= width else None


def _stacked(cells: list[list[str]], headers: Sequence[str], width: int) -> str:
    """One block per row: its name (the Offer column, else the first), then one ``header  value`` line each."""
    key = list(headers).index("Offer") if "Offer" in headers else 0
    label = min(max(len(h) for h in headers), width // 2)
    room = max(width - label - 4, 10)
    blocks = []
    for row in cells:
        lines = wrap(row[key], width, hyphens=True) or [headers[key] or "-"]
        for i, (header, value) in enumerate(zip(headers, row, strict=True)):
            if i == key:
                continue
            head, *rest = wrap(value, room) or [""]
            lines.append(f"  {header:<{label}}  {head}".rstrip())
            lines.extend(" " * (label + 4) + more for more in rest)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
