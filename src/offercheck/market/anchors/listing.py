"""What ``benchmarks show`` lists of the official anchors: the cell an offer of a role in a place is scored against,
as the providers build it (aged to the comparison date), with the figures as published and what is derived."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from offercheck.market.anchors import ANCHORED

if TYPE_CHECKING:
    import datetime as dt

    from offercheck.market.benchmarks import Benchmark, BenchmarkSet
    from offercheck.offer.models import Offer

__all__ = ["AnchorCell", "anchor_cells", "anchor_roles"]


@dataclass(frozen=True)
class AnchorCell:
    """One official anchor: the benchmark (aged) and the publisher's figures behind it."""

    benchmark: Benchmark
    occupation: str  # "SOC 2020 2134 Programmers and software development professionals"
    code: str  # "SOC 2020 2134": the classification and code alone
    area: str  # the area the figures describe: "London", "Lower Mainland", "National"
    reference_period: str  # as the publisher states it
    published: Mapping[str, float]  # the annual figures before ageing, by quantile name
    derived: Mapping[str, str] = field(default_factory=dict)  # quantile name -> how it was derived


def anchor_roles(country: str) -> tuple[str, ...]:
    """The role keys with an occupation in ``country``'s official anchor (every role key in the US, GB, CA, DE)."""
    from offercheck.market.anchors.roles import occupation
    from offercheck.offer.roles import ROLES

    if country == "US":
        from offercheck.datafiles import packaged_json

        return tuple(sorted(packaged_json("market/bls_anchor.json")["roles"]))
    return tuple(r for r in sorted(ROLES) if occupation(country, r) is not None)


def _offer(role: str, country: str, city: str | None, state: str | None) -> Offer:
    from offercheck.offer.models import Offer

    return Offer.model_validate({"offer": {"company": "benchmarks show", "role": role},
                                 "location": {"country": country, "city": city, "state": state},
                                 "salary": {"base": 1}})


def _cell(benchmarks: BenchmarkSet, role: str, country: str, city: str | None, state: str | None,
          as_of: dt.date | None) -> AnchorCell | None:
    offer = _offer(role, country, city, state)
    if country == "US":
        from offercheck.market.ageing import aged
        from offercheck.market.anchors.bls import anchor_for, benchmark_from_anchor

        a = anchor_for(offer)
        if a is None:
            return None
        found = benchmark_from_anchor(a, benchmarks, aged("US", a.reference_period, as_of))
        return AnchorCell(found, f"SOC 2018 {a.soc} {a.occupation}", f"SOC 2018 {a.soc}", a.area_name,
                          a.reference_period,
                          {k: float(v) for k, v in a.quantiles().items()})
    from offercheck.market.anchors.official import benchmark_from_official, official

    got = official(offer, as_of)
    if got is None:
        return None
    pay = got.pay
    return AnchorCell(benchmark_from_official(got, benchmarks),
                      f"{pay.classification} {pay.occupation} {pay.occupation_title}",
                      f"{pay.classification.split(' (')[0]} {pay.occupation}", pay.area.name,
                      pay.reference_period, pay.quantiles(), pay.derived)


def anchor_cells(benchmarks: BenchmarkSet, country: str, *, role: str | None = None, city: str | None = None,
                 state: str | None = None, as_of: dt.date | None = None) -> tuple[AnchorCell, ...]:
    """The official anchor of ``role`` (every role with one when None) for a job in ``city``/``state`` of
    ``country``, aged to ``as_of``; empty for a country without an anchor."""
    if country not in ANCHORED:
        return ()
    roles = anchor_roles(country) if role is None else (role,)
    cells = (_cell(benchmarks, r, country, city, state, as_of) for r in roles)
    return tuple(c for c in cells if c is not None)
