"""``compare --format markdown``: GitHub-flavoured tables, for notes and pull requests; user text escaped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from offercheck.render.common import MARKDOWN, printable
from offercheck.render.compare import text

if TYPE_CHECKING:
    from offercheck.results import Comparison


def render(c: Comparison, *, width: int | None = None, colour: bool = False, explain: bool = False) -> str:
    return printable(text(c, MARKDOWN, explain=explain))
