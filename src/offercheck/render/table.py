"""``--format table``: plain-text tables for a terminal."""

from __future__ import annotations

from offercheck.render.tables import comparison_sections
from offercheck.results import Comparison


def render(c: Comparison) -> str:
    return comparison_sections(c, tablefmt="simple", heading=lambda text: f"{text}\n{'=' * len(text)}")
