#!/usr/bin/python3
"""Golden values for tests/quantile_interval_test.cpp (tradeoff/quantile_interval.hpp).

Run with Debian 12's python (python3-scipy):  /usr/bin/python3 make_golden_quantile_interval.py
Writes tests/data/golden_quantile_interval.txt: for each (n, level, confidence) the ranks l, u of
the equal-tailed distribution-free interval [X_(l), X_(u)] and its coverage, from scipy.stats.binom:
l = the largest rank with binom.cdf(l - 1) <= alpha/2 (0 if none), u = the smallest with
binom.sf(u - 1) <= alpha/2 (n + 1 if none), coverage = cdf(u - 1) - cdf(l - 1).
"""
import os

import numpy as np
import scipy
from scipy.stats import binom

assert scipy.__version__ == "1.10.1", scipy.__version__


def interval(n, p, confidence):
    tail = (1 - confidence) / 2
    cdf = lambda k: 0.0 if k < 0 else (1.0 if k >= n else float(binom.cdf(k, n, p)))
    sf = lambda k: 1.0 - cdf(k) if k < 0 else float(binom.sf(k, n, p))  # P(B > k)
    lower = 0
    for rank in range(1, n + 1):
        if cdf(rank - 1) <= tail:
            lower = rank
    upper = n + 1
    for rank in range(n, 0, -1):
        if sf(rank - 1) <= tail:
            upper = rank
    return lower, upper, cdf(upper - 1) - cdf(lower - 1)


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "golden_quantile_interval.txt")
    lines = ["# n level confidence lower_rank upper_rank coverage(hex); scipy.stats.binom"]
    for n in [1, 2, 3, 5, 6, 9, 10, 17, 20, 30, 50, 101, 200, 1000, 4321]:
        for p in [0.5, 0.1, 0.25, 0.9, 0.99]:
            for confidence in [0.95, 0.9, 0.99, 0.5]:
                lower, upper, coverage = interval(n, p, confidence)
                lines.append(f"{n} {float(p).hex()} {float(confidence).hex()} {lower} {upper} {float(coverage).hex()}")
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
