#!/usr/bin/python3
"""Writes the fixtures and the golden file for tests/json_test.cpp.

tests/data/json/records.jsonl   JSON Lines: nested records, numbers in many spellings (fixed,
                                exponent, up to 20 fraction digits), NaN and Infinity, nulls,
                                arrays, missing keys, blank lines; nothing random at run time
                                (seeded)
tests/data/json/records.json    the first 40 of them as one pretty-printed array
tests/data/golden_json.txt      per file: the column names pandas gives, the row count, and per
                                column pd.to_numeric(column, errors="coerce") as float.hex;
                                for string columns the cells (hex UTF-8, "-" for NaN); and the
                                correctly rounded value of each number as Python's float() reads
                                it (to show where pandas' ultrajson differs)

pandas' value: pd.json_normalize of the records as pandas' own JSON decoder
(pandas._libs.json.loads, the ultrajson that pd.read_json uses) returns them. The script checks
that pd.read_json(lines=True, convert_dates=False) gives the same numbers for the flat columns.
Run with Debian 12's /usr/bin/python3 (pandas 1.5.3).
"""

import json
import math
import os
import random

import pandas as pd
from pandas._libs import json as ujson

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")


def number_text(rng):
    kind = rng.randrange(7)
    x = rng.uniform(-1, 1) * 10 ** rng.randint(-8, 8)
    if kind == 0:
        return repr(x)
    if kind == 1:
        return "%.*f" % (rng.randint(1, 20), x)
    if kind == 2:
        return "%.*e" % (rng.randint(0, 17), x * 10 ** rng.randint(-290, 290))
    if kind == 3:
        return "%.17g" % x if "e" in "%.17g" % x or "." in "%.17g" % x else "%.17g" % x + ".0"
    if kind == 4:
        return "%.*E" % (rng.randint(0, 6), x)
    if kind == 5:
        return str(rng.randint(-10 ** 6, 10 ** 6)) + "." + "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 18)))
    return "%de%d" % (rng.randint(1, 999), rng.randint(-20, 20))


def record(rng, i):
    parts = ['"run": %d' % i]
    if rng.random() < 0.9:
        model = ['"name": %s' % json.dumps(rng.choice(["MLA", "GQA", "MHA", "d\u00e9j\u00e0 \"vu\"", "tab\there"]))]
        if rng.random() < 0.8:
            model.append('"params": {"m": %s, "layers": %d}' % (number_text(rng), rng.randint(1, 96)))
        if rng.random() < 0.5:
            model.append('"moe": %s' % rng.choice(["true", "false", "null"]))
        if rng.random() < 0.1:
            model.append('"empty": {}')
        parts.append('"model": {%s}' % ", ".join(model))
    parts.append('"val_loss": %s' % (number_text(rng) if rng.random() < 0.9 else rng.choice(["null", "NaN", "Infinity", "-Infinity"])))
    if rng.random() < 0.8:
        parts.append('"tps": %s' % rng.choice([str(rng.randint(0, 10 ** 5)), "null", str(rng.randint(-2 ** 63, 2 ** 63 - 1))]))
    if rng.random() < 0.3:
        parts.append('"tags": [%d, "x", {"k": [1.5, null]}]' % rng.randint(0, 9))
    if rng.random() < 0.5:
        parts.append('"note": %s' % json.dumps(rng.choice(["ok", "", "1.5", "nan", "line\nbreak", "\u00fcber"])))
    if rng.random() < 0.05:
        parts.append('"big": %d' % rng.choice([2 ** 64 - 1, 2 ** 63, -2 ** 63]))
    rng.shuffle(parts)
    return "{" + ", ".join(parts) + "}"


def hexes(values):
    return " ".join("nan" if isinstance(v, float) and math.isnan(v) else float(v).hex() for v in values)


def write_case(out, name, records, text_columns):
    frame = pd.json_normalize(records)
    out.write("file %s\n" % name)
    out.write("names %s\n" % " ".join(c.encode().hex() for c in frame.columns))
    out.write("rows %d\n" % len(frame))
    for column in frame.columns:
        values = frame[column]
        if column == "tags":
            out.write("numeric skip\n")  # lists: pd.to_numeric raises
        else:
            out.write("numeric %s\n" % hexes(pd.to_numeric(values, errors="coerce")))
        if column in text_columns:
            out.write("text %s\n" % " ".join("-" if not isinstance(v, str) else (v.encode().hex() or "=") for v in values))
        else:
            out.write("text skip\n")
    return frame


def main():
    rng = random.Random(15)
    lines = [record(rng, i) for i in range(300)]
    text = ""
    for i, line in enumerate(lines):
        text += line + "\n"
        if i % 50 == 7:
            text += "\n   \n"  # blank lines, skipped
    with open(os.path.join(DATA, "json", "records.jsonl"), "w", encoding="utf-8") as f:
        f.write(text)
    # the array file: the same 40 records, pretty-printed with the original number spellings
    array_text = "[\n" + ",\n".join("  " + l for l in lines[:40]) + "\n]\n"
    with open(os.path.join(DATA, "json", "records.json"), "w", encoding="utf-8") as f:
        f.write(array_text)

    records = [ujson.loads(l) for l in lines]
    text_columns = {"model.name", "note"}
    with open(os.path.join(DATA, "golden_json.txt"), "w") as out:
        out.write("# file <name>; names <hex>...; rows <n>; per column: numeric <float.hex|nan>... (or skip), text <hex|=|->... (or skip)\n")
        frame = write_case(out, "records.jsonl", records, text_columns)
        write_case(out, "records.json", ujson.loads(array_text), text_columns)
        # correctly rounded reading of val_loss (Python float) beside pandas' value
        exact = pd.json_normalize([json.loads(l) for l in lines])
        out.write("round_trip val_loss %s\n" % hexes(pd.to_numeric(exact["val_loss"], errors="coerce")))
        differ = sum(1 for a, b in zip(frame["val_loss"], exact["val_loss"])
                     if not (a == b or (math.isnan(a) and math.isnan(b))))
        print("val_loss: %d of %d values differ between ultrajson and float()" % (differ, len(lines)))
    # pd.read_json itself gives the same numbers on the flat columns
    direct = pd.read_json(os.path.join(DATA, "json", "records.jsonl"), lines=True, convert_dates=False)
    for column in ["val_loss", "run"]:
        a = pd.to_numeric(direct[column], errors="coerce").tolist()
        b = pd.to_numeric(frame[column], errors="coerce").tolist()
        assert all(x == y or (math.isnan(x) and math.isnan(y)) for x, y in zip(a, b)), column
    print("read_json agrees on val_loss and run")


if __name__ == "__main__":
    main()
