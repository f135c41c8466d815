"""A broken plugin is named in one clean line (exit 1, no traceback unless --debug) and cannot change offers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from offercheck import Offer, compare, load_offers
from offercheck.cli.main import main
from offercheck.plugins import get_plugin_manager

from .conftest import EXAMPLES

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
                 "Input should be greater than 0"),
    # model_construct() skips validation; scoring checks the multiplier again.
    "constructed": ("return Adjustment.model_construct(factor='c', multiplier=-1.0, reason='r', source='')",
                    "Error: plugin 'constructed' failed in offercheck_adjust: multiplier must be a positive finite "
                    "number, got -1.0"),
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
