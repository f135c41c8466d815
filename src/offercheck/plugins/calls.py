"""Calling plugin hooks: one typed caller per hookspec, each implementation called on its own and isolated.

Callers name a hook by calling its function here (a misspelled hook is a mypy error, not a silent no-op); the
hook-name constants are for their error messages. This module does not import ``specs``: the hookspecs' types
come from the rooms that call these, so importing it here would close an import cycle.

**Order.** Implementations are called in pluggy's own order: pluggy keeps a hook's implementations in a list and
runs it backwards, so the latest registered is called first, ``tryfirst=True`` ones before every other and
``trylast=True`` ones after. Where two plugins' answers collide, the one called first wins, as pluggy's
``firstresult`` does for ``offercheck_estimate_tax``: a ``[plugins.NAME]`` model, a command name, a benchmark cell.
Output keeps the built-ins' documented order (:func:`in_display_order`).

**Monitoring.** Each call goes through the manager's hook execution (``PluginManager._hookexec``, the seam every
pluggy ``HookCaller`` calls and ``add_hookcall_monitoring`` wraps), with a list of one implementation: a monitor
sees one call per implementation, with that implementation's own copies of the arguments it takes.
``OFFERCHECK_TRACE_PLUGINS=1`` installs such a monitor (:func:`trace`) that prints each call and result on stderr.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from offercheck.errors import PluginError
from offercheck.plugins.streams import stdout_to_stderr

if TYPE_CHECKING:
    import click
    import pluggy
    from pydantic import BaseModel

    from offercheck.market.benchmarks import Benchmark
    from offercheck.offer.loading import PluginSettings
    from offercheck.offer.models import Offer
    from offercheck.pay.comp import YearPay
    from offercheck.pay.currency import RateTable
    from offercheck.results import Evaluation

ADJUST = "offercheck_adjust"
TALKING_POINTS = "offercheck_talking_points"
REGISTER_BENCHMARKS = "offercheck_register_benchmarks"
REGISTER_COMMANDS = "offercheck_register_commands"
ESTIMATE_TAX = "offercheck_estimate_tax"
PLUGIN_SETTINGS = "offercheck_plugin_settings"
HOOKS = (ADJUST, TALKING_POINTS, REGISTER_BENCHMARKS, REGISTER_COMMANDS, ESTIMATE_TAX, PLUGIN_SETTINGS)

TRACE_ENV = "OFFERCHECK_TRACE_PLUGINS"
WRAPPERS = ("hook wrappers (wrapper=True, hookwrapper=True) are not supported: offercheck calls each implementation "
            "on its own; return a result instead")

# What a plugin returned, by plugin name: unchecked (``object``), so each caller checks it before use.
Results = list[tuple[str, object]]


def adjust(pm: pluggy.PluginManager, offer: Offer, benchmark: Benchmark) -> Results:
    """Every factor's adjustment, in display order (see :func:`in_display_order`)."""
    return in_display_order(pm, _call(pm, ADJUST, offer=offer, benchmark=benchmark))


def talking_points(pm: pluggy.PluginManager, offer: Offer, evaluation: Evaluation,
                   others: Sequence[Evaluation]) -> Results:
    """Every plugin's points, in display order (see :func:`in_display_order`)."""
    return in_display_order(pm, _call(pm, TALKING_POINTS, offer=offer, evaluation=evaluation, others=tuple(others)))


def register_benchmarks(pm: pluggy.PluginManager, register: Callable[[str, object], None]) -> None:
    """Each plugin's ``register(benchmarks)`` is ``register(plugin_name, benchmarks)``, called while the plugin is
    (so a bad set names it)."""
    _call(pm, REGISTER_BENCHMARKS, by_plugin=("register",), register=register)


def register_commands(pm: pluggy.PluginManager, cli: click.Group,
                      failures: list[PluginError] | None = None) -> dict[str, str]:
    """Let every plugin add commands to ``cli``; of two plugins adding one name, the one called first keeps it.

    Each plugin is given a group of its own, so the commands it adds are known to be its: returns the plugin of
    each command added, by command name. With ``failures``, a plugin whose hook fails adds none of its commands
    and its error is appended there (the others' are added); without, the error is raised.
    """
    import click

    staged: dict[str, click.Group] = {}

    def group_for(plugin: str) -> click.Group:
        return staged.setdefault(plugin, click.Group(cli.name))

    _call(pm, REGISTER_COMMANDS, per_plugin={"cli": group_for}, failures=failures, cli=None)
    failed = {e.plugin for e in failures or ()}
    added: dict[str, str] = {}
    for plugin, group in staged.items():  # in call order
        for name, command in group.commands.items():
            if plugin not in failed and name not in added:
                cli.add_command(command, name)
                added[name] = plugin
    return added


