"""Talking points from plugins (``offercheck_talking_points``), checked so that a bad one is named, not a crash."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from offercheck.negotiation.points import TalkingPoint

if TYPE_CHECKING:
    import pluggy

    from offercheck.results import Evaluation

__all__ = ["plugin_points"]


def plugin_points(pm: pluggy.PluginManager, e: Evaluation, others: Sequence[Evaluation]) -> list[TalkingPoint]:
    """Points from every ``offercheck_talking_points`` plugin, checked so a bad one is named, not a crash."""
    from offercheck.errors import PluginError
    from offercheck.plugins.calls import TALKING_POINTS as hook
    from offercheck.plugins.calls import talking_points

    out: list[TalkingPoint] = []
    for plugin, result in talking_points(pm, e.offer, e, others):
        if not isinstance(result, (list, tuple)):
            raise PluginError(plugin, hook, f"returned {type(result).__name__}, expected a list of TalkingPoint")
        for item in result:
            if not isinstance(item, TalkingPoint):
                raise PluginError(plugin, hook, f"returned a {type(item).__name__} in its list, expected TalkingPoint")
            # model_construct() can bypass validation: ranking needs a finite, non-negative amount.
            if not (isinstance(item.amount, (int, float)) and math.isfinite(item.amount) and item.amount >= 0):
                raise PluginError(plugin, hook, f"amount must be a finite number >= 0, got {item.amount!r}")
            out.append(item)
    return out
