"""Shell completion is click's own, and the docs say how to turn it on (docs/compare.md, linked from the README)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO


def test_bash_completes_command_names() -> None:
    env = {**os.environ, "_OFFERCHECK_COMPLETE": "bash_complete", "COMP_WORDS": "offercheck comp", "COMP_CWORD": "1"}
    done = subprocess.run([sys.executable, "-m", "offercheck"], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.split() == ["plain,compare"]


def test_the_docs_document_it() -> None:
    page = (REPO / "docs" / "compare.md").read_text(encoding="utf-8")
    assert 'eval "$(_OFFERCHECK_COMPLETE=bash_source offercheck)"' in page
    assert "shell completion" in (REPO / "README.md").read_text(encoding="utf-8")
