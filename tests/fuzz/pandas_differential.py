#!/usr/bin/python3
"""Differential check of tradeoff::read_csv against pandas on a directory of CSV files (typically a
fuzzing corpus, which is full of odd numbers, quotes and markers):

    /usr/bin/python3 tests/fuzz/pandas_differential.py build/fuzz/fuzz-work/fuzz_csv/corpus

For every file that read_csv accepts, pandas 1.5.3 reads it too (`pd.read_csv(path)` with its
defaults); where both succeed with the same shape, every column must give the same numbers,
bit for bit, as `pd.to_numeric(column, errors="coerce")` (NaN equals NaN), and booleans are
pandas' own: a column pandas reads as bool (or as objects True/False/NaN) must be read by
`booleans_with_mask` with the same flags and NaN where it marks missing, and a column
`booleans_with_mask` accepts must be one whose numbers pandas gives as 1/0/NaN there (tradeoff
also accepts 1/0 cells). The oracle is pandas itself, never a list of spellings. Files pandas cannot
decode (invalid UTF-8, which read_csv accepts byte for byte) or rejects are counted, not compared.
Builds tests/fuzz/csv_dump.cpp with the system compiler first. Exit status 1 on any difference.
"""
import glob
import math
import os
import subprocess
import sys
import tempfile
import warnings

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    directory = sys.argv[1]
    files = sorted(f for f in glob.glob(os.path.join(directory, "*")) if os.path.isfile(f))
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "csv_dump")
        subprocess.run(["c++", "-std=c++17", "-O2", "-I", os.path.join(HERE, "..", "..", "include"),
                        "-isystem", "/usr/include/eigen3", "-o", exe, os.path.join(HERE, "csv_dump.cpp"),
                        "-lpthread"], check=True)
        lines = subprocess.run([exe] + files, capture_output=True, text=True, errors="replace",
                               check=True).stdout.splitlines()
    warnings.simplefilter("ignore")
    counts = {"files": len(files), "rejected by read_csv": 0, "compared": 0, "not UTF-8 (pandas)": 0,
              "rejected by pandas": 0, "shape differs": 0, "values differ": 0, "booleans differ": 0}
    i = 0
    while i < len(lines):
        head = lines[i].split(" ")
        i += 1
        path = head[1]
        if head[2] == "ERR":
            counts["rejected by read_csv"] += 1
            continue
        rows, cols = int(head[3]), int(head[4])
        ours = []
        flags = []
        for _ in range(cols):
            ours.append([float.fromhex(x) if x.lstrip("-") not in ("nan", "inf") else float(x)
                         for x in lines[i].split()[1:]])
            flags.append(lines[i + 1].split()[1:])
            i += 2
        try:
            frame = pd.read_csv(path)
        except UnicodeDecodeError:
            counts["not UTF-8 (pandas)"] += 1
            continue
        except Exception as error:  # noqa: BLE001 - any pandas refusal is only counted
            counts["rejected by pandas"] += 1
            print(f"pandas rejects {path}: {type(error).__name__}: {str(error)[:80]}")
            continue
        if frame.shape != (rows, cols):
            counts["shape differs"] += 1
            print(f"shape {path}: pandas {frame.shape}, read_csv {(rows, cols)}")
            continue
        counts["compared"] += 1
        for c in range(cols):
            theirs = pd.to_numeric(frame.iloc[:, c], errors="coerce").astype(float).values
            for r in range(rows):
                a, b = ours[c][r], theirs[r]
                if not ((math.isnan(a) and math.isnan(b)) or a == b):
                    counts["values differ"] += 1
                    print(f"value {path} column {c} row {r}: cell {frame.iloc[r, c]!r}: read_csv {a!r}, pandas {b!r}")
            column = frame.iloc[:, c]
            pandas_bool = column.dtype == bool or (column.dtype == object and column.notna().any() and all(
                isinstance(v, bool) for v in column if not (isinstance(v, float) and math.isnan(v))))
            mine = flags[c]
            if pandas_bool and mine == ["ERR"] and rows > 0:
                counts["booleans differ"] += 1
                print(f"booleans {path} column {c}: pandas reads booleans, booleans_with_mask throws")
            elif mine != ["ERR"]:
                for r in range(rows):
                    want = "-" if math.isnan(theirs[r]) else ("1" if theirs[r] == 1.0 else "0" if theirs[r] == 0.0 else "?")
                    if mine[r] != want:
                        counts["booleans differ"] += 1
                        print(f"boolean {path} column {c} row {r}: cell {frame.iloc[r, c]!r}: booleans_with_mask {mine[r]}, pandas {want}")
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))
    return 1 if counts["values differ"] or counts["shape differs"] or counts["booleans differ"] else 0


if __name__ == "__main__":
    sys.exit(main())
