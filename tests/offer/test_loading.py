"""Bad input: one clear message naming the file and the field, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from offercheck.errors import OfferFileErrors
from offercheck.offer.loading import load_offer, load_offers

HEAD = '[offer]\ncompany = "Acme"\n'


def messages(path: Path) -> list[str]:
    with pytest.raises(OfferFileErrors) as info:
        load_offer(path)
    return [e.message for e in info.value.errors]


BAD = [
    ("[offer\ncompany = 1", "invalid TOML", "line 1"),
    ("", "file is empty", None),
    (HEAD, "salary: required", None),
    (HEAD + "[salary]\nbase = 0\n", "salary.base: Input should be greater than 0", None),
    (HEAD + "[salary]\nbase = -5\n", "salary.base: Input should be greater than 0", None),
    (HEAD + "[salary]\nbase = nan\n", "salary.base: Input should be a finite number", None),
    (HEAD + "[salary]\nbase = inf\n", "salary.base: Input should be a finite number", None),
    (HEAD + '[salary]\nbase = "185000"\n', "salary.base: must be a number, not text: write 185000 (no quotes)", None),
    (HEAD + "[salary]\nbase = 1e9\n", "salary.base: 1,000,000,000 USD is above the 100,000,000 US dollars an amount "
                                     "may be", None),
    (HEAD + "[salary]\nbse = 100\n", "salary.bse: unknown key; did you mean 'base'?", None),
    (HEAD + "[salary]\nbase = 100\n[bonsu]\namount = 1\n", "bonsu: unknown key; did you mean 'bonus'?", None),
    (
        HEAD + "[salary]\nbase = 100\n[bonus]\ntarget_percent = 10\namount = 5\n",
        "bonus: give either target_percent or amount, not both",
        None,
    ),
    (
        HEAD + "[salary]\nbase = 100\n[bonus]\ntarget_percent = 900\n",
        "bonus.target_percent: Input should be less",
        None,
    ),
    (
        HEAD + "[salary]\nbase = 100\n[benefits]\nretirement_match_percent = 150\n",
        "benefits.retirement_match_percent: Input should be less than or equal to 100",
        None,
    ),
    (
        HEAD + "[salary]\nbase = 100\n[equity]\ngrant_value = 10\nschedule = [25, 25, 25]\n",
        "equity.schedule: Value error, vesting schedule must sum to 100 (it sums to 75)",
        None,
    ),
    (
        HEAD + '[salary]\nbase = 100\n[equity]\ngrant_value = 10\nvesting = "5y"\n',
        "equity.vesting: Value error, unknown vesting preset '5y'",
        None,
    ),
    (
        HEAD + "[salary]\nbase = 100\n[equity]\nshares = 1e9\nshare_price = 1e8\n",
        "equity: shares x share_price = 100,000,000,000,000,000 USD, above the 100,000,000 US dollars a grant may be "
        "worth",
        None,
    ),    (
        HEAD + "[salary]\nbase = 100\n[equity]\ngrant_value = 10\ncliff_months = 18\n",
        "equity: with cliff_months = 18 nothing vests in year 1, but the vesting schedule gives year 1 25%",
        None,
    ),
    (
        HEAD + '[salary]\nbase = 100\n[equity]\nkind = "options"\nshares = 100\n',
        "equity: options need shares, strike and fmv (missing: strike, fmv)",
        None,
    ),
    (
        '[offer]\ncompany = "Acme"\ncurrency = "XYZ"\n[salary]\nbase = 100\n',
        "offer.currency: unknown currency 'XYZ'",
        None,
    ),
    (
        '[offer]\ncompany = "Acme"\ncurrency = "usd"\n[salary]\nbase = 100\n',
        "offer.currency: String should match",
        None,
    ),
    (
        HEAD + "[salary]\nbase = 100\n[benefits]\nespp_discount_percent = 15\n",
        "benefits: ESPP needs both espp_discount_percent and espp_contribution_percent",
        None,
    ),
    (HEAD + "[salary]\nbase = 100\n[sign_on]\namount = 1\namounts = [1]\n", "sign_on: give either amount", None),
]


@pytest.mark.parametrize(("text", "expected", "also"), BAD)
def test_bad_offer_names_file_and_field(
    write_offer: Callable[..., Path], text: str, expected: str, also: str | None
) -> None:
    path = write_offer(text)
    found = messages(path)
    assert any(m.startswith(f"{path}: ") and expected.replace("Value error, ", "") in m for m in found), found
    if also:
        assert any(also in m for m in found)


def test_every_problem_is_reported_not_only_the_first(write_offer: Callable[..., Path]) -> None:
    path = write_offer(HEAD + "[salary]\nbase = -1\nraise = 3\n[benefits]\npto_days = -2\n")
    found = messages(path)
    assert len(found) == 3
    assert any("salary.raise: unknown key" in m for m in found)
    assert any("benefits.pto_days" in m for m in found)


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('[offer]\ncompany = "Caf\xe9"\n'.encode("latin-1"))
    assert messages(path) == [f"{path}: not UTF-8 text (bad byte at offset 22)"]


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert messages(tmp_path / "nope.toml") == [f"{tmp_path / 'nope.toml'}: no such file"]
    assert messages(tmp_path) == [f"{tmp_path}: is a directory, not an offer file"]


def test_load_offers_collects_problems_from_every_file(write_offer: Callable[..., Path], tmp_path: Path) -> None:
    good = write_offer(name="good.toml")
    with pytest.raises(OfferFileErrors) as info:
        load_offers([good, tmp_path / "a.toml", tmp_path / "b.toml"])
    assert [e.file for e in info.value.errors] == [str(tmp_path / "a.toml"), str(tmp_path / "b.toml")]


def test_colliding_labels_fall_back_to_file_stems(write_offer: Callable[..., Path]) -> None:
    a = write_offer(name="first.toml")
    b = write_offer(name="second.toml")
    offers = load_offers([a, b])
    assert [o.label for o in offers] == ["first", "second"]
    assert [o.path for o in offers] == [str(a), str(b)]


def test_offer_models_are_frozen(write_offer: Callable[..., Path]) -> None:
    offer = load_offer(write_offer())
    with pytest.raises(ValueError, match="frozen"):
        offer.salary.base = 1  # type: ignore[misc]


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + HEAD.encode() + b"[salary]\nbase = 100\n")
    assert load_offer(path).salary.base == 100


def test_a_long_cliff_with_zeros_before_it_is_consistent(write_offer: Callable[..., Path]) -> None:
    from offercheck.pay.comp import pay_by_year
    from offercheck.pay.leave_early import leave_early

    path = write_offer(HEAD + "[salary]\nbase = 100\n[equity]\ngrant_value = 1000\nschedule = [0, 50, 25, 25]\n"
                       "cliff_months = 24\n")
    offer = load_offer(path)
    assert [y.equity for y in pay_by_year(offer, 2)] == [0, 500]
    # Leaving at month 23 vests nothing; at month 24 the cliff releases year 2's 50%.
    assert leave_early(offer, 23).equity == 0
    assert leave_early(offer, 24).equity == 500
