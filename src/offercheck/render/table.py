"""``--format table``: plain-text tables for a terminal."""

from __future__ import annotations

from ..comparison import Comparison
from .tables import comparison_sections


def render(c: Comparison) -> str:
    return comparison_sections(c, tablefmt="simple", heading=lambda text: f"{text}\n{'=' * len(text)}")
