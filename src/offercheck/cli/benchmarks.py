"""``offercheck benchmarks show|build``."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from offercheck.cli.options import (
    as_of_option,
    benchmarks_option,
    check_output,
    format_option,
    output_format,
    output_options,
    said_as_options,
    write_output,
)

# offercheck.render.benchmarks.FORMATS, spelled out so that start-up imports no rendering code.
FORMATS: tuple[str, ...] = ("table", "json", "markdown", "csv")


@click.group("benchmarks")
def benchmarks_group() -> None:
    """Market benchmarks: show the tables offers are scored against, or build your own from a salary survey."""


@benchmarks_group.command("show")
@click.option("--role", metavar="ROLE", help="Only this role (a role key or a job title, e.g. 'ML Engineer').")
@click.option("--country", metavar="CC", help="Only this country (ISO 3166 alpha-2, e.g. US): with the built-in "
              "tables, the official anchor offers there are scored against (US BLS, GB ONS ASHE, CA Job Bank, DE BA "
              "Entgeltatlas).")
@click.option("--city", metavar="CITY", help="With --country: the anchor for a job in this city (its metro, region, "
              "economic region or Land).")
@click.option("--state", metavar="ST", help="With --country: the state, province, UK nation or Land.")
@click.option("--experience", metavar="BAND", help="Only this experience band (0-2, 3-5, 6-9, 10+) or years.")
@format_option(FORMATS, "table", "Output format.")
@as_of_option
@benchmarks_option
@output_options
def benchmarks_show(role: str | None, country: str | None, city: str | None, state: str | None,
                    experience: str | None, fmt: str | None, as_of: dt.date | None, benchmarks: Path | None,
                    output: str | None, force: bool) -> None:
    """Print what offers are scored against: the official anchor of a role in a place (p10-p90 in local currency,
    aged to --as-of, derived figures marked) and the benchmark file's cells (p10-p90 of base and total pay, n,
    method), with their sources."""
    from offercheck.api.files import benchmarks_view
    from offercheck.render.benchmarks import render_benchmarks

    fmt = output_format(fmt, output, FORMATS, "table")
    with said_as_options():
        view = benchmarks_view(benchmarks, role=role, country=country, experience=experience, city=city,
                               state=state, as_of=as_of)
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
              help="Column of a non-ai-jobs CSV (repeatable). Pay: base and/or total (one is required), "
                   "bonus, stock (total = base + bonus + stock; with total or stock the cells carry total pay "
                   "including equity). Keys: role, experience or years, country, city or location ('City, ST' "
                   "or 'City, Region, Country'), state, remote, size, year, employment, currency.")
@click.option("--min-sample", type=click.IntRange(min=1), default=30, show_default=True,
              help="Cells with fewer rows fall back to a broader cell, scaled, and say so.")
@click.option("--all-employment", is_flag=True, help="Keep part-time, contract and freelance rows (default: FT only).")
@click.option("--min-year", type=int, metavar="YEAR", help="Drop responses from before YEAR.")
@click.option("--keep-duplicates", is_flag=True,
              help="Keep rows identical to an earlier row (default: dropped as repeats of one response).")
def benchmarks_build(survey: Path, output: str, force: bool, mapping: dict[str, str] | None, min_sample: int,
                     all_employment: bool, min_year: int | None, keep_duplicates: bool) -> None:
    """Build a benchmark file from a salary survey CSV (ai-jobs.net format, or any comma, semicolon or tab
    separated CSV with --map): cells by role, experience band, country and city (a thin cell uses a broader one
    and says so)."""
    from offercheck.api.files import build_benchmarks

    if output != "-":
        check_output(output, force)  # before reading a survey that may take a while

    # Progress on stderr only: every 10,000 rows on a terminal, else every 100,000 (large files only).
    every = 10_000 if sys.stderr.isatty() else 100_000

    shown = [0]

    def progress(rows: int) -> None:
        # The final count comes again at the end: said once.
        if rows % every == 0 and rows != shown[0]:
            shown[0] = rows
            click.echo(f"... {rows:,} rows", err=True)

    text, stats = build_benchmarks(
        survey, name="benchmarks" if output == "-" else Path(output).stem, mapping=mapping,
        min_sample=min_sample, employment_types=None if all_employment else ("FT",), min_year=min_year,
        progress=progress, keep_duplicates=keep_duplicates)
    click.echo(stats.summary(), err=True)
    write_output(text, output, force)


