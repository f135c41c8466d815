"""Market benchmarks."""
