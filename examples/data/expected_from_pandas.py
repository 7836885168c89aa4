#!/usr/bin/python3
"""Expected tables of `insights` on the bundled data, computed the origin's way with pandas.

Writes examples/data/expected/{pareto,serving_stats,mla_dial,mla_dial_summary}.csv, which the
example tests (examples/tests.cmake) compare with what `insights` writes. The statistics follow
the origin analysis script line by line (pd.to_numeric(errors="coerce"), groupby medians, lambda
quantiles, Kahan means, idxmin, the crossover rule); the Pareto flags come from a brute-force
dominance test instead of the origin's sort-and-scan, whose tie defect the library fixes.

Run with Debian's python3-pandas (the versions in ../../../shared/FACTS.md):

    /usr/bin/python3 examples/data/expected_from_pandas.py
"""

import os

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "expected")


def number(x):
    """Shortest round-trip text of a float; empty for NaN (what pandas' to_csv writes)."""
    if x is None or (isinstance(x, float) and np.isnan(x)):
        return ""
    return repr(float(x))


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="") as out:
        out.write(",".join(header) + "\n")
        for row in rows:
            out.write(",".join(row) + "\n")


def front_flags(xs, ys):
    """1 where no other point is no worse in both and strictly better in one (brute force)."""
    flags = []
    for x, y in zip(xs, ys):
        dominated = np.any((xs <= x) & (ys <= y) & ((xs < x) | (ys < y)))
        flags.append(0 if dominated else 1)
    return np.array(flags)


def main():
    os.makedirs(OUT, exist_ok=True)
    df = pd.read_csv(os.path.join(HERE, "benchmark_results.csv"))
    for c in ["params_m", "val_loss", "theoretical_cache_mb", "tps_64", "tps_128", "tps_256", "tps_512"]:
        df[c] = pd.to_numeric(df[c], errors="coerce")

    # pareto.csv
    sub = df.dropna(subset=["theoretical_cache_mb", "val_loss", "params_m"])
    dense = sub[~sub["moe"]]
    on_all = pd.Series(front_flags(sub["theoretical_cache_mb"].values, sub["val_loss"].values), index=sub.index)
    on_dense = pd.Series(0, index=sub.index)
    on_dense[dense.index] = front_flags(dense["theoretical_cache_mb"].values, dense["val_loss"].values)
    write("pareto.csv",
          ["row", "run", "type", "moe", "params_m", "theoretical_cache_mb", "val_loss", "on_front_dense",
           "on_front_all"],
          [[str(i), r["run"], r["type"], str(int(r["moe"])), number(r["params_m"]),
            number(r["theoretical_cache_mb"]), number(r["val_loss"]), str(on_dense[i]), str(on_all[i])]
           for i, r in sub.iterrows()])

    # serving_stats.csv
    served = df[~df["moe"]].dropna(subset=["tps_512", "theoretical_cache_mb"])
    stats = served.groupby("type").agg(
        n=("tps_512", "count"),
        tps=("tps_512", "median"),
        tps_lo=("tps_512", lambda x: x.quantile(0.25)),
        tps_hi=("tps_512", lambda x: x.quantile(0.75)),
        cache=("theoretical_cache_mb", "median"),
        cache_lo=("theoretical_cache_mb", lambda x: x.quantile(0.25)),
        cache_hi=("theoretical_cache_mb", lambda x: x.quantile(0.75)),
    )
    mha = stats.loc["MHA"]
    write("serving_stats.csv",
          ["type", "n", "tps_median", "tps_q1", "tps_q3", "cache_median", "cache_q1", "cache_q3", "ratio_vs_mha"],
          [[t, str(int(s["n"])), number(s["tps"]), number(s["tps_lo"]), number(s["tps_hi"]), number(s["cache"]),
            number(s["cache_lo"]), number(s["cache_hi"]),
            number(((80_000 / s["cache"]) * s["tps"]) / ((80_000 / mha["cache"]) * mha["tps"]))]
           for t, s in stats.iterrows()])

    # mla_dial.csv and mla_dial_summary.csv
    mla = df[(df["type"] == "MLA") & (~df["moe"])]
    other = df[(df["type"] != "MLA") & (~df["moe"])]
    agg = mla.groupby("down_dim_kv").agg(
        n=("val_loss", "count"),
        val_loss_mean=("val_loss", "mean"),
        val_loss_min=("val_loss", "min"),
        val_loss_max=("val_loss", "max"),
        cache_mean=("theoretical_cache_mb", "mean"),
        cache_min=("theoretical_cache_mb", "min"),
        cache_max=("theoretical_cache_mb", "max"),
    ).reset_index()
    write("mla_dial.csv",
          ["down_dim_kv", "n", "val_loss_mean", "val_loss_min", "val_loss_max", "cache_mean", "cache_min",
           "cache_max"],
          [[number(r["down_dim_kv"]), str(int(r["n"])), number(r["val_loss_mean"]), number(r["val_loss_min"]),
            number(r["val_loss_max"]), number(r["cache_mean"]), number(r["cache_min"]), number(r["cache_max"])]
           for _, r in agg.iterrows()])

    ref = {}
    for t in ["MHA", "GQA"]:
        ref[t] = (other[other["type"] == t]["val_loss"].median(),
                  other[other["type"] == t]["theoretical_cache_mb"].median())
    best = agg.loc[agg["val_loss_mean"].idxmin(), "down_dim_kv"]
    rows = [["best_down_dim_kv", number(best)]]
    for t in ["MHA", "GQA"]:
        crosses = agg[agg["cache_mean"] <= ref[t][1]]
        rows.append(["crossover_" + t, "" if crosses.empty else number(crosses["down_dim_kv"].max())])
    rows += [["ref_%s_loss_median" % t, number(ref[t][0])] for t in ["MHA", "GQA"]]
    rows += [["ref_%s_cache_median" % t, number(ref[t][1])] for t in ["MHA", "GQA"]]
    write("mla_dial_summary.csv", ["key", "value"], rows)
    print("wrote", OUT)


if __name__ == "__main__":
    main()
