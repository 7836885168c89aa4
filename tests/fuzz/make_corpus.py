#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets into tests/fuzz/corpus/<target>/.

Deterministic (no randomness): run it again and the files are byte-identical, so the committed
corpus can be regenerated and reviewed. Each seed is small (at most a few hundred bytes) and aims
at one feature of the input format the target decodes (see check_*.hpp):

    python3 tests/fuzz/make_corpus.py

Files already in a corpus directory that this script did not write (inputs kept from fuzzing
runs) are left alone.
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))

# byte_reader::value() tags
NAN, INF, NINF, NZERO, DMAX, NDMAX, DENORM, NDENORM, HALF, MILLI, TENTH, RAW = (
    0xE0, 0xE3, 0xE5, 0xE7, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF, 0xF0)


def grid(v):
    """The tag byte for grid value v in 0..10."""
    return v


def raw(x):
    return bytes([RAW]) + struct.pack("<d", x)


def write(target, name, data):
    directory = os.path.join(HERE, "corpus", target)
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data)


def csv_seeds():
    seeds = {
        "plain": b"a,b,c\n1,2.5,True\n3,-4e-3,False\n",
        "crlf": b"x,y\r\n1,2\r\n3,4\r\n",
        "bom": b"\xef\xbb\xbfname,value\nfoo,1\n",
        "no_final_newline": b"a,b\n1,2",
        "header_only": b"a,b,c\n",
        "quoted": b'a,b\n"x,y","say ""hi"""\n"",""\n',
        "quote_then_text": b'a,b\n"q"tail,2\n',
        "blank_lines": b"\n  \n\ta,b\n\n1,2\n \t\n3,4\n",
        "empty": b"",
        "only_blank": b"\n\n \t\n",
        "ragged_short": b"a,b,c\n1,2\n",
        "ragged_long": b"a,b\n1,2,3\n",
        "unterminated": b'a,b\n"open,2\n',
        "duplicate_header": b"a,b,a\n1,2,3\n",
        "unnamed": b",b,\n1,2,3\n",
        "unnamed_clash": b"Unnamed: 0,\n1,2\n",
        "nul": b"a,b\n1,\x002\n",
        "na_markers": b"v\n\nNA\nnan\nNaN\n-nan\nN/A\nNULL\n#N/A\n<NA>\nnull\n1\n",
        "infinities": b"v\ninf\n-inf\n+inf\nInfinity\n-INFINITY\n1e308\n1e400\n-1e-400\n",
        "junk": b"loss\n2.5\ndiverged\n1.2.3\n0x10\nNone\n1,5\n 3 \n",
        "integers": b"i,u\n-9223372036854775808,18446744073709551615\n9223372036854775807,0\n",
        "booleans": b"moe,flag\nTrue,1\nfalse,0\nTRUE,1\nFALSE,0\n",
        "bools_with_missing": b"b\nTrue\n\nFalse\n",
        "long_digits": b"v\n0.30000000000000004\n3.141592653589793238462643383279\n1.7976931348623157e308\n"
                       b"4.9406564584124654e-324\n123456789012345678901234567890\n",
        "whitespace_numbers": b"v\n  1\n\t2 \n+3\n-.5\n5.\n.e1\n1e\n1e+\n",
        "cr_only": b"a,b\r1,2\r",
        "lone_cr_inside": b"a,b\n1\r2,3\n",
        "binary_garbage": bytes(range(1, 256)),
        "benchmark_like": (b"run,type,params_m,moe,theoretical_cache_mb,val_loss,tps_512\n"
                           b"r1,MLA,13.3,False,0.786432,1.91,72.1\n"
                           b"r2,GQA,10.7,True,0.393216,diverged,\n"
                           b"r3,MHA,13.0,False,1.572864,1.85,90.4\n"),
        "many_columns": (",".join("c%d" % i for i in range(40)) + "\n"
                         + ",".join(str(i) for i in range(40)) + "\n").encode(),
        "utf8": "name,v\nπ,1\n日本,2\n".encode("utf-8"),
    }
    for name, data in seeds.items():
        write("fuzz_csv", name, data)


