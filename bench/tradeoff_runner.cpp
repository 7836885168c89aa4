/// @file
/// @brief tradeoff on the driver's .npy inputs: the same workloads the peers run.
///
///   bench_tradeoff front2d  --input F              pareto_front(x, y)
///   bench_tradeoff front    --input F              pareto_front(points)          (n × d, d ≥ 3)
///   bench_tradeoff ranks    --input F              pareto_ranks(points)
///   bench_tradeoff hv       --input F --reference "r1,r2,..."   hypervolume(points, reference)
///   bench_tradeoff hvc      --input F --reference "r1,r2,..."   hypervolume_contributions(points, reference)
///   bench_tradeoff igd_plus --input F --reference-set G          igd_plus(points, reference_set)
///   bench_tradeoff quantile --values F             quantiles(values, {0.25, 0.5, 0.75}) and median(values)
///   bench_tradeoff group    --stem S --keys int|string --values F   group_by(keys) + summarize(grouping, values)
///   bench_tradeoff csv      --input F.csv          read_csv(path) + numeric(name) of every numeric column
///   bench_tradeoff bootstrap --values F            bootstrap_interval(values, median) (BCa, 9,999 resamples)
///   bench_tradeoff bootgroup --stem S              bootstrap_interval(group_by(codes), values, median), percentile
///   bench_tradeoff frontprob --input F             front_probability(group_by(config), [x y]) (median, 1,000 resamples)
///   bench_tradeoff json     --input F.jsonl        read_json(path) + numeric(name) of every numeric column
/// Common options: --workload NAME --runs R --answers PREFIX. Inputs are in memory (Eigen arrays,
/// std::vector<std::string>) before the clock starts; only the library call is timed. Prints
/// RESULT and MEMORY lines (common/harness.hpp) and writes each answer as .npy for bench/report.py.

#include "common/harness.hpp"
#include "common/npy.hpp"

#include <tradeoff/bootstrap.hpp>
#include <tradeoff/front_probability.hpp>
#include <tradeoff/hypervolume.hpp>
#include <tradeoff/hypervolume_contributions.hpp>
#if __has_include(<tradeoff/indicators.hpp>)
#include <tradeoff/indicators.hpp>
#define TRADEOFF_BENCH_HAS_INDICATORS 1
#endif
#include <tradeoff/pareto.hpp>
#include <tradeoff/quantile.hpp>
#if __has_include(<tradeoff/group.hpp>)
#include <tradeoff/group.hpp>
#define TRADEOFF_BENCH_HAS_GROUP 1
#endif
#if defined(TRADEOFF_BENCH_JSON)
#include <tradeoff/json.hpp>
#endif
#if __has_include(<tradeoff/csv.hpp>)
#include <tradeoff/csv.hpp>
#define TRADEOFF_BENCH_HAS_CSV 1
#endif

#include <Eigen/Core>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

