"""Bad command-line usage exits with code 2 (issue 27 item 19, DESIGN.md section 8): an unknown option value,
`--without` of no plugin, a missing `--plugins-dir`. `-c XXX`, `--without nosuch`, `--plugins-dir /nonexistent`
and `--home ZZ` exited 1, as for a bad file. The message names the option, after click's usage lines."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES, REPO

OFFER = str(EXAMPLES / "startup-nyc.toml")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "offercheck", *args], capture_output=True, text=True, cwd=REPO,
                          timeout=120, check=False)


@pytest.mark.parametrize(("args", "error"), [
    (["compare", OFFER, "-c", "XXX"], "Error: --currency: unknown currency 'XXX'; did you mean MXN?"),
    (["negotiate", OFFER, "-c", "XXX"], "Error: --currency: unknown currency 'XXX'; did you mean MXN?"),
    (["compare", OFFER, "--without", "nosuch"], "Error: --without: no plugin named 'nosuch'"),
    (["validate", OFFER, "--without", "nosuch"], "Error: --without: no plugin named 'nosuch'"),
    (["plugins", "--without", "locaton"], "Error: --without: no plugin named 'locaton'; did you mean 'location'?"),
    (["factors", "--without", "nosuch"], "Error: --without: no plugin named 'nosuch'"),
    (["compare", OFFER, "--plugins-dir", "/nonexistent"], "Error: --plugins-dir: /nonexistent: not a directory"),
    (["negotiate", OFFER, "--plugins-dir", "/nonexistent"], "Error: --plugins-dir: /nonexistent: not a directory"),
    (["validate", OFFER, "--plugins-dir", "/nonexistent"], "Error: --plugins-dir: /nonexistent: not a directory"),
    (["plugins", "--plugins-dir", "/nonexistent"], "Error: --plugins-dir: /nonexistent: not a directory"),
    (["compare", OFFER, "--real", "--home", "ZZ"], "Error: --home: no place matches 'ZZ'"),
], ids=lambda x: " ".join(x)[:60] if isinstance(x, list) else None)
def test_usage_errors_exit_2(args: list[str], error: str) -> None:
    proc = _run(*args)
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert lines[0].startswith(f"Usage: offercheck {args[0]} "), proc.stderr
    assert lines[-1].startswith(error), proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("args", [["compare", "missing.toml"], ["compare", OFFER, "--profile", "missing.toml"],
                                  ["compare", OFFER, "--benchmarks", "missing.toml"]])
def test_a_bad_file_is_still_exit_1(args: list[str]) -> None:
    proc = _run(*args)
    assert proc.returncode == 1 and proc.stderr == "Error: missing.toml: no such file\n", proc.stderr
