"""Every input file is read with ``datafiles.read_input`` (issue 27 item 10): an offer file, ``--current``,
``--profile``, ``--benchmarks`` and a benchmark file a plugin registers by path. /dev/zero, a FIFO, a directory and
a huge file are each one clean error line naming the file, at once and in bounded memory: the CLI runs in a
subprocess whose address space is limited (RLIMIT_AS), and a FIFO that blocked would be a timeout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, REPO

resource = pytest.importorskip("resource")  # POSIX only

MEMORY = 1 << 30  # bytes of address space: reading /dev/zero took 24 GB in 3 s
RUN = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
from offercheck.cli.main import main
main(sys.argv[1:], prog_name="offercheck")
"""
needs_dev_zero = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")


def _cli(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OFFERCHECK_LOAD_PLUGINS": ""}
    return subprocess.run([sys.executable, "-c", RUN.format(memory=MEMORY), *map(str, args)], capture_output=True,
                          text=True, timeout=60, cwd=cwd, env=env, check=False)


def _special(kind: str, tmp_path: Path) -> Path:
    if kind == "dev-zero":
        if not Path("/dev/zero").exists():
            pytest.skip("no /dev/zero here")
        return Path("/dev/zero")
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        path = tmp_path / "input.toml"
        os.mkfifo(path)
        return path
    path = tmp_path / "huge.toml"
    with path.open("wb") as f:  # sparse: 8 GiB of nothing, no disk used
        f.truncate(8 * 2**30)
    return path


REASONS = {"dev-zero": "not a regular file (a character device)", "fifo": "not a regular file (a FIFO)"}


def _reason(kind: str, limit: str) -> str:
    return REASONS.get(kind) or f"larger than {limit}"


@pytest.fixture
def offer(tmp_path: Path) -> Path:
    path = tmp_path / "offer.toml"
    path.write_text(textwrap.dedent(MINIMAL), encoding="utf-8")
    return path


KINDS = ["dev-zero", "fifo", "huge"]


@pytest.mark.parametrize("kind", KINDS)
def test_an_offer_file(tmp_path: Path, kind: str) -> None:
    bad = _special(kind, tmp_path)
    for command in ("compare", "validate", "negotiate"):
        run = _cli(command, bad)
        assert (run.returncode, run.stdout) == (1, ""), (command, run.stderr)
        limit = "1 MiB, the limit for an offer file"
        assert run.stderr == f"Error: {bad}: cannot read: {_reason(kind, limit)}\n", (command, run.stderr)


@pytest.mark.parametrize("kind", KINDS)
def test_a_current_job_file(tmp_path: Path, offer: Path, kind: str) -> None:
    bad = _special(kind, tmp_path)
    run = _cli("compare", offer, "--current", bad)
    assert (run.returncode, run.stdout) == (1, ""), run.stderr
    assert run.stderr == f"Error: {bad}: cannot read: {_reason(kind, '1 MiB, the limit for an offer file')}\n"


@pytest.mark.parametrize("kind", KINDS)
def test_a_profile(tmp_path: Path, offer: Path, kind: str) -> None:
    bad = _special(kind, tmp_path)
    run = _cli("compare", offer, "--profile", bad)
    assert (run.returncode, run.stdout) == (1, ""), run.stderr
    assert run.stderr == f"Error: {bad}: cannot read: {_reason(kind, '1 MiB, the limit for a profile')}\n"


@pytest.mark.parametrize("kind", KINDS)
def test_a_benchmark_file(tmp_path: Path, offer: Path, kind: str) -> None:
    bad = _special(kind, tmp_path)
    limit = "64 MiB, the limit for a benchmark file"
    for args in (("compare", offer, "--benchmarks", bad), ("benchmarks", "show", "--benchmarks", bad)):
        run = _cli(*args)
        assert (run.returncode, run.stdout) == (1, ""), run.stderr
        assert run.stderr == f"Error: {bad}: cannot read the file: {_reason(kind, limit)}\n", run.stderr


@pytest.mark.parametrize("kind", KINDS)
def test_a_benchmark_file_a_plugin_registers(tmp_path: Path, offer: Path, kind: str) -> None:
    bad = _special(kind, tmp_path)
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "bands.py").write_text(textwrap.dedent(f"""
        from offercheck import hookimpl

        @hookimpl
        def offercheck_register_benchmarks(register):
            register({str(bad)!r})
    """), encoding="utf-8")
    run = _cli("compare", offer, "--plugins-dir", plugins)
    assert (run.returncode, run.stdout) == (1, ""), run.stderr
    limit = "64 MiB, the limit for a plugin data file"
    assert run.stderr == (f"Error: plugin 'bands' failed in offercheck_register_benchmarks: BenchmarkFileError: "
                          f"{bad}: cannot read the file: {_reason(kind, limit)}\n"), run.stderr


def test_a_directory_given_as_a_profile(tmp_path: Path, offer: Path) -> None:
    run = _cli("compare", offer, "--profile", tmp_path)
    assert (run.returncode, run.stderr) == (1, f"Error: {tmp_path}: is a directory, not a profile\n")


def test_the_limits_are_the_stated_ones(tmp_path: Path, write_offer: Callable[..., Path]) -> None:
    # An offer file of exactly 1 MiB is read (and found wanting for its content), one byte more is refused unread.
    path = tmp_path / "padded.toml"
    body = textwrap.dedent(MINIMAL).encode()
    path.write_bytes(body + b"#" * (2**20 - len(body) - 1) + b"\n")
    assert _cli("validate", path).returncode == 0
    path.write_bytes(body + b"#" * (2**20 - len(body)) + b"\n")
    run = _cli("validate", path)
    assert run.stderr == f"Error: {path}: cannot read: larger than 1 MiB, the limit for an offer file\n"
