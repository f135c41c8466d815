"""Renderers: a ``Comparison`` (``compare``) or a ``Negotiation`` (``negotiate``) as text in one format.

``render(result, fmt)`` is the one dispatcher: ``render.compare.<fmt>`` or ``render.negotiate.<fmt>``, each
module imported only when its format is asked for (HTML pulls in jinja2). The text formats are short by default
(DESIGN section 6: the ranking, pay by year, one market line per offer, and the sections flags ask for);
``explain=True`` adds what explains them. Every format builds its page from
``render.sections`` (one module per feature) and formats money, cents, wrapping and escaping with
``render.common``. Renderers read the results; they compute nothing.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from offercheck.negotiation.counter import Negotiation
    from offercheck.results import Comparison

COMPARE_FORMATS: tuple[str, ...] = ("table", "json", "markdown", "csv", "html")
NEGOTIATE_FORMATS: tuple[str, ...] = ("text", "markdown", "json", "email", "html")


def render(result: Comparison | Negotiation, fmt: str, *, width: int | None = None, colour: bool = False,
           explain: bool = False) -> str:
    """``result`` in ``fmt``. ``width``: the terminal's, for the table and text formats (None: one line per row;
    the email keeps its 72 columns); ``colour``: bold headings in a terminal table; ``explain`` (``--explain``):
    the text formats (table, text, markdown) add the factor tables, sources, notes and citations to their short
    default page. JSON, CSV and HTML always hold everything (HTML folds the detail in ``<details>``); the email
    never cites."""
    from offercheck.results import Comparison

    command, formats = ("compare", COMPARE_FORMATS) if isinstance(result, Comparison) else \
        ("negotiate", NEGOTIATE_FORMATS)
    if fmt not in formats:
        raise ValueError(f"{command} has no format {fmt!r}; one of {', '.join(formats)}")
    module: Any = import_module(f"{__name__}.{command}.{fmt}")
    text: str = module.render(result, width=width, colour=colour, explain=explain)
    return text
