"""Errors that reach the user as one clean line and exit code 1 (DESIGN.md section 6)."""

from __future__ import annotations

import difflib

import click


class MarketWarning(UserWarning):
    """A benchmark taken on a guess the user can correct (e.g. a city found in several states): the CLI prints
    it to stderr as ``Warning: <message>``."""


class UnknownCurrency(ValueError):
    """A currency code the rate table has no rate for (``known``: the codes it has)."""

    def __init__(self, code: str, known: tuple[str, ...]) -> None:
        self.code = code
        self.known = known
        close = difflib.get_close_matches(code.upper(), known, n=1, cutoff=0.3)
        self.suggestion: str | None = close[0] if close else None
        hint = f"; did you mean {self.suggestion}?" if self.suggestion else "."
        super().__init__(f"unknown currency {code!r}{hint} Known codes: {', '.join(known)}.")


class OfferWarning(UserWarning):
    """A likely mistake in an offer file (a percent given as a fraction, ...): the file is used as written, and the
    CLI prints it to stderr as ``Warning: <message>``."""


class OffercheckError(click.ClickException):
    """Base class: click prints ``Error: <message>`` to stderr and exits with code 1."""

    exit_code = 1


class ArgumentError(OffercheckError, ValueError):
    """A bad argument to a library function (``offercheck.api``), named: ``years: must be at least 1, got 0``.

    ``name`` is the argument; the CLI says its option instead (``--home: ...``).
    """

    def __init__(self, name: str, problem: str) -> None:
        self.name = name
        self.problem = problem
        super().__init__(f"{name}: {problem}")


class OfferFileError(OffercheckError):
    """A problem with one input file, optionally at a dotted field path."""

    def __init__(self, file: str, message: str, field: str | None = None) -> None:
        self.file = file
        self.field = field
        self.detail = message
        where = f"{file}: {field}" if field else file
        super().__init__(f"{where}: {message}")


class OfferFileErrors(OffercheckError):
    """Every problem found in one or more files (``validate`` reports them all)."""

    def __init__(self, errors: list[OfferFileError]) -> None:
        self.errors = errors
        super().__init__("\n".join(e.message for e in errors))

    def format_message(self) -> str:
        # click prefixes "Error: " once; give each problem its own prefixed line instead.
        return "\n".join(e.message for e in self.errors)

    def show(self, file: object = None) -> None:
        lines = [f"Error: {e.message}" for e in self.errors]
        click.echo("\n".join(lines), err=True)


class OutputExistsError(OffercheckError):
    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: file exists; use --force to overwrite it")


class PluginError(OffercheckError):
    """A plugin failed to load, raised in a hook, or returned something invalid."""

    def __init__(self, plugin: str, hook: str | None, message: str) -> None:
        self.plugin = plugin
        self.hook = hook
        where = f"plugin '{plugin}' failed in {hook}" if hook else f"plugin '{plugin}' failed to load"
        super().__init__(f"{where}: {message}")
