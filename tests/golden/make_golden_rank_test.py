#!/usr/bin/python3
"""Golden values for tests/rank_test_test.cpp (tradeoff/rank_test.hpp), from scipy 1.10.1 / numpy 1.24.

Run with Debian 12's python (python3-scipy):  /usr/bin/python3 make_golden_rank_test.py
Writes tests/data/golden_rank_test.txt (floats as hex):
  sample <name> <n> <values>            samples (NaN written as nan)
  mwu <x> <y> <alternative> <method> <continuity> <U> <p>
                                        scipy.stats.mannwhitneyu(x, y, ..., nan_policy='omit')
  effect <x> <y> <cliffs_delta> <common_language> <hodges_lehmann>
                                        brute force over all pairs with numpy
  holm <m> <p...> <adjusted...>         Holm's step-down: statsmodels.stats.multitest.multipletests(
                                        p, method='holm') (Debian's python3-statsmodels 0.13.5),
                                        checked here against the formula sorted p * (m - j),
                                        running max, min 1
"""
import os

import numpy as np
import scipy
from scipy.stats import mannwhitneyu
from statsmodels.stats.multitest import multipletests

assert scipy.__version__ == "1.10.1", scipy.__version__


def hexes(values):
    return " ".join("nan" if np.isnan(v) else float(v).hex() for v in values)


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "golden_rank_test.txt")
    rng = np.random.default_rng(17)
    samples = {
        "a3": rng.normal(0, 1, 3), "b4": rng.normal(0.5, 1, 4), "c5": rng.normal(0, 1, 5),
        "d8": rng.normal(1, 1, 8), "e8": rng.normal(0, 1, 8), "f9": rng.normal(0, 1, 9),
        "g9": rng.normal(0.7, 1, 9), "h20": rng.lognormal(0, 1, 20), "i30": rng.lognormal(0.3, 1, 30),
        "j50": rng.standard_t(3, 50), "k40": rng.standard_t(3, 40) + 0.4,
        "t12": rng.integers(0, 5, 12).astype(float), "u15": rng.integers(1, 6, 15).astype(float),
        "v6": rng.integers(0, 3, 6).astype(float), "w7": rng.integers(0, 3, 7).astype(float),
        "one1": np.array([0.25]), "far6": rng.normal(10, 1, 6),
        "gap10": np.array([1.0, np.nan, 3.0, 2.5, np.nan, 0.5, 4.0, 1.5, 2.0, np.nan]),
        "big300": rng.normal(0, 1, 300), "big250": rng.normal(0.1, 1, 250),
        "ex15": rng.normal(0, 1, 15), "ex12": rng.normal(0.8, 1, 12),
        "x30": rng.normal(0, 1, 30), "y32": rng.normal(0.9, 1, 32),  # exact counts beyond 2^53
    }
    lines = []
    for name, values in samples.items():
        lines.append(f"sample {name} {len(values)} {hexes(values)}")
    pairs = [("a3", "b4"), ("c5", "d8"), ("d8", "e8"), ("f9", "g9"), ("h20", "i30"), ("j50", "k40"),
             ("t12", "u15"), ("v6", "w7"), ("one1", "c5"), ("far6", "a3"), ("gap10", "c5"), ("big300", "big250"),
             ("ex15", "ex12"), ("e8", "f9"), ("x30", "y32")]
    for x_name, y_name in pairs:
        x, y = samples[x_name], samples[y_name]
        for alternative in ["two-sided", "less", "greater"]:
            methods = ["auto", "asymptotic"]
            if len(x) * len(y) <= 300 or x_name == "x30":
                methods.append("exact")
            for method in methods:
                for continuity in [True, False]:
                    res = mannwhitneyu(x, y, use_continuity=continuity, alternative=alternative, method=method,
                                       nan_policy="omit")
                    lines.append(f"mwu {x_name} {y_name} {alternative} {method} {int(continuity)} "
                                 f"{hexes([res.statistic, res.pvalue])}")
        xv, yv = x[~np.isnan(x)], y[~np.isnan(y)]
        signs = np.sign(np.subtract.outer(xv, yv))
        delta = signs.sum() / signs.size
        common = ((signs > 0).sum() + 0.5 * (signs == 0).sum()) / signs.size
        shift = np.median(np.subtract.outer(xv, yv))
        lines.append(f"effect {x_name} {y_name} {hexes([delta, common, shift])}")
    for m in [1, 2, 5, 12]:
        for _ in range(3):
            p = rng.random(m) ** 3
            if m >= 5:
                p[1] = p[3]  # a tie
            order = np.argsort(p, kind="stable")
            raw = p[order] * np.arange(m, 0, -1)
            adjusted_sorted = np.minimum(np.maximum.accumulate(raw), 1)
            adjusted = np.empty(m)
            adjusted[order] = adjusted_sorted
            from_statsmodels = multipletests(p, method="holm")[1]
            assert np.array_equal(adjusted, from_statsmodels), (adjusted, from_statsmodels)
            lines.append(f"holm {m} {hexes(p)} {hexes(adjusted)}")
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
