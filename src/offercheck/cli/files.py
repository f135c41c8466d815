"""``offercheck validate``, ``new`` and ``schema``: the offer files themselves."""

from __future__ import annotations

from pathlib import Path

import click

from offercheck.cli.options import check_output, output_options, plugin_options, write_output


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
    from offercheck.plugins.calls import offer_settings
    from offercheck.plugins.manager import get_plugin_manager

    if not files and not currents:
        raise click.UsageError("give at least one FILE (or --current CURRENT.toml)")
    settings = offer_settings(get_plugin_manager(plugins_dirs=plugins_dirs, without=without))
    problems = []
    for load, name in [*((load_offer, f) for f in files), *((load_current, f) for f in currents)]:
        try:
            offer = load(name, settings=settings)
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
@click.option("-i", "--interactive", is_flag=True,
              help="Ask for the company, place, base and bonus on the terminal and write them (the file validates).")
def new(file: str, force: bool, interactive: bool) -> None:
    """Write a commented offer template to FILE (use - for stdout)."""
    from importlib import resources

    if file != "-":
        check_output(file, force)  # before asking anything
    if interactive:
        text = _ask_offer()
    else:
        text = resources.files("offercheck").joinpath("data/templates/offer.toml").read_text(encoding="utf-8")
    write_output(text, file, force)


def _ask_offer() -> str:
    """The offer file from answers to click prompts, checked as ``validate`` would before it is written."""
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    from offercheck.offer.interactive import Answers, offer_toml
    from offercheck.offer.loading import parse_offer

    def ask(text: str, default: str | None = "") -> str:
        return str(click.prompt(text, default=default, show_default=False, err=True)).strip()

    def code(text: str, default: str, length: int) -> str:
        return str(click.prompt(text, default=default, err=True, value_proc=lambda v: _code(v, length)))

    answers = Answers(
        company=ask("Company", None), role=ask("Role (e.g. machine learning engineer; empty to skip)"),
        currency=code("Currency (ISO 4217)", "USD", 3), country=code("Country (ISO 3166 alpha-2)", "US", 2),
        city=ask("City (empty to skip)"), state=ask("State or province code (empty to skip)"),
        base=click.prompt("Base salary per year", type=click.FloatRange(min=0, min_open=True), err=True),
        bonus_percent=click.prompt("Bonus target, percent of base (e.g. 15; 0 for none)", default=0.0,
                                   type=click.FloatRange(0, 500), err=True),
    )
    text = offer_toml(answers)
    parse_offer(tomllib.loads(text), "answers")  # an answer the file format rejects: say so, write nothing
    return text


def _code(value: str, length: int) -> str:
    from offercheck.places import suggested_code

    code = value.strip().upper()
    code = suggested_code(code) if length == 2 else code  # UK -> GB, USA -> US
    if len(code) != length or not code.isalpha():
        raise click.BadParameter(f"give a {length}-letter code")
    return code


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


