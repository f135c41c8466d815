"""How hooks are called (offercheck.plugins.calls): pluggy's order, tryfirst/trylast, pluggy's monitoring, the
OFFERCHECK_TRACE_PLUGINS trace, the display order of results, and every hook through a real plugin."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import click
import pluggy
import pytest
from click.testing import CliRunner

from offercheck import compare, load_offers
from offercheck.cli.main import main
from offercheck.errors import PluginError
from offercheck.market.benchmark_files import load_benchmarks
from offercheck.market.registered import market_for
from offercheck.pay.comp import pay_in_year
from offercheck.pay.currency import load_rates
from offercheck.plugins import calls
from offercheck.plugins.manager import BUILTIN_FACTORS, get_plugin_manager
from offercheck.plugins.specs import hookimpl
from tests.conftest import EXAMPLES

OFFER = str(EXAMPLES / "bigtech-sf.toml")

# A factor that says it was called (on stdout, which offercheck sends to stderr) and adjusts by x1.
SAYS = """
from offercheck import Adjustment, hookimpl

@hookimpl{marker}
def offercheck_adjust(offer, benchmark):
    print("called {name}")
    return Adjustment(factor="{name}", multiplier=1.0, reason="{name} was here", source="test")
"""


def plugins_dir(tmp_path: Path, **plugins: str) -> Path:
    """A --plugins-dir with one ``NAME.py`` per keyword, each the SAYS factor with the given hookimpl options."""
    d = tmp_path / "plugins"
    d.mkdir(exist_ok=True)
    for name, options in plugins.items():
        (d / f"{name}.py").write_text(SAYS.format(name=name, marker=f"({options})" if options else ""),
                                      encoding="utf-8")
    return d


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(args)
    out, err = capsys.readouterr()
    return (info.value.code if isinstance(info.value.code, int) else 1), out, err


def called(err: str) -> list[str]:
    return [line.removeprefix("called ") for line in err.splitlines() if line.startswith("called ")]


def test_a_tryfirst_plugin_in_plugins_dir_runs_before_a_plain_one(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    # Files register in name order: "eager" (tryfirst) before "plain". pluggy calls the latest registered first, so
    # without tryfirst "plain" would run first; with it, "eager" does.
    d = plugins_dir(tmp_path, eager="tryfirst=True", plain="")
    code, out, err = run(["compare", OFFER, "--plugins-dir", str(d), "--format", "json"], capsys)
    assert code == 0, err
    assert called(err) == ["eager", "plain"]
    # Output keeps the built-ins' documented order, then the other plugins in call order.
    adjustments = [a["plugin"] for a in json.loads(out)["offers"][0]["benchmark"]["adjustments"]]
    assert adjustments == [*BUILTIN_FACTORS, "eager", "plain"]


def test_without_tryfirst_the_latest_registered_runs_first(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    d = plugins_dir(tmp_path, eager="", plain="")
    code, _, err = run(["compare", OFFER, "--plugins-dir", str(d)], capsys)
    assert code == 0, err
    assert called(err) == ["plain", "eager"]


def trace_calls(err: str, hook: str) -> list[str]:
    prefix = f"plugin trace: call {hook} plugin="
    return [line.removeprefix(prefix).split()[0] for line in err.splitlines() if line.startswith(prefix)]


def test_a_trylast_plugin_runs_after_the_builtins(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # "late" registers before "plain", both after the built-ins; trylast puts it after every other implementation.
    d = plugins_dir(tmp_path, late="trylast=True", plain="")
    monkeypatch.setenv("OFFERCHECK_TRACE_PLUGINS", "1")
    code, _, err = run(["compare", OFFER, "--plugins-dir", str(d)], capsys)
    assert code == 0, err
    assert trace_calls(err, "offercheck_adjust") == ["plain", *reversed(BUILTIN_FACTORS), "late"]
    assert called(err) == ["plain", "late"]


def recorder(name: str, log: list[str], **options: bool) -> object:
    """A plugin object whose factor records its name in ``log`` when called."""

    class Plugin:
        @hookimpl(**options)  # type: ignore[call-overload, untyped-decorator]
        def offercheck_adjust(self, offer: object, benchmark: object) -> None:
            log.append(name)

    return Plugin()


def offer_and_benchmark() -> tuple[Any, Any]:
    offer = load_offers([OFFER])[0]
    return offer, load_benchmarks().lookup(role=offer.offer.role, years_experience=None, country="US")


def test_calls_follow_pluggys_own_order() -> None:
    """The order offercheck calls implementations in is the order pluggy itself calls them in."""
    log: list[str] = []
    pm = get_plugin_manager(entry_points=False, builtins=False)
    for name, options in [("a", {"tryfirst": True}), ("b", {}), ("c", {"trylast": True}), ("d", {}),
                          ("e", {"tryfirst": True}), ("f", {"trylast": True}), ("g", {})]:
        pm.register(recorder(name, log, **options), name=name)
    offer, benchmark = offer_and_benchmark()
    pm.hook.offercheck_adjust(offer=offer, benchmark=benchmark)
    by_pluggy = list(log)
    log.clear()
    calls.adjust(pm, offer, benchmark)
    # tryfirst ones latest first, then the plain ones latest first, then trylast ones earliest first.
    assert log == by_pluggy == ["e", "a", "g", "d", "b", "c", "f"]


def test_calls_go_through_pluggys_hook_execution() -> None:
    """Guard: calls.py routes each call through ``PluginManager._hookexec``, the private seam every pluggy
    HookCaller calls and ``add_hookcall_monitoring`` wraps (via ``_inner_hookexec``). A pluggy that renames it
    fails here, not silently."""
    assert callable(getattr(pluggy.PluginManager, "_hookexec", None))
    pm = get_plugin_manager(entry_points=False)
    assert getattr(pm.hook, calls.ADJUST)._hookexec == pm._hookexec
    seen: list[str] = []
    original = pm._inner_hookexec

    def inner(hook_name: str, hook_impls: Sequence[pluggy.HookImpl], caller_kwargs: Mapping[str, object],
              firstresult: bool) -> object:
        seen.append(hook_name)
        return original(hook_name, hook_impls, caller_kwargs, firstresult)

    pm._inner_hookexec = inner
    calls.adjust(pm, *offer_and_benchmark())
    assert seen == [calls.ADJUST] * len(BUILTIN_FACTORS)


def test_add_hookcall_monitoring_sees_every_call(tmp_path: Path) -> None:
    pm = get_plugin_manager(plugins_dirs=[plugins_dir(tmp_path, eager="tryfirst=True")])
    before: list[tuple[str, list[str], list[str]]] = []
    after: list[tuple[str, str, object]] = []

    def on_call(hook: str, impls: Sequence[pluggy.HookImpl], kwargs: Mapping[str, object]) -> None:
        before.append((hook, [i.plugin_name for i in impls], sorted(kwargs)))

    def on_result(outcome: pluggy.Result[Any], hook: str, impls: Sequence[pluggy.HookImpl],
                  kwargs: Mapping[str, object]) -> None:
        after.append((hook, impls[0].plugin_name, outcome.get_result()))

    undo = pm.add_hookcall_monitoring(on_call, on_result)
    offers = load_offers([OFFER])
    compare(offers, pm=pm)
    adjust = [(names, args) for hook, names, args in before if hook == calls.ADJUST]
    # One call per implementation, in call order, each with the arguments it takes.
    assert adjust == [(["eager"], ["benchmark", "offer"]), *((([n], ["benchmark", "offer"])) for n in
                                                              reversed(BUILTIN_FACTORS))]
    [(_, plugin, result)] = [a for a in after if a[1] == "eager"]
    assert plugin == "eager" and [r.factor for r in result] == ["eager"]  # type: ignore[attr-defined]
    undo()
    before.clear()
    compare(offers, pm=pm)
    assert before == []


def test_pluggys_own_tracing_sees_the_calls() -> None:
    pm = get_plugin_manager(entry_points=False)
    lines: list[str] = []
    pm.trace.root.setwriter(lines.append)
    pm.enable_tracing()
    calls.adjust(pm, *offer_and_benchmark())
    assert sum(calls.ADJUST in line for line in lines) == 2 * len(BUILTIN_FACTORS)  # each call and its finish


def test_trace_prints_each_call_and_result_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    d = plugins_dir(tmp_path, mine="")
    (d / "boom.py").write_text(textwrap.dedent("""
        from offercheck import hookimpl

        @hookimpl(trylast=True)
        def offercheck_adjust(offer):
            return 1 / 0
        """), encoding="utf-8")
    code, out, err = run(["compare", OFFER, "--plugins-dir", str(d), "--without", "boom", "-f", "json"], capsys)
    assert code == 0 and "plugin trace" not in err  # off unless asked for
    monkeypatch.setenv("OFFERCHECK_TRACE_PLUGINS", "1")
    code, out, err = run(["compare", OFFER, "--plugins-dir", str(d), "-f", "json"], capsys)
    assert code == 1
    assert out == ""
    lines = [line for line in err.splitlines() if line.startswith("plugin trace:")]
    who = "offer=Offer('Bigtech SF — Senior MLE')"
    assert lines[0].startswith(f"plugin trace: call offercheck_adjust plugin=mine {who} "
                               "benchmark=Benchmark(role='machine learning engineer',")
    assert lines[1] == ("plugin trace: done offercheck_adjust plugin=mine -> Adjustment(factor='mine', "
                        "multiplier=1.0, reason='mine was here', source='test', n=None, interval=None, "
                        "evidence='str...")
    assert lines[2].startswith(f"plugin trace: call offercheck_adjust plugin=remote {who} ")
    assert lines[-2] == f"plugin trace: call offercheck_adjust plugin=boom {who}"
    assert lines[-1] == "plugin trace: done offercheck_adjust plugin=boom raised ZeroDivisionError: division by zero"
    assert err.endswith("Error: plugin 'boom' failed in offercheck_adjust: ZeroDivisionError: division by zero\n")
    # A run that succeeds: the JSON on stdout is untouched.
    code, out, err = run(["compare", OFFER, "--plugins-dir", str(d), "--without", "boom", "-f", "json"], capsys)
    assert code == 0 and json.loads(out)["offers"][0]["company"] == "Bigtech Inc."
    assert "plugin trace: done offercheck_adjust plugin=experience -> Adjustment(" in err


def test_short_keeps_a_trace_line_short() -> None:
    assert calls.short(list(range(10))) == "[0, 1, 2, ...] (10 items)"
    assert calls.short("x" * 100) == "'" + "x" * 56 + "..."
    assert calls.short(print) == "<print>"

    class Bad:
        def __repr__(self) -> str:
            raise RuntimeError("no")

    assert calls.short(Bad()) == "<Bad: repr failed: RuntimeError>"


# One plugin implementing every hook, called through each typed caller (and so through pluggy's execution).
EVERY = '''
from pathlib import Path

import click
from pydantic import BaseModel
from offercheck import Adjustment, TalkingPoint, TaxLine, TaxResult, hookimpl

class Every(BaseModel):
    level: int = 0

@hookimpl
def offercheck_adjust(offer, benchmark):
    return Adjustment(factor="every", multiplier=1.02, reason=f"every adjusts {offer.label}", source="test")

@hookimpl
def offercheck_talking_points(offer, evaluation, others):
    return [TalkingPoint(topic="every", text="Ask.", amount=float(len(evaluation.years)), ask="more",
                         source="test")]

@hookimpl
def offercheck_register_benchmarks(register):
    register(Path(__file__).with_name("cells.toml"))

@hookimpl
def offercheck_register_commands(cli):
    @cli.command("every-cmd")
    def every_cmd():
        click.echo("every")

@hookimpl
def offercheck_estimate_tax(offer, year_pay, tax_year, rates):
    if offer.location.country != "FR":
        return None
    return TaxResult("FR", None, tax_year, "EUR", (TaxLine("flat", 0.25 * year_pay.base, "income", "test"),), ())

@hookimpl
def offercheck_plugin_settings():
    return {"every": Every}
'''


CELLS = """
[[sources]]
id = "every"
title = "Every bands"
year = 2026

