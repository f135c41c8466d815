"""Long text and many problems cost bounded time and output (issue 27 item 14).

A 1 MB company name took 25 s in table output (wrapping is not linear in a word's length); an offer of many
unknown keys printed one error line each (1,000,000 lines in 20 s); `--map base=nope` on a 50 MB one-line CSV
printed the 50 MB header back in its error. Long text is cut in tables (``render.common.clip``) and in messages
(``errors.one_line``), and at most ``errors.LISTED`` problems are listed per file, then how many more there are.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import invoke

LISTED = 10  # offercheck.errors.LISTED: problems listed per file (constants here, so the test runs on old code too)
MESSAGE_LIMIT = 1000  # offercheck.errors.MESSAGE_LIMIT: characters of one message

BIG_NAME = "A" * 1_000_000


def _offer(tmp_path: Path, company: str = "Acme", extra: str = "", name: str = "offer.toml") -> Path:
    path = tmp_path / name
    path.write_text(f'[offer]\ncompany = "{company}"\n[salary]\nbase = 100000\n{extra}', encoding="utf-8")
    return path


@pytest.mark.parametrize(("command", "fmt"), [("compare", "table"), ("compare", "markdown"),
                                              ("negotiate", "text"), ("negotiate", "markdown")])
def test_a_megabyte_company_name_is_cut_in_tables(tmp_path: Path, command: str, fmt: str) -> None:
    path = _offer(tmp_path, BIG_NAME)
    start = time.perf_counter()
    code, out, err = invoke(command, str(path), "-f", fmt)
    took = time.perf_counter() - start
    assert code == 0, err
    assert took < 10, f"{took:.1f} s"
    assert len(out) < 50_000, len(out)  # the name is shown cut, not in full (a million characters)
    assert "AAAA…" in out


def test_a_megabyte_company_name_stays_whole_in_json(tmp_path: Path) -> None:
    code, out, _ = invoke("compare", str(_offer(tmp_path, BIG_NAME)), "-f", "json")
    assert code == 0 and f'"company": "{BIG_NAME}"' in out  # data is data: only what people read is cut


def test_many_unknown_keys_are_counted_not_listed(tmp_path: Path) -> None:
    keys = "".join(f"k{i}=1\n" for i in range(100_000))  # about 0.8 MB, under the 1 MiB limit of an offer file
    path = _offer(tmp_path, extra="[bonus]\n" + keys)
    start = time.perf_counter()
    code, _, err = invoke("validate", str(path))
    took = time.perf_counter() - start
    lines = err.splitlines()
    assert code == 1
    assert len(lines) == LISTED + 1
    assert lines[0] == f"Error: {path}: bonus.k0: unknown key (valid: target_percent, amount, prorated)"
    assert lines[-1] == f"Error: {path}: ... and {100_000 - LISTED:,} more problems"
    assert took < 10, f"{took:.1f} s"


def test_each_file_lists_its_own_problems(tmp_path: Path) -> None:
    many = _offer(tmp_path, extra="[bonus]\n" + "".join(f"k{i} = 1\n" for i in range(15)), name="many.toml")
    few = _offer(tmp_path, extra="[bonus]\nzz = 1\n", name="few.toml")
    code, _, err = invoke("validate", str(many), str(few))
    lines = err.splitlines()
    assert code == 1 and len(lines) == LISTED + 2
    assert lines[LISTED] == f"Error: {many}: ... and 5 more problems"
    assert lines[-1].startswith(f"Error: {few}: bonus.zz: unknown key")


def test_a_huge_header_is_cut_in_the_error(tmp_path: Path) -> None:
    survey = tmp_path / "one-line.csv"
    header = ",".join(f"column{i}" for i in range(5_000_000))  # about 50 MB, one line
    survey.write_text(header + "\n", encoding="utf-8")
    start = time.perf_counter()
    code, _, err = invoke("benchmarks", "build", str(survey), "-o", "-", "--map", "base=nope")
    took = time.perf_counter() - start
    assert code == 1
    assert len(err) < 2 * MESSAGE_LIMIT, len(err)
    assert err.startswith("Error: ") and "more characters)" in err and err.count("\n") == 1
    assert took < 30, f"{took:.1f} s"


def test_a_long_field_name_and_file_name_are_cut(tmp_path: Path) -> None:
    key = "k" * 100_000
    path = _offer(tmp_path, extra=f"[bonus]\n{key} = 1\n")
    code, _, err = invoke("validate", str(path))
    assert code == 1 and len(err) < 2 * MESSAGE_LIMIT and err.count("\n") == 1


def test_the_constants_are_the_library_s() -> None:
    from offercheck import errors

    assert (errors.LISTED, errors.MESSAGE_LIMIT) == (LISTED, MESSAGE_LIMIT)
