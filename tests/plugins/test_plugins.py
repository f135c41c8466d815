"""Plugin discovery and control: entry points, OFFERCHECK_LOAD_PLUGINS, --without, --plugins-dir, replacement."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from offercheck.errors import OffercheckError
from offercheck.plugins.info import plugin_infos
from offercheck.plugins.manager import BUILTIN_PLUGINS, get_plugin_manager

FACTOR = """
from offercheck import Adjustment, hookimpl

@hookimpl
def offercheck_adjust(offer, benchmark):
    return Adjustment(factor="{name}", multiplier={multiplier}, reason="test factor", source="test")
"""


def factor(name: str, multiplier: float = 1.1) -> str:
    return FACTOR.format(name=name, multiplier=multiplier)


def names(pm: object) -> list[str]:
    return [i.name for i in plugin_infos(pm)]  # type: ignore[arg-type]


def test_builtins_are_registered_under_their_own_names() -> None:
    assert names(get_plugin_manager()) == list(BUILTIN_PLUGINS)


def test_entry_point_plugin_is_found_with_its_package_and_version(fake_plugin: Callable[..., None]) -> None:
    fake_plugin("bands", factor("bands"), version="2.3")
    [info] = [i for i in plugin_infos(get_plugin_manager()) if i.name == "bands"]
    assert (info.package, info.version, info.hooks, info.builtin) == (
        "offercheck-bands", "2.3", ("offercheck_adjust",), False)


def test_load_plugins_env_selects_installed_plugins(fake_plugin: Callable[..., None],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    fake_plugin("one", factor("one"))
    fake_plugin("two", factor("two"))
    assert names(get_plugin_manager())[-2:] == ["one", "two"]
    monkeypatch.setenv("OFFERCHECK_LOAD_PLUGINS", " two ,")
    assert names(get_plugin_manager())[-1] == "two" and "one" not in names(get_plugin_manager())
    monkeypatch.setenv("OFFERCHECK_LOAD_PLUGINS", "")  # empty: no installed plugin at all
    assert names(get_plugin_manager()) == list(BUILTIN_PLUGINS)
    monkeypatch.delenv("OFFERCHECK_LOAD_PLUGINS")  # unset: every installed plugin
    assert {"one", "two"} <= set(names(get_plugin_manager()))


def test_without_blocks_builtin_and_installed(fake_plugin: Callable[..., None]) -> None:
    fake_plugin("one", factor("one"))
    loaded = names(get_plugin_manager(without=["location", "one"]))
    assert "location" not in loaded and "one" not in loaded and "role" in loaded


def test_plugins_dir_loads_each_py_file(tmp_path: Path) -> None:
    (tmp_path / "local_factor.py").write_text(factor("local_factor"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a plugin", encoding="utf-8")
    pm = get_plugin_manager(plugins_dirs=[tmp_path])
    [info] = [i for i in plugin_infos(pm) if not i.builtin]
    assert info.name == "local_factor" and info.package == str(tmp_path / "local_factor.py")


def test_nothing_is_imported_from_the_current_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sneaky.py").write_text("raise SystemExit('imported!')", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert names(get_plugin_manager()) == list(BUILTIN_PLUGINS)


def test_plugins_dir_must_be_a_directory(tmp_path: Path) -> None:
    with pytest.raises(OffercheckError, match=f"^plugins_dirs: {tmp_path / 'missing'}: not a directory"):
        get_plugin_manager(plugins_dirs=[tmp_path / "missing"])


def test_a_misspelled_without_is_an_error() -> None:
    with pytest.raises(OffercheckError, match=r"^without: no plugin named 'locaton'; did you mean 'location'"):
        get_plugin_manager(without=["locaton"])
    assert get_plugin_manager(without=["location"]).get_plugin("location") is None


def test_same_name_replaces_the_builtin(fake_plugin: Callable[..., None], tmp_path: Path) -> None:
    fake_plugin("location", factor("location", 1.5))
    pm = get_plugin_manager()
    [info] = [i for i in plugin_infos(pm) if i.name == "location"]
    assert not info.builtin and info.package == "offercheck-location"
    # Only the replacement answers the hook: one location implementation, not two.
    impls = [i.plugin_name for i in pm.hook.offercheck_adjust.get_hookimpls()]
    assert impls.count("location") == 1
    # A --plugins-dir file of the same name replaces it in turn.
    (tmp_path / "location.py").write_text(factor("location", 1.2), encoding="utf-8")
    pm = get_plugin_manager(plugins_dirs=[tmp_path])
    [info] = [i for i in plugin_infos(pm) if i.name == "location"]
    assert info.package == str(tmp_path / "location.py")


def test_builtins_can_be_skipped_for_cheap_discovery(fake_plugin: Callable[..., None]) -> None:
    fake_plugin("one", factor("one"))
    assert names(get_plugin_manager(builtins=False)) == ["one"]
