#!/usr/bin/env bash
# Builds the libFuzzer targets with the `fuzz` preset and runs each for a given time.
#
#   tests/fuzz/run.sh [seconds-per-target] [target ...]
#
# seconds defaults to 60; targets default to fuzz_csv fuzz_pareto fuzz_pareto_large fuzz_stats
# fuzz_intervals fuzz_noise fuzz_json fuzz_indicators. Each target starts from the committed seeds (tests/fuzz/corpus/<target>;
# fuzz_pareto_large shares fuzz_pareto's, the input format is one) and the kept regressions, grows a working
# corpus in build/fuzz/fuzz-work/<target>/corpus (the committed one is never written), and puts
# what it finds (crash-*, timeout-*, oom-*) in build/fuzz/fuzz-work/<target>/findings. Prints, per
# target, libFuzzer's executions, coverage and corpus size, and the findings; exits 1 if there
# are any. Environment: FUZZ_RSS_LIMIT_MB (default 2048), FUZZ_TIMEOUT (seconds per input,
# default 10), FUZZ_JOBS (parallel targets, default 1), ASAN_OPTIONS (default
# malloc_context_size=2: each allocation records 2 frames, not 30, which was a fifth of the
# cost of an execution; replay a finding with the target alone for full stacks). See
# docs/fuzzing.md.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_csv fuzz_pareto fuzz_pareto_large fuzz_stats fuzz_intervals fuzz_noise fuzz_json fuzz_indicators)
fi
rss_limit="${FUZZ_RSS_LIMIT_MB:-2048}"
timeout="${FUZZ_TIMEOUT:-10}"
jobs="${FUZZ_JOBS:-1}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-malloc_context_size=2}"

cd "$root"
cmake --workflow --preset fuzz >/dev/null

build="$root/build/fuzz"
seeds_of() {
  case "$1" in
    fuzz_pareto_large) echo fuzz_pareto ;;
    *) echo "$1" ;;
  esac
}

max_len_of() {
  case "$1" in
    fuzz_csv | fuzz_json) echo 4096 ;;
    *) echo 1024 ;;
  esac
}

run_one() {
  local target="$1"
  local binary="$build/tests/fuzz/$target"
  local work="$build/fuzz-work/$target"
  if [ ! -x "$binary" ]; then
    echo "$target: not built (is its header in include/tradeoff/?)" >&2
    return 2
  fi
  mkdir -p "$work/corpus" "$work/findings"
  local dict=()
  if [ -f "$root/tests/fuzz/$target.dict" ]; then
    dict=("-dict=$root/tests/fuzz/$target.dict")
  fi
  local seeds=("$root/tests/fuzz/corpus/$(seeds_of "$target")")
  if [ -d "$root/tests/fuzz/regressions/$(seeds_of "$target")" ]; then
    seeds+=("$root/tests/fuzz/regressions/$(seeds_of "$target")")
  fi
  set +e
  "$binary" "$work/corpus" "${seeds[@]}" \
    -max_total_time="$seconds" -rss_limit_mb="$rss_limit" -timeout="$timeout" \
    -max_len="$(max_len_of "$target")" -print_final_stats=1 \
    -artifact_prefix="$work/findings/" "${dict[@]}" >"$work/log.txt" 2>&1
  local status=$?
  set -e
  echo "$status" >"$work/status"
}

running=0
for target in "${targets[@]}"; do
  run_one "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait || true

found=0
printf '\n%-12s %12s %8s %8s %8s  %s\n' target executions exec/s cov corpus findings
for target in "${targets[@]}"; do
  work="$build/fuzz-work/$target"
  [ -f "$work/log.txt" ] || continue
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log.txt" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log.txt" | tail -1)
  last=$(grep -E '^#[0-9]+' "$work/log.txt" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  corpus=$(sed -n 's/.* corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p' <<<"$last")
  findings=$(find "$work/findings" -type f | wc -l)
  printf '%-12s %12s %8s %8s %8s  %s\n' "$target" "${executions:-?}" "${speed:-?}" "${cov:-?}" "${corpus:-?}" "$findings"
  if [ "$findings" -gt 0 ] || [ "$(cat "$work/status")" != 0 ]; then
    found=1
    find "$work/findings" -type f | sed 's/^/    /'
    grep -m3 -E '^\*\*\* (property failed|unexpected exception)|^SUMMARY' "$work/log.txt" | sed 's/^/    /' || true
    echo "    log: $work/log.txt"
  fi
done
exit "$found"
