"""The formats of ``offercheck compare``, one module each: table, markdown, json, csv, html.

``text`` is the page of the two text formats (table and markdown): the sections in the order they print. By
default the page is short (DESIGN section 6): the ranking, pay by year, one market line per offer, and the
sections a flag asked for (--current, --after-tax, --real, --leave-after, private equity's view); ``explain``
(``--explain``) adds what explains them: the pay components, factor tables, benchmark cells, sources, notes and
citations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from offercheck.render.sections import equity, market, pay, ranking

if TYPE_CHECKING:
    from offercheck.render.common import Style
    from offercheck.results import Comparison


def text(c: Comparison, style: Style, *, explain: bool = False) -> str:
    # A section whose step did not run is not even imported (start-up: DESIGN section 1).
    blocks = [*ranking.text(c, style, explain=explain), *pay.text(c, style, explain=explain)]
    if c.current is not None:
        from offercheck.render.sections import current

        blocks += current.text(c, style, explain=explain)
    if c.after_tax:
        from offercheck.render.sections import taxes

        blocks += taxes.text(c, style, explain=explain)
    if c.home is not None:
        from offercheck.render.sections import real

        blocks += real.text(c, style, explain=explain)
    if any(e.leave_early is not None for e in c.evaluations):
        from offercheck.render.sections import leave_early

        blocks += leave_early.text(c, style, explain=explain)
    blocks += [*equity.text(c, style, explain=explain), *market.text(c, style, explain=explain),
               pay.footer(c, explain=explain)]
    return "\n\n".join(blocks) + "\n"
