#!/usr/bin/python3
"""Golden data for tests/quantile_test.cpp and tests/group_test.cpp.

Run with Debian 12's interpreter, which has pandas 1.5.3 and numpy 1.24:

    /usr/bin/python3 tests/golden/make_golden_stats.py

It writes three text files to tests/data/ (every float as Python's repr, the shortest string
that reads back to the same double; 'nan', 'inf' and '-inf' as such; strtod reads all of them):

golden_stats_rows.txt
    One row of a DataFrame per line, "key value", in row order. Groups are interleaved (rows are
    shuffled) so that results which depend on row order (Kahan-summed mean and sum, Welford std)
    are tested in pandas' order, not group by group.
golden_stats_grouped.txt
    One line per group, keys ascending as pandas' groupby(sort=True) gives them. Columns are named
    in the header: count, size, sum, mean, std, min, max, median from the Cython groupby
    reductions (df.groupby("key")["value"].count() etc.), series_median = Series.median() of the
    group, and lambda_q<i> = df.groupby("key")["value"].agg(lambda x: x.quantile(q_i)), the origin
    script's path, for the levels listed in the "# lambda_levels" line; cython_q<i> =
    df.groupby("key")["value"].quantile(q_i) (pandas' own Cython group_quantile, a different
    interpolation formula) for the same levels, and cython_<interpolation>_q<i> for pandas' other
    interpolations at the levels of CYTHON_EXTRA_LEVELS (indices into LAMBDA_LEVELS).
golden_stats_methods.txt
    numpy.quantile(v, q, method=m) for the first groups (ascending key), where v is the group's
    non-NaN values in row order, for every one of numpy's 13 methods and the levels listed in the
    "# levels" line. A group without valid values has no numpy answer; the line says nan, which is
    what the C++ library returns for it.
"""
import math
import os
import random
import sys
import warnings

import numpy as np
import pandas as pd

SEED = 20261126
GROUPS = 1500
METHOD_GROUPS = 260
LEVELS = [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0, 1.0 / 3.0, 2.0 / 3.0, 0.01, 0.999, 0.37]
LAMBDA_LEVELS = [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0, 1.0 / 3.0]
CYTHON_EXTRA_LEVELS = [1, 4]  # 0.1 and 0.75
CYTHON_INTERPOLATIONS = ["lower", "higher", "midpoint", "nearest"]
METHODS = ["inverted_cdf", "averaged_inverted_cdf", "closest_observation",
           "interpolated_inverted_cdf", "hazen", "weibull", "linear", "median_unbiased",
           "normal_unbiased", "lower", "higher", "midpoint", "nearest"]


def fmt(x):
    x = float(x)
    if math.isnan(x):
        return "nan"
    return repr(x)


def short(x, digits):
    """x rounded to `digits` significant digits: a double whose repr is short."""
    if x == 0 or not math.isfinite(x):
        return x
    return float(f"{x:.{digits - 1}e}")


def make_group(rng):
    n = rng.randint(1, 50)
    kind = rng.choice(["normal", "normal", "full", "grid", "grid", "tiny", "huge", "subnormal",
                       "wide", "constant"])
    if kind == "normal":
        scale = 10.0 ** rng.randint(-3, 4)
        v = [short(rng.gauss(0.0, 1.0) * scale + rng.choice([0.0, 100.0 * scale]), 7) for _ in range(n)]
    elif kind == "full":
        v = [rng.uniform(-1.0, 1.0) * 10.0 ** rng.randint(-2, 3) for _ in range(n)]
    elif kind == "grid":
        lo = rng.randint(-6, 0)
        v = [float(rng.randint(lo, lo + rng.randint(1, 8))) for _ in range(n)]
    elif kind == "tiny":
        v = [short(rng.uniform(-1.0, 1.0), 6) * 1e-300 for _ in range(n)]
    elif kind == "huge":
        v = [short(rng.uniform(0.5, 1.0), 6) * 1.7e308 * rng.choice([1.0, 1.0, -1.0]) for _ in range(n)]
    elif kind == "subnormal":
        v = [rng.randint(-20, 20) * 5e-324 for _ in range(n)]
    elif kind == "wide":
        v = [short(rng.gauss(0.0, 1.0) * 10.0 ** rng.randint(-8, 9), 5) for _ in range(n)]
    else:
        v = [short(rng.uniform(-9.0, 9.0), 4)] * n
    if rng.random() < 0.35:  # missing values
        p = rng.choice([0.1, 0.3, 0.9])
        v = [math.nan if rng.random() < p else x for x in v]
    if rng.random() < 0.04:
        v = [math.nan] * n
    if rng.random() < 0.12:  # infinities
        for _ in range(rng.randint(1, 3)):
            v[rng.randrange(n)] = rng.choice([math.inf, -math.inf])
    return v


