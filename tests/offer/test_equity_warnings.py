"""A valid private-equity value that is probably a mistake is loaded, with one ``Warning:`` line naming the file and
the field (issue 17): 0.5 for a dilution percent looks like a fraction, 3 exercise-window days like years."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import invoke, private_grant


def test_a_fraction_for_a_percent_is_a_warning(write_offer: Callable[..., Path]) -> None:
    path = write_offer(private_grant("dilution_percent_per_round = 0.5\nexercise_window_days = 3"))
    code, out, err = invoke("compare", str(path), "--format", "json")
    assert code == 0 and out.startswith("{")
    lines = [x for x in err.splitlines() if x.startswith("Warning: ")]
    assert lines == [
        f"Warning: {path}: equity.dilution_percent_per_round: 0.5 looks like a fraction; it is read as 0.5%: "
        "did you mean 50?",
        f"Warning: {path}: equity.exercise_window_days: 3 days looks like years; did you mean 1095 (3 x 365 days)?",
    ]


def test_plausible_values_say_nothing(write_offer: Callable[..., Path]) -> None:
    path = write_offer(private_grant("dilution_percent_per_round = 15\nexercise_window_days = 90"))
    code, _, err = invoke("compare", str(path), "--format", "json")
    assert code == 0 and "Warning: " not in err
