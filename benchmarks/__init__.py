"""Benchmarks and synthetic data.

`python -m benchmarks.synth` writes a data set, `python -m benchmarks.run` (`make bench`) times builds.

Nothing here is used by the real site; tests/test_scale.py uses the generator.
"""
