"""-o FILE: the format its extension names, and every write failure as one clear error (defect 7)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from offercheck.cli.main import cli


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, list(args))
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("name", "check"), [
    ("report.html", lambda t: t.startswith("<!DOCTYPE html>")),
    ("report.json", lambda t: json.loads(t)["offers"][0]["label"] == "Acme"),
    ("report.csv", lambda t: t.splitlines()[0].count(",") >= 3 and "Acme" in t),
    ("report.md", lambda t: "| Acme" in t and "|--" in t),
])
def test_compare_takes_the_format_from_the_extension(runner: CliRunner, write_offer: Callable[..., Path],
                                                     tmp_path: Path, name: str,
                                                     check: Callable[[str], bool]) -> None:
    out = tmp_path / name
    code, _, err = run(runner, "compare", str(write_offer()), "-o", str(out))
    assert code == 0, err
    assert check(out.read_text(encoding="utf-8"))


def test_negotiate_takes_the_format_from_the_extension(runner: CliRunner, write_offer: Callable[..., Path],
                                                       tmp_path: Path) -> None:
    out = tmp_path / "points.json"
    code, _, err = run(runner, "negotiate", str(write_offer()), "-o", str(out))
    assert code == 0, err
    json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("command", ["compare", "negotiate"])
def test_a_format_conflicting_with_the_extension_is_a_usage_error(runner: CliRunner,
                                                                  write_offer: Callable[..., Path],
                                                                  tmp_path: Path, command: str) -> None:
    out = tmp_path / "report.html"
    code, _, err = run(runner, command, str(write_offer()), "-f", "json", "-o", str(out))
    assert code == 2 and "--format json conflicts with -o" in err
    assert not out.exists()


def test_the_same_format_as_the_extension_is_fine(runner: CliRunner, write_offer: Callable[..., Path],
                                                  tmp_path: Path) -> None:
    code, _, err = run(runner, "compare", str(write_offer()), "-f", "html", "-o", str(tmp_path / "r.HTML"))
    assert code == 0, err


@pytest.mark.parametrize(("output", "words"), [
    ("", "Error: -o: empty file name"),
    ("newdir/", "Error: newdir/: no such directory"),
    ("missing/x.txt", "Error: missing/x.txt: cannot write: No such file or directory"),
])
def test_bad_output_paths(runner: CliRunner, write_offer: Callable[..., Path], tmp_path: Path,
                          monkeypatch: pytest.MonkeyPatch, output: str, words: str) -> None:
    offer = write_offer()
    monkeypatch.chdir(tmp_path)
    code, _, err = run(runner, "compare", str(offer), "-o", output)
    assert code == 1 and err.startswith(words) and len(err.splitlines()) == 1, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["offer.toml"]  # nothing created


def test_a_directory_output_is_an_error(runner: CliRunner, write_offer: Callable[..., Path],
                                        tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    code, _, err = run(runner, "compare", str(write_offer()), "-o", f"{tmp_path / 'd'}/")
    assert code == 1 and err.endswith(": is a directory\n")


def test_a_dangling_symlink_is_not_written_through(runner: CliRunner, write_offer: Callable[..., Path],
                                                   tmp_path: Path) -> None:
    link = tmp_path / "out.txt"
    link.symlink_to(tmp_path / "elsewhere.txt")
    code, _, err = run(runner, "compare", str(write_offer()), "-o", str(link))
    assert code == 1 and "symbolic link to a missing file; use --force" in err
    assert not (tmp_path / "elsewhere.txt").exists()
    code, _, err = run(runner, "compare", str(write_offer()), "-o", str(link), "--force")
    assert code == 0 and "Acme" in (tmp_path / "elsewhere.txt").read_text(encoding="utf-8")


def test_an_unreadable_directory_on_the_way(runner: CliRunner, write_offer: Callable[..., Path],
                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root reads every directory, so the PermissionError that stat() raises for others is simulated.
    def denied(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        if "locked" in str(self):
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)  # type: ignore[arg-type]

    real_stat = Path.stat
    offer = write_offer()
    monkeypatch.setattr(Path, "stat", denied)
    code, _, err = run(runner, "compare", str(offer), "-o", str(tmp_path / "locked" / "x.txt"))
    assert code == 1 and err.endswith("x.txt: cannot write: Permission denied\n")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_stdout_on_a_full_disk(write_offer: Callable[..., Path]) -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "offercheck", "compare", str(write_offer())],
                              stdout=full, stderr=subprocess.PIPE, text=True, check=False)
    assert proc.returncode == 1
    assert proc.stderr == "Error: cannot write to standard output: No space left on device\n"


def test_the_same_file_twice_gets_two_labels(runner: CliRunner, write_offer: Callable[..., Path]) -> None:
    path = str(write_offer(name="acme.toml"))
    code, out, err = run(runner, "compare", path, path, "-f", "json")
    assert code == 0, err
    assert [o["label"] for o in json.loads(out)["offers"]] == ["acme", "acme (2)"]
