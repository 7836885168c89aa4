#!/usr/bin/python3
"""A look-alike of a real inference sweep, for the example tests (issue 19). Synthetic: nothing
in it was measured.

It has the columns and label forms of the origin project's inference sweep (attn_type values
MHA, GQA(4/8), GQA(2/8), GQA(1/8), MLA; groups of runs that vary one factor each; one run that
ran out of memory, `oom=True`, with empty measurements) so that `insights` can be tried on a file
it was not written for. Standard-library Python, fixed seed, byte-identical output on every run.

Model (all at a base of dim 512, 8 heads of 64, 8 blocks, context 512, batch 1, prompt 128, fp16):
- kv_cache_mb = batch × blocks × context × per-token elements × bytes / 1e6, per-token elements
  2 × kv_heads × 64 (MHA/GQA) or mla_down_kv + mla_rope_dim (MLA, 128 + 32);
- decode step (ms) = 4 + weights / 600 GB/s + KV bytes / 600 GB/s (+ 0.6 ms for MLA's
  up-projections), times 1.3 for MoE, × (1 + 3 % noise); decode_tok_s = batch / step;
  p95 = p50 × (1.05 .. 1.15); prefill = prompt_len × batch × 0.02 ms × type factor;
- groups: attn (each type, three repeats), batch (1, 2, 4, .., 128), context (64 .. 1024),
  dtype (fp32, fp16, bf16), moe (dense and 8 experts, top 2);
- MHA at batch 128 ran out of memory: oom=True, measurements empty.

    /usr/bin/python3 examples/data/generate_inference_sweep.py [--out FILE] [--seed N]
"""

import argparse
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS = ("group,label,attn_type,params_m,dim,n_heads,kv_heads,num_blocks,max_context,batch_size,prompt_len,"
           "dtype,use_cache,use_moe,n_experts,top_k_mlp,use_swiglu,pos_encoding,mla_down_kv,mla_rope_dim,"
           "prefill_ms_p50,prefill_ms_p95,decode_step_ms_p50,decode_step_ms_p95,decode_tok_s,kv_cache_mb,oom")
TYPES = [("MHA", 8), ("GQA(4/8)", 4), ("GQA(2/8)", 2), ("GQA(1/8)", 1), ("MLA", 8)]
BYTES = {"fp32": 4, "fp16": 2, "bf16": 2}
BASE = dict(dim=512, n_heads=8, num_blocks=8, max_context=512, batch_size=1, prompt_len=128, dtype="fp16",
            use_moe=False)


def params_m(attn, kv_heads, dim, blocks, moe):
    head = dim // 8
    if attn == "MLA":
        attention = dim * dim * 2 + dim * (128 + 32) + 128 * 2 * dim
    else:
        attention = dim * dim * 2 + 2 * dim * kv_heads * head
    mlp = 3 * dim * 4 * dim * (8 if moe else 1)
    return round(blocks * (attention + mlp) / 1e6 + 65 * dim / 1e6 * 2, 2)


def run(rng, group, attn, kv_heads, **changes):
    c = dict(BASE, **changes)
    moe = c["use_moe"]
    per_token = 128 + 32 if attn == "MLA" else 2 * kv_heads * 64
    kv_bytes = c["batch_size"] * c["num_blocks"] * c["max_context"] * per_token * BYTES[c["dtype"]]
    p = params_m(attn, kv_heads, c["dim"], c["num_blocks"], moe)
    weight_bytes = p * 1e6 * BYTES[c["dtype"]] * (2 / 8 if moe else 1)
    step = (4.0 + (weight_bytes + kv_bytes) / 600e9 * 1e3 + (0.6 if attn == "MLA" else 0.0)) * (1.3 if moe else 1.0)
    step *= 1 + rng.gauss(0, 0.03)
    prefill = c["prompt_len"] * c["batch_size"] * 0.02 * (1.1 if attn == "MLA" else 1.0) * (1 + rng.gauss(0, 0.03))
    oom = attn == "MHA" and c["batch_size"] == 128
    tag = {"attn": "", "batch": "bs=%d" % c["batch_size"], "context": "ctx=%d" % c["max_context"],
           "dtype": c["dtype"], "moe": "moe" if moe else "dense"}[group]
    label = "%s/%s%s" % (group, attn, "/" + tag if tag else "")
    measured = ["" for _ in range(6)] if oom else [
        "%.3f" % prefill, "%.3f" % (prefill * rng.uniform(1.05, 1.15)), "%.4f" % step,
        "%.4f" % (step * rng.uniform(1.05, 1.15)), "%.2f" % (c["batch_size"] / step * 1e3), "%.4f" % (kv_bytes / 1e6)]
    return [group, label, attn, "%.2f" % p, str(c["dim"]), "8", str(kv_heads), str(c["num_blocks"]),
            str(c["max_context"]), str(c["batch_size"]), str(c["prompt_len"]), c["dtype"], "True", str(moe),
            "8" if moe else "1", "2" if moe else "1", "True", "rope", "128" if attn == "MLA" else "",
            "32" if attn == "MLA" else ""] + measured + [str(oom)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(HERE, "inference_sweep.csv"))
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rows = []
    for attn, kv in TYPES:
        for _ in range(3):
            rows.append(run(rng, "attn", attn, kv))
    for attn, kv in TYPES:
        for b in (1, 2, 4, 8, 16, 32, 64, 128):
            rows.append(run(rng, "batch", attn, kv, batch_size=b))
    for attn, kv in TYPES:
        for s in (64, 128, 256, 512, 1024):
            rows.append(run(rng, "context", attn, kv, max_context=s))
    for attn, kv in TYPES:
        for d in ("fp32", "fp16", "bf16"):
            rows.append(run(rng, "dtype", attn, kv, dtype=d))
    for attn, kv in TYPES:
        for moe in (False, True):
            rows.append(run(rng, "moe", attn, kv, use_moe=moe))
    with open(args.out, "w", newline="") as out:
        out.write(COLUMNS + "\n")
        for row in rows:
            out.write(",".join(row) + "\n")
    print("wrote", len(rows), "runs to", args.out)


if __name__ == "__main__":
    main()
