"""Issue 23 (m-premia): the rules for relative, survey-based figures, end to end through ``api.compare`` and the CLI.

Each expectation is computed by hand from the shipped tables (data/market/premia.json, benchmarks.toml), the
arithmetic in the comments: one more year never lowers p50 nor raises it by more than 8%; a country with no cell of
its own has no benchmark in any format; company size and the typical degree do not mark the typical candidate at a
large employer down; an offer is scored on its base where no total benchmark exists, the cash line beside it.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import math
from pathlib import Path
from typing import Any

import pytest

from offercheck.api import compare
from offercheck.market.position import percentile_of
from offercheck.market.premia import experience_curve
from offercheck.offer.models import Offer
from offercheck.plugins.manager import get_plugin_manager
from tests.conftest import REPO, invoke

PM = get_plugin_manager()


def offer(base: float, country: str, city: str, *, years: float | None = None, currency: str = "USD",
          role: str = "software engineer", **tables: dict[str, Any]) -> Offer:
    data: dict[str, Any] = {
        "offer": {"company": "X", "role": role, "currency": currency},
        "candidate": {} if years is None else {"years_experience": years},
        "location": {"country": country, "city": city},
        "salary": {"base": base},
    }
    for name, values in tables.items():
        data[name] = {**data.get(name, {}), **values}
    return Offer.model_validate(data)


def market(o: Offer) -> Any:
    return compare([o], pm=PM).evaluations[0].market


# --- experience: one smooth curve ------------------------------------------------------------------------


@pytest.mark.parametrize(("country", "city", "currency"), [
    ("US", "Seattle", "USD"), ("GB", "London", "GBP"), ("CA", "Toronto", "CAD")])
def test_one_more_year_never_lowers_p50_nor_raises_it_more_than_8_percent(country: str, city: str,
                                                                            currency: str) -> None:
    p50 = [market(offer(100_000, country, city, years=y, currency=currency)).expected_base.p50 for y in range(21)]
    steps = [b / a for a, b in itertools.pairwise(p50)]
    assert all(1.0 <= s <= 1.08 + 1e-12 for s in steps), (country, [round(s, 4) for s in steps])


def test_the_old_band_edges_are_smooth() -> None:
    # Seattle: the US curve, x0.762 at 1.5y, x0.9039 at 4.5y, x1.0914 at 8y, x1.3651 at 13y, log-linear between:
    # 2 -> 3 years (both between 1.5 and 4.5): (0.9039 / 0.762) ** (1 / 3) = 1.0586 (was x1.19 at the band edge);
    # 5 -> 6 years: (1.0914 / 0.9039) ** (1 / 3.5) = 1.0553 (was x1.21); 9 -> 10: (1.3651 / 1.0914) ** (1 / 5) =
    # 1.0458 (was x1.25).
    def p50(y: float) -> float:
        return float(market(offer(100_000, "US", "Seattle", years=y)).expected_base.p50)

    assert p50(3) / p50(2) == pytest.approx((0.9039 / 0.762) ** (1 / 3), abs=1e-4)
    assert p50(6) / p50(5) == pytest.approx((1.0914 / 0.9039) ** (1 / 3.5), abs=1e-4)
    assert p50(10) / p50(9) == pytest.approx((1.3651 / 1.0914) ** (1 / 5), abs=1e-4)
    # London 2 -> 3 years (was x1.78 between the survey's band cells): GB's own curve, x0.7646 at 1.5y and
    # x0.9144 at 4.5y: (0.9144 / 0.7646) ** (1 / 3) = 1.0614.
    london = [market(offer(80_000, "GB", "London", years=y, currency="GBP")).expected_base.p50 for y in (2, 3)]
    assert london[1] / london[0] == pytest.approx((0.9144 / 0.7646) ** (1 / 3), abs=1e-4)


def test_no_experience_given_leaves_the_benchmark_as_is() -> None:
    m = market(offer(100_000, "US", "Seattle"))
    assert all(a.adjustment.factor != "experience" for a in m.adjustments)
    assert experience_curve("US").multiplier(6) == pytest.approx(0.97995, abs=1e-4)


# --- no cell of its own: no benchmark, in every format ---------------------------------------------------

WARSAW = """[offer]
company = "Vistula Tech"
role = "software engineer"
currency = "PLN"
[candidate]
years_experience = 8
[location]
city = "Warsaw"
country = "PL"
[salary]
base = 312000
"""


@pytest.fixture
def warsaw(tmp_path: Path) -> Path:
    path = tmp_path / "warsaw.toml"
    path.write_text(WARSAW, encoding="utf-8")
    return path


def test_warsaw_has_no_benchmark_in_any_compare_format(warsaw: Path) -> None:
    # PL: 23 usable PLN rows in the survey (< 30), no official anchor: no cell of its own. It was scored p10
    # against an all-countries table in USD; now it has no benchmark and no score, and every format says so.
    sf = REPO / "examples" / "bigtech-sf.toml"
    for fmt in ("table", "markdown", "csv", "html", "json"):
        code, out, err = invoke("compare", str(warsaw), str(sf), "--format", fmt)
        assert code == 0, err
        assert "no market data for PL" in out, fmt
    doc = json.loads(invoke("compare", str(warsaw), str(sf), "--format", "json")[1])
    pl = next(o for o in doc["offers"] if o["company"] == "Vistula Tech")
    assert pl["benchmark"] is None and pl["score"] is None and pl["market_note"] == "no market data for PL"
    us = next(o for o in doc["offers"] if o["company"] != "Vistula Tech")
    assert us["benchmark"] is not None and us["score"]["basis"] == "base"
    rows = list(csv.DictReader(io.StringIO(invoke("compare", str(warsaw), str(sf), "--format", "csv")[1])))
    assert {r["market"] for r in rows if r["company"] == "Vistula Tech"} == {"no market data for PL"}
    assert {r["score"] for r in rows if r["company"] == "Vistula Tech"} == {""}
    table = invoke("compare", str(warsaw), "--format", "table")[1]
    assert "p10" not in table.split("Versus the market")[1].split("\n\n")[1]  # the table row has no percentile


def test_warsaw_compare_and_negotiate_agree(warsaw: Path) -> None:
    for fmt in ("text", "markdown", "json", "html"):
        code, out, err = invoke("negotiate", str(warsaw), "--format", fmt)
        assert code == 0, err
        assert "no market data for PL" in out, fmt
        assert "no benchmark for PL" not in out
    # The email a person can send claims nothing about a market there is no data for.
    email = invoke("negotiate", str(warsaw), "--format", "email")[1]
    # (With nothing to ask, the draft closes or, as here, asks its questions: whether a bonus is paid.)
    assert "market" not in email and "it works for me" in email and "Before I sign, I have a few questions" in email
    doc = json.loads(invoke("negotiate", str(warsaw), "--format", "json")[1])
    # No ask from the market: the base stays the offer's, and no base point is made.
    assert doc["counter"]["base"] == 312_000 and all(p["topic"] != "base" for p in doc["talking_points"])


def test_a_thin_in_cell_does_not_drive_an_ask() -> None:
    # An IN machine learning engineer (7 years, INR 4.5M) was asked INR 5.4M (the 20% cap) from an IN 6-9 cell of
    # 5 rows at a p60 of INR 8.4M. The IN cell of machine learning engineers now has 2 INR rows of its own, shrunk
    # toward the 32-row IN all-roles cell with weight 2 / (2 + 10) = 0.17, and the experience curve moves it:
    # 7 years on the non-US curve, t = (7 - 4.5) / 3.5, 0.9214 x (1.1702 / 0.9214) ** t = 1.0944.
    m = market(offer(4_500_000, "IN", "Bangalore", years=7, currency="INR", role="machine learning engineer"))
    b = m.benchmark
    assert b.n == 2 and b.borrowed_from is not None and b.borrowed_from.n == 32 and b.survey_only
    assert "0.17 on its own rows" in b.borrowed_from.why
    curve = 0.9214 * (1.1702 / 0.9214) ** (2.5 / 3.5)
    assert m.multiplier == pytest.approx(curve, abs=1e-4)
    assert m.expected_base.p50 == pytest.approx(b.base.p50 * curve)
    # INR 4.5M is above p60 of that benchmark, so no base ask is made from it (DESIGN section 4).
    from offercheck.market.position import value_at

    assert m.base.value > 60 and value_at(60, m.expected_base) < 4_500_000


# --- premia relative to the population the anchor describes ----------------------------------------------


@pytest.mark.parametrize(("country", "city", "currency"), [
    ("US", "Seattle", "USD"), ("GB", "London", "GBP"), ("CA", "Toronto", "CAD"), ("DE", "Berlin", "EUR")])
def test_the_typical_candidate_at_a_large_employer_is_not_benchmarked_low(country: str, city: str,
                                                                          currency: str) -> None:
    # Before: company size large x0.801 ("strong", the non-US pool) and a bachelor's x0.950 (seed 100,000 /
    # 125,000, bounded): 0.801 x 0.95 = 0.761, 24% low. Now: a large employer is x1.000 (US: 95% interval
    # 0.966-1.031 includes 1; GB: 9 large-employer rows of its own < 100; CA and DE: the pool's x0.890 is not
    # applied to one country) and a bachelor's is x1.000 (the typical degree of 15-1252, BLS OOH).
    plain = market(offer(100_000, country, city, currency=currency))
    typical = market(offer(100_000, country, city, currency=currency, company={"size": "large"},
                           candidate={"education": "bachelor"}))
    assert typical.expected_base.p50 == pytest.approx(plain.expected_base.p50)
    factors = {a.adjustment.factor: a.adjustment for a in typical.adjustments}
    assert factors["company_size"].multiplier == 1.0 and factors["education"].multiplier == 1.0
    assert factors["education"].evidence == "weak"


def test_no_seed_figure_is_labelled_strong() -> None:
    o = offer(100_000, "GB", "London", currency="GBP", candidate={"education": "phd", "certifications": ["aws"]},
              company={"industry": "finance"})
    for a in market(o).adjustments:
        if a.adjustment.factor == "location" and "in the anchor" in a.adjustment.reason:
            # London's pay is the ONS anchor's own (London region): the seed article's city ratio is not applied.
            assert a.adjustment.multiplier == 1.0
            continue
        if a.adjustment.factor in ("education", "certification", "industry", "location"):
            assert a.adjustment.evidence == "weak", a.adjustment.factor
            assert abs(math.log(a.adjustment.multiplier)) <= math.log(1.05) + 1e-12


# --- the score's basis ----------------------------------------------------------------------------------


def test_an_amazon_like_no_bonus_offer_is_scored_on_base() -> None:
    # Amazon's SDE II posting: base 176,500, no bonus. With a flat 15% norm the cash score marked no-bonus employers
    # down; the score is now the base percentile (no benchmark file has total cells), the cash line beside it.
    path = REPO / "tests" / "negotiation" / "data" / "public" / "amazon-sde2.toml"
    doc = json.loads(invoke("compare", str(path), "--format", "json")[1])
    [amazon] = doc["offers"]
    score, bench = amazon["score"], amazon["benchmark"]
    assert score["basis"] == "base" and score["overall"] == score["base_percentile"]
    # By hand from the JSON's own quantiles: 176,500 in the adjusted base p10..p90 (linear between them); the cash
    # line: the same base (no bonus) in base x 1.15.
    from offercheck.market.quantiles import Quantiles

    base_q = Quantiles(**bench["base"])
    assert score["base_percentile"] == pytest.approx(percentile_of(176_500, base_q).value, abs=0.1)
    cash_q = Quantiles(**bench["cash"])
    assert cash_q.p50 == pytest.approx(base_q.p50 * 1.15, rel=1e-6)
    assert score["cash_percentile"] == pytest.approx(percentile_of(176_500, cash_q).value, abs=0.1)
    assert score["cash_percentile"] < score["base_percentile"] - 10  # what the flat norm cost it
    assert bench["bonus_norm"] == 0.15 and bench["bonus_norm_measured"] is False
    table = invoke("compare", str(path), "--explain")[1]
    assert "(base)" in table and "cash, beside the score" in table and "not measured" in table
