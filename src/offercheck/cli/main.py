"""The ``offercheck`` command group and its entry point. Library modules are imported lazily."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import warnings
from collections.abc import Iterator
from typing import NoReturn

import click

from offercheck._version import __version__
from offercheck.cli.options import CONTEXT_SETTINGS

# Built-in command -> (module in offercheck.cli, attribute): a run imports only the module of its own command.
BUILTIN_COMMANDS: dict[str, tuple[str, str]] = {
    "compare": ("compare", "compare"), "negotiate": ("negotiate", "negotiate"), "validate": ("files", "validate"),
    "new": ("files", "new"), "schema": ("files", "schema"), "benchmarks": ("benchmarks", "benchmarks_group"),
    "plugins": ("plugins", "plugins_command"), "factors": ("plugins", "factors"), "plugin": ("plugins", "plugin"),
}


class OffercheckGroup(click.Group):
    """The command group plus the commands installed plugins add with ``offercheck_register_commands``.

    Built-in commands are imported when named (or listed, for --help). Plugins are asked only for a name that is
    not a built-in command, or for the list, so the usual commands never pay for discovery; their commands live in
    a per-run group, so nothing outlives one run. A plugin that fails to load is left out of that group with one
    warning naming it (``--help`` and every other plugin's commands still work), and a plugin command that raises
    is an error naming the plugin and the command.
    """

    def _builtin(self, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in BUILTIN_COMMANDS:
            import importlib

            module, attribute = BUILTIN_COMMANDS[cmd_name]
            self.add_command(getattr(importlib.import_module(f"offercheck.cli.{module}"), attribute), cmd_name)
        return self.commands.get(cmd_name)

    def _plugin_commands(self, ctx: click.Context) -> click.Group:
        group: click.Group | None = ctx.meta.get("offercheck.plugin_commands")
        if group is None:
            from offercheck.plugins.manager import add_plugin_commands

            group = click.Group()
            ctx.meta["offercheck.plugin_of"], broken = add_plugin_commands(group)
            ctx.meta["offercheck.plugin_commands"] = group
            for error in broken:  # once a run: the group is made once per context
                click.echo(f"Warning: {error.message}; its commands are left out", err=True)
        return group

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise  # click's own ways to stop, a plugin command's included
        except Exception as e:
            plugin = ctx.meta.get("offercheck.plugin_of", {}).get(ctx.invoked_subcommand)
            if plugin is None or ctx.invoked_subcommand in self.commands:  # a built-in command's own failure
                raise
            from offercheck.errors import PluginError
            from offercheck.plugins.calls import describe

            raise PluginError(plugin, f"command '{ctx.invoked_subcommand}'", describe(e)) from e

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self._builtin(cmd_name) or self._plugin_commands(ctx).get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*BUILTIN_COMMANDS, *self._plugin_commands(ctx).list_commands(ctx)})


@click.group(cls=OffercheckGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="offercheck")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors (for reporting bugs).")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Compare job offers year by year, score them against the market, and negotiate with numbers.

    Start with `offercheck new offer.toml`, edit it, then `offercheck compare a.toml b.toml`.
    """
    ctx.obj = {"debug": debug}
    ctx.with_resource(_market_warnings())


@contextlib.contextmanager
def _market_warnings() -> Iterator[None]:
    """Market guesses (``MarketWarning``) go to stderr as one ``Warning:`` line each, once per message; likely
    mistakes in the files read (``OfferWarning``), one line each time a file is read."""
    from offercheck.errors import MarketWarning, OfferWarning

    def show(message: Warning | str, *_: object, **__: object) -> None:
        click.echo(f"Warning: {message}", err=True)

    with warnings.catch_warnings():
        warnings.filterwarnings("default", category=MarketWarning)
        warnings.filterwarnings("always", category=OfferWarning)
        warnings.showwarning = show
        yield


def main(args: list[str] | None = None, prog_name: str | None = None) -> NoReturn:
    """Console-script entry point: no traceback reaches the user unless --debug is given."""
    argv = sys.argv[1:] if args is None else args
    # pydantic looks for its own plugins (validation observers) by scanning every installed distribution
    # when the first model is built; a command-line run has none to offer and would pay for the scan.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # A run is short and makes few reference cycles, but importing pydantic and building its models allocates
    # enough objects to set off many collections, and the interpreter's exit walks them all once more: about a
    # third of a compare's start-up (bench/startup.py). So the collector is off for the run, and the objects
    # made are frozen (exempt from later collections, freed as usual) before it is switched back on.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        code = _run(argv, prog_name or "offercheck")
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
    sys.exit(code)


def _run(argv: list[str], prog_name: str) -> int:
    """The exit code of one command line, its errors reported on stderr (DESIGN section 8)."""
    try:
        code = cli.main(args=argv, prog_name=prog_name, standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted!", err=True)
        return 1
    except click.ClickException as e:
        if "--debug" in argv and e.__cause__ is not None:
            import traceback

            traceback.print_exception(e.__cause__)
        e.show()
        return e.exit_code
    except click.exceptions.Exit as e:
        return e.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # a bug in offercheck itself: say so, one line
        if "--debug" in argv:
            raise
        click.echo(f"Error: internal error: {type(e).__name__}: {e} (run with --debug for the traceback)", err=True)
        return 1
    # Without standalone mode click returns the exit code of --help/--version instead of exiting.
    return code if isinstance(code, int) else 0
