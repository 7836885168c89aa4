#!/usr/bin/python3
"""Writes the golden files for tests/csv_test.cpp.

tests/data/golden_csv_input.csv     a CSV with numbers in many spellings, missing-value markers,
                                    infinities and junk, in columns of every type pandas infers
tests/data/golden_csv_strings.txt   every cell as pandas reads it as text (dtype=str,
                                    keep_default_na=False), hex-encoded UTF-8, one row a line
tests/data/golden_csv_expected.txt  for each column: pandas' missing and coerced counts, then per
                                    row the value of pd.to_numeric(pd.read_csv(f)[c],
                                    errors="coerce") and the correctly rounded value, as float.hex

Run with Debian 12's /usr/bin/python3 (pandas 1.5.3): the values are pandas 1.5.3's. The data is
random but seeded, so the output is the same on every run.
"""

import math
import os
import random
import re
import struct
import sys

import pandas as pd

ROWS = 4000
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
NA_TOKENS = ["", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND",
             "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "n/a", "nan", "null"]
INF_TOKENS = ["inf", "-inf", "+inf", "Inf", "INF", "-Inf", "Infinity", "-Infinity", "+Infinity",
              "infinity", "iNfInItY", "+INF"]
JUNK = ["diverged", "1.2.3", "0x10", "0x1p3", "None", "NAN", "nAn", "+nan", "1,5", "1_000", "1e",
        "e5", "-", "+", ".", "1d5", "1.5f", "--1", "1e+", "1e400", "-1e400", "9e308", "TRUE",
        "True", "yes", "1e5x", "$12", "12%", "  ", "inf ", " nan"]
SPACE = " \t\n\v\f\r"
DECIMAL = re.compile(r"^[ \t\n\v\f\r]*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,17})?[ \t\n\v\f\r]*$")

rng = random.Random(20260611)


def random_double(near_top=True):
    kind = rng.random()
    if kind < 0.05:  # subnormals
        return struct.unpack("<d", struct.pack("<Q", rng.getrandbits(52) | 1))[0]
    if kind < 0.10 and near_top:  # near the top of the range
        return rng.uniform(1, 1.7976931348623157) * 1e308
    return rng.uniform(-1, 1) * 10.0 ** rng.randint(-320, 300)


def spell_double(x):
    fmt = rng.choice(["%.17g", "%.17g", "%.16g", "%.15g", "%.3e", "%.6g", "%r", "%.20e", "%.25f",
                      "%.12E"])
    text = fmt % x if fmt != "%r" else repr(x)
    if rng.random() < 0.05 and not text.startswith("-"):
        text = "+" + text
    return text


def spell_short():
    """Short decimals (0.3, 12.5, 1e-3) that a person or a logger writes."""
    digits = rng.randint(1, 6)
    value = rng.randint(0, 10 ** digits) / 10 ** rng.randint(0, digits)
    text = ("%." + str(rng.randint(0, 6)) + "f") % value
    return rng.choice([text, text, "-" + text, text + "e" + str(rng.randint(-30, 30)),
                       "." + str(rng.randint(0, 999)), str(rng.randint(0, 999)) + "."])


def spell_long(max_exponent=330):
    """More than 17 significant digits, leading zeros, long exponents."""
    mantissa = "".join(rng.choice("0123456789") for _ in range(rng.randint(18, 40)))
    point = rng.randint(0, len(mantissa))
    text = mantissa[:point] + "." + mantissa[point:]
    if rng.random() < 0.3:
        text = "0.0000000" + mantissa
    if rng.random() < 0.5:
        text += "e" + rng.choice(["", "+", "-"]) + str(rng.randint(0, max_exponent)).zfill(rng.randint(1, 5))
    return text


def big_int(low, high):
    return str(rng.randint(low, high))


def pad(text):
    r = rng.random()
    if r < 0.04:
        return " " + text
    if r < 0.08:
        return text + "  "
    if r < 0.10:
        return "\t" + text + " "
    return text


def mixed_cell():
    r = rng.random()
    if r < 0.40:
        return pad(spell_double(random_double()))
    if r < 0.55:
        return pad(spell_short())
    if r < 0.62:
        return spell_long()
    if r < 0.72:
        return rng.choice(NA_TOKENS)
    if r < 0.78:
        return rng.choice(INF_TOKENS)
    if r < 0.88:
        return rng.choice(JUNK)
    if r < 0.94:
        return big_int(-2**70, 2**70)
    return rng.choice(["0", "-0", "-0.0", "+0", "1e-400", "-1e-400", "1e308", "1.7976931348623157e308",
                       "1.7976931348623158e308", "2.2250738585072011e-308", "4.9e-324", "2.5e-324",
                       "2.4e-324", "9007199254740993", "0.1", "0.3", "1e23", "8.98846567431158e307"])


COLUMNS = {
    # object path in pandas (junk present): to_numeric parses each string
    "mixed": mixed_cell,
    # float64 path (read_csv converts the column itself): numbers and markers only, none that
    # overflows (that would make the column object, as "mixed" is)
    "floats": lambda: rng.choice([pad(spell_double(random_double(near_top=False))),
                                  pad(spell_short()), spell_long(max_exponent=250),
                                  rng.choice(NA_TOKENS[:4] + ["nan", "NaN"]),
                                  rng.choice(INF_TOKENS)]),
    # int64 path: exact integers, including beyond 2^53
    "ints": lambda: pad(rng.choice([big_int(-2**63, 2**63 - 1), big_int(-1000, 1000),
                                    big_int(2**53, 2**60), "+" + big_int(0, 99)])),
    # integers with missing cells: float64 path, pandas' float converter
    "ints_missing": lambda: rng.choice([big_int(-2**63, 2**63 - 1), big_int(2**53, 2**62), "",
                                        big_int(-99, 99)]),
    # uint64 path
    "uints": lambda: rng.choice([big_int(2**63, 2**64 - 1), big_int(0, 2**64 - 1), "7"]),
    # uint64 integers with missing cells: pandas' object path, its float converter
    "uints_missing": lambda: rng.choice([big_int(2**63, 2**64 - 1), big_int(0, 2**64 - 1), "",
                                         "NA"]),
    # integers and junk: object path; beyond-uint64 integers too
    "ints_junk": lambda: rng.choice([big_int(-2**63, 2**63 - 1), big_int(2**64, 2**80), "oops",
                                     big_int(0, 9)]),
    # bool path with missing cells: 1.0 / 0.0 / NaN
    "bools": lambda: rng.choice(["True", "False", "TRUE", "FALSE", "true", "false", "", "NA"]),
    # short decimals only (the common case in benchmark files)
    "short": lambda: spell_short(),
    # text with commas, quotes, spaces and tabs (quoted as RFC 4180 requires): checks the splitter
    "text": lambda: "".join(rng.choice(['a', 'b', ' ', ',', '"', '\t', '1', '.', "'", '\u00e9'])
                            for _ in range(rng.randint(0, 12))),
}


def quote(text):
    if rng.random() < 0.1 or any(c in text for c in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def round_trip_value(text, pandas_value, column):
    """The correctly rounded reading: the same cells as pandas, float() instead of its converter."""
    if column in ("ints", "uints", "bools"):
        return pandas_value
    if text in NA_TOKENS:
        return math.nan
    body = text[1:] if text[:1] in "+-" else text
    if body.lower() in ("inf", "infinity"):
        return -math.inf if text.startswith("-") else math.inf
    if DECIMAL.match(text):
        value = float(text.strip(SPACE))
        return value if not math.isinf(value) else math.nan
    return math.nan


def hexfloat(value):
    if math.isnan(value):
        return "nan"
    return float(value).hex()


def main():
    columns = list(COLUMNS)
    cells = [[COLUMNS[c]() for c in columns] for _ in range(ROWS)]
    # make sure every junk, marker and infinity spelling appears at least once
    for i, token in enumerate(JUNK + NA_TOKENS + INF_TOKENS):
        cells[i][0] = token
    path = os.path.join(DATA, "golden_csv_input.csv")
    with open(path, "w", newline="") as out:
        out.write(",".join(columns) + "\n")
        for row in cells:
            out.write(",".join(quote(c) for c in row) + "\n")

    frame = pd.read_csv(path)
    assert str(frame["floats"].dtype) == "float64" and str(frame["short"].dtype) == "float64"
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(frame.columns) == columns and len(frame) == ROWS
    with open(os.path.join(DATA, "golden_csv_expected.txt"), "w") as out:
        out.write("# tests/golden/make_golden_csv.py, pandas %s: per column 'column <name> <rows> "
                  "<missing> <coerced>', then per row '<pandas value> <correctly rounded value>' "
                  "as float.hex\n" % pd.__version__)
        for name in columns:
            values = pd.to_numeric(frame[name], errors="coerce").astype("float64")
            texts = list(raw[name])
            assert texts == [row[columns.index(name)] for row in cells]
            missing = sum(t in NA_TOKENS for t in texts)
            coerced = int(values.isna().sum()) - missing
            out.write("column %s %d %d %d\n" % (name, ROWS, missing, coerced))
            for text, value in zip(texts, values):
                out.write("%s %s\n" % (hexfloat(value), hexfloat(round_trip_value(text, value, name))))
    with open(os.path.join(DATA, "golden_csv_strings.txt"), "w") as out:
        out.write("# tests/golden/make_golden_csv.py, pandas %s: each cell of golden_csv_input.csv "
                  "as read by pd.read_csv(dtype=str, keep_default_na=False), UTF-8 as hex, '-' "
                  "for an empty cell\n" % pd.__version__)
        for i in range(ROWS):
            out.write(" ".join(raw[name][i].encode().hex() or "-" for name in columns) + "\n")
    print("wrote", path, file=sys.stderr)


if __name__ == "__main__":
    main()
