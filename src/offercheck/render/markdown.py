"""``--format markdown``: GitHub-flavoured tables, for notes and pull requests."""

from __future__ import annotations

from offercheck.render.common import markdown_text, printable
from offercheck.render.tables import comparison_sections
from offercheck.results import Comparison


def render(c: Comparison) -> str:
    # Headings are given raw text (a company, a place name): escaped here, once.
    return printable(comparison_sections(c, tablefmt="github", heading=lambda text: f"## {markdown_text(text)}"))
