"""``--format json``: the contract of DESIGN.md section 5."""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..comparison import Comparison, Evaluation
from .common import cents, year_dict


def evaluation_dict(e: Evaluation) -> dict[str, Any]:
    out: dict[str, Any] = {
        "label": e.label,
        "file": e.offer.path,
        "company": e.offer.offer.company,
        "years": [year_dict(y) for y in e.years],
        "total": cents(e.total),
        "annual_average": cents(e.annual_average),
    }
    if e.market is not None:
        out.update(e.market.as_json())
    return out


def comparison_dict(c: Comparison) -> dict[str, Any]:
    return {
        "offercheck_version": __version__,
        "currency": c.currency,
        "rates_date": c.rates_date.isoformat(),
        "horizon_years": c.horizon_years,
        "offers": [evaluation_dict(e) for e in c.evaluations],
        "ranking": [e.label for e in c.ranked],
    }


def render(c: Comparison) -> str:
    return json.dumps(comparison_dict(c), indent=2, ensure_ascii=False) + "\n"
