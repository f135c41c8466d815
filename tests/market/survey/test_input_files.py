"""Issue 27 item 10: a user's input file is read only if it is a regular file, and only up to a stated size limit
(:func:`offercheck.datafiles.read_input`); the survey reader uses it. /dev/zero, a FIFO and a huge file are
refused with one clear line, quickly and within bounded memory (the CLI runs under RLIMIT_AS in a subprocess)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from offercheck import datafiles
from offercheck.market.survey.build import build_benchmarks
from tests.conftest import REPO

resource = pytest.importorskip("resource")  # POSIX only

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
needs_dev_zero = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
MEMORY = 1 << 30  # address space for the CLI subprocess: far less than the 24 GB /dev/zero once took
# Run the CLI with its address space bounded; a hang (a FIFO opened for reading blocks) is a timeout.
RUN = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
from offercheck.cli.main import main
main(sys.argv[1:], prog_name="offercheck")
"""


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OFFERCHECK_LOAD_PLUGINS": ""}
    return subprocess.run([sys.executable, "-c", RUN.format(memory=MEMORY), *args], capture_output=True, text=True,
                          timeout=60, cwd=REPO, env=env)


def _build(path: Path) -> subprocess.CompletedProcess[str]:
    return _cli("benchmarks", "build", str(path), "-o", "-", "--map", "base=salary")


def test_a_survey_builds_under_the_same_memory_bound(tmp_path: Path) -> None:
    survey = tmp_path / "s.csv"
    survey.write_text("salary\n" + "".join(f"{100_000 + i}\n" for i in range(40)), encoding="utf-8")
    run = _build(survey)
    assert run.returncode == 0 and "[[cells]]" in run.stdout, run.stderr


@needs_dev_zero
def test_dev_zero_is_refused_in_bounded_memory() -> None:
    run = _build(Path("/dev/zero"))
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr == "Error: /dev/zero: cannot read: not a regular file (a character device)\n"


@needs_fifo
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "survey.csv"
    os.mkfifo(fifo)
    run = _build(fifo)
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr == f"Error: {fifo}: cannot read: not a regular file (a FIFO)\n"


def test_a_file_over_the_survey_limit_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as f:  # sparse: no disk space used
        f.truncate(512 * 2**20 + 1)
    run = _build(big)
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr == f"Error: {big}: cannot read: larger than 512 MiB, the limit for a survey CSV\n"


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OSError, match=r"not a regular file \(a directory\)") as e:
        build_benchmarks(tmp_path, name="x", mapping={"base": "salary"})
    assert e.value.filename == str(tmp_path)


def test_read_input_reads_a_regular_file(tmp_path: Path) -> None:
    path = tmp_path / "offer.toml"
    path.write_bytes(b"[offer]\n" * 1000)
    assert datafiles.read_input(path, "offer file") == b"[offer]\n" * 1000
    empty = tmp_path / "empty.toml"
    empty.write_bytes(b"")
    assert datafiles.read_input(empty, "offer file") == b""


def test_read_input_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    with pytest.raises(datafiles.InputFileError, match=r"not a regular file \(a directory\)"):
        datafiles.read_input(tmp_path, "offer file")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo")
        with pytest.raises(datafiles.InputFileError, match=r"not a regular file \(a FIFO\)") as e:
            datafiles.read_input(tmp_path / "fifo", "offer file")  # returns at once: opened without blocking
        assert e.value.filename == str(tmp_path / "fifo")
    if Path("/dev/null").exists():
        with pytest.raises(datafiles.InputFileError, match=r"not a regular file \(a character device\)"):
            datafiles.read_input(Path("/dev/null"), "offer file")
    with pytest.raises(FileNotFoundError):
        datafiles.read_input(tmp_path / "missing.toml", "offer file")


def test_read_input_enforces_the_limit_of_each_kind(tmp_path: Path) -> None:
    limit = datafiles.INPUT_LIMITS["offer file"]
    path = tmp_path / "offer.toml"
    path.write_bytes(b"#" * limit)
    assert len(datafiles.read_input(path, "offer file")) == limit
    path.write_bytes(b"#" * (limit + 1))
    with pytest.raises(datafiles.InputFileError, match="larger than 1 MiB, the limit for an offer file"):
        datafiles.read_input(path, "offer file")
    with pytest.raises(ValueError, match="unknown kind"):
        datafiles.read_input(path, "nonsense")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc here")
def test_a_file_whose_size_is_unknown_is_still_read_within_the_limit() -> None:
    # /proc files are regular files that report a size of 0: read to their end, never past the limit.
    assert b"Name:" in datafiles.read_input(Path("/proc/self/status"), "offer file")
