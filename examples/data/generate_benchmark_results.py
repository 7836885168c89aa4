#!/usr/bin/python3
"""Generate examples/data/benchmark_results.csv, the SYNTHETIC sample data set of tradeoff.

Nothing in the output was measured: every number comes from the closed-form models below plus
seeded noise. The file imitates the 23-column `benchmark_results.csv` that the origin analysis
script (a transformer attention benchmark comparing MHA, GQA and MLA, dense and MoE) reads, so
that the example programs have realistic input: the same columns, the same sweeps, the same
formulas for the KV cache, plausible losses and speeds, and the gaps real files have.

Run it with any Python 3 (standard library only; the output is identical on every platform,
because it uses only `random.Random(seed)`, integer arithmetic and `repr`/fixed formatting):

    python3 examples/data/generate_benchmark_results.py            # rewrites the bundled CSV
    python3 examples/data/generate_benchmark_results.py --out x.csv --seed 7

How each column is made (S = max_context, L = num_blocks, d = dim):

- Sweeps: d in {128, 192, 256, 384, 512, 768}, L in {8, 12, 16}, n_heads = d / 32 (head size
  32). MHA: kv_heads = n_heads. GQA and MLA: kv_heads = max(1, n_heads // 4). MHA and GQA: every
  (d, L), dense and MoE. MLA dense: every (d, L) x down_dim_kv in {32, 48, 64, 80, 96, 112, 128,
  160, 192, 256}; MLA MoE: every (d, L) x down_dim_kv in {64, 128}. down_dim_kv is filled on every
  row (64, the config default, on MHA/GQA rows, where it means nothing). Rows are shuffled, as
  runs finish in no particular order.
- max_context: 512 for most runs, 256 or 128 for about one run in eight.
- theoretical_cache_mb: one sequence of S tokens, fp32 (4 bytes), decimal MB. The byte count is
  an exact integer; it is divided by 1e6 once and written with repr (shortest round trip):
  MLA: L x S x (down_dim_kv + 16) x 4; MHA/GQA: L x 2 x S x kv_heads x 32 x 4.
  Runs with the same cache configuration tie exactly (e.g. MLA runs differing only in d or MoE).
- params_m: L x c x d^2 + e x d (+ 2 x L x d x (down_dim_kv - 64) for MLA), with (c, e) fitted so
  that d 256 x 12 layers gives GQA 10.7 M, MHA 13.0 M, MLA 13.3 M and d 512 gives 39 / 45 / 53 M;
  MoE multiplies the per-layer part by 2.6 (four experts, feed-forward = 2/3 of a layer).
- val_loss: 1.35 + 2.2 x P^-0.35 (P = effective millions of parameters; MoE counts 60 % of its
  total) + GQA +0.02 + MLA 0.25 x exp(-(down_dim_kv - 32) / 40) - 0.05 (better with the dial,
  saturating) + 0.09 x log2(512 / S) (a shorter context predicts worse) + N(0, 0.03) noise,
  so 1.5-3.0. Five losses are "diverged", three are empty, one
  is "nan".
- tps_N (batch-1 decode tokens/s of one sequence at context N): 1 / (L x (0.80 ms + d^2 x 1.9 ns))
  x type factor (MHA 1, GQA 1/0.989, MLA 1/1.25, MoE 1/1.35) / (1 + a x (N / 512 - 1)) with a
  small context slope a, times lognormal noise (3 %); about 90 (MHA), 91 (GQA), 72 (MLA) at
  d 256 x 12. Empty when N > max_context.
- measured_cache_mb: theoretical x (1 + allocator overhead 0-6 %). decode_gflops: 2 x active
  params + 4 x L x S x d; prefill_gflops: 2 x active params x S + 2 x L x S^2 x d. Arithmetic
  intensities divide those FLOPs by the bytes moved (fp32 weights + KV cache). decode_tflops_s =
  decode_gflops x tps_512 / 1000. prefill_ms from an effective 6 TFLOP/s plus launch overhead.
"""

import argparse
import math
import os
import random

COLUMNS = [
    "run", "type", "params_m", "moe", "num_blocks", "dim", "n_heads", "kv_heads", "max_context",
    "down_dim_kv", "theoretical_cache_mb", "measured_cache_mb", "prefill_ms", "val_loss",
    "decode_gflops", "prefill_gflops", "decode_arith_int", "prefill_arith_int",
    "decode_tflops_s", "tps_64", "tps_128", "tps_256", "tps_512",
]

DIMS = [128, 192, 256, 384, 512, 768]
BLOCKS = [8, 12, 16]
DIALS = [32, 48, 64, 80, 96, 112, 128, 160, 192, 256]
MOE_DIALS = [64, 128]
DEFAULT_DIAL = 64
ROPE_DIM = 16
HEAD_SIZE = 32
BYTES = 4  # fp32
CONTEXTS = [64, 128, 256, 512]

# params = L * c * d^2 + e * d, fitted to (d 256, L 12) and (d 512, L 12) per type.
PARAM_FIT = {}
for _type, (p256, p512) in {"GQA": (10.7, 39.0), "MHA": (13.0, 45.0), "MLA": (13.3, 53.0)}.items():
    _c = (p512 - 2.0 * p256) * 1e6 / (12 * (512 ** 2 - 2 * 256 ** 2))
    _e = (p256 * 1e6 - 12 * _c * 256 ** 2) / 256
    PARAM_FIT[_type] = (_c, _e)

SPEED_FACTOR = {"MHA": 1.0, "GQA": 1.0 / 0.989, "MLA": 1.0 / 1.25}
CONTEXT_SLOPE = {"MHA": 0.06, "GQA": 0.04, "MLA": 0.05}


