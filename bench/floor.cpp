/// @file
/// @brief The reference floors of the benchmarks issue: the least work an exact answer needs,
/// written plainly with the standard library, measured in the same run as tradeoff.
///
///   bench_floor group    --codes F --values F --groups K   counting-scatter by group code, then
///                        per group min/max/sum in one pass and std::nth_element for Q1, median, Q3
///   bench_floor quantile --values F                         copy + std::nth_element for Q1, median, Q3
///   bench_floor front2d  --input F                          std::sort by (x, y) + one scan
///   bench_floor ranks2d  --input F                          sort + binary search over the fronts' last y
/// Common options: --workload NAME --runs R --answers PREFIX. Also the 2-D oracles of bench/report.py:
/// front2d and ranks2d handle ties and exact duplicates (which do not dominate each other).

#include "common/harness.hpp"
#include "common/npy.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <limits>
#include <numeric>
#include <vector>

namespace {

/// numpy's linear quantile at fraction t between neighbours a ≤ b (its two-sided lerp).
double lerp(double a, double b, double t) { return t < 0.5 ? a + (b - a) * t : b - (b - a) * (1.0 - t); }

/// Q1, median and Q3 of values[first, last) (reordered in place), as numpy/pandas define them.
void three_quantiles(double* first, double* last, double& q1, double& median, double& q3) {
  const auto n = static_cast<std::size_t>(last - first);
  if (n == 0) {
    q1 = median = q3 = std::numeric_limits<double>::quiet_NaN();
    return;
  }
  // Median: the middle element (odd n) or the mean of the middle pair (even n).
  const std::size_t mid = n / 2;
  std::nth_element(first, first + mid, last);
  const double upper_middle = first[mid];
  if (n % 2 == 1) {
    median = upper_middle;
  } else {
    const double lower_middle = *std::max_element(first, first + mid);
    median = (lower_middle + upper_middle) / 2;
  }
  // Now [0, mid) holds ranks 0..mid-1 and [mid + 1, n) ranks mid+1..n-1: find rank k (and k + 1
  // when interpolating) inside the part that holds it, leaving the other part untouched.
  const auto at = [&](double q) {
    const double h = static_cast<double>(n - 1) * q;
    const auto k = static_cast<std::size_t>(std::floor(h));
    const double t = h - static_cast<double>(k);
    double* const middle = first + mid;
    double a = *middle;
    double b = a;
    if (k < mid) {
      std::nth_element(first, first + k, middle);
      a = first[k];
      b = k + 1 < mid ? *std::min_element(first + k + 1, middle) : *middle;
    } else if (k == mid) {
      b = t == 0.0 ? a : *std::min_element(middle + 1, last);
    } else {
      std::nth_element(middle + 1, first + k, last);
      a = first[k];
      b = t == 0.0 ? a : *std::min_element(first + k + 1, last);
    }
    return t == 0.0 ? a : lerp(a, b, t);
  };
  q1 = at(0.25);
  q3 = at(0.75);
}

struct group_answer {
  std::vector<std::int64_t> count;
  std::vector<double> mean, min, max, median, q1, q3;
};

group_answer grouped(const std::vector<std::int32_t>& codes, const std::vector<double>& values, std::size_t k) {
  const std::size_t n = codes.size();
  std::vector<std::size_t> offsets(k + 1, 0);
  for (const auto code : codes) {
    ++offsets[static_cast<std::size_t>(code) + 1];
  }
  std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
  std::vector<double> scattered(n);
  std::vector<std::size_t> cursor(offsets.begin(), offsets.end() - 1);
  for (std::size_t i = 0; i < n; ++i) {
    scattered[cursor[static_cast<std::size_t>(codes[i])]++] = values[i];
  }
  group_answer answer;
  answer.count.resize(k);
  for (auto* column : {&answer.mean, &answer.min, &answer.max, &answer.median, &answer.q1, &answer.q3}) {
    column->resize(k);
  }
  for (std::size_t g = 0; g < k; ++g) {
    double* first = scattered.data() + offsets[g];
    double* last = scattered.data() + offsets[g + 1];
    double sum = 0.0;
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (const double* p = first; p != last; ++p) {
      sum += *p;
      low = std::min(low, *p);
      high = std::max(high, *p);
    }
    const auto size = static_cast<std::size_t>(last - first);
    answer.count[g] = static_cast<std::int64_t>(size);
    answer.mean[g] = size == 0 ? std::numeric_limits<double>::quiet_NaN() : sum / static_cast<double>(size);
    answer.min[g] = size == 0 ? std::numeric_limits<double>::quiet_NaN() : low;
    answer.max[g] = size == 0 ? std::numeric_limits<double>::quiet_NaN() : high;
    three_quantiles(first, last, answer.q1[g], answer.median[g], answer.q3[g]);
  }
  return answer;
}

/// Indices sorted by (x, y, index).
std::vector<std::int64_t> lexicographic_order(const bench::npy_array<double>& points) {
  std::vector<std::int64_t> order(points.rows);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) {
    const auto ua = static_cast<std::size_t>(a);
    const auto ub = static_cast<std::size_t>(b);
    const double xa = points.at(ua, 0);
    const double xb = points.at(ub, 0);
    if (xa != xb) {
      return xa < xb;
    }
    const double ya = points.at(ua, 1);
    const double yb = points.at(ub, 1);
    return ya != yb ? ya < yb : a < b;
  });
  return order;
}

