"""`offercheck plugins`, `offercheck factors`, commands added by plugins, and a third-party factor end to end."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from click.testing import CliRunner

from offercheck import __version__
from offercheck.cli.main import cli, main
from offercheck.plugins.manager import BUILTIN_FACTORS, BUILTIN_PLUGINS
from tests.conftest import EXAMPLES

OFFER = str(EXAMPLES / "bigtech-sf.toml")

BANDS = """
from offercheck import Adjustment, hookimpl

@hookimpl
def offercheck_adjust(offer, benchmark):
    return Adjustment(factor="bands", multiplier=1.1, reason="internal bands", source="Acme HR, 2026")
"""

COMMAND = """
import click
from offercheck import hookimpl

@hookimpl
def offercheck_register_commands(cli):
    @cli.command()
    @click.argument("who")
    def hello(who):
        '''Say hello.'''
        click.echo(f"hello {who}")
"""


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_plugins_json_lists_every_plugin(fake_plugin: Callable[..., None]) -> None:
    fake_plugin("bands", BANDS, version="0.3")
    code, out, _ = invoke("plugins", "--json")
    assert code == 0
    doc = json.loads(out)
    assert [p["name"] for p in doc] == [*BUILTIN_PLUGINS, "bands"]
    assert doc[0] == {"name": "experience", "package": "offercheck", "version": __version__,
                      "hooks": ["offercheck_adjust"], "builtin": True}
    assert doc[-1] == {"name": "bands", "package": "offercheck-bands", "version": "0.3",
                       "hooks": ["offercheck_adjust"], "builtin": False}


def test_plugins_table(fake_plugin: Callable[..., None]) -> None:
    fake_plugin("bands", BANDS, version="0.3")
    code, out, _ = invoke("plugins", "--without", "remote")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["Plugin", "Package", "Version", "Hooks"]
    assert lines[-1].split() == ["bands", "offercheck-bands", "0.3", "offercheck_adjust"]
    assert not any(line.startswith("remote ") for line in lines)


def test_factors_lists_factor_plugins_only(fake_plugin: Callable[..., None]) -> None:
    fake_plugin("bands", BANDS, version="0.3")
    code, out, _ = invoke("factors", "--without", "location")
    assert code == 0
    rows = [line.split() for line in out.splitlines()[2:]]
    expected = [[n, "built-in", "offercheck", __version__] for n in BUILTIN_FACTORS if n != "location"]
    assert rows == [*expected, ["bands", "plugin", "offercheck-bands", "0.3"]]


def test_hook_adjust_scales_the_benchmark(fake_plugin: Callable[..., None]) -> None:
    def market(*extra: str) -> dict[str, object]:
        code, out, err = invoke("compare", OFFER, "-f", "json", *extra)
        assert code == 0, err
        offer: dict[str, object] = json.loads(out)["offers"][0]
        return offer

    before = market()
    fake_plugin("bands", BANDS)
    after = market()
    adjustments = after["benchmark"]["adjustments"]  # type: ignore[index]
    assert adjustments[-1] == {"plugin": "bands", "factor": "bands", "multiplier": 1.1, "reason": "internal bands",
                               "source": "Acme HR, 2026", "n": None, "interval": None, "evidence": "strong"}
    # Every quantile is scaled by the product of multipliers: the new factor multiplies p50 by 1.1.
    p50 = before["benchmark"]["base_p50"]  # type: ignore[index]
    assert after["benchmark"]["base_p50"] == pytest.approx(p50 * 1.1, abs=0.01)  # type: ignore[index]
    assert market("--without", "bands") == before


def test_hook_talking_points_reach_negotiate(fake_plugin: Callable[..., None]) -> None:
    fake_plugin("asks", """
        from offercheck import TalkingPoint, hookimpl

        @hookimpl
        def offercheck_talking_points(offer, evaluation, others):
            return [TalkingPoint(topic="parking", text="Ask for a parking spot.", amount=1200.0 * len(evaluation.years),
                                 ask="parking", source="garage price list 2026")]
        """)
    code, out, err = invoke("negotiate", OFFER, "-f", "json")
    assert code == 0, err
    [point] = [p for p in json.loads(out)["talking_points"] if p["topic"] == "parking"]
    assert point["amount"] == 4800  # 1,200 a year over the default 4-year horizon


def test_hook_register_commands_adds_a_command(fake_plugin: Callable[..., None]) -> None:
    fake_plugin("greeter", COMMAND)
    assert invoke("hello", "world") == (0, "hello world\n", "")
    code, out, _ = invoke("--help")
    assert code == 0 and "  hello " in out and "  compare " in out


def test_plugin_commands_do_not_outlive_the_run(fake_plugin: Callable[..., None],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    fake_plugin("greeter", COMMAND)
    assert invoke("hello", "x")[0] == 0
    monkeypatch.setenv("OFFERCHECK_LOAD_PLUGINS", "")
    code, _, err = invoke("hello", "x")
    assert code == 2 and "No such command 'hello'" in err
    assert "hello" not in cli.commands


def test_builtin_commands_do_not_load_plugins(fake_plugin: Callable[..., None],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Discovery for commands is lazy, and a broken command plugin breaks nothing (issue 27 item 13): an unknown
    name is still a usage error, with one warning naming the plugin."""
    fake_plugin("broken", """
        from offercheck import hookimpl

        @hookimpl
        def offercheck_register_commands(cli):
            raise RuntimeError("no commands today")
        """)
    assert invoke("schema")[0] == 0
    with pytest.raises(SystemExit) as info:
        main(["hello"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Warning: plugin 'broken' failed in offercheck_register_commands: RuntimeError: no "
                          "commands today; its commands are left out\n")
    assert "No such command 'hello'" in err
