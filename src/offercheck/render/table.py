"""``--format table``: plain-text tables for a terminal."""

from __future__ import annotations

from offercheck.render.fit import fit_prose, fitting
from offercheck.render.tables import comparison_sections
from offercheck.results import Comparison


def render(c: Comparison, width: int | None = None, colour: bool = False) -> str:
    """The tables; with ``width``, every line fits it (long text wraps, wide tables stack one block per offer).

    ``colour``: headings in bold (ANSI), for a terminal only.
    """
    bold, plain = ("\x1b[1m", "\x1b[0m") if colour else ("", "")
    with fitting(width):
        text = comparison_sections(c, tablefmt="simple",
                                   heading=lambda text: f"{bold}{text}{plain}\n{'=' * len(text)}")
        return fit_prose(text)
