"""``offercheck validate``, ``new`` and ``schema``: the offer files themselves."""

from __future__ import annotations

from pathlib import Path

import click

from offercheck.cli.options import check_output, output_options, plugin_options, said_as_options, write_output


@click.command()
@click.argument("files", nargs=-1, metavar="FILE...")
@click.option("--current", "currents", multiple=True, metavar="CURRENT.toml",
              help="Check a current-job file (as `compare --current` reads it), repeatable.")
@click.option("--strict", is_flag=True, help="Treat likely mistakes (a percent given as a fraction, ...) as errors.")
@plugin_options
def validate(files: tuple[str, ...], currents: tuple[str, ...], strict: bool, plugins_dirs: tuple[Path, ...],
             without: tuple[str, ...]) -> None:
    """Check offer files and report every problem in every file, and warn about likely mistakes."""
    import itertools

    from offercheck.api.files import validate_files
    from offercheck.errors import OfferFileError, OfferFileErrors, one_line

    if not files and not currents:
        raise click.UsageError("give at least one FILE (or --current CURRENT.toml)")
    problems: list[OfferFileError] = []
    with said_as_options():
        checks = validate_files(files, currents, strict=strict, plugins_dirs=plugins_dirs, without=without)
        first = next(checks, None)  # the plugins are loaded for the first file: a bad option is said now
    for check in itertools.chain([first] if first else [], checks):
        if check.problems:
            problems.extend(check.problems)
            continue
        for doubt in check.doubts:
            click.echo(f"Warning: {doubt.message}", err=True)
        click.echo(f"{one_line(check.name)}: ok")
    if problems:
        raise OfferFileErrors(problems)


@click.command()
@click.argument("file", metavar="FILE")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@click.option("-i", "--interactive", is_flag=True,
              help="Ask for the company, place, base and bonus on the terminal and write them (the file validates).")
def new(file: str, force: bool, interactive: bool) -> None:
    """Write a commented offer template to FILE (use - for stdout)."""
    from offercheck.api.files import offer_template

    if file != "-":
        check_output(file, force)  # before asking anything
    write_output(_ask_offer() if interactive else offer_template(), file, force)


def _ask_offer() -> str:
    """The offer file from answers to click prompts, checked as ``validate`` would before it is written."""
    from offercheck.api.files import Answers, offer_file

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
    return offer_file(answers)  # an answer the file format rejects: say so, write nothing


def _code(value: str, length: int) -> str:
    from offercheck.api.files import country_alias

    code = value.strip().upper()
    code = country_alias(code) if length == 2 else code  # UK -> GB, USA -> US
    if len(code) != length or not code.isalpha():
        raise click.BadParameter(f"give a {length}-letter code")
    return code


@click.command()
@output_options
def schema(output: str | None, force: bool) -> None:
    """Print the JSON Schema of the offer file, for editors that complete and check TOML."""
    import json

    from offercheck.api.files import offer_schema

    write_output(json.dumps(offer_schema(), indent=2) + "\n", output, force)


