"""Official anchors through ``api.compare``: an offer with no experience given reproduces the shipped official
figures, aged; the place, the remote rule, the ageing and what the cell says. Every expectation is worked out by
hand from data/market/official/*.toml and data/market/indices/*.toml (the suite's today is 2026-12-06).

Shipped medians (annual, local currency, before ageing):
- GB ASHE SOC 2134, UK p50 56,914; no regional 2134 median, so UK 2134 x the region/UK median ratio of SOC 2133
  (UK 60,288): London 74,574 -> 56,914 x 74,574 / 60,288 = 70,400.49; North West (Manchester) 50,685 -> 47,848.43;
  Scotland 49,626 -> 46,848.70. East Midlands publishes its own 2134 median: 49,685.
- CA Job Bank NOC 21231, hourly x 2,080: Toronto ER3530 56.49 -> 117,499.20; Lower Mainland ER5920 (Vancouver)
  62.50 -> 130,000; Montreal ER2440 52.88 -> 109,990.40; Ontario ER35 56.73 -> 117,998.40.
- DE Entgeltatlas KldB 43414, monthly 5,858 x 12 = 70,296 for Deutschland; x the BA Land ratio: Berlin 1.0461
  -> 73,536.65; Bayern 1.0381 -> 72,974.28.

Ageing to 2026-12-06 (each series past its last point carries the last year's growth forward, by days):
- GB AWE from 2024-10-05 (the middle of the ASHE tax year 6 April 2024 - 5 April 2025): 648 + 12 x 51/92 =
  654.65217; to: last 2026-06-15 702.765, a year before 679, 174 days on: 702.765 x (702.765/679)^(174/365) =
  714.38508; factor 714.38508 / 654.65217 = 1.091244.
- CA SEPH from "2023-2024" = 2024-01-01: 1,219.55 + 5.70 x 17/31 = 1,222.67581; to: last 2026-02-15 1,338.24, a year
  before 1,294.74, 294 days on: 1,338.24 x (1,338.24/1,294.74)^(294/365) = 1,374.33877; factor 1.124042.
- DE Nominallohnindex from 2023 = 1 July 2023, 91.052; to: last 1 July 2025 100, a year before 95.969, 523 days
  on: 100 x (100/95.969)^(523/365) = 106.07282; factor 1.164970.
"""

from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path

import pytest

from offercheck import api
from offercheck.market.anchors import provider
from offercheck.market.benchmark_files import load_benchmarks
from offercheck.offer.models import Offer
from tests.conftest import invoke

TODAY = dt.date(2026, 12, 6)
AGED = {"GB": 1.091244, "CA": 1.124042, "DE": 1.164970}
CURRENCY = {"GB": "GBP", "CA": "CAD", "DE": "EUR", "US": "USD", "PL": "PLN"}


def offer(country: str, city: str | None, state: str | None = None, role: str = "software engineer", **extra: object
          ) -> Offer:
    data: dict[str, object] = {"offer": {"company": "Acme", "role": role, "currency": CURRENCY[country]},
                               "location": {"country": country, "city": city, "state": state},
                               "salary": {"base": 60000}}
    for table, values in extra.items():
        data[table] = values
    return Offer.model_validate(data)


def market(o: Offer, as_of: dt.date | None = TODAY) -> object:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a known place: no guess to warn about
        return api.compare([o], as_of=as_of).evaluations[0].market


# The done-means places of issue 23: London, another English region, Scotland, Toronto/Ontario, Vancouver/BC,
# Montreal/Quebec, Berlin, Munich/Bayern; plus a region with its own ONS median and a province.
PLACES = [
    ("GB", "London", None, "London", 70400.49),
    ("GB", "Manchester", None, "North West", 47848.43),
    ("GB", "Edinburgh", None, "Scotland", 46848.70),
    ("GB", "Glasgow", "SCT", "Scotland", 46848.70),
    ("GB", "Nottingham", None, "East Midlands", 49685.0),
    ("CA", "Toronto", "ON", "Toronto", 117499.20),
    ("CA", "Vancouver", "BC", "Lower Mainland", 130000.0),
    ("CA", "Montreal", "QC", "Montréal", 109990.40),
    ("CA", None, "ON", "Ontario", 117998.40),
    ("DE", "Berlin", None, "Berlin", 73536.65),
    ("DE", "Munich", None, "Bayern", 72974.28),
    ("DE", "München", "BY", "Bayern", 72974.28),
]


