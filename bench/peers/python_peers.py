#!/usr/bin/python3
"""numpy, pandas and DEAP as peers of tradeoff, on the driver's .npy inputs.

Run with Debian's interpreter (/usr/bin/python3: numpy 1.24, pandas 1.5.3, DEAP 1.3.1).

    python_peers.py front2d  --input F            numpy argsort + minimum.accumulate
    python_peers.py deap     --input F --mode front|ranks   deap.tools.sortLogNondominated
    python_peers.py group    --stem S --keys int|string     pandas groupby().agg (the seed's lambdas)
                                                            and pandas' own groupby().quantile
    python_peers.py quantile --values F           numpy.quantile, numpy.percentile, numpy.median
    python_peers.py csv      --input F.csv        pandas.read_csv (C engine) + to_numeric(errors="coerce")
    python_peers.py igd_plus --input F --reference-set G   IGD+ by numpy broadcasting, in blocks of R
    python_peers.py bootstrap --values F          scipy.stats.bootstrap(median, BCa, 9,999 resamples, vectorised)
    python_peers.py bootgroup --stem S            the same, percentile, looped over the groups
    python_peers.py json     --input F.jsonl      pandas.read_json(lines=True) + json_normalize + to_numeric

Common options: --workload NAME --runs R --answers PREFIX. Prints the RESULT lines of
bench/common/harness.hpp and saves each answer as .npy. Inputs are in memory (numpy arrays, a
pandas DataFrame, DEAP individuals) before the clock starts; only the computation is timed.
"""

import argparse
import statistics
import sys
import time

import numpy as np


def timed(runs, body):
    """Wall-clock and process CPU seconds of `runs` calls, and the last answer."""
    seconds = ([], [])
    answer = None
    for _ in range(runs):
        cpu_start = time.process_time()
        start = time.perf_counter()
        answer = body()
        seconds[0].append(time.perf_counter() - start)
        seconds[1].append(time.process_time() - cpu_start)
    return seconds, answer


def report(workload, implementation, seconds, note=""):
    wall, cpu = seconds
    print(f"RESULT\t{workload}\t{implementation}\t{statistics.median(wall):.9g}\t{min(wall):.9g}\t"
          f"{len(wall)}\t{statistics.median(cpu):.9g}\t{note}", flush=True)


def front2d(args):
    points = np.load(args.input)
    x = np.ascontiguousarray(points[:, 0])
    y = np.ascontiguousarray(points[:, 1])

    def numpy_front():
        # The textbook numpy front: sort by x, keep a point when its y is below every earlier y.
        # It ignores ties in x (as the seed script does); the driver only uses tie-free inputs.
        order = np.argsort(x)
        ys = y[order]
        best_before = np.minimum.accumulate(np.concatenate(([np.inf], ys[:-1])))
        return order[ys < best_before]

    seconds, front = timed(args.runs, numpy_front)
    report(args.workload, "numpy", seconds, "argsort + minimum.accumulate (ignores ties)")
    np.save(args.answers + ".numpy.front.npy", np.sort(front).astype(np.int64))


class _Fitness:
    __slots__ = ("wvalues",)

    def __init__(self, wvalues):
        self.wvalues = wvalues


class _Individual:
    """What sortLogNondominated reads: .fitness.wvalues (larger is better, so minimised values
    are negated, as deap.base.Fitness does with weights -1)."""
    __slots__ = ("fitness", "index")

    def __init__(self, index, wvalues):
        self.index = index
        self.fitness = _Fitness(wvalues)


def deap_sort(args):
    from deap import tools

    points = np.load(args.input)
    individuals = [_Individual(i, tuple((-points[i]).tolist())) for i in range(points.shape[0])]
    if args.mode == "front":
        seconds, front = timed(args.runs, lambda: tools.sortLogNondominated(individuals, len(individuals),
                                                                           first_front_only=True))
        report(args.workload, "DEAP", seconds, "sortLogNondominated(first_front_only=True)")
        np.save(args.answers + ".DEAP.front.npy", np.sort([ind.index for ind in front]).astype(np.int64))
    else:
        seconds, fronts = timed(args.runs, lambda: tools.sortLogNondominated(individuals, len(individuals)))
        report(args.workload, "DEAP", seconds, "sortLogNondominated (all fronts)")
        ranks = np.full(points.shape[0], -1, dtype=np.int32)
        for rank, front in enumerate(fronts):
            for ind in front:
                ranks[ind.index] = rank
        np.save(args.answers + ".DEAP.ranks.npy", ranks)


