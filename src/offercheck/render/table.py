"""``--format table``: plain-text tables for a terminal."""

from __future__ import annotations

import re

from offercheck.render.common import printable
from offercheck.render.fit import fit_prose, fitting
from offercheck.render.tables import comparison_sections
from offercheck.results import Comparison

_HEADING = re.compile(r"^(.+)\n(=+)$", re.M)


def render(c: Comparison, width: int | None = None, colour: bool = False) -> str:
    """The tables; with ``width``, every line fits it (long text wraps, wide tables stack one block per offer).

    ``colour``: headings in bold (ANSI), for a terminal only; added after user text is made printable.
    """
    with fitting(width):
        text = printable(fit_prose(comparison_sections(
            c, tablefmt="simple", heading=lambda text: f"{text}\n{'=' * len(text)}")))
    if not colour:
        return text
    return _HEADING.sub(lambda m: f"\x1b[1m{m[1]}\x1b[0m\n{m[2]}" if len(m[1]) == len(m[2]) else m[0], text)
