/// @file
/// @brief pagmo2 as a peer (Debian libpagmo-dev 2.18), on the driver's .npy inputs.
///
///   bench_pagmo front2d --input F [--max-seconds S]   pagmo::non_dominated_front_2d
///   bench_pagmo sort    --input F                      pagmo::fast_non_dominated_sorting (front 0 and ranks)
///   bench_pagmo hv      --input F --reference "r1,r2,..."   pagmo::hypervolume::compute (hv2d / hv3d)
///   bench_pagmo hvc     --input F --reference "r1,r2,..."   pagmo::hypervolume::contributions (hv2d / hv3d / hvwfg)
/// Common options: --workload NAME --runs R --answers PREFIX. Inputs are converted to pagmo's
/// std::vector<vector_double> before the clock starts.
///
/// non_dominated_front_2d costs O(n·h) (h = front size): front2d first finds h with a sort (not
/// timed), estimates the call's time as 7.1 ns · n · h (calibrated on FACTS.md's 178 s for n = 1e6,
/// h ≈ 25k), and skips the call when that exceeds --max-seconds, printing the estimate instead.

#include "common/harness.hpp"
#include "common/npy.hpp"

#include <pagmo/utils/hypervolume.hpp>
#include <pagmo/utils/multi_objective.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <limits>
#include <numeric>
#include <sstream>
#include <vector>

namespace {

std::vector<pagmo::vector_double> to_pagmo(const bench::npy_array<double>& points) {
  std::vector<pagmo::vector_double> result(points.rows, pagmo::vector_double(points.columns));
  for (std::size_t i = 0; i < points.rows; ++i) {
    for (std::size_t j = 0; j < points.columns; ++j) {
      result[i][j] = points.at(i, j);
    }
  }
  return result;
}

std::size_t front_size_2d(const bench::npy_array<double>& points) {
  std::vector<std::size_t> order(points.rows);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return points.at(a, 0) != points.at(b, 0) ? points.at(a, 0) < points.at(b, 0) : points.at(a, 1) < points.at(b, 1);
  });
  std::size_t size = 0;
  double best = std::numeric_limits<double>::infinity();
  for (const auto i : order) {
    if (points.at(i, 1) < best) {
      best = points.at(i, 1);
      ++size;
    }
  }
  return size;
}

template <typename Index>
std::vector<std::int64_t> sorted_indices(const std::vector<Index>& indices) {
  std::vector<std::int64_t> result(indices.begin(), indices.end());
  std::sort(result.begin(), result.end());
  return result;
}

int run(const bench::options& options) {
  const std::string workload = options.get("workload");
  const std::string answers = options.get("answers");
  const auto input = bench::read_npy<double>(options.get("input"));
  const auto points = to_pagmo(input);
  if (options.task == "front2d") {
    const double n = static_cast<double>(input.rows);
    const double h = static_cast<double>(front_size_2d(input));
    const double estimate = 7.1e-9 * n * h + 5e-7 * n;
    const double budget = std::stod(options.get("max-seconds", "20"));
    std::ostringstream note;
    note.precision(3);
    note << "O(n*h): n*h = " << n * h << ", estimated " << estimate << " s per call";
    if (estimate > budget) {
      bench::report_skip(workload, "pagmo2", note.str() + " > budget " + options.get("max-seconds", "20") + " s");
      return 0;
    }
    const int runs = std::max(1, std::min(options.runs(), static_cast<int>(budget / std::max(estimate, 1e-9))));
    std::vector<pagmo::pop_size_t> front;
    const auto seconds = bench::time_runs(runs, front, [&] { return pagmo::non_dominated_front_2d(points); });
    bench::report(workload, "pagmo2", seconds, "non_dominated_front_2d");
    bench::write_npy(answers + ".pagmo2.front.npy", sorted_indices(front));
  } else if (options.task == "sort") {
    pagmo::fnds_return_type sorted;
    const auto seconds = bench::time_runs(options.runs(), sorted, [&] {
      return pagmo::fast_non_dominated_sorting(points);
    });
    bench::report(workload, "pagmo2", seconds, "fast_non_dominated_sorting (all fronts)");
    const auto& ranks = std::get<3>(sorted);
    std::vector<std::int32_t> rank_answer(ranks.begin(), ranks.end());
    bench::write_npy(answers + ".pagmo2.ranks.npy", rank_answer);
    bench::write_npy(answers + ".pagmo2.front.npy", sorted_indices(std::get<0>(sorted).front()));
  } else if (options.task == "hv") {
    const pagmo::vector_double reference = bench::parse_doubles(options.get("reference"));
    double volume = 0.0;
    const auto seconds = bench::time_runs(options.runs(), volume, [&] {
      const pagmo::hypervolume hv(points, false);
      return hv.compute(reference);
    });
    bench::report(workload, "pagmo2", seconds, input.columns == 2 ? "hypervolume (hv2d)" : "hypervolume (hv3d)");
    bench::write_npy(answers + ".pagmo2.hv.npy", &volume, 1);
  } else if (options.task == "hvc") {
    const pagmo::vector_double reference = bench::parse_doubles(options.get("reference"));
    std::vector<double> contributions;
    const auto seconds = bench::time_runs(options.runs(), contributions, [&] {
      const pagmo::hypervolume hv(points, false);
      return hv.contributions(reference);
    });
    const char* algorithm = input.columns == 2 ? "hypervolume::contributions (hv2d)"
                            : input.columns == 3 ? "hypervolume::contributions (hv3d)"
                                                 : "hypervolume::contributions (hvwfg)";
    bench::report(workload, "pagmo2", seconds, algorithm);
    bench::write_npy(answers + ".pagmo2.hvc.npy", contributions.data(), contributions.size());
  } else {
    throw std::invalid_argument("unknown task " + options.task);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return bench::run_main(argc, argv, "bench_pagmo", run); }
