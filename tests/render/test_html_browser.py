"""The HTML report in a real browser (headless Chromium): what a person sees on a desktop and on a phone.

CI installs Chromium (.ci/run) and sets OFFERCHECK_REQUIRE_BROWSER=1, so there a missing browser fails instead of
skipping.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import invoke

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and os.environ.get("OFFERCHECK_REQUIRE_BROWSER"):
    raise RuntimeError("OFFERCHECK_REQUIRE_BROWSER is set but chromium is not on PATH")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not on PATH (Debian: apt-get install chromium)")

# Runs in a wrapper page around the report (an iframe of the window width under test, srcdoc so that the script
# may read it): the report itself carries no script and a CSP that forbids one.
PROBE = """<script>
function probe(frame) {
  const d = frame.contentDocument, root = d.documentElement;
  const bars = [...d.querySelectorAll("svg.bars g.bar rect")].map(r => r.getBoundingClientRect());
  const offers = [...d.querySelectorAll("#summary tbody tr")].map(tr => tr.getBoundingClientRect());
  const out = {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, title: d.title,
               bars: d.querySelectorAll("svg.bars g.bar").length,
               drawn: bars.filter(r => r.width > 0 && r.height > 0).length,
               summaryRight: Math.max(...offers.map(r => r.right))};
  const pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
}
</script>"""


def seen(page: str, width: int, tmp_path: Path) -> dict[str, object]:
    """What the browser laid out for ``page`` in a window ``width`` pixels wide."""
    assert CHROMIUM is not None
    wrapper = tmp_path / f"at-{width}.html"
    wrapper.write_text(
        f'<!DOCTYPE html><html><body style="margin:0">{PROBE}<iframe width="{width}" height="900" '
        f'style="border:0" onload="probe(this)" srcdoc="{html.escape(page, quote=True)}"></iframe></body></html>',
        encoding="utf-8")
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run",
             f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,1000"]
    dom = subprocess.run([*flags, "--dump-dom", wrapper.as_uri()], capture_output=True, text=True, timeout=120,
                         check=False)
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom.stdout, re.S)
    assert found, dom.stderr[-2000:]
    result: dict[str, object] = json.loads(html.unescape(found.group(1)))
    return result


@pytest.fixture(scope="module")
def page() -> str:
    code, out, err = invoke("compare", "examples/bank-toronto.toml", "examples/bigtech-sf.toml",
                            "examples/startup-nyc.toml", "--currency", "USD", "--after-tax", "--real",
                            "--leave-after", "6", "-f", "html")
    assert code == 0, err
    return out


@pytest.mark.parametrize("width", [1280, 420])
def test_the_page_renders_with_its_chart_and_never_scrolls_sideways(page: str, tmp_path: Path,
                                                                     width: int) -> None:
    view = seen(page, width, tmp_path)
    assert str(view["title"]).startswith("Offer comparison: ")
    # Three offers over four years: twelve stacked bars, each drawn with a real size.
    assert view["bars"] == 12 and int(str(view["drawn"])) >= 12
    assert int(str(view["scrollWidth"])) <= int(str(view["clientWidth"])), view
    assert float(str(view["summaryRight"])) <= int(str(view["clientWidth"])), view
