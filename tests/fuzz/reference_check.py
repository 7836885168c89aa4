#!/usr/bin/python3
"""Checks tests/fuzz/numpy_reference.hpp (the reference the fuzz_stats target trusts) against
numpy 1.24 and pandas 1.5.3 themselves (quantile, all 13 methods; median; groupby sum, mean,
var, std, min, max), on random samples with NaN, ties, +-0, +-inf and huge
values, for every quantile method and level.

Run with Debian's interpreter (python3-numpy, python3-pandas):
    /usr/bin/python3 tests/fuzz/reference_check.py [cases]
It compiles reference_check.cpp twice (plain -O2, and -O2 -march=native -ffp-contract=fast to
show that FMA contraction cannot change the reference), feeds both the same cases and compares
every value with numpy's/pandas' (NaN equals NaN; +0 equals -0, whose choice numpy leaves to
its selection algorithm). Exit status 1 on any difference.
"""
import os
import random
import subprocess
import sys
import tempfile
import warnings

import numpy as np
import pandas as pd

METHODS = ["inverted_cdf", "averaged_inverted_cdf", "closest_observation",
           "interpolated_inverted_cdf", "hazen", "weibull", "linear", "median_unbiased",
           "normal_unbiased", "lower", "higher", "midpoint", "nearest"]
HERE = os.path.dirname(os.path.abspath(__file__))


def random_value(rng):
    kind = rng.random()
    if kind < 0.45:
        return float(rng.randint(-5, 5))
    if kind < 0.75:
        return rng.uniform(-100, 100)
    if kind < 0.80:
        return float("nan")
    if kind < 0.84:
        return float("inf")
    if kind < 0.88:
        return float("-inf")
    if kind < 0.91:
        return -0.0
    if kind < 0.94:
        return rng.choice([1.7976931348623157e308, -1.7976931348623157e308, 5e-324])
    return rng.uniform(-1, 1) * 10.0 ** rng.randint(-300, 300)


def random_level(rng):
    kind = rng.random()
    if kind < 0.3:
        return rng.choice([0.0, 1.0, 0.5, 0.25, 0.75, 0.1, 0.9, 1 / 3, 2 / 3, 0.01, 0.99])
    if kind < 0.4:
        return rng.choice([5e-324, 1 - 2 ** -53, 2 ** -60])
    return rng.random()


def same(a, b):
    return (np.isnan(a) and np.isnan(b)) or a == b


def main():
    cases = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    rng = random.Random(20261126)
    lines, expected = [], []
    warnings.simplefilter("ignore")
    for _ in range(cases):
        n = rng.choice([0, 1, 2, 3, 4, 5, rng.randint(1, 12), rng.randint(1, 60)])
        values = [random_value(rng) for _ in range(n)]
        if rng.random() < 0.3:
            values = [v for v in values if v == v and abs(v) != float("inf")]
        n = len(values)
        method = rng.randrange(13)
        q = random_level(rng)
        valid = np.array([v for v in values if v == v], dtype=np.float64)
        quantile = np.quantile(valid, q, method=METHODS[method]) if valid.size else np.nan
        series = pd.Series(values, dtype=np.float64)
        grouped = pd.DataFrame({"k": np.zeros(n, dtype=np.int64), "v": series}).groupby("k").v
        if n:
            mean, lo, hi = grouped.mean().iloc[0], grouped.min().iloc[0], grouped.max().iloc[0]
            total, var, std = grouped.sum().iloc[0], grouped.var().iloc[0], grouped.std().iloc[0]
        else:
            mean = lo = hi = var = std = np.nan
            total = 0.0
        expected.append((float(quantile), float(series.median()), float(mean), float(lo), float(hi),
                         float(total), float(var), float(std)))
        lines.append(" ".join([str(method), q.hex(), str(n)] + [float(v).hex() for v in values]))
    text = "\n".join(lines) + "\n"
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for flags in (["-O2"], ["-O2", "-march=native", "-ffp-contract=fast"]):
            exe = os.path.join(tmp, "reference_check")
            subprocess.run(["c++", "-std=c++17", *flags, "-I", os.path.join(HERE, "..", "..", "include"),
                            "-isystem", "/usr/include/eigen3", "-o", exe,
                            os.path.join(HERE, "reference_check.cpp")], check=True)
            out = subprocess.run([exe], input=text, capture_output=True, text=True, check=True).stdout
            names = ("quantile", "median", "mean", "min", "max", "sum", "var", "std")
            for line, case, want in zip(out.splitlines(), lines, expected):
                got = [float.fromhex(x) if x not in ("nan", "-nan", "inf", "-inf") else float(x)
                       for x in line.split()]
                for name, g, w in zip(names, got, want):
                    if not same(g, w):
                        failures += 1
                        if failures <= 20:
                            print(f"{' '.join(flags)}: {name}: reference {g!r}, numpy/pandas {w!r}: {case}")
    print(f"{cases} cases x 2 builds x 8 statistics: {failures} differences")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
