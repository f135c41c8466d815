"""While plugin code runs, nothing it writes reaches standard output: ``--format json`` stays valid JSON.

Python-level redirection (``contextlib.redirect_stdout``) covers ``print`` only. A plugin can also write to
``sys.__stdout__``, to file descriptor 1 (``os.write(1, ...)``, a C extension, a child process), or to a stream it
saved earlier. So :func:`stdout_to_stderr` points ``sys.stdout`` and ``sys.__stdout__`` at ``sys.stderr`` and
descriptor 1 at descriptor 2 (``dup2``), and puts all three back afterwards, whatever the plugin raised
(``SystemExit`` included). Buffered streams are flushed on the way in (so offercheck's own pending output still goes
to stdout) and on the way out (so what the plugin left in a buffer goes to stderr).

It costs a few system calls per outermost use and is re-entrant: a nested use (plugin code calling back into
offercheck, which calls another plugin) changes nothing and restores nothing. Plugin code runs on the main thread.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import IO, Any

__all__ = ["stdout_to_stderr"]

_depth = 0  # how many stdout_to_stderr blocks are open


@contextlib.contextmanager
def stdout_to_stderr() -> Iterator[None]:
    global _depth
    if _depth:
        _depth += 1
        try:
            yield
        finally:
            _depth -= 1
        return
    streams = (sys.stdout, sys.__stdout__)
    _flush(*streams)
    saved_fd = _point_fd_1_at_stderr()
    _set_streams(sys.stderr, sys.stderr)
    _depth = 1
    try:
        yield
    finally:
        _depth = 0
        # What the plugin wrote to the streams (or to ones it saved) and is still buffered belongs on stderr.
        _flush(sys.stdout, sys.__stdout__, *streams)
        _set_streams(*streams)
        if saved_fd is not None:
            _restore_fd_1(saved_fd)


def _set_streams(stdout: IO[Any] | None, dunder: IO[Any] | None) -> None:
    # setattr: typeshed declares sys.__stdout__ final, and sys.stdout never None; both are plain attributes.
    setattr(sys, "stdout", stdout)  # noqa: B010
    setattr(sys, "__stdout__", dunder)  # noqa: B010


def _flush(*streams: IO[Any] | None) -> None:
    for stream in streams:
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed stream or a broken pipe: nothing to keep
            pass


def _point_fd_1_at_stderr() -> int | None:
    """Descriptor 1 made a copy of descriptor 2; returns a copy of the old descriptor 1 (None: either is closed)."""
    try:
        saved = os.dup(1)
    except OSError:
        return None
    try:
        os.dup2(2, 1)
    except OSError:
        os.close(saved)
        return None
    return saved


def _restore_fd_1(saved: int) -> None:
    try:
        os.dup2(saved, 1)
    finally:
        os.close(saved)
