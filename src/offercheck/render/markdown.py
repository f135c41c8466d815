"""``--format markdown``: GitHub-flavoured tables, for notes and pull requests."""

from __future__ import annotations

from ..comparison import Comparison
from .tables import comparison_sections


def render(c: Comparison) -> str:
    return comparison_sections(c, tablefmt="github", heading=lambda text: f"## {text}")
