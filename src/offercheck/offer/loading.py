"""Read offer files: TOML -> validated models, with every problem named by file and dotted field."""

from __future__ import annotations

import dataclasses
import datetime
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeAlias

from pydantic import BaseModel, ValidationError

from offercheck.datafiles import packaged_toml
from offercheck.errors import ArgumentError, MoreProblems, OfferFileError, OfferFileErrors, UnknownCurrency
from offercheck.offer.checks import not_a_number_hint
from offercheck.offer.current_job import REFRESH_VESTING, STAY_PREFIX, current_job_problems, offer_problems
from offercheck.offer.equity_checks import check_private_terms, public_company_errors
from offercheck.offer.labels import disambiguate_labels
from offercheck.offer.models import Candidate, Offer
from offercheck.offer.reading import EMPTY_OFFER, MAX_DEPTH, dotted_part, file_path, read_toml
from offercheck.places import suggested_code

__all__ = ["MAX_DEPTH", "PluginSettings", "apply_profile", "check_plugin_tables", "disambiguate_labels",
           "load_current", "load_offer", "load_offers", "load_profile", "parse_offer", "read_toml",
           "validation_errors"]


@dataclasses.dataclass(frozen=True)
class PluginSettings:
    """What the ``[plugins.NAME]`` tables of offer files are checked against.

    ``models``: the pydantic model of each table, by table name (a plugin declares it with the
    ``offercheck_plugin_settings`` hook); ``loaded``: the names of the plugins loaded (the table of one without a
    model is passed on unchecked); ``blocked``: plugins switched off (``--without``), whose tables are kept
    unchecked. Any other table is an error. ``offercheck.plugins.calls.offer_settings(pm)`` gives all three.
    """

    models: Mapping[str, type[BaseModel]] = dataclasses.field(default_factory=dict)
    loaded: frozenset[str] = frozenset()
    blocked: frozenset[str] = frozenset()


# What load_offer(s) take: PluginSettings, just the models by table name, or None (tables not checked).
Settings: TypeAlias = "PluginSettings | Mapping[str, type[BaseModel]] | None"


