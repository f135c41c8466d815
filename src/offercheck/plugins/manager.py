"""Build the plugin manager: built-ins, installed entry points, an explicit plugins directory, blocking."""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import os
import sys
import types
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

from offercheck.errors import ArgumentError, PluginError
from offercheck.plugins import specs
from offercheck.plugins.calls import TRACE_ENV, WRAPPERS, isolated, register_commands, trace
from offercheck.plugins.installed import installed_entry_points
from offercheck.tax.registry import COUNTRIES

if TYPE_CHECKING:
    import click

ENV_LOAD = "OFFERCHECK_LOAD_PLUGINS"

# Built-in factors, each registered under its own name exactly as a third-party plugin would be. This is also the
# documented order in which output lists their adjustments (``calls.in_display_order``).
BUILTIN_FACTORS: tuple[str, ...] = (
    "experience",
    "role",
    "location",
    "industry",
    "company_size",
    "education",
    "certification",
    "remote",
)
# Built-in tax regimes (offercheck_estimate_tax), one per country of the tax registry: plugins like the factors
# (so --without works), but not factors.
BUILTIN_TAX_REGIMES: tuple[str, ...] = tuple(c.plugin for c in COUNTRIES.values())
# Plugin name -> where it is, as an entry point's value says it: "module" or "module:attribute".
BUILTIN_PLUGINS: dict[str, str] = {
    **{name: f"offercheck.builtins.factors.{name}" for name in BUILTIN_FACTORS},
    **{name: f"offercheck.builtins.regimes:{name}" for name in BUILTIN_TAX_REGIMES},
}


class PluginManager(pluggy.PluginManager):
    """pluggy's manager, remembering which distribution each entry-point plugin came from."""

    def __init__(self) -> None:
        super().__init__("offercheck")
        self.add_hookspecs(specs)
        self.distributions: dict[str, tuple[str, str]] = {}
        # The built-ins registered, in registration order; a plugin that replaces one is not in it.
        self.builtins: list[str] = []
        # With get_plugin_manager(skip_broken=True): why each plugin left out failed to load.
        self.broken: list[PluginError] = []

    def parse_hookimpl_opts(self, plugin: Any, name: str) -> pluggy.HookimplOpts | None:
        """pluggy's, after a quick look at a module's own attribute: one that is no function (an import, a constant,
        a class) is no hook implementation, and pluggy's static lookup of each (``inspect.getattr_static``, for
        every name of every plugin module) costs more than the registration itself."""
        if isinstance(plugin, types.ModuleType):
            value = vars(plugin).get(name)
            if not (inspect.isroutine(value) or isinstance(value, (staticmethod, classmethod))):
                return None
        return super().parse_hookimpl_opts(plugin, name)


def _load_module_from_file(path: Path) -> Any:
    module_name = f"offercheck_local_plugin_{path.stem}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise PluginError(path.stem, None, f"{path}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        with isolated(path.stem, None, f"{path}: "):
            spec.loader.exec_module(module)
    except PluginError:
        sys.modules.pop(module_name, None)
        raise
    return module


def _entry_points() -> Iterator[tuple[str, str, str | None, str | None]]:
    allowed = os.environ.get(ENV_LOAD)
    names = None if allowed is None else {n.strip() for n in allowed.split(",") if n.strip()}
    # Read from the installed distributions on every run, never from a cache (``plugins.installed``); sorted by
    # name: the file system's order would make listings (and which same-named plugin wins) vary.
    for ep in installed_entry_points():
        if names is None or ep[0] in names:
            yield ep


def _load_entry_point(value: str) -> Any:
    """Import ``module:attr`` (or ``module``) as importlib.metadata.EntryPoint.load does."""
    module_name, _, attr = value.partition(":")
    obj: Any = importlib.import_module(module_name.strip())
    for part in filter(None, attr.strip().split(".")):
        obj = getattr(obj, part)
    return obj


def _register(pm: PluginManager, plugin: Any, name: str) -> None:
    if pm.is_blocked(name):
        return
    # A plugin registered under a built-in's name replaces that built-in.
    if pm.get_plugin(name) is not None:
        pm.unregister(name=name)
        pm.distributions.pop(name, None)
        if name in pm.builtins:
            pm.builtins.remove(name)
    try:
        pm.register(plugin, name=name)
    except Exception as e:  # pluggy's PluginValidationError: a bad hook signature or option
        raise PluginError(name, None, str(e)) from e
    wrappers = sorted(c.name for c in pm.get_hookcallers(plugin) or ()
                      for impl in c.get_hookimpls() if impl.plugin is plugin and (impl.wrapper or impl.hookwrapper))
    if wrappers:
        pm.unregister(name=name)
        raise PluginError(name, wrappers[0], WRAPPERS)


