"""Properties of the compensation engine, currency conversion and percentiles, checked on generated offers.

The strategies build only offers that models.py accepts (every bound, the one-of rules for bonus, sign-on,
equity and ESPP, schedules summing to 100), so a validation error here is a bug in the strategy or the models.
Examples are derandomized: every run checks the same cases, so a failure is reproducible and never flaky.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offercheck.api import compare, evaluate
from offercheck.market.benchmarks import Quantiles
from offercheck.market.position import Percentile, percentile_of, value_at
from offercheck.offer.models import VESTING_PRESETS, Offer
from offercheck.offer.money import MAX_MONEY
from offercheck.pay.comp import YearPay, pay_by_year
from offercheck.pay.currency import load_rates
from offercheck.render import render

RATES = load_rates()
CODES = RATES.codes

PROPERTY = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,  # a loaded CI machine must not turn a slow example into a failure
    suppress_health_check=[HealthCheck.too_slow],
)

# ---------------------------------------------------------------------------------------------------- strategies


# Amounts are bounded in US dollars at the file's currency (DESIGN.md section 2): the most any currency's file may
# hold is MAX_MONEY dollars in its strongest currency, so every amount drawn here is valid in every currency.
MAX_AMOUNT = math.floor(MAX_MONEY / max(RATES.usd_per_unit[c] for c in RATES.codes))
MAX_SHARES = math.floor(math.sqrt(MAX_AMOUNT))


def amounts(lo: float = 0, hi: float = MAX_AMOUNT, *, positive: bool = False) -> st.SearchStrategy[float | int]:
    """Money as TOML gives it: an integer or a float (strict models accept both for float fields)."""
    ints = st.integers(min_value=1 if positive else int(lo), max_value=int(hi))
    floats = st.floats(min_value=lo, max_value=hi, exclude_min=positive, allow_nan=False, allow_subnormal=False)
    return st.one_of(ints, floats)


def percents(hi: float, lo: float = 0) -> st.SearchStrategy[float]:
    return st.floats(min_value=lo, max_value=hi, allow_nan=False, allow_subnormal=False)


@st.composite
def schedules(draw: st.DrawFn) -> list[float]:
    """1-10 yearly percentages summing to 100: cut 10,000 basis points at sorted points, zeros allowed."""
    n = draw(st.integers(min_value=1, max_value=10))
    cuts = sorted(draw(st.lists(st.integers(0, 10_000), min_size=n - 1, max_size=n - 1)))
    bounds = [0, *cuts, 10_000]
    return [(b - a) / 100 for a, b in itertools.pairwise(bounds)]


def optional(**tables: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """A TOML table whose every key may be left out."""
    return st.fixed_dictionaries({}, optional=tables)


names = st.text(min_size=1, max_size=12)
vesting = st.one_of(
    st.just({}),
    st.fixed_dictionaries({"vesting": st.sampled_from(sorted(VESTING_PRESETS))}),
    st.fixed_dictionaries({"schedule": schedules()}),
)
vesting_detail = optional(cliff_months=st.integers(0, 12), vest_every_months=st.sampled_from([1, 3, 6, 12]),
                          annual_growth_percent=percents(200, lo=-90), refresh_annual=amounts())
equity_value = st.one_of(
    st.fixed_dictionaries({"kind": st.sampled_from(["rsu", None]), "grant_value": amounts()}),
    # shares x price stays within what a grant may be worth (models.Equity): MAX_SHARES squared = MAX_AMOUNT.
    st.fixed_dictionaries({"shares": amounts(0, MAX_SHARES, positive=True),
                           "share_price": amounts(0, MAX_SHARES, positive=True)}),
    st.fixed_dictionaries({"kind": st.just("options"), "shares": amounts(0, MAX_SHARES, positive=True),
                           "strike": amounts(), "fmv": amounts(0, MAX_SHARES)}),
)


@st.composite
def equities(draw: st.DrawFn) -> dict[str, Any]:
    table = {**draw(equity_value), **draw(vesting), **draw(vesting_detail)}
    return {k: v for k, v in table.items() if v is not None}  # kind=None: rely on the "rsu" default


espp = st.one_of(
    st.just({}),
    st.fixed_dictionaries({"espp_discount_percent": percents(50).filter(bool),
                           "espp_contribution_percent": percents(100).filter(bool)}),
)


@st.composite
def benefits(draw: st.DrawFn) -> dict[str, Any]:
    table = draw(optional(retirement_match_percent=percents(100), health_annual=amounts(), pto_days=percents(366),
                          other_annual=amounts()))
    return {**table, **draw(espp)}


@st.composite
def offer_dicts(draw: st.DrawFn, *, base: st.SearchStrategy[float | int] | None = None) -> dict[str, Any]:
    """A valid offer file as parsed TOML; every optional table and key may be missing."""
    data: dict[str, Any] = {
        "offer": {"company": draw(names),
                  **draw(optional(label=names, role=names, level=names, currency=st.sampled_from(CODES)))},
        "salary": {"base": draw(base or amounts(positive=True)),
                   **draw(optional(annual_raise_percent=percents(50)))},
    }
    extra = {
        "candidate": optional(years_experience=percents(60), certifications=st.lists(names, max_size=3),
                              education=st.sampled_from(["none", "bachelor", "master", "phd"]),
                              filing_status=st.sampled_from(["single", "married"])),
        "location": optional(city=names, state=names, country=st.from_regex(r"[A-Z]{2}", fullmatch=True),
                             remote=st.sampled_from(["onsite", "hybrid", "remote"])),
        "company": optional(industry=names, size=st.sampled_from(["startup", "sme", "large"]), public=st.booleans()),
        "bonus": st.one_of(st.just({}), st.fixed_dictionaries({"target_percent": percents(500)}),
                           st.fixed_dictionaries({"amount": amounts()})),
        "sign_on": st.one_of(st.just({}), st.fixed_dictionaries({"amount": amounts()}),
                             st.fixed_dictionaries({"amounts": st.lists(amounts(), min_size=1, max_size=30)}))
        .flatmap(lambda t: st.fixed_dictionaries({k: st.just(v) for k, v in t.items()},
                                                 optional={"relocation": amounts(),
                                                           "clawback_months": st.integers(0, 60)})),
        "equity": equities(),
        "benefits": benefits(),
    }
    for table, strategy in extra.items():
        if draw(st.booleans()):
            data[table] = draw(strategy)
    return data


def offers(**kwargs: Any) -> st.SearchStrategy[Offer]:
    return offer_dicts(**kwargs).map(Offer.model_validate)


horizons = st.integers(min_value=1, max_value=30)

# ------------------------------------------------------------------------------------------ totals and components


def components(y: YearPay) -> float:
    return y.base + y.bonus + y.sign_on + y.equity + y.benefits


@PROPERTY
@given(offers(), horizons)
def test_total_is_the_sum_of_components_every_year(offer: Offer, years: int) -> None:
    pay = pay_by_year(offer, years)
    assert [y.year for y in pay] == list(range(1, years + 1))
    for y in pay:
        amounts_ = [y.base, y.bonus, y.sign_on, y.equity, y.benefits, y.relocation, y.equity_refresh]
        assert all(math.isfinite(a) and a >= 0 for a in amounts_), y
        assert y.total == components(y)
        # The detail must add up to the components it breaks down, or negotiation and tax see other numbers.
        assert y.benefits == pytest.approx(y.retirement_match + y.health + y.espp + y.other_benefits, rel=1e-12)
        assert y.relocation <= y.sign_on
        assert y.equity_refresh <= y.equity * (1 + 1e-12)


@PROPERTY
@given(offers(), horizons, st.sampled_from(CODES))
def test_json_totals_add_up_across_years(offer: Offer, years: int, currency: str) -> None:
    # Through the whole library path: conversion, Evaluation, and the JSON contract's rounding to cents.
    doc = json.loads(render(compare([offer], years=years, currency=currency, market=False), "json"))
    (entry,) = doc["offers"]
    for y in entry["years"]:
        parts = y["base"] + y["bonus"] + y["sign_on"] + y["equity"] + y["benefits"]
        assert math.isclose(y["total"], parts, rel_tol=1e-12, abs_tol=0.03)  # five roundings to cents
    year_sum = sum(y["total"] for y in entry["years"])
    assert math.isclose(entry["total"], year_sum, rel_tol=1e-12, abs_tol=0.01 * (years + 1))
    assert math.isclose(entry["annual_average"], entry["total"] / years, rel_tol=1e-12, abs_tol=0.01)


# ------------------------------------------------------------------------------------------------------- equity


def grant_value(offer: Offer) -> float:
    """The whole initial grant at grant price (options: intrinsic value at grant)."""
    e = offer.equity
    assert e is not None
    if e.kind == "options":
        assert e.shares is not None and e.fmv is not None and e.strike is not None
        return e.shares * max(e.fmv - e.strike, 0.0)
    if e.grant_value is not None:
        return e.grant_value
    assert e.shares is not None and e.share_price is not None
    return e.shares * e.share_price


@st.composite
def equity_offers(draw: st.DrawFn, *, growth: st.SearchStrategy[float]) -> Offer:
    """Offers with an initial grant and no refreshers, so the vesting equity is the initial grant alone."""
    data = draw(offer_dicts())
    equity = draw(equities())
    equity.update(refresh_annual=0, annual_growth_percent=draw(growth))
    data["equity"] = equity
    return Offer.model_validate(data)


@PROPERTY
@given(equity_offers(growth=st.just(0)))
def test_a_full_schedule_vests_the_whole_grant(offer: Offer) -> None:
    assert offer.equity is not None
    n = len(offer.equity.vesting_plan.schedule)
    pay = pay_by_year(offer, n + 2)
    assert math.fsum(y.equity for y in pay[:n]) == pytest.approx(grant_value(offer), rel=1e-9, abs=1e-6)
    # Nothing vests after the schedule ends.
    assert [y.equity for y in pay[n:]] == [0, 0]


@PROPERTY
@given(equity_offers(growth=percents(200, lo=-90)))
def test_with_growth_each_tranche_vests_at_the_grown_price(offer: Offer) -> None:
    e = offer.equity
    assert e is not None
    schedule = e.vesting_plan.schedule
    g = 1 + e.annual_growth_percent / 100
    if e.kind == "options":
        assert e.shares is not None and e.fmv is not None and e.strike is not None
        # An option's value is intrinsic: the grown price minus the strike, never below zero.
        expected = [e.shares * s / 100 * max(e.fmv * g**j - e.strike, 0.0) for j, s in enumerate(schedule)]
    else:
        expected = [grant_value(offer) * s / 100 * g**j for j, s in enumerate(schedule)]
    got = [y.equity for y in pay_by_year(offer, len(schedule))]
    assert got == pytest.approx(expected, rel=1e-9, abs=1e-6)
    assert math.fsum(got) == pytest.approx(math.fsum(expected), rel=1e-9, abs=1e-6)


@PROPERTY
@given(offer_dicts(), schedules(), amounts(positive=True))
def test_refreshers_reach_a_steady_state_of_one_grant_a_year(data: dict[str, Any], schedule: list[float],
                                                             refresh: float) -> None:
    # Without growth, once a refresher has been granted in each of the last len(schedule) years, one tranche of
    # each vests every year and the tranches cover the schedule exactly once: a whole grant's worth vests.
    data["equity"] = {"grant_value": 0, "schedule": schedule, "refresh_annual": refresh}
    offer = Offer.model_validate(data)
    n = len(schedule)
    pay = pay_by_year(offer, n + 3)
    assert pay[0].equity_refresh == 0  # the first refresher is granted at the start of year 2
    for y in pay[n + 1:]:
        assert y.equity_refresh == pytest.approx(refresh, rel=1e-9)
        assert y.equity == y.equity_refresh  # the initial grant is worth 0 here


# ------------------------------------------------------------------------------------------------- monotonicity


@PROPERTY
@given(offer_dicts(), amounts(positive=True), amounts(positive=True), horizons)
def test_more_base_never_pays_less(data: dict[str, Any], b1: float, b2: float, years: int) -> None:
    low, high = sorted([b1, b2])
    lower = Offer.model_validate({**data, "salary": {**data["salary"], "base": low}})
    higher = Offer.model_validate({**data, "salary": {**data["salary"], "base": high}})
    for a, b in zip(pay_by_year(lower, years), pay_by_year(higher, years), strict=True):
        # Bonus percent, match and ESPP are non-negative multiples of base; nothing else depends on it.
        assert a.base <= b.base
        assert a.bonus <= b.bonus
        assert a.benefits <= b.benefits
        assert a.total <= b.total
        assert (a.sign_on, a.equity) == (b.sign_on, b.equity)
    ranked = compare([lower, higher], years=years, market=False).ranked
    # The ranking follows the totals; with equal totals the input order (lower first) is kept.
    assert ranked[0].total >= ranked[1].total
    if ranked[0].offer is lower:
        assert ranked[0].total == ranked[1].total


# ---------------------------------------------------------------------------------------------------- currency


@PROPERTY
@given(st.floats(min_value=0, max_value=1e11, allow_nan=False), st.sampled_from(CODES), st.sampled_from(CODES))
def test_currency_there_and_back_is_the_identity_within_a_cent(amount: float, a: str, b: str) -> None:
    # 1e11 is far above any pay; the bound keeps float rounding (a few ulp) well under a cent.
    there = RATES.convert(amount, a, b)
    assert math.isfinite(there) and there >= 0
    assert RATES.convert(there, b, a) == pytest.approx(amount, abs=0.01, rel=0)
    assert RATES.convert(amount, a, a) == amount  # same currency is exact, no rounding noise


@PROPERTY
@given(offers(), st.sampled_from(CODES), st.integers(1, 6))
def test_an_evaluation_converted_back_matches_the_original(offer: Offer, display: str, years: int) -> None:
    own = evaluate(offer, years=years, rates=RATES)
    there = evaluate(offer, years=years, currency=display, rates=RATES)
    back_factor = RATES.rate(display, offer.currency)
    for o, t in zip(own.years, there.years, strict=True):
        back = t.scaled(back_factor)
        # Within a cent; generated options can reach 1e17 a year, where a cent is below float resolution, so
        # there the bound is relative (a few ulp).
        assert math.isclose(back.total, o.total, rel_tol=1e-13, abs_tol=0.01)
        assert math.isclose(back.equity, o.equity, rel_tol=1e-13, abs_tol=0.01)


# --------------------------------------------------------------------------------------------------- percentiles


@st.composite
def quantiles(draw: st.DrawFn) -> Quantiles:
    # Quantiles accepts only positive, finite, non-decreasing values; ties are allowed and worth testing.
    pay = st.one_of(st.sampled_from([1.0, 50_000.0, 1e7]), st.floats(1, 1e7, allow_nan=False))
    values = sorted(draw(st.lists(pay, min_size=5, max_size=5)))
    p10, p25, p50, p75, p90 = values
    return Quantiles(p10=draw(st.sampled_from([p10, None])), p25=p25, p50=p50, p75=p75,
                     p90=draw(st.sampled_from([p90, None])))


def rank(p: Percentile) -> tuple[float, int]:
    """Order percentiles: 'below p10' < p10 < ... < p90 < 'above p90'."""
    return p.value, {"below": -1, None: 0, "above": 1}[p.bound]


pays = st.floats(min_value=0, max_value=2e7, allow_nan=False)


@PROPERTY
@given(quantiles(), pays, pays)
def test_percentile_is_monotonic_in_pay(q: Quantiles, x1: float, x2: float) -> None:
    low, high = sorted([x1, x2])
    p_low, p_high = percentile_of(low, q), percentile_of(high, q)
    assert rank(p_low) <= rank(p_high)
    known = [p for p, name in ((10, "p10"), (25, "p25"), (50, "p50"), (75, "p75"), (90, "p90"))
             if getattr(q, name) is not None]
    assert known[0] <= p_low.value <= p_high.value <= known[-1]


@PROPERTY
@given(quantiles(), st.floats(0, 1, allow_nan=False))
def test_value_at_inverts_percentile_of_inside_the_known_range(q: Quantiles, t: float) -> None:
    lo = q.p10 if q.p10 is not None else q.p25
    hi = q.p90 if q.p90 is not None else q.p75
    x = lo + (hi - lo) * t
    p = percentile_of(x, q)
    assert p.bound is None
    assert value_at(p.value, q) == pytest.approx(x, rel=1e-9, abs=1e-6)


# ------------------------------------------------------------------------ control characters in every string field

# Every free-text field of an offer file; a list field gets the text as its one item.
STRING_FIELDS = [("offer", "company"), ("offer", "label"), ("offer", "role"), ("offer", "level"),
                 ("location", "city"), ("location", "state"), ("company", "industry"),
                 ("candidate", "lives_in"), ("candidate", "certifications")]
# Control characters of every kind (C0, DEL, C1, line and paragraph separators), mixed with markup and formulas.
controls = st.text(st.one_of(st.characters(categories=["Cc", "Zl", "Zp"]), st.sampled_from("A|<>[]()=+-@#*_`\\\"'")),
                   min_size=1, max_size=10)
# What a terminal or a text file must never receive from user text: anything that moves the cursor, ends a line
# or starts an escape sequence, except the newlines the format puts there itself.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def toml_string(text: str) -> str:
    # JSON escapes quotes, backslashes and C0 controls as TOML does; DEL must be escaped in TOML too.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def control_offer(table: str, key: str, text: str) -> str:
    value = f"[{toml_string(text)}]" if key == "certifications" else toml_string(text)
    tables = {"offer": {"company": '"Acme"'}, "salary": {"base": "150000"}, table: {}}
    tables[table][key] = value
    return "\n".join(f"[{t}]\n" + "".join(f"{k} = {v}\n" for k, v in kv.items()) for t, kv in tables.items())


@settings(max_examples=25, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                                   HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(STRING_FIELDS), text=controls)
def test_control_characters_in_any_string_field(tmp_path: Path, field: tuple[str, str], text: str) -> None:
    from click.testing import CliRunner

    from offercheck.cli.main import cli

    path = tmp_path / "offer.toml"
    path.write_text(control_offer(*field, text), encoding="utf-8")
    runs = [("compare", fmt) for fmt in ("table", "json", "markdown", "csv", "html")]
    runs += [("negotiate", fmt) for fmt in ("text", "markdown", "json", "email", "html")]
    for command, fmt in runs:
        result = CliRunner().invoke(cli, [command, str(path), "-f", fmt])
        where = f"{command} -f {fmt} with {field[0]}.{field[1]} = {text!r}: {result.output[-500:]!r}"
        assert result.exception is None or isinstance(result.exception, SystemExit), where
        assert result.exit_code in (0, 1) and "internal error" not in result.stderr, where
        if result.exit_code == 1:
            assert all(line.startswith("Error: ") for line in result.stderr.splitlines() if line), where
            continue
        out = result.stdout
        if fmt == "json":
            json.loads(out)
        elif fmt == "csv":
            rows = list(csv.reader(io.StringIO(out, newline="")))
            assert len({len(r) for r in rows if r}) == 1, where
        elif fmt != "html":
            assert not UNSAFE.search(out), where
        else:
            assert not re.search("[\x00-\x08\x0b\x0e-\x1f\x7f]", out), where  # parse errors in HTML
