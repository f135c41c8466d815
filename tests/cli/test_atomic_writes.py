"""Writes are atomic (issue 27 item 8, DESIGN.md section 8): a failed `-o FILE --force` leaves the old file whole.

`-o report.html --force` under a write failure (a file-size limit, a full disk) truncated the old file, and so did
`benchmarks build --force`: every command that writes now writes a temporary file beside the output and renames
it into place. The failures are real: RLIMIT_FSIZE in a subprocess, and a read-only directory.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, REPO, SHARED

OLD = "the old report, which must survive\n"
OFFER = EXAMPLES / "bigtech-sf.toml"
SURVEY = SHARED / "data" / "aijobs_salaries_2025-01-19.csv"
LIMIT = 1024  # bytes any file may grow to in the subprocess: every output below is larger


def _commands(out: Path) -> dict[str, list[str]]:
    return {
        "compare html": ["compare", str(OFFER), "-o", str(out.with_suffix(".html")), "--force"],
        "compare table": ["compare", str(OFFER), "-o", str(out.with_suffix(".txt")), "--force"],
        "negotiate markdown": ["negotiate", str(OFFER), "-o", str(out.with_suffix(".md")), "--force"],
        "schema": ["schema", "-o", str(out.with_suffix(".json")), "--force"],
        "new": ["new", str(out.with_suffix(".toml")), "--force"],
        "benchmarks show": ["benchmarks", "show", "-o", str(out.with_suffix(".txt")), "--force"],
        "benchmarks build": ["benchmarks", "build", str(SURVEY), "-o", str(out.with_suffix(".toml")), "--force"],
    }


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OFFERCHECK_CACHE_DIR": str(Path(tempfile.gettempdir()) / "offercheck-atomic-cache")}
    return subprocess.run([sys.executable, "-m", "offercheck", *args], capture_output=True, text=True,
                          cwd=REPO, env=env, timeout=300, check=False, **kwargs)  # type: ignore[call-overload]


@pytest.mark.parametrize("command", list(_commands(Path("x"))))
def test_a_file_size_limit_leaves_the_old_file_whole(tmp_path: Path, command: str) -> None:
    if command == "benchmarks build" and not SURVEY.exists():
        pytest.skip(f"shared survey data not found at {SURVEY}")
    args = _commands(tmp_path / "report")[command]
    target = Path(args[args.index("-o") + 1] if "-o" in args else args[1])
    target.write_text(OLD, encoding="utf-8")
    proc = _run(args, preexec_fn=_limited)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.splitlines()[-1] == f"Error: {target}: cannot write: File too large", proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    assert target.read_text(encoding="utf-8") == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temporary file left behind


def _without_privileges() -> list[str]:
    """A command prefix under which a read-only directory is read-only: none for a user, and for root a user
    namespace (``unshare --user``), where root keeps owning its files but loses the right to override modes."""
    if os.geteuid() != 0:
        return []
    unshare = shutil.which("unshare")
    if unshare is None or subprocess.run([unshare, "--user", "true"], capture_output=True, check=False).returncode:
        pytest.skip("running as root, and no user namespace to drop the right to write anywhere")
    return [unshare, "--user"]


def test_a_read_only_directory_leaves_the_old_file_whole(tmp_path: Path) -> None:
    prefix = _without_privileges()
    ro = tmp_path / "ro"
    ro.mkdir()
    target = ro / "report.html"
    target.write_text(OLD, encoding="utf-8")  # the file itself is writable: only its directory is not
    ro.chmod(0o555)
    try:
        env = {**os.environ, "OFFERCHECK_CACHE_DIR": str(tmp_path / "cache")}
        proc = subprocess.run([*prefix, sys.executable, "-m", "offercheck", "compare", str(OFFER), "-o", str(target),
                               "--force"], capture_output=True, text=True, cwd=REPO, env=env, timeout=300,
                              check=False)
    finally:
        ro.chmod(0o755)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == f"Error: {target}: cannot write: Permission denied\n"
    assert target.read_text(encoding="utf-8") == OLD
    assert [p.name for p in ro.iterdir()] == ["report.html"]


def test_an_atomic_write_keeps_the_mode_and_writes_through_a_link(tmp_path: Path) -> None:
    from offercheck.cli.options import write_atomically

    real = tmp_path / "real.txt"
    real.write_text(OLD, encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomically(link, "new\n", replace=True)
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new\n"
    assert real.stat().st_mode & 0o777 == 0o640
    with pytest.raises(FileExistsError):
        write_atomically(real, "newer\n", replace=False)
    assert real.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "real.txt"]