[[cells]]
role = "data scientist"
country = "US"
base = { p25 = 100000, p50 = 120000, p75 = 140000 }
"""


@pytest.fixture
def every(tmp_path: Path) -> tuple[Any, list[str]]:
    """A manager with the built-ins and the EVERY plugin, and the 'hook:plugin' calls a monitor saw."""
    d = tmp_path / "every-plugins"
    d.mkdir()
    (d / "every.py").write_text(EVERY, encoding="utf-8")
    (d / "cells.toml").write_text(CELLS, encoding="utf-8")
    pm = get_plugin_manager(plugins_dirs=[d], entry_points=False)
    seen: list[str] = []
    pm.add_hookcall_monitoring(lambda hook, impls, kw: seen.extend(f"{hook}:{i.plugin_name}" for i in impls),
                               lambda *_: None)
    return pm, seen


def _adjust(pm: Any) -> object:
    return [(name, r.reason) for name, r in calls.adjust(pm, *offer_and_benchmark())  # type: ignore[attr-defined]
            if name == "every"]


def _talking_points(pm: Any) -> object:
    offer = load_offers([OFFER])[0]
    return [(name, [p.amount for p in points])  # type: ignore[attr-defined]
            for name, points in calls.talking_points(pm, offer, compare([offer]).evaluations[0], ())]


def _register_benchmarks(pm: Any) -> object:
    return market_for(pm).lookup(role="data scientist", years_experience=None, country="US").source


def _register_commands(pm: Any) -> object:
    group = click.Group()
    calls.register_commands(pm, group)
    return sorted(group.commands)


def _estimate_tax(pm: Any) -> object:
    offer = load_offers([OFFER])[0]
    in_france = offer.model_copy(update={"location": offer.location.model_copy(update={"country": "FR"})})
    pay = pay_in_year(offer, 1)
    return [(name, r.total / pay.base) for name, r in  # type: ignore[attr-defined]
            calls.estimate_tax(pm, in_france, pay, 2026, load_rates())]


def _plugin_settings(pm: Any) -> object:
    return {k: v.__name__ for k, v in calls.settings_models(pm).items()}


HOOK_CALLS: dict[str, tuple[Callable[[Any], object], object]] = {
    calls.ADJUST: (_adjust, [("every", "every adjusts Bigtech SF — Senior MLE")]),
    calls.TALKING_POINTS: (_talking_points, [("every", [4.0])]),  # one per year of the default 4
    calls.REGISTER_BENCHMARKS: (_register_benchmarks, "every"),
    calls.REGISTER_COMMANDS: (_register_commands, ["every-cmd"]),
    calls.ESTIMATE_TAX: (_estimate_tax, [("every", 0.25)]),
    calls.PLUGIN_SETTINGS: (_plugin_settings, {"every": "Every"}),
}


@pytest.mark.parametrize("hook", calls.HOOKS)
def test_each_hook_calls_a_real_plugin_through_its_caller(hook: str, every: tuple[Any, list[str]]) -> None:
    pm, seen = every
    call, expected = HOOK_CALLS[hook]
    assert call(pm) == expected
    assert f"{hook}:every" in seen  # through pluggy's execution, as monitors see it


COMMAND = """
import click
from offercheck import hookimpl

