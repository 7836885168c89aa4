#!/usr/bin/python3
"""Checks that tradeoff and its peers gave the same answers, and writes docs/performance.md.

Called by bench/run.sh (Debian's /usr/bin/python3 with numpy); reads the run's work directory:
    results.tsv        RESULT / SKIP / FAIL / MEMORY lines of every program (bench/common/harness.hpp)
    answers/<workload>.<implementation>.<part>.npy   each program's answer
    time/<workload>.<program>.txt                    /usr/bin/time -v of each program
    in/                                              the inputs (for the tie check and the front proofs)
    gbench.json                                      the Google Benchmark suite (default mode only)
A time whose answer disagrees with the reference is shown struck out and never used in a ratio.
"""

import argparse
import datetime
import glob
import json
import os
import platform
import re
import subprocess
from collections import defaultdict

import numpy as np

# --- reading the run ------------------------------------------------------------------------------


def read_results(work):
    times, skips, fails, memory = {}, {}, {}, {}
    with open(os.path.join(work, "results.tsv"), encoding="utf-8") as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "RESULT":
                times[(fields[1], fields[2])] = dict(median=float(fields[3]), min=float(fields[4]),
                                                     runs=int(fields[5]), cpu=float(fields[6]),
                                                     note=fields[7] if len(fields) > 7 else "")
            elif fields[0] == "SKIP":
                skips[(fields[1], fields[2])] = fields[3]
            elif fields[0] == "FAIL":
                fails[(fields[1], fields[2])] = fields[3]
            elif fields[0] == "MEMORY":
                memory[(fields[1], fields[2])] = (int(fields[3]), int(fields[4]))
    return times, skips, fails, memory


def peak_rss(work):
    """(workload, program) → maximum resident set size in bytes, from /usr/bin/time -v."""
    peaks = {}
    for path in glob.glob(os.path.join(work, "time", "*.txt")):
        name = os.path.basename(path)[:-4]
        workload, program = name.rsplit(".", 1)
        with open(path, encoding="utf-8", errors="replace") as text:
            found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text.read())
        if found:
            peaks[(workload, program)] = int(found.group(1)) * 1024
    return peaks


def answer(work, workload, implementation, part):
    path = os.path.join(work, "answers", f"{workload}.{implementation}.{part}.npy")
    return np.load(path) if os.path.exists(path) else None


# --- comparing answers ----------------------------------------------------------------------------


def ordered_bits(values):
    """float64 → int64 in the order of the floats, so that |a − b| counts the ulps between them."""
    bits = np.asarray(values, dtype=np.float64).view(np.int64)
    return np.where(bits < 0, np.int64(-0x8000000000000000) - bits, bits)


def ulp_distance(a, b):
    """Per element ulps between a and b; NaN against NaN is 0, NaN against a number is huge."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    both_nan = np.isnan(a) & np.isnan(b)
    one_nan = np.isnan(a) ^ np.isnan(b)
    distance = np.abs(ordered_bits(np.where(both_nan, 0.0, a)) - ordered_bits(np.where(both_nan, 0.0, b)))
    return np.where(one_nan, np.int64(2**62), distance)


CLOSE = "close"


class Verdict:
    """Whether one implementation's answer agrees with the reference: True (the same), CLOSE (the
    same up to a few ulp of floating-point rounding: a different summation or interpolation
    formula, not a wrong answer), False (wrong: its time does not count), None (not checked)."""

    def __init__(self, ok, text):
        self.ok = ok if ok is None or ok is CLOSE else bool(ok)
        self.text = text

    def cell(self):
        mark = {True: "✓", False: "✗", None: "–", CLOSE: "≈"}[self.ok]
        return f"{mark} {self.text}".strip()


def same_index_set(a, b):
    if a is None or b is None:
        return None
    return np.array_equal(np.sort(a), np.sort(b))


def describe_set_difference(a, b):
    a, b = set(a.tolist()), set(b.tolist())
    return f"{len(a)} vs {len(b)} indices, {len(a - b)} only here, {len(b - a)} only in the reference"


def dominated_by_any(candidates, points, chunk_elements=20_000_000):
    """For each row of `candidates`: is some row of `points` no worse everywhere and better somewhere?"""
    out = np.zeros(len(candidates), dtype=bool)
    step = max(1, chunk_elements // max(1, len(points) * points.shape[1]))
    for start in range(0, len(candidates), step):
        block = candidates[start:start + step]
        no_worse = (points[None, :, :] <= block[:, None, :]).all(axis=2)
        better = (points[None, :, :] < block[:, None, :]).any(axis=2)
        out[start:start + step] = (no_worse & better).any(axis=1)
    return out


def prove_front(points, front, budget=1.5e9):
    """A front F is exact iff no point of F is dominated and every other point is dominated by F.
    Returns True/False, or None when the O(|F| n d) check would exceed the budget."""
    n, d = points.shape
    if len(front) * n * d > budget:
        return None
    mask = np.zeros(n, dtype=bool)
    mask[front] = True
    if dominated_by_any(points[mask], points).any():
        return False
    return bool(dominated_by_any(points[~mask], points[mask]).all())


def check_index_answers(work, workload, implementations, part, references, points=None):
    """Index-set (front) or rank answers: compared with the first reference that has an answer;
    fronts without any peer answer are proven by the dominance check on the input."""
    verdicts = {}
    reference_name, reference = None, None
    for name in references:
        reference = answer(work, workload, name, part)
        if reference is not None:
            reference_name = name
            break
    for name in implementations:
        mine = answer(work, workload, name, part)
        if mine is None:
            continue
        if name == reference_name:
            verdicts[name] = Verdict(True, "reference")
            continue
        if reference is None:
            if part == "front" and points is not None:
                proven = prove_front(points, mine)
                verdicts[name] = (Verdict(None, "unchecked (no peer at this size; dominance proof too costly)")
                                  if proven is None else
                                  Verdict(proven, "proven by dominance check" if proven else "fails the dominance check"))
            else:
                verdicts[name] = Verdict(None, "no reference at this size")
            continue
        if part == "front":
            equal = same_index_set(mine, reference)
            verdicts[name] = Verdict(equal, f"same {len(mine)} points as {reference_name}" if equal
                                     else describe_set_difference(mine, reference))
        else:
            equal = np.array_equal(mine, reference)
            verdicts[name] = Verdict(equal, f"same ranks as {reference_name} ({int(mine.max()) + 1} fronts)" if equal
                                     else f"{int((mine != reference).sum())} ranks differ from {reference_name}")
    return verdicts


GROUP_COLUMNS = ["count", "mean", "min", "max", "median", "q1", "q3"]


def check_group(work, workload, floor_workload):
    """Every column against pandas (the seed script's lambdas): bit-equal or the largest ulp gap."""
    verdicts = {}
    reference = {c: answer(work, workload, "pandas", c) for c in GROUP_COLUMNS}
    if any(v is None for v in reference.values()):
        return {name: Verdict(None, "no pandas answer") for name in ["tradeoff", "DuckDB", "pandas-cython", "floor"]}
    verdicts["pandas"] = Verdict(True, "reference")
    for name, source in [("tradeoff", workload), ("DuckDB", workload), ("pandas-cython", workload),
                         ("floor", floor_workload)]:
        mine = {c: answer(work, source, name, c) for c in GROUP_COLUMNS}
        if any(v is None for v in mine.values()):
            continue
        if len(mine["count"]) != len(reference["count"]):
            verdicts[name] = Verdict(False, f"{len(mine['count'])} groups, pandas has {len(reference['count'])}")
            continue
        differences, wrong = [], False
        for column in GROUP_COLUMNS:
            if column == "count":
                mismatches = int((mine[column] != reference[column]).sum())
                if mismatches:
                    differences.append(f"count differs in {mismatches} groups")
                    wrong = True
                continue
            gap = ulp_distance(mine[column], reference[column])
            if gap.max() > 0:
                differences.append(f"{column} ≤ {int(gap.max())} ulp in {int((gap > 0).sum())}")
                # Rounding differences are a few ulp (100s for a plain sum of 3e6 values);
                # anything beyond 2^20 ulp (relative 1e-10) is a wrong answer.
                wrong = wrong or gap.max() > 2**20
        if not differences:
            verdicts[name] = Verdict(True, "bit-equal to pandas, every column")
        else:
            verdicts[name] = Verdict(False if wrong else CLOSE,
                                     "; ".join(differences) + f" of {len(reference['count'])} groups")
    return verdicts


# --- formatting -----------------------------------------------------------------------------------


def seconds_text(seconds):
    if seconds is None:
        return "–"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.3g} ms"
    return f"{seconds * 1e6:.3g} µs"


