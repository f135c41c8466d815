"""``--format json``: the contract of DESIGN.md section 5."""

from __future__ import annotations

import json
from typing import Any

from offercheck._version import __version__
from offercheck.market.scoring import MarketPosition
from offercheck.render.common import cents, year_dict
from offercheck.render.current import current_members
from offercheck.render.current import offer_members as current_offer_members
from offercheck.render.equity import offer_members as equity_members
from offercheck.render.leave_early import offer_members as leave_early_members
from offercheck.render.netreal import comparison_members, offer_members, year_members
from offercheck.results import Comparison, Evaluation


def evaluation_dict(e: Evaluation) -> dict[str, Any]:
    out: dict[str, Any] = {
        "label": e.label,
        "file": e.offer.path,
        "company": e.offer.offer.company,
        **equity_members(e),
        "years": [{**year_dict(y), **year_members(e, i)} for i, y in enumerate(e.years)],
        "total": cents(e.total),
        "annual_average": cents(e.annual_average),
        **offer_members(e),
        **leave_early_members(e),
    }
    if e.market is not None:
        out.update(market_dict(e.market))
    return out


def market_dict(m: MarketPosition) -> dict[str, Any]:
    """The ``benchmark`` and ``score`` members of an offer in the JSON contract."""
    b = m.benchmark
    base_q, total_q = m.expected_base, m.expected_total
    return {
        "benchmark": {
            "base_p50": cents(base_q.p50),
            "total_p50": cents(total_q.p50),
            "base": {name: cents(v) for name, v in base_q.model_dump().items() if v is not None},
            "total": {name: cents(v) for name, v in total_q.model_dump().items() if v is not None},
            "cell": {"role": b.role, "experience": b.experience, "country": b.country, "n": b.n},
            "source": b.source_title,
            "year": b.year,
            "note": b.note,
            "multiplier": round(m.multiplier, 4),
            "adjustments": [
                {
                    "factor": a.adjustment.factor,
                    "multiplier": round(a.adjustment.multiplier, 4),
                    "reason": a.adjustment.reason,
                    "source": a.adjustment.source,
                    "plugin": a.plugin,
                }
                for a in m.adjustments
            ],
        },
        "score": {
            "overall": round(m.overall, 1),
            "base_percentile": round(m.base.value, 1),
            "total_percentile": round(m.total.value, 1),
            "year1_total_percentile": round(m.year1_total.value, 1),
            "bounds": {
                k: p.bound for k, p in (("base", m.base), ("total", m.total), ("year1_total", m.year1_total)) if p.bound
            },
        },
    }


def comparison_dict(c: Comparison) -> dict[str, Any]:
    return {
        "offercheck_version": __version__,
        "currency": c.currency,
        "rates_date": c.rates_date.isoformat(),
        "horizon_years": c.horizon_years,
        "offers": [{**evaluation_dict(e), **current_offer_members(c, e)} for e in c.evaluations],
        "ranking": [e.label for e in c.ranked],
        # compare --current: the current job, in an offer's shape plus what leaving forfeits; not ranked.
        **({} if c.current is None else {"current": {**evaluation_dict(c.current), **current_members(c.current)}}),
        **comparison_members(c),
    }


def render(c: Comparison) -> str:
    return json.dumps(comparison_dict(c), indent=2, ensure_ascii=False) + "\n"
