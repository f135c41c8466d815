"""Role keys and experience bands: the vocabulary shared by the survey builder, the benchmarks and the factors.

Kept apart from the survey builder so that looking up a benchmark does not import (or compile) the builder.
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache

__all__ = ["AIJOBS_LEVELS", "EXPERIENCE_BANDS", "ROLES", "close_roles", "experience_band", "normalise_role"]

EXPERIENCE_BANDS = ("0-2", "3-5", "6-9", "10+")
# ai-jobs.net levels mapped to years of experience: an approximation (the survey records levels, not years).
AIJOBS_LEVELS = {"EN": "0-2", "MI": "3-5", "SE": "6-9", "EX": "10+"}

# Exact (lower-cased, seniority-stripped) titles first; _ROLE_RULES catch the rest.
_ROLE_TITLES: dict[str, str] = {}
for _role, _titles in {
    "data scientist": ("data scientist", "decision scientist", "data science", "data science consultant",
                       "data science engineer", "product data scientist"),
    "machine learning engineer": ("machine learning engineer", "ml engineer", "mlops engineer",
                                  "machine learning infrastructure engineer", "machine learning developer",
                                  "machine learning software engineer", "computer vision engineer",
                                  "nlp engineer", "deep learning engineer", "ml ops engineer",
                                  "machine learning platform engineer", "machine learning ops engineer"),
    "research scientist": ("research scientist", "machine learning scientist", "machine learning researcher",
                           "ai scientist", "ai researcher", "ai research scientist",
                           "machine learning research scientist", "deep learning researcher", "ml researcher",
                           "ml scientist"),
    "applied scientist": ("applied scientist", "applied machine learning scientist", "applied ml scientist"),
    "research engineer": ("research engineer", "ai research engineer", "machine learning research engineer"),
    "ai engineer": ("ai engineer", "ai developer", "prompt engineer", "ai software engineer",
                    "generative ai engineer", "genai engineer", "llm engineer", "ai ml engineer"),
    "data engineer": ("data engineer", "data infrastructure engineer", "data integration engineer",
                      "etl developer", "etl engineer", "data developer", "big data engineer",
                      "cloud data engineer", "data operations engineer", "data pipeline engineer",
                      "data platform engineer"),
    "software engineer": ("software engineer", "software developer", "software development engineer",
                          "backend engineer", "back end engineer", "frontend engineer", "front end engineer",
                          "full stack engineer", "full stack developer", "fullstack engineer",
                          "python developer", "java developer", "backend developer", "frontend developer"),
    "data analyst": ("data analyst", "business data analyst", "data reporting analyst", "data quality analyst",
                     "data operations analyst", "product analyst", "insight analyst", "analytics analyst",
                     "data analytics specialist", "data visualization analyst"),
    "business intelligence": ("business intelligence analyst", "business intelligence engineer",
                              "business intelligence developer", "business intelligence",
                              "power business intelligence developer", "business intelligence data analyst"),
    "analytics engineer": ("analytics engineer",),
    "data architect": ("data architect", "big data architect", "cloud data architect", "data modeler"),
    "engineering manager": ("engineering manager", "software engineering manager",
                            "machine learning engineering manager"),
    "product manager": ("product manager", "data product manager", "ai product manager",
                        "technical product manager"),
    "data manager": ("data manager", "data analytics manager", "head of data", "data science manager",
                     "data lead", "data analytics lead", "analytics manager", "director of data science"),
    "solutions architect": ("solutions architect", "solution architect"),
}.items():
    for _t in _titles:
        _ROLE_TITLES[_t] = _role

ROLES = tuple(dict.fromkeys(_ROLE_TITLES.values()))  # every role key normalise_role can return

_ROLE_PATTERNS: tuple[tuple[str, str], ...] = (
        (r"\b(machine learning|mlops|deep learning|computer vision|nlp) (ops )?engineer\b",
         "machine learning engineer"),
        (r"\b(machine learning|ai) (research )?(scientist|researcher)\b", "research scientist"),
        (r"\bresearch scientist\b", "research scientist"),
        (r"\bapplied scientist\b", "applied scientist"),
        (r"\bdata scien(tist|ce)\b", "data scientist"),
        (r"\bdata engineer\b", "data engineer"),
        (r"\banalytics engineer\b", "analytics engineer"),
        (r"\bai engineer\b", "ai engineer"),
        (r"\bsoftware (development )?(engineer|developer)\b", "software engineer"),
        (r"\bdata analyst\b", "data analyst"),
        (r"\bbusiness intelligence\b", "business intelligence"),
        (r"\bdata architect\b", "data architect"),
)
_SENIORITY = frozenset({"senior", "sr", "junior", "jr", "lead", "principal", "staff", "chief",
                        "associate", "i", "ii", "iii", "iv", "1", "2", "3", "entry", "level", "mid", "intern"})
_ABBREVIATIONS = {"ml": "machine learning", "bi": "business intelligence", "swe": "software engineer",
                  "sde": "software development engineer",
                  "a.i.": "ai"}


@cache
def _rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    # Compiled on first use: most runs map a role that is already a key and never need them.
    return tuple((re.compile(p), r) for p, r in _ROLE_PATTERNS)


@lru_cache(maxsize=4096)
def normalise_role(title: str) -> str | None:
    """Map a job title to a role key (``"ML Engineer"`` -> ``"machine learning engineer"``), or None.

    Matching: lower-case, split into words, expand common abbreviations (ML, BI, SWE), drop seniority
    words (senior, lead, staff, II, ...), look the result up among known titles, then try a few patterns.
    Cached per distinct title, so a survey pays the cost once per title, not once per row.
    """
    plain = title.lower().replace("/", " ").replace("&", " ")
    words = [_ABBREVIATIONS.get(w, w) for w in re.findall(r"[a-z0-9.]+", plain)]
    words = [w.strip(".") for w in words if w.strip(".") and w not in _SENIORITY]
    key = " ".join(words)
    role = _ROLE_TITLES.get(key)
    if role is not None:
        return role
    for pattern, r in _rules():
        if pattern.search(key):
            return r
    return None


def close_roles(title: str, n: int = 3) -> list[str]:
    """The role keys closest to a title no rule maps ("sofware engineer" -> ["software engineer"]), best first.

    The title is folded as :func:`normalise_role` folds it, then compared (difflib's ratio, at least 0.6) with the
    role keys and every known title, each title counting for its role; roles well behind the best are left out.
    """
    from difflib import SequenceMatcher

    plain = title.lower().replace("/", " ").replace("&", " ")
    words = [_ABBREVIATIONS.get(w, w) for w in re.findall(r"[a-z0-9.]+", plain)]
    key = " ".join(w.strip(".") for w in words if w.strip(".") and w not in _SENIORITY)
    best: dict[str, float] = {}
    for known in (*ROLES, *_ROLE_TITLES):
        ratio = SequenceMatcher(None, key, known).ratio()
        role = _ROLE_TITLES.get(known, known)
        if ratio >= 0.6 and ratio > best.get(role, 0.0):
            best[role] = ratio
    ranked = sorted(best, key=lambda r: -best[r])
    return [r for r in ranked if best[r] >= best[ranked[0]] - 0.05][:n]


def experience_band(years: float) -> str:
    """Years of experience -> band: under 3 -> "0-2", under 6 -> "3-5", under 10 -> "6-9", else "10+"."""
    if math.isnan(years) or years < 0:
        raise ValueError(f"years of experience must be a number >= 0, got {years}")
    if years < 3:
        return "0-2"
    if years < 6:
        return "3-5"
    if years < 10:
        return "6-9"
    return "10+"
