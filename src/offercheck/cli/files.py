"""``offercheck validate``, ``new`` and ``schema``: the offer files themselves."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

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
    from offercheck.api.files import validate_files
    from offercheck.errors import OfferFileError, OfferFileErrors

    if not files and not currents:
        raise click.UsageError("give at least one FILE (or --current CURRENT.toml)")
    problems: list[OfferFileError] = []
    for check in validate_files(files, currents, strict=strict, plugins_dirs=plugins_dirs, without=without):
        if check.problems:
            problems.extend(check.problems)
            continue
        for doubt in check.doubts:
            click.echo(f"Warning: {doubt.message}", err=True)
        click.echo(f"{check.name}: ok")
    if problems:
        raise OfferFileErrors(problems)


@click.command()
@click.argument("file", metavar="FILE")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@click.option("-i", "--interactive", is_flag=True,
              help="Ask for the offer on the terminal (company, role, experience, place, pay, bonus, sign-on, "
                   "equity, benefits; amounts as 150,000 or 150k) and write a file that validates.")
def new(file: str, force: bool, interactive: bool) -> None:
    """Write a commented offer template to FILE (use - for stdout)."""
    from offercheck.api.files import offer_template

    if file != "-":
        check_output(file, force)  # before asking anything
    write_output(_ask_offer() if interactive else offer_template(), file, force)
    if interactive and file != "-":
        _say_doubts(file)


def _ask_offer() -> str:
    """The offer file from answers to click prompts, checked as ``validate`` would before it is written."""
    from offercheck.api.files import interview, offer_file

    def ask(question: str, read: Callable[[str], Any], default: str | None = "") -> Any:
        def proc(text: str) -> Any:
            try:
                return read(text)
            except ValueError as e:
                raise click.BadParameter(str(e)) from None

        return click.prompt(question, default=default, show_default=bool(default), value_proc=proc, err=True)

    return offer_file(interview(ask))  # an answer the file format rejects: say so, write nothing


def _say_doubts(file: str) -> None:
    """What ``validate`` says about the file just written (an unknown city, say), so nothing waits for later."""
    from offercheck.api.files import validate_files

    for check in validate_files([file]):
        for doubt in check.doubts:
            click.echo(f"Warning: {doubt.message}", err=True)


@click.command()
@output_options
def schema(output: str | None, force: bool) -> None:
    """Print the JSON Schema of the offer file, for editors that complete and check TOML."""
    import json

    from offercheck.api.files import offer_schema

    write_output(json.dumps(offer_schema(), indent=2) + "\n", output, force)