@hookimpl{marker}
def offercheck_register_commands(cli):
    @cli.command("hello")
    def hello():
        click.echo("hello from {name}")

@hookimpl{marker}
def offercheck_plugin_settings():
    from pydantic import create_model
    return {{"shared": create_model("{name}")}}
"""


@pytest.mark.parametrize(("markers", "winner"), [(("", ""), "second"), (("(tryfirst=True)", ""), "first")])
def test_where_answers_collide_the_plugin_called_first_wins(markers: tuple[str, str], winner: str,
                                                            tmp_path: Path) -> None:
    """As with offercheck_estimate_tax: the latest registered, unless an earlier one is tryfirst."""
    for name, marker in zip(("first", "second"), markers, strict=True):
        (tmp_path / f"{name}.py").write_text(COMMAND.format(name=name, marker=marker), encoding="utf-8")
    pm = get_plugin_manager(plugins_dirs=[tmp_path], entry_points=False)
    group = click.Group()
    calls.register_commands(pm, group)
    assert group.commands["hello"].callback is not None
    result = CliRunner().invoke(group, ["hello"])
    assert result.output == f"hello from {winner}\n"
    assert calls.settings_models(pm)["shared"].__name__ == winner


def test_a_hand_registered_wrapper_is_refused_when_called() -> None:
    pm = get_plugin_manager(entry_points=False, builtins=False)

    class Wrapping:
        @hookimpl(wrapper=True)
        def offercheck_adjust(self, offer: object, benchmark: object) -> Any:
            return (yield)

    pm.register(Wrapping(), name="wrapping")
    with pytest.raises(PluginError, match="hook wrappers"):
        calls.adjust(pm, *offer_and_benchmark())


def test_an_argument_with_a_default_is_given_as_pluggy_gives_it() -> None:
    """``def offercheck_estimate_tax(offer, year_pay, tax_year, rates=None)``: offercheck passes ``rates`` exactly
    when pluggy's own call does (pluggy >= 1.6 passes arguments an implementation gives a default to)."""
    got: list[object] = []

    class Regime:
        @hookimpl
        def offercheck_estimate_tax(self, offer: object, year_pay: object, tax_year: int,
                                    rates: object = "default") -> None:
            got.append(rates)

    pm = get_plugin_manager(entry_points=False, builtins=False)
    pm.register(Regime(), name="regime")
    offer = load_offers([OFFER])[0]
    args = {"offer": offer, "year_pay": pay_in_year(offer, 1), "tax_year": 2026, "rates": load_rates()}
    pm.hook.offercheck_estimate_tax(**args)
    calls.estimate_tax(pm, **args)  # type: ignore[arg-type]
    assert len(got) == 2 and type(got[0]) is type(got[1])
