"""A broken plugin is named in one clean line (exit 1, no traceback unless --debug) and cannot change offers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from offercheck import Offer, compare, load_offers
from offercheck.cli.main import main
from offercheck.plugins.manager import get_plugin_manager
from tests.conftest import EXAMPLES

OFFER = str(EXAMPLES / "bigtech-sf.toml")
OTHER = str(EXAMPLES / "startup-nyc.toml")


def run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as info:
        main(args)
    code = info.value.code
    return (code if isinstance(code, int) else 1), capsys.readouterr().err


ADJUST = """
import math
from offercheck import Adjustment, hookimpl

@hookimpl
def offercheck_adjust(offer, benchmark):
    {body}
"""

# (plugin body, the one error line expected)
CASES = {
    "raises": ("return 1 / 0",
               "Error: plugin 'raises' failed in offercheck_adjust: ZeroDivisionError: division by zero"),
    "wrong_type": ("return 1.2",
                   "Error: plugin 'wrong_type' failed in offercheck_adjust: returned float, "
                   "expected an Adjustment or None"),
    "nan": ("return Adjustment(factor='nan', multiplier=math.nan, reason='r')",
            "Error: plugin 'nan' failed in offercheck_adjust: invalid Adjustment: multiplier: "
            "Input should be a finite number"),
    "negative": ("return Adjustment(factor='neg', multiplier=-0.5, reason='r')",
                 "Error: plugin 'negative' failed in offercheck_adjust: invalid Adjustment: multiplier: "
                 "Input should be greater than or equal to 0.25"),
    # model_construct() skips validation; every model a hook returns is validated again.
    "constructed": ("return Adjustment.model_construct(factor='c', multiplier=-1.0, reason='r', source='')",
                    "Error: plugin 'constructed' failed in offercheck_adjust: invalid Adjustment: multiplier: "
                    "Input should be greater than or equal to 0.25"),
    "constructed_none": ("return Adjustment.model_construct(factor=None, multiplier=1.0, reason=None)",
                         "Error: plugin 'constructed_none' failed in offercheck_adjust: invalid Adjustment: factor: "
                         "Input should be a valid string; reason: Input should be a valid string"),
    # DESIGN section 3: outside 0.25-4 is a plugin error; 5e-324 would zero the benchmark.
    "tiny": ("return Adjustment.model_construct(factor='t', multiplier=5e-324, reason='r', source='')",
             "Error: plugin 'tiny' failed in offercheck_adjust: invalid Adjustment: multiplier: "
             "Input should be greater than or equal to 0.25"),
    "huge": ("return Adjustment(factor='h', multiplier=4.5, reason='r')",
             "Error: plugin 'huge' failed in offercheck_adjust: invalid Adjustment: multiplier: "
             "Input should be less than or equal to 4"),
    "exits": ("import sys; sys.exit(0)",
              "Error: plugin 'exits' failed in offercheck_adjust: SystemExit: 0"),
    "generator_exit": ("raise GeneratorExit('gone')",
                       "Error: plugin 'generator_exit' failed in offercheck_adjust: GeneratorExit: gone"),
    # A frozen model yields to object.__setattr__: the plugin changed its own copy, so this run goes on (see
    # test_object_setattr_does_not_reach_the_offer); here it then fails on its own terms.
    "setattr_frozen": ("object.__setattr__(offer.salary, 'base', 1.0); return 1 / 0",
                       "Error: plugin 'setattr_frozen' failed in offercheck_adjust: ZeroDivisionError: "
                       "division by zero"),
    "mutates_offer": ("offer.salary.base = 1.0",
                      "Error: plugin 'mutates_offer' failed in offercheck_adjust: invalid Salary: base: "
                      "Instance is frozen"),
    "mutates_table": ("offer.plugins['x'] = {}",
                      "Error: plugin 'mutates_table' failed in offercheck_adjust: TypeError: offer data is read-only"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_failing_factor_is_named_in_one_line(name: str, fake_plugin: Callable[..., None],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    body, expected = CASES[name]
    fake_plugin(name, ADJUST.format(body=body))
    code, err = run_main(["compare", OFFER], capsys)
    assert code == 1
    assert err == expected + "\n"


def test_debug_shows_the_plugins_traceback(fake_plugin: Callable[..., None],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    fake_plugin("raises", ADJUST.format(body="return 1 / 0"))
    code, err = run_main(["--debug", "compare", OFFER], capsys)
    assert code == 1
    assert "Traceback" in err and "return 1 / 0" in err
    assert err.endswith("Error: plugin 'raises' failed in offercheck_adjust: ZeroDivisionError: division by zero\n")


def test_plugin_that_fails_to_import(fake_plugin: Callable[..., None], capsys: pytest.CaptureFixture[str]) -> None:
    fake_plugin("broken", "import offercheck_no_such_dependency\n")
    code, err = run_main(["compare", OFFER], capsys)
    assert code == 1
    assert err == ("Error: plugin 'broken' failed to load: ModuleNotFoundError: "
                   "No module named 'offercheck_no_such_dependency'\n")


def test_plugins_dir_file_that_fails_to_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "syntax.py").write_text("def (:\n", encoding="utf-8")
    code, err = run_main(["compare", OFFER, "--plugins-dir", str(tmp_path)], capsys)
    assert code == 1
    assert err.startswith(f"Error: plugin 'syntax' failed to load: {tmp_path / 'syntax.py'}: SyntaxError: ")
    assert err.count("\n") == 1


def test_misspelled_hook_fails_at_load_with_the_plugin_name(fake_plugin: Callable[..., None],
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    fake_plugin("typo", """
        from offercheck import hookimpl

        @hookimpl
        def offercheck_ajdust(offer, benchmark):
            return None
        """)
    code, err = run_main(["compare", OFFER], capsys)
    assert code == 1
    assert err == ("Error: plugin 'typo' failed to load: unknown hook 'offercheck_ajdust'; "
                   "did you mean 'offercheck_adjust'?\n")


def test_unknown_hook_argument_fails_at_load(fake_plugin: Callable[..., None],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    fake_plugin("badarg", """
        from offercheck import hookimpl

        @hookimpl
        def offercheck_adjust(offer, market):
            return None
        """)
    code, err = run_main(["compare", OFFER], capsys)
    assert code == 1
    assert err.startswith("Error: plugin 'badarg' failed to load: ") and "market" in err


def test_a_plugin_cannot_change_another_offers_data(fake_plugin: Callable[..., None]) -> None:
    """The plugin tries every way in and records what got through; each offer must come out as it went in."""
    fake_plugin("vandal", """
        from offercheck import hookimpl

        GOT_THROUGH = []

        @hookimpl
        def offercheck_adjust(offer, benchmark):
            attempts = {
                "attribute": lambda: setattr(offer.salary, "base", 1.0),
                "table": lambda: setattr(offer, "salary", None),
                "plugins": lambda: offer.plugins.update(x={}),
                "nested": lambda: offer.plugins["pay"].pop("min"),
            }
            for what, attempt in attempts.items():
                try:
                    attempt()
                except Exception:
                    continue
                GOT_THROUGH.append(what)
            return None
        """)
    import fake_offercheck_vandal as vandal  # type: ignore[import-not-found]

    table = {"pay": {"min": 1, "bands": [1, 2]}}
    offers = [Offer.model_validate({**o.model_dump(exclude={"plugins"}), "plugins": table})
              for o in load_offers([OFFER, OTHER])]
    before = [o.model_dump() for o in offers]
    compare(offers, pm=get_plugin_manager())
    assert vandal.GOT_THROUGH == []
    assert [o.model_dump() for o in offers] == before


def test_sys_exit_at_import_is_a_plugin_error(fake_plugin: Callable[..., None],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    fake_plugin("quitter", "import sys\nsys.exit(0)\n")
    code, err = run_main(["compare", OFFER], capsys)
    assert (code, err) == (1, "Error: plugin 'quitter' failed to load: SystemExit: 0\n")


def test_printing_plugins_do_not_corrupt_json(fake_plugin: Callable[..., None],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    import json

    fake_plugin("chatty", """
        from offercheck import hookimpl
        print("loaded chatty")

        @hookimpl
        def offercheck_adjust(offer, benchmark):
            print("adjusting", offer.label)
            return None
        """)
    with pytest.raises(SystemExit) as info:
        main(["compare", OFFER, "--format", "json"])
    out, err = capsys.readouterr()
    assert info.value.code == 0
    assert json.loads(out)["offers"][0]["company"] == "Bigtech Inc."
    assert "loaded chatty" in err and "adjusting" in err


def test_object_setattr_does_not_reach_the_offer(fake_plugin: Callable[..., None]) -> None:
    fake_plugin("sneaky", """
        from offercheck import hookimpl

        @hookimpl
        def offercheck_adjust(offer, benchmark):
            object.__setattr__(offer.salary, "base", 1.0)
            object.__setattr__(benchmark, "n", -5)
            return None
        """)
    offer = load_offers([OFFER])[0]
    base = offer.salary.base
    c = compare([offer], pm=get_plugin_manager())
    assert offer.salary.base == base == c.evaluations[0].offer.salary.base
    assert c.evaluations[0].years[0].base == base  # the pay is the file's, not the plugin's 1.0


@pytest.mark.parametrize("marker", ["wrapper=True", "hookwrapper=True"])
def test_hook_wrappers_are_refused_by_name(marker: str, fake_plugin: Callable[..., None],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    fake_plugin("wrapping", f"""
        from offercheck import hookimpl

        @hookimpl({marker})
        def offercheck_adjust(offer, benchmark):
            return (yield)
        """)
    code, err = run_main(["compare", OFFER], capsys)
    assert code == 1
    assert err.startswith("Error: plugin 'wrapping' failed in offercheck_adjust: hook wrappers ")
    assert err.count("\n") == 1
