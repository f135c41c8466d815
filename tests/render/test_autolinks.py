"""Bare URLs in user text make no link in markdown output (issue 27 item 17, DESIGN.md section 8).

`Acme https://evil.example.com/phish` as a label became a link wherever the markdown was shown. GitHub
(cmark-gfm's autolink extension) links `http(s)://` and `ftp://` URLs, `www.` addresses and e-mail addresses;
linkifiers (markdown-it's linkify, linkify-it) also link bare domains (`evil.example.com`) and `//host` URLs.
``markdown_text`` puts a backslash before the "." of a domain, the ":" of "://" and each "/" of "//" (all render
as typed and make no link in either), and an invisible word joiner (U+2060) before the "@" of an e-mail address
(GitHub links one across backslash escapes). Checked with markdown-it-py's linkify, and with GitHub's own
renderer (cmarkgfm) where it is installed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from offercheck.render.common import markdown_text
from tests.conftest import invoke

LINKY = [
    "Acme https://evil.example.com/phish", "http://evil.com", "HTTPS://EVIL.COM/x", "ftp://files.evil.com",
    "www.evil.com", "WWW.EVIL.COM", "evil.example.com", "see evil.co.uk/login", "//localhost/x",
    "mail me: a@evil.com", "a.b+c@mail.evil.com", "mailto:a@evil.com", "xmpp:a@evil.com/r",
    "https://medium.com/@someone/post", "http://192.168.0.1/admin", "bücher.de", "user@xn--80ak6aa92e.com",
]


def _renderers() -> list[tuple[str, Callable[[str], str]]]:
    markdown_it = pytest.importorskip("markdown_it")
    pytest.importorskip("linkify_it")
    found: list[tuple[str, Callable[[str], str]]] = [("markdown-it linkify", markdown_it.MarkdownIt("gfm-like").render)]
    try:
        import cmarkgfm  # GitHub's renderer
    except ImportError:
        pass
    else:
        found.append(("cmark-gfm", cmarkgfm.github_flavored_markdown_to_html))
    return found


def _shown(rendered: str) -> str:
    """The text a reader sees: tags dropped, entities read, the invisible word joiner gone."""
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).replace("\u2060", "").strip()


@pytest.mark.parametrize("text", LINKY)
def test_no_autolink_and_the_text_as_typed(text: str) -> None:
    renderers = _renderers()
    # Each case is one some renderer links as typed (GitHub leaves bare domains alone, linkify does not).
    assert any("<a " in render(text) for _, render in renderers), f"nothing links {text!r}: the case proves nothing"
    for name, render in renderers:
        out = render(markdown_text(text))
        assert "<a " not in out and "href" not in out, (name, text, out)
        assert _shown(out) == text, (name, text, out)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(["http", "https", "ftp", "www", "mailto", "a", "ex-ample", "com", "org", "io",
                                 "1", "\u00fc", ":", "//", "/", ".", "@", "+", "-", "_", " ", "x.y", "?q=1", "#f"]),
                max_size=14).map("".join))
def test_no_generated_text_becomes_a_link(text: str) -> None:
    for name, render in _renderers():
        out = render(markdown_text(text))
        assert "<a " not in out and "href" not in out, (name, text, out)
        assert " ".join(_shown(out).split()) == " ".join(text.split()), (name, text, out)


OFFER = """[offer]
company = "Acme Robotics"
label = {label}
[salary]
base = {base}
"""


def _markdown_it() -> Any:
    markdown_it = pytest.importorskip("markdown_it")
    pytest.importorskip("linkify_it")
    return markdown_it.MarkdownIt("gfm-like")


@pytest.mark.parametrize(("command", "fmt"), [("compare", "markdown"), ("negotiate", "markdown")])
def test_labels_with_urls_make_no_link_in_the_output(write_offer: Callable[..., Path], command: str,
                                                     fmt: str) -> None:
    a = write_offer(OFFER.format(label='"Acme https://evil.example.com/phish"', base=150000), name="a.toml")
    b = write_offer(OFFER.format(label='"Other www.evil.com a@evil.com"', base=120000), name="b.toml")
    code, md, err = invoke(command, str(a), str(b), "-f", fmt)
    assert code == 0, err
    rendered = _markdown_it().render(md)
    assert "evil" not in "".join(re.findall(r"<a [^>]*>", rendered)), rendered
    assert "Acme https://evil.example.com/phish" in _shown(rendered)
