"""``offercheck compare``."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from offercheck.cli.options import (
    RANK_BY,
    as_of_option,
    check_tax_options,
    equity_view_option,
    format_option,
    horizon_options,
    leave_after_option,
    offer_set_options,
    output_format,
    output_options,
    said_as_options,
    tax_options,
    tax_year_number,
    terminal_width,
    use_colour,
    write_output,
)
from offercheck.render import COMPARE_FORMATS as FORMATS

EPILOG = """\b
Examples:
  offercheck compare acme.toml globex.toml
      ranks them by 4-year total pay and scores each against the market
  offercheck compare acme.toml globex.toml --after-tax -o report.html
      adds tax and net pay, and writes one HTML page with charts
"""


@click.command(epilog=EPILOG)
@click.argument("offers", nargs=-1, required=True, metavar="OFFER.toml...")
@horizon_options
@format_option(FORMATS, "table",
               "Output format. html is one self-contained page with charts: write it with -o report.html "
               "(without -o it goes to stdout, for piping).")
@click.option("--real", is_flag=True, help="Add pay at the home place's prices (purchasing power).")
@click.option("--home", metavar="PLACE",
              help="Home place for --real, e.g. 'Austin, TX', US-TX or DE. Default: where the first offer is.")
@click.option("--rank-by", type=click.Choice(RANK_BY), default="total", show_default=True,
              help="Rank by horizon total, net pay (needs --after-tax) or real pay (needs --real).")
@click.option("--wide", is_flag=True,
              help="Table format: one line per row, however wide (default: fit the terminal width).")
@click.option("--explain", is_flag=True,
              help="Table and markdown: add the pay components, the factor tables, benchmark cells, sources, notes "
                   "and citations to the short default output (json, csv and html always hold them).")
@leave_after_option()
@tax_options
@offer_set_options
@equity_view_option
@as_of_option
@output_options
def compare(offers: tuple[str, ...], years: int, currency: str | None, fmt: str | None, real: bool, home: str | None,
            rank_by: str, wide: bool, explain: bool, leave_after: int | None, after_tax: bool, tax_year: str | None,
            filing: str | None, equity_view: str, as_of: dt.date | None, output: str | None, force: bool,
            **offer_set: Any) -> None:
    """Compare offers: total pay per year and over the horizon, ranked by the horizon total (the ranking), each
    scored against the market (the score: its percentile in the market benchmark)."""
    from offercheck import api
    from offercheck.render import render

    check_tax_options(after_tax, tax_year, filing)
    fmt = output_format(fmt, output, FORMATS, "table")
    needs = {"net": ("--after-tax", after_tax), "real": ("--real", real)}
    if rank_by in needs and not needs[rank_by][1]:
        raise click.UsageError(f"--rank-by {rank_by} needs {needs[rank_by][0]}")
    if home is not None and not real:
        raise click.UsageError("--home needs --real")
    with said_as_options():
        result = api.compare(offers, years=years, currency=currency, after_tax=after_tax,
                             tax_year=tax_year_number(tax_year), filing=filing, real=real, home=home,
                             leave_after=leave_after, equity="paper" if equity_view == "paper" else "risk",
                             rank_by=rank_by, as_of=as_of, **offer_set)
    write_output(render(result, fmt, width=None if wide else terminal_width(), colour=use_colour(output),
                        explain=explain), output, force)
