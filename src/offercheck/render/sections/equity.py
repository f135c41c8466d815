"""Private-company equity in the output: the paper value beside the chosen view, and why (DESIGN.md section 5).

Shown for the risk view only: with ``--equity paper`` the totals are the paper values and the output is as it
was before the risk view existed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from offercheck.render.common import Style, cents, money
from offercheck.render.fit import grid
from offercheck.render.sections.rows import everyone

if TYPE_CHECKING:
    from offercheck.pay.equity_cases import Scenario
    from offercheck.pay.equity_offer import EquityReport
    from offercheck.results import Comparison, Evaluation

__all__ = ["FOOTER", "csv_cells", "csv_headers", "html", "json", "lines", "offer_json", "summary", "text", "view_note"]


FOOTER = ("Totals, ranking and score use the risk view (--equity paper for paper values). Exercise cost is strike "
          "x shares of the grant, paid in cash to own the shares.")


def _defaults_used(e: Evaluation, r: EquityReport) -> dict[str, str]:
    """The defaults this grant's output rests on, with their sources (a key that does not fit the kind is left out)."""
    eq = e.offer.equity
    used = {"double_trigger"} if eq is not None and eq.kind == "rsu" else {"exercise_window_days"}
    if r.factor.applied or r.scenarios:
        used |= {"dilution_percent_per_round", "rounds_to_exit"}
    return {k: r.terms.provenance[k].source for k in r.terms.defaulted if k in used}


def offer_json(e: Evaluation) -> dict[str, Any]:
    """``equity_view`` and ``exercise_cost`` of every offer, and ``private_equity`` for a private grant."""
    out: dict[str, Any] = {"equity_view": e.equity_view, "exercise_cost": cents(e.exercise_cost)}
    r = e.equity
    if r is not None:
        out["private_equity"] = {
            "paper_total": cents(e.component_total("equity_paper")),
            "risk_factor": round(r.factor.factor, 6),
            "risk_applied": r.factor.applied,
            "explanation": r.factor.explanation,
            "missing": list(r.factor.missing),
            "defaults": _defaults_used(e, r),
            "scenarios": [{"exit_price": cents(s.exit_price), "price_after_dilution": cents(s.price_after_dilution),
                           "value": cents(s.value), "paper": cents(s.paper or 0.0), "risk": cents(s.risk or 0.0)}
                          for s in r.scenarios],
            "preferred_price_note": r.preferred_note,
        }
    return out


def _shown(rows: Sequence[Evaluation], note: str | None = None) -> list[tuple[Evaluation, EquityReport]]:
    """The private grants at risk; with the note of a comparison put at paper though risk was asked for
    (``pay.equity_view``), every private grant, so that what each lacks is said."""
    return [(e, e.equity) for e in rows if e.equity is not None and (e.equity_view == "risk" or note is not None)]


def summary(rows: Sequence[Evaluation]) -> list[tuple[str, str, str, str, str]]:
    """Per private grant at risk: label, equity at risk and at paper over the horizon, risk factor, exercise cost
    (the table of every format; labels unescaped)."""
    return [(e.label, money(e.component_total("equity")), money(e.component_total("equity_paper")),
             f"x{r.factor.factor:.4g}" if r.factor.applied else "not applied",
             money(e.exercise_cost)) for e, r in _shown(rows)]


def lines(rows: Sequence[Evaluation], escape: Callable[[str], str], note: str | None = None, *,
          explain: bool = True) -> list[str]:
    """Per private grant: the risk arithmetic (or what to give), the scenarios, the preferred price; then each
    default used, cited once (by the offers it is cited for, where offers in different countries cite a default
    differently: ``pay.jurisdiction``). Without ``explain`` (the short terminal page) the scenarios' figures only."""
    out: list[str] = []
    cited: dict[str, dict[str, list[str]]] = {}  # key -> source -> labels
    for e, r in _shown(rows, note):
        if explain:
            out.append(f"{escape(e.label)}: {r.factor.explanation}")
        out += [f"{escape(e.label)}: {s.explanation} ({_beside(e, s)})" for s in r.scenarios]
        if r.preferred_note and explain:
            out.append(f"{escape(e.label)}: {r.preferred_note}")
        for key, source in _defaults_used(e, r).items():
            cited.setdefault(key, {}).setdefault(source, []).append(escape(e.label))
    for key, by_source in cited.items() if explain else ():
        out += [f"Default {key}{'' if len(by_source) == 1 else ' for ' + ' and '.join(labels)}: {source}"
                for source, labels in by_source.items()]
    return out


def view_note(note: str | None) -> str | None:
    """The comparison's one equity view, when it is not the one asked for (``pay.equity_view``), as a sentence."""
    return None if note is None else f"Equity view: {note}."


def _beside(e: Evaluation, s: Scenario) -> str:
    """The same vested shares as the totals count them: "vs 397,380 on paper, 86,132 at risk over 4 years"."""
    n = len(e.years)
    over = f"over {n} year{'s' if n != 1 else ''}"
    if not s.paper:
        return f"vs 0 on paper {over}: the common's fair value stays at or below the strike"
    return f"vs {money(s.paper)} on paper, {money(s.risk or 0)} at risk {over}"


def text(c: Comparison, style: Style, *, explain: bool = False) -> list[str]:
    """The private-equity section (empty without a private grant at risk), or the note on the one equity view.

    By default the note (or the table of paper and risk figures, the exit-price scenarios and the view's line);
    ``explain`` adds the risk arithmetic, what each grant lacks, the preferred price and each default's citation.
    """
    note = view_note(c.equity_note)
    if note is not None:  # every private grant at paper: the note, and (explain) what each grant lacks
        said = lines(everyone(c), style.escape, c.equity_note, explain=explain)
        return [style.heading(f"Private-company equity: at paper ({c.currency})"), style.escape(note),
                *(["\n".join(said)] if said else [])]
    shown = [e for e, _ in _shown(everyone(c))]
    if not shown:
        return []
    n = c.horizon_years
    table = [[style.escape(label), *cells] for label, *cells in summary(shown)]
    headers = ["Offer", f"Equity at risk ({n} yr)", f"Paper ({n} yr)", "Risk factor", "Exercise cost"]
    said = lines(shown, style.escape, explain=explain)
    return [style.heading(f"Private-company equity: risk view beside paper ({c.currency})"),
            grid(table, headers, tablefmt=style.tablefmt, colalign=("left", *("right",) * 4)),
            *(["\n".join(said)] if said else []), FOOTER]


def html(c: Comparison) -> dict[str, Any]:
    """Private grants at risk: paper beside the risk view, its arithmetic, scenarios and exercise cost."""
    rows = everyone(c)
    # The short page's lines (the scenarios) shown; the rest --explain would add folded (``equity_explain``).
    short = lines(rows, str, c.equity_note, explain=False)  # autoescaping escapes the labels
    return {"equity_rows": summary(rows), "equity_footer": FOOTER, "equity_note": view_note(c.equity_note),
            "equity_lines": short,
            "equity_explain": [x for x in lines(rows, str, c.equity_note) if x not in short]}


def json(c: Comparison) -> dict[str, Any]:
    """``equity_view_note``, only when the comparison's one view is not the one asked for."""
    return {} if c.equity_note is None else {"equity_view_note": c.equity_note}


def csv_headers(c: Comparison) -> list[str]:
    return [] if c.equity_note is None else ["equity_view_note"]


def csv_cells(c: Comparison) -> list[str]:
    return [] if c.equity_note is None else [c.equity_note]
