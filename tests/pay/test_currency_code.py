"""A display currency given with spaces or in lower case is normalised, not echoed (issue 18)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from offercheck.api import compare, evaluate
from offercheck.offer.models import Offer
from offercheck.pay.currency import UnknownCurrency, load_rates
from tests.conftest import invoke

RATES = load_rates()


def _offer() -> Offer:
    return Offer.model_validate({"offer": {"company": "Acme", "currency": "USD"}, "salary": {"base": 100000}})


def test_compare_trims_and_upper_cases() -> None:
    c = compare([_offer()], years=1, currency=" gbp ")
    assert c.currency == "GBP" and c.evaluations[0].currency == "GBP"
    # 100,000 USD at the table's own rates, worked out here from usd_per_unit rather than by the code under test.
    assert c.evaluations[0].years[0].base == pytest.approx(100000 * RATES.usd_per_unit["USD"]
                                                           / RATES.usd_per_unit["GBP"])


def test_evaluate_trims_too() -> None:
    assert evaluate(_offer(), years=1, currency="\teur\n").currency == "EUR"


def test_blank_is_an_unknown_currency() -> None:
    # The api names its argument (a ValueError); the rate table's own error is the cause.
    with pytest.raises(ValueError, match=r"^currency: unknown currency") as raised:
        compare([_offer()], years=1, currency="   ", market=False)
    assert isinstance(raised.value.__cause__, UnknownCurrency)


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_through_the_cli(write_offer: Callable[..., Path], fmt: str) -> None:
    path = write_offer()
    code, out, err = invoke("compare", str(path), "--currency", " gbp ", "-f", fmt)
    assert code == 0, err
    if fmt == "json":
        assert json.loads(out)["currency"] == "GBP"
    elif fmt == "csv":
        assert out.splitlines()[1].split(",")[4] == "GBP"
    else:
        assert "(GBP)" in out and "( gbp )" not in out and "( GBP )" not in out


def test_negotiate_through_the_cli(write_offer: Callable[..., Path]) -> None:
    code, out, err = invoke("negotiate", str(write_offer()), "--currency", " gbp ", "-f", "json")
    assert code == 0, err
    assert json.loads(out)["currency"] == "GBP"
