"""``negotiate --format text``: for a terminal, prose wrapped and tables fitted to its width.

Short by default: the counter-offer, each talking point's sentence and amount, the gaps, leaving
early and the guidance. ``explain`` (``--explain``) adds the tool explaining itself: the counter's basis, each
point's ask and source, the leave-early legend and the guidance's quotes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from offercheck.render.common import TABLE, clip, fill, printable, years_text
from offercheck.render.fit import fit_prose, fitting, grid
from offercheck.render.sections import leave_early
from offercheck.render.sections.negotiation import (
    NO_POINTS,
    counter_rows,
    footer,
    gap_heading,
    gap_table,
    money_formatter,
    point_head,
)

if TYPE_CHECKING:
    from offercheck.negotiation.counter import Negotiation

WIDTH = 88  # wrap for a terminal; tables keep their own width


def render(n: Negotiation, *, width: int | None = None, colour: bool = False, explain: bool = False) -> str:
    """Text for a terminal ``width`` columns wide (None: WIDTH): prose wraps, wide tables wrap or stack."""
    w = width or WIDTH
    with fitting(w):
        return printable(fit_prose(_text(n, min(w, WIDTH), explain), w))


# The shortest clipped label worth showing: below it, the heading wraps instead (a very narrow terminal).
MIN_LABEL = 12


def _title(n: Negotiation, wrap: int) -> str:
    """"Negotiating LABEL (USD, 4-year horizon)" on one line of at most ``wrap`` characters: a label too long for
    it is clipped with "…" (the whole label is in the points and tables below)."""
    head, tail = "Negotiating ", f" ({n.currency}, {n.horizon_years}-year horizon)"
    return f"{head}{clip(n.label, max(wrap - len(head) - len(tail), MIN_LABEL))}{tail}"


def _text(n: Negotiation, wrap: int, explain: bool) -> str:
    def heading(text: str) -> str:
        return f"{text}\n{'=' * min(len(text), wrap)}"

    def para(text: str, first: str = "", rest: str | None = None) -> str:
        # A URL or a file path is not split: a line may run past ``wrap``, and fit_prose keeps it within the width.
        return fill(text, wrap, first=first, rest=rest, long_words=False)

    out = [heading(_title(n, wrap))]
    out += [heading("Counter-offer"),
            grid(counter_rows(n), ["", "Ask", "Now"], tablefmt="simple", colalign=("left", "right", "right"))]
    if n.counter.basis and explain:
        out.append("\n".join(para(b, "  - ", "    ") for b in n.counter.basis))
    out.append(heading(f"Talking points: money asks by value over {years_text(n.horizon_years)}, "
                       "then terms and questions"))
    for i, p in enumerate(n.talking_points, 1):
        indent = " " * len(f"{i}. ")
        lines = [point_head(i, p, n), para(p.text, indent)]
        if p.ask and explain:
            lines.append(para(f"Ask: {p.ask}", indent))
        if p.source and explain:
            lines.append(para(f"Source: {p.source}", indent))
        out.append("\n".join(lines))
    if not n.talking_points:
        out.append(NO_POINTS)
    if n.against or n.stay:
        headers, rows = gap_table(n)
        out += [heading(gap_heading(n)),
                grid(rows, headers, tablefmt="simple", colalign=("left", *("right",) * (len(headers) - 1)))]
    if n.leave_early:
        out += [heading(f"If you leave after {n.leave_early[0].months} months"),
                leave_early.table(n.leave_early, TABLE, fmt=money_formatter(n)),
                "\n".join(para(note, "", "  ") for note in leave_early.notes(n.leave_early, str)),
                *([para(leave_early.LEGEND)] if explain else [])]
    out.append(heading("Before you talk"))
    if explain:  # each piece of guidance with its quote, a paragraph each
        out += [para(g.text, "- ", "  ") + "\n" + para(f'"{g.quote}" ({g.source})', "  ") for g in n.guidance]
    elif n.guidance:
        out.append("\n".join(para(g.text, "- ", "  ") for g in n.guidance))
    out.append(para(footer(n, explain=explain)))
    return "\n\n".join(out) + "\n"
