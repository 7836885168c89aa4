#!/usr/bin/python3
"""Golden values for tests/tied_for_best_test.cpp (tradeoff/tied_for_best.hpp), from scipy 1.10.1.

Run with Debian 12's python (python3-scipy):  /usr/bin/python3 make_golden_tied_for_best.py
Writes tests/data/golden_tied_for_best.txt:
  case <name> <sense> <rows>, then <rows> lines "<key> <value hex or nan>", then
  result <best> <adjusted p per group (hex, nan for the best)> <tied flags 0/1 per group>
The best group has the lowest (minimize) or highest (maximize) pandas median, the first in key
order on ties; every other group is tested with scipy.stats.mannwhitneyu(group, best,
alternative='greater' for minimize / 'less' for maximize, method='auto', nan_policy='omit'); the
p-values are Holm-adjusted (sorted * (m - j), running max, min 1); tied = adjusted p > 0.05.
"""
import os

import numpy as np
import pandas as pd
import scipy
from scipy.stats import mannwhitneyu

assert scipy.__version__ == "1.10.1", scipy.__version__


def holm(p):
    p = np.asarray(p, dtype=float)
    order = np.argsort(p, kind="stable")
    raw = p[order] * np.arange(len(p), 0, -1)
    adjusted = np.empty(len(p))
    adjusted[order] = np.minimum(np.maximum.accumulate(raw), 1)
    return adjusted


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "golden_tied_for_best.txt")
    rng = np.random.default_rng(4)
    lines = []
    cases = []
    # a dial sweep: loss per down_dim_kv, 3-6 seeds each, noisy, the best few close together
    keys, values = [], []
    for dim, centre in zip([32, 64, 96, 128, 192, 256], [2.40, 2.25, 2.16, 2.15, 2.14, 2.30]):
        n = int(rng.integers(3, 7))
        keys += [dim] * n
        values += list(rng.normal(centre, 0.04, n))
    values[3] = np.nan
    cases.append(("dial", "minimize", keys, values))
    # throughput: larger is better, 5 variants of 12 runs, ties from integer tokens/s
    keys = list(np.repeat([0, 1, 2, 3, 4], 12))
    values = list(np.round(rng.normal(np.repeat([90.0, 91.0, 72.0, 89.5, 60.0], 12), 1.5)))
    cases.append(("throughput", "maximize", keys, values))
    for name, direction, keys, values in cases:
        frame = pd.DataFrame({"key": keys, "value": values})
        medians = frame.groupby("key")["value"].median()
        best = int(np.argmin(medians.values) if direction == "minimize" else np.argmax(medians.values))
        groups = [frame.loc[frame.key == k, "value"].values for k in medians.index]
        raw = []
        for j, sample in enumerate(groups):
            if j == best:
                continue
            res = mannwhitneyu(sample, groups[best], method="auto", nan_policy="omit",
                               alternative="greater" if direction == "minimize" else "less")
            raw.append(res.pvalue)
        adjusted = list(holm(raw))
        adjusted.insert(best, np.nan)
        tied = [1 if (j == best or adjusted[j] > 0.05) else 0 for j in range(len(groups))]
        lines.append(f"case {name} {direction} {len(keys)}")
        for k, v in zip(keys, values):
            lines.append(f"{int(k)} {'nan' if np.isnan(v) else float(v).hex()}")
        lines.append("result " + str(best) + " " +
                     " ".join("nan" if np.isnan(p) else float(p).hex() for p in adjusted) + " " +
                     " ".join(str(t) for t in tied))
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
