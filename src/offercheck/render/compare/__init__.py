"""The formats of ``offercheck compare``, one module each: table, markdown, json, csv, html.

``text`` is the page of the two text formats (table and markdown): the sections in the order they print.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from offercheck.render.sections import equity, market, pay, ranking

if TYPE_CHECKING:
    from offercheck.render.common import Style
    from offercheck.results import Comparison


def text(c: Comparison, style: Style) -> str:
    # A section whose step did not run is not even imported (start-up: DESIGN section 1).
    blocks = [*ranking.text(c, style), *pay.text(c, style)]
    if c.current is not None:
        from offercheck.render.sections import current

        blocks += current.text(c, style)
    if c.after_tax:
        from offercheck.render.sections import taxes

        blocks += taxes.text(c, style)
    if c.home is not None:
        from offercheck.render.sections import real

        blocks += real.text(c, style)
    if any(e.leave_early is not None for e in c.evaluations):
        from offercheck.render.sections import leave_early

        blocks += leave_early.text(c, style)
    blocks += [*equity.text(c, style), *market.text(c, style), pay.footer(c)]
    return "\n\n".join(blocks) + "\n"
