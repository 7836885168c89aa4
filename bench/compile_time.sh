#!/usr/bin/env bash
# Compile time of tradeoff's headers, side by side with Eigen's in one run (docs/performance.md).
#   bench/compile_time.sh [--markdown] [RUNS]   (default 5 runs; the fastest of each, user + sys CPU s)
# --markdown prints the section that bench/run.sh puts into docs/performance.md.
# Three translation units at -O2, each compiled RUNS times with the same compiler and flags:
#   eigen     #include <Eigen/Core> and an empty main
#   umbrella  #include <tradeoff/tradeoff.hpp> and an empty main
#   typical   the umbrella, and read_csv, a 2-D pareto_front, group_by + median and quantile
# CPU time rather than wall time, so that a loaded machine moves the figures less.
set -euo pipefail
cd "$(dirname "$0")/.."
markdown=0
if [[ "${1:-}" == --markdown ]]; then markdown=1; shift; fi
runs="${1:-5}"
cxx="${CXX:-g++}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
flags=(-std=c++17 -O2 -DNDEBUG -Iinclude -isystem /usr/include/eigen3)

printf '#include <Eigen/Core>\nint main() { return 0; }\n' > "$work/eigen.cpp"
printf '#include <tradeoff/tradeoff.hpp>\nint main() { return 0; }\n' > "$work/umbrella.cpp"
cat > "$work/typical.cpp" <<'CPP'
#include <tradeoff/tradeoff.hpp>
#include <iostream>
int main(int argc, char** argv) {
  const tradeoff::table runs = tradeoff::read_csv(argc > 1 ? argv[1] : "runs.csv");
  const Eigen::ArrayXd cache = runs.numeric("cache"), loss = runs.numeric("loss");
  const Eigen::ArrayXi front = tradeoff::pareto_front(cache, loss);
  const auto by_type = tradeoff::group_by(runs.strings("type"));
  const Eigen::ArrayXd median = tradeoff::median(by_type, loss);
  const Eigen::ArrayXd q3 = tradeoff::quantile(by_type, loss, 0.75);
  std::cout << front.size() << " " << median.sum() << " " << q3.sum() << "\n";
}
CPP

measure() {  # fastest user+sys CPU seconds of $runs compilations of $1
  local best=""
  for ((i = 0; i < runs; ++i)); do
    local t
    t=$( { /usr/bin/time -f "%U %S" "$cxx" "${flags[@]}" -c "$work/$1.cpp" -o "$work/$1.o" ; } 2>&1 | tail -1 | awk '{print $1 + $2}')
    if [[ -z "$best" ]] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best="$t"; fi
  done
  echo "$best"
}

eigen=$(measure eigen)
umbrella=$(measure umbrella)
typical=$(measure typical)
load_start=$(cut -d' ' -f1 /proc/loadavg)
eigen=$(measure eigen)
umbrella=$(measure umbrella)
typical=$(measure typical)
load_end=$(cut -d' ' -f1 /proc/loadavg)
compiler="$("$cxx" --version | head -1)"
if [[ $markdown -eq 0 ]]; then
  echo "compiler: $compiler; flags: ${flags[*]}; fastest of $runs runs, CPU s; load $load_start / $load_end"
  awk -v e="$eigen" -v u="$umbrella" -v t="$typical" 'BEGIN {
    printf "%-10s %7.2f s  %5.2fx Eigen/Core\n", "eigen", e, 1
    printf "%-10s %7.2f s  %5.2fx Eigen/Core  (goal <= 1.4x)\n", "umbrella", u, u / e
    printf "%-10s %7.2f s  %5.2fx Eigen/Core  (goal <= 2.5x)\n", "typical", t, t / e
  }'
  exit 0
fi
cat <<MD
## Build time: compiling against the headers

\`bench/compile_time.sh $runs\` (run by bench/run.sh): each translation unit compiled $runs times at -O2 with
$compiler (\`${flags[*]}\`), the fastest run's CPU time (user + sys). Load average (1 min) at start / end:
$load_start / $load_end. *typical* includes the umbrella header and calls \`read_csv\`, a 2-D
\`pareto_front\`, \`group_by\` + \`median\` and a grouped \`quantile\`.

| translation unit | CPU time | × Eigen/Core | goal | verdict |
|---|---:|---:|---|---|
MD
awk -v e="$eigen" -v u="$umbrella" -v t="$typical" 'BEGIN {
  printf "| `#include <Eigen/Core>` | %.2f s | 1.00× | – | – |\n", e
  printf "| `#include <tradeoff/tradeoff.hpp>` | %.2f s | %.2f× | ≤ 1.4× | %s |\n", u, u / e, (u / e <= 1.4 ? "met" : "**missed**")
  printf "| typical harness file | %.2f s | %.2f× | ≤ 2.5× | %s |\n", t, t / e, (t / e <= 2.5 ? "met" : "**missed**")
}'
