"""Ageing an official pay figure from its reference period to a date by the country's published wage index.

Series (data/market/indices/*.toml, built by scripts/build_official.py, each point published or derived):
US BLS ECI wages and salaries, private industry (SA); GB ONS AWE regular pay (KAI7 levels, later points derived
from KAI9 growth); CA StatCan SEPH average weekly earnings (SA); DE Destatis Nominallohnindex (annual).

``aged(country, reference_period, as_of)``: factor = index(as_of) / index(reference date). Between two index
points the index is linear in days. Past the last point the growth of the year up to it is carried forward,
compounded by days (``extrapolated``, the last point named); before the first point the first year's growth is
carried back the same way.

**Dates of reference periods** (``period_date``, one rule): a day is itself ("31 December 2023", "2023-12-31");
a month is its 15th ("May 2025", "2025-05"); a quarter is the 15th of its middle month ("2025-Q2"); a year is
1 July ("2024"); two pooled years "2023-24" / "2023-2024" are 1 January of the second; "A to B" (two days) is the
day halfway between. Parenthesised remarks ("(provisional)") are ignored. The index points carry their own dates
(each file's ``date_rule``: e.g. an ECI quarter is the 12th of its last month).

**The comparison date** defaults to today: :func:`today` is ``datetime.date.today()``, or the date in the
environment variable ``OFFERCHECK_TODAY`` (YYYY-MM-DD) when set, which pins every default (tests, golden files,
the README's outputs, the snapshot corpus) to one day. An explicit ``as_of`` / ``--as-of`` always wins.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

from offercheck.datafiles import packaged_toml

__all__ = ["ENV_TODAY", "SERIES", "Aged", "Point", "Series", "aged", "index_at", "period_date", "series", "today"]

ENV_TODAY = "OFFERCHECK_TODAY"

SERIES = {"US": "eci_private_wages", "GB": "awe_regular_pay", "CA": "seph_awe", "DE": "nominallohnindex"}
_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"), start=1)}


@dataclass(frozen=True)
class Point:
    period: str  # as published: "2025-Q3", "2025-06", "2024"
    date: dt.date  # the day the period stands for (the file's date_rule)
    value: float
    status: str  # "published" | "derived" | "base"
    method: str = ""


@dataclass(frozen=True)
class Series:
    country: str
    name: str  # short: "ECI"
    source: str  # one line: publisher, series, id
    url: str
    date_rule: str
    points: tuple[Point, ...]  # in date order


@dataclass(frozen=True)
class Aged:
    """How a figure of ``from_`` was brought to ``to``: multiply by ``factor``."""

    index: str
    from_: str  # the reference period as given
    from_date: dt.date
    to: dt.date
    factor: float
    source: str
    extrapolated: bool
    index_from: float
    index_to: float
    last_period: str  # the newest index point: "2026-Q1 (published)"
    beyond: tuple[str, ...] = ()  # where the index was extrapolated: "past 2026-Q1 (published)", "before 2023-01"
    notes: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of DESIGN section 3: {index, from, to, factor, source, extrapolated}."""
        return {"index": self.index, "from": self.from_, "to": self.to.isoformat(), "factor": self.factor,
                "source": self.source, "extrapolated": self.extrapolated}

    def line(self) -> str:
        """'aged from May 2025 to 2026-12-06 by ECI x1.051 (extrapolated past 2026-Q1)': the market line's words."""
        where = " and ".join(b.split(" (")[0] for b in self.beyond)
        extra = f" (extrapolated {where})" if where else ""
        return (f"aged from {self.from_date:%B %Y} to {self.to.isoformat()} by {self.index} x{self.factor:.3f}"
                f"{extra}")

    def text(self) -> str:
        """'aged by ECI x1.050 from May 2025 (2025-05-15) to 2026-12-01, extrapolated past 2026-Q1 (published)'."""
        extra = f", extrapolated {' and '.join(self.beyond)}" if self.beyond else ""
        return (f"aged by {self.index} x{self.factor:.3f} from {self.from_} ({self.from_date.isoformat()}) to "
                f"{self.to.isoformat()}{extra}")


def today() -> dt.date:
    """The default comparison date: ``$OFFERCHECK_TODAY`` (YYYY-MM-DD) when set, else today.

    Raises ValueError naming the variable when it is set to something that is not a date.
    """
    pinned = os.environ.get(ENV_TODAY, "").strip()
    if not pinned:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(pinned)
    except ValueError:
        raise ValueError(f"{ENV_TODAY}={pinned!r} is not a date (write YYYY-MM-DD)") from None


