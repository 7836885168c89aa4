#!/usr/bin/python3
"""Writes tests/data/golden_gbench.txt for tests/google_benchmark_test.cpp from the Google
Benchmark fixtures in tests/data/gbench (made by tests/golden/make_gbench_fixtures.sh).

For each JSON fixture: pd.json_normalize(json.load(f)["benchmarks"]) split by run_type, as a
pandas user reads it, then per column the values of pd.to_numeric(errors="coerce") as float.hex.
real_time and cpu_time are converted to ns the way docs/google_benchmark.md states (one exact
multiplication by 10^k for a coarser unit; none for cv, whose times are ratios) and are NaN for a
run that failed. The columns tradeoff adds from the name (family, args, dim, heads, arg1, ...)
follow the documented rule and are written as text. Run with Debian 12's /usr/bin/python3
(pandas 1.5.3).
"""

import json
import math
import os

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
EXPONENT = {"ns": -9, "us": -6, "ms": -3, "s": 0}
OPTIONS = {"threads", "iterations", "repeats", "min_time", "min_warmup_time"}
FLAGS = {"real_time", "manual_time", "process_time"}


def name_columns(run_name):
    parts = run_name.split("/")
    out = {"family": parts[0], "args": "/".join(parts[1:])}
    for position, part in enumerate(parts[1:], start=1):
        if ":" in part:
            key, value = part.split(":", 1)
            if key not in OPTIONS:
                out[key] = value
        elif part not in FLAGS:
            out["arg%d" % position] = part
    return out


def hexes(values):
    return " ".join("nan" if math.isnan(v) else float(v).hex() for v in values)


def main():
    with open(os.path.join(DATA, "golden_gbench.txt"), "w") as out:
        out.write("# file <f> <run_type> <rows>; numeric <column> <float.hex|nan>...; text <column> <hex|=|->...\n")
        for file in ["repetitions.json", "console.json"]:
            with open(os.path.join(DATA, "gbench", file)) as f:
                data = json.load(f)
            frame = pd.json_normalize(data["benchmarks"])
            for run_type in ["iteration", "aggregate"]:
                # the columns these rows have (tradeoff's two tables hold only their own columns)
                part = frame[frame["run_type"] == run_type].dropna(axis=1, how="all").reset_index(drop=True)
                out.write("file %s %s %d\n" % (file, run_type, len(part)))
                for column in part.columns:
                    values = pd.to_numeric(part[column], errors="coerce").astype(float).tolist()
                    if column in ("real_time", "cpu_time"):
                        for i in range(len(part)):
                            failed = part.get("error_occurred", pd.Series([False] * len(part)))[i] is True
                            percentage = part.get("aggregate_unit", pd.Series([None] * len(part)))[i] == "percentage"
                            k = EXPONENT[part["time_unit"][i]] - EXPONENT["ns"]
                            if failed:
                                values[i] = math.nan
                            elif not percentage:
                                values[i] = values[i] * float(10 ** k)
                    if all(math.isnan(v) for v in values) and part[column].notna().any():
                        continue  # a text column
                    out.write("numeric %s %s\n" % (column, hexes(values)))
                derived = [name_columns(n) for n in part["run_name"]]
                keys = []
                for d in derived:
                    keys += [k for k in d if k not in keys]
                for key in keys:
                    out.write("text %s %s\n" % (key, " ".join(
                        "-" if key not in d else (d[key].encode().hex() or "=") for d in derived)))


if __name__ == "__main__":
    main()