def get_plugin_manager(
    *,
    plugins_dirs: Iterable[str | Path] = (),
    without: Iterable[str] = (),
    entry_points: bool = True,
    builtins: bool = True,
    skip_broken: bool = False,
) -> PluginManager:
    """A plugin manager with the built-ins, installed plugins and any ``--plugins-dir`` files registered.

    ``without`` names plugins to block (built-in or not). Nothing is imported from the current directory
    unless it is passed in ``plugins_dirs``. ``builtins=False`` skips the built-ins (for a caller that only
    needs third-party hooks, such as plugin commands, and should not pay for importing factors and regimes).
    A plugin that fails to load (its import raises, its entry point names a missing module, a hook is misspelled
    or has a bad signature) is a PluginError naming it; with ``skip_broken`` it is left out instead and the error
    kept in ``pm.broken`` (for ``--help`` and plugin commands, which must not need every plugin to work).
    With ``OFFERCHECK_TRACE_PLUGINS=1`` every hook call and its result is printed on stderr (``calls.trace``).
    """
    pm = PluginManager()
    if os.environ.get(TRACE_ENV, "") not in ("", "0"):
        trace(pm)
    without = tuple(without)
    for name in without:
        pm.set_blocked(name)
    known: set[str] = set()  # every plugin name found, blocked or not, to catch a misspelled --without
    for name, where in BUILTIN_PLUGINS.items() if builtins else ():
        known.add(name)
        if not pm.is_blocked(name):
            with isolated(name, None):
                plugin = _load_entry_point(where)
            _register(pm, plugin, name)
            pm.builtins.append(name)
    if entry_points:
        for name, value, dist, version in _entry_points():
            known.add(name)
            if pm.is_blocked(name):
                continue
            try:
                with isolated(name, None):
                    plugin = _load_entry_point(value)
                _register(pm, plugin, name)
            except PluginError as e:
                if not skip_broken:
                    raise
                pm.broken.append(e)
                continue
            if dist is not None and version is not None:
                pm.distributions[name] = (dist, version)
    for directory in plugins_dirs:
        d = Path(directory)
        if not d.is_dir():
            raise ArgumentError("plugins_dirs", f"{d}: not a directory")
        for path in sorted(d.glob("*.py")):
            known.add(path.stem)
            if not pm.is_blocked(path.stem):
                try:
                    _register(pm, _load_module_from_file(path), path.stem)
                except PluginError as e:
                    if not skip_broken:
                        raise
                    pm.broken.append(e)
    unknown = [n for n in without if n not in known]
    if unknown and builtins and entry_points:
        import difflib  # only on a miss: not paid at start-up
        close = difflib.get_close_matches(unknown[0], sorted(known), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f" (plugins: {', '.join(sorted(known))})"
        raise ArgumentError("without", f"no plugin named '{unknown[0]}'{hint}")
    while True:
        try:
            pm.check_pending()
            return pm
        except pluggy.PluginValidationError as e:
            name = pm.get_name(e.plugin) or repr(e.plugin)
            error = PluginError(name, None, _unknown_hooks(pm, e.plugin) or str(e))
            if not skip_broken:
                raise error from e
            pm.broken.append(error)
            pm.unregister(e.plugin)
            pm.distributions.pop(name, None)


def _unknown_hooks(pm: pluggy.PluginManager, plugin: object) -> str:
    """'unknown hook X; did you mean Y?' for a plugin's misspelled hooks (pluggy's message names no fix)."""
    import difflib

    known = [n for n in dir(specs) if n.startswith("offercheck_")]
    unknown = sorted(c.name for c in pm.get_hookcallers(plugin) or () if not c.has_spec())
    parts = []
    for name in unknown:
        close = difflib.get_close_matches(name, known, n=1)
        parts.append(f"unknown hook {name!r}" + (f"; did you mean {close[0]!r}?" if close else ""))
    return "; ".join(parts)


def add_plugin_commands(cli: click.Group) -> tuple[dict[str, str], list[PluginError]]:
    """Let installed plugins add commands to ``cli`` (``--plugins-dir`` is a command option, so too late here).

    Returns the plugin that added each command, by command name, and the plugins left out, each as the error it
    failed with: one that fails to load or to register its commands takes only its own commands away.
    """
    pm = get_plugin_manager(builtins=False, skip_broken=True)
    failures: list[PluginError] = []
    added = register_commands(pm, cli, failures=failures)
    return added, [*pm.broken, *failures]
