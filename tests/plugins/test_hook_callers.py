"""The typed hook callers (offercheck.hooks) name exactly the hooks the hookspecs declare."""

from __future__ import annotations

import inspect

from offercheck import hooks, hookspecs
from offercheck.plugins import get_plugin_manager


def test_every_hookspec_has_one_caller_constant() -> None:
    specs = {name for name, f in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("offercheck_")}
    assert sorted(hooks.HOOKS) == sorted(specs)
    assert len(specs) == 6  # adjust, talking_points, register_benchmarks, register_commands, estimate_tax, settings


def test_every_caller_constant_is_a_hook_pluggy_knows() -> None:
    pm = get_plugin_manager(entry_points=False)
    for name in hooks.HOOKS:
        assert getattr(pm.hook, name).has_spec(), name
