"""Benchmark files built from salary surveys."""