def pareto_seeds():
    # header: [d-1] [sense bits] [flags]; flags: 1 empty senses, 2 matrix, 4 row-major,
    # 8 wrong-size senses, 16 2-D length mismatch, 32 large mode, 64 keep_first
    seeds = {
        "empty_2d": bytes([1, 0, 0]),
        "one_row_2d": bytes([1, 0, 0, grid(1), grid(2)]),
        "tied_x": bytes([1, 0, 64, grid(1), grid(2), grid(1), grid(1), grid(0), grid(5)]),
        "duplicates_2d": bytes([1, 0, 64]) + bytes([grid(3), grid(3)] * 4 + [grid(1), grid(9)]),
        "max_max": bytes([1, 3, 0, grid(1), grid(9), grid(9), grid(1), grid(5), grid(5), grid(4), grid(4)]),
        "mixed_senses": bytes([1, 1, 0, grid(1), grid(9), grid(9), grid(1), grid(5), grid(5)]),
        "nan_rows": bytes([1, 0, 0, NAN, grid(1), grid(2), NAN, grid(3), grid(3), NAN, NAN]),
        "infinities": bytes([1, 0, 0, INF, grid(0), NINF, INF, grid(0), NINF, INF, INF, NINF, NINF]),
        "signed_zero": bytes([1, 0, 0, NZERO, grid(1), grid(0), grid(1), grid(1), NZERO]),
        "extremes": bytes([1, 2, 0, DMAX, NDMAX, DENORM, NDENORM, NDMAX, DMAX, NDENORM, DENORM]),
        "raw_doubles": bytes([1, 0, 0]) + raw(0.1) + raw(0.2) + raw(0.30000000000000004) + raw(0.1),
        "d1": bytes([0, 0, 64, grid(3), grid(1), grid(1), NAN, grid(2)]),
        "d1_max": bytes([0, 1, 0, grid(3), grid(7), grid(7), INF]),
        "d3": bytes([2, 0, 0]) + bytes([grid((i * 7) % 11) for i in range(60)]),
        "d3_mixed": bytes([2, 5, 64]) + bytes([grid((i * 5) % 4) for i in range(60)]),
        "d4": bytes([3, 0, 2]) + bytes([grid((i * 3) % 11) for i in range(80)]),
        "d5_row_major": bytes([4, 9, 4]) + bytes([grid((i * 13) % 6) for i in range(100)]),
        "d6": bytes([5, 0x2A, 0]) + bytes([grid((i * 17) % 11) for i in range(120)]),
        "d6_specials": bytes([5, 0, 0]) + bytes([NAN, INF, NINF, NZERO, grid(1), grid(2)] * 8),
        "empty_senses_d3": bytes([2, 7, 1]) + bytes([grid(i % 4) for i in range(30)]),
        "wrong_senses": bytes([2, 0, 8]) + bytes([grid(i % 3) for i in range(12)]),
        "length_mismatch": bytes([1, 0, 16]) + bytes([grid(i % 5) for i in range(8)]),
        "chain_ranks": bytes([1, 0, 0]) + bytes(sum(([grid(i), grid(i)] for i in range(10)), [])),
        "antichain": bytes([1, 0, 0]) + bytes(sum(([grid(i), grid(10 - i)] for i in range(11)), [])),
        "half_grid": bytes([1, 0, 0]) + bytes([HALF, 1, HALF, 2, HALF, 3, HALF, 1]),
        "large_2d_uniform": bytes([1, 0, 32, 0x00, 0x06, 0, 0, 1, 2, 3]),
        "large_2d_anti": bytes([1, 0, 32, 0x00, 0x07, 0, 1, 4, 5, 6]),
        "large_2d_grid": bytes([1, 2, 96, 0x10, 0x04, 2, 0, 7, 8, 9]),
        "large_3d": bytes([2, 0, 32, 0x40, 0x06, 0, 0, 11]),
        "large_3d_anti": bytes([2, 0, 32, 0x40, 0x06, 1, 1, 12]),
        "large_4d": bytes([3, 0, 32, 0x40, 0x06, 5, 0, 13]),
        "large_4d_anti_keep_first": bytes([3, 6, 96, 0x00, 0x06, 3, 1, 14]),
        "large_6d_grid": bytes([5, 0, 32, 0x50, 0x06, 3, 0, 15]),
    }
    for name, data in seeds.items():
        write("fuzz_pareto", name, data)


