"""United Kingdom (England): income tax with the personal-allowance taper and employee Class 1 NI."""

from __future__ import annotations

from offercheck.tax.engine import Table, TaxResult, UnsupportedJurisdiction, bracket_tax, line, params, unverified_notes

SUBDIVISIONS: tuple[str, ...] = ("", "ENG")
_ACCEPTED = frozenset({"", "ENG", "GB-ENG", "ENGLAND"})


def personal_allowance(table: Table, income: float) -> float:
    """The allowance falls by `taper_rate` per pound of income over the taper threshold."""
    reduction = table["taper_rate"] * max(income - table["taper_threshold"], 0.0)
    return float(max(table["personal_allowance"] - reduction, 0.0))


def estimate(*, subdivision: str | None, tax_year: int, wages: float, pretax_deferral: float) -> TaxResult:
    if (subdivision or "").strip().upper() not in _ACCEPTED:
        raise UnsupportedJurisdiction(
            f"UK subdivision {subdivision!r} is not supported (Scottish, Welsh and NI rates differ or were not"
            " collected); supported: England (subdivision 'ENG' or none)"
        )
    p = params("uk", tax_year)
    it, ni = p["income_tax"], p["national_insurance"]
    taxable = max(wages - personal_allowance(it, wages), 0.0)
    contributions = ni["main_rate"] * max(min(wages, ni["upper_earnings_limit"]) - ni["primary_threshold"], 0.0)
    contributions += ni["additional_rate"] * max(wages - ni["upper_earnings_limit"], 0.0)
    notes = [
        f"UK tax year {it['year']} (6 April to 5 April)",
        "estimate: employment income only; NI computed on annual earnings (payroll assesses it per pay period);"
        " student loans, pension contributions and the marriage allowance are not modelled",
        "individual taxation: filing status is ignored",
    ]
    if pretax_deferral:
        notes.append("pretax_deferral (a US 401(k) concept) is ignored")
    return TaxResult(
        country="GB",
        subdivision="ENG",
        tax_year=tax_year,
        currency="GBP",
        lines=(
            line("UK income tax", bracket_tax(taxable, it["rates"], it["upper"]), "income", it),
            line("UK National Insurance", contributions, "social", ni),
        ),
        notes=tuple(notes + unverified_notes([it, ni])),
    )
