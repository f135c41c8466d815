"""The employer 401(k) match is paid on the deferral actually made, which 402(g) caps (issue 18)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from offercheck.offer.models import Offer
from offercheck.pay.comp import pay_by_year
from tests.conftest import invoke

# The 2026 elective-deferral limit in src/offercheck/data/tax/us_federal.toml (IRS Notice 2025-67): 24,500.
LIMIT_2026 = 24_500


def _offer(country: str = "US", deferral: float | None = 10, raise_percent: float = 0) -> Offer:
    benefits: dict[str, Any] = {"retirement_match_percent": 6}
    if deferral is not None:
        benefits["employee_401k_percent"] = deferral
    return Offer.model_validate({"offer": {"company": "Acme", "currency": "USD"},
                                 "salary": {"base": 500_000, "annual_raise_percent": raise_percent},
                                 "location": {"country": country}, "benefits": benefits})


def test_match_is_capped_by_the_deferral_limit() -> None:
    # 6% of 500,000 = 30,000; the deferral made is min(10% x 500,000 = 50,000, 24,500) = 24,500.
    years = pay_by_year(_offer(raise_percent=3), 2)
    assert [y.retirement_match for y in years] == [LIMIT_2026, LIMIT_2026]
    assert years[0].benefits == LIMIT_2026


def test_small_deferral_still_caps_the_match() -> None:
    # min(6% x 500,000 = 30,000, 4% x 500,000 = 20,000) = 20,000 (under the limit).
    assert pay_by_year(_offer(deferral=4), 1)[0].retirement_match == 20_000


def test_unknown_deferral_is_still_limited() -> None:
    # Enough for the whole match is assumed, but no one can defer more than 24,500.
    assert pay_by_year(_offer(deferral=None), 1)[0].retirement_match == LIMIT_2026


def test_no_402g_outside_the_us() -> None:
    # A UK pension match has no 402(g): 6% of 500,000.
    assert pay_by_year(_offer(country="GB"), 1)[0].retirement_match == 30_000


def test_through_the_cli(write_offer: Callable[..., Path]) -> None:
    path = write_offer("""
        [offer]
        company = "Acme"
        [salary]
        base = 500000
        [benefits]
        retirement_match_percent = 6
        employee_401k_percent = 10
    """)
    code, out, err = invoke("compare", str(path), "-f", "json", "-y", "1")
    assert code == 0, err
    assert json.loads(out)["offers"][0]["years"][0]["benefits"] == pytest.approx(LIMIT_2026)


def test_the_limit_is_the_tax_engines() -> None:
    """The match reads the same 402(g) figure as --after-tax does, for the year it estimates by default: one
    reader of the figure, which --after-tax uses too."""
    from offercheck.pay.comp import deferral_limit_usd
    from offercheck.tax import aftertax
    from offercheck.tax.engine import LATEST_TAX_YEAR, params

    assert deferral_limit_usd(LATEST_TAX_YEAR) == deferral_limit_usd() == LIMIT_2026
    assert aftertax.deferral_limit_usd is deferral_limit_usd
    for year in (2025, 2026):  # the engine's own reading of the data file agrees
        assert deferral_limit_usd(year) == params("us_federal", year)["retirement"]["elective_deferral_402g"]


def test_a_tax_year_without_tables_is_named_before_the_limit_is_read() -> None:
    from offercheck.api import compare
    from offercheck.errors import PluginError
    from offercheck.plugins.manager import get_plugin_manager
    from offercheck.tax.aftertax import offer_taxes
    from tests.conftest import EXAMPLES

    # The tax step itself (api.compare refuses tax_year=2024 as an argument before any step runs).
    c = compare([EXAMPLES / "bigtech-sf.toml"], market=False)
    e = c.evaluations[0]
    with pytest.raises(PluginError) as info:
        offer_taxes(get_plugin_manager(), e.offer, e.native_years, e.years, currency=c.currency, rates=c.rates,
                    tax_year=2024, filing=None)
    assert info.value.message == ("plugin 'tax_us' failed in offercheck_estimate_tax: UnsupportedTaxYear: tax year "
                                  "2024 is not supported (supported: 2025, 2026)")


def test_a_callers_rates_convert_the_limit() -> None:
    # A CAD-paid US offer with the caller's own table, 1 CAD = 0.50 USD: the 24,500 USD limit is 49,000 CAD, so the
    # match is min(6% x 1,000,000 = 60,000, deferral min(10% x 1,000,000 = 100,000, 49,000)) = 49,000 CAD.
    import datetime as dt

    from offercheck.api import evaluate
    from offercheck.pay.currency import RateTable

    offer = Offer.model_validate({"offer": {"company": "Acme", "currency": "CAD"},
                                  "salary": {"base": 1_000_000}, "location": {"country": "US"},
                                  "benefits": {"retirement_match_percent": 6, "employee_401k_percent": 10}})
    rates = RateTable(dt.date(2026, 1, 1), "test", {"USD": 1.0, "CAD": 0.5})
    e = evaluate(offer, years=1, rates=rates)
    assert e.native_years[0].retirement_match == pytest.approx(49_000)
