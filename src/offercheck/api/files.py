"""The other commands' verbs, for the CLI and the library: ``validate``, ``new``, ``schema``, ``benchmarks show``
and ``build``, ``plugin new``. Each reads or writes files through the room that owns them; nothing prints."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from offercheck.errors import ArgumentError, OffercheckError, OfferFileError, OfferFileErrors
from offercheck.offer.interactive import Answers

if TYPE_CHECKING:
    import datetime as dt

    import pluggy

    from offercheck.market.survey.fields import SurveyStats
    from offercheck.market.view import BenchmarkView

__all__ = ["Answers", "FileCheck", "benchmarks_view", "build_benchmarks", "country_alias", "new_plugin_package",
           "offer_file", "offer_schema", "offer_template", "validate_files"]


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
    """Every offer file (and current-job file) checked as ``compare`` would load it, one at a time, in order;
    ``strict``: a likely mistake is a problem."""
    from offercheck.api.arguments import plugin_manager
    from offercheck.offer.checks import likely_mistakes
    from offercheck.offer.loading import load_current, load_offer
    from offercheck.plugins.calls import offer_settings

    settings = offer_settings(plugin_manager(pm, plugins_dirs, without))
    for load, name in [*((load_offer, os.fspath(f)) for f in files), *((load_current, os.fspath(f)) for f in currents)]:
        try:
            offer = load(name, settings=settings)
        except OfferFileErrors as e:
            yield FileCheck(name, tuple(e.errors), ())
            continue
        doubts = tuple(likely_mistakes(offer, name))
        yield FileCheck(name, doubts, ()) if strict and doubts else FileCheck(name, (), doubts)


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
    from offercheck.market.benchmarks import load_benchmarks
    from offercheck.market.view import select_cells, with_anchors

    if (city or state) and not country:
        raise ArgumentError("city" if city else "state", "needs a country (--country CC)")
    if benchmarks is not None:
        return select_cells(load_benchmarks(Path(benchmarks)), role=role, country=country, experience=experience)
    return with_anchors(load_benchmarks(), role=role, country=country, experience=experience, city=city,
                        state=state, as_of=as_of)


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
