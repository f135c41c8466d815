"""``compare --format html``: one self-contained page with charts (see ``render.templates``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from offercheck._version import __version__
from offercheck.render.sections import current, equity, leave_early, market, pay, ranking, real, taxes
from offercheck.render.templates import page

if TYPE_CHECKING:
    from offercheck.results import Comparison


def context(c: Comparison) -> dict[str, Any]:
    return {"c": c, "version": __version__, **ranking.html(c), **pay.html(c), **equity.html(c), **current.html(c),
            **taxes.html(c), **real.html(c), **leave_early.html(c), **market.html(c)}


def render(c: Comparison, *, width: int | None = None, colour: bool = False, explain: bool = False) -> str:
    return page("compare.html.j2", context(c))
