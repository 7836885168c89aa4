#!/usr/bin/python3
"""Golden values for tests/key_table_test.cpp and tests/idxmin_test.cpp: several key columns,
groupby().describe() and idxmin/idxmax, from pandas 1.5.3 / numpy 1.24 (Debian 12's python).

Run:  /usr/bin/python3 tests/golden/make_golden_describe.py
Writes tests/data/golden_describe.txt, one record per line (floats as hex, NaN as nan):
  row <type> <blocks> <flag> <f> <v>          the input rows, in order (f is a float key, may be nan)
  describe <type> <blocks> <flag> <count> <mean> <std> <min> <25%> <50%> <75%> <max>
                                              d.groupby(["type", "blocks", "flag"])["v"].describe(), in pandas' order
  groups_tf <type> <f> <size>                 d.groupby(["type", "f"]).size()  (NaN f dropped), in order
  unsorted <type> <blocks>                    d.groupby(["type", "blocks"], sort=False) keys, in order
  idxmin <type> <row or -1>                   d.groupby("type")["v"].idxmin() (NaN: -1)
  idxmax <type> <row or -1>                   d.groupby("type")["v"].idxmax()
  series_idx <n> <values> <idxmin> <idxmax>   Series(values).idxmin()/idxmax() (NaN: -1)
"""
import os

import numpy as np
import pandas as pd

assert pd.__version__ == "1.5.3", pd.__version__


def h(v):
    return "nan" if np.isnan(v) else float(v).hex()


def idx(v):
    return -1 if pd.isna(v) else int(v)


def main():
    rng = np.random.default_rng(16)
    n = 4000
    types = np.array(["MHA", "GQA", "MLA", "b", "a", "zz"])
    d = pd.DataFrame({
        "type": types[rng.integers(0, len(types), n)],
        "blocks": rng.choice([4, 8, 12, 16, 2], n),
        "flag": rng.random(n) < 0.4,
        "f": rng.choice([0.5, -1.0, 2.25, np.nan, 1e-300], n),
        "v": rng.normal(3.0, 1.5, n) * rng.choice([1.0, 1e-8, 1e8], n),
    })
    d.loc[rng.random(n) < 0.15, "v"] = np.nan
    d.loc[rng.random(n) < 0.05, "v"] = 2.5          # ties
    d.loc[d.type == "zz", "v"] = np.nan            # a group without any valid value
    d.loc[(d.type == "a") & (d.blocks == 2), "v"] = np.nan
    lines = []
    for r in d.itertuples(index=False):
        lines.append(f"row {r.type} {r.blocks} {int(r.flag)} {h(r.f)} {h(r.v)}")
    desc = d.groupby(["type", "blocks", "flag"])["v"].describe()
    for key, r in desc.iterrows():
        t, b, fl = key
        lines.append(f"describe {t} {b} {int(fl)} {int(r['count'])} " +
                     " ".join(h(r[c]) for c in ["mean", "std", "min", "25%", "50%", "75%", "max"]))
    for (t, f), size in d.groupby(["type", "f"]).size().items():
        lines.append(f"groups_tf {t} {h(f)} {size}")
    for t, b in d.groupby(["type", "blocks"], sort=False).size().index:
        lines.append(f"unsorted {t} {b}")
    for t, i in d.groupby("type")["v"].idxmin().items():
        lines.append(f"idxmin {t} {idx(i)}")
    for t, i in d.groupby("type")["v"].idxmax().items():
        lines.append(f"idxmax {t} {idx(i)}")
    for values in ([np.nan, np.nan], [3.0, np.nan, 1.0, 1.0, 7.0, 7.0], [np.nan, -0.0, 0.0], [np.inf, 1.0, -np.inf], [5.0]):
        s = pd.Series(values)
        lines.append(f"series_idx {len(values)} {' '.join(h(v) for v in values)} {idx(s.idxmin())} {idx(s.idxmax())}")
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "golden_describe.txt")
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
