"""The formats of ``offercheck compare``, one module each: table, markdown, json, csv, html.

``text`` is the page of the two text formats (table and markdown): the sections in the order they print.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from offercheck.render.sections import current, equity, market, pay, ranking, real, taxes

if TYPE_CHECKING:
    from offercheck.render.common import Style
    from offercheck.results import Comparison


def text(c: Comparison, style: Style) -> str:
    blocks = [*ranking.text(c, style), *pay.text(c, style), *current.text(c, style), *taxes.text(c, style),
              *real.text(c, style)]
    if any(e.leave_early is not None for e in c.evaluations):  # without --leave-after its code is not imported
        from offercheck.render.sections import leave_early

        blocks += leave_early.text(c, style)
    blocks += [*equity.text(c, style), *market.text(c, style), pay.footer(c)]
    return "\n\n".join(blocks) + "\n"
