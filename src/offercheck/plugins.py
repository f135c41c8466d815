"""Build the plugin manager: built-ins, installed entry points, an explicit plugins directory, blocking."""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pluggy

from . import hookspecs
from .errors import PluginError

ENTRY_POINT_GROUP = "offercheck"
ENV_LOAD = "OFFERCHECK_LOAD_PLUGINS"

# Built-in factors, each registered under its own name exactly as a third-party plugin would be.
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
BUILTIN_PLUGINS: dict[str, str] = {name: f"offercheck.factors.{name}" for name in BUILTIN_FACTORS}


class PluginManager(pluggy.PluginManager):
    """pluggy's manager, remembering which distribution each entry-point plugin came from."""

    def __init__(self) -> None:
        super().__init__("offercheck")
        self.add_hookspecs(hookspecs)
        self.distributions: dict[str, tuple[str, str]] = {}


@dataclass(frozen=True)
class PluginInfo:
    name: str
    package: str
    version: str
    hooks: tuple[str, ...]
    builtin: bool


def _load_module_from_file(path: Path) -> Any:
    module_name = f"offercheck_local_plugin_{path.stem}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise PluginError(path.stem, None, f"{path}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as e:
        sys.modules.pop(module_name, None)
        raise PluginError(path.stem, None, f"{path}: {type(e).__name__}: {e}") from e
    return module


def _entry_points() -> Iterator[Any]:
    from importlib.metadata import entry_points

    allowed = os.environ.get(ENV_LOAD)
    names = None if allowed is None else {n.strip() for n in allowed.split(",") if n.strip()}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if names is None or ep.name in names:
            yield ep


def _register(pm: PluginManager, plugin: Any, name: str) -> None:
    if pm.is_blocked(name):
        return
    # A plugin registered under a built-in's name replaces that built-in.
    if pm.get_plugin(name) is not None:
        pm.unregister(name=name)
    try:
        pm.register(plugin, name=name)
    except Exception as e:  # pluggy's PluginValidationError: a bad hook signature or option
        raise PluginError(name, None, str(e)) from e


def get_plugin_manager(
    *,
    plugins_dirs: Iterable[str | Path] = (),
    without: Iterable[str] = (),
    entry_points: bool = True,
) -> PluginManager:
    """A plugin manager with the built-ins, installed plugins and any ``--plugins-dir`` files registered.

    ``without`` names plugins to block (built-in or not). Nothing is imported from the current directory
    unless it is passed in ``plugins_dirs``.
    """
    pm = PluginManager()
    for name in without:
        pm.set_blocked(name)
    for name, module_name in BUILTIN_PLUGINS.items():
        if not pm.is_blocked(name):
            _register(pm, importlib.import_module(module_name), name)
    if entry_points:
        for ep in _entry_points():
            if pm.is_blocked(ep.name):
                continue
            try:
                plugin = ep.load()
            except Exception as e:
                raise PluginError(ep.name, None, f"{type(e).__name__}: {e}") from e
            _register(pm, plugin, ep.name)
            if ep.dist is not None:
                pm.distributions[ep.name] = (ep.dist.name, ep.dist.version)
    for directory in plugins_dirs:
        d = Path(directory)
        if not d.is_dir():
            raise PluginError(str(d), None, "--plugins-dir is not a directory")
        for path in sorted(d.glob("*.py")):
            if not pm.is_blocked(path.stem):
                _register(pm, _load_module_from_file(path), path.stem)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as e:
        name = pm.get_name(e.plugin) or repr(e.plugin)
        raise PluginError(name, None, str(e)) from e
    return pm


def call_hook(pm: pluggy.PluginManager, hook: str, **kwargs: Any) -> list[tuple[str, Any]]:
    """Call every implementation of ``hook``, returning (plugin name, result) pairs for non-None results.

    Each implementation is called on its own so that a failure is reported with the plugin's name.
    """
    caller = getattr(pm.hook, hook)
    results = []
    # pluggy calls the most recently registered first; keep registration order for stable output.
    for impl in caller.get_hookimpls():
        args = {name: kwargs[name] for name in impl.argnames}
        try:
            result = impl.function(**args)
        except Exception as e:
            raise PluginError(impl.plugin_name, hook, f"{type(e).__name__}: {e}") from e
        if result is not None:
            results.append((impl.plugin_name, result))
    return results


def plugin_infos(pm: PluginManager) -> list[PluginInfo]:
    """Name, distribution, version and implemented hooks of every registered plugin."""
    infos = []
    for name, plugin in pm.list_name_plugin():
        if plugin is None:
            continue
        hooks = tuple(sorted(c.name for c in pm.get_hookcallers(plugin) or ()))
        builtin = BUILTIN_PLUGINS.get(name) == getattr(plugin, "__name__", None)
        if name in pm.distributions:
            package, version = pm.distributions[name]
        elif builtin:
            from . import __version__

            package, version = "offercheck", __version__
        else:
            package, version = getattr(plugin, "__file__", "") or "", ""
        infos.append(PluginInfo(name, package, version, hooks, builtin))
    return infos
