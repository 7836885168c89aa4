#!/usr/bin/python3
"""Writes the fixtures and the golden file for the csv_options tests of tests/csv_test.cpp.

tests/data/csv_options/*.csv        the input files (gbench_*.csv are the --benchmark_out of real
                                    Google Benchmark runs, libbenchmark-dev 1.7.1, with
                                    --benchmark_repetitions, user counters and named arguments,
                                    kept as they came; the others are written here)
tests/data/golden_csv_options.txt   per case: the tradeoff::csv_options that mirror the pandas
                                    call, the column names pandas gives, and per column the values
                                    of pd.to_numeric(column, errors="coerce") as float.hex and the
                                    cells as text (hex-encoded UTF-8, "-" where pandas has NaN)
tests/data/golden_csv_sniff.txt     header lines (hex) and the delimiter csv.Sniffer().sniff
                                    picks for each, as pd.read_csv(sep=None) does

Run with Debian 12's /usr/bin/python3 (pandas 1.5.3). Nothing is random.

Names from several header lines: pandas returns a tuple per column (header=[0, 1]); tradeoff
joins its parts with "_" and leaves out pandas' placeholders for empty cells
("Unnamed: 3_level_1"), naming a column whose parts are all empty "Unnamed: <i>", the rule
docs/csv.md states; this script applies that rule to pandas' tuples.
"""

import csv
import io
import math
import os
import re

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
FIXTURES = os.path.join(DATA, "csv_options")

TRACEBACK = 'Traceback (most recent call last):\n  File "train.py", line 12, in <module>\n' \
            '    loss = step()\nRuntimeError: CUDA out of memory, tried to allocate "2 GiB"'

FILES = {
    "tab_separated.csv": "run\ttype\tval_loss\tnotes\n1\tMLA\t1.25\tlr=3e-4, warmup 100\n"
                         "2\tGQA\t1.5\t\n3\tMHA\tdiverged\tseed 1, 2, 3\n",
    "semicolon.csv": "run;val_loss;tps\n1;0.3;90\n2;1e-3;\n3;NA;91.5\n",
    "pipe.csv": "run|type|val_loss\n1|MLA|1.25\n2|\"G|QA\"|2.5\n",
    "multiline_notes.csv": 'run,val_loss,notes\n1,1.25,"' + TRACEBACK.replace('"', '""') +
                           '"\n2,1.5,ok\n3,1.75,"two\n\nlines, and a blank one"\n4,2.0,\n',
    "short_rows.csv": "run,val_loss,tps_64,tps_512\n1,1.25,90,80\n2,1.5\n3,1.75,91,\n4\n",
    "bool_missing.csv": "run,moe,dense\n1,True,tRuE\n2,,FALSE\n3,False,fAlSe\n4,nan,true\n"
                        "5,TRUE,True\n6,NA,false\n",
    "comments.csv": "# produced by sweep.py\n# seed 7\nrun,val_loss # loss in nats\n1,1.25\n"
                    "# a note between rows\n2,1.5 # noisy\n3,\"#1\"\n",
    "na_values.csv": "run,val_loss,tps,label\n1,-999,90,n.a.\n2,1.5,-999.0,ok\n3,-999.5,91,\n"
                     "4,2,-999,n.a.\n",
    "wide.csv": "run,type,params_m,val_loss,tps_64,tps_512,notes\n1,MLA,13.3,1.25,72,70,\"a, b\"\n"
                "2,GQA,10.7,1.5,91,,\n",
    "sniff_skip_comment.csv": "generated 2026-06-11\nby sweep.py\nrun;val_loss;note\n# c\n"
                              "1;1.25;a,b\n2;1.5;c\n",
}


def agg_two_header_files():
    frame = pd.DataFrame({"type": ["MLA", "GQA", "MLA", "MHA", "GQA", "MHA"],
                          "val_loss": [1.25, 1.5, 1.75, 2.0, 2.5, 3.0],
                          "tps_512": [70.0, 91.0, 72.5, 90.0, 91.5, 89.0]})
    agg = frame.groupby("type").agg({"val_loss": ["mean", "max"], "tps_512": ["median"]})
    return {"groupby_agg.csv": agg.to_csv(),                 # three header lines (index name)
            "groupby_agg_reset.csv": agg.reset_index().to_csv(index=False)}