def ratio_text(ratio):
    if ratio is None:
        return "–"
    return f"{ratio:.3g}×"


def bytes_text(count):
    if count is None or count < 0:
        return "–"
    for unit, size in [("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)]:
        if count >= size:
            return f"{count / size:.1f} {unit}"
    return f"{count} B"


def faster_or_slower(ratio):
    """'2.0× faster' for ratio = other / ours ≥ 1, else '1.5× slower'."""
    return f"{ratio:.2f}× faster" if ratio >= 1 else f"{1 / ratio:.2f}× slower"


def number_label(text):
    value = float(text)
    return f"{value:,.0f}" if value < 1e4 else text


class Report:
    def __init__(self, args):
        self.args = args
        self.work = args.work
        self.times, self.skips, self.fails, self.memory = read_results(self.work)
        self.peaks = peak_rss(self.work)
        self.verdicts = {}    # workload → implementation → Verdict
        self.lines = []
        self.targets = []     # rows of the targets table
        self.no_ratio = {"pandas.factorize"}  # compared with a part of tradeoff, in a sentence

    def time(self, workload, implementation):
        entry = self.times.get((workload, implementation))
        return entry["median"] if entry else None

    def counted_time(self, workload, implementation):
        """The median time, or None when the answer was wrong (a wrong answer's speed does not count)."""
        verdict = self.verdicts.get(workload, {}).get(implementation)
        if verdict is not None and verdict.ok is False:
            return None
        return self.time(workload, implementation)

    def workloads(self, prefix):
        seen = []
        for workload, _ in list(self.times) + list(self.skips) + list(self.fails):
            if workload.startswith(prefix) and workload not in seen:
                seen.append(workload)
        return seen

    def emit(self, text=""):
        self.lines.append(text)

    # One table per workload: every implementation, its time, tradeoff's speed-up over it, the check.
    def workload_table(self, workload, implementations, title, baseline="tradeoff", verdict_of=None):
        self.emit(f"#### {title}")
        self.emit()
        self.emit(f"| implementation | median | min | CPU | runs | {baseline} is faster by | answer | how |")
        self.emit("|---|---:|---:|---:|---:|---:|---|---|")
        base = self.counted_time(workload, baseline)
        for name in implementations:
            key = (workload, name)
            verdict = (verdict_of or self.verdicts.get(workload, {})).get(name)
            if key in self.times:
                entry = self.times[key]
                wrong = verdict is not None and verdict.ok is False
                median = seconds_text(entry["median"])
                if wrong:
                    median = f"~~{median}~~ (wrong answer: does not count)"
                ratio = None
                if not wrong and base and not name.startswith(baseline) and name not in self.no_ratio:
                    ratio = entry["median"] / base
                self.emit(f"| {name} | {median} | {seconds_text(entry['min'])} | {seconds_text(entry['cpu'])} | "
                          f"{entry['runs']} | "
                          f"{ratio_text(ratio)} | {verdict.cell() if verdict else '–'} | {entry['note']} |")
            elif key in self.skips:
                self.emit(f"| {name} | not run | | | | | | {self.skips[key]} |")
            elif key in self.fails:
                self.emit(f"| {name} | failed | | | | | | {self.fails[key]} |")
        self.emit()

    def target(self, what, measured, goal, met, cpu_text="–"):
        verdict = "–" if met is None else ("met" if met else "**missed**")
        self.targets.append(f"| {what} | {measured} | {cpu_text} | {goal} | {verdict} |")

    # --- sections ---------------------------------------------------------------------------------

    def front2d_section(self):
        self.emit("## 2-D Pareto fronts")
        self.emit()
        self.emit("`pareto_front(x, y)` (both minimised) against numpy (`argsort` + `minimum.accumulate`, the "
                  "textbook vectorised front: it ignores ties in x, so it is a speed reference whose answer is "
                  "checked on tie-free inputs only), pagmo2 `non_dominated_front_2d` (O(n·h) for a front of h "
                  "points: it is run only where its estimated time fits the budget; otherwise the estimate is "
                  "shown) and the floor (`std::sort` by (x, y) + one scan, also the reference answer). Inputs: "
                  "x uniform on [0, 1); y uniform (`uniform`), 1 − x + N(0, σ) (`anti1e-2`, `anti1e-4`), or −x "
                  "(`line`: every point on the front).")
        self.emit()
        for workload in self.workloads("front2d:"):
            _, shape, n = workload.split(":")
            points = np.load(os.path.join(self.work, "in", f"front2d_{shape}_{n}.npy"))
            ties = len(points) - len(np.unique(points[:, 0]))
            verdicts = check_index_answers(self.work, workload, ["tradeoff", "numpy", "pagmo2", "floor"], "front",
                                           ["floor"])
            if ties and "numpy" in verdicts:
                verdicts["numpy"] = Verdict(None, f"{ties} tied x: numpy's answer is not expected to be exact")
            self.verdicts[workload] = verdicts
            front = answer(self.work, workload, "floor", "front")
            size = f", front of {len(front):,} points" if front is not None else ""
            self.workload_table(workload, ["tradeoff", "floor", "numpy", "pagmo2"],
                                f"{shape}, n = {number_label(n)}{size}")

    def front_section(self):
        self.emit("## Fronts in 3 to 6 objectives")
        self.emit()
        self.emit("`pareto_front(points)` (all minimised) against pagmo2 `fast_non_dominated_sorting` (it has no "
                  "front-only function for d > 2; O(d n²), run for n ≤ 10,000) and DEAP `sortLogNondominated(..., "
                  "first_front_only=True)` (pure Python, run for n ≤ 40,000). Where no peer runs, tradeoff's front "
                  "is proven exact on the input by a dominance check (no front point dominated, every other point "
                  "dominated by the front). `uniform`: the unit cube; `sphere`: the positive unit sphere (every "
                  "point on the front).")
        self.emit()
        for workload in self.workloads("front:"):
            _, shape, d, n = workload.split(":")
            points = np.load(os.path.join(self.work, "in", f"frontnd_{shape}_{d}_{n}.npy"))
            self.verdicts[workload] = check_index_answers(self.work, workload, ["tradeoff", "pagmo2", "DEAP"], "front",
                                                          ["pagmo2", "DEAP"], points)
            front = answer(self.work, workload, "tradeoff", "front")
            size = f", front of {len(front):,} points" if front is not None else ""
            self.workload_table(workload, ["tradeoff", "pagmo2", "DEAP"], f"{d} {shape}, n = {number_label(n)}{size}")

    def ranks_section(self):
        self.emit("## Non-domination ranks")
        self.emit()
        self.emit("`pareto_ranks(points)` against the 2-D floor (sort + binary search over the fronts' last y, "
                  "the reference in 2-D), pagmo2 `fast_non_dominated_sorting` (n ≤ 20,000) and DEAP "
                  "`sortLogNondominated` (n·d ≤ 60,000). Uniform points in the unit square / cube.")
        self.emit()
        for workload in self.workloads("ranks:"):
            _, shape, d, n = workload.split(":")
            self.verdicts[workload] = check_index_answers(self.work, workload, ["tradeoff", "floor", "pagmo2", "DEAP"],
                                                          "ranks", ["floor", "pagmo2", "DEAP"])
            self.workload_table(workload, ["tradeoff", "floor", "pagmo2", "DEAP"], f"{d} {shape}, n = {number_label(n)}")

    def hv_section(self):
        self.emit("## Hypervolume")
        self.emit()
        self.emit("`hypervolume(points, reference)` (reference 1.1 in every objective) against pagmo2 "
                  "`hypervolume::compute` (hv2d / hv3d); answers must agree within 1e-12 relative.")
        self.emit()
        for workload in self.workloads("hv:"):
            _, shape, d, n = workload.split(":")
            mine = answer(self.work, workload, "tradeoff", "hv")
            theirs = answer(self.work, workload, "pagmo2", "hv")
            verdicts = {}
            if theirs is not None:
                verdicts["pagmo2"] = Verdict(True, f"reference: {theirs[0]:.17g}")
            if mine is not None and theirs is not None:
                relative = abs(mine[0] - theirs[0]) / abs(theirs[0])
                verdicts["tradeoff"] = Verdict(relative <= 1e-12, f"relative difference {relative:.2g}")
            self.verdicts[workload] = verdicts
            self.workload_table(workload, ["tradeoff", "pagmo2"], f"{d} {shape}, n = {number_label(n)}")

    def hvc_section(self):
        workloads = self.workloads("hvc:")
        if not workloads:
            return
        self.emit("## Hypervolume contributions")
        self.emit()
        self.emit("`hypervolume_contributions(points, reference)` (every point's exclusive contribution, reference "
                  "1.1 in every objective) against pagmo2 `hypervolume::contributions` (hv2d / hv3d / hvwfg); "
                  "answers must agree within 1e-9 of the largest contribution. Goals (issue 18): 3-D n = 1e4 and "
                  "4-D n = 1e3 at <= 0.1x pagmo2's time.")
        self.emit()
        for workload in workloads:
            _, shape, d, n = workload.split(":")
            mine = answer(self.work, workload, "tradeoff", "hvc")
            theirs = answer(self.work, workload, "pagmo2", "hvc")
            verdicts = {}
            if theirs is not None:
                verdicts["pagmo2"] = Verdict(True, f"reference: sum {theirs.sum():.17g}")
            if mine is not None and theirs is not None and mine.shape == theirs.shape:
                difference = float(np.max(np.abs(mine - theirs))) / max(float(np.max(np.abs(theirs))), 1e-300)
                verdicts["tradeoff"] = Verdict(difference <= 1e-9, f"largest difference {difference:.2g} of the largest")
            self.verdicts[workload] = verdicts
            self.workload_table(workload, ["tradeoff", "pagmo2"], f"{d} {shape}, n = {number_label(n)}")

    def igd_section(self):
        workloads = self.workloads("igd_plus:")
        if not workloads:
            return
        self.emit("## IGD+")
        self.emit()
        self.emit("`igd_plus(points, reference_set)`: uniform points in the unit cube against a sphere front of the "
                  "same size, against a straightforward vectorised numpy IGD+ (broadcast max(a - r, 0) over blocks "
                  "of 256 reference rows, norms, minimum, mean); answers must agree within 1e-12 relative. Goal "
                  "(issue 18): 3-D 1e4 vs 1e4 at <= 0.5x numpy's time.")
        self.emit()
        for workload in workloads:
            _, d, n = workload.split(":")
            mine = answer(self.work, workload, "tradeoff", "igd_plus")
            theirs = answer(self.work, workload, "numpy", "igd_plus")
            verdicts = {}
            if theirs is not None:
                verdicts["numpy"] = Verdict(True, f"reference: {theirs[0]:.17g}")
            if mine is not None and theirs is not None:
                relative = abs(mine[0] - theirs[0]) / abs(theirs[0])
                verdicts["tradeoff"] = Verdict(relative <= 1e-12, f"relative difference {relative:.2g}")
            self.verdicts[workload] = verdicts
            self.workload_table(workload, ["tradeoff", "numpy"], f"{d}, n = {number_label(n)} vs {number_label(n)}")

    def group_section(self):
        self.emit("## Grouped summary: count, mean, min, max, median, Q1, Q3")
        self.emit()
        self.emit("tradeoff `summarize(group_by(keys), values)` (Q1/Q3 = quantile levels 0.25/0.75), timed whole "
                  "and in its two parts, against pandas `groupby().agg(count=, mean=, min=, max=, median=, "
                  "q1=lambda s: s.quantile(0.25), q3=lambda s: s.quantile(0.75))` (the seed script's way and the "
                  "reference answer), pandas' own Cython `groupby().quantile` (pandas-cython, for information), "
                  "DuckDB 1 thread (`count, avg, min, max, median, quantile_cont(0.25/0.75) ... GROUP BY key "
                  "ORDER BY key`; the data is loaded into a DuckDB table first, only the query is timed) and the "
                  "floor: counting-scatter by group code + `std::nth_element`, given the codes (so it is compared "
                  "with `summarize` alone, which is also given the grouping; its mean is a plain sum, not pandas' "
                  "Kahan sum). Values are N(100, 20); int keys are 64-bit ids (hashed), string keys 3–11 "
                  "characters.")
        self.emit()
        for workload in self.workloads("group:"):
            _, keys, n, groups = workload.split(":")
            if keys == "codes":
                continue
            floor_workload = f"group:codes:{n}:{groups}"
            self.verdicts[workload] = check_group(self.work, workload, floor_workload)
            if (floor_workload, "floor") in self.times:
                self.times[(workload, "floor")] = self.times[(floor_workload, "floor")]
            codes = answer(self.work, workload, "tradeoff", "codes")
            factorized = answer(self.work, workload, "pandas", "factorize")
            if codes is not None and factorized is not None:
                same = np.array_equal(codes, factorized)
                self.verdicts[workload]["tradeoff.group_by"] = Verdict(same, "same codes as pd.factorize" if same
                                                                       else "codes differ from pd.factorize")
            self.no_ratio.add("floor")  # given the codes: compared with summarize alone, below
            self.workload_table(workload, ["tradeoff", "tradeoff.group_by", "tradeoff.summarize", "floor", "DuckDB",
                                           "pandas", "pandas-cython", "pandas.factorize"],
                                f"{number_label(n)} rows, {number_label(groups)} groups, {keys} keys")
            self.no_ratio.discard("floor")
            group_by = self.counted_time(workload, "tradeoff.group_by")
            factorize = self.time(workload, "pandas.factorize")
            if group_by and factorize:
                self.emit(f"`group_by` alone: {seconds_text(group_by)}; `pd.factorize(keys, sort=True)` (same codes): "
                          f"{seconds_text(factorize)}; group_by is {faster_or_slower(factorize / group_by)}.")
                self.emit()
            summarize = self.counted_time(workload, "tradeoff.summarize")
            floor = self.time(workload, "floor")
            if summarize and floor:
                self.emit(f"`summarize` alone vs the floor (both given the group codes): "
                          f"{summarize / floor:.2f}× the floor's time.")
                self.emit()

    def quantile_section(self):
        self.emit("## Quantiles of one array")
        self.emit()
        for workload in self.workloads("quantile:"):
            if workload.endswith("-median"):
                continue
            mine = answer(self.work, workload, "tradeoff", "quantiles")
            reference = answer(self.work, workload, "numpy", "quantiles")
            mine_median = answer(self.work, workload, "tradeoff", "median")
            reference_median = answer(self.work, workload, "numpy", "median")
            floor = answer(self.work, workload, "floor", "quartiles")
            verdicts = {"numpy": Verdict(True, "reference"), "numpy-percentile": Verdict(None, "same call path")}
            if mine is not None and reference is not None:
                verdicts["tradeoff"] = Verdict(bool(np.array_equal(mine, reference)),
                                               "bit-equal to numpy.quantile" if np.array_equal(mine, reference)
                                               else f"≤ {int(ulp_distance(mine, reference).max())} ulp from numpy")
            if floor is not None and reference is not None and reference_median is not None:
                expected = np.array([reference[0], reference_median[0], reference[2]])
                verdicts["floor"] = Verdict(bool(np.array_equal(floor, expected)),
                                            "bit-equal (Q1, median, Q3)" if np.array_equal(floor, expected)
                                            else "differs from numpy")
            self.verdicts[workload] = verdicts
            self.workload_table(workload, ["tradeoff", "floor", "numpy", "numpy-percentile"],
                                f"quantiles at 0.25, 0.5, 0.75 of n = {number_label(workload.split(':')[1])} "
                                "log-normal values")
            median_workload = workload + "-median"
            if mine_median is not None and reference_median is not None:
                equal = bool(np.array_equal(mine_median, reference_median))
                self.verdicts[median_workload] = {
                    "tradeoff": Verdict(equal, "bit-equal to numpy.median" if equal else "differs from numpy.median"),
                    "numpy": Verdict(True, "reference")}
            self.workload_table(median_workload, ["tradeoff", "numpy"], "median (pandas' (a + b) / 2 of the middle pair)")

    def column_verdicts(self, workload):
        """tradeoff's numeric columns against pandas' (answers col-*), bit for bit."""
        differences, columns = [], 0
        for path in sorted(glob.glob(os.path.join(self.work, "answers", f"{workload}.pandas.col-*.npy"))):
            column = path.rsplit(".col-", 1)[1][:-4]
            reference = np.load(path)
            mine = answer(self.work, workload, "tradeoff", f"col-{column}")
            columns += 1
            if mine is None or len(mine) != len(reference) or ulp_distance(mine, reference).max() > 0:
                differences.append(column)
        verdicts = {"pandas": Verdict(True, "reference")}
        if (workload, "tradeoff") in self.times:
            verdicts["tradeoff"] = Verdict(not differences and columns > 0,
                                   f"all {columns} numeric columns bit-equal to pandas (NaN where pandas "
                                   "has NaN)" if not differences else "differs in " + ", ".join(differences))
        self.verdicts[workload] = verdicts

    def csv_section(self):
        self.emit("## CSV load (23-column schema)")
        self.emit()
        self.emit("tradeoff `read_csv(path)` + `numeric(name)` for each of the 20 numeric columns, against pandas "
                  "`read_csv(path)` (C engine) + `to_numeric(errors='coerce')` on the same columns, as the seed "
                  "script loads its table. The file is synthetic (bench/gen.cpp): shortest round-trip numbers, "
                  "empty tps cells beyond max_context, a few empty and `diverged` losses. `tradeoff.read_csv` is "
                  "the parse alone (cells kept as text; numbers are converted by `numeric`).")
        self.emit()
        for workload in self.workloads("csv:"):
            self.column_verdicts(workload)
            rows = workload.split(":")[1]
            size = os.path.getsize(os.path.join(self.work, "in", f"bench_{rows}.csv"))
            self.workload_table(workload, ["tradeoff", "tradeoff.read_csv", "pandas"],
                                f"{number_label(rows)} rows ({bytes_text(size)})")

    def how_sure_section(self):
        """Issue 17: bootstrap intervals against scipy.stats.bootstrap, front membership probability."""
        if not (self.workloads("bootstrap:") or self.workloads("bootgroup:") or self.workloads("frontprob:")):
            return
        self.emit("## How sure: bootstrap intervals and Pareto fronts under noise")
        self.emit()
        self.emit("tradeoff and scipy 1.10.1 draw different resamples (xoshiro256** against numpy's PCG64), so the "
                  "endpoints agree only statistically; the check reports how far apart they are, in units of the "
                  "interval's width. Fed the same resample indices the endpoints are scipy's "
                  "(tests/bootstrap_test.cpp).")
        self.emit()

        def closeness(workload, parts):
            """Largest endpoint gap between tradeoff and scipy, in units of tradeoff's interval width."""
            mine = [answer(self.work, workload, "tradeoff", part) for part in parts]
            other = [answer(self.work, workload, "scipy", part) for part in parts]
            if any(a is None for a in mine + other):
                return {}
            if len(parts) == 1:  # one [low, high] array
                mine, other = [mine[0][:1], mine[0][1:]], [other[0][:1], other[0][1:]]
            width = np.abs(mine[1] - mine[0])
            gap = float(np.max(np.maximum(np.abs(mine[0] - other[0]), np.abs(mine[1] - other[1])) / width))
            return {"scipy": Verdict(True, "reference (its own resamples)"),
                    "tradeoff": Verdict(None, f"endpoints within {gap:.2f} interval widths of scipy's")}

        for workload in self.workloads("bootstrap:"):
            self.verdicts[workload] = closeness(workload, ["interval"])
            self.workload_table(workload, ["tradeoff", "scipy"],
                                f"BCa 95 % interval of the median of n = {number_label(workload.split(':')[1])} "
                                "log-normal values, 9,999 resamples")
        for workload in self.workloads("bootgroup:"):
            self.verdicts[workload] = closeness(workload, ["low", "high"])
            _, rows, groups = workload.split(":")
            self.workload_table(workload, ["tradeoff", "scipy"],
                                f"percentile 95 % intervals of the median for {groups} groups, "
                                f"{number_label(rows)} rows in all, 9,999 resamples each")
        for workload in self.workloads("frontprob:"):
            probability = answer(self.work, workload, "tradeoff", "probability")
            if probability is not None:
                valid = bool(np.all((probability >= 0) & (probability <= 1)))
                self.verdicts[workload] = {"tradeoff": Verdict(None, f"no peer; {int(np.sum(probability > 0))} "
                                                               f"configurations ever on the front, "
                                                               f"{int(np.sum(probability == 1))} always"
                                                               + ("" if valid else "; **outside [0, 1]**"))}
            _, configs, seeds = workload.split(":")
            self.workload_table(workload, ["tradeoff"],
                                f"Pareto membership probability, {configs} configurations × {seeds} seeds, "
                                "2 objectives, 1,000 resamples")

    def json_section(self):
        self.emit("## JSON Lines load (the CSV schema, partly nested)")
        self.emit()
        self.emit("tradeoff `read_json(path)` + `numeric(name)` for each of the 20 numeric columns, against pandas "
                  "`json_normalize(read_json(path, lines=True, convert_dates=False).to_dict('records'))` + "
                  "`to_numeric(errors='coerce')` on the same columns (pandas' `read_json` does not flatten the "
                  "nested `model` and `tps` objects; `json_normalize` does). `pandas` on the `-read_json` row "
                  "is `read_json(lines=True)` alone, unflattened. The file is bench/gen.cpp's `jsonl`.")
        self.emit()
        for workload in self.workloads("json:"):
            if workload.endswith("-read_json"):
                continue
            self.column_verdicts(workload)
            rows = workload.split(":")[1]
            size = os.path.getsize(os.path.join(self.work, "in", f"bench_{rows}.jsonl"))
            self.workload_table(workload, ["tradeoff", "pandas"], f"{number_label(rows)} records ({bytes_text(size)})")

    # --- targets, scaling, memory ----------------------------------------------------------------

    def cpu(self, workload, implementation):
        entry = self.times.get((workload, implementation))
        return entry["cpu"] if entry else None

    def speed_target(self, label, mine, other, goal, speedup_at_least=None, fraction_at_most=None, judged=True):
        """A target on tradeoff's time `mine` = (workload, implementation) against `other`: either a
        speed-up other/mine ≥ speedup_at_least or a fraction mine/other ≤ fraction_at_most. Judged on
        wall-clock medians; the same ratio on CPU times is shown beside it."""
        mine_wall, other_wall = self.counted_time(*mine), self.time(*other)
        if not mine_wall or not other_wall:
            return
        mine_cpu, other_cpu = self.cpu(*mine), self.cpu(*other)
        if speedup_at_least is not None:
            value, cpu_value, met = other_wall / mine_wall, other_cpu / mine_cpu, other_wall / mine_wall >= speedup_at_least
            text = f"{value:.3g}× faster ({seconds_text(mine_wall)} vs {seconds_text(other_wall)})"
            cpu_text = f"{cpu_value:.3g}×"
        else:
            value, cpu_value = mine_wall / other_wall, mine_cpu / other_cpu
            met = value <= fraction_at_most
            text = f"{value:.3g}× its time ({seconds_text(mine_wall)} vs {seconds_text(other_wall)})"
            cpu_text = f"{cpu_value:.3g}×"
        self.target(label, text, goal, met if judged else None, cpu_text)

    def time_target(self, label, mine, limit):
        wall = self.counted_time(*mine)
        if wall:
            self.target(label, seconds_text(wall), f"≤ {seconds_text(limit)}", wall <= limit, seconds_text(self.cpu(*mine)))

    def judge_targets(self):
        self.speed_target("2-D front, n = 1e6 uniform, vs numpy", ("front2d:uniform:1e6", "tradeoff"),
                          ("front2d:uniform:1e6", "numpy"), "≤ 0.05× numpy's time", fraction_at_most=0.05)
        self.speed_target("2-D front, n = 1e6 uniform, vs pagmo2", ("front2d:uniform:1e6", "tradeoff"),
                          ("front2d:uniform:1e6", "pagmo2"), "≥ 100× faster", speedup_at_least=100)
        self.speed_target("2-D front, n = 1e6 anti-correlated σ = 1e-4, vs numpy", ("front2d:anti1e-4:1e6", "tradeoff"),
                          ("front2d:anti1e-4:1e6", "numpy"), "≤ 0.5× numpy's time", fraction_at_most=0.5)
        self.time_target("3-D front, n = 4e4 uniform", ("front:uniform:3d:4e4", "tradeoff"), 11e-3)
        self.time_target("3-D front, n = 4e4 sphere", ("front:sphere:3d:4e4", "tradeoff"), 11e-3)
        self.time_target("4-D front, n = 2.5e4 sphere", ("front:sphere:4d:2.5e4", "tradeoff"), 30e-3)
        for keys in ["int", "string"]:
            for groups in ["10000", "3"]:
                workload = f"group:{keys}:1e7:{groups}"
                label = f"summarize 1e7 rows, {groups} {keys}-keyed groups"
                judged = keys == "int"
                scope = "" if judged else " (reported; the target is for int keys)"
                self.speed_target(f"{label}, vs DuckDB{scope}", (workload, "tradeoff"), (workload, "DuckDB"),
                                  "≥ 4× faster", speedup_at_least=4, judged=judged)
                self.speed_target(f"{label}, vs pandas (seed lambdas){scope}", (workload, "tradeoff"),
                                  (workload, "pandas"), "≥ 20× faster", speedup_at_least=20, judged=judged)
                if judged:
                    self.speed_target(f"{label}: `summarize` vs the floor", (workload, "tradeoff.summarize"),
                                      (workload, "floor"), "≤ 1.5× the floor's time", fraction_at_most=1.5)
        self.speed_target("BCa interval of a median, n = 1,000, 9,999 resamples, vs scipy.stats.bootstrap",
                          ("bootstrap:1e3", "tradeoff"), ("bootstrap:1e3", "scipy"), "≤ 0.1× scipy's time",
                          fraction_at_most=0.1)
        self.speed_target("percentile intervals of the median, 100 groups × 1,000 rows, vs scipy looped",
                          ("bootgroup:1e5:100", "tradeoff"), ("bootgroup:1e5:100", "scipy"), "≤ 0.05× scipy's time",
                          fraction_at_most=0.05)
        self.time_target("Pareto membership probability, 300 configurations × 5 seeds, 1,000 resamples",
                         ("frontprob:300:5", "tradeoff"), 50e-3)
        self.speed_target("CSV load, 1e6 rows, vs pandas.read_csv", ("csv:1e6", "tradeoff"), ("csv:1e6", "pandas"),
                          "≤ 1× pandas' time", fraction_at_most=1.0)
        self.speed_target("JSON Lines load, 100 MB, vs pandas read_json + json_normalize", ("json:1.6e5", "tradeoff"),
                          ("json:1.6e5", "pandas"), "≤ 0.5× pandas' time", fraction_at_most=0.5)
        self.speed_target("JSON Lines load, 100 MB, vs pandas.read_json(lines=True) alone (unflattened)",
                          ("json:1.6e5", "tradeoff"), ("json:1.6e5-read_json", "pandas"), "≤ 0.5× pandas' time",
                          fraction_at_most=0.5)
        line = self.memory.get(("front2d:line:1e6", "tradeoff"))
        if line:
            beyond_result = line[0] - 4 * line[1]
            self.target("2-D front extra memory, n = 1e6, every point on the front",
                        f"{line[0] / line[1]:.1f} B/point with the 4 B/point result, {beyond_result / line[1]:.1f} "
                        "without", "≤ 24 B/point + 512 KiB", beyond_result <= 24 * line[1] + 512 * 1024)
        csv_extra = self.memory.get(("csv:1e6", "tradeoff"))
        csv_path = os.path.join(self.work, "in", "bench_1e6.csv")
        if csv_extra and os.path.exists(csv_path):
            numeric = 20 * 8 * 10**6
            size = os.path.getsize(csv_path)
            self.target("CSV load extra memory, 1e6 rows (read_csv + 20 numeric columns)",
                        f"{bytes_text(csv_extra[0])} = {csv_extra[0] / numeric:.1f}× the 20 numeric columns "
                        f"({bytes_text(numeric)}), {csv_extra[0] / size:.1f}× the file ({bytes_text(size)})",
                        "≤ 2× the final columns' size beyond the parser's buffer (reported: the table keeps every "
                        "cell as text, so which columns count is a reading of the issue)", None)
        entry = self.memory.get(("group:int:1e7:10000", "tradeoff.summarize"))
        if entry:
            self.target("`summarize` extra memory, 1e7 rows", f"{entry[0] / entry[1]:.1f} B/row",
                        "≤ one copy of the values (8 B/row) + O(groups)", entry[0] <= 8 * entry[1] + 16 * 2**20)
        checked = [(w, v) for w, per in self.verdicts.items() for i, v in per.items()
                   if i == "tradeoff" and not w.startswith(("bootstrap:", "bootgroup:", "frontprob:"))]
        exact = sum(1 for _, v in checked if v.ok is True)
        close = [w for w, v in checked if v.ok == CLOSE]
        wrong = [w for w, v in checked if v.ok is False]
        unchecked = [w for w, v in checked if v.ok is None]
        text = f"{exact} of {len(checked)} equal to the reference"
        if close:
            text += f"; within a few ulp (not bit-equal): {', '.join(close)}"
        if wrong:
            text += f"; **wrong**: {', '.join(wrong)}"
        if unchecked:
            text += f"; unchecked: {', '.join(unchecked)}"
        self.target("tradeoff's answers (fronts, ranks, hypervolume, grouped statistics, quantiles, CSV columns)",
                    text, "all equal (grouped statistics, quantiles, CSV: bit for bit)",
                    not close and not wrong)

    def moocore_table(self):
        published = [("2-D front, n = 1e6 uniform", "front2d:uniform:1e6", 56e-3),
                     ("2-D front, n = 1e6 anti-correlated σ = 1e-4", "front2d:anti1e-4:1e6", 52e-3),
                     ("2-D front, n = 1e6, every point on it (y = −x)", "front2d:line:1e6", 60e-3),
                     ("3-D front, n = 4e4 uniform", "front:uniform:3d:4e4", 0.74e-3),
                     ("3-D front, n = 1e5 uniform", "front:uniform:3d:1e5", 2.2e-3),
                     ("3-D front, n = 1e6 uniform", "front:uniform:3d:1e6", 58e-3),
                     ("3-D front, n = 4e4 sphere", "front:sphere:3d:4e4", 7.5e-3),
                     ("4-D front, n = 2.5e4 sphere", "front:sphere:4d:2.5e4", 20e-3),
                     ("4-D front, n = 1e5 uniform", "front:uniform:4d:1e5", 12e-3),
                     ("5-D front, n = 1e4 sphere", "front:sphere:5d:1e4", 18e-3),
                     ("6-D front, n = 1e5 uniform", "front:uniform:6d:1e5", 79e-3),
                     ("2-D ranks, n = 1e5 uniform", "ranks:uniform:2d:1e5", 6.1e-3),
                     ("3-D ranks, n = 2e4 uniform", "ranks:uniform:3d:2e4", 10.7e-3),
                     ("hypervolume 3-D sphere, n = 1e3", "hv:sphere:3d:1e3", 0.105e-3),
                     ("hypervolume 4-D sphere, n = 1e3", "hv:sphere:4d:1e3", 1.4e-3),
                     ("hypervolume 4-D sphere, n = 5e3", "hv:sphere:4d:5e3", 34e-3),
                     ("hypervolume 4-D sphere, n = 2.5e4", "hv:sphere:4d:2.5e4", 259e-3),
                     ("hypervolume 5-D sphere, n = 500", "hv:sphere:5d:500", 3.8e-3),
                     ("hypervolume 5-D sphere, n = 2000", "hv:sphere:5d:2e3", 45e-3)]
        self.emit("## moocore, the published bar (not measured here)")
        self.emit()
        self.emit("moocore (C; the fastest public Pareto code) cannot be installed on this machine (it is not "
                  "packaged for Debian and PyPI is not reachable). Its times below are the published ones from "
                  "../shared/FACTS.md (\"on the same machine, 1 thread\", a 2-core Debian 12 machine like this one; "
                  "the 2-D line, 5-D and 6-D fronts from issue 14's runs on a loaded machine), "
                  "**not measured in this run**; the ratio is only indicative.")
        self.emit()
        self.emit("| workload | moocore (published) | tradeoff (this run) | tradeoff / moocore |")
        self.emit("|---|---:|---:|---:|")
        for label, workload, seconds in published:
            mine = self.counted_time(workload, "tradeoff")
            self.emit(f"| {label} | {seconds_text(seconds)} | {seconds_text(mine)} | "
                      f"{ratio_text(mine / seconds) if mine else '–'} |")
        self.emit()

    def scaling(self, figure_path):
        data_dir = os.path.join(self.work, "plot")
        os.makedirs(data_dir, exist_ok=True)
        self.emit("## Scaling")
        self.emit()
        series = []

        def scaling_row(label, workload_of, sizes, name, plot_as=None):
            """One table row of median times over `sizes`; optionally a data file for the figure."""
            cells, points = [], []
            for size in sizes:
                seconds = self.counted_time(workload_of(size), name)
                cells.append(seconds_text(seconds))
                if seconds:
                    points.append((float(size), seconds))
            if any(c != "–" for c in cells):
                self.emit(f"| {label} | {name} | " + " | ".join(cells) + " |")
            if points and plot_as:
                panel, title = plot_as
                path = os.path.join(data_dir, f"{panel}_{len(series)}.dat")
                with open(path, "w", encoding="utf-8") as out:
                    out.writelines(f"{n:g} {s:.9g}\n" for n, s in points)
                series.append((panel, path, title))

        sizes = sorted({w.split(":")[2] for w in self.workloads("front2d:")}, key=float)
        self.emit("2-D front, median seconds (a missing cell: wrong answer or not run):")
        self.emit()
        self.emit("| shape | implementation | " + " | ".join(f"n = {s}" for s in sizes) + " |")
        self.emit("|---|---|" + "---:|" * len(sizes))
        for shape in ["uniform", "anti1e-2", "anti1e-4", "line"]:
            for name in ["tradeoff", "floor", "numpy", "pagmo2"]:
                plotted = name == "tradeoff" or shape in ("uniform", "anti1e-4")
                scaling_row(shape, lambda n, shape=shape: f"front2d:{shape}:{n}", sizes, name,
                            (1, f"{name}, {shape}") if plotted else None)
        self.emit()
        rows = sorted({w.split(":")[2] for w in self.workloads("group:")}, key=float)
        self.emit("Grouped summary (group_by + summarize for tradeoff; the floor is given the codes), median "
                  "seconds:")
        self.emit()
        self.emit("| groups, keys | implementation | " + " | ".join(f"{r} rows" for r in rows) + " |")
        self.emit("|---|---|" + "---:|" * len(rows))
        for groups in ["3", "100", "10000"]:
            for keys in ["int", "string"]:
                for name in ["tradeoff", "tradeoff.summarize", "floor", "DuckDB", "pandas", "pandas-cython"]:
                    plotted = keys == "int" and groups == "10000"
                    scaling_row(f"{groups}, {keys}", lambda r, keys=keys, groups=groups: f"group:{keys}:{r}:{groups}",
                                rows, name, (2, name) if plotted else None)
        self.emit()
        if series and self.draw(series, figure_path):
            self.emit(f"![2-D front and grouped summary time against n, log-log]({os.path.basename(figure_path)})")
            self.emit()

    def draw(self, series, figure_path):
        panels = [(number, title, xlabel) for number, title, xlabel in
                  [(1, "2-D Pareto front (tradeoff: every shape; peers: uniform and anti1e-4)", "n points"),
                   (2, "Grouped summary, 10,000 int-keyed groups", "rows")]
                  if any(entry[0] == number for entry in series)]
        script = [f"set terminal pngcairo size {700 * len(panels)},560 font 'DejaVu Sans,10'",
                  f"set output '{figure_path}'",
                  "set logscale xy", "set grid", "set key top left font ',8'", "set format x '10^{%L}'",
                  "set ylabel 'median seconds (1 thread)'", f"set multiplot layout 1,{len(panels)}"]
        colours = {"tradeoff": "#1f5fbf", "tradeoff.summarize": "#6fa0e8", "floor": "#555555", "numpy": "#e08a00",
                   "pagmo2": "#c0392b", "DuckDB": "#2e8b57", "pandas": "#8e44ad", "pandas-cython": "#c39bd3"}
        dashes = {"uniform": 1, "anti1e-2": 2, "anti1e-4": 3, "line": 4}
        points = {"uniform": 7, "anti1e-2": 5, "anti1e-4": 9, "line": 11}

        def style(label):
            name, _, shape = label.partition(", ")
            return (f"lc rgb '{colours.get(name, '#000000')}' dt {dashes.get(shape, 1)} "
                    f"pt {points.get(shape, 7)}")

        script.append("set format y '10^{%L}'")
        for number, title, xlabel in panels:
            plots = [f"'{path}' using 1:2 with linespoints lw 2 {style(label)} title '{label}'"
                     for panel, path, label in series if panel == number]
            script += [f"set title '{title}'", f"set xlabel '{xlabel}'", "plot " + ", ".join(plots)]
        script.append("unset multiplot")
        result = subprocess.run(["gnuplot"], input="\n".join(script), text=True, capture_output=True, check=False)
        if result.returncode != 0:
            self.emit(f"(figure not drawn: gnuplot said {result.stderr.strip()!r})")
            self.emit()
            return False
        return True

    def memory_section(self):
        self.emit("## Memory")
        self.emit()
        self.emit("Peak resident memory of each program (`/usr/bin/time -v`, whole process: interpreter, inputs "
                  "and answer included) for the largest runs, and for tradeoff the extra peak of one call, its "
                  "result included (a first call before the timed ones: the process's peak RSS is reset just "
                  "before it via /proc/self/clear_refs; the extra is the peak minus the RSS at that moment).")
        self.emit()
        self.emit("| workload | program | peak RSS | input size | tradeoff call's extra peak |")
        self.emit("|---|---|---:|---:|---:|")
        size_of = {"front2d": 2, "front": 3, "group": 2, "quantile": 1, "csv": 1}
        workloads = sorted({w for w, _ in self.peaks if w.split(":")[0] in size_of})
        largest_size = defaultdict(float)
        for w in workloads:
            kind = w.split(":")[0]
            largest_size[kind] = max(largest_size[kind], float(w.split(":")[size_of[kind]]))
        largest = [w for w in workloads if float(w.split(":")[size_of[w.split(":")[0]]]) == largest_size[w.split(":")[0]]]
        for workload in largest:
            for (w, program), peak in sorted(self.peaks.items()):
                if w != workload:
                    continue
                inputs = self.input_bytes(workload)
                extra = self.memory.get((workload, "tradeoff.summarize" if workload.startswith("group:") else program))
                extra_text = "–"
                if program == "tradeoff" and extra:
                    extra_text = f"{bytes_text(extra[0])}" + (f" ({extra[0] / extra[1]:.1f} B/item)" if extra[1] else "")
                    if workload.startswith("group:"):
                        extra_text += " (summarize)"
                self.emit(f"| {workload} | {program} | {bytes_text(peak)} | {bytes_text(inputs)} | {extra_text} |")
        self.emit()

    def input_bytes(self, workload):
        parts = workload.split(":")
        directory = os.path.join(self.work, "in")
        names = {"front2d": lambda: [f"front2d_{parts[1]}_{parts[2]}.npy"],
                 "front": lambda: [f"frontnd_{parts[1]}_{parts[2]}_{parts[3]}.npy"],
                 "group": lambda: [f"group_{parts[2]}_{parts[3]}.values.npy",
                                   f"group_{parts[2]}_{parts[3]}.{'codes' if parts[1] != 'int' else 'ikeys'}.npy"],
                 "quantile": lambda: [f"quantile_{parts[1]}.npy"],
                 "csv": lambda: [f"bench_{parts[1]}.csv"]}.get(parts[0], lambda: [])()
        total = sum(os.path.getsize(os.path.join(directory, n)) for n in names
                    if os.path.exists(os.path.join(directory, n)))
        return total or None

    def build_time_section(self):
        """bench/compile_time.sh's Markdown, written into the work folder by run.sh."""
        path = os.path.join(self.work, "compile_time.md")
        if not os.path.exists(path):
            return
        with open(path, encoding="utf-8") as source:
            self.lines += source.read().rstrip().splitlines()
        self.emit()

    def gbench_section(self):
        path = os.path.join(self.work, "gbench.json")
        if not os.path.exists(path):
            return
        with open(path, encoding="utf-8") as source:
            data = json.load(source)
        self.emit("## Google Benchmark suite (tradeoff alone)")
        self.emit()
        self.emit("`build/bench/bench/tradeoff_gbench --benchmark_min_time=0.2` (bench/gbench.cpp; its own "
                  "fixed-seed inputs, so sizes match the tables above but the values do not).")
        self.emit()
        self.emit("| benchmark | wall time | CPU time | iterations | items / s |")
        self.emit("|---|---:|---:|---:|---:|")
        for entry in data.get("benchmarks", []):
            scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[entry.get("time_unit", "ns")]
            rate = entry.get("items_per_second")
            rate_text = f"{rate / 1e6:.1f} M" if rate else "–"
            self.emit(f"| {entry['name']} | {seconds_text(entry['real_time'] * scale)} | "
                      f"{seconds_text(entry['cpu_time'] * scale)} | {entry['iterations']} | {rate_text} |")
        self.emit()

    def machine(self):
        def run(command):
            try:
                return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip()
            except OSError:
                return "?"

        model = "?"
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
        memory = "?"
        with open("/proc/meminfo", encoding="utf-8") as meminfo:
            memory = bytes_text(int(meminfo.readline().split()[1]) * 1024)
        import pandas  # noqa: PLC0415 (only for its version)
        versions = {
            "compiler": run(["c++", "--version"]).splitlines()[0] if run(["c++", "--version"]) else "?",
            "numpy": np.__version__, "pandas": pandas.__version__,
            "DEAP": run(["dpkg-query", "-W", "-f=${Version}", "python3-deap"]),
            "pagmo2": run(["dpkg-query", "-W", "-f=${Version}", "libpagmo-dev"]),
            "Google Benchmark": run(["dpkg-query", "-W", "-f=${Version}", "libbenchmark-dev"]),
            "Eigen": run(["dpkg-query", "-W", "-f=${Version}", "libeigen3-dev"]),
            "node": run(["node", "--version"]),
        }
        duckdb = next((e["note"].split(",")[0] for (w, i), e in self.times.items() if i == "DuckDB"), "DuckDB ?")
        return model, memory, versions, duckdb

    def write(self):
        output = self.args.output
        stem = os.path.splitext(output)[0]
        figure_path = stem + "_scaling.png"
        body_start = len(self.lines)
        self.front2d_section()
        self.front_section()
        self.ranks_section()
        self.hv_section()
        self.hvc_section()
        self.igd_section()
        self.group_section()
        self.quantile_section()
        self.csv_section()
        self.how_sure_section()
        self.json_section()
        self.scaling(figure_path)
        self.memory_section()
        self.moocore_table()
        self.gbench_section()
        self.build_time_section()
        body = self.lines[body_start:]
        self.lines = self.lines[:body_start]
        self.judge_targets()

        model, memory, versions, duckdb = self.machine()
        now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        self.emit("# Performance: tradeoff side by side with its peers")
        self.emit()
        self.emit(f"Generated by `{self.args.command}` ({self.args.mode} sizes) on {now}, in "
                  f"{int(self.args.seconds) // 60} min {int(self.args.seconds) % 60} s. Do not edit by hand: rerun "
                  "the command (bench/README.md says what it does).")
        self.emit()
        load = []
        for moment in ["start", "end"]:
            path = os.path.join(self.work, f"load_{moment}.txt")
            if os.path.exists(path):
                with open(path, encoding="utf-8") as text:
                    load.append(text.read().strip())
        load_text = (f" Load average (1 min) when the measurements started / ended: {load[0]} / {load[1]} "
                     "(≈ 1 means one core busy: the benchmark itself)." if len(load) == 2 else "")
        self.emit(f"- Machine: {os.cpu_count()} cores (`nproc`), {model}, {memory} RAM, {platform.system()} "
                  f"{platform.release()}.{load_text}")
        self.emit(f"- Build: the `bench` CMake preset (Release: `-O3 -DNDEBUG`, no `-march`), {versions['compiler']}, "
                  f"Eigen {versions['Eigen']}.")
        self.emit(f"- Peers: numpy {versions['numpy']} and pandas {versions['pandas']} (Debian, /usr/bin/python3), "
                  f"DEAP {versions['DEAP']}, pagmo2 {versions['pagmo2']}, {duckdb} (npm @duckdb/node-api, "
                  f"node {versions['node']}), Google Benchmark {versions['Google Benchmark']}.")
        self.emit("- Method: every input generated once with fixed seeds (bench/gen.cpp) as .npy files that all "
                  "programs load; each program converts the input to its native form before the clock starts and "
                  "times only the computation; the median of 3 runs (fewer only where a peer is too slow, shown "
                  "in the runs column); one thread everywhere (OMP/OPENBLAS_NUM_THREADS=1, DuckDB threads = 1). "
                  "\"tradeoff is faster by\" = the other's median / tradeoff's median. CPU = the median process CPU "
                  "time of the same runs (all threads): well below the wall time means the machine was busy.")
        self.emit("- Answers are checked in the same run (✓ agrees, ✗ disagrees, – not checked); **a time whose "
                  "answer is wrong is struck out and never used in a ratio**.")
        self.emit()
        self.emit("## Targets of the Pareto, grouped-statistics and CSV issues")
        self.emit()
        self.emit("Judged on wall-clock medians; the CPU column gives the same measure on CPU times (equal on a quiet "
                  "machine).")
        self.emit()
        self.emit("| target | measured | by CPU time | goal | verdict |")
        self.emit("|---|---|---|---|---|")
        self.lines += self.targets
        self.emit()
        wrong = [(w, i, v.text) for w, per in self.verdicts.items() for i, v in per.items() if v.ok is False]
        if wrong:
            self.emit("**Disagreements** (the times above are not counted):")
            self.emit()
            for workload, implementation, text in wrong:
                self.emit(f"- {workload}, {implementation}: {text}")
            self.emit()
        if self.fails:
            self.emit("**Failed runs:** " + "; ".join(f"{w} {i} ({t})" for (w, i), t in self.fails.items()) +
                      ". The end of their error output:")
            self.emit()
            with open(os.path.join(self.work, "errors.log"), encoding="utf-8", errors="replace") as log:
                tail = log.read().strip().splitlines()[-20:]
            self.emit("```")
            self.lines += tail
            self.emit("```")
            self.emit()
        if self.args.notes and os.path.exists(self.args.notes):
            with open(self.args.notes, encoding="utf-8") as notes:
                self.lines += notes.read().rstrip().splitlines()
            self.emit()
        self.lines += body
        with open(output, "w", encoding="utf-8") as out:
            out.write("\n".join(self.lines).rstrip() + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--mode", default="default")
    parser.add_argument("--command", default="bench/run.sh")
    parser.add_argument("--seconds", type=float, default=0)
    parser.add_argument("--notes", help="a hand-written Markdown section to include after the targets")
    Report(parser.parse_args()).write()


if __name__ == "__main__":
    main()
