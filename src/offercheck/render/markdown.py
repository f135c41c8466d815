"""``--format markdown``: GitHub-flavoured tables, for notes and pull requests."""

from __future__ import annotations

from offercheck.render.common import printable
from offercheck.render.tables import comparison_sections
from offercheck.results import Comparison


def render(c: Comparison) -> str:
    return printable(comparison_sections(c, tablefmt="github", heading=lambda text: f"## {text}"))
