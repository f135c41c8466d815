"""Options shared by the commands, and writing output files."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def write_output(text: str, output: str | None, force: bool) -> None:
    """Print ``text`` to stdout, or write it to ``output`` (never replacing anything there unless ``force``).

    A file is written atomically (DESIGN.md section 8): into a temporary file beside it, then renamed over it, so
    a failed write (a full disk, a file-size limit, a read-only directory) leaves what was there whole.
    """
    from offercheck.errors import OffercheckError, OutputExistsError, one_line

    if output is None or output == "-":
        try:
            click.echo(text, nl=False)
        except OSError as e:  # a full disk behind a redirect, a closed pipe
            raise OffercheckError(f"cannot write to standard output: {e.strerror or e}") from None
        return
    path = check_output(output, force)
    try:
        write_atomically(path, text, replace=force)
    except FileExistsError:
        raise OutputExistsError(output) from None
    except OSError as e:
        raise OffercheckError(f"{output}: cannot write: {e.strerror or e}") from None
    click.echo(f"Wrote {one_line(output)}", err=True)


def write_atomically(path: Path, text: str, *, replace: bool) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file in the same directory, renamed into place.

    ``replace``: an existing file is replaced (keeping its permissions); without, the file must not exist when
    it is put in place (a hard link, which fails if it does). A symbolic link is written through, to its target,
    as opening it would. Raises OSError as writing does; the temporary file never outlives a failure.
    """
    import os
    import tempfile

    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if replace:
            os.replace(tmp, target)
            return
        try:
            os.link(tmp, target)  # fails if a file appeared at the path since it was checked
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: the check just made must do
            if target.exists():
                raise FileExistsError(str(target)) from None
            os.replace(tmp, target)
            return
        tmp.unlink()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def check_output(output: str, force: bool) -> Path:
    """The ``output`` path, after checking that ``write_output`` may write it (before a long computation)."""
    from offercheck.errors import OffercheckError, OutputExistsError

    if not output.strip():
        raise OffercheckError("-o: empty file name")
    path = Path(output)
    try:
        if path.is_dir():
            raise OffercheckError(f"{output}: is a directory")
        if output.endswith(("/", "\\")):
            raise OffercheckError(f"{output}: no such directory (give a file name, not a directory)")
        if path.exists() and not force:
            raise OutputExistsError(output)
        # A dangling link does not exist(), but writing would create its target wherever it points.
        if path.is_symlink() and not force:
            raise OffercheckError(f"{output}: is a symbolic link to a missing file; use --force to write through it")
    except OSError as e:  # e.g. a directory on the way that cannot be read
        raise OffercheckError(f"{output}: cannot write: {e.strerror or e}") from None
    return path


# Output formats named by a file's extension (`-o report.html`).
EXTENSION_FORMATS = {".html": "html", ".htm": "html", ".json": "json", ".csv": "csv", ".md": "markdown",
                     ".markdown": "markdown"}


def format_option(choices: tuple[str, ...], default: str, help: str) -> Callable[[Any], Any]:
    """-f/--format: one of ``choices``; without it, the -o FILE's extension decides (see ``output_format``)."""
    return click.option("-f", "--format", "fmt", type=click.Choice(choices), default=None,
                        help=f"{help} Default: from the extension of -o FILE (.html, .json, .csv, .md), else "
                             f"{default}.")


def output_format(fmt: str | None, output: str | None, choices: tuple[str, ...], default: str) -> str:
    """The format to write: --format, else the one the -o FILE's extension names, else ``default``."""
    ext = Path(output).suffix.lower() if output else ""
    named = EXTENSION_FORMATS.get(ext)
    if named is not None and named not in choices:
        raise click.UsageError(f"-o {output}: this command cannot write {named}; --format is one of "
                               f"{', '.join(choices)}")
    if fmt is not None and named is not None and fmt != named:
        raise click.UsageError(f"--format {fmt} conflicts with -o {output} (a {ext} file is {named}); "
                               "drop one or make them agree")
    return fmt or named or default


def terminal_width() -> int:
    """Columns for terminal tables: $COLUMNS, else the terminal's width, else 80 (not a terminal)."""
    import shutil

    return max(shutil.get_terminal_size((80, 24)).columns, 20)


def use_colour(output: str | None) -> bool:
    """Colour only when writing to a terminal, and never with NO_COLOR set (https://no-color.org)."""
    import os
    import sys

    return output in (None, "-") and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def benchmarks_option(f: Any) -> Any:
    """--benchmarks FILE: a benchmark file used instead of the built-in one (``api.compare(benchmarks=...)``)."""
    return click.option("--benchmarks", "benchmarks", metavar="FILE", type=click.Path(path_type=Path),
                        help="Benchmark file (from `offercheck benchmarks build`) to use instead of the built-in "
                             "one.")(f)


