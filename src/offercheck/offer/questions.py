"""The questions of ``offercheck new --interactive``: each answer's reader, and the interview that asks them.

A reader takes the text typed and gives the value the offer file holds, or raises ValueError saying what to type
instead (the question is asked again). Amounts are read as people type them ("150,000", "150k", "$150,000").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from offercheck.offer.interactive import Answers, EquityAnswers

# Each question's reader: the answer as the file writes it, or ValueError saying what to type instead. An empty
# answer to an optional question is "" or None.

MONEY_LIMIT = 100_000_000.0  # as the offer models bound every amount
_PRESETS = ("4y-cliff-1y", "4y-even", "amazon", "google-front", "3y-even")
DEFAULT_PRESET = "4y-cliff-1y"


def read_company(text: str) -> str:
    if not text.strip():
        raise ValueError("the company is required")
    return text.strip()


def read_role(text: str) -> str:
    """A role key ('ML engineer' -> 'machine learning engineer'); an unknown title is refused with the closest."""
    from offercheck.offer.roles import ROLES, close_roles, normalise_role

    if not text.strip():
        return ""
    key = " ".join(text.lower().split())
    role = key if key in ROLES else normalise_role(text)
    if role is None:
        close = close_roles(text)
        hint = f"did you mean {' or '.join(repr(r) for r in close)}? " if close else ""
        raise ValueError(f"{text.strip()!r} is not a known role; {hint}(known: {', '.join(ROLES)}; empty to skip)")
    return role


def read_years(text: str) -> float | None:
    if not text.strip():
        return None
    try:
        years = float(text.strip().removesuffix("years").removesuffix("y").strip())
    except ValueError:
        raise ValueError(f"{text.strip()!r} is not a number of years: write e.g. 6 (empty to skip)") from None
    if not 0 <= years <= 60:
        raise ValueError("years of experience are between 0 and 60")
    return years


def read_country(text: str) -> str:
    """An ISO 3166 alpha-2 code from a code or a name ('UK', 'usa', 'Germany' -> 'GB', 'US', 'DE')."""
    from offercheck.places import UnknownPlace, country, mistaken_code

    try:
        return country(mistaken_code(text) or text.strip()).code
    except UnknownPlace as e:
        raise ValueError(str(e)) from None


def country_currency(code: str) -> str:
    """The currency a country pays in (the default of the currency question), USD where unknown."""
    from offercheck.places import all_countries

    found = all_countries().get(code)
    return found.currency if found else "USD"


def read_currency(text: str) -> str:
    from offercheck.errors import UnknownCurrency
    from offercheck.offer.loading import currency_codes

    code, known = text.strip().upper(), currency_codes()
    if code not in known:
        raise ValueError(str(UnknownCurrency(code, known)))
    return code


def has_subdivisions(country: str) -> bool:
    from offercheck.places import subdivisions_of

    return bool(subdivisions_of(country))


def read_state(country: str, text: str) -> str:
    """A subdivision code from its code or name ('Washington' -> 'WA'); refused with the closest names."""
    from offercheck.places import find_subdivision, subdivisions_of, unknown_subdivision

    if not text.strip():
        return ""
    if not subdivisions_of(country):
        return text.strip()
    found = find_subdivision(country, text)
    if found is None:
        raise ValueError(f"{unknown_subdivision(country, text)} (empty to skip)")
    return found.code


def state_of(country: str, city: str) -> str:
    """The state a US city is in when the place tables know only one (the default of the state question)."""
    from offercheck.places import bls_areas, norm

    if country != "US" or not city.strip():
        return ""
    states = {s for s, _ in bls_areas().cities.get(norm(city), ())}
    return states.pop() if len(states) == 1 else ""


def read_remote(text: str) -> str:
    answer = text.strip().lower()
    if answer not in ("", "onsite", "hybrid", "remote"):
        raise ValueError("answer onsite, hybrid or remote (empty to skip)")
    return answer


def read_home(text: str) -> str:
    """Where the candidate lives, as the commands read it ('Boise, ID', 'DE')."""
    from offercheck.places import UnknownPlace, residence

    if not text.strip():
        return ""
    try:
        residence(text)
    except UnknownPlace as e:
        raise ValueError(f"{e} (empty to skip)") from None
    return text.strip()


def read_money(text: str, *, required: bool = False, what: str = "amount") -> float | None:
    """An amount ("150,000", "150k", "$150,000", "150 000"); None for an empty optional answer."""
    from offercheck.offer.amounts import read_amount

    if not text.strip() and not required:
        return None
    value = read_amount(text)
    if value > MONEY_LIMIT:
        raise ValueError(f"{text.strip()!r} is above {MONEY_LIMIT:,.0f}: check the number")
    if required and value <= 0:
        raise ValueError(f"the {what} must be more than 0")
    return value


def read_base(text: str) -> float:
    value = read_money(text, required=True, what="base salary")
    assert value is not None
    if value < 1000:
        raise ValueError(f"{value:g} looks like thousands; the base is the yearly amount: write {value:g}k "
                         f"or {value * 1000:,.0f}")
    return value


def read_percent_answer(text: str, *, limit: float = 100) -> float | None:
    """A percent ("4", "4%", "4.5"); a fraction (0.04) is refused: percents are written as numbers."""
    from offercheck.offer.amounts import read_percent

    if not text.strip():
        return None
    value = read_percent(text)
    if 0 < value < 1:
        raise ValueError(f"{value:g} looks like a fraction: write {value * 100:g} for {value * 100:g}%")
    if value > limit:
        raise ValueError(f"a percent here is at most {limit:g}")
    return value


def read_bonus(text: str) -> tuple[float, float | None]:
    """(target percent, amount): "15" or "15%" is a percent of base, "20,000", "20k" or "$20,000" an amount; a
    bare number above 100 is an amount too. Empty: no bonus."""
    raw = text.strip()
    if not raw:
        return 0.0, None
    if raw.endswith("%") or (raw.replace(".", "", 1).isdigit() and float(raw) <= 100):
        return read_percent_answer(raw, limit=500) or 0.0, None
    return 0.0, read_money(raw)


def read_equity_kind(text: str) -> str:
    answer = text.strip().lower().removesuffix("s")
    kinds = {"": "", "none": "", "no": "", "rsu": "rsu", "option": "options", "stock option": "options"}
    if answer not in kinds:
        raise ValueError("answer rsu, options or none (empty: none)")
    return kinds[answer]


def read_vesting(text: str) -> tuple[str | None, tuple[float, ...]]:
    """(preset, schedule): a preset name, or percents per year ("25 25 25 25", "[5, 15, 40, 40]") summing to 100."""
    import math
    import re

    raw = text.strip().lower()
    if not raw:
        return DEFAULT_PRESET, ()
    if raw in _PRESETS:
        return raw, ()
    parts = [p for p in re.split(r"[\s,;/]+", raw.strip("[]")) if p]
    try:
        schedule = tuple(float(p.removesuffix("%")) for p in parts)
    except ValueError:
        raise ValueError(f"give a preset ({', '.join(_PRESETS)}) or percents per year such as 25 25 25 25") from None
    if not 1 <= len(schedule) <= 10 or any(not 0 <= x <= 100 for x in schedule):
        raise ValueError("give 1 to 10 yearly percents, each between 0 and 100")
    if not math.isclose(sum(schedule), 100, abs_tol=0.01):
        raise ValueError(f"the yearly percents must sum to 100 (they sum to {sum(schedule):g})")
    return None, schedule


def read_yes_no(text: str) -> bool | None:
    answer = text.strip().lower()
    if answer in ("", "?", "unsure", "don't know"):
        return None
    if answer in ("y", "yes", "true"):
        return True
    if answer in ("n", "no", "false"):
        return False
    raise ValueError("answer y or n (empty if you do not know)")


def read_shares(text: str) -> float:
    value = read_money(text, required=True, what="number of shares")
    assert value is not None
    return value


def read_price(text: str, *, what: str, zero: bool = False) -> float:
    value = read_money(text, required=not zero, what=what)
    if value is None:
        raise ValueError(f"the {what} is required")
    return value


class Ask(Protocol):
    """Ask one question until ``read`` accepts the answer (it raises ValueError saying why not); ``default`` is
    shown and used for an empty answer, "" for an optional question with none."""

    def __call__(self, question: str, read: Callable[[str], Any], default: str | None = "") -> Any: ...


def interview(ask: Ask) -> Answers:
    """The questions of ``offercheck new --interactive``, in order; each optional one may be left empty."""
    company = ask("Company", read_company, None)
    role = ask("Role (e.g. software engineer, data scientist; empty to skip)", read_role)
    years = ask("Years of experience (empty to skip)", read_years)
    country = ask("Country (ISO code or name)", read_country, "US")
    city = ask("City (empty to skip)", lambda t: t.strip())
    state = ""
    if has_subdivisions(country):
        word = {"US": "State", "CA": "Province", "GB": "Nation", "DE": "Land"}.get(country, "Region")
        state = ask(f"{word} (code or name; empty to skip)", lambda t: read_state(country, t),
                    state_of(country, city))
    remote = ask("Onsite, hybrid or remote (empty to skip)", read_remote)
    lives_in = ask("Where you live, e.g. 'Boise, ID' (empty to skip)", read_home) if remote == "remote" else ""
    currency = ask("Currency of the amounts (ISO 4217)", read_currency, country_currency(country))
    base = ask("Base salary per year (e.g. 150,000 or 150k)", read_base, None)
    bonus_percent, bonus_amount = ask("Bonus: percent of base (15 or 15%) or an amount (20,000); empty for none",
                                      read_bonus)
    sign_on = ask("Sign-on bonus, paid in year 1 (empty for none)", read_money)
    equity, public = _equity(ask)
    match = ask(f"{'401(k)' if country == 'US' else 'Retirement'} match, percent of base (empty for none)",
                read_percent_answer)
    health = ask("Health premiums the employer pays per year (empty for none)", read_money)
    return Answers(company=company, role=role, currency=currency, country=country, city=city, state=state,
                   base=base, bonus_percent=bonus_percent, bonus_amount=bonus_amount, years_experience=years,
                   remote=remote, lives_in=lives_in, sign_on=sign_on, public=public, equity=equity,
                   retirement_match_percent=match, health_annual=health)


def _equity(ask: Ask) -> tuple[EquityAnswers | None, bool | None]:
    kind = ask("Equity: rsu, options or none", read_equity_kind, "none")
    if not kind:
        return None, None
    if kind == "rsu":
        grant = EquityAnswers("rsu", grant_value=ask("Value of the whole RSU grant (e.g. 400k)",
                                                     lambda t: read_price(t, what="grant value"), None))
    else:
        grant = EquityAnswers("options", shares=ask("Number of options", read_shares, None),
                              strike=ask("Strike (exercise) price per share", lambda t: read_price(
                                  t, what="strike", zero=True), None),
                              fmv=ask("Fair market value per share (the 409A price)",
                                      lambda t: read_price(t, what="fair market value"), None))
    preset, schedule = ask(f"Vesting: a preset ({', '.join(_PRESETS)}) or percents per year (e.g. 25 25 25 25)",
                           read_vesting, DEFAULT_PRESET)
    public = ask("Is the company listed on a stock exchange? (y/n; empty if you do not know)", read_yes_no)
    return EquityAnswers(grant.kind, grant.grant_value, grant.shares, grant.strike, grant.fmv, preset,
                         schedule), public