def _fields_at(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    """Valid keys of the table at ``loc`` (for 'did you mean' hints)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return []
        annotation = field.annotation
        candidates = [a for a in getattr(annotation, "__args__", (annotation,)) if isinstance(a, type)]
        nested = [a for a in candidates if issubclass(a, BaseModel)]
        if not nested:
            return []
        current = nested[0]
    return list(current.model_fields)


_NUMBER_TYPES = ("float_type", "float_parsing", "int_type", "int_parsing")
# Problems described per file; the rest are counted (errors.MoreProblems), so a file of a million unknown keys
# costs no more than a hundred (the CLI lists ten of them).
DESCRIBED = 100


def validation_errors(
    name: str, error: ValidationError, model: type[BaseModel] = Offer
) -> list[OfferFileError]:
    """Render pydantic errors as ``file: dotted.field: message`` entries."""
    errors = [(tuple(p for p in err["loc"] if p != "function-after"), err) for err in error.errors(include_url=False)]
    # A typo'd required key gives "base: required" and "bse: unknown key; did you mean 'base'?": one problem,
    # reported once, by the line that names both keys.
    hinted: set[tuple[str | int, ...]] = set()
    out: list[tuple[tuple[str | int, ...], OfferFileError]] = []
    for done, (loc, err) in enumerate(errors):
        if len(out) == DESCRIBED:
            out.append(((), MoreProblems(name, len(errors) - done)))
            break
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            key = str(loc[-1])
            valid = _fields_at(model, loc[:-1])
            import difflib  # only on a miss: not paid at start-up
            close = difflib.get_close_matches(key, valid, n=1)
            msg = "unknown key" + (f"; did you mean '{close[0]}'?" if close else "")
            if valid and not close:
                msg += f" (valid: {', '.join(valid)})"
            if close:
                hinted.add((*loc[:-1], close[0]))
        elif err["type"] == "missing":
            msg = "required"
        elif err["type"] == "model_type":
            # pydantic's text names the model class ("... instance of OfferInfo"), which means nothing to a user.
            msg = f"Input should be a table, not {_toml_kind(err['input'])}"
        elif err["type"] == "tuple_type":  # arrays are tuples inside, "a valid tuple" is not TOML's word
            msg = f"Input should be an array, not {_toml_kind(err['input'])}"
        elif err["type"] in _NUMBER_TYPES and isinstance(err["input"], str):
            msg = not_a_number_hint(err["input"]) or msg  # base = "200k"
        elif err["type"] == "string_pattern_mismatch":  # codes in capitals: "usd", "us"; names: "USA"
            fixed = str(err["input"]).strip().upper()
            fixed = suggested_code(fixed) if loc[-1] == "country" else fixed
            if re.fullmatch(err["ctx"]["pattern"], fixed):
                msg += f"; did you mean '{fixed}'?"
        elif err["type"] == "too_short" and any(len(other) > len(loc) and other[:len(loc)] == loc
                                                for other, _ in errors):
            continue  # "at least 1 item after validation, not 0": every item failed, and each says why
        out.append((loc, OfferFileError(name, msg, ".".join(dotted_part(p) for p in loc) or None)))
    return [e for loc, e in out if not (e.detail == "required" and loc in hinted)]


def _toml_kind(value: object) -> str:
    """What a TOML value is, in TOML's words, for messages about a wrong type."""
    kinds = ((bool, "a boolean"), (int, "an integer"), (float, "a number"), (str, "a string"),
             (list, "an array"), (tuple, "an array"), (dict, "a table"), (datetime.date, "a date"),
             (datetime.time, "a time"))
    return next((name for t, name in kinds if isinstance(value, t)), "a value of another type")


def _equity_problems(data: dict[str, Any], name: str) -> list[OfferFileError]:
    """The private-equity keys' problems, in their own words (issue 17); only ``public = true`` refuses them."""
    table, company = data.get("equity"), data.get("company")
    if not isinstance(table, dict):
        return []
    found = check_private_terms(table, kind="rsu" if table.get("kind", "rsu") == "rsu" else "options")
    if isinstance(company, dict) and company.get("public") is True:
        found += public_company_errors(table)
    return [OfferFileError(name, detail, field) for field, detail in (m.split(": ", 1) for m in found)]


def currency_codes() -> tuple[str, ...]:
    """The codes of the packaged exchange-rate table: an offer's currency must be one of them."""
    return tuple(sorted(str(code).strip().upper() for code in packaged_toml("rates.toml")["usd_per_unit"]))


def parse_offer(data: dict[str, Any], name: str, settings: Settings = None) -> Offer:
    """Validate parsed TOML; raises OfferFileErrors listing every problem.

    With ``settings``, each ``[plugins.NAME]`` table is checked too (see :func:`check_plugin_tables`).
    """
    equity = _equity_problems(data, name)
    try:
        offer = Offer.model_validate(data)
    except ValidationError as e:
        # One line per problem: a key the equity checks named is not reported again in pydantic's words.
        named = {(x.field or "").split("[")[0] for x in equity}
        rest = [x for x in validation_errors(name, e) if ".".join((x.field or "").split(".")[:2]) not in named]
        raise OfferFileErrors(equity + rest) from None
    if equity:
        raise OfferFileErrors(equity)
    known = currency_codes()
    if offer.currency.strip().upper() not in known:
        raise OfferFileErrors([OfferFileError(name, str(UnknownCurrency(offer.currency, known)), "offer.currency")])
    offer._path = name
    if settings is not None:
        check_plugin_tables(offer, name, settings)
    return offer


def check_plugin_tables(offer: Offer, name: str, settings: PluginSettings | Mapping[str, type[BaseModel]]) -> None:
    """Validate each ``[plugins.NAME]`` table with the model declared for it; NAME must be a loaded plugin.

    ``settings``: a :class:`PluginSettings`, or just the models by table name. A plugin blocked with
    ``--without NAME`` keeps its table: the user turned it off, the file is not wrong.
    """
    if not offer.plugins:
        return
    if not isinstance(settings, PluginSettings):
        settings = PluginSettings(settings)
    models = settings.models
    loaded = sorted(settings.loaded | set(models))
    problems: list[OfferFileError] = []
    for key, table in offer.plugins.items():
        field = f"plugins.{dotted_part(key)}"
        model = models.get(key)
        if model is not None:
            try:
                model.model_validate(table)
            except ValidationError as e:
                problems.extend(OfferFileError(name, x.detail, f"{field}.{x.field}" if x.field else field)
                                for x in validation_errors(name, e, model))
        elif key not in settings.loaded and key not in settings.blocked:
            import difflib  # only on a miss: not paid at start-up
            close = difflib.get_close_matches(key, loaded, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else " (install it, or see `offercheck plugins`)"
            problems.append(OfferFileError(name, f"no plugin named {key!r} is loaded{hint}", field))
    if problems:
        raise OfferFileErrors(problems)


def read_toml_or_errors(path: Path, empty: str = EMPTY_OFFER, kind: str = "offer file") -> dict[str, Any]:
    try:
        return read_toml(path, empty, kind)
    except OfferFileError as e:
        raise OfferFileErrors([e]) from None


def load_offer(path: str | Path, *, settings: Settings = None) -> Offer:
    """Read and validate one offer file (and its ``[plugins.NAME]`` tables, given ``settings``: a
    :class:`PluginSettings`, or the pydantic model of each table by name; without, the tables are not checked).

    A ``[leaving]`` table is an error here: it belongs to the current job (:func:`load_current`).
    """
    data = read_toml_or_errors(file_path("path", path))
    name = os.fspath(path)
    offer = parse_offer(data, name, settings)
    problems = offer_problems(offer, name)
    if problems:
        raise OfferFileErrors(problems)
    return offer


def load_current(path: str | Path, *, settings: Settings = None) -> Offer:
    """Read the current-job file (``--current``): an offer file without ``[sign_on]``, optionally with ``[leaving]``.

    Its label becomes "Stay: <label>" so that every table tells the baseline from the offers. Its ``[equity]``
    schedule is what remains of the grants held, so refreshers vest "4y-even" unless ``refresh_vesting`` says.
    """
    data = read_toml_or_errors(file_path("path", path))
    name = os.fspath(path)
    job = parse_offer(data, name, settings)
    problems = current_job_problems(job, name)
    if problems:
        raise OfferFileErrors(problems)
    update: dict[str, Any] = {"offer": job.offer.model_copy(update={"label": STAY_PREFIX + job.label})}
    if job.equity is not None and job.equity.refresh_vesting is None:
        update["equity"] = job.equity.model_copy(update={"refresh_vesting": REFRESH_VESTING})
    return job.model_copy(update=update)


def load_offers(paths: Iterable[str | Path], *, settings: Settings = None) -> list[Offer]:
    """Load several offers, collecting the problems of all files before failing.

    Labels must tell offers apart: where two collide, each colliding offer is labelled by its file stem.
    ``settings``: see :func:`load_offer`.
    """
    if isinstance(paths, (str, bytes, os.PathLike)) or not isinstance(paths, Iterable):
        # A bare string is refused, not read as one path: "a.toml" is also an iterable of paths "a", ".", ...
        raise ArgumentError("paths", f"must be a list of offer files, e.g. load_offers(['a.toml']), got {paths!r}; "
                                     "for one file, use load_offer")
    paths = list(paths)
    for i, path in enumerate(paths):
        if not isinstance(path, (str, os.PathLike)):
            file_path(f"paths[{i}]", path)  # raises: not a path at all (an empty one is that file's problem)
    offers: list[Offer] = []
    problems: list[OfferFileError] = []
    for path in paths:
        try:
            offers.append(load_offer(path, settings=settings))
        except OfferFileErrors as e:
            problems.extend(e.errors)
    if problems:
        raise OfferFileErrors(problems)
    return disambiguate_labels(offers)


def load_profile(path: str | Path) -> Candidate:
    """A shared candidate profile: a TOML file with a ``[candidate]`` table (the offer file's format)."""
    data = read_toml_or_errors(file_path("path", path), "file is empty; a profile holds a [candidate] table",
                               "profile")
    name = os.fspath(path)
    unknown = [k for k in data if k != "candidate"]
    if unknown:
        import difflib  # only on a miss: not paid at start-up
        hint = "; did you mean 'candidate'?" if difflib.get_close_matches(unknown[0], ["candidate"]) else ""
        raise OfferFileErrors([OfferFileError(name, "a profile holds only a [candidate] table" + hint,
                                              dotted_part(unknown[0]))])
    try:
        return Candidate.model_validate(data.get("candidate", {}))
    except ValidationError as e:
        errors = validation_errors(name, e, Candidate)
        # An error about the table itself (`candidate = 5`) has no field of its own.
        raise OfferFileErrors(
            [OfferFileError(name, x.detail, f"candidate.{x.field}" if x.field else "candidate") for x in errors]
        ) from None


def apply_profile(offer: Offer, profile: Candidate) -> Offer:
    """The offer with its ``[candidate]`` filled from ``profile`` where the offer file leaves a key unset."""
    own = {k: getattr(offer.candidate, k) for k in offer.candidate.model_fields_set}
    return offer.model_copy(update={"candidate": profile.model_copy(update=own)})
