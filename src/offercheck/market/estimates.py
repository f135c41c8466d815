"""Survey premia as factor plugins use them: :func:`premium` reads the jointly estimated table, :func:`experience`
the experience curve.

Survey-based factors (experience, role, company size, work mode) ask ``premium(factor, level, scope)`` for the
multiplier to apply, its n and 95% interval. The table (``market.premia``, fitted by scripts/build_market.py)
already applies the rules of DESIGN section 3 (x1.000 when the interval includes 1 or n < 100; company size and
work mode only from the country's own rows) and says why.
"""

from __future__ import annotations

from dataclasses import dataclass

from offercheck.market import premia

__all__ = ["Estimate", "experience", "occupation_of", "premium", "scope_of"]


@dataclass(frozen=True)
class Estimate:
    """A premium as estimated and as applied (x1.000 when the evidence does not support it, ``neutral`` says why)."""

    estimated: float
    applied: float
    n: int | None
    interval: tuple[float, float] | None
    source: str
    neutral: str | None = None
    fitted_on: str = ""
    versus: str | None = None


def scope_of(country: str | None) -> str:
    """Which premia move a benchmark of ``country``: its own scope (US, GB, CA, DE) or the non-US pool's."""
    return premia.scope_of(country)


def premium(factor: str, level: str, scope: str = "US") -> Estimate | None:
    """The premium for ``level`` of ``factor`` (e.g. "company_size", "large"), or None when the table has none."""
    try:
        p = premia.premium(factor, level, scope)
    except KeyError:
        return None
    why = None if p.applied else p.reason.split(": ", 1)[-1].removeprefix("x1.000: ")
    return Estimate(p.estimate, p.multiplier, p.n, (p.ci_low, p.ci_high), p.source, why, p.fitted_on, p.versus)


def experience(years: float, scope: str = "US") -> tuple[Estimate, premia.ExperienceCurve]:
    """The experience curve's multiplier at ``years`` in ``scope``, with the curve (for its description)."""
    curve = premia.experience_curve(scope)
    m = curve.multiplier(years)
    return Estimate(m, m, premia.experience_band_n(years, scope), curve.interval(years), curve.source,
                    fitted_on=curve.fitted_on), curve


def occupation_of(role: str | None) -> str | None:
    """The US SOC code of a role key or job title (bls_anchor.json's map), or None for a role it does not know."""
    if not role:
        return None
    from offercheck.datafiles import packaged_json
    from offercheck.offer.roles import normalise_role

    roles: dict[str, str] = packaged_json("market/bls_anchor.json")["roles"]
    key = role.strip().lower()
    key = key if key in roles else normalise_role(role) or key
    return roles.get(key)
