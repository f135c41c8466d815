"""A tax regime plugin's answer is checked before it is used: a bad one is a plugin error, never NaN or a net
above the gross."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from offercheck.cli.main import main
from tests.conftest import EXAMPLES

OFFER = str(EXAMPLES / "bigtech-sf.toml")

REGIME = """
import math
from offercheck import hookimpl
from offercheck import TaxLine, TaxResult

@hookimpl
def offercheck_estimate_tax(offer, year_pay, tax_year):
    return {answer}
"""

HOOK = "Error: plugin 'bad' failed in offercheck_estimate_tax: "
CASES = {
    "nan": ("TaxResult('US', None, tax_year, 'USD', (TaxLine('t', math.nan, 'income', 's'),), ())",
            "tax line 't': amount must be a finite number >= 0, got nan"),
    # A negative tax of 1e9 would make net pay four times the gross.
    "negative": ("TaxResult('US', None, tax_year, 'USD', (TaxLine('t', -1e9, 'income', 's'),), ())",
                 "tax line 't': amount must be a finite number >= 0, got -1000000000.0"),
    "none_amount": ("TaxResult('US', None, tax_year, 'USD', (TaxLine('t', None, 'income', 's'),), ())",
                    "tax line 't': amount must be a finite number >= 0, got None"),
    "none_lines": ("TaxResult('US', None, tax_year, 'USD', None, ())",
                   "TaxResult.lines must be a tuple of offercheck.tax.TaxLine"),
    "currency": ("TaxResult('US', None, tax_year, 'ZZZ', (TaxLine('t', 1.0, 'income', 's'),), ())",
                 "TaxResult.currency 'ZZZ' is not a known currency"),
    "above_pay": ("TaxResult('US', None, tax_year, 'USD', (TaxLine('t', 1e12, 'income', 's'),), ())",
                  "taxes of 1,000,000,000,000.00 USD exceed the year's pay"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_tax_answer_names_the_plugin(case: str, fake_plugin: Callable[..., None],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    answer, message = CASES[case]
    fake_plugin("bad", REGIME.format(answer=answer))
    with pytest.raises(SystemExit) as info:
        main(["compare", OFFER, "--after-tax", "--format", "json"])
    out, err = capsys.readouterr()
    assert info.value.code == 1 and out == ""
    assert err.startswith(HOOK + message) and err.count("\n") == 1
