"""Money is bounded in US dollars at the file's currency (issue 27 item 6, DESIGN.md section 2).

A cap written in the offer's own currency refused `currency = "KRW"`, `base = 120000000` (about $90,000) and
every IDR salary, while it let through 99 million GBP. Every money field is checked, and the message names the
file, the field and the amount in US dollars.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from offercheck.datafiles import packaged_toml
from offercheck.errors import OfferFileErrors
from offercheck.offer.checks import likely_mistakes
from offercheck.offer.loading import load_offer
from offercheck.offer.models import Offer
from offercheck.offer.money import MAX_MONEY
from tests.conftest import invoke


def usd_per_unit(code: str) -> float:
    """US dollars per unit at the packaged rates (the offer files' rates)."""
    return float(packaged_toml("rates.toml")["usd_per_unit"][code])

MONEY_FIELDS = [
    ("salary", "base"), ("bonus", "amount"), ("sign_on", "amount"), ("sign_on", "relocation"),
    ("equity", "grant_value"), ("equity", "refresh_annual"), ("benefits", "health_annual"),
    ("benefits", "other_annual"),
]


def _file(tmp_path: Path, currency: str, table: str = "salary", key: str = "base", value: float = 1,
          name: str = "offer.toml") -> Path:
    tables: dict[str, dict[str, object]] = {"salary": {"base": 50_000 / usd_per_unit(currency)}}
    if table == "equity":
        tables["equity"] = {"grant_value": 1}
    tables.setdefault(table, {})[key] = value
    lines = ['[offer]\ncompany = "Naver"', f'currency = "{currency}"']
    for t, keys in tables.items():
        lines.append(f"[{t}]")
        lines += [f"{k} = {v!r}" for k, v in keys.items()]
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("currency", "base"), [("KRW", 120_000_000), ("IDR", 1_500_000_000), ("JPY", 15_000_000),
                                                ("HUF", 30_000_000)])
def test_a_salary_in_a_small_unit_is_valid(tmp_path: Path, currency: str, base: int) -> None:
    path = _file(tmp_path, currency, value=base)
    offer = load_offer(path)
    assert offer.salary.base == base
    code, _, err = invoke("compare", str(path), "-f", "json")
    assert code == 0, err


@pytest.mark.parametrize(("table", "key"), MONEY_FIELDS)
@pytest.mark.parametrize("currency", ["USD", "KRW", "GBP"])
def test_every_money_field_is_bounded_in_dollars(tmp_path: Path, table: str, key: str, currency: str) -> None:
    rate = usd_per_unit(currency)
    just_under = MAX_MONEY / rate * 0.999
    load_offer(_file(tmp_path, currency, table, key, just_under))  # valid
    over = MAX_MONEY / rate * 1.01
    path = _file(tmp_path, currency, table, key, over)
    with pytest.raises(OfferFileErrors) as info:
        load_offer(path)
    [error] = info.value.errors
    assert error.field == f"{table}.{key}"
    dollars = "" if currency == "USD" else f" (about ${over * rate:,.0f})"
    assert error.message == (f"{path}: {table}.{key}: {over:,.0f} {currency}{dollars} is above the 100,000,000 US "
                             "dollars an amount may be; check the number (an extra zero?)")


@pytest.mark.parametrize("field", ["amounts", "exit_prices"])
def test_amounts_in_arrays_are_bounded_in_dollars(tmp_path: Path, field: str) -> None:
    big = 200_000_000_000  # KRW: about $150 million
    table = "[sign_on]\namounts = [1000000, %d]\n" if field == "amounts" else (
        '[company]\npublic = false\n[equity]\nkind = "options"\nshares = 10\nstrike = 1\nfmv = 2\n'
        "exit_prices = [5, %d]\n")
    path = tmp_path / "offer.toml"
    path.write_text('[offer]\ncompany = "A"\ncurrency = "KRW"\n[salary]\nbase = 120000000\n' + table % big,
                    encoding="utf-8")
    with pytest.raises(OfferFileErrors) as info:
        load_offer(path)
    assert any("about $149,782,807" in e.message and f".{field}" in (e.field or "") for e in info.value.errors), \
        [e.message for e in info.value.errors]


def test_a_grant_of_shares_is_bounded_in_dollars(tmp_path: Path) -> None:
    path = tmp_path / "offer.toml"
    text = '[offer]\ncompany = "A"\ncurrency = "KRW"\n[salary]\nbase = 120000000\n[equity]\nshares = {shares}\n' \
           "share_price = 50000\n"
    path.write_text(text.format(shares=2_000), encoding="utf-8")  # 100 million KRW: about $75,000
    assert load_offer(path).equity is not None
    path.write_text(text.format(shares=10_000_000), encoding="utf-8")  # 500 billion KRW: about $374 million
    with pytest.raises(OfferFileErrors) as info:
        load_offer(path)
    assert "(about $374,457,017), above the 100,000,000 US dollars a grant may be worth" in str(info.value)


def test_a_strong_currency_is_not_let_through(tmp_path: Path) -> None:
    # 99 million GBP passed the old cap of 100 million "in the offer's currency": about $133 million.
    with pytest.raises(OfferFileErrors, match=r"salary\.base: 99,000,000 GBP \(about \$132,649,077\) is above"):
        load_offer(_file(tmp_path, "GBP", value=99_000_000))


def test_the_library_model_bounds_in_dollars_too() -> None:
    ok = Offer.model_validate({"offer": {"company": "A", "currency": "IDR"}, "salary": {"base": 1_500_000_000}})
    assert ok.salary.base == 1_500_000_000
    with pytest.raises(ValueError, match=r"about \$"):
        Offer.model_validate({"offer": {"company": "A", "currency": "IDR"}, "salary": {"base": 1e13}})


@pytest.mark.parametrize(("currency", "base", "warned"), [
    ("USD", 200, "200 looks like thousands; the base is the yearly amount, e.g. 200000"),
    ("IDR", 120_000, "120,000 IDR (about $7 a year) looks like thousands; the base is the yearly amount, "
                     "e.g. 120000000"),
    ("KRW", 500_000, "500,000 KRW (about $374 a year) looks like thousands"),
    ("JPY", 150_000, "150,000 JPY (about $954 a year) looks like thousands"),
    ("KRW", 120_000_000, None),  # about $90,000: a salary
    ("JPY", 5_000_000, None),  # about $32,000
    ("USD", 1000, None),
])
def test_base_in_thousands_is_judged_in_dollars(tmp_path: Path, currency: str, base: int, warned: str | None) -> None:
    offer = load_offer(_file(tmp_path, currency, value=base))
    found = [e.message for e in likely_mistakes(offer, "offer.toml") if e.field == "salary.base"]
    if warned is None:
        assert not found, found
    else:
        assert len(found) == 1 and warned in found[0], found
