#!/usr/bin/python3
"""Expected tables of `insights` on the bundled data, computed the origin's way with pandas.

Writes examples/data/expected/{pareto,serving_stats,mla_dial,mla_dial_summary}.csv, and
examples/data/expected/inference_sweep/{pareto,serving_stats}.csv for the look-alike of a real
inference sweep (inference_sweep.csv, run as examples/tests.cmake's `sweep` case: rows of
group "batch", front kv_cache_mb:min,decode_tok_s:max, labels from attn_type), which the
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
    """1 where no other point is no worse in both and strictly better in one (brute force);
    both minimised (negate a maximised one)."""
    xs = np.asarray(xs, dtype=float)
    ys = np.asarray(ys, dtype=float)
    flags = []
    for x, y in zip(xs, ys):
        dominated = np.any((xs <= x) & (ys <= y) & ((xs < x) | (ys < y)))
        flags.append(0 if dominated else 1)
    return np.array(flags)


def pareto_table(sub, moe, run, label, size, x, y, y_sign=1.0):
    """pareto.csv rows: every usable row, its dense-front and all-front flags."""
    dense = sub[~sub[moe]]
    on_all = pd.Series(front_flags(sub[x].values, y_sign * sub[y].values), index=sub.index)
    on_dense = pd.Series(0, index=sub.index)
    on_dense[dense.index] = front_flags(dense[x].values, y_sign * dense[y].values)
    return [[str(i), r[run], r[label], str(int(r[moe])), number(r[size]), number(r[x]), number(r[y]),
             str(on_dense[i]), str(on_all[i])] for i, r in sub.iterrows()]


def serving_table(served, label, tps, cache, baseline):
    """serving_stats.csv rows: per label, the medians and quartiles and the ratio to the baseline."""
    stats = served.groupby(label).agg(
        n=(tps, "count"),
        tps=(tps, "median"),
        tps_lo=(tps, lambda x: x.quantile(0.25)),
        tps_hi=(tps, lambda x: x.quantile(0.75)),
        cache=(cache, "median"),
        cache_lo=(cache, lambda x: x.quantile(0.25)),
        cache_hi=(cache, lambda x: x.quantile(0.75)),
    )
    base = stats.loc[baseline]
    return [[t, str(int(s["n"])), number(s["tps"]), number(s["tps_lo"]), number(s["tps_hi"]), number(s["cache"]),
             number(s["cache_lo"]), number(s["cache_hi"]),
             number(((80_000 / s["cache"]) * s["tps"]) / ((80_000 / base["cache"]) * base["tps"]))]
            for t, s in stats.iterrows()]


SERVING_HEADER = ["type", "n", "tps_median", "tps_q1", "tps_q3", "cache_median", "cache_q1", "cache_q3",
                  "ratio_vs_baseline"]


def inference_sweep():
    """The look-alike sweep: rows of group "batch", labels attn_type, front cache min / tokens/s max."""
    out = os.path.join(OUT, "inference_sweep")
    os.makedirs(out, exist_ok=True)
    df = pd.read_csv(os.path.join(HERE, "inference_sweep.csv"))
    df = df[df["group"] == "batch"]
    sub = df.dropna(subset=["kv_cache_mb", "decode_tok_s", "params_m"])
    rows = pareto_table(sub, "use_moe", "label", "attn_type", "params_m", "kv_cache_mb", "decode_tok_s", -1.0)
    header = ["row", "run", "type", "moe", "params_m", "kv_cache_mb", "decode_tok_s", "on_front_dense", "on_front_all"]
    write_to(out, "pareto.csv", header, rows)
    served = df[~df["use_moe"]].dropna(subset=["decode_tok_s", "kv_cache_mb"])
    write_to(out, "serving_stats.csv", SERVING_HEADER, serving_table(served, "attn_type", "decode_tok_s", "kv_cache_mb", "MHA"))


def write_to(directory, name, header, rows):
    with open(os.path.join(directory, name), "w", newline="") as out:
        out.write(",".join(header) + "\n")
        for row in rows:
            out.write(",".join(row) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    inference_sweep()
    df = pd.read_csv(os.path.join(HERE, "benchmark_results.csv"))
    for c in ["params_m", "val_loss", "theoretical_cache_mb", "tps_64", "tps_128", "tps_256", "tps_512"]:
        df[c] = pd.to_numeric(df[c], errors="coerce")

    # pareto.csv
    sub = df.dropna(subset=["theoretical_cache_mb", "val_loss", "params_m"])
    write("pareto.csv",
          ["row", "run", "type", "moe", "params_m", "theoretical_cache_mb", "val_loss", "on_front_dense",
           "on_front_all"],
          pareto_table(sub, "moe", "run", "type", "params_m", "theoretical_cache_mb", "val_loss"))

    # serving_stats.csv
    served = df[~df["moe"]].dropna(subset=["tps_512", "theoretical_cache_mb"])
    write("serving_stats.csv", SERVING_HEADER, serving_table(served, "type", "tps_512", "theoretical_cache_mb", "MHA"))

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
    # A crossover only where the mean-cache curve crosses the reference: the last pair of
    # consecutive settings on opposite sides of it (<= on one, > on the other); the crossover is
    # the one of the pair at or below the reference.
    crossing = {}
    for t in ["MHA", "GQA"]:
        means = agg.dropna(subset=["cache_mean"])
        below = (means["cache_mean"] <= ref[t][1]).tolist()
        dials = means["down_dim_kv"].tolist()
        crossover = None
        for k in range(1, len(below)):
            if below[k - 1] != below[k]:
                crossover = dials[k - 1] if below[k - 1] else dials[k]
        rows.append(["crossover_" + t, "" if crossover is None else number(crossover)])
        crossing[t] = ("crosses" if crossover is not None else
                       "below at every tested value" if all(below) else "above at every tested value")
    rows += [["crossing_" + t, crossing[t]] for t in ["MHA", "GQA"]]
    rows += [["ref_%s_loss_median" % t, number(ref[t][0])] for t in ["MHA", "GQA"]]
    rows += [["ref_%s_cache_median" % t, number(ref[t][1])] for t in ["MHA", "GQA"]]
    write("mla_dial_summary.csv", ["key", "value"], rows)
    print("wrote", OUT)


if __name__ == "__main__":
    main()
