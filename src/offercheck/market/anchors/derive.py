"""The one way a quantile the publisher does not give is derived, for every official source.

**Method.** A missing percentile p is read off the log-normal distribution that passes exactly through the two
published percentiles nearest p: the nearest one on each side of p when there are published percentiles on both
sides (interpolation), else the two nearest on the one side (extrapolation). With z the standard normal score,
ln q is a straight line in z through the two points: for published (a, q_a) and (b, q_b),

    sigma = (ln q_b - ln q_a) / (z_b - z_a),   q_p = q_a * exp(sigma * (z_p - z_a)).

Only p10, p25, p50, p75 and p90 are inputs (a publisher's other deciles are not used), and only values: a
quantile known only to exceed a bound (the Entgeltatlas contribution ceiling) is not an input; its derived value
is raised to the bound if the fit falls below it, and says so. Scaling a distribution to another area (a regional
median ratio) is in ``scaled``: every scaled figure is derived too.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from statistics import NormalDist

from offercheck.market.anchors.model import DERIVED, PERCENTILES, Figure, NoOfficialFigure

__all__ = ["METHOD", "filled", "lognormal_quantile", "scaled"]

METHOD = ("log-normal through the two published percentiles nearest the missing one (one on each side when "
          "there are): ln q linear in the normal score z")
_Z = NormalDist()


def _z(p: int) -> float:
    return _Z.inv_cdf(p / 100)


def _nearest(known: Mapping[int, float], p: int) -> tuple[int, int]:
    """The two known percentiles the fit for ``p`` uses (lower one first)."""
    below = sorted((k for k in known if k < p), reverse=True)
    above = sorted(k for k in known if k > p)
    if below and above:
        return below[0], above[0]
    side = below or above
    if len(side) < 2:
        raise NoOfficialFigure(f"p{p} cannot be derived: fewer than two published percentiles")
    a, b = sorted(side[:2])
    return a, b


def lognormal_quantile(known: Mapping[int, float], p: int) -> tuple[float, str]:
    """Percentile ``p`` from the published percentiles ``known`` (percentile -> value), and the method text."""
    a, b = _nearest(known, p)
    sigma = (math.log(known[b]) - math.log(known[a])) / (_z(b) - _z(a))
    value = known[a] * math.exp(sigma * (_z(p) - _z(a)))
    return value, f"log-normal through published p{a} and p{b}"


def filled(published: Mapping[int, Figure], floors: Mapping[int, float] | None = None) -> tuple[Figure, ...]:
    """p10..p90: the published figures as they are, the others derived (``floors``: lower bounds known to hold).

    Raises NoOfficialFigure when fewer than two figures are published.
    """
    known = {p: f.value for p, f in published.items()}
    out = []
    for p in PERCENTILES:
        if p in published:
            out.append(published[p])
            continue
        value, method = lognormal_quantile(known, p)
        floor = (floors or {}).get(p)
        if floor is not None and value < floor:
            value, method = floor, f"{method} gave {value:,.0f}, below the bound it is known to exceed: raised to it"
        out.append(Figure(f"p{p}", value, DERIVED, method))
    return tuple(out)


def scaled(figures: tuple[Figure, ...], ratio: float, why: str, of: str,
           keep: Mapping[int, Figure] | None = None) -> tuple[Figure, ...]:
    """Every figure of ``of`` (e.g. "UK 2134") times ``ratio`` (derived, ``why`` naming the ratio), except those
    in ``keep`` (the area's own published figures)."""
    out = []
    for f in figures:
        if keep and f.percentile in keep:
            out.append(keep[f.percentile])
            continue
        base = f"{of} {f.name} {f.value:,.0f}" + (f" ({f.method})" if f.status == DERIVED else "")
        out.append(Figure(f.name, f.value * ratio, DERIVED, f"{base} x {why}"))
    return tuple(out)