Eigen::ArrayXXd to_eigen(const bench::npy_array<double>& points) {
  Eigen::ArrayXXd result(static_cast<Eigen::Index>(points.rows), static_cast<Eigen::Index>(points.columns));
  for (std::size_t i = 0; i < points.rows; ++i) {
    for (std::size_t j = 0; j < points.columns; ++j) {
      result(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = points.at(i, j);
    }
  }
  return result;
}

Eigen::ArrayXd to_eigen(const std::vector<double>& values) {
  return Eigen::Map<const Eigen::ArrayXd>(values.data(), static_cast<Eigen::Index>(values.size()));
}

std::vector<std::int64_t> sorted_indices(const Eigen::ArrayXi& indices) {
  std::vector<std::int64_t> result(indices.data(), indices.data() + indices.size());
  std::sort(result.begin(), result.end());
  return result;
}

std::vector<std::int32_t> to_vector(const Eigen::ArrayXi& values) {
  return std::vector<std::int32_t>(values.data(), values.data() + values.size());
}

template <typename Array>
std::vector<double> to_doubles(const Array& values) {
  std::vector<double> result(static_cast<std::size_t>(values.size()));
  for (Eigen::Index i = 0; i < values.size(); ++i) {
    result[static_cast<std::size_t>(i)] = static_cast<double>(values(i));
  }
  return result;
}

/// Runs `body` (which returns the answer) once under the memory probe — a first call in a fresh
/// state, its result included, so that nothing of an earlier call is counted — then times the runs.
template <typename Answer, typename Body>
void measure(const bench::options& options, const std::string& implementation, std::size_t items, Answer& answer,
             Body&& body, const std::string& note = "") {
  bench::memory_probe probe;
  probe.start();
  answer = body();
  const long long extra = probe.extra_bytes();
  const auto seconds = bench::time_runs(options.runs(), answer, body);
  bench::report(options.get("workload"), implementation, seconds, note);
  bench::report_memory(options.get("workload"), implementation, extra, items);
}

#ifdef TRADEOFF_BENCH_HAS_GROUP
template <typename Keys>
void time_grouped(const bench::options& options, const Keys& keys, const Eigen::ArrayXd& values) {
  const std::string answers = options.get("answers");
  const auto rows = static_cast<std::size_t>(values.size());
  // group_by and summarize on their own, then the whole (what pandas and DuckDB are timed on).
  decltype(tradeoff::group_by(keys)) grouping;
  measure(options, "tradeoff.group_by", rows, grouping, [&] { return tradeoff::group_by(keys); });
  bench::write_npy(answers + ".tradeoff.codes.npy", to_vector(grouping.codes()));
  tradeoff::group_summary summary;
  measure(options, "tradeoff.summarize", rows, summary, [&] { return tradeoff::summarize(grouping, values); },
          "summarize(grouping, values), Q1/Q3");
  measure(options, "tradeoff", rows, summary, [&] { return tradeoff::summarize(tradeoff::group_by(keys), values); },
          "group_by + summarize");
  std::vector<std::int64_t> count(summary.count.data(), summary.count.data() + summary.count.size());
  bench::write_npy(answers + ".tradeoff.count.npy", count);
  bench::write_npy(answers + ".tradeoff.mean.npy", to_doubles(summary.mean));
  bench::write_npy(answers + ".tradeoff.min.npy", to_doubles(summary.min));
  bench::write_npy(answers + ".tradeoff.max.npy", to_doubles(summary.max));
  bench::write_npy(answers + ".tradeoff.median.npy", to_doubles(summary.median));
  bench::write_npy(answers + ".tradeoff.q1.npy", to_doubles(summary.quantiles.col(0)));
  bench::write_npy(answers + ".tradeoff.q3.npy", to_doubles(summary.quantiles.col(1)));
}
#endif

int run_group(const bench::options& options) {
#ifdef TRADEOFF_BENCH_HAS_GROUP
  const std::string stem = options.get("stem");
  const Eigen::ArrayXd values = to_eigen(bench::read_npy<double>(stem + ".values.npy").data);
  if (options.get("keys") == "int") {
    const auto int_keys = bench::read_npy<std::int64_t>(stem + ".ikeys.npy").data;
    const Eigen::Array<std::int64_t, Eigen::Dynamic, 1> keys =
        Eigen::Map<const Eigen::Array<std::int64_t, Eigen::Dynamic, 1>>(int_keys.data(),
                                                                        static_cast<Eigen::Index>(int_keys.size()));
    time_grouped(options, keys, values);
  } else {
    std::vector<std::string> names;
    std::ifstream names_file(stem + ".names.txt");
    for (std::string name; std::getline(names_file, name);) {
      names.push_back(name);
    }
    const auto codes = bench::read_npy<std::int32_t>(stem + ".codes.npy").data;
    std::vector<std::string> keys;
    keys.reserve(codes.size());
    for (const auto code : codes) {
      keys.push_back(names[static_cast<std::size_t>(code)]);
    }
    time_grouped(options, keys, values);
  }
#else
  bench::report_skip(options.get("workload"), "tradeoff", "tradeoff/group.hpp not available yet");
#endif
  return 0;
}

#ifdef TRADEOFF_BENCH_HAS_CSV
/// Times `read(path)` + `numeric(name)` for every column but `text_columns` (the "tradeoff" row)
/// and saves each column as an answer.
template <typename Read>
void time_load(const bench::options& options, const std::vector<std::string>& text_columns, Read&& read,
               const std::string& note) {
  const std::string path = options.get("input");
  const std::string answers = options.get("answers");
  std::vector<std::string> numeric_columns;
  const tradeoff::table header = read(path);
  for (const auto& name : header.column_names()) {
    if (std::find(text_columns.begin(), text_columns.end(), name) == text_columns.end()) {
      numeric_columns.push_back(name);
    }
  }
  using columns = std::vector<Eigen::ArrayXd>;
  columns loaded;
  measure(options, "tradeoff", 0, loaded, [&] {
    const tradeoff::table table = read(path);
    columns result;
    for (const auto& name : numeric_columns) {
      result.push_back(table.numeric(name));
    }
    return result;
  }, note);
  for (std::size_t j = 0; j < numeric_columns.size(); ++j) {
    bench::write_npy(answers + ".tradeoff.col-" + numeric_columns[j] + ".npy", to_doubles(loaded[j]));
  }
}
#endif

int run_csv(const bench::options& options) {
#ifdef TRADEOFF_BENCH_HAS_CSV
  const auto read = [](const std::string& path) { return tradeoff::read_csv(path); };
  time_load(options, {"run", "type", "moe"}, read, "read_csv + numeric(name) per numeric column");
  const std::string path = options.get("input");
  std::size_t rows = 0;
  measure(options, "tradeoff.read_csv", 0, rows, [&] { return static_cast<std::size_t>(tradeoff::read_csv(path).rows()); },
          "read_csv alone (cells kept as text)");
#else
  bench::report_skip(options.get("workload"), "tradeoff", "tradeoff/csv.hpp not available yet");
#endif
  return 0;
}

int run_json(const bench::options& options) {
#if defined(TRADEOFF_BENCH_JSON)
  const auto read = [](const std::string& path) { return tradeoff::read_json(path); };
  time_load(options, {"run", "model.type", "model.moe"}, read, "read_json(JSON Lines) + numeric(name) per numeric column");
#else
  bench::report_skip(options.get("workload"), "tradeoff", "tradeoff::json (nlohmann_json) not available");
#endif
  return 0;
}

int run(const bench::options& options) {
  const std::string answers = options.get("answers");
  if (options.task == "front2d") {
    const Eigen::ArrayXXd points = to_eigen(bench::read_npy<double>(options.get("input")));
    const Eigen::ArrayXd x = points.col(0);
    const Eigen::ArrayXd y = points.col(1);
    Eigen::ArrayXi front;
    measure(options, "tradeoff", static_cast<std::size_t>(x.size()), front,
            [&] { return tradeoff::pareto_front(x, y); });
    bench::write_npy(answers + ".tradeoff.front.npy", sorted_indices(front));
  } else if (options.task == "front") {
    const Eigen::ArrayXXd points = to_eigen(bench::read_npy<double>(options.get("input")));
    Eigen::ArrayXi front;
    measure(options, "tradeoff", static_cast<std::size_t>(points.rows()), front,
            [&] { return tradeoff::pareto_front(points); });
    bench::write_npy(answers + ".tradeoff.front.npy", sorted_indices(front));
  } else if (options.task == "ranks") {
    const Eigen::ArrayXXd points = to_eigen(bench::read_npy<double>(options.get("input")));
    Eigen::ArrayXi ranks;
    measure(options, "tradeoff", static_cast<std::size_t>(points.rows()), ranks,
            [&] { return tradeoff::pareto_ranks(points); });
    bench::write_npy(answers + ".tradeoff.ranks.npy", to_vector(ranks));
  } else if (options.task == "hv") {
    const Eigen::ArrayXXd points = to_eigen(bench::read_npy<double>(options.get("input")));
    const Eigen::ArrayXd reference = to_eigen(bench::parse_doubles(options.get("reference")));
    double volume = 0.0;
    measure(options, "tradeoff", static_cast<std::size_t>(points.rows()), volume,
            [&] { return tradeoff::hypervolume(points, reference); });
    bench::write_npy(answers + ".tradeoff.hv.npy", &volume, 1);
  } else if (options.task == "hvc") {
    const Eigen::ArrayXXd points = to_eigen(bench::read_npy<double>(options.get("input")));
    const Eigen::ArrayXd reference = to_eigen(bench::parse_doubles(options.get("reference")));
    Eigen::ArrayXd contributions;
    measure(options, "tradeoff", static_cast<std::size_t>(points.rows()), contributions,
            [&] { return tradeoff::hypervolume_contributions(points, reference); },
            "hypervolume_contributions(points, reference)");
    bench::write_npy(answers + ".tradeoff.hvc.npy", to_doubles(contributions));
#ifdef TRADEOFF_BENCH_HAS_INDICATORS
  } else if (options.task == "igd_plus") {
    const Eigen::ArrayXXd points = to_eigen(bench::read_npy<double>(options.get("input")));
    const Eigen::ArrayXXd reference_set = to_eigen(bench::read_npy<double>(options.get("reference-set")));
    double value = 0.0;
    measure(options, "tradeoff", static_cast<std::size_t>(points.rows()), value,
            [&] { return tradeoff::igd_plus(points, reference_set); }, "igd_plus(points, reference_set)");
    bench::write_npy(answers + ".tradeoff.igd_plus.npy", &value, 1);
#endif
  } else if (options.task == "quantile") {
    const Eigen::ArrayXd values = to_eigen(bench::read_npy<double>(options.get("values")).data);
    Eigen::ArrayXd result;
    measure(options, "tradeoff", static_cast<std::size_t>(values.size()), result,
            [&] { return tradeoff::quantiles(values, std::vector<double>{0.25, 0.5, 0.75}); },
            "quantiles(values, {0.25, 0.5, 0.75})");
    bench::write_npy(answers + ".tradeoff.quantiles.npy", to_doubles(result));
    double median = 0.0;
    bench::report(options.get("workload") + "-median", "tradeoff",
                  bench::time_runs(options.runs(), median, [&] { return tradeoff::median(values); }), "median(values)");
    bench::write_npy(answers + ".tradeoff.median.npy", &median, 1);
  } else if (options.task == "group") {
    return run_group(options);
  } else if (options.task == "csv") {
    return run_csv(options);
  } else if (options.task == "bootstrap") {
    const Eigen::ArrayXd values = to_eigen(bench::read_npy<double>(options.get("values")).data);
    tradeoff::confidence_interval interval;
    measure(options, "tradeoff", static_cast<std::size_t>(values.size()), interval,
            [&] { return tradeoff::bootstrap_interval(values, tradeoff::statistic::median()); },
            "bootstrap_interval(values, median): BCa, 9,999 resamples, seed 0");
    const double endpoints[2] = {interval.low, interval.high};
    bench::write_npy(answers + ".tradeoff.interval.npy", endpoints, 2);
  } else if (options.task == "bootgroup") {
    const std::string stem = options.get("stem");
    const Eigen::ArrayXd values = to_eigen(bench::read_npy<double>(stem + ".values.npy").data);
    const auto codes = bench::read_npy<std::int32_t>(stem + ".codes.npy").data;
    const Eigen::ArrayXi keys = Eigen::Map<const Eigen::ArrayXi>(codes.data(), static_cast<Eigen::Index>(codes.size()));
    const auto grouping = tradeoff::group_by(keys);
    tradeoff::bootstrap_options percentile;
    percentile.method = tradeoff::interval_method::percentile;
    tradeoff::group_intervals intervals;
    measure(options, "tradeoff", static_cast<std::size_t>(values.size()), intervals,
            [&] { return tradeoff::bootstrap_interval(grouping, values, tradeoff::statistic::median(), percentile); },
            "bootstrap_interval(grouping, values, median): percentile, 9,999 resamples per group");
    bench::write_npy(answers + ".tradeoff.low.npy", to_doubles(intervals.low));
    bench::write_npy(answers + ".tradeoff.high.npy", to_doubles(intervals.high));
  } else if (options.task == "frontprob") {
    const Eigen::ArrayXXd table = to_eigen(bench::read_npy<double>(options.get("input")));
    const Eigen::ArrayXi config = table.col(0).cast<int>();
    const Eigen::ArrayXXd points = table.rightCols(2);
    const auto configurations = tradeoff::group_by(config);
    tradeoff::front_probability_result result;
    measure(options, "tradeoff", static_cast<std::size_t>(points.rows()), result,
            [&] { return tradeoff::front_probability(configurations, points); },
            "front_probability(grouping, [x y]): medians, 1,000 resamples");
    bench::write_npy(answers + ".tradeoff.probability.npy", to_doubles(result.probability));
  } else if (options.task == "json") {
    return run_json(options);
  } else {
    throw std::invalid_argument("unknown task " + options.task);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return bench::run_main(argc, argv, "bench_tradeoff", run); }
