"""``offercheck compare``."""

from __future__ import annotations

from typing import Any

import click

from offercheck.cli.offers import evaluate_offer_set
from offercheck.cli.options import (
    RANK_BY,
    apply_tax_options,
    check_tax_options,
    equity_view_option,
    format_option,
    horizon_options,
    leave_after_option,
    offer_set_options,
    output_format,
    output_options,
    tax_options,
    terminal_width,
    use_colour,
    write_output,
)
from offercheck.render import FORMATS


@click.command()
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
@leave_after_option()
@tax_options
@offer_set_options
@equity_view_option
@output_options
def compare(offers: tuple[str, ...], years: int, currency: str | None, fmt: str | None, real: bool, home: str | None,
            rank_by: str, wide: bool, leave_after: int | None, after_tax: bool, tax_year: str | None,
            filing: str | None, output: str | None, force: bool, **offer_set: Any) -> None:
    """Compare offers: total pay per year and over the horizon, ranked by horizon total, scored against the market."""
    from dataclasses import replace

    check_tax_options(after_tax, tax_year, filing)
    fmt = output_format(fmt, output, FORMATS, "table")
    needs = {"net": ("--after-tax", after_tax), "real": ("--real", real)}
    if rank_by in needs and not needs[rank_by][1]:
        raise click.UsageError(f"--rank-by {rank_by} needs {needs[rank_by][0]}")
    if home is not None and not real:
        raise click.UsageError("--home needs --real")
    result, pm = evaluate_offer_set(offers, years=years, currency=currency, **offer_set)
    result = apply_tax_options(result, pm, after_tax, tax_year, filing)
    if real:
        from offercheck.pay.current import including_current
        from offercheck.real.realterms import in_real_terms

        # Real terms apply to staying too; leaving early is about the offers only.
        result = including_current(result, lambda c: in_real_terms(c, home=home))
    if leave_after is not None:
        from offercheck.pay.leave_early import with_leave_early

        result = with_leave_early(result, leave_after)
    from offercheck.render import renderer

    result = replace(result, rank_by=rank_by)
    if fmt == "table":
        text = renderer(fmt)(result, width=None if wide else terminal_width(), colour=use_colour(output))
    else:
        text = renderer(fmt)(result)
    write_output(text, output, force)


