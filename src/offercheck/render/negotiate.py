"""The formats of ``offercheck negotiate``: dispatch only, so each format's module imports what it needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from offercheck.negotiate.counter import Negotiation

FORMATS: tuple[str, ...] = ("text", "markdown", "json", "email", "html")


def render(n: Negotiation, fmt: str, width: int | None = None) -> str:
    """``n`` in ``fmt``; ``width``: the terminal's, for text (the email keeps its 72 columns, for a mail client)."""
    if fmt == "html":
        from offercheck.render.html import render_negotiation  # jinja2 is imported only when HTML is asked for

        return render_negotiation(n)
    from offercheck.render import negotiation
    from offercheck.render.common import printable

    if fmt == "json":
        return negotiation.render_json(n)
    if fmt == "text":
        return printable(negotiation.render_text(n, width))
    renderers = {"markdown": negotiation.render_markdown, "email": negotiation.render_email}
    return printable(renderers[fmt](n))  # plain text: no control character from the offer files reaches it
