#!/usr/bin/python3
"""The pandas twin of examples/measure.cpp (issue 16's "measure", pandas 1.5.3).

The analysis is the issue's, with three changes any run of it on the bundled data needs:
val_loss holds junk cells, so it is read with pd.to_numeric(errors="coerce") (as the origin
script does); the tables are printed with reset_index().to_markdown(index=False), so that the
keys are columns as in tradeoff (pandas would print the MultiIndex as tuples); describe's
two-level columns are joined with a space; the JSON is json.dumps of the records (pandas'
to_json rounds floats to 10 significant digits).

    /usr/bin/python3 examples/measure.py [benchmark_results.csv] [out_dir]

examples/data/expected/measure/ holds its output on the bundled data (stdout.md, best.csv,
front.json); examples/tests.cmake compares measure's output with it byte for byte.
"""
import json
import os
import sys

import numpy as np
import pandas as pd


def pareto(x, y):
    """Positions of the exact 2-D front (minimise both; NaN never on it), ordered by x, y, position."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    ok = np.flatnonzero(~(np.isnan(x) | np.isnan(y)))
    front = [i for i in ok if not any(x[j] <= x[i] and y[j] <= y[i] and (x[j] < x[i] or y[j] < y[i]) for j in ok)]
    return sorted(front, key=lambda i: (x[i], y[i], i))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "data", "benchmark_results.csv")
    out_dir = sys.argv[2] if len(sys.argv) > 2 else "."
    # --- the analysis: 13 lines ---
    df = pd.read_csv(path)
    df["val_loss"] = pd.to_numeric(df.val_loss, errors="coerce")
    d = df[(df.moe == False) & (df.type != "MHA")]  # noqa: E712 (the issue's spelling)
    g = d.groupby(["type", "num_blocks"])["val_loss"]
    out = pd.DataFrame({"n": g.count(), "median": g.median(), "Q1": g.quantile(.25), "Q3": g.quantile(.75)})
    out["IQR"] = out.Q3 - out.Q1
    print(out.reset_index().to_markdown(index=False))
    best = d.loc[d.groupby("type")["val_loss"].idxmin(), ["run", "type", "val_loss"]]
    best.to_csv(os.path.join(out_dir, "best.csv"), index=False)
    front = d.iloc[pareto(d.theoretical_cache_mb, d.val_loss)]
    open(os.path.join(out_dir, "front.json"), "w").write(json.dumps(front[["run", "theoretical_cache_mb", "val_loss"]].to_dict("records"), separators=(",", ":")) + "\n")
    desc = d.groupby("type")[["val_loss", "tps_512"]].describe()
    print(desc.set_axis([" ".join(c) for c in desc.columns], axis=1).reset_index().to_markdown(index=False))
    # --- end of the analysis ---


if __name__ == "__main__":
    main()
