"""Benchmarks for peacedash; run `python -m bench` from the repository root."""