@cache
def series(country: str) -> Series:
    """The wage index of ``country`` (US, GB, CA, DE)."""
    if country not in SERIES:
        raise ValueError(f"no wage index shipped for {country!r} (have {', '.join(SERIES)})")
    table = packaged_toml(f"market/indices/{SERIES[country]}.toml")
    meta = table["meta"]
    points = tuple(sorted((Point(str(r["period"]), r["date"], float(r["value"]), r["status"], r.get("method", ""))
                           for r in table["values"]["rows"]), key=lambda p: p.date))
    return Series(country, meta["name"], meta["source"], meta["url"], meta["date_rule"], points)


def _day(text: str) -> dt.date | None:
    """A day: '2023-12-31' or '31 December 2023'."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return dt.date.fromisoformat(text)
    m = re.fullmatch(r"(\d{1,2}) ([a-z]+) (\d{4})", text.lower())
    return dt.date(int(m[3]), _MONTHS[m[2]], int(m[1])) if m and m[2] in _MONTHS else None


def _span(text: str) -> dt.date | None:
    """A month, quarter, year or two pooled years -> its date by the module's rule."""
    low = text.lower()
    if m := re.fullmatch(r"([a-z]+) (\d{4})", low):
        return dt.date(int(m[2]), _MONTHS[m[1]], 15) if m[1] in _MONTHS else None
    if m := re.fullmatch(r"(\d{4})-(\d{2})", low):
        if int(m[2]) == (int(m[1]) + 1) % 100:  # "2023-24": two pooled years
            return dt.date(int(m[1]) + 1, 1, 1)
        return dt.date(int(m[1]), int(m[2]), 15)
    if m := re.fullmatch(r"(\d{4})-q([1-4])", low):
        return dt.date(int(m[1]), 3 * int(m[2]) - 1, 15)
    if m := re.fullmatch(r"(\d{4})-(\d{4})", low):
        return dt.date(int(m[2]), 1, 1) if int(m[2]) == int(m[1]) + 1 else None
    return dt.date(int(low), 7, 1) if re.fullmatch(r"\d{4}", low) else None


def period_date(text: str) -> dt.date:
    """The date a reference period stands for (rule in the module docstring); ValueError if unreadable."""
    plain = " ".join(re.sub(r"\([^)]*\)", " ", text).replace(",", " ").split())
    if " to " in plain:
        start, end = (_day(part.strip()) for part in plain.split(" to ", 1))
        if start and end and start <= end:
            return start + (end - start) // 2
    found = _day(plain) or _span(plain)
    if found is None:
        raise ValueError(f"cannot read the reference period {text!r} as a date")
    return found


def _year_from(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _inside(points: tuple[Point, ...], day: dt.date) -> float:
    for a, b in pairwise(points):
        if a.date <= day <= b.date:
            return a.value + (b.value - a.value) * (day - a.date).days / (b.date - a.date).days
    if len(points) == 1 and points[0].date == day:
        return points[0].value
    raise ValueError(f"{day} is outside the index points")


def index_at(s: Series, day: dt.date) -> tuple[float, bool]:
    """The index on ``day`` and whether it is extrapolated (growth carried past the ends)."""
    first, last = s.points[0], s.points[-1]
    if first.date <= day <= last.date:
        return _inside(s.points, day), False
    if day > last.date:
        year_ago = _year_from(last.date, -1)
        growth = last.value / _inside(s.points, year_ago)
        return last.value * growth ** ((day - last.date).days / (last.date - year_ago).days), True
    year_on = _year_from(first.date, 1)
    growth = _inside(s.points, year_on) / first.value
    return first.value / growth ** ((first.date - day).days / (year_on - first.date).days), True


def aged(country: str, reference_period: str, as_of: dt.date | None = None) -> Aged:
    """Index(as_of) / index(reference period) of ``country``'s wage index (as_of: default :func:`today`)."""
    s = series(country)
    to = as_of or today()
    start = period_date(reference_period)
    i_from, ext_from = index_at(s, start)
    i_to, ext_to = index_at(s, to)
    first, last = s.points[0], s.points[-1]
    last_period = f"{last.period} ({last.status})"
    beyond, notes = [], []
    if max(start, to) > last.date:
        beyond.append(f"past {last_period}")
        notes.append(f"past the last {s.name} value ({last_period}) the growth of the year to it is carried forward")
    if min(start, to) < first.date:
        beyond.append(f"before {first.period}")
        notes.append(f"before the first {s.name} value ({first.period}) the first year's growth is carried back")
    return Aged(s.name, reference_period, start, to, i_to / i_from, s.source, ext_from or ext_to, i_from, i_to,
                last_period, tuple(beyond), tuple(notes))
