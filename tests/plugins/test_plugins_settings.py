"""`[plugins.NAME]` tables: passed to plugin NAME untouched, validated with the model it declares."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from offercheck.cli.main import cli
from offercheck.errors import OfferFileErrors, PluginError
from offercheck.offer.loading import PluginSettings, load_offer
from offercheck.plugins.calls import offer_settings, settings_models
from offercheck.plugins.manager import get_plugin_manager

BANDS = """
from pydantic import BaseModel, ConfigDict
from offercheck import Adjustment, hookimpl

class Bands(BaseModel):
    model_config = ConfigDict(extra="forbid")
    level: int
    floor: float = 0

@hookimpl
def offercheck_plugin_settings():
    return {"bands": Bands}

@hookimpl
def offercheck_adjust(offer, benchmark):
    table = offer.plugins.get("bands")
    if table is None:
        return None
    bands = Bands.model_validate(table)
    return Adjustment(factor="bands", multiplier=1 + bands.level / 100, reason=f"level {bands.level}",
                      source="internal bands 2026")
"""

OFFER = """
[offer]
company = "Acme"
[salary]
base = 100000
"""


@pytest.fixture
def bands(fake_plugin: Callable[..., None]) -> None:
    fake_plugin("bands", BANDS)


def validate(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["validate", *args])
    return result.exit_code, result.stderr.splitlines()


def test_hook_plugin_settings_declares_the_model(bands: None) -> None:
    models = settings_models(get_plugin_manager())
    assert list(models) == ["bands"] and models["bands"].__name__ == "Bands"


@pytest.mark.usefixtures("bands")
def test_valid_table_reaches_the_plugin(write_offer: Callable[..., Path]) -> None:
    path = write_offer(OFFER + "[plugins.bands]\nlevel = 5\n")
    offer = load_offer(path, settings=offer_settings(get_plugin_manager()))
    assert offer.plugins == {"bands": {"level": 5}}
    result = CliRunner().invoke(cli, ["compare", str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert '"factor": "bands",\n' in result.stdout and '"multiplier": 1.05,' in result.stdout  # 1 + 5/100


@pytest.mark.usefixtures("bands")
def test_errors_name_file_and_field(write_offer: Callable[..., Path]) -> None:
    path = write_offer(OFFER + '[plugins.bands]\nlevel = "five"\nflor = 3\n')
    assert validate(str(path)) == (1, [
        f"Error: {path}: plugins.bands.level: Input should be a valid integer, unable to parse string as an integer",
        f"Error: {path}: plugins.bands.flor: unknown key; did you mean 'floor'?",
    ])


@pytest.mark.usefixtures("bands")
def test_unknown_plugin_table_is_an_error(write_offer: Callable[..., Path]) -> None:
    path = write_offer(OFFER + "[plugins.band]\nlevel = 5\n[plugins.payroll]\n")
    assert validate(str(path)) == (1, [
        f"Error: {path}: plugins.band: no plugin named 'band' is loaded; did you mean 'bands'?",
        f"Error: {path}: plugins.payroll: no plugin named 'payroll' is loaded "
        "(install it, or see `offercheck plugins`)",
    ])


@pytest.mark.usefixtures("bands")
def test_blocked_plugin_keeps_its_table_without_error(write_offer: Callable[..., Path]) -> None:
    path = write_offer(OFFER + '[plugins.bands]\nlevel = "not checked when the plugin is off"\n')
    assert validate(str(path), "--without", "bands") == (0, [])


def test_plugin_without_a_model_gets_its_table_untouched(write_offer: Callable[..., Path], tmp_path: Path) -> None:
    plugins = tmp_path / "p"
    plugins.mkdir()
    (plugins / "notes.py").write_text("", encoding="utf-8")
    path = write_offer(OFFER + '[plugins.notes]\nanything = ["goes", 1]\n')
    offer = load_offer(path, settings=offer_settings(get_plugin_manager(plugins_dirs=[plugins])))
    assert offer.plugins == {"notes": {"anything": ("goes", 1)}}  # frozen: arrays arrive as tuples


def test_without_a_plugin_manager_tables_are_not_checked(write_offer: Callable[..., Path]) -> None:
    path = write_offer(OFFER + "[plugins.anything]\nx = 1\n")
    assert load_offer(path).plugins == {"anything": {"x": 1}}


def test_a_library_user_passes_the_models_alone(write_offer: Callable[..., Path]) -> None:
    """Offer loading knows no plugin manager: a caller gives it the models by table name (or PluginSettings)."""
    from pydantic import BaseModel, ConfigDict

    class Level(BaseModel):
        model_config = ConfigDict(extra="forbid")
        level: int

    good, bad = write_offer(OFFER + "[plugins.bands]\nlevel = 5\n", "good.toml"), write_offer(
        OFFER + '[plugins.bands]\nlevel = "x"\n[plugins.other]\n', "bad.toml")
    assert load_offer(good, settings={"bands": Level}).plugins == {"bands": {"level": 5}}
    with pytest.raises(OfferFileErrors) as info:
        load_offer(bad, settings={"bands": Level})
    assert [(e.field, e.detail) for e in info.value.errors] == [
        ("plugins.bands.level", "Input should be a valid integer, unable to parse string as an integer"),
        ("plugins.other", "no plugin named 'other' is loaded (install it, or see `offercheck plugins`)")]
    # A loaded plugin without a model takes its table as it is; a blocked one keeps it unchecked.
    loaded = PluginSettings({"bands": Level}, loaded=frozenset({"other"}))
    assert load_offer(good, settings=loaded).plugins == {"bands": {"level": 5}}
    assert load_offer(bad, settings=PluginSettings(blocked=frozenset({"bands", "other"}))).plugins


def test_the_settings_hook_is_asked_only_for_a_file_with_a_table(fake_plugin: Callable[..., None],
                                                                  write_offer: Callable[..., Path]) -> None:
    fake_plugin("counted", """
        from offercheck import hookimpl

        CALLS = []

        @hookimpl
        def offercheck_plugin_settings():
            CALLS.append(1)
            return {}
        """)
    import fake_offercheck_counted as counted  # type: ignore[import-not-found]

    settings = offer_settings(get_plugin_manager())
    load_offer(write_offer(OFFER, "plain.toml"), settings=settings)
    assert counted.CALLS == []
    load_offer(write_offer(OFFER + "[plugins.counted]\nx = 1\n", "table.toml"), settings=settings)
    load_offer(write_offer(OFFER + "[plugins.counted]\nx = 2\n", "again.toml"), settings=settings)
    assert counted.CALLS == [1]  # asked once, when a file first had a table


@pytest.mark.parametrize(("text", "error"), [
    ("plugins = 5\n", "plugins: Input should be a valid dictionary"),
    ("[plugins]\nbands = 5\n", "plugins.bands: Input should be a valid dictionary"),
])
def test_plugins_must_be_tables(write_offer: Callable[..., Path], text: str, error: str) -> None:
    path = write_offer(text + OFFER)
    assert validate(str(path)) == (1, [f"Error: {path}: {error}"])


def test_bad_settings_declaration_names_the_plugin(fake_plugin: Callable[..., None]) -> None:
    fake_plugin("sloppy", """
        from offercheck import hookimpl

        @hookimpl
        def offercheck_plugin_settings():
            return {"sloppy": dict}
        """)
    with pytest.raises(PluginError) as info:
        settings_models(get_plugin_manager())
    assert info.value.message == ("plugin 'sloppy' failed in offercheck_plugin_settings: returned "
                                  "{'sloppy': <class 'dict'>}, expected a dict of table name to pydantic model")
