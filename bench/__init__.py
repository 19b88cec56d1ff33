"""Benchmarks of the platform; run them with `make bench` (see docs/benchmarks.md)."""
