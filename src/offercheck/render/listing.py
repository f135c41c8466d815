"""Listings of the loaded plugins and factors (`offercheck plugins`, `offercheck factors`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict

from tabulate import tabulate

from offercheck.plugins.info import PluginInfo

FACTOR_HOOK = "offercheck_adjust"


def plugins_json(infos: Sequence[PluginInfo]) -> str:
    return json.dumps([{**asdict(i), "hooks": list(i.hooks)} for i in infos], indent=2) + "\n"


def plugins_table(infos: Sequence[PluginInfo]) -> str:
    rows = [[i.name, i.package, i.version, ", ".join(i.hooks)] for i in infos]
    return tabulate(rows, headers=["Plugin", "Package", "Version", "Hooks"], disable_numparse=True) + "\n"


def factors_table(infos: Sequence[PluginInfo]) -> str:
    """The plugins that adjust benchmarks: those implementing offercheck_adjust."""
    rows = [[i.name, "built-in" if i.builtin else "plugin", i.package, i.version]
            for i in infos if FACTOR_HOOK in i.hooks]
    return tabulate(rows, headers=["Factor", "Kind", "Package", "Version"], disable_numparse=True) + "\n"
