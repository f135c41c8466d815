"""Renderers: each turns a Comparison into text in one format."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

FORMATS: tuple[str, ...] = ("table", "json", "markdown", "csv", "html")


def renderer(fmt: str) -> Callable[..., str]:
    """The ``render`` function of format ``fmt``, imported only when asked for."""
    module: Any = import_module(f"{__name__}.{fmt}")
    render: Callable[..., str] = module.render
    return render
