"""``offercheck plugins``, ``factors`` and ``plugin new``."""

from __future__ import annotations

from pathlib import Path

import click

from offercheck.cli.options import plugin_options, said_as_options


@click.command("plugins")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: name, package, version, hooks, builtin.")
@plugin_options
def plugins_command(as_json: bool, plugins_dirs: tuple[Path, ...], without: tuple[str, ...]) -> None:
    """List every loaded plugin (built-in factors included), its package, version and hooks."""
    from offercheck.plugins.info import plugin_infos
    from offercheck.plugins.manager import get_plugin_manager
    from offercheck.render.listing import plugins_json, plugins_table

    with said_as_options():
        infos = plugin_infos(get_plugin_manager(plugins_dirs=plugins_dirs, without=without))
    click.echo(plugins_json(infos) if as_json else plugins_table(infos), nl=False)


@click.command()
@plugin_options
def factors(plugins_dirs: tuple[Path, ...], without: tuple[str, ...]) -> None:
    """List the factors that adjust market benchmarks, and the plugin and package of each."""
    from offercheck.plugins.info import plugin_infos
    from offercheck.plugins.manager import get_plugin_manager
    from offercheck.render.listing import factors_table

    with said_as_options():
        infos = plugin_infos(get_plugin_manager(plugins_dirs=plugins_dirs, without=without))
    click.echo(factors_table(infos), nl=False)


@click.group()
def plugin() -> None:
    """Write your own plugins."""


@plugin.command("new")
@click.argument("name")
@click.argument("directory", required=False, metavar="[DIR]")
def plugin_new(name: str, directory: str | None) -> None:
    """Write a ready-to-install factor plugin package NAME into DIR (default: ./offercheck-NAME)."""
    from offercheck.api.files import new_plugin_package

    root = new_plugin_package(name, directory or None)
    click.echo(f"Wrote {root}; next: pip install -e {root} && python -m pytest {root}", err=True)


