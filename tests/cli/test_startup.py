"""What a plain `compare` run imports and reads: start-up is paid per command, so it pays only for what it uses."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import invoke

REPO = Path(__file__).resolve().parents[2]


PLAIN = ["compare", "examples/bigtech-sf.toml", "examples/startup-nyc.toml"]


def _after(args: list[str], imports: str, expression: str) -> str:
    """What ``expression`` is (its str) in a fresh process after ``offercheck ARGS`` ran there, with ``imports``."""
    code = textwrap.dedent(f"""
        import sys
        from offercheck.cli.main import main
        {imports}
        try:
            main({args!r})
        except SystemExit:
            pass
        print({expression}, file=sys.stderr)
    """)
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    return done.stderr.strip().splitlines()[-1]


def _modules_after(args: list[str], prefixes: tuple[str, ...]) -> list[str]:
    shown = _after(args, "", f"sorted(m for m in sys.modules if m.startswith({prefixes!r}))")
    names: list[str] = ast.literal_eval(shown)
    return names


def test_plain_compare_imports_no_negotiation_or_leave_early_code() -> None:
    heavy = ("offercheck.negotiation", "offercheck.pay.leave_early", "offercheck.render.sections.leave_early")
    assert _modules_after(PLAIN, heavy) == []
    # The sections are still there when asked for: --leave-after imports what it needs.
    assert "offercheck.render.sections.leave_early" in _modules_after([*PLAIN, "--leave-after", "12"], heavy)


def test_plain_compare_imports_no_section_of_a_step_it_did_not_run() -> None:
    steps = ("offercheck.render.sections.current", "offercheck.render.sections.taxes",
             "offercheck.render.sections.real", "offercheck.pay.current", "offercheck.tax", "offercheck.real")
    # The tax registry is a table the plugin manager reads to register the built-in regimes: no tax code.
    light = {"offercheck.tax", "offercheck.tax.registry"}
    assert [m for m in _modules_after(PLAIN, steps) if m not in light] == []
    asked = _modules_after([*PLAIN, "--current", "examples/current/current-job.toml", "--after-tax", "--real"], steps)
    assert set(steps[:4]) <= set(asked)


def test_plain_compare_imports_only_its_own_command_module() -> None:
    cli_modules = _modules_after(["compare", "examples/bigtech-sf.toml", "examples/startup-nyc.toml"],
                                 ("offercheck.cli.",))
    others = {"offercheck.cli.negotiate", "offercheck.cli.files", "offercheck.cli.benchmarks", "offercheck.cli.plugins"}
    assert "offercheck.cli.compare" in cli_modules and not others & set(cli_modules)


def test_help_still_lists_every_builtin_command() -> None:
    code, out, _ = invoke("--help")
    assert code == 0
    listed = out.split("Commands:")[1]
    names = {line.split()[0] for line in listed.splitlines() if line.strip()}
    # The nine commands of the README's command reference.
    assert {"compare", "negotiate", "validate", "new", "schema", "benchmarks", "plugins", "factors",
            "plugin"} <= names


def test_public_offers_do_not_import_the_private_equity_engine() -> None:
    engine = "offercheck.pay.equity"
    # Both files say `public = true`: their grants are valued at paper, so the engine is never needed.
    public = _modules_after(["compare", "examples/bigtech-sf.toml", "examples/bank-toronto.toml"], ("offercheck.pay",))
    assert "offercheck.pay.comp" in public and engine not in public
    # startup-nyc.toml is `public = false`: its risk view needs the engine, which is then imported.
    assert engine in _modules_after(["compare", "examples/bigtech-sf.toml", "examples/startup-nyc.toml"], (engine,))


def test_packaged_tables_are_parsed_once_and_shared() -> None:
    from offercheck.datafiles import packaged_toml
    from offercheck.market import premia
    from offercheck.market.anchors import bls
    from offercheck.market.benchmark_files import load_factor_tables
    from offercheck.places import bls_areas

    assert bls._load("bls_anchor") is premia._load("bls_anchor")
    assert bls_areas().areas is premia._load("bls_anchor")["areas"]  # the places room reads the same parse
    # The offer checks (unknown industry) read factors.toml through packaged_toml, as the factors do.
    assert load_factor_tables()["industry"] is packaged_toml("factors.toml")["industry"]


def test_main_gives_back_the_garbage_collector_as_it_found_it() -> None:
    # main() pauses the collector for the run (start-up); a caller in the same process, like this test, must get
    # it back as it was, on success and on error.
    import gc

    from offercheck.cli.main import main

    for args, expected_code in ((["--version"], 0), (["compare", "no-such-file.toml"], 1)):
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            try:
                main(args)
            except SystemExit as e:
                assert e.code == expected_code
            finally:
                state = gc.isenabled()
                gc.enable()
            assert state is enabled
    gc.unfreeze()  # what main froze goes back to the normal generations


def test_plain_compare_imports_no_difflib_and_builds_no_equity_serializer() -> None:
    # difflib is for "did you mean" on a miss (an unknown key, industry, plugin, currency): none here. The
    # warnings' look at [equity] reads two numbers off the model, not model_dump (which built Equity's
    # serializer, about 2 ms of every start-up with a grant).
    assert _modules_after(PLAIN, ("difflib",)) == []
    assert _after(PLAIN, "from offercheck.offer.models import Equity",
                  "type(Equity.__pydantic_serializer__).__name__") == "MockValSer"
    # A miss still suggests: an unknown industry is "did you mean" as before.
    from offercheck.offer.checks import likely_mistakes
    from offercheck.offer.models import Offer

    offer = Offer.model_validate({"offer": {"company": "Acme"}, "salary": {"base": 100000},
                                  "company": {"industry": "fintek"}})
    assert any("did you mean" in str(p) for p in likely_mistakes(offer, "x.toml"))


def test_plain_compare_creates_no_class_it_does_not_use(tmp_path: Path) -> None:
    # A frozen dataclass costs about half a millisecond to create on Python 3.11 (each generated method is compiled):
    # those a plain compare never instantiates live in modules of their own, imported when needed: the plugin
    # listing, an offer with no market, a grant's exit scenarios and exercise cash, the survey cells of countries
    # with no official anchor.
    lazy = ("offercheck.plugins.info", "offercheck.market.no_market", "offercheck.pay.equity_cases",
            "offercheck.market.country_cells")
    assert _modules_after(PLAIN, lazy) == []
    # Each is imported when it is needed.
    poland = tmp_path / "pl.toml"
    poland.write_text('[offer]\ncompany = "Acme"\n[location]\ncountry = "PL"\n[salary]\nbase = 200000\n')
    assert "offercheck.market.no_market" in _modules_after(["compare", str(poland)], lazy)
    assert "offercheck.pay.equity_cases" in _modules_after([*PLAIN, "--leave-after", "12"], lazy)
    assert "offercheck.plugins.info" in _modules_after(["plugins"], lazy)


def test_plain_compare_of_countries_with_subdivisions_reads_no_country_list() -> None:
    # The place checks know a country with a subdivision table (US, CA, GB, DE) without the list of every country
    # (prices.toml: 254 Country objects); the list is read for any other country, and holds the four.
    from offercheck.places import all_countries
    from offercheck.places.subdivisions import _TABLES

    assert set(_TABLES) <= set(all_countries())
    assert _after(PLAIN, "from offercheck.places import countries", "countries._countries.cache_info().currsize") == "0"


def test_pydantic_models_on_the_start_up_path_have_evaluated_annotations() -> None:
    # With `from __future__ import annotations` every field's annotation is a string that pydantic compiles and
    # evaluates when the class is created (about 1.5 ms for the offer models alone); without it Python evaluates
    # them as the class body runs. The schemas are the same either way (the golden files hold `offercheck schema`).
    src = REPO / "src" / "offercheck"
    for module in ("offer/models.py", "market/adjustments.py", "market/quantiles.py", "market/schema.py",
                   "market/benchmarks.py"):
        assert "from __future__ import annotations" not in (src / module).read_text(encoding="utf-8"), module


def test_plugin_modules_register_the_hook_implementations_pluggy_finds() -> None:
    # The manager skips, before pluggy's static lookup, every module attribute that is no routine: the same hook
    # implementations are registered as with pluggy's own parse_hookimpl_opts.
    import pluggy

    from offercheck.plugins import manager

    def impls(pm: pluggy.PluginManager) -> list[tuple[str, str, str, str]]:
        return sorted((caller.name, impl.plugin_name, impl.function.__qualname__, repr(impl.opts))
                      for caller in vars(pm.hook).values() if isinstance(caller, pluggy.HookCaller)
                      for impl in caller.get_hookimpls())

    ours = impls(manager.get_plugin_manager())
    original = manager.PluginManager.parse_hookimpl_opts
    try:
        manager.PluginManager.parse_hookimpl_opts = pluggy.PluginManager.parse_hookimpl_opts  # type: ignore[method-assign]
        assert impls(manager.get_plugin_manager()) == ours
    finally:
        manager.PluginManager.parse_hookimpl_opts = original  # type: ignore[method-assign]
    assert {"offercheck_adjust", "offercheck_estimate_tax"} <= {hook for hook, *_ in ours}


def test_equity_defaults_are_read_through_the_data_cache() -> None:
    # A private grant's defaults table was parsed by tomllib on every run (about a millisecond); it is now a
    # packaged table like the others: parsed once, cached as JSON across runs, the same mapping.
    from offercheck.datafiles import packaged_toml
    from offercheck.pay import equity

    assert equity._packaged() is packaged_toml("equity_defaults.toml")
    assert equity.load_defaults().get("rounds_to_exit").evidence in {"published", "weak", "none"}


def test_plain_compare_compiles_no_markdown_escape() -> None:
    # The five patterns that escape user text in markdown are compiled when markdown is first written, not when
    # render.common is imported by a table run (about half a millisecond).
    escapes = _after(PLAIN, "from offercheck.render import common", "common._markdown_escapes.cache_info().currsize")
    assert escapes == "0"
    from offercheck.render.common import markdown_text

    assert markdown_text("[a] *b*") == r"\[a\] \*b\*"


def test_us_anchor_benchmarks_are_built_without_validation_and_equal_validated_ones() -> None:
    # The BLS anchor's Benchmark is made with model_construct: a plain compare of US offers never builds
    # Benchmark's validator (nor imports pydantic's dataclass support for its `aged` field)...
    shown = _after(PLAIN, "from offercheck.market.benchmarks import Benchmark",
                   'type(Benchmark.__pydantic_validator__).__name__, "pydantic.dataclasses" in sys.modules')
    assert shown == "MockValSer False"
    # ...and what it constructs is what validating the same fields gives.
    import datetime as dt

    from offercheck.market.anchors.bls import bls_provider
    from offercheck.market.benchmark_files import load_benchmarks
    from offercheck.market.benchmarks import Benchmark
    from offercheck.offer.loading import load_offers

    offers = load_offers([str(REPO / "examples" / name) for name in ("bigtech-sf.toml", "startup-nyc.toml")])
    for offer in offers:
        for as_of in (None, dt.date(2026, 12, 6)):
            found = bls_provider(offer, load_benchmarks(), as_of)
            assert found is not None and found.aged is not None
            validated = Benchmark.model_validate(dict(found))
            assert validated == found and validated.model_dump() == found.model_dump()
