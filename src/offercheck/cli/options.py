"""Options shared by the commands, and writing output files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from collections.abc import Callable

    import pluggy

    from offercheck.results import Comparison

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


def equity_view_option(f: Any) -> Any:
    """--equity paper|risk: how private-company equity counts in totals, ranking and score (DESIGN.md section 5)."""
    return click.option("--equity", "equity_view", type=click.Choice(["paper", "risk"]), default="risk",
                        show_default=True,
                        help="Private-company equity at its paper value, or at risk (x liquidity probability x "
                             "ownership left after dilution); the paper value is shown beside it.")(f)


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


