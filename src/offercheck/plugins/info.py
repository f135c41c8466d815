"""What ``offercheck plugins`` and ``offercheck factors`` list about each registered plugin.

Apart from the manager: a run that only uses the plugins (``compare``, ``negotiate``) does not create this class.
"""

from __future__ import annotations

from dataclasses import dataclass

from offercheck.plugins.manager import PluginManager

__all__ = ["PluginInfo", "plugin_infos"]


@dataclass(frozen=True)
class PluginInfo:
    name: str
    package: str
    version: str
    hooks: tuple[str, ...]
    builtin: bool


def plugin_infos(pm: PluginManager) -> list[PluginInfo]:
    """Name, distribution, version and implemented hooks of every registered plugin."""
    infos = []
    for name, plugin in pm.list_name_plugin():
        if plugin is None:
            continue
        hooks = tuple(sorted(c.name for c in pm.get_hookcallers(plugin) or ()))
        builtin = name in pm.builtins
        if name in pm.distributions:
            package, version = pm.distributions[name]
        elif builtin:
            from offercheck._version import __version__

            package, version = "offercheck", __version__
        else:
            package, version = getattr(plugin, "__file__", "") or "", ""
        infos.append(PluginInfo(name, package, version, hooks, builtin))
    return infos