def stats_seeds():
    # header: [method] [q selector] [q bytes] [flags] then per row [key] [value tag]
    def rows(pairs):
        return bytes(b for kv in pairs for b in kv)

    common = lambda index: bytes([0, index])  # selector 0: common levels
    seeds = {
        "empty": bytes([6]) + common(3) + bytes([0]),
        "one": bytes([6]) + common(2) + bytes([0]) + rows([(0, grid(5))]),
        "two_median": bytes([6]) + common(2) + bytes([1]) + rows([(0, grid(1)), (0, grid(2))]),
        "ties": bytes([6]) + common(3) + bytes([2]) + rows([(i % 3, grid(i % 2)) for i in range(20)]),
        "all_nan": bytes([6]) + common(2) + bytes([0]) + rows([(0, NAN), (1, NAN), (1, NAN)]),
        "nan_group": bytes([6]) + common(4) + bytes([3]) + rows([(0, NAN), (1, grid(3)), (0, NAN), (2, grid(1))]),
        "infinities": bytes([6]) + common(2) + bytes([4]) + rows([(0, INF), (0, INF), (1, NINF), (1, INF),
                                                                   (2, grid(1)), (2, INF)]),
        "signed_zero": bytes([6]) + common(2) + bytes([5]) + rows([(0, NZERO), (0, grid(0)), (1, grid(0)),
                                                                    (1, NZERO)]),
        "extremes": bytes([6]) + common(2) + bytes([6]) + rows([(0, DMAX), (0, DMAX), (1, NDMAX), (1, DMAX),
                                                                 (2, DENORM), (2, NDENORM)]),
        "q_third": bytes([6]) + common(7) + bytes([0]) + rows([(i % 2, grid(i)) for i in range(11)]),
        "q_fine": bytes([6, 3, 0x34, 0x12, 0]) + rows([(i % 4, (i * 7) % 11) for i in range(40)]),
        "q_raw": bytes([6, 5]) + struct.pack("<d", 0.123456789) + bytes([0]) + rows([(0, grid(i)) for i in range(9)]),
        "q_negative": bytes([6, 6, 1, 0]) + rows([(0, grid(1)), (0, grid(2))]),
        "q_above_one": bytes([6, 6, 2, 0]) + rows([(0, grid(1)), (0, grid(2))]),
        "q_nan": bytes([6, 6, 7, 0]) + rows([(0, grid(1)), (0, grid(2))]),
        "q_inf": bytes([6, 6, 5, 0]) + rows([(0, grid(1))]),
        "percent_levels": bytes([6, 7, 37, 0]) + rows([(i % 5, (i * 3) % 11) for i in range(50)]),
        "raw_values": bytes([6]) + common(3) + bytes([0]) + b"".join(bytes([i % 3]) + raw(v) for i, v in
                                                                       enumerate([0.1, 0.2, 0.3, 1e-300, 1e300, 7.5])),
        "many_groups": bytes([6]) + common(2) + bytes([0]) + rows([(i, grid(i % 11)) for i in range(120)]),
        "big_group": bytes([6]) + common(4) + bytes([0]) + rows([(0, grid((i * 7) % 11)) for i in range(150)]),
    }
    for m in range(13):
        seeds["method_%02d" % m] = bytes([m]) + common(m % 11) + bytes([m * 17 % 256]) + rows(
            [(i % 3, grid((i * 5 + m) % 11)) for i in range(13 + m)])
    for name, data in seeds.items():
        write("fuzz_stats", name, data)


