"""One batch of a survey's rows, column-wise: what :class:`offercheck.market.survey.read.Reader` yields."""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import compress

__all__ = ["Batch", "Columns", "Strided", "consume", "gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: reading and grouping allocate many small objects and no cycles,
    and collections triggered by those allocations would cost about a tenth of the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def consume(iterator: Iterable[object]) -> None:
    """Run an iterator of side effects (``map(list.append, ...)``) to its end at C speed."""
    deque(iterator, maxlen=0)


class Strided:
    """Columns of a flat list of fields laid out row after row, ``stride`` apart: column i is fields[i::stride]
    (sliced when asked for: a batch seldom needs every column)."""

    __slots__ = ("fields", "stride")

    def __init__(self, fields: list[str], stride: int) -> None:
        self.fields, self.stride = fields, stride

    def __getitem__(self, i: int) -> Sequence[str]:
        return self.fields[i::self.stride]


Columns = list[Sequence[str]] | Strided  # indexed by the file's column numbers


class Batch:
    """The usable rows of one batch, column-wise: ``base`` (pay as floats), ``total`` (where the file has total pay)
    and, indexed like the file's columns, the raw strings (each column picked out only when asked for; a column
    the file does not have, None, reads as blanks)."""

    __slots__ = ("_cols", "_keep", "base", "total")

    def __init__(self, base: list[float], total: list[float] | None, cols: Columns, keep: list[bool] | None) -> None:
        self.base, self.total, self._cols, self._keep = base, total, cols, keep

    def __getitem__(self, i: int | None) -> Sequence[str]:
        if i is None:
            return [""] * len(self.base)
        return self._cols[i] if self._keep is None else list(compress(self._cols[i], self._keep))

    def rows(self, columns: Sequence[int]) -> Iterable[tuple[str, ...]]:
        """The usable rows' values in ``columns`` (all in the file), a tuple per row: the unusable rows are
        dropped once from the zipped tuples rather than from each column."""
        zipped = zip(*[self._cols[i] for i in columns], strict=True)
        return zipped if self._keep is None else compress(zipped, self._keep)
