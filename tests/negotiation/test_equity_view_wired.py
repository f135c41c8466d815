"""One equity view per comparison, wired (DESIGN section 4, issue 25 item 5): ``api`` decides the view with
``pay.equity_view.shared_view`` over every offer and the current job before evaluating, and its note reaches every
format of compare and negotiate (the email excepted: it is for the employer, and names no view of the tool's)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from offercheck.api import compare, negotiate
from offercheck.pay.equity_view import shared_view
from tests.conftest import invoke
from tests.negotiation.test_equity_view import PRIVATE, RISK

Write = Callable[..., Path]

NOTE = ("all 2 private grants are valued at paper, not at risk: Vague gives no equity.liquidity_probability, and one "
        "comparison uses one view")


@pytest.fixture
def files(write_offer: Write) -> tuple[str, str]:
    return (str(write_offer(PRIVATE.format(company="Careful", extra=RISK), "careful.toml")),
            str(write_offer(PRIVATE.format(company="Vague", extra=""), "vague.toml")))


def test_compare_values_every_private_grant_at_paper_when_one_lacks_the_inputs(files: tuple[str, str]) -> None:
    c = compare(list(files), market=False)
    # 40,000 x (10 - 2) = 320,000 each on paper; the careful grant is no longer cut to x 0.25 x 0.8 = 64,000
    # while the other stands at paper: they tie, as the same grant should.
    assert [e.equity_view for e in c.evaluations] == ["paper", "paper"]
    assert [e.component_total("equity") for e in c.evaluations] == pytest.approx([320000, 320000])
    assert c.equity_note == NOTE
    both = compare([files[0], files[0]], market=False)
    assert both.equity_note is None and both.evaluations[0].equity_view == "risk"
    assert both.evaluations[0].component_total("equity") == pytest.approx(64000)


def test_the_current_job_counts_in_the_one_view(write_offer: Write, files: tuple[str, str]) -> None:
    current = write_offer(PRIVATE.format(company="Vague", extra="[leaving]\nunvested_equity = 1000"), "now.toml")
    c = compare([files[0]], current=str(current), market=False)
    assert c.evaluations[0].equity_view == "paper" and c.equity_note is not None
    assert c.equity_note.startswith("all 2 private grants are valued at paper")


def test_negotiate_carries_the_note(files: tuple[str, str]) -> None:
    n = negotiate(files[0], [files[1]], market=False)
    assert n.equity_note == NOTE and n.evaluation.equity_view == "paper"
    assert n.equity_note == shared_view([n.evaluation.offer, n.others[0].offer]).note


@pytest.mark.parametrize("fmt", ["table", "markdown", "json", "csv", "html"])
def test_every_compare_format_shows_the_note(files: tuple[str, str], fmt: str) -> None:
    code, out, err = invoke("compare", *files, "-f", fmt)
    assert code == 0, err
    said = " ".join(out.replace("\\", "").split())
    assert NOTE in said
    if fmt == "json":
        assert json.loads(out)["equity_view_note"] == NOTE


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html"])
def test_every_negotiate_format_shows_the_note(files: tuple[str, str], fmt: str) -> None:
    code, out, err = invoke("negotiate", *files, "-f", fmt)
    assert code == 0, err
    assert NOTE in " ".join(out.replace("\\", "").split())
    if fmt == "json":
        doc = json.loads(out)
        assert doc["equity_view_note"] == NOTE
        # The contract's keys are all still there; the note is one key more, only when there is a note.
        assert {"offercheck_version", "offer", "currency", "talking_points", "counter", "against", "leave_early",
                "guidance"} <= set(doc)


def test_the_email_names_no_view(files: tuple[str, str]) -> None:
    code, out, err = invoke("negotiate", *files, "-f", "email")
    assert code == 0, err
    assert "paper" not in out and "risk" not in out.lower()


def test_no_note_key_when_the_view_is_the_one_asked_for(files: tuple[str, str]) -> None:
    for command in ("compare", "negotiate"):
        code, out, _ = invoke(command, files[0], "-f", "json")
        assert code == 0 and "equity_view_note" not in json.loads(out)
        code, out, _ = invoke(command, *files, "--equity", "paper", "-f", "json")
        assert code == 0 and "equity_view_note" not in json.loads(out)
