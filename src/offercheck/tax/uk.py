"""United Kingdom: income tax (England's rates, or Scotland's) with the personal-allowance taper, and Class 1 NI.

Scotland sets its own income-tax rates and bands on earnings; the personal allowance and NI stay UK-wide.
"""

from __future__ import annotations

from offercheck.tax.engine import Table, TaxResult, UnsupportedJurisdiction, bracket_tax, line, params, unverified_notes
from offercheck.tax.registry import COUNTRIES

SUBDIVISIONS: tuple[str, ...] = ("", "ENG", "SCT")
_ENGLAND = frozenset({"", "ENG", "GB-ENG", "ENGLAND"})
_SCOTLAND = frozenset({"SCT", "GB-SCT", "SCOTLAND"})  # ISO 3166-2:GB code, with and without the prefix
# Without a state, a work place in one of Scotland's cities means a Scottish taxpayer (the estimate assumes one
# lives where one works).
SCOTTISH_CITIES = frozenset({"edinburgh", "glasgow", "aberdeen", "dundee", "inverness", "stirling", "perth",
                             "dunfermline"})


def is_scottish(subdivision: str | None, city: str | None) -> bool:
    """Scottish rates apply; raises UnsupportedJurisdiction for a subdivision without a model (Wales, NI)."""
    code = (subdivision or "").strip().upper()
    if code in _SCOTLAND:
        return True
    if code not in _ENGLAND:
        raise UnsupportedJurisdiction(
            f"UK subdivision {subdivision!r} is not supported (Welsh and NI rates were not collected);"
            " supported: England ('ENG' or none), Scotland ('SCT')"
        )
    return not code and (city or "").strip().casefold() in SCOTTISH_CITIES


def personal_allowance(table: Table, income: float) -> float:
    """The allowance falls by `taper_rate` per pound of income over the taper threshold."""
    reduction = table["taper_rate"] * max(income - table["taper_threshold"], 0.0)
    return float(max(table["personal_allowance"] - reduction, 0.0))


def estimate(*, subdivision: str | None, tax_year: int, wages: float, pretax_deferral: float,
             city: str | None = None) -> TaxResult:
    scottish = is_scottish(subdivision, city)
    p = params("uk", tax_year)
    it, ni = p["income_tax"], p["national_insurance"]
    # The allowance and its taper are UK-wide; Scotland sets the rates and bands above it.
    bands = p["scottish_income_tax"] if scottish else it
    taxable = max(wages - personal_allowance(it, wages), 0.0)
    contributions = ni["main_rate"] * max(min(wages, ni["upper_earnings_limit"]) - ni["primary_threshold"], 0.0)
    contributions += ni["additional_rate"] * max(wages - ni["upper_earnings_limit"], 0.0)
    notes = [
        f"UK tax year {it['year']} (6 April to 5 April)",
        "estimate: employment income only; NI computed on annual earnings (payroll assesses it per pay period);"
        " student loans, pension contributions and the marriage allowance are not modelled",
        "individual taxation: filing status is ignored",
    ]
    if scottish:
        why = "state SCT" if subdivision else f"{city} is in Scotland"
        notes.append(f"Scottish income tax rates applied ({why}; assumes a Scottish taxpayer, i.e. living there);"
                     " NI is UK-wide")
    if pretax_deferral:
        notes.append("pretax_deferral (a US 401(k) concept) is ignored")
    name = "Scottish income tax" if scottish else "UK income tax"
    return TaxResult(
        country="GB",
        subdivision="SCT" if scottish else "ENG",
        tax_year=tax_year,
        currency=COUNTRIES["GB"].currency,
        lines=(
            line(name, bracket_tax(taxable, bands["rates"], bands["upper"]), "income", bands),
            line("UK National Insurance", contributions, "social", ni),
        ),
        notes=tuple(notes + unverified_notes([bands, ni])),
    )
