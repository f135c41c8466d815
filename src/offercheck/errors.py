"""Errors that reach the user as one clean line and exit code 1 (DESIGN.md sections 6 and 8).

Every message is made safe to print here, once: no control character, escape sequence or line break from a
file, a file name or a header reaches the terminal (each is shown escaped, ``\\x1b``), and a message longer than
MESSAGE_LIMIT characters is cut. ``OfferFileErrors`` lists at most LISTED problems per file, then says how many
more there are.
"""

from __future__ import annotations

import re

import click

# One error or warning line at most this long (a 50 MB header line is not repeated back in full).
MESSAGE_LIMIT = 1000
# Problems listed per file; the rest are counted ("... and 999,990 more problems").
LISTED = 10

# C0 and C1 controls, DEL, and the Unicode line and paragraph separators: each could move the cursor, start an
# escape sequence or end the line.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(m: re.Match[str]) -> str:
    code = ord(m[0])
    return _NAMED.get(m[0]) or (f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")


def one_line(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """``text`` on one printable line: control characters and line breaks escaped (``\\x1b``, ``\\n``), and cut
    after ``limit`` characters, saying how many were left out."""
    shown = _CONTROL.sub(_escaped, text[:limit])
    return shown if len(text) <= limit else f"{shown}... ({len(text) - limit:,} more characters)"


class MarketWarning(UserWarning):
    """A benchmark taken on a guess the user can correct (e.g. a city found in several states): the CLI prints
    it to stderr as ``Warning: <message>``."""


class UnknownCurrency(ValueError):
    """A currency code the rate table has no rate for (``known``: the codes it has)."""

    def __init__(self, code: str, known: tuple[str, ...]) -> None:
        self.code = code
        self.known = known
        import difflib  # only on a miss: not paid at start-up
        close = difflib.get_close_matches(code.upper(), known, n=1, cutoff=0.3)
        self.suggestion: str | None = close[0] if close else None
        hint = f"; did you mean {self.suggestion}?" if self.suggestion else "."
        super().__init__(f"unknown currency {code!r}{hint} Known codes: {', '.join(known)}.")


class OfferWarning(UserWarning):
    """A likely mistake in an offer file (a percent given as a fraction, ...): the file is used as written, and the
    CLI prints it to stderr as ``Warning: <message>``."""


class OffercheckError(click.ClickException):
    """Base class: click prints ``Error: <message>`` to stderr and exits with code 1.

    The message is made one printable line (see :func:`one_line`): whatever a file or a name holds.
    """

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))


class ArgumentError(OffercheckError, ValueError):
    """A bad argument to a library function (``offercheck.api``), named: ``years: must be at least 1, got 0``.

    ``name`` is the argument; the CLI says its option instead (``--home: ...``), as a usage error (exit code 2).
    """

    def __init__(self, name: str, problem: str) -> None:
        self.name = name
        self.problem = one_line(problem)
        super().__init__(f"{name}: {problem}")


# Parts of a file's error line: a file name or a field path longer than this is cut (the problem keeps the rest).
_PART_LIMIT = 500


class OfferFileError(OffercheckError):
    """A problem with one input file, optionally at a dotted field path.

    ``file`` and ``field`` are kept as given; the message shows each escaped and cut (see :func:`one_line`).
    """

    def __init__(self, file: str, message: str, field: str | None = None) -> None:
        self.file = file
        self.field = field
        self.detail = one_line(message)
        shown = one_line(file, _PART_LIMIT)
        where = f"{shown}: {one_line(field, _PART_LIMIT)}" if field else shown
        click.ClickException.__init__(self, f"{where}: {self.detail}")


class MoreProblems(OfferFileError):
    """Stands for ``count`` further problems in ``file`` that were counted but not described (a file with a
    million unknown keys is not described a million times)."""

    def __init__(self, file: str, count: int) -> None:
        self.count = count
        super().__init__(file, f"... and {count:,} more problem{'s' if count != 1 else ''}")


class OfferFileErrors(OffercheckError):
    """Every problem found in one or more files (``validate`` reports them all).

    ``errors`` holds each problem (a :class:`MoreProblems` counts ones not described); the message lists at most
    LISTED per file, then one line saying how many more that file has.
    """

    def __init__(self, errors: list[OfferFileError]) -> None:
        self.errors = errors
        click.ClickException.__init__(self, "\n".join(self.lines()))

    def lines(self) -> list[str]:
        """The messages shown: each file's first LISTED problems, then '... and N more problems' after them."""
        listed: dict[str, int] = {}
        more: dict[str, int] = {}
        shown: list[tuple[str, str]] = []
        for e in self.errors:
            if isinstance(e, MoreProblems):
                more[e.file] = more.get(e.file, 0) + e.count
            elif listed.get(e.file, 0) < LISTED:
                listed[e.file] = listed.get(e.file, 0) + 1
                shown.append((e.file, e.message))
            else:
                more[e.file] = more.get(e.file, 0) + 1
        last = {file: i for i, (file, _) in enumerate(shown)}
        out = []
        for i, (file, message) in enumerate(shown):
            out.append(message)
            if last[file] == i and more.get(file):
                out.append(MoreProblems(file, more.pop(file)).message)
        return out + [MoreProblems(file, n).message for file, n in more.items() if n]

    def format_message(self) -> str:
        # click prefixes "Error: " once; give each problem its own prefixed line instead.
        return self.message

    def show(self, file: object = None) -> None:
        click.echo("\n".join(f"Error: {line}" for line in self.lines()), err=True)


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
