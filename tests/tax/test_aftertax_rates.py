"""Taxes follow the caller's exchange rates: wages are converted to the regime's currency with the same table."""

from __future__ import annotations

import datetime as dt

import pytest

from offercheck.api import compare
from offercheck.offer.models import Offer
from offercheck.pay.currency import RateTable, load_rates
from offercheck.plugins.manager import get_plugin_manager
from offercheck.tax.registry import estimate_tax

# Paid in CAD, taxed in Texas (no state income tax): the regime needs the pay in USD.
OFFER = Offer.model_validate({"offer": {"company": "Acme", "currency": "CAD"}, "salary": {"base": 200_000},
                              "location": {"city": "Austin", "state": "TX", "country": "US"}})


def test_a_custom_rate_table_is_the_one_taxes_are_computed_with() -> None:
    # The caller says a CAD is worth a USD: the wage taxed is 200,000 USD, whatever the packaged rates say.
    par = RateTable(dt.date(2026, 1, 1), "test: CAD at par", {"USD": 1.0, "CAD": 1.0})
    assert load_rates().rate("CAD", "USD") != pytest.approx(1.0)  # else the test could not tell the tables apart
    pm = get_plugin_manager(entry_points=False)
    c = compare([OFFER], years=1, currency="USD", rates=par, after_tax=True, tax_year=2026, pm=pm, market=False)
    taxes = c.evaluations[0].taxes
    assert taxes is not None
    expected = estimate_tax(country="US", subdivision="TX", city="Austin", filing_status="single", tax_year=2026,
                            wages=200_000)
    assert taxes.years[0].total == pytest.approx(expected.total)
    assert taxes.nets[0] == pytest.approx(200_000 - expected.total)
