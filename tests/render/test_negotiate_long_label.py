"""negotiate --format text with a huge offer label: the heading stays one line within the width, the label cut
with "…"; the whole label is still in the output below it, and no line is wider than the terminal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import invoke

LABEL = "Acme Robotics Senior Staff Machine Learning Platform Engineer " * 5  # 300 characters with spaces
OFFER = """
[offer]
company = "Acme Robotics"
label = "{label}"
[salary]
base = 150000
"""
OTHER = """
[offer]
company = "Globex"
[salary]
base = 160000
"""


@pytest.mark.parametrize("label", [LABEL.strip(), "Z" * 300], ids=["words", "one-word"])
@pytest.mark.parametrize("width", [80, 60])
def test_the_heading_clips_a_huge_label(monkeypatch: pytest.MonkeyPatch, write_offer: Callable[..., Path],
                                        label: str, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    path = write_offer(OFFER.format(label=label))
    other = write_offer(OTHER, name="other.toml")
    code, out, err = invoke("negotiate", str(path), str(other))
    assert code == 0, err
    lines = out.splitlines()
    title, underline = lines[0], lines[1]
    assert len(title) <= width
    assert title.startswith("Negotiating " + label[:20]) and title.endswith("… (USD, 4-year horizon)")
    assert underline == "=" * len(title)
    assert max(len(line) for line in lines) <= width
    flat = "".join(out.split())
    assert "".join(label.split()) in flat  # the label in full elsewhere (wrapped or stacked), not lost


def test_a_short_label_is_whole(write_offer: Callable[..., Path]) -> None:
    path = write_offer(OFFER.format(label="Acme - Senior MLE"))
    code, out, err = invoke("negotiate", str(path), str(write_offer(OTHER, name="other.toml")))
    assert code == 0, err
    assert out.splitlines()[:2] == ["Negotiating Acme - Senior MLE (USD, 4-year horizon)", "=" * 51]