def main():
    # Overflow and inf - inf are part of the data on purpose; numpy's answers are what we record.
    warnings.filterwarnings("ignore", category=RuntimeWarning)
    np.seterr(all="ignore")
    rng = random.Random(SEED)
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
    keys = rng.sample(range(-1000000, 1000000), GROUPS)
    rows = []
    for key in keys:
        rows.extend((key, x) for x in make_group(rng))
    rng.shuffle(rows)
    df = pd.DataFrame({"key": np.array([k for k, _ in rows], dtype=np.int64),
                       "value": np.array([x for _, x in rows], dtype=np.float64)})
    g = df.groupby("key")["value"]
    columns = {
        "count": g.count(), "size": g.size(), "sum": g.sum(), "mean": g.mean(), "std": g.std(),
        "min": g.min(), "max": g.max(), "median": g.median(),
        "series_median": g.agg(lambda x: x.median()),
    }
    for i, q in enumerate(LAMBDA_LEVELS):
        columns[f"lambda_q{i}"] = g.agg(lambda x, q=q: x.quantile(q))
    for i, q in enumerate(LAMBDA_LEVELS):
        columns[f"cython_q{i}"] = g.quantile(q)
    for i in CYTHON_EXTRA_LEVELS:
        for interpolation in CYTHON_INTERPOLATIONS:
            columns[f"cython_{interpolation}_q{i}"] = g.quantile(LAMBDA_LEVELS[i], interpolation=interpolation)
    table = pd.DataFrame(columns)

    with open(os.path.join(out_dir, "golden_stats_rows.txt"), "w") as f:
        f.write(f"# rows of a DataFrame (key, value) in row order; pandas {pd.__version__}, "
                f"numpy {np.__version__}; written by tests/golden/make_golden_stats.py\n")
        for k, x in zip(df["key"], df["value"]):
            f.write(f"{k} {fmt(x)}\n")

    with open(os.path.join(out_dir, "golden_stats_grouped.txt"), "w") as f:
        f.write(f"# df.groupby('key')['value'] reductions; pandas {pd.__version__}, numpy {np.__version__}\n")
        f.write("# lambda_levels " + " ".join(fmt(q) for q in LAMBDA_LEVELS) + "\n")
        f.write("key " + " ".join(table.columns) + "\n")
        for key, row in table.iterrows():
            f.write(f"{key} " + " ".join(fmt(x) for x in row) + "\n")

    with open(os.path.join(out_dir, "golden_stats_methods.txt"), "w") as f:
        f.write(f"# numpy.quantile(non-NaN group values in row order, q, method=m); numpy {np.__version__}\n")
        f.write("# levels " + " ".join(fmt(q) for q in LEVELS) + "\n")
        for key in table.index[:METHOD_GROUPS]:
            v = df["value"][df["key"] == key].to_numpy()
            v = v[~np.isnan(v)]
            for m in METHODS:
                if v.size == 0:
                    res = [math.nan] * len(LEVELS)
                else:
                    with np.errstate(all="ignore"):
                        res = [np.quantile(v, q, method=m) for q in LEVELS]
                f.write(f"{key} {m} " + " ".join(fmt(x) for x in res) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
