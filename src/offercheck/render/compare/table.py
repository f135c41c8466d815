"""``compare --format table``: plain-text tables for a terminal."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from offercheck.render.common import TABLE, printable
from offercheck.render.compare import text
from offercheck.render.fit import fit_prose, fitting

if TYPE_CHECKING:
    from offercheck.results import Comparison

_HEADING = re.compile(r"^(.+)\n(=+)$", re.M)


def render(c: Comparison, *, width: int | None = None, colour: bool = False, explain: bool = False) -> str:
    """The tables; with ``width``, every line fits it (long text wraps, wide tables stack one block per offer).
    ``explain``: with the factor tables, sources and notes (``--explain``).

    ``colour``: headings in bold (ANSI), for a terminal only; added after user text is made printable.
    """
    with fitting(width):
        page = printable(fit_prose(text(c, TABLE, explain=explain)))
    if not colour:
        return page
    return _HEADING.sub(lambda m: f"\x1b[1m{m[1]}\x1b[0m\n{m[2]}" if len(m[1]) == len(m[2]) else m[0], page)
