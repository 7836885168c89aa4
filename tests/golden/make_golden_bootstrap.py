#!/usr/bin/python3
"""Golden values for tests/bootstrap_test.cpp (tradeoff/bootstrap.hpp), from scipy 1.10.1 / numpy 1.24.

Run with Debian 12's python (python3-scipy, python3-numpy):  /usr/bin/python3 make_golden_bootstrap.py
Writes tests/data/golden_bootstrap_*.txt. Floats are written as hex (float.hex) so they survive
exactly.

The intervals are scipy.stats.bootstrap's own arithmetic -- its private helpers _bca_interval and
np.percentile, exactly as scipy.stats.bootstrap calls them -- applied to a given matrix of resample
indices. Two index sources:
  1. tradeoff's generator (xoshiro256** seeded by SplitMix64, Lemire's bounded indices), written
     here independently in pure python from docs/bootstrap.md: the C++ test calls
     bootstrap_interval(values, statistic, options{seed}) and must get the same numbers, which also
     proves the C++ generator draws these indices;
  2. numpy's Generator, as scipy.stats.bootstrap itself draws them: the index matrices are written
     out for bootstrap_interval_from_indices, and this script first checks that its arithmetic gives
     exactly what scipy.stats.bootstrap(..., random_state=np.random.default_rng(seed)) returns.
"""
import os
import sys

import numpy as np
import scipy
from scipy.stats import _resampling
from scipy.stats import bootstrap

assert scipy.__version__ == "1.10.1", scipy.__version__
assert np.__version__.startswith("1.24"), np.__version__

MASK64 = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15


def splitmix64_mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


class Stream:
    """Stream k of seed s, as docs/bootstrap.md defines it."""

    def __init__(self, seed, k):
        state = (seed + 4 * k * GAMMA) & MASK64
        self.s = []
        for _ in range(4):
            state = (state + GAMMA) & MASK64
            self.s.append(splitmix64_mix(state))
        self.low = None

    def next64(self):
        s = self.s
        rotl = lambda x, r: ((x << r) | (x >> (64 - r))) & MASK64
        result = (rotl((s[1] * 5) & MASK64, 7) * 9) & MASK64
        t = (s[1] << 17) & MASK64
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def next32(self):
        if self.low is not None:
            low, self.low = self.low, None
            return low
        word = self.next64()
        self.low = word & 0xFFFFFFFF
        return word >> 32

    def below(self, n):
        m = self.next32() * n
        if (m & 0xFFFFFFFF) < n:
            threshold = (1 << 32) % n
            while (m & 0xFFFFFFFF) < threshold:
                m = self.next32() * n
        return m >> 32

    def matrix(self, resamples, n):
        return np.array([[self.below(n) for _ in range(n)] for _ in range(resamples)], dtype=np.intp)


def statistic_function(kind, level, qmethod, ddof):
    if kind == "mean":
        return lambda a, axis=-1: np.mean(a, axis=axis)
    if kind == "median":
        return lambda a, axis=-1: np.median(a, axis=axis)
    if kind == "quantile":
        return lambda a, axis=-1: np.quantile(a, level, axis=axis, method=qmethod)
    if kind == "iqr":
        def iqr(a, axis=-1):
            q = np.quantile(a, [0.25, 0.75], axis=axis, method=qmethod)
            return q[1] - q[0]
        return iqr
    if kind == "std":
        return lambda a, axis=-1: np.std(a, axis=axis, ddof=ddof)
    raise ValueError(kind)


def two_sample(one, comparison):
    if comparison == "difference":
        return lambda x, y, axis=-1: one(x, axis=axis) - one(y, axis=axis)
    return lambda x, y, axis=-1: one(x, axis=axis) / one(y, axis=axis)


def scipy_interval(data, statistic, indices, method, confidence_level):
    """scipy.stats.bootstrap (1.10.1, batch=None) on the given resample index matrices."""
    data = [np.asarray(d) for d in data]  # float samples, or row indices for the throughput ratio
    theta_hat_b = statistic(*[d[..., i] for d, i in zip(data, indices)], axis=-1)
    alpha = (1 - confidence_level) / 2
    if method == "bca":
        interval = _resampling._bca_interval(data, statistic, axis=-1, alpha=alpha,
                                             theta_hat_b=theta_hat_b, batch=None)[:2]
        percentile_fun = _resampling._percentile_along_axis
    else:
        interval = alpha, 1 - alpha
        percentile_fun = lambda a, q: np.percentile(a=a, q=q, axis=-1)
    ci_l = percentile_fun(theta_hat_b, interval[0] * 100)
    ci_u = percentile_fun(theta_hat_b, interval[1] * 100)
    if method == "basic":
        theta_hat = statistic(*data, axis=-1)
        ci_l, ci_u = 2 * theta_hat - ci_u, 2 * theta_hat - ci_l
    estimate = statistic(*data, axis=-1)
    return float(ci_l), float(ci_u), float(estimate), float(np.std(theta_hat_b, ddof=1, axis=-1))