def plugin_options(f: Any) -> Any:
    """--plugins-dir and --without, shared by the commands that run plugins."""
    f = click.option("--without", "without", multiple=True, metavar="NAME",
                     help="Do not load this plugin or factor (repeatable), e.g. --without location.")(f)
    f = click.option("--plugins-dir", "plugins_dirs", multiple=True,
                     type=click.Path(file_okay=False, path_type=Path),
                     help="Also load every .py file in this directory as a plugin (repeatable).")(f)
    return f


# offercheck.tax.TAX_YEARS, spelled out so that start-up imports no tax code (a test keeps them equal).
TAX_YEAR_CHOICES: tuple[str, ...] = ("2025", "2026")
# offercheck.results.RANK_BY, likewise.
RANK_BY: tuple[str, ...] = ("total", "net", "real")


def tax_options(f: Any) -> Any:
    """--after-tax, --tax-year and --filing (``api.compare``'s after_tax, tax_year and filing)."""
    f = click.option("--filing", type=click.Choice(["single", "married"]),
                     help="Filing status for every offer, overriding the files' [candidate] filing_status.")(f)
    f = click.option("--tax-year", type=click.Choice(TAX_YEAR_CHOICES),
                     help=f"Tax year whose parameters apply. Default: the latest ({TAX_YEAR_CHOICES[-1]}).")(f)
    f = click.option("--after-tax", is_flag=True, help="Add the estimated tax and net pay per year (estimates).")(f)
    return f


def check_tax_options(after_tax: bool, tax_year: str | None, filing: str | None) -> None:
    """Usage errors of ``tax_options``, raised before any computation."""
    if not after_tax and (tax_year is not None or filing is not None):
        raise click.UsageError("--tax-year and --filing need --after-tax")


def leave_after_option(default: int | None = None) -> Callable[[Any], Any]:
    return click.option("--leave-after", type=click.IntRange(1, 360), metavar="MONTHS", default=default,
                        show_default=default is not None,
                        help="Show what each offer has paid if you leave after MONTHS (vesting cliffs, clawbacks).")


def equity_view_option(f: Any) -> Any:
    """--equity paper|risk: how private-company equity counts in totals, ranking and score (DESIGN.md section 5)."""
    return click.option("--equity", "equity_view", type=click.Choice(["paper", "risk"]), default="risk",
                        show_default=True,
                        help="Private-company equity at its paper value, or at risk (x liquidity probability x "
                             "ownership left after dilution); the paper value is shown beside it.")(f)


def current_option(f: Any) -> Any:
    """--current FILE: the job held now, the baseline of stay-or-go (``api.compare(current=...)``)."""
    return click.option("--current", metavar="CURRENT.toml",
                        help="Your current job (offer-file format, no [sign_on]; a [leaving] table says what leaving "
                             "forfeits): compared as staying, the baseline.")(f)


def output_options(f: Any) -> Any:
    f = click.option("--force", is_flag=True, help="Overwrite the --output file if it exists.")(f)
    f = click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of stdout.")(f)
    return f


def offer_set_options(f: Any) -> Any:
    """Options that decide which offers and which market a command evaluates: ``api.compare``'s profile,
    current, benchmarks, plugins_dirs and without, by the same names."""
    f = click.option("--profile", metavar="FILE",
                     help="Candidate profile ([candidate] table) shared by all offers; an offer's own keys win.")(f)
    return current_option(plugin_options(benchmarks_option(f)))


def horizon_options(f: Any) -> Any:
    f = click.option("-c", "--currency", metavar="CODE",
                     help="Display currency (ISO 4217). Default: the first offer's.")(f)
    return click.option("-y", "--years", type=click.IntRange(1, 30), default=4, show_default=True,
                        help="Horizon in years for totals, averages and the value of each ask.")(f)


# The api's argument names that are not their option's name with dashes.
_OPTION_OF = {"plugins_dirs": "--plugins-dir", "equity": "--equity", "as_of": "--as-of"}


@contextlib.contextmanager
def said_as_options() -> Iterator[None]:
    """An api ``ArgumentError`` said as the option it came from, a usage error (exit code 2, DESIGN.md section 8):
    ``home: ...`` is ``--home: ...`` here."""
    from offercheck.errors import ArgumentError

    try:
        yield
    except ArgumentError as e:
        option = _OPTION_OF.get(e.name, f"--{e.name.replace('_', '-')}")
        raise click.UsageError(f"{option}: {e.problem}", click.get_current_context(silent=True)) from None


def tax_year_number(tax_year: str | None) -> int | None:
    return None if tax_year is None else int(tax_year)


def as_of_option(f: Any) -> Any:
    """--as-of DATE: the date the comparison is for (``api.compare(as_of=...)``); official pay figures are aged to
    it by each country's wage index. Default: today, or $OFFERCHECK_TODAY when set."""
    return click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD",
                        callback=lambda ctx, param, value: None if value is None else value.date(),
                        help="Date the comparison is for: official pay figures are aged to it by each country's "
                             "wage index. Default: today ($OFFERCHECK_TODAY when set).")(f)
