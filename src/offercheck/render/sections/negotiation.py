"""The sections of ``negotiate``: the counter-offer, the talking points, the competing offers (and staying), the
guidance and the footer; leaving early is ``sections.leave_early``. Every format builds its page from these."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from offercheck.render.common import cents, money, years_text
from offercheck.render.sections.current import forfeited_json
from offercheck.render.sections.leave_early import leave_early_json

if TYPE_CHECKING:
    from offercheck.negotiation.counter import Negotiation
    from offercheck.negotiation.gaps import Gap
    from offercheck.negotiation.points import TalkingPoint

NO_POINTS = "No talking points: the offer meets every check."


def money_formatter(n: Negotiation) -> Callable[[float], str]:
    """Money in the negotiation's currency, with its symbol: what every negotiate format says amounts with."""
    def fmt(x: float) -> str:
        return money(x, n.currency)

    return fmt


def counter_rows(n: Negotiation) -> list[list[str]]:
    """The counter-offer: each line's ask beside what the offer says now."""
    fmt = money_formatter(n)
    e, c = n.evaluation, n.counter
    now_bonus = e.offer.bonus.target_percent
    if now_bonus is not None:
        bonus_now = f"{now_bonus:g}% of base"
    else:
        bonus_now = f"{fmt(e.years[0].bonus)} (fixed)" if e.years[0].bonus else "none"
    return [
        ["Base", fmt(c.base), fmt(e.years[0].base)],
        ["Bonus target", "-" if c.bonus_target_percent is None else f"{c.bonus_target_percent:g}% of base",
         bonus_now],
        ["Sign-on (all years)", fmt(c.sign_on), fmt(c.offered_sign_on)],
    ]


def point_head(i: int, p: TalkingPoint, n: Negotiation) -> str:
    """"1. Base: $12,000": a point's topic and value (a question has no money value of its own: ranked last)."""
    value = money(p.amount, n.currency) if p.amount else "a question"
    return f"{i}. {p.topic[:1].upper()}{p.topic[1:]}: {value}"


def gap_table(n: Negotiation) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of the competing offers (and staying): net-pay gaps too when taxes were estimated."""
    from offercheck.negotiation.gaps import COMPONENT_NAMES

    fmt = money_formatter(n)

    def opt(x: float | None) -> str:
        return "-" if x is None else fmt(x)

    gaps = (*n.against, n.stay) if n.stay is not None else n.against  # staying last, like the Stay row of compare
    with_net = any(g.average_net_gap is not None for g in gaps)
    headers = ["Other offer", "Year-1 gap", "Avg gap", *(["Yr-1 net gap", "Avg net gap"] if with_net else []),
               "Match base yr 1", "Match base avg", "Mostly in"]
    rows = [[g.label, fmt(g.year1_gap), fmt(g.average_gap),
             *([opt(g.year1_net_gap), opt(g.average_net_gap)] if with_net else []),
             opt(g.match_base_year1), opt(g.match_base_average),
             COMPONENT_NAMES[g.component] if g.average_gap > 0 and g.component_gap > 0 else "-"] for g in gaps]
    return headers, rows


def gap_heading(n: Negotiation) -> str:
    if n.stay is None:
        return "Competing offers"
    return "Competing offers and staying" if n.against else "Versus staying"


EXPLAIN_HINT = "--explain adds each point's ask and source, the counter-offer's basis and the guidance's quotes."


def footer(n: Negotiation, *, explain: bool = True) -> str:
    """The closing line of text, markdown and html; with the comparison's note on its one equity view. Without
    ``explain`` (the short text and markdown pages): what the amounts are, and what ``--explain`` adds."""
    from offercheck.render.sections.equity import view_note

    note = view_note(n.equity_note)
    converted = f" Other currencies converted at {n.converted_at}." if n.converted_at else ""
    gaps = "Gaps are the other offer" + (" (or staying)" if n.stay is not None else "") + " minus this one."
    if not explain:
        return (f"Amounts in {n.currency}; a point's amount is its value over {years_text(n.horizon_years)} (a "
                f"term's: the amount at stake). {gaps}{converted}" + (f" {note}" if note else "")
                + f" {EXPLAIN_HINT}")
    return (f"Amounts in {n.currency}, whole units; each point's amount is its value over "
            f"{years_text(n.horizon_years)} (for a term, such as an exercise window, cliff or clawback: the amount "
            f"at stake). {gaps} No point uses gender or any other protected attribute.{converted}"
            + (f" {note}" if note else ""))


# --------------------------------------------------------------------------------------------------- JSON


def _cents_or_none(x: float | None) -> float | None:
    return None if x is None else cents(x)


def gap_json(g: Gap) -> dict[str, Any]:
    return {"label": g.label, "year1_gap": cents(g.year1_gap), "average_gap": cents(g.average_gap),
            "match_base": {"year1": _cents_or_none(g.match_base_year1),
                           "average": _cents_or_none(g.match_base_average)},
            "component": g.component, "component_gap": cents(g.component_gap),
            **({} if g.average_net_gap is None else
               {"year1_net_gap": _cents_or_none(g.year1_net_gap), "average_net_gap": cents(g.average_net_gap)})}


def negotiation_json(n: Negotiation, version: str) -> dict[str, Any]:
    c = n.counter
    return {
        "offercheck_version": version,
        "offer": n.label,
        "currency": n.currency,
        "converted_at": n.converted_at,
        "horizon_years": n.horizon_years,
        "target_percentile": n.target_percentile,
        "talking_points": [{**p.model_dump(), "amount": cents(p.amount)} for p in n.talking_points],
        "counter": {"base": cents(c.base), "bonus_target_percent": c.bonus_target_percent,
                    "sign_on": cents(c.sign_on), "basis": list(c.basis)},
        "against": [gap_json(g) for g in n.against],
        # negotiate --current: staying versus this offer (positive gaps: staying pays more) and what leaving forfeits.
        **({} if n.stay is None or n.current is None else
           {"current": {**gap_json(n.stay), "forfeited": forfeited_json(n.current.forfeited)}}),
        "leave_early": [{"label": le.label, **leave_early_json(le)} for le in n.leave_early],
        "guidance": [{"text": g.text, "quote": g.quote, "source": g.source} for g in n.guidance],
        # Only when private grants are at paper though the risk view was asked for: one view per comparison.
        **({} if n.equity_note is None else {"equity_view_note": n.equity_note}),
    }
