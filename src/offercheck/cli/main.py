"""The ``offercheck`` command line: parse, call the library, render. Library modules are imported lazily."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from collections.abc import Callable

    import pluggy

    from offercheck.offer.models import Offer
    from offercheck.pay.currency import RateTable
    from offercheck.results import Comparison

from offercheck._version import __version__

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def write_output(text: str, output: str | None, force: bool) -> None:
    """Print ``text`` to stdout, or write it to ``output`` (never overwriting unless ``force``)."""
    from offercheck.errors import OffercheckError

    if output is None or output == "-":
        click.echo(text, nl=False)
        return
    path = check_output(output, force)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as e:
        raise OffercheckError(f"{output}: cannot write: {e.strerror or e}") from None
    click.echo(f"Wrote {output}", err=True)


def check_output(output: str, force: bool) -> Path:
    """The ``output`` path, after checking that ``write_output`` may write it (before a long computation)."""
    from offercheck.errors import OffercheckError, OutputExistsError

    path = Path(output)
    if path.is_dir():
        raise OffercheckError(f"{output}: is a directory")
    if path.exists() and not force:
        raise OutputExistsError(output)
    return path


def benchmarks_option(f: Any) -> Any:
    """--benchmarks FILE: a benchmark file used instead of the built-in one (see ``market.market_for``)."""
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
    """--after-tax, --tax-year and --filing (see ``offercheck.tax.aftertax.with_taxes``)."""
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


def apply_tax_options(result: Comparison, pm: pluggy.PluginManager, after_tax: bool, tax_year: str | None,
                      filing: str | None) -> Comparison:
    """``result`` with every evaluation's (and the current job's) estimated taxes when --after-tax was given."""
    if not after_tax:
        return result
    from offercheck.pay.current import including_current
    from offercheck.tax.aftertax import with_taxes

    year = int(tax_year or TAX_YEAR_CHOICES[-1])
    return including_current(result, lambda c: with_taxes(c, pm, tax_year=year, filing=filing))


def leave_after_option(default: int | None = None) -> Callable[[Any], Any]:
    return click.option("--leave-after", type=click.IntRange(1, 360), metavar="MONTHS", default=default,
                        show_default=default is not None,
                        help="Show what each offer has paid if you leave after MONTHS (vesting cliffs, clawbacks).")


def current_option(f: Any) -> Any:
    """--current FILE: the job held now, the baseline of stay-or-go (see ``offercheck.pay.current``)."""
    return click.option("--current", metavar="CURRENT.toml",
                        help="Your current job (offer-file format, no [sign_on]; a [leaving] table says what leaving "
                             "forfeits): compared as staying, the baseline.")(f)


def output_options(f: Any) -> Any:
    f = click.option("--force", is_flag=True, help="Overwrite the --output file if it exists.")(f)
    f = click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of stdout.")(f)
    return f


def offer_set_options(f: Any) -> Any:
    """Options that decide which offers and which market a command evaluates (see ``evaluate_offer_set``)."""
    f = click.option("--profile", metavar="FILE",
                     help="Candidate profile ([candidate] table) shared by all offers; an offer's own keys win.")(f)
    return current_option(plugin_options(benchmarks_option(f)))


def horizon_options(f: Any) -> Any:
    f = click.option("-c", "--currency", metavar="CODE",
                     help="Display currency (ISO 4217). Default: the first offer's.")(f)
    return click.option("-y", "--years", type=click.IntRange(1, 30), default=4, show_default=True,
                        help="Horizon in years for totals, averages and the value of each ask.")(f)


class OffercheckGroup(click.Group):
    """The command group plus the commands installed plugins add with ``offercheck_register_commands``.

    Plugins are asked only for a name that is not a built-in command, or for the list (--help), so the usual
    commands never pay for discovery; their commands live in a per-run group, so nothing outlives one run.
    """

    def _plugin_commands(self, ctx: click.Context) -> click.Group:
        group: click.Group | None = ctx.meta.get("offercheck.plugin_commands")
        if group is None:
            from offercheck.plugins import add_plugin_commands

            group = click.Group()
            add_plugin_commands(group)
            ctx.meta["offercheck.plugin_commands"] = group
        return group

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return super().get_command(ctx, cmd_name) or self._plugin_commands(ctx).get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self._plugin_commands(ctx).list_commands(ctx)})


@click.group(cls=OffercheckGroup, context_settings=CONTEXT_SETTINGS)
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
@horizon_options
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json", "markdown", "csv", "html"]),
              default="table", show_default=True,
              help="Output format. html is one self-contained page with charts: write it with -o report.html "
                   "(without -o it goes to stdout, for piping).")
@click.option("--real", is_flag=True, help="Add pay at the home place's prices (purchasing power).")
@click.option("--home", metavar="PLACE",
              help="Home place for --real, e.g. 'Austin, TX', US-TX or DE. Default: where the first offer is.")
@click.option("--rank-by", type=click.Choice(RANK_BY), default="total", show_default=True,
              help="Rank by horizon total, net pay (needs --after-tax) or real pay (needs --real).")
@leave_after_option()
@tax_options
@offer_set_options
@output_options
def compare(offers: tuple[str, ...], years: int, currency: str | None, fmt: str, real: bool, home: str | None,
            rank_by: str, leave_after: int | None, after_tax: bool, tax_year: str | None, filing: str | None,
            output: str | None, force: bool, **offer_set: Any) -> None:
    """Compare offers: total pay per year and over the horizon, ranked by horizon total, scored against the market."""
    from dataclasses import replace

    from offercheck.pay.current import including_current

    check_tax_options(after_tax, tax_year, filing)
    needs = {"net": ("--after-tax", after_tax), "real": ("--real", real)}
    if rank_by in needs and not needs[rank_by][1]:
        raise click.UsageError(f"--rank-by {rank_by} needs {needs[rank_by][0]}")
    if home is not None and not real:
        raise click.UsageError("--home needs --real")
    result, pm = evaluate_offer_set(offers, years=years, currency=currency, **offer_set)
    result = apply_tax_options(result, pm, after_tax, tax_year, filing)
    if real:
        from offercheck.real.realterms import in_real_terms

        # Real terms apply to staying too; leaving early is about the offers only.
        result = including_current(result, lambda c: in_real_terms(c, home=home))
    if leave_after is not None:
        from offercheck.pay.leave_early import with_leave_early

        result = with_leave_early(result, leave_after)
    from offercheck.render import renderer

    write_output(renderer(fmt)(replace(result, rank_by=rank_by)), output, force)


@cli.command()
@click.argument("offer", metavar="OFFER.toml")
@click.option("--against", multiple=True, metavar="OTHER.toml",
              help="A competing offer (repeatable): the gap to it and the base that would match it.")
@click.option("-p", "--target-percentile", type=click.FloatRange(1, 99), default=60, show_default=True,
              help="Percentile of the adjusted market benchmark to ask for.")
@horizon_options
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "markdown", "json", "email", "html"]),
              default="text", show_default=True,
              help="Output format; email is a counter-offer draft built from the top points; html is one "
                   "self-contained page (use -o FILE, or pipe it).")
@leave_after_option(12)
@tax_options
@offer_set_options
@output_options
def negotiate(offer: str, against: tuple[str, ...], target_percentile: float, years: int, currency: str | None,
              fmt: str, leave_after: int, after_tax: bool, tax_year: str | None, filing: str | None,
              output: str | None, force: bool, **offer_set: Any) -> None:
    """Talking points, counter-offer numbers and an email draft for OFFER, ranked by dollar impact.

    With --after-tax, the gaps to competing offers (and to staying) are also given in estimated net pay.
    """
    from offercheck.negotiate.counter import negotiate as run_negotiate
    from offercheck.render.negotiate import render

    check_tax_options(after_tax, tax_year, filing)
    result, pm = evaluate_offer_set((offer, *against), years=years, currency=currency, **offer_set)
    result = apply_tax_options(result, pm, after_tax, tax_year, filing)
    mine, *others = result.evaluations
    plan = run_negotiate(mine, others, pm=pm, target_percentile=target_percentile, leave_after=leave_after,
                         rates=result.rates, current=result.current)
    write_output(render(plan, fmt), output, force)


def evaluate_offer_set(paths: tuple[str, ...], *, years: int, currency: str | None, profile: str | None,
                       current: str | None, plugins_dirs: tuple[Path, ...], without: tuple[str, ...],
                       benchmarks: Path | None) -> tuple[Comparison, pluggy.PluginManager]:
    """Load the offers (and the current job), evaluate them in one currency and score them against the market."""
    from offercheck.api import compare as run_compare
    from offercheck.market.benchmarks import market_for
    from offercheck.plugins import get_plugin_manager

    rates = display_rates(currency)
    pm = get_plugin_manager(plugins_dirs=plugins_dirs, without=without)
    loaded = load_with_profile(paths, profile, pm, current)
    stay = loaded.pop() if current is not None else None
    result = run_compare(loaded, years=years, currency=currency, rates=rates, pm=pm,
                         benchmarks=market_for(pm, benchmarks), current=stay)
    return result, pm


def display_rates(currency: str | None) -> RateTable:
    """The rate table, after checking that ``--currency`` is in it."""
    from offercheck.errors import OffercheckError
    from offercheck.pay.currency import UnknownCurrency, load_rates

    rates = load_rates()
    if currency is not None:
        try:
            rates.rate(currency.upper(), "USD")
        except UnknownCurrency as e:
            raise OffercheckError(f"--currency: {e}") from None
    return rates


def load_with_profile(paths: tuple[str, ...], profile: str | None, pm: pluggy.PluginManager | None = None,
                      current: str | None = None) -> list[Offer]:
    """Load the offers (checking ``[plugins.NAME]`` tables against ``pm``'s plugins) and apply ``--profile``.

    ``current``: the current-job file (``--current``), loaded with its own checks and returned last; the problems
    of every file are reported together.
    """
    from offercheck.errors import OfferFileErrors
    from offercheck.offer.loading import apply_profile, load_current, load_offers, load_profile

    loaded: list[Offer] = []
    problems = []
    try:
        loaded = load_offers(paths, pm)
    except OfferFileErrors as e:
        problems = e.errors
    if current is not None:
        try:
            loaded.append(load_current(current, pm))
        except OfferFileErrors as e:
            problems += e.errors
    if problems:
        raise OfferFileErrors(problems)
    if profile is None:
        return loaded
    candidate = load_profile(profile)
    return [apply_profile(o, candidate) for o in loaded]


@cli.command()
@click.argument("files", nargs=-1, metavar="FILE...")
@click.option("--current", "currents", multiple=True, metavar="CURRENT.toml",
              help="Check a current-job file (as `compare --current` reads it), repeatable.")
@plugin_options
def validate(files: tuple[str, ...], currents: tuple[str, ...], plugins_dirs: tuple[Path, ...],
             without: tuple[str, ...]) -> None:
    """Check offer files and report every problem in every file."""
    from offercheck.errors import OfferFileErrors
    from offercheck.offer.loading import load_current, load_offer
    from offercheck.plugins import get_plugin_manager

    if not files and not currents:
        raise click.UsageError("give at least one FILE (or --current CURRENT.toml)")
    pm = get_plugin_manager(plugins_dirs=plugins_dirs, without=without)
    problems = []
    for load, name in [*((load_offer, f) for f in files), *((load_current, f) for f in currents)]:
        try:
            load(name, pm)
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

    from offercheck.offer.models import Offer

    doc = Offer.model_json_schema()
    doc["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    doc["title"] = "offercheck offer file"
    write_output(json.dumps(doc, indent=2) + "\n", output, force)


@cli.group("benchmarks")
def benchmarks_group() -> None:
    """Market benchmarks: show the tables offers are scored against, or build your own from a salary survey."""


@benchmarks_group.command("show")
@click.option("--role", metavar="ROLE", help="Only this role (a role key or a job title, e.g. 'ML Engineer').")
@click.option("--country", metavar="CC", help="Only this country (ISO 3166 alpha-2, e.g. US).")
@click.option("--experience", metavar="BAND", help="Only this experience band (0-2, 3-5, 6-9, 10+) or years.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table",
              show_default=True, help="Output format.")
@benchmarks_option
@output_options
def benchmarks_show(role: str | None, country: str | None, experience: str | None, fmt: str,
                    benchmarks: Path | None, output: str | None, force: bool) -> None:
    """Print benchmark cells (p10-p90 of base and total pay, n, method) and their sources."""
    from offercheck.market.benchmarks import load_benchmarks
    from offercheck.market.view import select_cells
    from offercheck.render.benchmarks import render_benchmarks

    view = select_cells(load_benchmarks(benchmarks), role=role, country=country, experience=experience)
    write_output(render_benchmarks(view, fmt), output, force)


def _mapping(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, str] | None:
    pairs = [v.partition("=") for v in values]
    bad = [v for v, (k, eq, col) in zip(values, pairs, strict=True) if not (k.strip() and eq and col.strip())]
    if bad:
        raise click.BadParameter(f"expected KEY=COLUMN, got {bad[0]!r}")
    return {k.strip(): col.strip() for k, _, col in pairs} or None


@benchmarks_group.command("build")
@click.argument("survey", metavar="SURVEY.csv", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", metavar="FILE", required=True, help="The benchmark file to write (- for stdout).")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@click.option("--map", "mapping", multiple=True, metavar="KEY=COLUMN", callback=_mapping,
              help="Column of a non-ai-jobs CSV (repeatable): base (required), role, experience or years, "
                   "country, remote, size, year, employment.")
@click.option("--min-sample", type=click.IntRange(min=1), default=30, show_default=True,
              help="Cells with fewer rows fall back to a broader cell, scaled, and say so.")
@click.option("--all-employment", is_flag=True, help="Keep part-time, contract and freelance rows (default: FT only).")
@click.option("--min-year", type=int, metavar="YEAR", help="Drop responses from before YEAR.")
def benchmarks_build(survey: Path, output: str, force: bool, mapping: dict[str, str] | None, min_sample: int,
                     all_employment: bool, min_year: int | None) -> None:
    """Build a benchmark file from a salary survey CSV (ai-jobs.net format, or any CSV with --map)."""
    from offercheck.errors import OffercheckError
    from offercheck.market.survey.build import SurveyFormatError, build_benchmarks

    if output != "-":
        check_output(output, force)  # before reading a survey that may take a while

    def progress(rows: int) -> None:
        if rows % 100_000 == 0:
            click.echo(f"... {rows:,} rows", err=True)

    try:
        text, stats = build_benchmarks(
            survey, name="benchmarks" if output == "-" else Path(output).stem, mapping=mapping,
            min_sample=min_sample, employment_types=None if all_employment else ("FT",), min_year=min_year,
            progress=progress)
    except SurveyFormatError as e:
        raise OffercheckError(str(e)) from e
    except OSError as e:
        raise OffercheckError(f"{survey}: cannot read: {e.strerror or e}") from e
    click.echo(stats.summary(), err=True)
    write_output(text, output, force)


@cli.command("plugins")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: name, package, version, hooks, builtin.")
@plugin_options
def plugins_command(as_json: bool, plugins_dirs: tuple[Path, ...], without: tuple[str, ...]) -> None:
    """List every loaded plugin (built-in factors included), its package, version and hooks."""
    from offercheck.plugins import get_plugin_manager, plugin_infos
    from offercheck.render.listing import plugins_json, plugins_table

    infos = plugin_infos(get_plugin_manager(plugins_dirs=plugins_dirs, without=without))
    click.echo(plugins_json(infos) if as_json else plugins_table(infos), nl=False)


@cli.command()
@plugin_options
def factors(plugins_dirs: tuple[Path, ...], without: tuple[str, ...]) -> None:
    """List the factors that adjust market benchmarks, and the plugin and package of each."""
    from offercheck.plugins import get_plugin_manager, plugin_infos
    from offercheck.render.listing import factors_table

    click.echo(factors_table(plugin_infos(get_plugin_manager(plugins_dirs=plugins_dirs, without=without))), nl=False)


@cli.group()
def plugin() -> None:
    """Write your own plugins."""


@plugin.command("new")
@click.argument("name")
@click.argument("directory", required=False, metavar="[DIR]")
def plugin_new(name: str, directory: str | None) -> None:
    """Write a ready-to-install factor plugin package NAME into DIR (default: ./offercheck-NAME)."""
    from offercheck.scaffold import write_plugin_package

    root = write_plugin_package(name, Path(directory) if directory else None)
    click.echo(f"Wrote {root}; next: pip install -e {root} && python -m pytest {root}", err=True)


def main(args: list[str] | None = None, prog_name: str | None = None) -> None:
    """Console-script entry point: no traceback reaches the user unless --debug is given."""
    argv = sys.argv[1:] if args is None else args
    # pydantic looks for its own plugins (validation observers) by scanning every installed distribution
    # when the first model is built; a command-line run has none to offer and would pay for the scan.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        code = cli.main(args=argv, prog_name=prog_name or "offercheck", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted!", err=True)
        sys.exit(1)
    except click.ClickException as e:
        if "--debug" in argv and e.__cause__ is not None:
            import traceback

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
