"""`offercheck plugin new`: write a ready-to-install factor plugin package from the templates in data/."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template

from offercheck.errors import OffercheckError

_NAME = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*")


@dataclass(frozen=True)
class PluginNames:
    """The names one plugin goes by: plugin (entry point, `--without`, `[plugins.X]`), distribution, module."""

    plugin: str
    dist: str
    module: str

    @classmethod
    def of(cls, name: str) -> PluginNames:
        if not _NAME.fullmatch(name):
            raise OffercheckError(
                f"plugin name {name!r}: use lowercase letters, digits, '-' or '_', starting with a letter")
        plugin = name.replace("-", "_")
        return cls(plugin=plugin, dist=f"offercheck-{plugin.replace('_', '-')}", module=f"offercheck_{plugin}")


def package_files(names: PluginNames) -> dict[str, str]:
    """Relative path -> text of every file of the package."""
    templates = resources.files("offercheck").joinpath("data/templates/plugin")
    layout = {
        "pyproject.toml": "pyproject.toml.tmpl",
        "README.md": "README.md.tmpl",
        f"src/{names.module}/__init__.py": "module.py.tmpl",
        f"tests/test_{names.plugin}.py": "test_module.py.tmpl",
    }
    values = {"plugin": names.plugin, "dist": names.dist, "module": names.module}
    return {path: Template(templates.joinpath(t).read_text(encoding="utf-8")).substitute(values)
            for path, t in layout.items()}


def write_plugin_package(name: str, directory: Path | None = None) -> Path:
    """Write the package for plugin ``name`` into ``directory`` (default ``./offercheck-NAME``); returns it.

    Refuses a directory that already holds files, so nothing of the user's is overwritten.
    """
    names = PluginNames.of(name)
    root = directory if directory is not None else Path(names.dist)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise OffercheckError(f"{root}: exists and is not an empty directory")
    for rel, text in package_files(names).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
