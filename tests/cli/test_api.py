"""The library gives exactly what the CLI prints (DESIGN section 1): api.compare / api.negotiate + render against
`offercheck compare|negotiate` for the same files and options, docs/api.md's examples, and the api's arguments."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
import warnings
from pathlib import Path
from typing import Any

import pytest

from offercheck import api
from offercheck.errors import ArgumentError, OfferFileErrors, OfferWarning
from offercheck.offer.loading import load_offer
from offercheck.render import COMPARE_FORMATS, NEGOTIATE_FORMATS, render
from tests.conftest import REPO, invoke

pytestmark = pytest.mark.usefixtures("in_repo")

E = "examples"
OFFERS = [f"{E}/bigtech-sf.toml", f"{E}/startup-nyc.toml", f"{E}/bank-toronto.toml"]
CURRENT = f"{E}/current/current-job.toml"
WIDTH = 80  # tests/conftest.py sets COLUMNS=80 for every CLI run


# Each: the command's options, and the same as api.compare's arguments.
COMPARE_CASES: list[tuple[list[str], dict[str, Any]]] = [
    ([], {}),
    (["--currency", "USD", "--after-tax", "--real"], {"currency": "USD", "after_tax": True, "real": True}),
    (["-c", "EUR", "--rank-by", "net", "--after-tax", "--tax-year", "2025", "--filing", "married"],
     {"currency": "EUR", "rank_by": "net", "after_tax": True, "tax_year": 2025, "filing": "married"}),
    (["--real", "--home", "Austin, TX", "--rank-by", "real"], {"real": True, "home": "Austin, TX", "rank_by": "real"}),
    (["-c", "USD", "--current", CURRENT, "--after-tax", "--real", "--leave-after", "18"],
     {"currency": "USD", "current": CURRENT, "after_tax": True, "real": True, "leave_after": 18}),
    (["--equity", "paper", "-y", "3", "--without", "location"], {"equity": "paper", "years": 3,
                                                                 "without": ["location"]}),
]


@pytest.mark.parametrize("fmt", COMPARE_FORMATS)
@pytest.mark.parametrize(("options", "arguments"), COMPARE_CASES,
                         ids=[" ".join(o) or "plain" for o, _ in COMPARE_CASES])
def test_compare_library_equals_cli(fmt: str, options: list[str], arguments: dict[str, Any]) -> None:
    code, out, err = invoke("compare", *OFFERS, *options, "--format", fmt)
    assert code == 0, err
    assert render(api.compare(OFFERS, **arguments), fmt, width=WIDTH) == out


NEGOTIATE_CASES: list[tuple[list[str], dict[str, Any]]] = [
    ([], {}),
    (["--current", CURRENT, "--after-tax", "-p", "75"], {"current": CURRENT, "after_tax": True,
                                                          "target_percentile": 75}),
    (["--leave-after", "30", "-c", "EUR", "--equity", "paper"], {"leave_after": 30, "currency": "EUR",
                                                                 "equity": "paper"}),
]


@pytest.mark.parametrize("fmt", NEGOTIATE_FORMATS)
@pytest.mark.parametrize(("options", "arguments"), NEGOTIATE_CASES,
                         ids=[" ".join(o) or "plain" for o, _ in NEGOTIATE_CASES])
def test_negotiate_library_equals_cli(fmt: str, options: list[str], arguments: dict[str, Any]) -> None:
    mine, *others = OFFERS
    code, out, err = invoke("negotiate", mine, *(a for o in others for a in ("--against", o)), *options,
                            "--format", fmt)
    assert code == 0, err
    assert render(api.negotiate(mine, others, **arguments), fmt, width=WIDTH) == out


# --------------------------------------------------------------------------------------------------- docs/api.md

BLOCKS = re.compile(r"^```python\n(.*?)^```\n\n```\n(.*?)^```", re.S | re.M)


def _examples() -> list[tuple[str, str]]:
    return BLOCKS.findall((REPO / "docs/api.md").read_text(encoding="utf-8"))


def _run(code: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "docs/api.md", "exec"), {})  # our own documentation's example
    return out.getvalue()


def test_every_docs_example_prints_what_the_page_says() -> None:
    examples = _examples()
    assert len(examples) >= 3
    for code, shown in examples:
        assert _run(code) == shown


def test_the_compare_example_prints_the_cli_numbers() -> None:
    code, shown = _examples()[0]
    status, out, err = invoke("compare", f"{E}/bigtech-sf.toml", f"{E}/startup-nyc.toml", "--currency", "USD",
                              "--after-tax", "--leave-after", "18", "--format", "json")
    assert status == 0, err
    doc = json.loads(out)
    offers = {o["label"]: o for o in doc["offers"]}
    expected = "".join(
        f"{label}: {o['total']:,.2f} over {doc['horizon_years']} years, {o['net']:,.2f} after tax, "
        f"score {o['score']['overall']:.1f} ({o['score']['basis']}), {o['leave_early']['total']:,.2f} if you "
        "leave after 18 months\n" for label, o in ((label, offers[label]) for label in doc["ranking"]))
    assert _run(code) == expected == shown


def test_the_negotiate_example_prints_the_cli_numbers() -> None:
    code, shown = _examples()[1]
    status, out, err = invoke("negotiate", f"{E}/bigtech-sf.toml", "--against", f"{E}/startup-nyc.toml",
                              "--format", "json")
    assert status == 0, err
    doc = json.loads(out)
    expected = (f"ask for a base of {doc['counter']['base']:,.2f} and a sign-on of {doc['counter']['sign_on']:,.2f}\n"
                + "".join(f"{p['topic']}: {p['amount']:,.2f}\n" for p in doc["talking_points"][:3]))
    assert _run(code) == expected == shown


# --------------------------------------------------------------------------------------------------- results


def test_the_api_stores_each_steps_result() -> None:
    c = api.compare(OFFERS, currency="USD", current=CURRENT, after_tax=True, leave_after=12,
                    as_of=dt.date(2026, 1, 31))
    assert c.as_of == dt.date(2026, 1, 31)
    stay = c.current
    assert stay is not None and stay.forfeited is not None and stay.vs_current is None and stay.leave_early is None
    assert stay.taxes is not None
    for e in c.evaluations:
        assert e.vs_current is not None and e.leave_early is not None and e.taxes is not None
        totals = [a.total - b.total for a, b in zip(e.years, stay.years, strict=True)]
        assert e.vs_current.years == pytest.approx(totals)
        assert e.vs_current.nets == pytest.approx([a - b for a, b in zip(e.taxes.nets, stay.taxes.nets, strict=True)])
        assert e.cash_average == pytest.approx(sum(y.base + y.bonus for y in e.years) / len(e.years))
    # The default date is today, or $OFFERCHECK_TODAY when set (the suite pins it: tests/conftest.py).
    assert api.compare(OFFERS[:1], market=False).as_of == dt.date(2026, 12, 6)


def test_the_default_date_is_today_without_the_pin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OFFERCHECK_TODAY")
    assert api.compare(OFFERS[:1], market=False).as_of == dt.date.today()
    monkeypatch.setenv("OFFERCHECK_TODAY", "6 Dec 2026")
    with pytest.raises(ArgumentError, match=r"as_of: OFFERCHECK_TODAY='6 Dec 2026' is not a date"):
        api.compare(OFFERS[:1], market=False)


def test_offers_and_paths_mix() -> None:
    by_path = api.compare(OFFERS, market=False)
    mixed = api.compare([load_offer(OFFERS[0]), *OFFERS[1:]], market=False)
    assert [e.label for e in mixed.ranked] == [e.label for e in by_path.ranked]
    assert [e.total for e in mixed.evaluations] == [e.total for e in by_path.evaluations]


def test_library_sees_likely_mistakes_as_warnings(tmp_path: Path) -> None:
    path = tmp_path / "fraction.toml"
    path.write_text('[offer]\ncompany = "Acme"\n[salary]\nbase = 150000\n[bonus]\ntarget_percent = 0.15\n',
                    encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        api.compare([str(path)], market=False)
    assert [type(w.message) for w in caught] == [OfferWarning]
    _, _, err = invoke("compare", str(path))
    assert f"Warning: {caught[0].message}" in err


def test_every_file_problem_at_once(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[offer]\ncompany = "Acme"\n[salary]\nbase = -1\n', encoding="utf-8")
    with pytest.raises(OfferFileErrors) as raised:
        api.compare([str(bad), str(tmp_path / "missing.toml")], current=str(tmp_path / "gone.toml"))
    assert len(raised.value.errors) == 3


# --------------------------------------------------------------------------------------------------- arguments


@pytest.mark.parametrize(("arguments", "message"), [
    ({"years": 0}, "years: must be at least 1, got 0"),
    ({"years": True}, "years: must be a whole number, got True"),
    ({"years": 2.5}, "years: must be a whole number, got 2.5"),
    ({"currency": "XXX"}, "currency: unknown currency 'XXX'"),
    ({"currency": 5}, "currency: must be an ISO 4217 code"),
    ({"rank_by": "net"}, "rank_by: 'net' needs after_tax=True"),
    ({"rank_by": "real"}, "rank_by: 'real' needs real=True"),
    ({"rank_by": "fun"}, "rank_by: must be one of 'total', 'net', 'real', got 'fun'"),
    ({"home": "Austin, TX"}, "home: needs real=True"),
    ({"real": True, "home": "Atlantis"}, "home: "),
    ({"tax_year": 2026}, "tax_year: needs after_tax=True"),
    ({"after_tax": True, "tax_year": 1999}, "tax_year: must be one of 2025, 2026, got 1999"),
    ({"after_tax": True, "filing": "joint"}, "filing: must be one of 'single', 'married', got 'joint'"),
    ({"leave_after": 0}, "leave_after: must be at least 1, got 0"),
    ({"equity": "maybe"}, "equity: must be one of 'paper', 'risk', got 'maybe'"),
    ({"as_of": "2026-01-01"}, "as_of: must be a datetime.date"),
    ({"without": "location"}, "without: must be a list"),
    ({"rates": {"USD": 1}}, "rates: must be an offercheck.pay.currency.RateTable"),
])
def test_bad_arguments_are_named(arguments: dict[str, Any], message: str) -> None:
    with pytest.raises(ArgumentError) as raised:
        api.compare(OFFERS[:1], **arguments)
    assert str(raised.value).startswith(message)
    assert isinstance(raised.value, ValueError)


@pytest.mark.parametrize(("offers", "message"), [
    ("examples/bigtech-sf.toml", "offers: must be a list of offers or offer files"),
    ([], "offers: give at least one offer"),
    ([42], "offers[0]: must be an Offer or the path of its file, got int"),
])
def test_bad_offer_lists_are_named(offers: Any, message: str) -> None:
    with pytest.raises(ArgumentError, match=re.escape(message)):
        api.compare(offers)


def test_negotiate_arguments() -> None:
    with pytest.raises(ArgumentError, match="target_percentile: must be a number between 0 and 100"):
        api.negotiate(OFFERS[0], target_percentile=100)
    with pytest.raises(ArgumentError, match="others: must be a list"):
        api.negotiate(OFFERS[0], OFFERS[1])  # type: ignore[arg-type]
    assert api.negotiate(OFFERS[0], leave_after=None, market=False).leave_early == ()


def test_cli_says_the_option() -> None:
    # A bad option value is a usage error (exit code 2, DESIGN.md section 8), said as the option.
    code, _, err = invoke("compare", OFFERS[0], "--real", "--home", "Atlantis")
    assert code == 2 and err.splitlines()[-1].startswith("Error: --home: ")
    code, _, err = invoke("compare", OFFERS[0], "-c", "XXX")
    assert code == 2 and err.splitlines()[-1].startswith("Error: --currency: unknown currency 'XXX'")


def test_one_dispatcher_refuses_a_format_its_command_lacks() -> None:
    c = api.compare(OFFERS[:1], market=False)
    with pytest.raises(ValueError, match="compare has no format 'email'"):
        render(c, "email")


# --------------------------------------------------------------------------------------------------- layout

SRC = REPO / "src/offercheck"


def _imported(path: Path) -> set[str]:
    import ast

    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("offercheck"):
            names |= {f"{node.module}.{a.name}" if node.module == "offercheck" else node.module for a in node.names}
        elif isinstance(node, ast.Import):
            names |= {a.name for a in node.names if a.name.startswith("offercheck")}
    return names


def test_the_cli_imports_only_the_library_front() -> None:
    allowed = ("offercheck.api", "offercheck.render", "offercheck.errors", "offercheck.plugins", "offercheck._version",
               "offercheck.cli")
    for path in sorted((SRC / "cli").glob("*.py")):
        wrong = {m for m in _imported(path) if not m.startswith(allowed)}
        assert not wrong, f"{path.name} imports {sorted(wrong)}"


def test_no_room_below_the_api_names_comparison() -> None:
    above = ("api/", "render/", "cli/", "results.py", "__init__.py")
    naming = [str(p.relative_to(SRC)) for p in sorted(SRC.rglob("*.py"))
              if not str(p.relative_to(SRC)).startswith(above) and "Comparison" in p.read_text(encoding="utf-8")]
    assert naming == []


def test_defaults_agree_with_the_rooms_and_the_cli() -> None:
    from offercheck.cli.negotiate import negotiate as command
    from offercheck.negotiation.asks import DEFAULT_TARGET_PERCENTILE

    assert api.DEFAULT_TARGET_PERCENTILE == DEFAULT_TARGET_PERCENTILE
    defaults = {p.name: p.default for p in command.params}
    assert defaults["target_percentile"] == api.DEFAULT_TARGET_PERCENTILE
    assert defaults["leave_after"] == api.DEFAULT_LEAVE_AFTER and defaults["years"] == api.DEFAULT_YEARS


def test_offercheck_exports_the_api_front() -> None:
    import offercheck

    for name in ("compare", "evaluate", "negotiate"):
        assert name in offercheck.__all__, name
        assert getattr(offercheck, name) is getattr(api, name), name


def test_offercheck_negotiate_stays_the_function_once_the_room_is_imported() -> None:
    # The room is negotiation/, so importing it binds offercheck.negotiation, never the function's name.
    import offercheck
    from offercheck.negotiation.counter import Negotiation
    from offercheck.negotiation.points import TalkingPoint

    assert offercheck.negotiate is api.negotiate
    assert offercheck.TalkingPoint is TalkingPoint and Negotiation.__module__ == "offercheck.negotiation.counter"