@pytest.mark.parametrize(("country", "city", "state", "area", "p50"), PLACES)
def test_no_experience_reproduces_the_official_median_aged(country: str, city: str | None, state: str | None,
                                                           area: str, p50: float) -> None:
    m = market(offer(country, city, state))
    b = m.benchmark  # type: ignore[attr-defined]
    assert b.country == country and b.city == area and b.currency == CURRENCY[country]
    assert b.keyed_by == ("occupation", "country", "location") and b.experience is None
    assert b.aged.factor == pytest.approx(AGED[country], abs=1e-6)
    assert m.multiplier == 1.0  # type: ignore[attr-defined]  # software engineer, nothing else said
    # Done means: within 5% of the shipped median once the ageing is taken out; here it is the figure itself.
    got = m.expected_base.p50 / b.aged.factor  # type: ignore[attr-defined]
    assert abs(got / p50 - 1) <= 0.05
    assert got == pytest.approx(p50, rel=1e-6)


def test_the_location_factor_does_not_stack_on_a_regional_anchor() -> None:
    m = market(offer("GB", "London"))
    (loc,) = [a.adjustment for a in m.adjustments if a.adjustment.factor == "location"]  # type: ignore[attr-defined]
    assert loc.multiplier == 1.0 and "in the anchor" in loc.reason


def test_a_remote_gb_job_is_benchmarked_where_the_candidate_lives() -> None:
    remote = {"remote": "remote"}
    home = market(offer("GB", "London", location={"country": "GB", "city": "London", **remote},
                        candidate={"lives_in": "Edinburgh"}))
    assert home.benchmark.city == "Scotland"  # type: ignore[attr-defined]
    assert "where the candidate lives (Scotland)" in home.benchmark.note  # type: ignore[attr-defined]
    assert home.expected_base.p50 == pytest.approx(46848.70 * AGED["GB"], rel=1e-5)  # type: ignore[attr-defined]
    # No home given, or a home abroad: the nation (UK 2134 p50 56,914), said.
    for candidate, said in (({}, "no home area given"), ({"lives_in": "Austin, TX"}, "lives in US")):
        m = market(offer("GB", "London", location={"country": "GB", "city": "London", **remote}, candidate=candidate))
        assert m.benchmark.city is None and said in m.benchmark.note  # type: ignore[attr-defined]
        assert m.expected_base.p50 == pytest.approx(56914 * AGED["GB"], rel=1e-5)  # type: ignore[attr-defined]


def test_a_city_the_table_does_not_know_is_national_and_warned() -> None:
    from offercheck.errors import MarketWarning

    with pytest.warns(MarketWarning, match="unknown city 'Llanfair' and no nation: used national figures"):
        m = api.compare([offer("GB", "Llanfair")], as_of=TODAY).evaluations[0].market
    assert m is not None and m.benchmark.city is None and m.expected_base is not None
    assert m.expected_base.p50 == pytest.approx(56914 * AGED["GB"], rel=1e-5)


def test_the_cell_says_what_the_anchor_includes_and_derives() -> None:
    london = market(offer("GB", "London")).benchmark  # type: ignore[attr-defined]
    assert london.source_title == "ONS ASHE 2025 (provisional)" and london.year == 2025
    assert "scaled by the London/UK median ratio of SOC 2133" in london.note
    assert "derived: p10, p25, p50, p75, p90" in london.note and "includes bonus" in london.note
    berlin = market(offer("DE", "Berlin")).benchmark  # type: ignore[attr-defined]
    assert "one-off payments" in berlin.note and "annual pay = monthly x 12" in berlin.note
    toronto = market(offer("CA", "Toronto", "ON")).benchmark  # type: ignore[attr-defined]
    assert "hourly x 2,080" in toronto.note and toronto.year == 2024


