"""The other commands' verbs, for the CLI and the library: ``validate``, ``new``, ``schema``, ``benchmarks show``
and ``build``, ``plugin new``. Each reads or writes files through the room that owns them; nothing prints."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from offercheck.api.arguments import Steps
from offercheck.errors import ArgumentError, OffercheckError, OfferFileError, OfferFileErrors
from offercheck.offer.interactive import Answers, EquityAnswers
from offercheck.offer.questions import Ask, interview
from offercheck.results import DEFAULT_YEARS

if TYPE_CHECKING:
    import datetime as dt

    import pluggy

    from offercheck.market.survey.fields import SurveyStats
    from offercheck.market.view import BenchmarkView

__all__ = ["Answers", "Ask", "EquityAnswers", "FileCheck", "benchmarks_view", "build_benchmarks", "country_alias",
           "interview", "new_plugin_package", "offer_file", "offer_schema", "offer_template", "validate_files"]


@dataclass(frozen=True)
class FileCheck:
    """One file as ``validate`` found it: its errors (none: it loads) and its likely mistakes (warnings)."""

    name: str
    problems: tuple[OfferFileError, ...]
    doubts: tuple[OfferFileError, ...]


def validate_files(files: Sequence[str | os.PathLike[str]], currents: Sequence[str | os.PathLike[str]] = (), *,
                   strict: bool = False, pm: pluggy.PluginManager | None = None,
                   plugins_dirs: Sequence[str | os.PathLike[str]] = (),
                   without: Sequence[str] = ()) -> Iterator[FileCheck]:
    """Every offer file (and current-job file) checked exactly as ``compare`` checks it, one at a time, in order:
    the same loading and plugin settings, the same likely mistakes (``offer.checks``, places included) and the
    market's guesses (``MarketWarning``: the area a benchmark is taken for). ``strict``: a warning is a problem.

    ``compare`` prints the warnings each check here gives, line for line (``Warning: <message>``)."""
    from offercheck.api.arguments import check_steps, plugin_manager

    manager = plugin_manager(pm, plugins_dirs, without)
    steps = check_steps(years=DEFAULT_YEARS, currency=None, rates=None, after_tax=False, tax_year=None,
                        filing=None, real=False, home=None, leave_after=None, equity="risk", as_of=None)
    for name, current in [*((os.fspath(f), False) for f in files), *((os.fspath(f), True) for f in currents)]:
        try:
            doubts = _doubts(name, current, manager, steps)
        except OfferFileErrors as e:
            yield FileCheck(name, tuple(e.errors), ())
            continue
        yield FileCheck(name, doubts, ()) if strict and doubts else FileCheck(name, (), doubts)


def _doubts(name: str, current: bool, pm: pluggy.PluginManager, steps: Steps) -> tuple[OfferFileError, ...]:
    """What ``compare`` says about one file on stderr: its likely mistakes, then the market's guesses, each once."""
    import warnings

    from offercheck.api.steps import run
    from offercheck.errors import MarketWarning, OfferWarning
    from offercheck.offer.checks import likely_mistakes

    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        if current:  # compare --current: loaded as the job held now, then through every step as the offers
            from offercheck.offer.loading import load_current
            from offercheck.plugins.calls import offer_settings

            offer = load_current(name, settings=offer_settings(pm))
            done = run([offer], None, steps, profile=None, market=True, benchmarks=None, pm=pm, plugins_dirs=(),
                       without=())
        else:
            done = run([name], None, steps, profile=None, market=True, benchmarks=None, pm=pm, plugins_dirs=(),
                       without=())
    found = likely_mistakes(done.offers[0].offer, name)
    lines = {x.message for x in found}
    for w in said:
        text = str(w.message)
        if isinstance(w.message, MarketWarning) and text not in lines:
            lines.add(text)
            found.append(_as_file_error(name, text))
        elif not isinstance(w.message, (MarketWarning, OfferWarning)):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)  # not about the file: passed on
    return tuple(found)


def _as_file_error(name: str, text: str) -> OfferFileError:
    """A market warning ("FILE: field: what was guessed") as the file's problem, printed as it was written."""
    if not text.startswith(f"{name}: "):
        return _Said(name, text)
    rest = text.removeprefix(f"{name}: ")
    field, sep, detail = rest.partition(": ")
    return OfferFileError(name, detail, field) if sep and " " not in field else OfferFileError(name, rest)


class _Said(OfferFileError):
    """A warning that names no file of its own, kept word for word."""

    def __init__(self, name: str, text: str) -> None:
        OffercheckError.__init__(self, text)  # the message as written, not prefixed with the file
        self.file, self.field, self.detail = name, None, text


