"""The ``offercheck`` command line: parse, call the library, render. Library modules are imported lazily."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from .currency import RateTable
    from .models import Offer

from . import __version__

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def write_output(text: str, output: str | None, force: bool) -> None:
    """Print ``text`` to stdout, or write it to ``output`` (never overwriting unless ``force``)."""
    from .errors import OffercheckError, OutputExistsError

    if output is None or output == "-":
        click.echo(text, nl=False)
        return
    path = Path(output)
    if path.is_dir():
        raise OffercheckError(f"{output}: is a directory")
    if path.exists() and not force:
        raise OutputExistsError(output)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as e:
        raise OffercheckError(f"{output}: cannot write: {e.strerror or e}") from None
    click.echo(f"Wrote {output}", err=True)


def plugin_options(f: Any) -> Any:
    """--plugins-dir and --without, shared by the commands that run plugins."""
    f = click.option("--without", "without", multiple=True, metavar="NAME",
                     help="Do not load this plugin or factor (repeatable), e.g. --without location.")(f)
    f = click.option("--plugins-dir", "plugins_dirs", multiple=True,
                     type=click.Path(file_okay=False, path_type=Path),
                     help="Also load every .py file in this directory as a plugin (repeatable).")(f)
    return f


def output_options(f: Any) -> Any:
    f = click.option("--force", is_flag=True, help="Overwrite the --output file if it exists.")(f)
    f = click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of stdout.")(f)
    return f


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="offercheck")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors (for reporting bugs).")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Compare job offers year by year, score them against the market, and negotiate with numbers.

    Start with `offercheck new offer.toml`, edit it, then `offercheck compare a.toml b.toml`.
    """
    ctx.obj = {"debug": debug}


@cli.command()
@click.argument("offers", nargs=-1, required=True, metavar="OFFER.toml...")
@click.option("-y", "--years", type=click.IntRange(1, 30), default=4, show_default=True,
              help="Horizon in years for totals and averages.")
@click.option("-c", "--currency", metavar="CODE", help="Display currency (ISO 4217). Default: the first offer's.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json", "markdown", "csv"]), default="table",
              show_default=True, help="Output format.")
@click.option("--profile", metavar="FILE",
              help="Candidate profile ([candidate] table) shared by all offers; an offer's own keys win.")
@output_options
@plugin_options
def compare(offers: tuple[str, ...], years: int, currency: str | None, fmt: str, profile: str | None,
            output: str | None, force: bool, plugins_dirs: tuple[Path, ...], without: tuple[str, ...]) -> None:
    """Compare offers: total pay per year and over the horizon, ranked by horizon total, scored against the market."""
    from .comparison import compare as run_compare
    from .plugins import get_plugin_manager
    from .render import renderer

    rates = display_rates(currency)
    pm = get_plugin_manager(plugins_dirs=plugins_dirs, without=without)
    loaded = load_with_profile(offers, profile)
    result = run_compare(loaded, years=years, currency=currency and currency.upper(), rates=rates, pm=pm)
    write_output(renderer(fmt)(result), output, force)


def display_rates(currency: str | None) -> RateTable:
    """The rate table, after checking that ``--currency`` is in it."""
    from .currency import UnknownCurrency, load_rates
    from .errors import OffercheckError

    rates = load_rates()
    if currency is not None:
        try:
            rates.rate(currency.upper(), "USD")
        except UnknownCurrency as e:
            raise OffercheckError(f"--currency: {e}") from None
    return rates


def load_with_profile(paths: tuple[str, ...], profile: str | None) -> list[Offer]:
    from .loading import apply_profile, load_offers, load_profile

    loaded = load_offers(paths)
    if profile is None:
        return loaded
    candidate = load_profile(profile)
    return [apply_profile(o, candidate) for o in loaded]


@cli.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
def validate(files: tuple[str, ...]) -> None:
    """Check offer files and report every problem in every file."""
    from .errors import OfferFileErrors
    from .loading import load_offer

    problems = []
    for name in files:
        try:
            load_offer(name)
        except OfferFileErrors as e:
            problems.extend(e.errors)
        else:
            click.echo(f"{name}: ok")
    if problems:
        raise OfferFileErrors(problems)


@cli.command()
@click.argument("file", metavar="FILE")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
def new(file: str, force: bool) -> None:
    """Write a commented offer template to FILE (use - for stdout)."""
    from importlib import resources

    text = resources.files("offercheck").joinpath("data/templates/offer.toml").read_text(encoding="utf-8")
    write_output(text, file, force)


@cli.command()
@output_options
def schema(output: str | None, force: bool) -> None:
    """Print the JSON Schema of the offer file, for editors that complete and check TOML."""
    import json

    from .models import Offer

    doc = Offer.model_json_schema()
    doc["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    doc["title"] = "offercheck offer file"
    write_output(json.dumps(doc, indent=2) + "\n", output, force)


def main(args: list[str] | None = None, prog_name: str | None = None) -> None:
    """Console-script entry point: no traceback reaches the user unless --debug is given."""
    argv = sys.argv[1:] if args is None else args
    try:
        code = cli.main(args=argv, prog_name=prog_name or "offercheck", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted!", err=True)
        sys.exit(1)
    except click.ClickException as e:
        if "--debug" in argv and e.__cause__ is not None:
            traceback.print_exception(e.__cause__)
        e.show()
        sys.exit(e.exit_code)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as e:  # a bug in offercheck itself: say so, one line
        if "--debug" in argv:
            raise
        click.echo(f"Error: internal error: {type(e).__name__}: {e} (run with --debug for the traceback)", err=True)
        sys.exit(1)
    # Without standalone mode click returns the exit code of --help/--version instead of exiting.
    sys.exit(code if isinstance(code, int) else 0)
