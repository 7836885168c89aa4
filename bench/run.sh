#!/usr/bin/env bash
# tradeoff side by side with its peers, on the same generated inputs, in one run.
#
#   bench/run.sh            the full suite (about 8-12 minutes on 2 cores)
#   bench/run.sh --quick    small sizes only, a smoke test (under a minute once built)
#
# Options: --output FILE   where the report goes (default docs/performance.md; --quick: build/bench/performance-quick.md)
#          --keep          keep the generated inputs and answers (printed path) instead of deleting them
#          --no-install    do not install missing packages or npm modules (fail instead)
#
# Steps: install what is missing (Debian packages with apt-get, DuckDB with npm ci in
# bench/), build the bench preset's programs, generate every input once with fixed seeds as .npy/CSV
# files in a temporary directory, run tradeoff and each peer on those files (each program times only
# the computation, inputs already in memory; median of 3 runs; one thread everywhere), record peak
# memory with /usr/bin/time -v, then bench/report.py checks that the answers agree and writes the
# report with ratios, scaling tables and a log-log figure (docs/performance_scaling.png).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command_line="bench/run.sh${*:+ $*}"
mode=default
output=""
keep=0
install=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) mode=quick ;;
    --output) output="$2"; shift ;;
    --keep) keep=1 ;;
    --no-install) install=0 ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [[ -n "$output" && "$output" != /* ]]; then output="$PWD/$output"; fi
cd "$root"
if [[ -z "$output" ]]; then
  if [[ "$mode" == quick ]]; then output="$root/build/bench/performance-quick.md"; else output="$root/docs/performance.md"; fi
fi
started=$(date +%s)
say() { printf '[%4ds] %s\n' "$(( $(date +%s) - started ))" "$*"; }

# One thread everywhere (numpy's BLAS is not used by these workloads, but make sure).
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 NUMEXPR_NUM_THREADS=1
python=/usr/bin/python3   # Debian's interpreter: numpy 1.24, pandas 1.5.3, DEAP (not a pyenv python3)

# --- 1. dependencies (idempotent; root only when something must be installed) -------------------
# The build needs what .ci/install-deps installs; the peers need these too. node and npm count as
# present when their commands exist (a NodeSource nodejs bundles npm and conflicts with Debian's npm).
packages=(g++ cmake ninja-build libeigen3-dev libfccp-dev libbenchmark-dev libpagmo-dev
          python3-numpy python3-pandas python3-scipy python3-deap gnuplot-nox fonts-dejavu-core time)
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  if [[ "$install" == 0 || "$(id -u)" -ne 0 ]]; then
    echo "run.sh: missing packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "run.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi
if [[ ! -d "$root/bench/node_modules/@duckdb/node-api" ]]; then
  [[ "$install" == 1 ]] || { echo "run.sh: bench/node_modules missing: run (cd bench && npm ci)" >&2; exit 1; }
  (cd "$root/bench" && npm ci --no-audit --no-fund)
fi
for tool in /usr/bin/time node gnuplot cmake; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool not found" >&2; exit 1; }
done

# --- 2. build (the bench preset: Release, benchmarks on, tests off) -----------------------------
say "building (cmake --preset bench)"
cmake --preset bench -S "$root" >/dev/null
cmake --build --preset bench --target bench_gen bench_floor bench_pagmo bench_tradeoff tradeoff_gbench >/dev/null
bin="$root/build/bench/bench"

# --- 3. inputs, generated once -------------------------------------------------------------------
work="$(mktemp -d "${TMPDIR:-/tmp}/tradeoff-bench.XXXXXX")"
if [[ "$keep" == 1 ]]; then
  echo "run.sh: inputs and answers kept in $work"
else
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/in" "$work/answers" "$work/time"
results="$work/results.tsv"
: > "$results"

if [[ "$mode" == quick ]]; then
  front2d_sizes=(1e4 1e5)
  front2d_shapes=(uniform anti1e-4 line)
  pagmo_budget=2
  # Peers run up to these sizes: pagmo fast_non_dominated_sorting is O(d n^2) (limit on n),
  # DEAP sortLogNondominated is pure Python (limit on n·d).
  pagmo_front_limit=2000 pagmo_rank_limit=2000 deap_front_limit=10000 deap_rank_limit=10000
  front_sets=(uniform:3:4e4 sphere:3:2e3 sphere:4:2.5e4)
  rank_sets=(uniform:2:1e4 uniform:3:2e3)
  hv_sets=(uniform:2:1e5 sphere:3:1e4 sphere:4:1e3 sphere:5:500)
  hvc_sets=(sphere:3:1e4 sphere:4:200)
  igd_sets=(3:2e3)
  group_sets=(1e6:3 1e5:100)
  quantile_size=1e6
  csv_sizes=(1e5)
  frontprob_sets=(300:5)
  json_sizes=(1e4)
else
  front2d_sizes=(1e4 1e5 1e6)
  front2d_shapes=(uniform anti1e-2 anti1e-4 line)
  pagmo_budget=20
  pagmo_front_limit=10000 pagmo_rank_limit=20000 deap_front_limit=120000 deap_rank_limit=60000
  front_sets=(uniform:3:1e4 uniform:3:4e4 uniform:3:1e5 uniform:3:1e6 sphere:3:1e4 sphere:3:4e4
              uniform:4:1e4 uniform:4:1e5 sphere:4:1e4 sphere:4:2.5e4 sphere:5:1e4 uniform:6:1e5)
  rank_sets=(uniform:2:1e4 uniform:2:1e5 uniform:3:1e4 uniform:3:2e4)
  hv_sets=(uniform:2:1e6 anti1e-2:2:1e6 uniform:3:1e5 sphere:3:1e3 sphere:3:1e4 sphere:3:4e4
           sphere:4:1e3 sphere:4:5e3 sphere:4:2.5e4 sphere:5:500 sphere:5:2e3)
  hvc_sets=(line:2:1e5 sphere:3:1e4 sphere:4:1e3 sphere:5:200)
  igd_sets=(3:1e4)
  group_sets=(1e6:3 1e6:10000 1e7:3 1e7:10000)
  quantile_size=1e7
  csv_sizes=(1e5 1e6)
  frontprob_sets=(300:5)
  json_sizes=(1.6e5)  # about 100 MB of JSON Lines (bench_gen jsonl)
fi

specs=()
for shape in "${front2d_shapes[@]}"; do
  for n in "${front2d_sizes[@]}"; do specs+=("front2d:$shape:$n"); done
done
for entry in "${front_sets[@]}" "${rank_sets[@]}"; do
  IFS=: read -r shape d n <<< "$entry"
  specs+=("frontnd:$shape:$d:$n")
done
for entry in "${hv_sets[@]}"; do
  IFS=: read -r shape d n <<< "$entry"
  if [[ "$d" == 2 ]]; then specs+=("front2d:$shape:$n"); else specs+=("frontnd:$shape:$d:$n"); fi
done
for entry in "${hvc_sets[@]}"; do
  IFS=: read -r shape d n <<< "$entry"
  if [[ "$d" == 2 ]]; then specs+=("front2d:$shape:$n"); else specs+=("frontnd:$shape:$d:$n"); fi
done
for entry in "${igd_sets[@]}"; do
  IFS=: read -r d n <<< "$entry"
  specs+=("frontnd:uniform:$d:$n" "frontnd:sphere:$d:$n")
done
for entry in "${group_sets[@]}"; do specs+=("group:$entry"); done
specs+=("quantile:$quantile_size")
# how sure (issue 17): the BCa interval of a median of 1,000 values, percentile intervals of 100
# groups of about 1,000 rows, front membership of 300 configurations × 5 seeds
specs+=("quantile:1e3" "group:1e5:100")
for entry in "${frontprob_sets[@]}"; do specs+=("frontprob:$entry"); done
for n in "${csv_sizes[@]}"; do specs+=("csv:$n"); done
for n in "${json_sizes[@]}"; do specs+=("jsonl:$n"); done
mapfile -t specs < <(printf '%s\n' "${specs[@]}" | sort -u)
say "generating ${#specs[@]} inputs in $work/in"
"$bin/bench_gen" "$work/in" "${specs[@]}"

# --- 4. measurements -----------------------------------------------------------------------------
# record PROGRAM WORKLOAD command...: runs one program on one workload under /usr/bin/time -v,
# appending its RESULT/SKIP/MEMORY lines to results.tsv; a failure is recorded, not fatal.
record() {
  local program="$1" workload="$2"
  shift 2
  say "$workload: $program"
  local status=0
  /usr/bin/time -v -o "$work/time/$workload.$program.txt" "$@" --workload "$workload" \
    --answers "$work/answers/$workload" >> "$results" 2>> "$work/errors.log" || status=$?
  if [[ "$status" -ne 0 ]]; then
    printf 'FAIL\t%s\t%s\texit status %s\n' "$workload" "$program" "$status" >> "$results"
    echo "== $workload $program: exit status $status" >> "$work/errors.log"
  fi
}
peers="$root/bench/peers"
cut -d' ' -f1 /proc/loadavg > "$work/load_start.txt"
count_of() { "$python" -c "print(int(float('$1')))"; }

for shape in "${front2d_shapes[@]}"; do
  for n in "${front2d_sizes[@]}"; do
    input="$work/in/front2d_${shape}_$n.npy"
    workload="front2d:$shape:$n"
    record tradeoff "$workload" "$bin/bench_tradeoff" front2d --input "$input"
    record floor "$workload" "$bin/bench_floor" front2d --input "$input"
    record numpy "$workload" "$python" "$peers/python_peers.py" front2d --input "$input"
    record pagmo2 "$workload" "$bin/bench_pagmo" front2d --input "$input" --max-seconds "$pagmo_budget"
  done
done

for entry in "${front_sets[@]}"; do
  IFS=: read -r shape d n <<< "$entry"
  input="$work/in/frontnd_${shape}_${d}d_$n.npy"
  workload="front:$shape:${d}d:$n"
  count=$(count_of "$n")
  record tradeoff "$workload" "$bin/bench_tradeoff" front --input "$input"
  if (( count <= pagmo_front_limit )); then record pagmo2 "$workload" "$bin/bench_pagmo" sort --input "$input"; fi
  if (( count * d <= deap_front_limit )); then record DEAP "$workload" "$python" "$peers/python_peers.py" deap --mode front --input "$input"; fi
done

for entry in "${rank_sets[@]}"; do
  IFS=: read -r shape d n <<< "$entry"
  input="$work/in/frontnd_${shape}_${d}d_$n.npy"
  workload="ranks:$shape:${d}d:$n"
  count=$(count_of "$n")
  record tradeoff "$workload" "$bin/bench_tradeoff" ranks --input "$input"
  if [[ "$d" == 2 ]]; then record floor "$workload" "$bin/bench_floor" ranks2d --input "$input"; fi
  if (( count <= pagmo_rank_limit )); then record pagmo2 "$workload" "$bin/bench_pagmo" sort --input "$input"; fi
  if (( count * d <= deap_rank_limit )); then record DEAP "$workload" "$python" "$peers/python_peers.py" deap --mode ranks --input "$input"; fi
done

for entry in "${hv_sets[@]}"; do
  IFS=: read -r shape d n <<< "$entry"
  if [[ "$d" == 2 ]]; then input="$work/in/front2d_${shape}_$n.npy"; else input="$work/in/frontnd_${shape}_${d}d_$n.npy"; fi
  reference="$(printf '1.1%.0s,' $(seq "$d"))"
  reference="${reference%,}"
  workload="hv:$shape:${d}d:$n"
  record tradeoff "$workload" "$bin/bench_tradeoff" hv --input "$input" --reference "$reference"
  # pagmo2's WFG grows about as n^2.5 on 4-D/5-D fronts: run it up to 5000 points there.
  count=$(count_of "$n")
  if (( d <= 3 || count <= 5000 )); then
    record pagmo2 "$workload" "$bin/bench_pagmo" hv --input "$input" --reference "$reference"
  fi
done

for entry in "${hvc_sets[@]}"; do
  IFS=: read -r shape d n <<< "$entry"
  if [[ "$d" == 2 ]]; then input="$work/in/front2d_${shape}_$n.npy"; else input="$work/in/frontnd_${shape}_${d}d_$n.npy"; fi
  reference="$(printf '1.1%.0s,' $(seq "$d"))"
  reference="${reference%,}"
  workload="hvc:$shape:${d}d:$n"
  record tradeoff "$workload" "$bin/bench_tradeoff" hvc --input "$input" --reference "$reference"
  record pagmo2 "$workload" "$bin/bench_pagmo" hvc --input "$input" --reference "$reference"
done

for entry in "${igd_sets[@]}"; do
  IFS=: read -r d n <<< "$entry"
  points="$work/in/frontnd_uniform_${d}d_$n.npy"
  reference_set="$work/in/frontnd_sphere_${d}d_$n.npy"
  workload="igd_plus:${d}d:$n"
  record tradeoff "$workload" "$bin/bench_tradeoff" igd_plus --input "$points" --reference-set "$reference_set"
  record numpy "$workload" "$python" "$peers/python_peers.py" igd_plus --input "$points" --reference-set "$reference_set"
done

for entry in "${group_sets[@]}"; do
  IFS=: read -r n groups <<< "$entry"
  stem="$work/in/group_${n}_$groups"
  record floor "group:codes:$n:$groups" "$bin/bench_floor" group --codes "$stem.codes.npy" --values "$stem.values.npy" --groups "$groups"
  for keys in int string; do
    workload="group:$keys:$n:$groups"
    record tradeoff "$workload" "$bin/bench_tradeoff" group --stem "$stem" --keys "$keys"
    record DuckDB "$workload" node "$peers/duckdb_peer.mjs" group --stem "$stem" --keys "$keys"
    record pandas "$workload" "$python" "$peers/python_peers.py" group --stem "$stem" --keys "$keys"
  done
done

input="$work/in/quantile_$quantile_size.npy"
workload="quantile:$quantile_size"
record tradeoff "$workload" "$bin/bench_tradeoff" quantile --values "$input"
record floor "$workload" "$bin/bench_floor" quantile --values "$input"
record numpy "$workload" "$python" "$peers/python_peers.py" quantile --values "$input"

for n in "${csv_sizes[@]}"; do
  input="$work/in/bench_$n.csv"
  record tradeoff "csv:$n" "$bin/bench_tradeoff" csv --input "$input"
  record pandas "csv:$n" "$python" "$peers/python_peers.py" csv --input "$input"
done

input="$work/in/quantile_1e3.npy"
record tradeoff "bootstrap:1e3" "$bin/bench_tradeoff" bootstrap --values "$input"
record scipy "bootstrap:1e3" "$python" "$peers/python_peers.py" bootstrap --values "$input"
record tradeoff "bootgroup:1e5:100" "$bin/bench_tradeoff" bootgroup --stem "$work/in/group_1e5_100"
record scipy "bootgroup:1e5:100" "$python" "$peers/python_peers.py" bootgroup --stem "$work/in/group_1e5_100"
for entry in "${frontprob_sets[@]}"; do
  IFS=: read -r configs seeds <<< "$entry"
  record tradeoff "frontprob:$configs:$seeds" "$bin/bench_tradeoff" frontprob --input "$work/in/frontprob_${configs}_$seeds.npy"
done

for n in "${json_sizes[@]}"; do
  input="$work/in/bench_$n.jsonl"
  record tradeoff "json:$n" "$bin/bench_tradeoff" json --input "$input"
  record pandas "json:$n" "$python" "$peers/python_peers.py" json --input "$input"
done

if [[ "$mode" == default ]]; then
  say "Google Benchmark suite (tradeoff alone, self-made inputs)"
  "$bin/tradeoff_gbench" --benchmark_min_time=0.2 --benchmark_format=json \
    --benchmark_out="$work/gbench.json" --benchmark_out_format=json > /dev/null 2>> "$work/errors.log" || true
fi

if [[ "$mode" == default ]]; then
  say "compile time of the headers (bench/compile_time.sh)"
  "$root/bench/compile_time.sh" --markdown 5 > "$work/compile_time.md" 2>> "$work/errors.log" || true
fi

# --- 5. check the answers and write the report ---------------------------------------------------
cut -d' ' -f1 /proc/loadavg > "$work/load_end.txt"
say "checking answers, writing $output"
mkdir -p "$(dirname "$output")"
"$python" "$root/bench/report.py" --work "$work" --output "$output" --mode "$mode" \
  --command "$command_line" --seconds "$(( $(date +%s) - started ))" --notes "$root/bench/performance_notes.md"
say "done: $output"