def offer_template() -> str:
    """The commented offer file ``offercheck new FILE`` writes."""
    from importlib import resources

    return resources.files("offercheck").joinpath("data/templates/offer.toml").read_text(encoding="utf-8")


def offer_file(answers: Answers) -> str:
    """The offer file holding ``answers`` (``new --interactive``), checked as ``validate`` would: an answer the
    file format rejects raises ``OfferFileErrors``."""
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    from offercheck.offer.interactive import offer_toml
    from offercheck.offer.loading import parse_offer

    text = offer_toml(answers)
    parse_offer(tomllib.loads(text), "answers")
    return text


def country_alias(code: str) -> str:
    """The ISO 3166 code a user's spelling of a country code means (UK -> GB, USA -> US), else the code itself."""
    from offercheck.places import suggested_code

    return suggested_code(code)


def offer_schema() -> dict[str, Any]:
    """The JSON Schema of the offer file (``offercheck schema``)."""
    from offercheck.offer.models import Offer

    doc = Offer.model_json_schema()
    doc["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    doc["title"] = "offercheck offer file"
    return doc


def benchmarks_view(benchmarks: str | os.PathLike[str] | None = None, *, role: str | None = None,
                    country: str | None = None, experience: str | None = None, city: str | None = None,
                    state: str | None = None, as_of: dt.date | None = None) -> BenchmarkView:
    """The benchmark cells ``benchmarks show`` prints (of ``benchmarks``, default the built-in file), filtered;
    with the built-in file, the official anchor an offer in ``country`` (``city``, ``state``) is scored against,
    aged to ``as_of`` (default today)."""
    from offercheck.market.benchmark_files import load_benchmarks
    from offercheck.market.view import select_cells, with_anchors

    if (city or state) and not country:
        raise ArgumentError("city" if city else "state", "needs a country (--country CC)")
    cells = load_benchmarks(None if benchmarks is None else Path(benchmarks))
    if country is not None:
        country = _country_code(country, cells.countries)
    if benchmarks is not None:
        return select_cells(cells, role=role, country=country, experience=experience)
    return with_anchors(cells, role=role, country=country, experience=experience, city=city, state=state,
                        as_of=as_of)


def _country_code(text: str, known: Sequence[str]) -> str:
    """``country`` of ``benchmarks_view`` as an ISO 3166 alpha-2 code (any case: 'gb' is GB). Anything else is a
    bad argument (a usage error in the CLI), with what was probably meant: an alias or a mistaken code ('UK',
    'USA' -> GB, US), a country's name ('Germany' -> DE), else close codes or names; and the countries that have
    benchmarks. A real country with no cell stays ``select_cells``' error (the data has none, not a typo)."""
    from offercheck.places import UnknownPlace, all_countries, country, suggested_code

    code = text.strip().upper()
    if code in all_countries():
        return code
    countries = all_countries()
    code = suggested_code(text)
    try:
        meant = [code if code in countries else country(text).code]
    except UnknownPlace as e:  # close names ("DE (Germany)") or close codes
        meant = [c.split(" ")[0] for c in e.candidates]
    named = [f"{c} ({countries[c].name})" for c in dict.fromkeys(meant) if c in countries]
    hint = f"; did you mean {' or '.join(named)}?" if named else "."
    raise ArgumentError("country", f"{text!r} is not a country code (ISO 3166 alpha-2){hint} Benchmarks cover "
                                   f"{', '.join(known) or 'no country'}")


def build_benchmarks(survey: str | os.PathLike[str], *, name: str, mapping: Mapping[str, str] | None = None,
                     min_sample: int = 30, employment_types: Collection[str] | None = ("FT",),
                     min_year: int | None = None,
                     progress: Callable[[int], None] | None = None,
                     keep_duplicates: bool = False) -> tuple[str, SurveyStats]:
    """A benchmark file's text built from a salary survey CSV, and the row accounting (``benchmarks build``)."""
    from offercheck.market.survey.build import SurveyFormatError
    from offercheck.market.survey.build import build_benchmarks as build

    try:
        return build(Path(survey), name=name, mapping=mapping, min_sample=min_sample,
                     employment_types=employment_types, min_year=min_year, progress=progress,
                     keep_duplicates=keep_duplicates)
    except SurveyFormatError as e:
        raise OffercheckError(str(e)) from e
    except OSError as e:
        raise OffercheckError(f"{os.fspath(survey)}: cannot read: {e.strerror or e}") from e


def new_plugin_package(name: str, directory: str | os.PathLike[str] | None = None) -> Path:
    """Write a ready-to-install factor plugin package ``name`` into ``directory`` (``plugin new``); its root."""
    from offercheck.scaffold import write_plugin_package

    return write_plugin_package(name, None if directory is None else Path(directory))