def estimate_tax(pm: pluggy.PluginManager, offer: Offer, year_pay: YearPay, tax_year: int,
                 rates: RateTable) -> Results:
    """The first regime's non-None result (at most one pair)."""
    return _call(pm, ESTIMATE_TAX, firstresult=True, offer=offer, year_pay=year_pay, tax_year=tax_year, rates=rates)


def plugin_settings(pm: pluggy.PluginManager) -> Results:
    return _call(pm, PLUGIN_SETTINGS)


def settings_models(pm: pluggy.PluginManager) -> dict[str, type[BaseModel]]:
    """The pydantic model each plugin declares for its ``[plugins.NAME]`` table, by table name."""
    from pydantic import BaseModel

    models: dict[str, type[BaseModel]] = {}
    for plugin, result in plugin_settings(pm):
        if not (isinstance(result, dict)
                and all(isinstance(k, str) and isinstance(v, type) and issubclass(v, BaseModel)
                        for k, v in result.items())):
            raise PluginError(plugin, PLUGIN_SETTINGS,
                              f"returned {result!r}, expected a dict of table name to pydantic model")
        for name, model in result.items():
            models.setdefault(name, model)
    return models


def offer_settings(pm: pluggy.PluginManager) -> PluginSettings:
    """What ``load_offer(s)`` checks ``[plugins.NAME]`` tables against: the models the plugins declare (asked for
    only when a file has such a table), the names of the plugins loaded and of those blocked (``--without``)."""
    from offercheck.offer.loading import PluginSettings

    names = pm.list_name_plugin()
    return PluginSettings(_DeclaredModels(pm), loaded=frozenset(n for n, p in names if p is not None),
                          blocked=frozenset(n for n, p in names if p is None))


class _DeclaredModels(Mapping[str, type["BaseModel"]]):
    """``settings_models(pm)``, called when first read: a run whose files have no plugin table never asks."""

    def __init__(self, pm: pluggy.PluginManager) -> None:
        self._pm = pm
        self._models: dict[str, type[BaseModel]] | None = None

    def _read(self) -> dict[str, type[BaseModel]]:
        if self._models is None:
            self._models = settings_models(self._pm)
        return self._models

    def __getitem__(self, name: str) -> type[BaseModel]:
        return self._read()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._read())

    def __len__(self) -> int:
        return len(self._read())


def in_display_order(pm: pluggy.PluginManager, results: Results) -> Results:
    """``results`` (in call order) as output shows them: the built-ins' first, in their documented order (the order
    the manager registered them in, ``PluginManager.builtins``), then every other plugin's in call order."""
    rank = {name: i for i, name in enumerate(getattr(pm, "builtins", ()))}
    return sorted(results, key=lambda r: rank.get(r[0], len(rank)))


@contextlib.contextmanager
def isolated(plugin: str, hook: str | None, prefix: str = "") -> Iterator[None]:
    """Run plugin code: what it writes to stdout in any way (``print``, ``sys.__stdout__``, file descriptor 1) goes to
    stderr, never into ``--format json`` (``streams.stdout_to_stderr``), and anything it raises, ``SystemExit`` and
    ``GeneratorExit`` included, becomes a PluginError naming it. Ctrl-C still stops the run.
    """
    try:
        with stdout_to_stderr():
            yield
    except (KeyboardInterrupt, PluginError):
        raise
    except BaseException as e:
        raise PluginError(plugin, hook, prefix + describe(e)) from e


def describe(e: BaseException) -> str:
    """An exception as one line: a pydantic error lists its fields (its own text spans several lines)."""
    from pydantic import ValidationError

    if isinstance(e, ValidationError):
        fields = "; ".join(f"{'.'.join(map(str, x['loc'])) or e.title}: {x['msg']}"
                           for x in e.errors(include_url=False))
        return f"invalid {e.title}: {fields}"
    return " ".join(f"{type(e).__name__}: {e}".split())


