"""Experience factor: pay by years of experience on a smooth curve (the survey's bands as knots at their centres).

The curve of the benchmark's scope (``market.premia.experience_curve``) is log-linear between the band centres
and flat outside them, monotone and never more than 8% a year, so one more year never lowers the benchmark nor
raises it by more than 8% (DESIGN section 3). A benchmark cell already by experience band (a user's benchmark file)
is not adjusted again.
"""

from __future__ import annotations

from typing import Any

from offercheck import hookimpl
from offercheck.builtins.factors import VERSUS, already_in_benchmark
from offercheck.market.adjustments import Adjustment
from offercheck.market.estimates import experience, scope_of
from offercheck.offer.models import Offer


@hookimpl
def offercheck_adjust(offer: Offer, benchmark: Any) -> Adjustment | None:
    years = offer.candidate.years_experience
    if years is None:
        return None
    from offercheck.offer.roles import experience_band

    band = experience_band(years)
    found = already_in_benchmark("experience", benchmark, "experience", f"{band} years")
    if found is not None:
        return found
    scope = scope_of(benchmark.country)
    est, curve = experience(years, scope)
    reason = (f"{years:g} years of experience pay x{est.applied:.3f} vs {VERSUS['experience']}, on the {scope} "
              f"experience curve ({curve.describe()}; log-linear between the band centres, flat outside), "
              f"n={est.n} in the {band} band; fitted on {curve.fitted_on}")
    return Adjustment(factor="experience", multiplier=est.applied, reason=reason, source=est.source, n=est.n,
                      interval=est.interval)
