"""Local income taxes that are modelled: New York City (residents), Maryland and Indiana county taxes."""

from __future__ import annotations

from offercheck.tax.engine import Table, bracket_tax, line
from offercheck.tax.us_states.common import Household, StateTax

NYC_NAMES = frozenset(
    {"new york", "new york city", "nyc", "manhattan", "brooklyn", "queens", "bronx", "the bronx", "staten island"}
)

# Local income taxes a resident may owe that no line here estimates (named in every result's notes).
NOT_MODELLED = (
    "local income taxes not modelled: PA local earned income taxes (Philadelphia wage tax), OH municipal and"
    " school district taxes, MI city taxes (Detroit), KY occupational license taxes (Louisville, Lexington),"
    " Yonkers, Portland metro and Multnomah County (OR), Kansas City and St. Louis earnings taxes (MO),"
    " Wilmington (DE), Birmingham (AL), Denver and Aurora occupational privilege taxes (CO)"
)


def in_nyc(city: str | None) -> bool:
    return city is not None and city.strip().lower() in NYC_NAMES


def nyc_tax(p: Table, h: Household, ny_taxable: float) -> StateTax:
    """NYC resident tax on NY taxable income, for residents of the five boroughs."""
    if not in_nyc(h.city):
        return StateTax()
    t = p["NYC"]
    tax = bracket_tax(ny_taxable, t["rates"], t[h.filing_status])
    return StateTax(lines=[line("NYC resident tax", tax, "state_income", t)], tables=[t])


def md_county_tax(p: Table, h: Household, md_taxable: float) -> StateTax:
    """Maryland county (or Baltimore City) income tax: every resident owes one, on MD taxable net income."""
    t = p["MD_county"]
    return StateTax(
        lines=[line("MD county tax", t["default_rate"] * md_taxable, "state_income", t)],
        tables=[t],
        notes=[f"MD county tax: {t['note']}"],
    )


def in_county_tax(p: Table, h: Household, in_taxable: float) -> StateTax:
    """Indiana county income tax: every county levies one, on Indiana AGI less exemptions."""
    t = p["IN_county"]
    return StateTax(
        lines=[line("IN county tax", t["default_rate"] * in_taxable, "state_income", t)],
        tables=[t],
        notes=[f"IN county tax: {t['note']}"],
    )
