"""The benchmarks a run uses: a benchmark file overlaid with every set plugins register."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from offercheck.market.benchmark_files import load_benchmarks
from offercheck.market.benchmarks import BenchmarkSet
from offercheck.plugins.calls import register_benchmarks

if TYPE_CHECKING:
    import pluggy


def market_for(pm: pluggy.PluginManager, path: Path | None = None) -> BenchmarkSet:
    """The benchmarks in ``path`` (default: the packaged ones) overlaid with every set plugins register.

    Registered cells win: a plugin's sets (e.g. a company's own bands) are more specific than any survey. Between
    plugins the one pluggy calls first (the latest registered, or a ``tryfirst`` one) has the say, as for a
    ``firstresult`` hook; within one plugin, the set it registers last.
    """
    registered: dict[str, list[BenchmarkSet]] = {}  # by plugin, in call order

    def register(plugin: str, benchmarks: object) -> None:  # a plugin may pass anything: checked here
        if isinstance(benchmarks, BenchmarkSet):
            registered.setdefault(plugin, []).append(benchmarks)
        elif isinstance(benchmarks, (str, Path)):
            registered.setdefault(plugin, []).append(load_benchmarks(Path(benchmarks), kind="plugin data file"))
        else:
            raise TypeError(f"register() takes a BenchmarkSet or a file path, not {type(benchmarks).__name__}")

    register_benchmarks(pm, register)
    market = load_benchmarks(path)
    for sets in reversed(registered.values()):  # an overlay wins over the ones before it: the first plugin goes last
        for extra in sets:
            market = market.overlay(extra)
    return market