def configurations():
    """Every run of the sweep, in sweep order: (type, dim, num_blocks, moe, down_dim_kv)."""
    runs = []
    for dim in DIMS:
        for blocks in BLOCKS:
            for moe in (False, True):
                runs.append(("MHA", dim, blocks, moe, DEFAULT_DIAL))
                runs.append(("GQA", dim, blocks, moe, DEFAULT_DIAL))
                for dial in (MOE_DIALS if moe else DIALS):
                    runs.append(("MLA", dim, blocks, moe, dial))
    return runs


def cache_bytes(kind, blocks, context, kv_heads, dial):
    """Exact integer byte count of one sequence's KV cache (fp32)."""
    if kind == "MLA":
        return blocks * context * (dial + ROPE_DIM) * BYTES
    return blocks * 2 * context * kv_heads * HEAD_SIZE * BYTES


def fmt(value, digits):
    return f"{value:.{digits}f}"


def make_row(rng, kind, dim, blocks, moe, dial):
    n_heads = dim // HEAD_SIZE
    kv_heads = n_heads if kind == "MHA" else max(1, n_heads // 4)
    draw = rng.random()
    context = 512 if draw < 0.875 else (256 if draw < 0.95 else 128)

    cache = cache_bytes(kind, blocks, context, kv_heads, dial)
    theoretical_mb = cache / 1e6
    measured_mb = theoretical_mb * (1.0 + 0.06 * rng.random())

    c, e = PARAM_FIT[kind]
    layer_params = blocks * c * dim * dim
    if kind == "MLA":
        layer_params += 2 * blocks * dim * (dial - DEFAULT_DIAL)
    total_params = layer_params * (2.6 if moe else 1.0) + e * dim
    active_params = layer_params * (1.4 if moe else 1.0) + e * dim
    params_m = total_params / 1e6

    effective_m = (0.6 * total_params if moe else total_params) / 1e6
    loss = 1.35 + 2.2 * effective_m ** -0.35
    if kind == "GQA":
        loss += 0.02
    elif kind == "MLA":
        loss += 0.25 * math.exp(-(dial - 32) / 40.0) - 0.05
    loss += 0.09 * math.log2(512 / context)  # a shorter training context predicts worse
    loss += rng.gauss(0.0, 0.03)

    step_s = blocks * (0.80e-3 + dim * dim * 1.9e-9)
    tps_512 = SPEED_FACTOR[kind] / step_s / (1.35 if moe else 1.0)
    speed_noise = math.exp(rng.gauss(0.0, 0.03))
    tps = {}
    for n in CONTEXTS:
        if n > context:
            tps[n] = ""
        else:
            value = tps_512 / (1.0 + CONTEXT_SLOPE[kind] * (n / 512.0 - 1.0)) * speed_noise
            tps[n] = fmt(value, 2)

    decode_flops = 2.0 * active_params + 4.0 * blocks * context * dim
    prefill_flops = 2.0 * active_params * context + 2.0 * blocks * context * context * dim
    weight_bytes = total_params * BYTES
    decode_ai = decode_flops / (weight_bytes + cache)
    prefill_ai = prefill_flops / (weight_bytes + cache + context * dim * BYTES * blocks * 4)
    prefill_ms = (prefill_flops / 6e12) * 1e3 + blocks * 0.35 * (1.3 if moe else 1.0)
    prefill_ms *= math.exp(rng.gauss(0.0, 0.04))
    decode_rate = float(tps[512]) if tps[512] else tps_512 * speed_noise
    decode_tflops = decode_flops / 1e9 * decode_rate / 1000.0

    name = f"{kind.lower()}_d{dim}_L{blocks}"
    if kind == "MLA":
        name += f"_dkv{dial}"
    if moe:
        name += "_moe"
    if context != 512:
        name += f"_ctx{context}"

    return {
        "run": name, "type": kind, "params_m": fmt(params_m, 3), "moe": "True" if moe else "False",
        "num_blocks": str(blocks), "dim": str(dim), "n_heads": str(n_heads),
        "kv_heads": str(kv_heads), "max_context": str(context), "down_dim_kv": str(dial),
        "theoretical_cache_mb": repr(theoretical_mb), "measured_cache_mb": fmt(measured_mb, 3),
        "prefill_ms": fmt(prefill_ms, 3), "val_loss": fmt(loss, 4),
        "decode_gflops": fmt(decode_flops / 1e9, 4), "prefill_gflops": fmt(prefill_flops / 1e9, 3),
        "decode_arith_int": fmt(decode_ai, 4), "prefill_arith_int": fmt(prefill_ai, 2),
        "decode_tflops_s": fmt(decode_tflops, 5),
        "tps_64": tps[64], "tps_128": tps[128], "tps_256": tps[256], "tps_512": tps[512],
    }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(here, "benchmark_results.csv"))
    parser.add_argument("--seed", type=int, default=20240517)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    rows = [make_row(rng, *config) for config in configurations()]
    rng.shuffle(rows)

    # The gaps real files have: runs that diverged, losses never written, a literal "nan".
    damaged = rng.sample(range(len(rows)), 9)
    for position, row_index in enumerate(damaged):
        rows[row_index]["val_loss"] = "diverged" if position < 5 else ("" if position < 8 else "nan")

    with open(args.out, "w", newline="") as out:
        out.write(",".join(COLUMNS) + "\n")
        for row in rows:
            out.write(",".join(row[c] for c in COLUMNS) + "\n")
    print(f"wrote {len(rows)} runs to {args.out}")


if __name__ == "__main__":
    main()
