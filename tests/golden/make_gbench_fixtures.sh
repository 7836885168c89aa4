#!/usr/bin/env bash
# Builds tests/data/gbench/fixture_bench.cpp against Debian's libbenchmark-dev (1.7.1) and runs
# it to write the Google Benchmark fixtures of tests/google_benchmark_test.cpp:
#   repetitions.json  --benchmark_out_format=json, every benchmark, 3 repetitions (iterations and
#                     aggregates)
#   console.json      --benchmark_format=json (stdout) and
#   repetitions.csv   --benchmark_out_format=csv of one run of BM_x, BM_threads and BM_fails (3
#                     repetitions): the same runs in both formats. (Google Benchmark's CSV reporter
#                     aborts when a later benchmark has a counter the first did not, so BM_attn,
#                     whose counters differ, gets its own file:)
#   attention.csv     --benchmark_out_format=csv of BM_attn alone, 2 repetitions
# Timings differ from run to run; the outputs are committed as they came. Then writes
# tests/data/golden_gbench.txt with tests/golden/make_golden_gbench.py (pandas 1.5.3).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="$here/../data/gbench"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
g++ -std=c++17 -O2 "$data/fixture_bench.cpp" -o "$work/fixture_bench" -lbenchmark -lpthread
common=(--benchmark_min_time=0.002 --benchmark_repetitions=3)
"$work/fixture_bench" "${common[@]}" --benchmark_out="$data/repetitions.json" --benchmark_out_format=json > /dev/null
"$work/fixture_bench" "${common[@]}" --benchmark_filter='^BM_(x|threads|fails)' --benchmark_format=json \
  --benchmark_out="$data/repetitions.csv" --benchmark_out_format=csv > "$data/console.json"
"$work/fixture_bench" --benchmark_min_time=0.002 --benchmark_repetitions=2 --benchmark_filter='^BM_attn' \
  --benchmark_out="$data/attention.csv" --benchmark_out_format=csv > /dev/null
/usr/bin/python3 "$here/make_golden_gbench.py"
