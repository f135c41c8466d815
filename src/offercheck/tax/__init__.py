"""After-tax estimates from parameter tables (US federal + states, Canada, UK, Germany).

`estimate_tax` is the whole public interface; parameters live in `offercheck/data/tax/*.toml`, each table with
its source, tax year and verification status. Results are estimates: every simplification and every
unverified parameter is listed in `TaxResult.notes`.
"""

from __future__ import annotations

from offercheck.offer.places import country_code
from offercheck.tax import canada, germany, uk, us
from offercheck.tax.engine import (
    LATEST_TAX_YEAR,
    TAX_YEARS,
    TaxLine,
    TaxResult,
    UnsupportedJurisdiction,
    UnsupportedTaxYear,
    check_inputs,
)

__all__ = [
    "LATEST_TAX_YEAR",
    "SUPPORTED",
    "TAX_YEARS",
    "TaxLine",
    "TaxResult",
    "UnsupportedJurisdiction",
    "UnsupportedTaxYear",
    "estimate_tax",
]

# Country -> supported subdivisions; "" means a national model (for DE it applies whatever the state).
SUPPORTED: dict[str, tuple[str, ...]] = {
    "US": us.SUBDIVISIONS,
    "CA": canada.SUBDIVISIONS,
    "GB": uk.SUBDIVISIONS,
    "DE": germany.SUBDIVISIONS,
}


def estimate_tax(
    *,
    country: str,
    subdivision: str | None,
    city: str | None,
    filing_status: str,
    tax_year: int,
    wages: float,
    pretax_deferral: float = 0.0,
) -> TaxResult:
    """Estimate the year's taxes on `wages` (local currency) for one earner.

    `filing_status` is "single" or "married" (married filing jointly / joint assessment, single earner).
    `pretax_deferral` (employee 401(k), US only) reduces income-tax wages but not payroll-tax wages.
    Raises UnsupportedJurisdiction (or its subclass UnsupportedTaxYear) rather than ever returning a silent zero.
    """
    check_inputs(filing_status=filing_status, tax_year=tax_year, wages=wages, pretax_deferral=pretax_deferral)
    code = country_code(country)
    if code == "US":
        return us.estimate(
            subdivision=subdivision,
            city=city,
            filing_status=filing_status,
            tax_year=tax_year,
            wages=wages,
            pretax_deferral=pretax_deferral,
        )
    if code == "CA":
        return canada.estimate(subdivision=subdivision, tax_year=tax_year, wages=wages, pretax_deferral=pretax_deferral)
    if code == "GB":
        return uk.estimate(subdivision=subdivision, city=city, tax_year=tax_year, wages=wages,
                           pretax_deferral=pretax_deferral)
    if code == "DE":
        return germany.estimate(
            filing_status=filing_status, tax_year=tax_year, wages=wages, pretax_deferral=pretax_deferral
        )
    supported = "; ".join(f"{c}: {', '.join(s or 'national' for s in subs)}" for c, subs in SUPPORTED.items())
    raise UnsupportedJurisdiction(f"country {country!r} is not supported; supported: {supported}")
