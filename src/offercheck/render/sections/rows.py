"""The rows every section shows, in one order: the offers best first, then the current job (the baseline)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from offercheck.results import Comparison, Evaluation


def everyone(c: Comparison) -> tuple[Evaluation, ...]:
    """The offers in ranked order, then the current job when there is one."""
    ranked = c.ranked
    return ranked if c.current is None else (*ranked, c.current)


def numbered(c: Comparison, mark: str) -> list[tuple[int | str, Evaluation]]:
    """(rank, offer) in ranked order, then (``mark``, the current job): it is the baseline, not ranked."""
    rows: list[tuple[int | str, Evaluation]] = list(enumerate(c.ranked, 1))
    return rows if c.current is None else [*rows, (mark, c.current)]