# name, file, pandas keyword arguments, tradeoff options (the same, in the golden file's words)
CASES = [
    ("tab", "tab_separated.csv", {"sep": "\t"}, {"delimiter": 9}),
    ("tab_sniffed", "tab_separated.csv", {"sep": None}, {"delimiter": 0}),
    ("semicolon", "semicolon.csv", {"sep": ";"}, {"delimiter": 59}),
    ("semicolon_sniffed", "semicolon.csv", {"sep": None}, {"delimiter": 0}),
    ("pipe", "pipe.csv", {"sep": "|"}, {"delimiter": 124}),
    ("pipe_sniffed", "pipe.csv", {"sep": None}, {"delimiter": 0}),
    ("gbench_csv", "gbench_repetitions.csv", {"skiprows": 10}, {"skip_rows": 10}),
    ("gbench_counters_csv", "gbench_counters.csv", {"skiprows": 10}, {"skip_rows": 10}),
    ("gbench_counters_usecols", "gbench_counters.csv",
     {"skiprows": 10, "usecols": ["name", "real_time", "label", "kv_bytes", "tok_per_s"]},
     {"skip_rows": 10, "use_columns": ["name", "real_time", "label", "kv_bytes", "tok_per_s"]}),
    ("multiline", "multiline_notes.csv", {}, {"quoted_newlines": 1}),
    ("short_rows", "short_rows.csv", {}, {"fill_short_rows": 1}),
    ("bool_missing", "bool_missing.csv", {}, {}),
    ("comments", "comments.csv", {"comment": "#"}, {"comment": 35}),
    ("na_values", "na_values.csv", {"na_values": ["-999", "n.a."]}, {"na_values": ["-999", "n.a."]}),
    ("usecols", "wide.csv", {"usecols": ["val_loss", "type", "notes"]},
     {"use_columns": ["val_loss", "type", "notes"]}),
    ("groupby_agg", "groupby_agg.csv", {"header": [0, 1]}, {"header_rows": 2}),
    ("groupby_agg_reset", "groupby_agg_reset.csv", {"header": [0, 1]}, {"header_rows": 2}),
    ("sniff_skip_comment", "sniff_skip_comment.csv", {"sep": None, "skiprows": 2, "comment": "#"},
     {"delimiter": 0, "skip_rows": 2, "comment": 35}),
]

SNIFF_LINES = [
    "a,b,c", "a\tb\tc", "a;b;c", "a|b|c", "a b c", "a:b:c", "alpha|beta", "abc", "x:y;z",
    "a b,c", '"a";"b"', '"a","b";"c"', '"a"|b', 'a|"b"', "'a';'b'", 'x "a" y', "run;val loss;tps",
    "name,iterations,real_time", "run\tval_loss,x", "a;b\tc", "zz|zz|zz", "~a~b", "a^b^c^d",
    '"a b";"c d"', 'a;"b";c', '"x"', "a__b__c", "Ünïcödé;b", "1.5|2.5|3.5", "a-b-c", "q&a&b",
    '"a"  "b"', "a, b, c", "run ; loss", "a\tb c", '"a,b"|"c"', "{a}{b}", "a.b.c", "",
]


def hexed(text):
    return text.encode("utf-8").hex() or "="


def tradeoff_name(column, position):
    if not isinstance(column, tuple):
        return column
    parts = [p for p in column if not re.fullmatch(r"Unnamed: \d+_level_\d+", p)]
    return "_".join(parts) or f"Unnamed: {position}"


def read(path, kwargs):
    kwargs = dict(kwargs)
    if kwargs.get("sep", ",") is None:
        # The python engine sniffs; the C engine with the sniffed delimiter gives the values
        # (its converter is the one tradeoff follows) and must agree on the shape and names.
        sniffed = pd.read_csv(path, engine="python", **kwargs)
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")[kwargs.get("skiprows", 0):]
        first = next(line for line in lines if line.strip() and not line.startswith("#"))
        kwargs["sep"] = csv.Sniffer().sniff(first.split("#")[0] + "\n").delimiter
        frame = pd.read_csv(path, **kwargs)
        assert list(frame.columns) == list(sniffed.columns) and frame.shape == sniffed.shape, path
        return frame, kwargs["sep"]
    return pd.read_csv(path, **kwargs), None


def main():
    os.makedirs(FIXTURES, exist_ok=True)
    files = dict(FILES)
    files.update(agg_two_header_files())
    for name, text in files.items():
        with open(os.path.join(FIXTURES, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    out = ["# case <name> <file>; options <key>=<value>...; sep <byte> (sniffed);"
           " names <hex>...; rows <n>; per column: numeric <hex>..., text <hex|->..."]
    for name, file, kwargs, options in CASES:
        frame, sniffed = read(os.path.join(FIXTURES, file), kwargs)
        out.append(f"case {name} {file}")
        opts = []
        for key, value in options.items():
            if isinstance(value, list):
                value = "|".join(hexed(v) for v in value)
            opts.append(f"{key}={value}")
        out.append("options " + " ".join(opts))
        out.append(f"sep {ord(sniffed) if sniffed else 0}")
        out.append("names " + " ".join(hexed(tradeoff_name(c, i)) for i, c in enumerate(frame.columns)))
        out.append(f"rows {len(frame)}")
        for c in range(frame.shape[1]):
            column = frame.iloc[:, c]
            values = pd.to_numeric(column, errors="coerce").astype(float)
            out.append("numeric " + " ".join(float(v).hex() for v in values))
            cells = []
            for v in column:
                if v is None or (isinstance(v, float) and math.isnan(v)):
                    cells.append("-")
                elif isinstance(v, str):
                    cells.append(hexed(v))
                else:
                    cells.append("*")  # a number or a bool: compared through numeric
            out.append("text " + " ".join(cells))
    with open(os.path.join(DATA, "golden_csv_options.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")

    sniff = ["# <line hex> <delimiter byte, or ERR where csv.Sniffer raises>"]
    for line in SNIFF_LINES:
        try:
            delimiter = str(ord(csv.Sniffer().sniff(line + "\n").delimiter))
        except csv.Error:
            delimiter = "ERR"
        sniff.append(f"{hexed(line)} {delimiter}")
    with open(os.path.join(DATA, "golden_csv_sniff.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(sniff) + "\n")


if __name__ == "__main__":
    main()