/// 2-D front, both minimised: a point is kept when its y is below every earlier y, or when it
/// is an exact copy of the last kept point. Output sorted by index.
std::vector<std::int64_t> front2d(const bench::npy_array<double>& points) {
  const auto order = lexicographic_order(points);
  std::vector<std::int64_t> front;
  double best_y = std::numeric_limits<double>::infinity();
  double kept_x = std::numeric_limits<double>::quiet_NaN();
  for (const auto index : order) {
    const auto i = static_cast<std::size_t>(index);
    const double x = points.at(i, 0);
    const double y = points.at(i, 1);
    if (y < best_y || (y == best_y && x == kept_x)) {
      front.push_back(index);
      best_y = y;
      kept_x = x;
    }
  }
  std::sort(front.begin(), front.end());
  return front;
}

/// 2-D non-dominated ranks (0 = front): in (x, y) order a point's rank is the first front whose
/// smallest y so far is above the point's y; an exact copy of the previous point shares its rank.
std::vector<std::int32_t> ranks2d(const bench::npy_array<double>& points) {
  const auto order = lexicographic_order(points);
  std::vector<std::int32_t> ranks(points.rows, 0);
  std::vector<double> last_y;  // increasing with the front index
  for (std::size_t position = 0; position < order.size(); ++position) {
    const auto i = static_cast<std::size_t>(order[position]);
    const double y = points.at(i, 1);
    if (position > 0) {
      const auto previous = static_cast<std::size_t>(order[position - 1]);
      if (points.at(previous, 0) == points.at(i, 0) && points.at(previous, 1) == y) {
        ranks[i] = ranks[previous];
        continue;
      }
    }
    const auto front = static_cast<std::size_t>(std::upper_bound(last_y.begin(), last_y.end(), y) - last_y.begin());
    if (front == last_y.size()) {
      last_y.push_back(y);
    } else {
      last_y[front] = y;
    }
    ranks[i] = static_cast<std::int32_t>(front);
  }
  return ranks;
}

int run(const bench::options& options) {
  const std::string workload = options.get("workload");
  const std::string answers = options.get("answers");
  if (options.task == "group") {
    const auto codes = bench::read_npy<std::int32_t>(options.get("codes")).data;
    const auto values = bench::read_npy<double>(options.get("values")).data;
    const auto k = static_cast<std::size_t>(std::stoul(options.get("groups")));
    group_answer answer;
    const auto seconds = bench::time_runs(options.runs(), answer, [&] { return grouped(codes, values, k); });
    bench::report(workload, "floor", seconds, "codes given; counting-scatter + nth_element");
    bench::write_npy(answers + ".floor.count.npy", answer.count);
    bench::write_npy(answers + ".floor.mean.npy", answer.mean);
    bench::write_npy(answers + ".floor.min.npy", answer.min);
    bench::write_npy(answers + ".floor.max.npy", answer.max);
    bench::write_npy(answers + ".floor.median.npy", answer.median);
    bench::write_npy(answers + ".floor.q1.npy", answer.q1);
    bench::write_npy(answers + ".floor.q3.npy", answer.q3);
  } else if (options.task == "quantile") {
    const auto values = bench::read_npy<double>(options.get("values")).data;
    std::vector<double> answer;
    const auto seconds = bench::time_runs(options.runs(), answer, [&] {
      std::vector<double> copy = values;
      std::vector<double> result(3);
      three_quantiles(copy.data(), copy.data() + copy.size(), result[0], result[1], result[2]);
      return result;
    });
    bench::report(workload, "floor", seconds, "copy + nth_element");
    bench::write_npy(answers + ".floor.quartiles.npy", answer);
  } else if (options.task == "front2d") {
    const auto points = bench::read_npy<double>(options.get("input"));
    std::vector<std::int64_t> answer;
    const auto seconds = bench::time_runs(options.runs(), answer, [&] { return front2d(points); });
    bench::report(workload, "floor", seconds, "std::sort + scan");
    bench::write_npy(answers + ".floor.front.npy", answer);
  } else if (options.task == "ranks2d") {
    const auto points = bench::read_npy<double>(options.get("input"));
    std::vector<std::int32_t> answer;
    const auto seconds = bench::time_runs(options.runs(), answer, [&] { return ranks2d(points); });
    bench::report(workload, "floor", seconds, "std::sort + binary search");
    bench::write_npy(answers + ".floor.ranks.npy", answer);
  } else {
    throw std::invalid_argument("unknown task " + options.task);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return bench::run_main(argc, argv, "bench_floor", run); }
