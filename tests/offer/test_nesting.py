"""Nesting is bounded (issue 27 item 11): tables and arrays at most MAX_DEPTH (32) deep, a clean error naming the
file and the table beyond that, in every command that reads the file.

`[plugins.pay_range.a.a....]` 250 levels deep passed `validate`, then `compare` and `negotiate` failed with
"internal error: RecursionError"; about 490 levels crashed `validate` too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import invoke

HEAD = '[offer]\ncompany = "A"\n[salary]\nbase = 100000\n'


def _deep(tmp_path: Path, levels: int, plugin: str = "pay_range") -> Path:
    path = tmp_path / f"deep{levels}.toml"
    path.write_text(HEAD + f"[plugins.{plugin}{'.a' * levels}]\nx = 1\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("levels", [31, 250, 490, 2000])
@pytest.mark.parametrize("command", ["validate", "compare", "negotiate"])
def test_deep_tables_are_one_clean_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, levels: int,
                                         command: str) -> None:
    monkeypatch.setenv("OFFERCHECK_LOAD_PLUGINS", "pay_range")  # the plugin whose settings table it is
    path = _deep(tmp_path, levels)
    code, out, err = invoke(command, str(path))
    assert code == 1, (out, err)
    field = "plugins.pay_range" + ".a" * 31  # the first table deeper than 32: the 33rd level
    assert err == f"Error: {path}: {field}: tables and arrays nested more than 32 deep\n"


@pytest.mark.parametrize("command", ["validate", "compare"])
def test_deep_tables_of_an_unloaded_plugin_too(tmp_path: Path, command: str) -> None:
    path = _deep(tmp_path, 250, plugin="nosuch")
    code, _, err = invoke(command, str(path), *(["--without", "location"] if command == "compare" else []))
    assert code == 1
    assert err.startswith(f"Error: {path}: plugins.nosuch.a.a.") and err.endswith("nested more than 32 deep\n")


def test_deep_arrays_are_bounded_too(tmp_path: Path) -> None:
    path = tmp_path / "arrays.toml"
    path.write_text(HEAD + "[plugins.zz]\nx = " + "[" * 40 + "]" * 40 + "\n", encoding="utf-8")
    code, _, err = invoke("validate", str(path))
    assert code == 1
    assert err == f"Error: {path}: plugins.zz.x{'[0]' * 30}: tables and arrays nested more than 32 deep\n"


def test_32_levels_are_read(tmp_path: Path) -> None:
    path = _deep(tmp_path, 30)  # plugins.pay_range and 30 more: 32 levels
    code, _, err = invoke("validate", str(path))
    # Read and checked: the table is refused for what it is (no such plugin loaded here), not for its depth.
    assert code == 1 and "nested" not in err and "no plugin named 'pay_range' is loaded" in err, err


def test_a_deep_benchmark_file_is_a_clean_error(tmp_path: Path) -> None:
    bench = tmp_path / "bench.toml"
    bench.write_text("[meta" + ".a" * 300 + "]\nx = 1\n", encoding="utf-8")
    offer = tmp_path / "offer.toml"
    offer.write_text(HEAD, encoding="utf-8")
    code, _, err = invoke("compare", str(offer), "--benchmarks", str(bench))
    assert code == 1
    assert err == f"Error: {bench}: meta{'.a' * 32}: tables and arrays nested more than 32 deep\n"
