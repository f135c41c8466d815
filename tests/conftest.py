from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SHARED = REPO.parent / "shared"

MINIMAL = """
[offer]
company = "Acme"
[salary]
base = 100000
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write_offer(tmp_path: Path) -> Callable[..., Path]:
    """Write an offer file from TOML text (dedented) and return its path."""

    def write(text: str = MINIMAL, name: str = "offer.toml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the parsed-data cache out of the user's home during tests."""
    import os

    os.environ["OFFERCHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
