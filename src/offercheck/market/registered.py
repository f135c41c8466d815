"""The benchmarks a run uses: a benchmark file overlaid with every set plugins register."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from offercheck.hooks import register_benchmarks
from offercheck.market.benchmarks import BenchmarkSet, load_benchmarks

if TYPE_CHECKING:
    import pluggy


def market_for(pm: pluggy.PluginManager, path: Path | None = None) -> BenchmarkSet:
    """The benchmarks in ``path`` (default: the packaged ones) overlaid with every set plugins register.

    Registered cells win: a plugin's sets (e.g. a company's own bands) are more specific than any survey.
    """
    registered: list[BenchmarkSet] = []

    def register(benchmarks: object) -> None:  # a plugin may pass anything: checked here
        if isinstance(benchmarks, BenchmarkSet):
            registered.append(benchmarks)
        elif isinstance(benchmarks, (str, Path)):
            registered.append(load_benchmarks(Path(benchmarks)))
        else:
            raise TypeError(f"register() takes a BenchmarkSet or a file path, not {type(benchmarks).__name__}")

    register_benchmarks(pm, register)
    market = load_benchmarks(path)
    for extra in registered:
        market = market.overlay(extra)
    return market

