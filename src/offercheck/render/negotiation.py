"""``negotiate`` output: text for a terminal, markdown, JSON and a counter-offer email draft."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from typing import Any

from tabulate import tabulate

from offercheck._version import __version__
from offercheck.negotiate.asks import format_money, years_text
from offercheck.negotiate.counter import Negotiation, offered_sign_on
from offercheck.negotiate.gaps import COMPONENT_NAMES, Gap
from offercheck.negotiate.points import TalkingPoint
from offercheck.pay.current import forfeited
from offercheck.render.common import cents, markdown_text
from offercheck.render.current import forfeited_dict
from offercheck.render.fit import fit_prose, fitting, grid
from offercheck.render.leave_early import LEGEND, leave_early_dict, notes, table

WIDTH = 88  # wrap for a terminal; tables keep their own width


def negotiation_dict(n: Negotiation) -> dict[str, Any]:
    c = n.counter
    return {
        "offercheck_version": __version__,
        "offer": n.label,
        "currency": n.currency,
        "converted_at": n.converted_at,
        "horizon_years": n.horizon_years,
        "target_percentile": n.target_percentile,
        "talking_points": [{**p.model_dump(), "amount": cents(p.amount)} for p in n.talking_points],
        "counter": {"base": cents(c.base), "bonus_target_percent": c.bonus_target_percent,
                    "sign_on": cents(c.sign_on), "basis": list(c.basis)},
        "against": [gap_dict(g) for g in n.against],
        # negotiate --current: staying versus this offer (positive gaps: staying pays more) and what leaving forfeits.
        **({} if n.stay is None or n.current is None else
           {"current": {**gap_dict(n.stay), "forfeited": forfeited_dict(forfeited(n.current))}}),
        "leave_early": [{"label": le.label, **leave_early_dict(le)} for le in n.leave_early],
        "guidance": [{"text": g.text, "quote": g.quote, "source": g.source} for g in n.guidance],
    }


def gap_dict(g: Gap) -> dict[str, Any]:
    return {"label": g.label, "year1_gap": cents(g.year1_gap), "average_gap": cents(g.average_gap),
            "match_base": {"year1": _cents_or_none(g.match_base_year1),
                           "average": _cents_or_none(g.match_base_average)},
            "component": g.component, "component_gap": cents(g.component_gap),
            **({} if g.average_net_gap is None else
               {"year1_net_gap": _cents_or_none(g.year1_net_gap), "average_net_gap": cents(g.average_net_gap)})}


def _cents_or_none(x: float | None) -> float | None:
    return None if x is None else cents(x)


def render_json(n: Negotiation) -> str:
    return json.dumps(negotiation_dict(n), indent=2, ensure_ascii=False) + "\n"


def counter_rows(n: Negotiation) -> list[list[str]]:
    money = money_formatter(n)
    e, c = n.evaluation, n.counter
    now_bonus = e.offer.bonus.target_percent
    if now_bonus is not None:
        bonus_now = f"{now_bonus:g}% of base"
    else:
        bonus_now = f"{money(e.years[0].bonus)} (fixed)" if e.years[0].bonus else "none"
    return [
        ["Base", money(c.base), money(e.years[0].base)],
        ["Bonus target", "-" if c.bonus_target_percent is None else f"{c.bonus_target_percent:g}% of base",
         bonus_now],
        ["Sign-on (all years)", money(c.sign_on), money(offered_sign_on(e))],
    ]


def gap_table(n: Negotiation) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of the competing offers (and staying): net-pay gaps too when taxes were estimated."""
    money = money_formatter(n)

    def opt(x: float | None) -> str:
        return "-" if x is None else money(x)

    gaps = (*n.against, n.stay) if n.stay is not None else n.against  # staying last, like the Stay row of compare
    with_net = any(g.average_net_gap is not None for g in gaps)
    headers = ["Other offer", "Year-1 gap", "Avg gap", *(["Yr-1 net gap", "Avg net gap"] if with_net else []),
               "Match base yr 1", "Match base avg", "Mostly in"]
    rows = [[g.label, money(g.year1_gap), money(g.average_gap),
             *([opt(g.year1_net_gap), opt(g.average_net_gap)] if with_net else []),
             opt(g.match_base_year1), opt(g.match_base_average),
             COMPONENT_NAMES[g.component] if g.average_gap > 0 and g.component_gap > 0 else "-"] for g in gaps]
    return headers, rows


def gap_heading(n: Negotiation) -> str:
    if n.stay is None:
        return "Competing offers"
    return "Competing offers and staying" if n.against else "Versus staying"


def money_formatter(n: Negotiation) -> Callable[[float], str]:
    def money(x: float) -> str:
        return format_money(x, n.currency)

    return money


def footer(n: Negotiation) -> str:
    return (f"Amounts in {n.currency}, whole units; each point's amount is its value over "
            f"{years_text(n.horizon_years)} (for a cliff or clawback: the amount at stake). Gaps are the other offer"
            + (" (or staying)" if n.stay is not None else "") + " minus this one. No point uses "
            "gender or any other protected attribute."
            + (f" Other currencies converted at {n.converted_at}." if n.converted_at else ""))


