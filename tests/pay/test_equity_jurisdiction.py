"""A private option grant outside the US: compare says no US-only term (the US Code's ISO rule behind the 90-day
default window, NSO/ISO, 409A) in any format; the US keeps them; GB cites its own rule (HMRC, EMI)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from offercheck.pay.jurisdiction import us_terms
from tests.conftest import invoke

GRANT = """
[offer]
company = "Spree Robotics"
role = "software engineer"
currency = "{currency}"
[location]
city = "{city}"
country = "{country}"
[company]
public = false
[salary]
base = 80000
[equity]
kind = "options"
shares = 10000
strike = 1.0
fmv = 4.0
vesting = "4y-cliff-1y"
liquidity_probability = 0.3
"""
PLACES = {"US": ("Austin", "USD"), "GB": ("London", "GBP"), "DE": ("Berlin", "EUR"), "NL": ("Amsterdam", "EUR")}
# The same words the negotiation tests keep from a company outside the US, and the US default's own citation.
US_ONLY = [r"409A", r"\bISOs?\b", r"\bNSOs?\b", r"\bIRC\b", r"Internal Revenue", r"U\.S\.C\.", r"US Code",
           r"Holloway"]


def _outputs(write_offer: Callable[..., Path], country: str) -> dict[str, str]:
    city, currency = PLACES[country]
    path = write_offer(GRANT.format(city=city, country=country, currency=currency))
    out = {}
    for fmt in ("table", "json", "markdown", "html", "csv"):
        code, text, err = invoke("compare", str(path), "--after-tax", "--leave-after", "18", "--explain", "-f", fmt)
        assert code == 0, err
        out[fmt] = text
    return out


@pytest.mark.parametrize("country", ["DE", "GB", "NL"])
def test_compare_outside_the_us_says_no_us_term(write_offer: Callable[..., Path], country: str) -> None:
    for fmt, text in _outputs(write_offer, country).items():
        found = [w for w in US_ONLY if re.search(w, text)]
        assert not found, f"US-only terms {found} in {fmt} for a company in {country}"


def test_the_uk_default_window_cites_hmrc_and_the_us_one_the_us_code(write_offer: Callable[..., Path]) -> None:
    assert "ETASSUM57050" in _outputs(write_offer, "GB")["table"]
    us = _outputs(write_offer, "US")["table"]
    assert "26 U.S.C. 422" in us and "an NSO's" in us


def test_the_rule_is_the_negotiation_rooms(write_offer: Callable[..., Path]) -> None:
    from offercheck.negotiation.local import local_terms
    from offercheck.offer.loading import load_offer

    for country in PLACES:
        city, currency = PLACES[country]
        offer = load_offer(write_offer(GRANT.format(city=city, country=country, currency=currency)))
        assert us_terms(offer) is local_terms(offer).us is (country == "US")


def test_one_comparison_cites_each_companys_default_window_for_it(write_offer: Callable[..., Path]) -> None:
    """US, DE and GB grants compared together: each default window is cited for its own company (not the last
    one's source for all three), and the US Code's ISO rule only for the US company."""
    paths = []
    for country, (city, currency) in PLACES.items():
        if country == "NL":
            continue
        text = GRANT.format(city=city, country=country, currency=currency).replace("Spree", f"Firm {country}")
        paths.append(str(write_offer(text, name=f"{country}.toml")))
    code, text, err = invoke("compare", *paths, "--wide", "--explain")
    assert code == 0, err
    flat = " ".join(text.split())
    cited = dict(re.findall(r"Default exercise_window_days for (Firm [A-Z]{2}) Robotics: (.*?)(?= Default | Versus|$)",
                            flat))
    assert set(cited) == {"Firm US", "Firm DE", "Firm GB"}, flat
    assert "26 U.S.C. 422" in cited["Firm US"]
    assert "ETASSUM57050" in cited["Firm GB"] and "U.S.C." not in cited["Firm GB"]
    assert cited["Firm DE"].startswith("90 days assumed") and "U.S.C." not in cited["Firm DE"]
