"""``compare --format json``: the contract of DESIGN.md section 7."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from offercheck._version import __version__
from offercheck.render.common import cents
from offercheck.render.sections import current, equity, market, pay, ranking, real, taxes

if TYPE_CHECKING:
    from offercheck.results import Comparison, Evaluation


def evaluation_json(e: Evaluation) -> dict[str, Any]:
    """One offer (or the current job) in the contract's shape; every step asked for adds its members."""
    from offercheck.render.sections import leave_early

    return {
        "label": e.label,
        "file": e.offer.path,
        "company": e.offer.offer.company,
        **equity.offer_json(e),
        "years": [{**pay.year_json(y), **taxes.year_json(e, i), **real.year_json(e, i)} for i, y in enumerate(e.years)],
        "total": cents(e.total),
        "annual_average": cents(e.annual_average),
        **pay.offer_json(e),
        **taxes.offer_json(e),
        **real.offer_json(e),
        **(leave_early.offer_json(e) if e.leave_early is not None else {}),
        **market.offer_json(e),
        **current.offer_json(e),
    }


def comparison_json(c: Comparison) -> dict[str, Any]:
    return {
        "offercheck_version": __version__,
        "currency": c.currency,
        "rates_date": c.rates_date.isoformat(),
        "horizon_years": c.horizon_years,
        "offers": [evaluation_json(e) for e in c.evaluations],
        **ranking.json(c),
        # compare --current: the current job, in an offer's shape plus what leaving forfeits; not ranked.
        **({} if c.current is None else {"current": {**evaluation_json(c.current), **current.current_json(c.current)}}),
        **ranking.rank_by_json(c),
        **taxes.json(c),
        **real.json(c),
        **equity.json(c),
    }


def render(c: Comparison, *, width: int | None = None, colour: bool = False, explain: bool = False) -> str:
    return json.dumps(comparison_json(c), indent=2, ensure_ascii=False) + "\n"
