"""`benchmarks show` escapes a benchmark file's text, and no `Error:` line carries raw input (issue 27 item 16).

A city holding an OSC escape set the terminal's title; `--format markdown` emitted raw `<img onerror=...>`,
links and extra table columns from survey text; CSV header names and file names reached `Error:` lines raw.
Terminal: no control character from any input. Markdown: no raw HTML, link or column of its own.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, invoke

OSC = "\x1b]0;pwned\x07"
CSI = "\x9b2J"  # the 8-bit CSI: clears the screen on some terminals
IMG = "<img src=x onerror=alert(1)>"
LINK = "[c](javascript:alert(1))"
URL = "https://evil.example.com/phish"
HOSTILE = f"{OSC}{IMG} {LINK} | x | y {URL} {CSI}"

# Characters no terminal output may hold: C0 but the newline, DEL, C1.
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _toml(text: str) -> str:
    return '"' + "".join(f"\\u{ord(c):04x}" if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or c in '"\\' else c
                         for c in text) + '"'


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.toml"
    path.write_text(f"""[meta]
name = "hostile"
format = 2
[[sources]]
id = "s1"
title = {_toml(HOSTILE)}
year = 2024
url = {_toml(URL)}
{_toml("note " + OSC)} = {_toml("value " + HOSTILE)}

[[cells]]
role = {_toml("data scientist " + IMG)}
country = "US"
city = {_toml("Austin" + OSC + " | z")}
n = 40
method = {_toml(HOSTILE)}
fallback = {_toml(HOSTILE)}
base = {{ p10 = 80000, p25 = 90000, p50 = 100000, p75 = 110000, p90 = 120000 }}

[[cells]]
n = 40
method = "plain"
base = {{ p10 = 80000, p25 = 90000, p50 = 100000, p75 = 110000, p90 = 120000 }}
""", encoding="utf-8")
    return path


def test_the_table_holds_no_control_character(hostile_file: Path) -> None:
    code, out, err = invoke("benchmarks", "show", "--benchmarks", str(hostile_file))
    assert code == 0, err
    assert not CONTROL.findall(out), CONTROL.findall(out)
    assert "pwned" in out  # the text is still shown, made harmless
    rows = [line for line in out.splitlines() if "Austin" in line]
    assert len(rows) == 1  # on one line: a line break in a city would have started a row of its own


def _markdown_it() -> Any:
    markdown_it = pytest.importorskip("markdown_it")
    pytest.importorskip("linkify_it")
    return markdown_it.MarkdownIt("gfm-like")  # tables, strikethrough and linkify (bare URLs)


def test_markdown_has_no_html_link_or_extra_column(hostile_file: Path) -> None:
    code, md, err = invoke("benchmarks", "show", "--benchmarks", str(hostile_file), "-f", "markdown")
    assert code == 0, err
    assert not CONTROL.findall(md)
    html = _markdown_it().render(md)
    assert "<img" not in html and "<a " not in html and "href" not in html, html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # shown as text
    # Every row of the table has as many cells as its header: no "|" of the file's text opened a column.
    tables = re.findall(r"<table>.*?</table>", html, re.S)
    assert tables
    for table in tables:
        header = len(re.findall(r"<th[ >]", table.split("</thead>")[0]))
        for row in re.findall(r"<tr>(.*?)</tr>", table.split("</thead>")[1], re.S):
            assert len(re.findall(r"<td", row)) == header, row


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "offercheck", *args], capture_output=True, text=True, cwd=REPO,
                          timeout=120, check=False)


def test_a_csv_header_reaches_the_error_line_escaped(tmp_path: Path) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_text(f"salary,{OSC}city{CSI}\n100000,Austin\n", encoding="utf-8")
    proc = _run("benchmarks", "build", str(survey), "-o", "-", "--map", "base=nope")
    assert proc.returncode == 1
    assert not CONTROL.findall(proc.stderr), repr(proc.stderr)
    # (The header is named as read, in lower case.)
    assert proc.stderr.count("\n") == 1 and "\\x1b]0;pwned\\x07city\\x9b2j" in proc.stderr, proc.stderr


@pytest.mark.parametrize("command", [["compare"], ["validate"], ["benchmarks", "build"], ["compare", "--profile"],
                                     ["compare", "--benchmarks"]])
def test_a_file_name_reaches_the_error_line_escaped(tmp_path: Path, command: list[str]) -> None:
    name = tmp_path / f"offer{OSC}\nError: forged.toml"
    args = [*command, str(name)]
    if "--profile" in command or "--benchmarks" in command:
        offer = tmp_path / "ok.toml"
        offer.write_text('[offer]\ncompany = "A"\n[salary]\nbase = 100000\n', encoding="utf-8")
        args = [command[0], str(offer), command[1], str(name)]
    if command[0] == "benchmarks":
        args += ["-o", "-", "--map", "base=salary"]
    proc = _run(*args)
    assert proc.returncode == 1
    assert not CONTROL.findall(proc.stderr), repr(proc.stderr)
    assert proc.stderr.count("\n") == 1, proc.stderr  # the name's line break did not forge a second line
    assert "offer\\x1b]0;pwned\\x07\\nError: forged.toml" in proc.stderr, proc.stderr


def test_a_warning_reaches_stderr_escaped(tmp_path: Path) -> None:
    offer = tmp_path / "offer.toml"
    offer.write_text(f'[offer]\ncompany = "A"\nrole = {_toml("chef" + OSC)}\n[salary]\nbase = 100000\n',
                     encoding="utf-8")
    proc = _run("compare", str(offer))
    assert proc.returncode == 0, proc.stderr
    assert not CONTROL.findall(proc.stderr + proc.stdout), repr(proc.stderr)