def intervals_seeds():
    """check_intervals.hpp: [flags] [n_x] [n_y] [level] values..., then resample index bytes."""
    def case(flags, x, y, level=50, indices=b""):
        return bytes([flags, len(x), len(y), level]) + b"".join(x) + b"".join(y) + indices
    g = lambda v: bytes([grid(v)])
    seeds = {
        "empty": b"",
        "small_no_ties": case(0, [g(1), g(4), g(7)], [g(2), g(3), g(9), g(10)]),
        "ties": case(3, [g(1), g(1), g(4), g(4), g(6)], [g(1), g(4), g(4)], level=25, indices=bytes(range(40))),
        "nan_and_inf": case(9, [g(2), bytes([NAN]), bytes([INF]), g(5), bytes([NINF])],
                            [bytes([INF]), g(3), bytes([NAN])], level=90, indices=bytes(range(3, 60, 2))),
        "signed_zeros": case(12, [bytes([NZERO]), g(0), g(0), raw(1e-300)], [bytes([NZERO]), g(1)],
                             indices=bytes([1, 2, 3, 0] * 8)),
        "one_value": case(1, [g(3)], [g(3)]),
        "all_nan": case(2, [bytes([NAN])] * 4, [bytes([NAN])] * 2),
        "extremes": case(200, [bytes([DMAX]), bytes([NDMAX]), bytes([DENORM]), g(7)], [bytes([NDENORM]), g(2)],
                         level=97, indices=bytes(range(100))),
        "larger": case(77, [bytes([HALF, k]) for k in range(0, 46, 2)], [bytes([MILLI, k, 3]) for k in range(20)],
                       level=10, indices=bytes(range(255))),
        "exact_14": case(5, [raw(0.5 + k) for k in range(7)], [raw(0.25 + 2 * k) for k in range(7)]),
    }
    for name, data in seeds.items():
        write("fuzz_intervals", name, data)


def noise_seeds():
    """check_noise.hpp: [flags] [sets] [n] then n x ([set] [x] [y]), then [resamples] [seed] [scale x] [scale y]."""
    def case(flags, sets, points, tail=bytes([7, 3, 2, 1])):
        body = b"".join(bytes([s]) + x + y for s, x, y in points)
        return bytes([flags, sets, len(points)]) + body + tail
    g = lambda v: bytes([grid(v)])
    seeds = {
        "empty": b"",
        "one_set": case(0, 0, [(0, g(1), g(4)), (0, g(2), g(2)), (0, g(4), g(1))]),
        "three_runs": case(0, 2, [(0, g(1), g(4)), (0, g(3), g(1)), (1, g(2), g(2)), (1, g(2), g(3)),
                                  (1, g(4), g(1)), (2, g(1), g(5)), (2, g(5), g(0))]),
        "ties_and_duplicates": case(1, 3, [(k % 4, g(k % 3), g((7 * k) % 3)) for k in range(16)]),
        "maximise_both": case(3, 4, [(k % 5, g(k % 6), g((5 * k) % 7)) for k in range(20)], bytes([15, 9, 3, 5])),
        "nan_and_inf": case(2, 2, [(0, bytes([NAN]), g(1)), (1, bytes([INF]), g(0)), (2, g(2), bytes([NINF])),
                                   (0, g(3), g(3)), (1, bytes([NZERO]), g(4)), (2, g(0), g(4))]),
        "empty_run": case(0, 2, [(0, g(1), g(1)), (1, bytes([NAN]), g(2)), (2, g(2), g(0))]),
        "extremes": case(1, 1, [(0, bytes([DMAX]), g(1)), (1, bytes([NDMAX]), bytes([DENORM])),
                                (0, bytes([NDENORM]), g(2)), (1, bytes([HALF, 77]), bytes([MILLI, 5, 9]))]),
        "many_points": case(0, 5, [(k % 6, g((k * 5) % 11), g((k * 7) % 11)) for k in range(24)], bytes([255, 0, 7, 7])),
        "zero_noise": case(0, 1, [(0, g(1), g(3)), (1, g(2), g(2)), (0, g(3), g(1)), (1, g(4), g(4))],
                           bytes([4, 1, 0, 0])),
    }
    for name, data in seeds.items():
        write("fuzz_noise", name, data)


