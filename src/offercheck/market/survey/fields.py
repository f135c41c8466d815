"""What a survey's columns mean: the ``--map`` keys, the ai-jobs.net header, and how each value is read
(experience band, remote ratio, company size, year, location; pay amounts: :mod:`offercheck.market.survey.numbers`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from offercheck.market.schema import plain
from offercheck.offer.roles import AIJOBS_LEVELS, EXPERIENCE_BANDS, experience_band

__all__ = ["LOCAL_CURRENCY", "MAPPING_KEYS", "PAY_KEYS", "SurveyFormatError", "SurveyRow", "SurveyStats", "band",
           "columns", "delimiter", "local_currency", "location", "year", "years_band"]


class SurveyFormatError(ValueError):
    """The file is not a survey this module can read (no recognisable header, bad mapping, bad values)."""


# The ai-jobs.net format is read in local currencies (DESIGN section 3): ``salary`` in ``salary_currency``, and a
# row whose currency is not its residence country's is left out and counted (by country, in SurveyStats). Rows
# reported in another currency are a different population: in the 2025-01-19 snapshot the USD-reported rows of
# CA, DE and GB residents have medians 1.35-2.1x those of the same countries' local-currency rows.
LOCAL_CURRENCY = "salary in another currency than the residence country's"


class SurveyRow(NamedTuple):
    """One usable survey response. ``base`` is annual pay in the row's currency: the file's (mapped) currency, or
    for ai-jobs the residence country's own."""

    base: float
    role: str | None
    title: str
    experience: str | None
    country: str | None
    remote: str | None
    size: str | None
    year: int | None
    total: float | None = None  # total pay (base + bonus + stock, or the file's total column), where measured
    city: str | None = None  # plain city name


@dataclass(frozen=True)
class SurveyStats:
    """What happened to every row: read = duplicates + bad + excluded + used (blank lines aside)."""

    rows_read: int
    duplicates: int
    bad_rows: int
    bad_reasons: Mapping[str, int]
    rows_used: int
    sha256: str
    name: str
    # Valid rows left out on purpose (not full-time, too old), by reason; they are not "bad".
    excluded: Mapping[str, int] = field(default_factory=dict)
    unmapped_roles: int = 0
    format: str = "generic"
    # Rows equal to an earlier row that were kept (used or counted like any other), when duplicates were kept
    # on request; None when they were dropped (``duplicates``).
    kept_duplicates: int | None = None
    # ai-jobs in local currencies: rows left out because their currency is not their country's, by country
    # (their total is ``excluded[LOCAL_CURRENCY]``).
    other_currency: Mapping[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        """One line accounting for every row, e.g. for the end of ``offercheck benchmarks build``."""
        def reasons(counts: Mapping[str, int]) -> str:
            return f" ({', '.join(f'{k}: {v:,}' for k, v in counts.items())})" if counts else ""

        kept = self.kept_duplicates
        parts = [f"read {self.rows_read:,} rows",
                 f"dropped {self.duplicates:,} duplicates" if kept is None else f"kept {kept:,} duplicates",
                 f"{self.bad_rows:,} bad rows{reasons(self.bad_reasons)}"]
        if self.excluded:
            parts.append(f"excluded {sum(self.excluded.values()):,}{reasons(self.excluded)}")
        parts.append(f"used {self.rows_used:,}")
        if self.unmapped_roles:
            parts.append(f"{self.unmapped_roles:,} used rows have a title matching no role (in all-roles cells only)")
        return ", ".join(parts)


# ai-jobs company_size: S < 50 employees, M 50-250, L > 250. Mapped onto the offer file's size keys.
SIZES = {
    "s": "startup", "small": "startup", "startup": "startup",
    "m": "sme", "medium": "sme", "sme": "sme",
    "l": "large", "large": "large",
}
REMOTE = {
    "0": "onsite", "onsite": "onsite", "on-site": "onsite", "office": "onsite",
    "50": "hybrid", "hybrid": "hybrid",
    "100": "remote", "remote": "remote",
}
# ai-jobs records a seniority level, not years. This mapping to year bands is an approximation: the survey
# defines EN entry-level/junior, MI mid-level/intermediate, SE senior/expert, EX executive/director.
_LEVEL_WORDS = {
    "en": "0-2", "entry": "0-2", "junior": "0-2",
    "mi": "3-5", "mid": "3-5", "intermediate": "3-5",
    "se": "6-9", "senior": "6-9",
    "ex": "10+", "executive": "10+", "director": "10+",
}
AIJOBS_COLUMNS = ("work_year", "experience_level", "employment_type", "job_title", "salary_in_usd",
                  "employee_residence", "remote_ratio", "company_size")
PAY_KEYS = ("base", "total", "bonus", "stock")
MAPPING_KEYS = frozenset({*PAY_KEYS, "role", "experience", "years", "country", "city", "state", "location",
                          "remote", "size", "year", "employment", "currency"})
# A "City, ST" location names a US state; any other two-letter last part is a country code.
_STATE_CODES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH "
    "OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR")
