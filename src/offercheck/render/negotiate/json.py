"""``negotiate --format json``: the keys other programs read (kept as they are, issue 25)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from offercheck._version import __version__
from offercheck.render.sections.negotiation import negotiation_json

if TYPE_CHECKING:
    from offercheck.negotiation.counter import Negotiation


def render(n: Negotiation, *, width: int | None = None, colour: bool = False, explain: bool = False) -> str:
    return json.dumps(negotiation_json(n, __version__), indent=2, ensure_ascii=False) + "\n"