def _call(pm: pluggy.PluginManager, hook: str, *, firstresult: bool = False, by_plugin: tuple[str, ...] = (),
          per_plugin: Mapping[str, Callable[[str], object]] | None = None,
          failures: list[PluginError] | None = None, **kwargs: Any) -> Results:
    """Call every implementation of ``hook`` in pluggy's order, returning (plugin name, result) pairs for non-None
    results, in call order.

    Each implementation is called on its own, :func:`isolated`, with its own deep copy of every argument it takes
    (a frozen model can still be changed with ``object.__setattr__``; a copy keeps that from reaching the offer),
    so that a failure is reported with the plugin's name. A pydantic model returned is validated again
    (``model_construct()`` skips validation). With ``firstresult``, stop at the first non-None result. The
    callbacks named in ``by_plugin`` are given the plugin's name as their first argument; an argument named in
    ``per_plugin`` is, for each implementation, what its function returns for the plugin's name. With
    ``failures``, an implementation's PluginError is appended there and the others are still called.
    """
    caller = getattr(pm.hook, hook)
    execute: Callable[..., Any] = pm._hookexec  # pluggy's hook execution: add_hookcall_monitoring wraps it
    results: Results = []
    for impl in reversed(caller.get_hookimpls()):  # pluggy's order (its _multicall runs the list backwards)
        if impl.wrapper or impl.hookwrapper:  # refused at registration; one registered by hand is refused here
            raise PluginError(impl.plugin_name, hook, WRAPPERS)
        # What pluggy passes: the arguments the implementation names, and those it gives a default to.
        names = [*impl.argnames, *(n for n in getattr(impl, "kwargnames", ()) if n in kwargs)]
        args = _copies({name: kwargs[name] for name in names})
        args.update((name, functools.partial(args[name], impl.plugin_name)) for name in by_plugin if name in args)
        args.update((name, make(impl.plugin_name)) for name, make in (per_plugin or {}).items() if name in args)
        try:
            with isolated(impl.plugin_name, hook):
                answer = execute(hook, [impl], args, firstresult)
                result = _revalidated(answer if firstresult else next(iter(answer), None))
        except PluginError as e:
            if failures is None:
                raise
            failures.append(e)
            continue
        if result is not None:
            results.append((impl.plugin_name, result))
            if firstresult:
                break
    return results


def _copies(args: Mapping[str, Any]) -> dict[str, Any]:
    # Callables (``register``, the click group) are the plugin's way back in: handed over as they are.
    return {k: v if callable(v) else copy.deepcopy(v) for k, v in args.items()}


def _revalidated(result: Any) -> Any:
    from pydantic import BaseModel

    if isinstance(result, BaseModel):
        return type(result).model_validate(dict(result))
    return result


def trace(pm: pluggy.PluginManager) -> Callable[[], None]:
    """Print each hook call (hook, plugin, arguments in short) and its result on stderr, as pluggy's monitoring sees
    them (``OFFERCHECK_TRACE_PLUGINS=1``). Returns the undo function of ``add_hookcall_monitoring``."""

    def before(hook: str, impls: Sequence[pluggy.HookImpl], kwargs: Mapping[str, object]) -> None:
        args = "".join(f" {name}={short(value)}" for name, value in kwargs.items())
        _say(f"plugin trace: call {hook} plugin={_names(impls)}{args}")

    def after(outcome: pluggy.Result[object], hook: str, impls: Sequence[pluggy.HookImpl],
              kwargs: Mapping[str, object]) -> None:
        if outcome.exception is not None:
            text = f"raised {describe(outcome.exception)}"
        else:
            result = outcome.get_result()
            # One implementation's answer comes back in a list of one (or none, for None) unless firstresult.
            if isinstance(result, list) and len(impls) == 1 and len(result) <= 1:
                result = result[0] if result else None
            text = f"-> {short(result, 120)}"
        _say(f"plugin trace: done {hook} plugin={_names(impls)} {text}")

    return pm.add_hookcall_monitoring(before, after)


def short(value: object, width: int = 60) -> str:
    """A value in one short line: an offer or an evaluation by its label, a sequence by its first items, anything
    else by its repr, cut to ``width`` characters."""
    try:
        label = getattr(value, "label", None)
        if isinstance(label, str) and not isinstance(value, type):
            return f"{type(value).__name__}({label!r})"
        if isinstance(value, (list, tuple)):
            items = ", ".join(short(v, 40) for v in value[:3])
            return f"[{items}]" if len(value) <= 3 else f"[{items}, ...] ({len(value)} items)"
        function = value.func if isinstance(value, functools.partial) else value
        if callable(function) and hasattr(function, "__qualname__"):
            return f"<{function.__qualname__}>"
        text = " ".join(repr(value).split())
    except Exception as e:  # a plugin's object whose repr fails must not fail the run
        return f"<{type(value).__name__}: repr failed: {type(e).__name__}>"
    return text if len(text) <= width else text[:width - 3] + "..."


def _names(impls: Sequence[pluggy.HookImpl]) -> str:
    return ",".join(impl.plugin_name for impl in impls)


def _say(line: str) -> None:
    sys.stderr.write(line + "\n")
