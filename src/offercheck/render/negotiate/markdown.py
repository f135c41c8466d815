"""``negotiate --format markdown``: for notes and pull requests; every user text escaped.

Short by default, as the text format; ``explain`` (``--explain``) adds the counter's basis, each point's ask and
source, the leave-early legend and the guidance's quotes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from offercheck.render.common import MARKDOWN, markdown_text, money, printable, years_text
from offercheck.render.fit import grid
from offercheck.render.sections import leave_early
from offercheck.render.sections.negotiation import (
    NO_POINTS,
    counter_rows,
    footer,
    gap_heading,
    gap_table,
    money_formatter,
)

if TYPE_CHECKING:
    from offercheck.negotiation.counter import Negotiation


def render(n: Negotiation, *, width: int | None = None, colour: bool = False, explain: bool = False) -> str:
    esc = markdown_text
    out = [f"# Negotiating {esc(n.label)} ({n.currency}, {n.horizon_years}-year horizon)", "## Counter-offer",
           grid(counter_rows(n), ["", "Ask", "Now"], tablefmt="github", colalign=("left", "right", "right"))]
    if n.counter.basis and explain:
        out.append("\n".join(f"- {esc(b)}" for b in n.counter.basis))
    out.append(f"## Talking points: money asks by value over {years_text(n.horizon_years)}, then terms and questions")
    points = []
    for i, p in enumerate(n.talking_points, 1):
        lines = [f"{i}. **{esc(p.topic[:1].upper() + p.topic[1:])}: {money(p.amount, n.currency)}**. "
                 f"{esc(p.text)}"]
        if p.ask and explain:
            lines.append(f"   - *Ask:* {esc(p.ask)}")
        if p.source and explain:
            lines.append(f"   - *Source:* {esc(p.source)}")
        points.append("\n".join(lines))
    out.append("\n".join(points) if points else NO_POINTS)
    if n.against or n.stay:
        headers, rows = gap_table(n)
        out += [f"## {gap_heading(n)}", grid([[esc(r[0]), *r[1:]] for r in rows], headers, tablefmt="github",
                                            colalign=("left", *("right",) * (len(headers) - 1)))]
    if n.leave_early:
        out += [f"## If you leave after {n.leave_early[0].months} months",
                leave_early.table(n.leave_early, MARKDOWN, fmt=money_formatter(n)),
                *leave_early.notes(n.leave_early, esc), *([leave_early.LEGEND] if explain else [])]
    out += ["## Before you talk",
            "\n".join(f"- {esc(g.text)}\n\n  > {esc(g.quote)} ({esc(g.source)})\n" if explain else f"- {esc(g.text)}"
                      for g in n.guidance).rstrip(),
            esc(footer(n, explain=explain))]
    # Plain text: no control character from the offer files reaches it.
    return printable("\n\n".join(out) + "\n")