def indicators_seeds():
    """check_indicators.hpp: [d] [sense bits] [flags] [rows of A] [rows of R], then the cells of A and R."""
    def case(d, senses, flags, a, r):
        cells = b"".join(bytes([c]) if isinstance(c, int) else c for row in a + r for c in row)
        return bytes([d - 1, senses, flags, len(a), len(r)]) + cells
    front2 = [[1, 9], [3, 6], [6, 3], [9, 1]]
    seeds = {
        "empty": b"",
        "front_2d": case(2, 0, 0, front2, [[0, 10], [4, 4], [10, 0]]),
        "front_2d_maximise": case(2, 3, 4, [[9, 1], [6, 4], [3, 7], [1, 9]], [[10, 2], [5, 5]]),
        "duplicates_and_dominated": case(2, 0, 8, front2 + [[3, 6], [7, 7], [2, 10]], [[2, 8], [8, 2]]),
        "front_3d": case(3, 0, 12, [[1, 5, 8], [5, 1, 8], [8, 5, 1], [4, 4, 4], [2, 2, 9], [6, 6, 6]],
                         [[0, 5, 5], [5, 0, 5], [5, 5, 0]]),
        "front_4d_mixed": case(4, 5, 16, [[1, 9, 2, 8], [9, 1, 8, 2], [5, 5, 5, 5], [3, 7, 4, 6], [5, 5, 5, 5]],
                               [[2, 8, 3, 7], [6, 6, 6, 6]]),
        "one_objective": case(1, 0, 0, [[3], [1], [4], [1], [5]], [[2], [0]]),
        "nan_rows": case(2, 0, 0, [[NAN, 1], [2, 3], [4, NAN]], [[NAN, NAN], [1, 1]]),
        "all_nan_reference": case(2, 0, 0, [[2, 3]], [[NAN, 1]]),
        "wrong_width": case(3, 0, 2, [[1, 2, 3]], [[3, 2, 1]]),
        "infinities": case(2, 1, 0, [[INF, 1], [2, NINF], [3, 3]], [[0, 0], [INF, INF]]),
        "extremes": case(3, 2, 0, [[DMAX, 1, 2], [NDMAX, DENORM, 3], [NZERO, 4, NDENORM]],
                         [[raw(1e-300), raw(1e300), 1], [bytes([HALF, 7]), 2, 3]]),
        "fractions": case(2, 0, 4, [[bytes([MILLI, 5, 9]), bytes([HALF, 77])], [bytes([TENTH, 3]), bytes([TENTH, 9])]],
                          [[bytes([TENTH, 1]), bytes([TENTH, 2])], [raw(0.3), raw(0.7)]]),
        "positive_only": case(2, 2, 0, [[raw(0.5), raw(2.0)], [raw(1.5), raw(0.25)]], [[raw(1.0), raw(1.0)]]),
        "larger": case(3, 6, 28, [[(k * 3) % 11, (k * 5) % 11, (k * 7) % 11] for k in range(24)],
                       [[(k * 2) % 11, (k * 9) % 11, (k * 4) % 11] for k in range(24)]),
    }
    for name, data in seeds.items():
        write("fuzz_indicators", name, data)


if __name__ == "__main__":
    csv_seeds()
    pareto_seeds()
    stats_seeds()
    intervals_seeds()
    noise_seeds()
    indicators_seeds()
