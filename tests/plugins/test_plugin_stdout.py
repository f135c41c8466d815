"""Nothing a plugin writes reaches stdout (issue 27 item 18, DESIGN section 8): ``compare --format json`` stays one
JSON document whatever the plugin writes to, ``print``, ``sys.__stdout__`` or file descriptor 1, at import or in a
hook, and however it ends. Redirection was Python-level only: ``os.write(1, ...)`` and ``sys.__stdout__`` went
straight into the JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from offercheck.errors import PluginError
from offercheck.plugins.calls import isolated
from tests.conftest import REPO

NOISY = """
    import os
    import sys

    from offercheck import hookimpl

    def noise(where):
        print(f"print {where}")
        sys.__stdout__.write(f"dunder {where}\\n")  # buffered: flushed by offercheck, to stderr
        sys.stdout.buffer.write(f"buffer {where}\\n".encode())
        os.write(1, f"fd1 {where}\\n".encode())
        sys.__stdout__.flush()

    noise("import")

    @hookimpl
    def offercheck_adjust(offer, benchmark):
        noise("adjust")
        return None

    @hookimpl
    def offercheck_talking_points(offer, evaluation, others):
        sys.__stdout__.write("dunder unflushed at a failure\\n")
        os.write(1, b"fd1 before a failure\\n")
        raise SystemExit(3)
    """


def run(plugins: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "offercheck", *args, "--plugins-dir", str(plugins)],
                          capture_output=True, text=True, cwd=REPO, timeout=120)


@pytest.fixture
def plugins(tmp_path: Path) -> Path:
    (tmp_path / "noisy.py").write_text(textwrap.dedent(NOISY), encoding="utf-8")
    return tmp_path


def test_compare_json_is_json_whatever_a_plugin_writes(plugins: Path) -> None:
    result = run(plugins, "compare", "examples/bigtech-sf.toml", "examples/startup-nyc.toml", "--format", "json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)  # nothing but the document
    assert [o["label"] for o in doc["offers"]]
    for where in ("import", "adjust"):
        for how in ("print", "dunder", "buffer", "fd1"):
            assert f"{how} {where}\n" in result.stderr, (how, where)
    assert "fd1" not in result.stdout and "dunder" not in result.stdout


def test_stdout_is_back_after_a_plugin_fails(plugins: Path) -> None:
    """negotiate calls offercheck_talking_points, which writes and then calls sys.exit: one clean error line."""
    result = run(plugins, "negotiate", "examples/bigtech-sf.toml", "--format", "json")
    assert result.returncode == 1
    assert result.stdout == ""  # what it wrote before failing went to stderr, with the error
    assert "dunder unflushed at a failure\n" in result.stderr and "fd1 before a failure\n" in result.stderr
    assert result.stderr.endswith("Error: plugin 'noisy' failed in offercheck_talking_points: SystemExit: 3\n")


def test_isolated_restores_every_stream_even_on_system_exit(capfd: pytest.CaptureFixture[str]) -> None:
    stdout, dunder = sys.stdout, sys.__stdout__
    with pytest.raises(PluginError), isolated("p", "hook"):
        os.write(1, b"inside\n")
        raise SystemExit(0)
    assert (sys.stdout, sys.__stdout__) == (stdout, dunder)
    os.write(1, b"after\n")
    out, err = capfd.readouterr()
    assert (out, err) == ("after\n", "inside\n")


def test_isolated_is_re_entrant(capfd: pytest.CaptureFixture[str]) -> None:
    with isolated("outer", "hook"):
        with isolated("inner", "hook"):
            os.write(1, b"inner\n")
        os.write(1, b"outer, after the inner block\n")  # still redirected: the inner block restored nothing
    os.write(1, b"out\n")
    out, err = capfd.readouterr()
    assert (out, err) == ("out\n", "inner\nouter, after the inner block\n")


def test_offerchecks_own_pending_output_stays_on_stdout(capfd: pytest.CaptureFixture[str]) -> None:
    sys.stdout.write("offercheck's own line, not yet flushed\n")
    with isolated("p", "hook"):
        print("the plugin's line")
    sys.stdout.flush()
    out, err = capfd.readouterr()
    assert (out, err) == ("offercheck's own line, not yet flushed\n", "the plugin's line\n")