def group(args):
    import pandas as pd

    values = np.load(args.stem + ".values.npy")
    if args.keys == "int":
        keys = np.load(args.stem + ".ikeys.npy")
    else:
        with open(args.stem + ".names.txt", encoding="utf-8") as names_file:
            names = np.array(names_file.read().split("\n")[:-1], dtype=object)
        keys = names[np.load(args.stem + ".codes.npy")]
    frame = pd.DataFrame({"key": keys, "value": values})

    def lambdas():
        # The seed script's aggregation: named aggregates, quantiles through Series.quantile lambdas.
        return frame.groupby("key")["value"].agg(
            count="count", mean="mean", min="min", max="max", median="median",
            q1=lambda s: s.quantile(0.25), q3=lambda s: s.quantile(0.75))

    seconds, table = timed(args.runs, lambdas)
    report(args.workload, "pandas", seconds, "groupby().agg(named, quantile lambdas) as the seed script")
    for column in ["count", "mean", "min", "max", "median", "q1", "q3"]:
        data = table[column].to_numpy()
        np.save(f"{args.answers}.pandas.{column}.npy", data.astype(np.int64 if column == "count" else np.float64))

    def cython():
        grouped = frame.groupby("key")["value"]
        quartiles = grouped.quantile([0.25, 0.75]).unstack()
        return (grouped.agg(["count", "mean", "min", "max", "median"]), quartiles)

    seconds, codes = timed(args.runs, lambda: pd.factorize(keys, sort=True)[0])
    report(args.workload, "pandas.factorize", seconds, "pd.factorize(keys, sort=True): the counterpart of group_by")
    np.save(f"{args.answers}.pandas.factorize.npy", codes.astype(np.int32))

    seconds, (table, quartiles) = timed(args.runs, cython)
    report(args.workload, "pandas-cython", seconds, "groupby().agg(builtins) + groupby().quantile([.25, .75])")
    for column in ["count", "mean", "min", "max", "median"]:
        data = table[column].to_numpy()
        np.save(f"{args.answers}.pandas-cython.{column}.npy",
                data.astype(np.int64 if column == "count" else np.float64))
    np.save(f"{args.answers}.pandas-cython.q1.npy", quartiles[0.25].to_numpy())
    np.save(f"{args.answers}.pandas-cython.q3.npy", quartiles[0.75].to_numpy())


def quantile(args):
    values = np.load(args.values)
    levels = [0.25, 0.5, 0.75]
    seconds, answer = timed(args.runs, lambda: np.quantile(values, levels))
    report(args.workload, "numpy", seconds, "numpy.quantile(values, [.25, .5, .75])")
    np.save(args.answers + ".numpy.quantiles.npy", answer)
    seconds, _ = timed(args.runs, lambda: np.percentile(values, [25, 50, 75]))
    report(args.workload, "numpy-percentile", seconds, "numpy.percentile(values, [25, 50, 75])")
    seconds, median = timed(args.runs, lambda: np.median(values))
    report(args.workload + "-median", "numpy", seconds, "numpy.median(values)")
    np.save(args.answers + ".numpy.median.npy", np.array([median]))


def csv(args):
    import pandas as pd

    text_columns = {"run", "type", "moe"}

    def load():
        frame = pd.read_csv(args.input, engine="c")
        # As the seed script: coerce the numeric columns (junk such as "diverged" becomes NaN).
        return {name: pd.to_numeric(frame[name], errors="coerce").to_numpy(dtype=np.float64)
                for name in frame.columns if name not in text_columns}

    seconds, columns = timed(args.runs, load)
    report(args.workload, "pandas", seconds, "read_csv(engine='c') + to_numeric(errors='coerce') per column")
    for name, data in columns.items():
        np.save(f"{args.answers}.pandas.col-{name}.npy", data)


