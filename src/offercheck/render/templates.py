"""The HTML pages: templates in ``data/templates/html/``, rendered by jinja2 with autoescaping on.

Every text from an offer file (labels, companies, plugin reasons) appears as text, never as markup: this is the
one place HTML is escaped. jinja2 is imported here, and this module only when HTML is asked for (see
``render.render``), so the other formats do not pay for it. One self-contained page per command (inline CSS and
SVG charts, no script, nothing fetched).
"""

from __future__ import annotations

import functools
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from offercheck.render.common import NO_BASE, cents_text, money, money_short, printable, years_text


@functools.cache
def environment() -> Environment:
    from offercheck.render.sections.market import BASIS_NOTE, cell_text

    env = Environment(
        loader=PackageLoader("offercheck", "data/templates/html"),
        autoescape=True,
        undefined=StrictUndefined,  # a misspelt name in a template is an error, not an empty cell
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["money"] = money
    env.filters["compact"] = money_short
    env.filters["cents"] = cents_text
    env.filters["years"] = years_text
    env.filters["px"] = lambda x: f"{x:.1f}"  # fixed precision keeps golden files stable
    env.globals["money"] = money
    env.globals["cell_text"] = cell_text
    env.globals["basis_note"] = BASIS_NOTE
    env.globals["no_base"] = NO_BASE
    return env


def page(template: str, context: dict[str, Any]) -> str:
    # Control characters from the offer files are parse errors in HTML (and invisible): shown as U+FFFD.
    return printable(environment().get_template(template).render(context))
