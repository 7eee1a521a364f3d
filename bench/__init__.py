"""Benchmarks and the synthetic vault they run on (bench/synth.py)."""