def _point_head(i: int, p: TalkingPoint, n: Negotiation) -> str:
    # A question (ownership, preferences) has no money value of its own: it is ranked last and says so.
    value = format_money(p.amount, n.currency) if p.amount else "a question"
    return f"{i}. {p.topic[:1].upper()}{p.topic[1:]}: {value}"


def render_text(n: Negotiation, width: int | None = None) -> str:
    """Text for a terminal ``width`` columns wide (None: WIDTH): prose wraps, wide tables wrap or stack."""
    w = width or WIDTH
    with fitting(w):
        return fit_prose(_text(n, min(w, WIDTH)), w)


def _text(n: Negotiation, wrap: int) -> str:
    def heading(text: str) -> str:
        return f"{text}\n{'=' * min(len(text), wrap)}"

    def para(text: str, first: str = "", rest: str | None = None) -> str:
        # A URL or a file path is not split: a line may run past ``wrap``, and fit_prose keeps it within the width.
        return textwrap.fill(text, wrap, initial_indent=first, subsequent_indent=first if rest is None else rest,
                             break_on_hyphens=False, break_long_words=False)

    out = [heading(f"Negotiating {n.label} ({n.currency}, {n.horizon_years}-year horizon)")]
    out += [heading("Counter-offer"),
            grid(counter_rows(n), ["", "Ask", "Now"], tablefmt="simple", colalign=("left", "right", "right"))]
    if n.counter.basis:
        out.append("\n".join(para(b, "  - ", "    ") for b in n.counter.basis))
    out.append(heading(f"Talking points, by value over {years_text(n.horizon_years)}"))
    for i, p in enumerate(n.talking_points, 1):
        indent = " " * len(f"{i}. ")
        lines = [_point_head(i, p, n), para(p.text, indent)]
        if p.ask:
            lines.append(para(f"Ask: {p.ask}", indent))
        if p.source:
            lines.append(para(f"Source: {p.source}", indent))
        out.append("\n".join(lines))
    if not n.talking_points:
        out.append("No talking points: the offer meets every check.")
    if n.against or n.stay:
        headers, rows = gap_table(n)
        out += [heading(gap_heading(n)),
                grid(rows, headers, tablefmt="simple", colalign=("left", *("right",) * (len(headers) - 1)))]
    out += [heading(f"If you leave after {n.leave_early[0].months} months"),
            table(n.leave_early, tablefmt="simple", escape=str, fmt=money_formatter(n)),
            "\n".join(para(note, "", "  ") for note in notes(n.leave_early, str)), para(LEGEND),
            heading("Before you talk")]
    out += [para(g.text, "- ", "  ") + "\n" + para(f'"{g.quote}" ({g.source})', "  ") for g in n.guidance]
    out.append(para(footer(n)))
    return "\n\n".join(out) + "\n"


def render_markdown(n: Negotiation) -> str:
    esc = markdown_text
    out = [f"# Negotiating {esc(n.label)} ({n.currency}, {n.horizon_years}-year horizon)", "## Counter-offer",
           tabulate(counter_rows(n), ["", "Ask", "Now"], tablefmt="github", disable_numparse=True,
                    colalign=("left", "right", "right"))]
    if n.counter.basis:
        out.append("\n".join(f"- {esc(b)}" for b in n.counter.basis))
    out.append(f"## Talking points, by value over {years_text(n.horizon_years)}")
    points = []
    for i, p in enumerate(n.talking_points, 1):
        lines = [f"{i}. **{esc(p.topic[:1].upper() + p.topic[1:])}: {format_money(p.amount, n.currency)}**. "
                 f"{esc(p.text)}"]
        if p.ask:
            lines.append(f"   - *Ask:* {esc(p.ask)}")
        if p.source:
            lines.append(f"   - *Source:* {esc(p.source)}")
        points.append("\n".join(lines))
    out.append("\n".join(points) if points else "No talking points: the offer meets every check.")
    if n.against or n.stay:
        headers, rows = gap_table(n)
        out += [f"## {gap_heading(n)}", tabulate([[esc(r[0]), *r[1:]] for r in rows], headers, tablefmt="github",
                                                disable_numparse=True,
                                                colalign=("left", *("right",) * (len(headers) - 1)))]
    out += [f"## If you leave after {n.leave_early[0].months} months",
            table(n.leave_early, tablefmt="github", escape=esc, fmt=money_formatter(n)), *notes(n.leave_early, esc),
            LEGEND,
            "## Before you talk",
            "\n".join(f"- {esc(g.text)}\n\n  > {esc(g.quote)} ({esc(g.source)})\n" for g in n.guidance).rstrip(),
            esc(footer(n))]
    return "\n\n".join(out) + "\n"


def render_email(n: Negotiation) -> str:
    from offercheck.negotiate.email import email

    return email(n)
