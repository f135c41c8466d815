"""Likely mistakes in an offer file: valid, but probably not what was meant (DESIGN section 2).

Each is reported as ``file: field: what is odd; what was probably meant`` -- a warning on stderr, an error with
``validate --strict``. Nothing here changes the offer: a likely mistake is flagged, never guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from offercheck.errors import OfferFileError
from offercheck.offer.models import Offer
from offercheck.offer.money import amount_text, usd_per_unit
from offercheck.offer.place_checks import place_mistakes

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


def likely_mistakes(offer: Offer, name: str) -> list[OfferFileError]:
    """Every likely mistake in ``offer`` (read from file ``name``): the checks ``validate`` and ``compare`` both
    run, so the two print the same warnings for the same file."""
    return [OfferFileError(name, message, field) for field, message in _findings(offer)]


def _findings(offer: Offer) -> Iterator[tuple[str, str]]:
    for field, get in _PERCENTS:
        value = get(offer)
        if value is not None and 0 < value < 1:
            yield field, (f"{value:g} looks like a fraction; percents are written as numbers, "
                          f"e.g. {value * 100:g} for {value * 100:g}%")
    yield from _base_in_thousands(offer)
    yield from place_mistakes(offer)
    yield from _unknown_role(offer)
    yield from _unknown_industry(offer)
    if offer.equity is not None:
        from offercheck.offer.equity_checks import PRIVATE_TERM_KEYS, private_terms_warnings

        # The keys as given, read off the model: model_dump would build the Equity model's serializer (about 2 ms
        # of every compare's start-up) to read two numbers.
        given = {k: v for k in PRIVATE_TERM_KEYS if (v := getattr(offer.equity, k, None)) is not None}
        for message in private_terms_warnings(given):
            field, _, text = message.partition(": ")
            yield field, text


def _did_you_mean(found: list[str]) -> str:
    return f"; did you mean {' or '.join(repr(f) for f in found)}?" if found else ""


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
    aliases = table.get("aliases", {})
    if key not in table["multiplier"] and key not in aliases:
        import difflib  # only on a miss: not paid at start-up

        close = difflib.get_close_matches(key, [*table["multiplier"], *aliases], n=3)
        hint = _did_you_mean(list(dict.fromkeys(aliases.get(c, c) for c in close)))
        yield "company.industry", (f"{industry!r} is not a known industry{hint} (known: "
                                   f"{', '.join(sorted(table['multiplier']))}); the industry factor is left at x1")


def _unknown_role(offer: Offer) -> Iterator[tuple[str, str]]:
    role = offer.offer.role
    if not role:
        return
    from offercheck.offer.roles import ROLES, close_roles, normalise_role

    if normalise_role(role) is None and " ".join(role.lower().split()) not in ROLES:
        yield "offer.role", (f"{role!r} is not a known role{_did_you_mean(close_roles(role))} (see `offercheck "
                             "benchmarks show`); the benchmark falls back to all roles (in the US: all computer "
                             "and mathematical occupations) and the role factor is left at x1")


def not_a_number_hint(text: str) -> str | None:
    """What to write instead of an amount given as text ("200k", "$185,000"); None if it is no amount."""
    from offercheck.offer.amounts import read_amount

    try:
        value = read_amount(text)
    except ValueError:
        return None
    return f"must be a number, not text: write {value:.0f} (no quotes)" if value.is_integer() else \
        f"must be a number, not text: write {value} (no quotes)"


def not_toml_hint(path: Path, text: str) -> str | None:
    """Why a file that is not TOML was probably given: a CSV or JSON file in place of an offer."""
    kind = {".csv": "CSV", ".json": "JSON", ".tsv": "TSV"}.get(path.suffix.lower())
    if kind is None and text.lstrip().startswith(("{", "[{")):
        kind = "JSON"
    if kind is None:
        return None
    return f"this looks like a {kind} file; offer files are TOML (write one with `offercheck new offer.toml`)"
