"""``--format markdown``: GitHub-flavoured tables, for notes and pull requests."""

from __future__ import annotations

from ..comparison import Comparison
from .common import markdown_text
from .tables import comparison_sections


def render(c: Comparison) -> str:
    # Headings are given raw text (a company, a place name): escaped here, once.
    return comparison_sections(c, tablefmt="github", heading=lambda text: f"## {markdown_text(text)}")