def test_the_market_line_and_json_say_the_ageing(tmp_path: Path) -> None:
    path = tmp_path / "london.toml"
    path.write_text('[offer]\ncompany = "Acme"\nrole = "software engineer"\ncurrency = "GBP"\n'
                    '[location]\ncity = "London"\ncountry = "GB"\n[salary]\nbase = 70000\n', encoding="utf-8")
    code, out, _ = invoke("compare", str(path), "--format", "json")
    assert code == 0
    (o,) = json.loads(out)["offers"]
    assert o["benchmark"]["aged"] == {
        "index": "AWE regular pay", "from": "6 April 2024 to 5 April 2025", "to": "2026-12-06", "factor": 1.091244,
        "source": "ONS, Average Weekly Earnings: regular pay, whole economy, Great Britain, seasonally adjusted "
                  "(KAI7 levels; the points after 2025-06 derived from KAI9 growth)", "extrapolated": True}
    assert o["benchmark"]["base_p50"] == pytest.approx(70400.49 * 1.091244, abs=0.1)
    code, text, _ = invoke("compare", str(path))
    assert "aged x1.091 to 2026-12-06" in " ".join(text.split())  # the short market line
    code, text, _ = invoke("compare", str(path), "--explain")
    flat = " ".join(text.split())
    assert "aged from October 2024 to 2026-12-06 by AWE regular pay x1.091 (extrapolated past 2026-06)" in flat


def test_as_of_moves_the_ageing_and_an_explicit_date_wins(tmp_path: Path) -> None:
    # 2025-06-15 is a published AWE point (679): 679 / 654.65217 = 1.037192, nothing extrapolated.
    m = market(offer("GB", "London"), as_of=dt.date(2025, 6, 15))
    assert m.benchmark.aged.factor == pytest.approx(1.037192, abs=1e-6)  # type: ignore[attr-defined]
    assert not m.benchmark.aged.extrapolated  # type: ignore[attr-defined]
    path = tmp_path / "o.toml"
    path.write_text('[offer]\ncompany = "A"\nrole = "data scientist"\n[location]\ncity = "Austin"\nstate = "TX"\n'
                    '[salary]\nbase = 120000\n', encoding="utf-8")
    for command in ("compare", "negotiate"):
        code, out, err = invoke(command, str(path), "--as-of", "2025-05-15", "--format", "json")
        assert code == 0, err
    code, out, _ = invoke("compare", str(path), "--as-of", "2025-05-15", "--format", "json")
    assert json.loads(out)["offers"][0]["benchmark"]["aged"]["factor"] == 1.0  # May 2025 is 2025-05-15
    assert invoke("compare", str(path), "--as-of", "15/05/2025")[0] == 2


def test_no_official_anchor_elsewhere() -> None:
    # Warsaw: no official anchor is shipped for PL (what is shown instead is the survey's business, issue 23 item 2).
    anchor = provider(TODAY)
    assert anchor(offer("PL", "Warsaw"), load_benchmarks()) is None
    # A role the DE map sends to a code whose quartiles are all above the contribution ceiling: no anchor either.
    assert anchor(offer("DE", "Berlin", role="data manager"), load_benchmarks()) is None
    assert anchor(offer("GB", "London", role="software engineer"), load_benchmarks()) is not None


def test_a_users_own_benchmark_file_speaks_for_every_country(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[meta]\ncurrency = "GBP"\n[[sources]]\nid = "me"\ntitle = "my figures"\nyear = 2026\n'
                    '[[cells]]\ncountry = "GB"\nbase = { p25 = 50000, p50 = 60000, p75 = 70000 }\n',
                    encoding="utf-8")
    m = api.compare([offer("GB", "London")], as_of=TODAY, benchmarks=path).evaluations[0].market
    assert m is not None and m.benchmark.source_title == "my figures" and m.benchmark.aged is None
