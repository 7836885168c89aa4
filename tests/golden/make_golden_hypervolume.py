#!/usr/bin/python3
"""Exact hypervolumes of DTLZ-like fronts, the reference of tests/hypervolume_test.cpp.

Run with Debian's python (no third-party packages):
    /usr/bin/python3 tests/golden/make_golden_hypervolume.py > tests/data/golden_hypervolume.txt

Each case is a front of n points in d objectives (all minimised), reference 1.1 in every
objective:
  linear:    DTLZ1-like, x >= 0 with sum(x) = 1 (a random point of the simplex);
  spherical: DTLZ2-like, x >= 0 with |x| = 1 (|normal deviates|, normalised).
The coordinates are rounded to double; the hypervolume of those doubles is then computed
exactly with fractions.Fraction (every double is a rational number) by slicing along the
last objective down to an exact 2-D sweep, and printed with 30 significant digits.

Output format, per case: a line "case <name> <n> <d> <hypervolume>", then n lines of d
coordinates as C99 hexadecimal floats (read back bit for bit with std::strtod).
"""
import random
from fractions import Fraction
from decimal import Decimal, getcontext

REFERENCE = 1.1


def nondominated(points):
    """Points that no other point weakly dominates (one copy of duplicates)."""
    points = sorted(set(points))
    kept = []
    for p in points:
        if not any(all(a <= b for a, b in zip(q, p)) for q in kept):
            kept.append(p)
    return kept


def hv_exact(points, reference):
    d = len(reference)
    if not points:
        return Fraction(0)
    if d == 1:
        return reference[0] - min(p[0] for p in points)
    if d == 2:
        volume = Fraction(0)
        level = reference[1]
        for x, y in sorted(points):
            if y < level:
                volume += (reference[0] - x) * (level - y)
                level = y
        return volume
    points = sorted(points, key=lambda p: p[-1])
    volume = Fraction(0)
    seen = []
    for k, p in enumerate(points):
        seen = nondominated(seen + [p[:-1]])
        upper = points[k + 1][-1] if k + 1 < len(points) else reference[-1]
        if upper > p[-1]:
            volume += hv_exact(seen, reference[:-1]) * (upper - p[-1])
    return volume


def front(shape, n, d, rng):
    rows = []
    for _ in range(n):
        if shape == "linear":
            v = [rng.expovariate(1.0) for _ in range(d)]
            s = sum(v)
        else:
            v = [abs(rng.gauss(0.0, 1.0)) for _ in range(d)]
            s = sum(t * t for t in v) ** 0.5
        rows.append(tuple(t / s for t in v))
    return rows


def main():
    getcontext().prec = 40
    cases = [("linear", 400, 3), ("spherical", 400, 3),
             ("linear", 300, 4), ("spherical", 300, 4),
             ("linear", 100, 5), ("spherical", 100, 5),
             ("linear", 40, 6), ("spherical", 40, 6),
             ("linear", 20, 7), ("spherical", 20, 7),
             ("linear", 14, 8), ("spherical", 14, 8),
             ("linear", 10, 9), ("spherical", 10, 9)]
    for shape, n, d in cases:
        rng = random.Random(f"{shape}-{n}-{d}")
        rows = front(shape, n, d, rng)
        exact = hv_exact([tuple(Fraction(t) for t in r) for r in rows],
                         tuple(Fraction(REFERENCE) for _ in range(d)))
        value = Decimal(exact.numerator) / Decimal(exact.denominator)
        print(f"case {shape} {n} {d} {value:.30g}")
        for r in rows:
            print(" ".join(float.hex(t) for t in r))


if __name__ == "__main__":
    main()
