"""The README's examples show real output: every line of an output block must be printed by its command."""

from __future__ import annotations

import itertools
import re
import shlex

import pytest
from click.testing import CliRunner

from offercheck.cli.main import cli
from tests.conftest import REPO

BLOCK = re.compile(r"^```[a-z]*\n(.*?)^```", re.S | re.M)


def examples() -> list[tuple[str, str]]:
    """(command, output) pairs: a block holding one `$ offercheck ...` line followed by an output block."""
    blocks = BLOCK.findall((REPO / "README.md").read_text(encoding="utf-8"))
    pairs = []
    for block, following in itertools.pairwise(blocks):
        lines = block.strip().splitlines()
        if len(lines) == 1 and lines[0].startswith("$ offercheck ") and not following.startswith("$"):
            pairs.append((lines[0][2:], following))
    return pairs


@pytest.mark.parametrize(("command", "output"), examples(), ids=[c for c, _ in examples()])
def test_readme_output_is_real(command: str, output: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    args = shlex.split(command)[1:]
    # Expand the globs a shell would.
    args = [
        a for arg in args for a in (sorted(str(p.relative_to(REPO)) for p in REPO.glob(arg)) if "*" in arg else [arg])
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    printed = {line.rstrip() for line in result.stdout.splitlines()}
    # "[...]" marks where the README leaves part of the output out.
    stale = [line for line in output.splitlines() if line.strip() not in ("", "[...]") and line.rstrip() not in printed]
    assert not stale, f"README lines not in the output of `{command}`:\n" + "\n".join(stale[:10])


def test_readme_has_examples() -> None:
    assert len(examples()) >= 5
