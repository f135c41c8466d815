"""Likely mistakes in an offer file: valid, but probably not what was meant (DESIGN section 2).

Each is reported as ``file: field: what is odd; what was probably meant`` -- a warning on stderr, an error with
``validate --strict``. Nothing here changes the offer: a likely mistake is flagged, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from offercheck.errors import OfferFileError
from offercheck.offer.models import Offer, amount_text, usd_per_unit
from offercheck.places import find_subdivision, mistaken_code, subdivisions_of, unknown_subdivision

__all__ = ["likely_mistakes", "not_a_number_hint", "not_toml_hint"]

# (field, getter): percents that are fractions when below 1 (0.15 for 15%).
_PERCENTS: tuple[tuple[str, Callable[[Offer], float | None]], ...] = (
    ("bonus.target_percent", lambda o: o.bonus.target_percent),
    ("salary.annual_raise_percent", lambda o: o.salary.annual_raise_percent),
    ("benefits.retirement_match_percent", lambda o: o.benefits.retirement_match_percent),
    ("benefits.employee_401k_percent", lambda o: o.benefits.employee_401k_percent),
    ("benefits.espp_discount_percent", lambda o: o.benefits.espp_discount_percent),
    ("benefits.espp_contribution_percent", lambda o: o.benefits.espp_contribution_percent),
)


def likely_mistakes(offer: Offer, name: str, *, tables: bool = True) -> list[OfferFileError]:
    """Every likely mistake in ``offer`` (read from file ``name``).

    ``tables=False`` skips the industry and US city checks, which read data tables of their own (start-up time):
    ``compare`` says the same in its output (the industry factor's reason; with --real or --after-tax, how the
    city was read).
    """
    found = [*_findings(offer), *((*_unknown_industry(offer), *_place(offer)) if tables else ())]
    return [OfferFileError(name, message, field) for field, message in found]


def _findings(offer: Offer) -> Iterator[tuple[str, str]]:
    for field, get in _PERCENTS:
        value = get(offer)
        if value is not None and 0 < value < 1:
            yield field, (f"{value:g} looks like a fraction; percents are written as numbers, "
                          f"e.g. {value * 100:g} for {value * 100:g}%")
    yield from _base_in_thousands(offer)
    country = offer.location.country
    if mistaken_code(country):
        yield "location.country", f"{country!r} is not an ISO 3166 code; did you mean {mistaken_code(country)!r}?"
    yield from _unknown_subdivision(offer)
    yield from _unknown_role(offer)
    if offer.equity is not None:
        from offercheck.offer.equity_checks import private_terms_warnings

        for message in private_terms_warnings(offer.equity.model_dump(exclude_none=True)):
            field, _, text = message.partition(": ")
            yield field, text


# A yearly base below this many US dollars (at the file's currency) was probably written in thousands.
_THOUSANDS_BELOW_USD = 1000


def _base_in_thousands(offer: Offer) -> Iterator[tuple[str, str]]:
    """``base = 200`` (USD), ``base = 120000`` (IDR, about $7): the yearly amount written in thousands."""
    base, code = offer.salary.base, offer.currency
    rate = usd_per_unit(code)
    if rate is None or not (base >= 1 and base * rate < _THOUSANDS_BELOW_USD):
        return
    if code == "USD":
        yield "salary.base", f"{base:g} looks like thousands; the base is the yearly amount, e.g. {base * 1000:g}"
    else:
        yield "salary.base", (f"{amount_text(base, code)} (about {amount_text(base * rate, '$')} a year) looks like "
                              f"thousands; the base is the yearly amount, e.g. {base * 1000:.0f}")


def _unknown_industry(offer: Offer) -> Iterator[tuple[str, str]]:
    industry = offer.company.industry
    if not industry:
        return
    from offercheck.datafiles import packaged_toml

    table = packaged_toml("factors.toml")["industry"]
    key = " ".join(industry.lower().split())
    if key not in table["multiplier"] and key not in table.get("aliases", {}):
        yield "company.industry", (f"{industry!r} is not a known industry (known: "
                                   f"{', '.join(sorted(table['multiplier']))}); the industry factor is left at x1")


def _unknown_role(offer: Offer) -> Iterator[tuple[str, str]]:
    role = offer.offer.role
    if not role:
        return
    from offercheck.offer.roles import ROLES, normalise_role

    if normalise_role(role) is None and " ".join(role.lower().split()) not in ROLES:
        yield "offer.role", (f"{role!r} is not a known role (see `offercheck benchmarks show`); the benchmark "
                             "is for all roles and the role factor is left at x1")


def _unknown_subdivision(offer: Offer) -> Iterator[tuple[str, str]]:
    """A state or province the country has none of (codes and full names are both known: 'WA', 'Washington')."""
    loc = offer.location
    if loc.state and subdivisions_of(loc.country) and find_subdivision(loc.country, loc.state) is None:
        yield "location.state", str(unknown_subdivision(loc.country, loc.state))


def _place(offer: Offer) -> Iterator[tuple[str, str]]:
    """A US city no metro table knows, or whose state is ambiguous when no state is given."""
    loc = offer.location
    if loc.country != "US" or not loc.city or (loc.state and find_subdivision("US", loc.state) is None):
        return  # an unknown state is reported as such
    from offercheck.places import UnknownPlace, price_area, state_of_city

    try:
        place = price_area(city=loc.city, state=loc.state, country="US")
    except UnknownPlace as e:
        yield "location.city", str(e)
        return
    if place.geography != "metro":  # the note names the fallback: the state's price level, or the US average
        yield "location.city", place.note or f"{loc.city!r} is not a known US metro"
    elif not loc.state:
        found = state_of_city(loc.city)
        if found.state is None:
            yield "location.state", (f"{loc.city!r} could be in {' or '.join(found.candidates)} "
                                     f"(metro {found.metro}); set [location] state")


_AMOUNT = re.compile(r"\s*[$€£]?\s*(\d[\d,_]*(?:\.\d+)?)\s*([kKmM]?)\s*(?:[A-Za-z]{3})?\s*")


def not_a_number_hint(text: str) -> str | None:
    """What to write instead of an amount given as text ("200k", "$185,000"); None if it is no amount."""
    m = _AMOUNT.fullmatch(text)
    if m is None:
        return None
    value = float(m.group(1).replace(",", "").replace("_", "")) * {"": 1, "k": 1e3, "m": 1e6}[m.group(2).lower()]
    return f"must be a number, not text: write {value:.0f} (no quotes)"


def not_toml_hint(path: Path, text: str) -> str | None:
    """Why a file that is not TOML was probably given: a CSV or JSON file in place of an offer."""
    kind = {".csv": "CSV", ".json": "JSON", ".tsv": "TSV"}.get(path.suffix.lower())
    if kind is None and text.lstrip().startswith(("{", "[{")):
        kind = "JSON"
    if kind is None:
        return None
    return f"this looks like a {kind} file; offer files are TOML (write one with `offercheck new offer.toml`)"