def hexes(values):
    return " ".join(float(v).hex() for v in values)


def main():
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
    rng = np.random.default_rng(20261201)
    samples = {
        "normal15": rng.normal(2.1, 0.3, 15),
        "lognormal40": rng.lognormal(0.0, 1.0, 40),
        "ties25": rng.integers(0, 6, 25).astype(float),
        "student200": rng.standard_t(2, 200),
        "small3": np.array([1.5, -2.0, 4.25]),
        "wide1000": rng.normal(100.0, 15.0, 1000),
        "shifted30": rng.normal(2.4, 0.5, 30),
    }
    with open(os.path.join(out_dir, "golden_bootstrap_samples.txt"), "w") as f:
        f.write("# name n values (hex); written by tests/golden/make_golden_bootstrap.py\n")
        for name, values in samples.items():
            f.write(f"{name} {len(values)} {hexes(values)}\n")

    statistics = [("mean", 0.5, "linear", 1), ("median", 0.5, "linear", 1), ("quantile", 0.1, "linear", 1),
                  ("quantile", 0.9, "hazen", 1), ("quantile", 0.3, "inverted_cdf", 1),
                  ("quantile", 0.75, "nearest", 1), ("iqr", 0.5, "linear", 1), ("iqr", 0.5, "weibull", 1),
                  ("std", 0.5, "linear", 0), ("std", 0.5, "linear", 1)]
    methods = ["percentile", "basic", "bca"]

    # 1. tradeoff's own streams
    lines = []
    seed = 0
    one_sample = ["normal15", "lognormal40", "ties25", "student200", "small3"]
    for name in one_sample:
        for kind, level, qmethod, ddof in statistics:
            for method in methods:
                seed += 1
                confidence = 0.95 if seed % 3 else 0.9
                resamples = 999 if name != "student200" else 499
                x = samples[name]
                indices = [Stream(seed, 0).matrix(resamples, len(x))]
                stat = statistic_function(kind, level, qmethod, ddof)
                result = scipy_interval([x], stat, indices, method, confidence)
                lines.append(f"{name} - - {kind} {float(level).hex()} {qmethod} {ddof} {method} "
                             f"{float(confidence).hex()} {resamples} {seed} {hexes(result)}")
    two = [("normal15", "shifted30", "difference", "median"), ("normal15", "shifted30", "ratio", "mean"),
           ("lognormal40", "normal15", "difference", "mean"), ("lognormal40", "shifted30", "ratio", "median"),
           ("ties25", "small3", "difference", "median")]
    for x_name, y_name, comparison, kind in two:
        for method in methods:
            seed += 1
            x, y = samples[x_name], samples[y_name]
            resamples = 999
            streams = (Stream(seed, 0), Stream(seed, 1))
            indices = [np.empty((resamples, len(x)), dtype=np.intp), np.empty((resamples, len(y)), dtype=np.intp)]
            for b in range(resamples):  # the C++ draws x's and y's resample b in turn, each from its stream
                indices[0][b] = [streams[0].below(len(x)) for _ in range(len(x))]
                indices[1][b] = [streams[1].below(len(y)) for _ in range(len(y))]
            stat = two_sample(statistic_function(kind, 0.5, "linear", 1), comparison)
            result = scipy_interval([x, y], stat, indices, method, 0.95)
            lines.append(f"{x_name} {y_name} {comparison} {kind} {float(0.5).hex()} linear 1 {method} "
                         f"{float(0.95).hex()} {resamples} {seed} {hexes(result)}")
    # the median of a large sample at scipy's default 9999 resamples
    seed += 1
    x = samples["wide1000"]
    stat = statistic_function("median", 0.5, "linear", 1)
    for method in methods:
        result = scipy_interval([x], stat, [Stream(seed, 0).matrix(9999, len(x))], method, 0.95)
        lines.append(f"wide1000 - - median {float(0.5).hex()} linear 1 {method} {float(0.95).hex()} 9999 {seed} "
                     f"{hexes(result)}")
    # the origin's throughput ratio (median t_a / median c_a) / (median t_b / median c_b): rows of
    # each group resampled as pairs, i.e. scipy's bootstrap of the row indices of the two groups
    t_a, c_a = rng.normal(90.0, 3.0, 12), rng.uniform(20.0, 200.0, 12)
    t_b, c_b = rng.normal(72.0, 3.0, 9), rng.uniform(5.0, 60.0, 9)
    def throughput_ratio(i_a, i_b, axis=-1):
        return ((np.median(t_a[i_a], axis=axis) / np.median(c_a[i_a], axis=axis)) /
                (np.median(t_b[i_b], axis=axis) / np.median(c_b[i_b], axis=axis)))
    rows = [np.arange(12), np.arange(9)]
    generator_check = bootstrap(tuple(rows), throughput_ratio, n_resamples=300, method="bca", vectorized=True,
                                random_state=np.random.default_rng(5))
    generator = np.random.default_rng(5)
    mine = scipy_interval(rows, throughput_ratio, [generator.integers(0, 12, (300, 12)),
                                                   generator.integers(0, 9, (300, 9))], "bca", 0.95)
    if (mine[0], mine[1]) != (generator_check.confidence_interval.low, generator_check.confidence_interval.high):
        sys.exit("throughput ratio: this script's arithmetic differs from scipy.stats.bootstrap")
    ratio_lines = [f"groups {hexes(t_a)} {hexes(c_a)} {hexes(t_b)} {hexes(c_b)}"]
    for method in methods:
        seed += 1
        streams = (Stream(seed, 0), Stream(seed, 1))
        indices = [np.empty((999, 12), dtype=np.intp), np.empty((999, 9), dtype=np.intp)]
        for b in range(999):
            indices[0][b] = [streams[0].below(12) for _ in range(12)]
            indices[1][b] = [streams[1].below(9) for _ in range(9)]
        result = scipy_interval(rows, throughput_ratio, indices, method, 0.95)
        ratio_lines.append(f"{method} 999 {seed} {hexes(result)}")
    with open(os.path.join(out_dir, "golden_bootstrap_throughput_ratio.txt"), "w") as f:
        f.write("# the groups' t_a (12), c_a (12), t_b (9), c_b (9); then method resamples seed low high estimate "
                "standard_error (hex) of the median throughput ratio on tradeoff's streams, scipy's arithmetic\n")
        f.write("\n".join(ratio_lines) + "\n")
    with open(os.path.join(out_dir, "golden_bootstrap_streams.txt"), "w") as f:
        f.write("# x y comparison statistic level quantile_method ddof method confidence resamples seed "
                "low high estimate standard_error (hex); intervals on tradeoff's streams, scipy's arithmetic\n")
        f.write("\n".join(lines) + "\n")

    # 2. numpy's Generator, as scipy.stats.bootstrap draws: cross-check with scipy itself
    lines = []
    cases = [("normal15", None, None, "median", "bca"), ("normal15", None, None, "mean", "percentile"),
             ("lognormal40", None, None, "quantile", "bca"), ("ties25", None, None, "iqr", "basic"),
             ("lognormal40", None, None, "std", "bca"), ("normal15", "shifted30", "difference", "median", "bca"),
             ("normal15", "shifted30", "ratio", "mean", "percentile")]
    for number, (x_name, y_name, comparison, kind, method) in enumerate(cases):
        generator_seed = 1000 + number
        resamples = 200
        level, qmethod, ddof = (0.8, "linear", 1) if kind == "quantile" else (0.5, "linear", 0)
        one = statistic_function(kind, level, qmethod, ddof)
        data = [samples[x_name]] + ([samples[y_name]] if y_name else [])
        stat = two_sample(one, comparison) if y_name else one
        generator = np.random.default_rng(generator_seed)
        indices = [generator.integers(0, len(d), (resamples, len(d))) for d in data]
        result = scipy_interval(data, stat, indices, method, 0.95)
        res = bootstrap(tuple(data), stat, n_resamples=resamples, method=method, vectorized=True,
                        random_state=np.random.default_rng(generator_seed))
        from_scipy = (res.confidence_interval.low, res.confidence_interval.high, res.standard_error)
        if (result[0], result[1], result[3]) != tuple(float(v) for v in from_scipy):
            sys.exit(f"case {number}: this script's arithmetic {result} differs from scipy.stats.bootstrap "
                     f"{from_scipy}")
        lines.append(f"case {x_name} {y_name or '-'} {comparison or '-'} {kind} {float(level).hex()} {qmethod} "
                     f"{ddof} {method} {float(0.95).hex()} {resamples} {generator_seed} {hexes(result)}")
        for matrix in indices:
            for row in matrix:
                lines.append("row " + " ".join(str(int(v)) for v in row))
    with open(os.path.join(out_dir, "golden_bootstrap_scipy.txt"), "w") as f:
        f.write("# case x y comparison statistic level quantile_method ddof method confidence resamples "
                "numpy_seed low high estimate standard_error, then the index rows of x (and y); "
                "scipy.stats.bootstrap itself on numpy's Generator\n")
        f.write("\n".join(lines) + "\n")

    # the generator's first outputs, for a known-answer test
    stream = Stream(42, 3)
    words = [stream.next64() for _ in range(4)]
    stream = Stream(7, 0)
    draws = [stream.below(10) for _ in range(20)] + [stream.below(3_000_000_000) for _ in range(5)]
    with open(os.path.join(out_dir, "golden_bootstrap_generator.txt"), "w") as f:
        f.write("# xoshiro256** stream 3 of seed 42: first four 64-bit outputs; stream 0 of seed 7: 20 indices "
                "below 10, then 5 below 3e9\n")
        f.write(" ".join(str(w) for w in words) + "\n")
        f.write(" ".join(str(d) for d in draws) + "\n")
    print("wrote", len(lines), "scipy lines")


if __name__ == "__main__":
    main()
