"""``offercheck validate``, ``new`` and ``schema``: the offer files themselves."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:


    pass

from offercheck.cli.options import output_options, plugin_options, write_output


@click.command()
@click.argument("files", nargs=-1, metavar="FILE...")
@click.option("--current", "currents", multiple=True, metavar="CURRENT.toml",
              help="Check a current-job file (as `compare --current` reads it), repeatable.")
@click.option("--strict", is_flag=True, help="Treat likely mistakes (a percent given as a fraction, ...) as errors.")
@plugin_options
def validate(files: tuple[str, ...], currents: tuple[str, ...], strict: bool, plugins_dirs: tuple[Path, ...],
             without: tuple[str, ...]) -> None:
    """Check offer files and report every problem in every file, and warn about likely mistakes."""
    from offercheck.errors import OfferFileErrors
    from offercheck.offer.checks import likely_mistakes
    from offercheck.offer.loading import load_current, load_offer
    from offercheck.plugins import get_plugin_manager

    if not files and not currents:
        raise click.UsageError("give at least one FILE (or --current CURRENT.toml)")
    pm = get_plugin_manager(plugins_dirs=plugins_dirs, without=without)
    problems = []
    for load, name in [*((load_offer, f) for f in files), *((load_current, f) for f in currents)]:
        try:
            offer = load(name, pm)
        except OfferFileErrors as e:
            problems.extend(e.errors)
            continue
        doubts = likely_mistakes(offer, name)
        if strict and doubts:
            problems.extend(doubts)
            continue
        for doubt in doubts:
            click.echo(f"Warning: {doubt.message}", err=True)
        click.echo(f"{name}: ok")
    if problems:
        raise OfferFileErrors(problems)


@click.command()
@click.argument("file", metavar="FILE")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
def new(file: str, force: bool) -> None:
    """Write a commented offer template to FILE (use - for stdout)."""
    from importlib import resources

    text = resources.files("offercheck").joinpath("data/templates/offer.toml").read_text(encoding="utf-8")
    write_output(text, file, force)


@click.command()
@output_options
def schema(output: str | None, force: bool) -> None:
    """Print the JSON Schema of the offer file, for editors that complete and check TOML."""
    import json

    from offercheck.offer.models import Offer

    doc = Offer.model_json_schema()
    doc["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    doc["title"] = "offercheck offer file"
    write_output(json.dumps(doc, indent=2) + "\n", output, force)


