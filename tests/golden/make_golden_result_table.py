#!/usr/bin/python3
"""Golden text for tests/result_table_test.cpp (tradeoff/result_table.hpp), from pandas 1.5.3,
tabulate 0.8.9 and Python's json (Debian 12's python).

Run:  /usr/bin/python3 tests/golden/make_golden_result_table.py
Writes tests/data/golden_result_table/:
  input.txt      one row per line: <real as hex or nan> <integer> <bool 0/1> <text as hex of UTF-8>
  table.csv      df.to_csv(index=False)
  table.md       df.to_markdown(index=False) + "\\n"
  table.json     json.dumps(df.to_dict("records"), separators=(",", ":")) + "\\n" (NaN rows removed
                 from the real column first: json.dumps would write NaN, tradeoff writes null)
"""
import json
import os

import numpy as np
import pandas as pd
import tabulate

assert pd.__version__ == "1.5.3", pd.__version__
assert tabulate.__version__ == "0.8.9", tabulate.__version__


def main():
    rng = np.random.default_rng(13)
    reals = [0.1, 2.0, -0.0, 1e16, 1e15 + 0.5, 123456789012345680.0, 1e-4, 1e-5, 5e-324, 1.7976931348623157e308,
             -2.5e-300, 1 / 3, 12345678.9, np.nan, 100.0, 0.5, -7.0]
    reals += list(rng.normal(0, 1, 10) * 10.0 ** rng.integers(-8, 9, 10))
    n = len(reals)
    ints = [int(v) for v in rng.integers(-10**12, 10**12, n)]
    ints[0] = 0
    bools = [bool(b) for b in rng.random(n) < 0.5]
    texts = ["GQA", "a,b", 'say "hi"', "", "é ü", "line\nbreak", "x" * 14, "MLA"] + [f"run_{i}" for i in range(n - 8)]
    df = pd.DataFrame({"real": reals, "int": ints, "flag": bools, "text": texts})
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "golden_result_table")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "input.txt"), "w") as f:
        for r, i, b, t in zip(reals, ints, bools, texts):
            f.write(f"{'nan' if np.isnan(r) else float(r).hex()} {i} {int(b)} {t.encode().hex() or '-'}\n")
    with open(os.path.join(out, "table.csv"), "w", newline="") as f:
        f.write(df.to_csv(index=False))
    no_newline = df[~df.text.str.contains("\n")]  # tabulate keeps a newline inside a cell
    with open(os.path.join(out, "table.md"), "w") as f:
        f.write(no_newline.to_markdown(index=False) + "\n")
    valid = df[~df.real.isna()]
    with open(os.path.join(out, "table.json"), "w") as f:
        f.write(json.dumps(valid.to_dict("records"), separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