_US_STATES = frozenset(_STATE_CODES.split())
_COUNTRY_NAMES = {"usa": "US", "united states": "US", "united states of america": "US", "uk": "GB",
                  "united kingdom": "GB", "england": "GB", "germany": "DE", "deutschland": "DE", "canada": "CA",
                  "france": "FR", "india": "IN", "netherlands": "NL", "spain": "ES", "australia": "AU",
                  "singapore": "SG", "ireland": "IE", "switzerland": "CH", "poland": "PL", "brazil": "BR"}


def local_currency(country: str | None) -> str | None:
    """The currency of a country (ISO 4217, from the places table), or None for a code it does not know."""
    from offercheck.places import all_countries

    found = all_countries().get(country or "")
    return None if found is None else found.currency


def delimiter(header: str) -> str:
    """The field separator of a header line: whichever of comma, semicolon and tab it has most of."""
    return max((",", ";", "\t"), key=header.count)


def band(value: str) -> str | None:
    v = value.strip()
    if v in AIJOBS_LEVELS:
        return AIJOBS_LEVELS[v]
    if v in EXPERIENCE_BANDS:
        return v
    low = v.lower()
    if low in _LEVEL_WORDS:
        return _LEVEL_WORDS[low]
    return years_band(v)


def years_band(value: str) -> str | None:
    try:
        return experience_band(float(value))
    except ValueError:
        return None


def year(value: str) -> int | None:
    try:
        return int(value.strip())
    except ValueError:
        return None


def country_code(text: str) -> str | None:
    t = " ".join(text.split())
    if len(t) == 2 and t.isalpha():
        return t.upper()
    return _COUNTRY_NAMES.get(t.lower())


def location(city: str, state: str, country: str) -> tuple[str | None, str | None]:
    """(plain city name, country code) from a city (maybe "City, ST" or "City, Region, Country"), a state and a
    country; a US state code makes the country US unless a country is given."""
    parts = [p.strip() for p in city.split(",")]
    name = plain(parts[0])
    code = country_code(country) if country.strip() else None
    if code is None and len(parts) >= 3:
        code = country_code(parts[-1])
    if code is None and len(parts) == 2:
        last = parts[1].upper()
        code = "US" if last in _US_STATES else country_code(parts[1])
    if code is None and state.strip().upper() in _US_STATES:
        code = "US"
    return name, code


def columns(path: Path, names: list[str], mapping: Mapping[str, str] | None) -> tuple[str, dict[str, int]]:
    """The file's format ("ai-jobs" or "generic") and the column number of each of our keys."""
    if mapping is None:
        if all(c in names for c in AIJOBS_COLUMNS):
            idx = {n: i for i, n in enumerate(names)}
            aijobs = {"base": idx["salary_in_usd"], "role": idx["job_title"], "experience": idx["experience_level"],
                      "country": idx["employee_residence"], "remote": idx["remote_ratio"],
                      "size": idx["company_size"], "year": idx["work_year"], "employment": idx["employment_type"]}
            if "salary" in idx and "salary_currency" in idx:
                # Pay as reported, in its currency: each country's cells in its own currency (LOCAL_CURRENCY).
                aijobs |= {"base": idx["salary"], "currency": idx["salary_currency"]}
            return "ai-jobs", aijobs
        shown = ", ".join(names[:8]) + (", ..." if len(names) > 8 else "")
        raise SurveyFormatError(
            f"{path}: not a recognised salary survey: the header ({shown}) is not the ai-jobs.net format "
            f"(needs {', '.join(AIJOBS_COLUMNS)}); for another CSV give a column mapping, "
            "e.g. --map base=<pay column> or --map total=<pay column>, --map role=<title column>")
    _check_keys(path, mapping, names)
    cols: dict[str, int] = {}
    for ours, theirs in mapping.items():
        want = theirs.strip().lower()
        if want not in names:
            raise SurveyFormatError(
                f"{path}: mapping {ours}={theirs}: no such column; the header has {', '.join(names)}")
        cols[ours] = names.index(want)
    if "currency" not in cols:
        # An unmapped currency column would mix currencies silently: read it to check it has one value.
        found = [i for i, n in enumerate(names) if "currency" in n]
        if found:
            cols["currency?"] = found[0]
    return "generic", cols


def _check_keys(path: Path, mapping: Mapping[str, str], names: list[str]) -> None:
    unknown = sorted(set(mapping) - MAPPING_KEYS)
    if unknown:
        raise SurveyFormatError(
            f"{path}: unknown mapping key(s) {', '.join(unknown)}; known: {', '.join(sorted(MAPPING_KEYS))}")
    if "base" not in mapping and "total" not in mapping:
        raise SurveyFormatError(f"{path}: no pay column mapped: give --map base=<column> or --map total=<column>; "
                                f"the header has {', '.join(names)}")
    if "bonus" in mapping and not {"stock", "total"} & set(mapping):
        raise SurveyFormatError(f"{path}: bonus={mapping['bonus']} without stock or total: map stock=<column> "
                                "too (a total without equity is not comparable with a package)")
    if "stock" in mapping and "base" not in mapping:
        raise SurveyFormatError(f"{path}: stock={mapping['stock']} needs base=<column> (total = base + bonus + stock)")
    if "experience" in mapping and "years" in mapping:
        raise SurveyFormatError(f"{path}: map either experience or years, not both")
    if "location" in mapping and "city" in mapping:
        raise SurveyFormatError(f"{path}: map either location or city, not both")
