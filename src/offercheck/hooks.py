"""Calling plugin hooks: one typed caller per hookspec, each through one isolating mechanism.

Callers name a hook by calling its function here (a misspelled hook is a mypy error, not a silent no-op); the
hook-name constants are for their error messages. This module does not import ``hookspecs``: the hookspecs'
types come from the rooms that call these, so importing it here would close an import cycle.
"""

from __future__ import annotations

import contextlib
import copy
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from offercheck.errors import PluginError

if TYPE_CHECKING:
    import click
    import pluggy
    from pydantic import BaseModel

    from offercheck.market.benchmarks import Benchmark
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

# What a plugin returned, by plugin name: unchecked (``object``), so each caller checks it before use.
Results = list[tuple[str, object]]


def adjust(pm: pluggy.PluginManager, offer: Offer, benchmark: Benchmark) -> Results:
    return _call(pm, ADJUST, offer=offer, benchmark=benchmark)


def talking_points(pm: pluggy.PluginManager, offer: Offer, evaluation: Evaluation,
                   others: Sequence[Evaluation]) -> Results:
    return _call(pm, TALKING_POINTS, offer=offer, evaluation=evaluation, others=tuple(others))


def register_benchmarks(pm: pluggy.PluginManager, register: Callable[[object], None]) -> None:
    _call(pm, REGISTER_BENCHMARKS, register=register)


def register_commands(pm: pluggy.PluginManager, cli: click.Group) -> None:
    _call(pm, REGISTER_COMMANDS, cli=cli)


def estimate_tax(pm: pluggy.PluginManager, offer: Offer, year_pay: YearPay, tax_year: int,
                 rates: RateTable) -> Results:
    """The first regime's non-None result (at most one pair)."""
    return _call(pm, ESTIMATE_TAX, firstresult=True, offer=offer, year_pay=year_pay, tax_year=tax_year, rates=rates)


def plugin_settings(pm: pluggy.PluginManager) -> Results:
    return _call(pm, PLUGIN_SETTINGS)


@contextlib.contextmanager
def isolated(plugin: str, hook: str | None, prefix: str = "") -> Iterator[None]:
    """Run plugin code: what it prints goes to stderr (never into ``--format json``), and anything it raises,
    ``SystemExit`` and ``GeneratorExit`` included, becomes a PluginError naming it. Ctrl-C still stops the run.
    """
    try:
        with contextlib.redirect_stdout(sys.stderr):
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


def _call(pm: pluggy.PluginManager, hook: str, *, firstresult: bool = False, **kwargs: Any) -> Results:
    """Call every implementation of ``hook``, returning (plugin name, result) pairs for non-None results.

    Each implementation is called on its own, :func:`isolated`, with its own deep copy of every argument (a
    frozen model can still be changed with ``object.__setattr__``; a copy keeps that from reaching the offer),
    so that a failure is reported with the plugin's name. A pydantic model returned is validated again
    (``model_construct()`` skips validation). With ``firstresult``, stop at the first non-None result in pluggy's
    own order (latest registered first), so an installed plugin overrides a built-in as it would for a
    ``firstresult`` hookspec.
    """
    caller = getattr(pm.hook, hook)
    results = []
    impls = caller.get_hookimpls()
    # pluggy calls the most recently registered first; keep registration order for stable output.
    for impl in reversed(impls) if firstresult else impls:
        args = _copies({name: kwargs[name] for name in impl.argnames})
        with isolated(impl.plugin_name, hook):
            result = _revalidated(impl.function(**args))
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
        models.update(result)
    return models
