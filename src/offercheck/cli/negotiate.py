"""``offercheck negotiate``."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from offercheck.cli.options import (
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
    write_output,
)
from offercheck.render import NEGOTIATE_FORMATS as FORMATS

EPILOG = """\b
Examples:
  offercheck negotiate acme.toml --against globex.toml
      the counter-offer and talking points, and the gap to Globex's offer
  offercheck negotiate acme.toml --format email -o email.txt
      a draft email asking for the counter-offer, written to email.txt
"""


@click.command(epilog=EPILOG)
@click.argument("offers", metavar="OFFER.toml [OTHER.toml]...", nargs=-1, required=True)
@click.option("--against", multiple=True, metavar="OTHER.toml",
              help="A competing offer (repeatable; or name it after OFFER.toml): the gap to it, and the asks it "
                   "supports where it pays more.")
@click.option("-p", "--target-percentile", type=click.FloatRange(1, 99), default=60, show_default=True,
              help="Percentile of the adjusted market benchmark to ask for.")
@horizon_options
@format_option(FORMATS, "text",
               "Output format; email is a counter-offer draft built from the top points; html is one "
               "self-contained page (use -o FILE, or pipe it).")
@click.option("--explain", is_flag=True,
              help="Text and markdown: add each point's ask and source, the counter-offer's basis and the "
                   "guidance's quotes to the short default output (json and html always hold them).")
@leave_after_option(12)
@tax_options
@offer_set_options
@equity_view_option
@as_of_option
@output_options
def negotiate(offers: tuple[str, ...], against: tuple[str, ...], target_percentile: float, years: int,
              currency: str | None, fmt: str | None, explain: bool, leave_after: int, after_tax: bool,
              tax_year: str | None, filing: str | None, equity_view: str, as_of: dt.date | None, output: str | None,
              force: bool, **offer_set: Any) -> None:
    """Talking points, counter-offer numbers and an email draft for OFFER: money asks first, by their value over
    the horizon; then terms (with the amount at stake), then questions.

    The first file is the offer negotiated; every other one (after it or with --against) is a competing offer.

    With --after-tax, the gaps to competing offers (and to staying) are also given in estimated net pay.
    """
    from offercheck import api
    from offercheck.render import render

    check_tax_options(after_tax, tax_year, filing)
    fmt = output_format(fmt, output, FORMATS, "text")
    mine, *others = offers
    with said_as_options():
        plan = api.negotiate(mine, (*others, *against), target_percentile=target_percentile, leave_after=leave_after,
                             years=years, currency=currency, after_tax=after_tax, tax_year=tax_year_number(tax_year),
                             filing=filing, equity="paper" if equity_view == "paper" else "risk", as_of=as_of,
                             **offer_set)
    write_output(render(plan, fmt, width=terminal_width(), explain=explain), output, force)