def igd_plus(args):
    points = np.load(args.input)
    reference = np.load(args.reference_set)

    def numpy_igd_plus():
        # The straightforward vectorised IGD+ (minimisation): for each block of reference rows,
        # the (block, n, d) array of max(a - r, 0), its row norms, the minimum over a.
        nearest = []
        for start in range(0, len(reference), 256):
            r = reference[start:start + 256]
            worse = np.maximum(points[None, :, :] - r[:, None, :], 0.0)
            nearest.append(np.sqrt((worse * worse).sum(axis=2)).min(axis=1))
        return np.concatenate(nearest).mean()

    seconds, value = timed(args.runs, numpy_igd_plus)
    report(args.workload, "numpy", seconds, "broadcast max(a - r, 0), norm, min, mean (blocks of 256 r)")
    np.save(args.answers + ".numpy.igd_plus.npy", np.array([value]))


def scipy_median_interval(values, method, seed):
    from scipy import stats

    result = stats.bootstrap((values,), np.median, n_resamples=9999, confidence_level=0.95, method=method,
                             vectorized=True, random_state=np.random.default_rng(seed))
    return result.confidence_interval.low, result.confidence_interval.high


def bootstrap(args):
    import scipy

    values = np.load(args.values)
    seconds, interval = timed(args.runs, lambda: scipy_median_interval(values, "BCa", 0))
    report(args.workload, "scipy", seconds, f"scipy {scipy.__version__} stats.bootstrap(np.median, method='BCa', "
           "vectorized=True), 9,999 resamples")
    np.save(args.answers + ".scipy.interval.npy", np.array(interval, dtype=np.float64))


def bootgroup(args):
    import scipy

    codes = np.load(args.stem + ".codes.npy")
    values = np.load(args.stem + ".values.npy")
    groups = [values[codes == g] for g in range(int(codes.max()) + 1)]  # split before the clock

    def looped():
        return [scipy_median_interval(group, "percentile", g) for g, group in enumerate(groups)]

    runs = min(args.runs, 1)  # about 25 s a run
    seconds, intervals = timed(runs, looped)
    report(args.workload, "scipy", seconds, f"scipy {scipy.__version__} stats.bootstrap(np.median, "
           "method='percentile', vectorized=True) looped over the groups")
    np.save(args.answers + ".scipy.low.npy", np.array([low for low, _ in intervals], dtype=np.float64))
    np.save(args.answers + ".scipy.high.npy", np.array([high for _, high in intervals], dtype=np.float64))


def json_lines(args):
    import pandas as pd

    text_columns = {"run", "model.type", "model.moe"}

    def load():
        frame = pd.json_normalize(pd.read_json(args.input, lines=True, convert_dates=False).to_dict("records"))
        return {name: pd.to_numeric(frame[name], errors="coerce").to_numpy(dtype=np.float64)
                for name in frame.columns if name not in text_columns}

    def load_flat():
        frame = pd.read_json(args.input, lines=True, convert_dates=False)
        return len(frame)

    seconds, columns = timed(args.runs, load)
    report(args.workload, "pandas", seconds,
           "json_normalize(read_json(lines=True, convert_dates=False)) + to_numeric(errors='coerce') per column")
    for name, data in columns.items():
        np.save(f"{args.answers}.pandas.col-{name}.npy", data)
    seconds, _ = timed(args.runs, load_flat)
    report(args.workload + "-read_json", "pandas", seconds, "read_json(lines=True, convert_dates=False) alone (no flattening)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("task", choices=["front2d", "deap", "group", "quantile", "csv", "json", "igd_plus",
                                         "bootstrap", "bootgroup"])
    for option in ["input", "values", "stem", "keys", "mode", "reference-set"]:
        parser.add_argument("--" + option)
    parser.add_argument("--workload", required=True)
    parser.add_argument("--answers", required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    {"front2d": front2d, "deap": deap_sort, "group": group, "quantile": quantile, "csv": csv,
     "json": json_lines, "igd_plus": igd_plus, "bootstrap": bootstrap, "bootgroup": bootgroup}[args.task](args)


if __name__ == "__main__":
    sys.exit(main())
