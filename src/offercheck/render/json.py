"""``--format json``: the contract of DESIGN.md section 5."""

from __future__ import annotations

import json
from typing import Any

from offercheck._version import __version__
from offercheck.market.position import MarketPosition, Percentile
from offercheck.market.quantiles import Quantiles
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


def _quantiles(q: Quantiles | None) -> dict[str, float] | None:
    return None if q is None else {name: cents(v) for name, v in q.model_dump().items() if v is not None}


def _p50(q: Quantiles | None) -> float | None:
    return None if q is None else cents(q.p50)


def _value(p: Percentile | None) -> float | None:
    return None if p is None else round(p.value, 1)


def market_dict(m: MarketPosition) -> dict[str, Any]:
    """The ``benchmark`` and ``score`` members of an offer in the JSON contract (DESIGN section 7)."""
    b = m.benchmark
    borrowed = b.borrowed_from
    return {
        "benchmark": {
            "base_p50": _p50(m.expected_base),
            "cash_p50": _p50(m.expected_cash),
            "total_p50": _p50(m.expected_total),
            "base": _quantiles(m.expected_base),
            "cash": _quantiles(m.expected_cash),
            "total": _quantiles(m.expected_total),
            "cell": {"role": b.role, "experience": b.experience, "country": b.country, "city": b.city, "n": b.n,
                     "borrowed_from": None if borrowed is None else borrowed.model_dump()},
            "source": b.source_title,
            "year": b.year,
            "total_includes_equity": b.total_includes_equity,
            "bonus_norm": b.bonus_norm,
            "bonus_source": b.bonus_source,
            "note": b.note,
            "multiplier": round(m.multiplier, 4),
            "adjustments": [
                {
                    "factor": a.adjustment.factor,
                    "multiplier": round(a.adjustment.multiplier, 4),
                    "reason": a.adjustment.reason,
                    "source": a.adjustment.source,
                    "plugin": a.plugin,
                    "n": a.adjustment.n,
                    "interval": None if a.adjustment.interval is None else list(a.adjustment.interval),
                    "evidence": a.adjustment.evidence,
                }
                for a in m.adjustments
            ],
        },
        "score": {
            "overall": round(m.overall, 1),
            "basis": m.basis,
            "base_percentile": _value(m.base),
            "cash_percentile": _value(m.cash),
            "total_percentile": _value(m.total),
            "bounds": {k: p.bound for k, p in (("base", m.base), ("cash", m.cash), ("total", m.total))
                       if p is not None and p.bound},
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
