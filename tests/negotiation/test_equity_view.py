"""One equity view per comparison (DESIGN sections 4-5, issue 25): a private grant without the risk inputs puts
every private grant of the comparison at paper, with a note; risk holds only where every private grant has them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from offercheck.api import evaluate
from offercheck.offer.loading import load_offer
from offercheck.offer.models import Offer
from offercheck.pay.equity_view import shared_view

Write = Callable[..., Path]

PRIVATE = """[offer]
company = "{company}"
[company]
public = false
[salary]
base = 150000
[equity]
kind = "options"
shares = 40000
strike = 2
fmv = 10
vesting = "4y-cliff-1y"
{extra}
"""
RISK = "liquidity_probability = 0.25\ndilution_percent_per_round = 20\nrounds_to_exit = 1\n"
PUBLIC = ('[offer]\ncompany = "Bigco"\n[company]\npublic = true\n[salary]\nbase = 180000\n'
          "[equity]\ngrant_value = 100000\n")


def offer(write_offer: Write, company: str, extra: str = "") -> Offer:
    return load_offer(write_offer(PRIVATE.format(company=company, extra=extra), f"{company}.toml"))


def test_one_grant_without_a_liquidity_probability_puts_every_private_grant_at_paper(write_offer: Write) -> None:
    careful, vague = offer(write_offer, "Careful", RISK), offer(write_offer, "Vague")
    public = load_offer(write_offer(PUBLIC, "bigco.toml"))
    v = shared_view([careful, vague, public])
    assert v.view == "paper" and v.lacking == ("Vague",)
    assert v.note == ("all 2 private grants are valued at paper, not at risk: Vague gives no "
                      "equity.liquidity_probability, and one comparison uses one view")
    # Evaluated in that one view, the careful user's grant is no longer discounted against the other's paper:
    # 40,000 x (10 - 2) = 320,000 each over 4 years.
    a, b = (evaluate(o, years=4, **{_view_kwarg(): v.view}) for o in (careful, vague))
    assert a.component_total("equity") == b.component_total("equity") == pytest.approx(320000)


def test_every_private_grant_with_its_inputs_keeps_the_risk_view(write_offer: Write) -> None:
    v = shared_view([offer(write_offer, "One", RISK), offer(write_offer, "Two", RISK)])
    assert (v.view, v.note, v.lacking) == ("risk", None, ())


def test_paper_asked_is_paper_and_no_private_grant_keeps_what_was_asked(write_offer: Write) -> None:
    assert shared_view([offer(write_offer, "Vague")], "paper").note is None
    public = load_offer(write_offer(PUBLIC, "bigco.toml"))
    assert shared_view([public]) == shared_view([public], "risk")
    assert shared_view([public]).view == "risk" and shared_view([public], "paper").view == "paper"


def test_a_single_private_grant_without_inputs(write_offer: Write) -> None:
    v = shared_view([offer(write_offer, "Vague")])
    assert v.view == "paper" and v.note is not None and v.note.startswith("the private grant is valued at paper")


def _view_kwarg() -> str:
    """``evaluate``'s name for the view: ``equity_view`` today, ``equity`` after the api restructure."""
    import inspect

    return "equity" if "equity" in inspect.signature(evaluate).parameters else "equity_view"
