// No public function of tradeoff modifies its inputs. Every function is called on random inputs
// (ties, duplicates, NaN, ±inf, −0.0; sizes that reach the radix sorts, pre-filters and selection
// paths) and each input is compared with a copy taken before the call, bit for bit (so a NaN
// payload or the sign of a zero that changed would be caught, and a sort done in place then
// undone would not hide a reordering that happened in between).
#include <tradeoff/bootstrap.hpp>
#include <tradeoff/csv.hpp>
#include <tradeoff/group.hpp>
#include <tradeoff/hypervolume.hpp>
#include <tradeoff/hypervolume_contributions.hpp>
#include <tradeoff/indicators.hpp>
#include <tradeoff/normalise.hpp>
#include <tradeoff/kv_cache.hpp>
#include <tradeoff/pareto.hpp>
#include <tradeoff/pareto_archive.hpp>
#include <tradeoff/quantile.hpp>
#include <tradeoff/quantile_interval.hpp>
#include <tradeoff/rank_test.hpp>
#include <tradeoff/serving.hpp>
#include <tradeoff/staircase.hpp>
#include <tradeoff/tied_for_best.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

/// Bytes of a dense Eigen object or a std::vector of trivially copyable elements.
template <typename T>
std::vector<unsigned char> bytes_of(const T& x) {
  const auto count = static_cast<std::size_t>(x.size()) * sizeof(*x.data());
  std::vector<unsigned char> out(count);
  if (count != 0) std::memcpy(out.data(), x.data(), count);
  return out;
}

/// A value from a mix that makes ties, NaN, infinities and signed zeros frequent.
double random_value(std::mt19937_64& rng) {
  const auto kind = rng() % 20;
  if (kind < 8) return static_cast<double>(rng() % 7);                      // ties
  if (kind == 8) return std::numeric_limits<double>::quiet_NaN();
  if (kind == 9) return std::numeric_limits<double>::infinity();
  if (kind == 10) return -std::numeric_limits<double>::infinity();
  if (kind == 11) return -0.0;
  return std::uniform_real_distribution<double>(-100.0, 100.0)(rng);      // continuous
}

Eigen::ArrayXd random_array(std::mt19937_64& rng, Eigen::Index n) {
  Eigen::ArrayXd out(n);
  for (Eigen::Index i = 0; i < n; ++i) out(i) = random_value(rng);
  return out;
}

/// Calls f(), then checks that `input` has the bytes it had before the call.
template <typename Input, typename F>
void unchanged(const char* what, const Input& input, F&& f) {
  const auto before = bytes_of(input);
  static_cast<void>(f());
  CHECK_MESSAGE(bytes_of(input) == before, what << " modified its input");
}

}  // namespace

TEST_CASE("no public function modifies its inputs (random inputs with NaN / ties / infinities)") {
  std::mt19937_64 rng(20261126);
  for (const Eigen::Index n : {Eigen::Index{0}, Eigen::Index{1}, Eigen::Index{7}, Eigen::Index{60},
                               Eigen::Index{500}, Eigen::Index{3000}}) {
    CAPTURE(n);
    const Eigen::ArrayXd x = random_array(rng, n);
    const Eigen::ArrayXd y = random_array(rng, n);
    Eigen::ArrayXXd points(n, 4);
    for (Eigen::Index k = 0; k < 4; ++k) points.col(k) = random_array(rng, n);
    const Eigen::MatrixXd matrix = points.leftCols(3).matrix();
    const std::vector<tradeoff::sense> senses{tradeoff::sense::minimize, tradeoff::sense::maximize,
                                              tradeoff::sense::minimize, tradeoff::sense::maximize};
    const std::vector<tradeoff::sense> senses3(senses.begin(), senses.begin() + 3);

    // Pareto fronts, ranks, hypervolume, staircase, hull, archive.
    unchanged("pareto_front(x, y)", x, [&] { return tradeoff::pareto_front(x, y); });
    unchanged("pareto_front(x, y) on y", y, [&] {
      return tradeoff::pareto_front(x, y, tradeoff::sense::maximize, tradeoff::sense::minimize,
                                    tradeoff::duplicates::keep_first);
    });
    for (const Eigen::Index d : {1, 2, 3, 4}) {
      const Eigen::ArrayXXd block = points.leftCols(d);
      const std::vector<tradeoff::sense> s(senses.begin(), senses.begin() + d);
      unchanged("pareto_front(points)", block, [&] { return tradeoff::pareto_front(block, s); });
      unchanged("pareto_front(points, keep_first)", block,
                [&] { return tradeoff::pareto_front(block, s, tradeoff::duplicates::keep_first); });
      unchanged("pareto_ranks", block, [&] { return tradeoff::pareto_ranks(block, s); });
      const Eigen::ArrayXd reference = Eigen::ArrayXd::Constant(d, 50.0);
      if (d <= 3 || n <= 500) {
        unchanged("hypervolume (points)", block, [&] { return tradeoff::hypervolume(block, reference); });
        unchanged("hypervolume (reference)", reference, [&] { return tradeoff::hypervolume(block, reference, s); });
        unchanged("hypervolume_estimate (points)", block,
                  [&] { return tradeoff::hypervolume_estimate(block, reference, 64, 1, s).value; });
        unchanged("hypervolume_estimate (reference)", reference,
                  [&] { return tradeoff::hypervolume_estimate(block, reference, 64, 1, s).value; });
      }
      if (d <= 3 || n <= 300) {
        // (infinite coordinates make the contributions throw E210: the input must survive that too)
        auto contributions = [&] {
          try {
            return tradeoff::hypervolume_contributions(block, reference, s).size();
          } catch (const std::domain_error&) {
            return Eigen::Index{-1};
          }
        };
        unchanged("hypervolume_contributions (points)", block, contributions);
        unchanged("hypervolume_contributions (reference)", reference, contributions);
      }
      const Eigen::ArrayXXd half = block.topRows(std::min<Eigen::Index>(n, 200));
      if (half.rows() > 0 && !half.isNaN().rowwise().any().all()) {
        unchanged("epsilon_additive (points)", block, [&] { return tradeoff::epsilon_additive(block, half, s); });
        unchanged("igd_plus (reference_set)", half, [&] { return tradeoff::igd_plus(block, half, s); });
        unchanged("avg_hausdorff_distance (points)", block,
                  [&] { return tradeoff::avg_hausdorff_distance(block, half, s, 2.0); });
      }
      unchanged("normalise (points)", block, [&] { return tradeoff::normalise(block, s).size(); });
    }
    unchanged("pareto_front(matrix)", matrix, [&] { return tradeoff::pareto_front(matrix, senses3); });
    unchanged("pareto_ranks(matrix)", matrix, [&] { return tradeoff::pareto_ranks(matrix); });
    const Eigen::ArrayXi front = tradeoff::pareto_front(x, y);
    unchanged("staircase (front)", front, [&] { return tradeoff::staircase(x, y, front); });
    unchanged("staircase (x)", x, [&] { return tradeoff::staircase(x, y, front); });
    Eigen::ArrayXi finite_front(front.size());
    Eigen::Index finite = 0;
    for (Eigen::Index i = 0; i < front.size(); ++i) {
      if (std::isfinite(x(front(i))) && std::isfinite(y(front(i)))) finite_front(finite++) = front(i);
    }
    finite_front.conservativeResize(finite);
    unchanged("lower_hull (front)", finite_front, [&] { return tradeoff::lower_hull(x, y, finite_front); });
    unchanged("lower_hull (y)", y, [&] { return tradeoff::lower_hull(x, y, finite_front); });
    tradeoff::pareto_archive<> archive(3, senses3);
    for (Eigen::Index i = 0; i < std::min<Eigen::Index>(n, 400); ++i) {
      const Eigen::ArrayXd row = points.row(i).head(3).transpose();
      unchanged("pareto_archive::insert", row, [&] { return archive.insert(row, i); });
    }
    const Eigen::ArrayXd reference3 = Eigen::ArrayXd::Constant(3, 50.0);
    unchanged("pareto_archive::hypervolume", reference3, [&] { return archive.hypervolume(reference3); });

    // Quantiles of one array.
    const std::vector<double> levels{0.5, 0.0, 1.0, 0.25, 0.75, 1.0 / 3.0, 0.5};
    const Eigen::ArrayXd level_array = Eigen::Map<const Eigen::ArrayXd>(levels.data(), 7);
    for (int m = 0; m < 13; ++m) {
      const auto method = static_cast<tradeoff::quantile_method>(m);
      unchanged("quantile", x, [&] { return tradeoff::quantile(x, 0.3, method); });
      unchanged("quantiles", x, [&] { return tradeoff::quantiles(x, levels, method); });
      unchanged("quantiles (levels)", levels, [&] { return tradeoff::quantiles(x, levels, method); });
      unchanged("quantiles (Eigen levels)", level_array, [&] { return tradeoff::quantiles(x, level_array, method); });
      unchanged("iqr", x, [&] { return tradeoff::iqr(x, method); });
    }
    unchanged("median", y, [&] { return tradeoff::median(y); });

    // Grouped statistics, for every key type, with and without a mask.
    Eigen::ArrayXi int_keys(n);
    Eigen::ArrayXd float_keys(n);
    Eigen::Array<bool, Eigen::Dynamic, 1> bool_keys(n);
    Eigen::Array<bool, Eigen::Dynamic, 1> mask(n);
    std::vector<std::string> string_keys;
    std::vector<bool> vector_bool_keys;
    for (Eigen::Index i = 0; i < n; ++i) {
      int_keys(i) = static_cast<int>(rng() % 9) - 3;
      float_keys(i) = random_value(rng);
      bool_keys(i) = rng() % 2 == 0;
      mask(i) = rng() % 4 != 0;
      string_keys.push_back(std::string(1 + rng() % 2, static_cast<char>('a' + rng() % 5)));
      vector_bool_keys.push_back(rng() % 3 == 0);
    }
    const auto strings_before = string_keys;
    const auto vector_bool_before = vector_bool_keys;
    tradeoff::group_options first_seen;
    first_seen.sort = false;
    first_seen.dropna = false;
    unchanged("group_by(int)", int_keys, [&] { return tradeoff::group_by(int_keys); });
    unchanged("group_by(double)", float_keys, [&] { return tradeoff::group_by(float_keys, first_seen); });
    unchanged("group_by(bool)", bool_keys, [&] { return tradeoff::group_by(bool_keys); });
    unchanged("group_by(mask)", mask, [&] { return tradeoff::group_by(float_keys, mask); });
    static_cast<void>(tradeoff::group_by(string_keys, first_seen));
    static_cast<void>(tradeoff::group_by(string_keys, mask));
    static_cast<void>(tradeoff::group_by(vector_bool_keys));
    CHECK_MESSAGE(string_keys == strings_before, "group_by(strings) modified its keys");
    CHECK_MESSAGE(vector_bool_keys == vector_bool_before, "group_by(std::vector<bool>) modified its keys");

    const auto g = tradeoff::group_by(float_keys, mask, first_seen);
    const auto codes_before = bytes_of(g.codes());
    const auto sizes_before = bytes_of(g.sizes());
    const auto keys_before = bytes_of(g.keys());
    unchanged("count", x, [&] { return tradeoff::count(g, x); });
    unchanged("size", x, [&] { return tradeoff::group_sizes(g); });
    unchanged("sum", x, [&] { return tradeoff::sum(g, x); });
    unchanged("mean", x, [&] { return tradeoff::mean(g, x); });
    unchanged("var", x, [&] { return tradeoff::var(g, x); });
    unchanged("std", x, [&] { return tradeoff::stddev(g, x, 0); });
    unchanged("min", x, [&] { return tradeoff::minimum(g, x); });
    unchanged("max", x, [&] { return tradeoff::maximum(g, x); });
    unchanged("median (grouped)", x, [&] { return tradeoff::median(g, x); });
    for (int m = 0; m < 13; ++m) {
      const auto method = static_cast<tradeoff::quantile_method>(m);
      unchanged("quantile (grouped)", x, [&] { return tradeoff::quantile(g, x, 0.4, method); });
      unchanged("quantiles (grouped)", x, [&] { return tradeoff::quantiles(g, x, levels, method); });
      unchanged("iqr (grouped)", x, [&] { return tradeoff::iqr(g, x, method); });
      unchanged("summarize", x, [&] { return tradeoff::summarize(g, x, levels, method); });
      unchanged("summarize (levels)", levels, [&] { return tradeoff::summarize(g, x, levels, method); });
    }
    const auto gs = tradeoff::group_by(string_keys);
    unchanged("summarize (string keys)", y, [&] { return tradeoff::summarize(gs, y); });
    CHECK_MESSAGE(bytes_of(g.codes()) == codes_before, "a grouped reduction modified the grouping's codes");
    CHECK_MESSAGE(bytes_of(g.sizes()) == sizes_before, "a grouped reduction modified the grouping's sizes");
    CHECK_MESSAGE(bytes_of(g.keys()) == keys_before, "a grouped reduction modified the grouping's keys");

    // Serving model: the budget arrays (finite, non-negative) and the structs.
    const Eigen::ArrayXd budgets = x.isFinite().select(x.abs(), 1.0) * 100.0;
    unchanged("aggregate_throughput", budgets, [&] { return tradeoff::aggregate_throughput(budgets, 3.5, 90.0); });
    unchanged("throughput_band", budgets, [&] { return tradeoff::throughput_band(budgets, 80, 95, 3.0, 4.0); });
    unchanged("throughput_ratio", budgets, [&] { return tradeoff::throughput_ratio(budgets, 3.5, 90, 7.0, 88); });
    tradeoff::serving_model model;
    model.layout = tradeoff::kv_layout::gqa(8, 128);
    model.n_layers = 32;
    model.weight_bytes = 14e9;
    model.flops_per_token = 14e9;
    tradeoff::serving_model baseline = model;
    baseline.layout = tradeoff::kv_layout::mha(32, 128);
    tradeoff::engine_config engine;
    engine.max_model_len = 4096;
    const tradeoff::gpu_spec gpu = tradeoff::gpu_spec::h100_sxm();
    const Eigen::ArrayXd kv_budgets = budgets * 1e8;
    const Eigen::ArrayXd batches = budgets.head(std::min<Eigen::Index>(n, 50));
    unchanged("serving_throughput_curve", kv_budgets,
              [&] { return tradeoff::serving_throughput_curve(kv_budgets, model, gpu, engine); });
    unchanged("serving_throughput_ratio", kv_budgets,
              [&] { return tradeoff::serving_throughput_ratio(kv_budgets, model, baseline, gpu, engine); });
    unchanged("decode_step_time", batches, [&] { return tradeoff::decode_step_time(model, gpu, engine, batches); });
    static_cast<void>(tradeoff::serving_throughput(model, gpu, engine));
    static_cast<void>(tradeoff::decode_crossover_batch(model, gpu, engine));
    static_cast<void>(tradeoff::kv_capacity_for_kv_memory(model, 20e9, engine));
    CHECK(model.n_layers == 32);
    CHECK(model.weight_bytes == 14e9);
    CHECK(model.layout.kv_heads == 8);
    CHECK(engine.max_model_len == 4096);
    CHECK(engine.gpu_memory_utilization == 0.9);
    CHECK(gpu.name == tradeoff::gpu_spec::h100_sxm().name);
    CHECK(gpu.memory_bytes == tradeoff::gpu_spec::h100_sxm().memory_bytes);
  }

  // The CSV reader: the stream's text is left as it was.
  const std::string text = "a,b,moe\n1,\"x,y\",True\n2,,False\r\n";
  const std::string copy = text;
  std::istringstream in(text);
  const auto table = tradeoff::read_csv(in, "inputs.csv");
  static_cast<void>(table.numeric("a"));
  static_cast<void>(table.booleans("moe"));
  CHECK(text == copy);
}

TEST_CASE("no interval or rank-test function modifies its inputs") {
  std::mt19937_64 rng(31);
  for (const Eigen::Index n : {Eigen::Index{4}, Eigen::Index{37}, Eigen::Index{300}}) {
    Eigen::ArrayXd x = random_array(rng, n);
    Eigen::ArrayXd y = random_array(rng, n + 3);
    x(0) = 1.0;  // at least two valid values in each
    x(1) = 2.0;
    y(0) = -1.0;
    y(1) = 0.5;
    tradeoff::bootstrap_options options;
    options.resamples = 60;
    for (const auto& s : {tradeoff::statistic::mean(), tradeoff::statistic::median(), tradeoff::statistic::iqr(),
                          tradeoff::statistic::quantile(0.2, tradeoff::quantile_method::hazen),
                          tradeoff::statistic::standard_deviation()}) {
      unchanged("bootstrap_interval", x, [&] { return tradeoff::bootstrap_interval(x, s, options); });
      unchanged("bootstrap_interval (x, y)", y, [&] {
        return tradeoff::bootstrap_interval(x, y, s, tradeoff::comparison::difference, options);
      });
    }
    const auto valid = static_cast<Eigen::Index>((x == x).count());
    const Eigen::ArrayXXi indices = Eigen::ArrayXXi::Constant(5, valid, 1);
    unchanged("bootstrap_interval_from_indices", indices,
              [&] { return tradeoff::bootstrap_interval_from_indices(x, tradeoff::statistic::median(), indices); });
    const Eigen::ArrayXi keys = Eigen::ArrayXi::LinSpaced(n, 0, 2);
    const auto g = tradeoff::group_by(keys);
    unchanged("bootstrap_interval (grouped)", x,
              [&] { return tradeoff::bootstrap_interval(g, x, tradeoff::statistic::median(), options); });
    tradeoff::tied_for_best_options best;
    best.bootstrap.resamples = 30;
    unchanged("tied_for_best", x, [&] { return tradeoff::tied_for_best(g, x, tradeoff::sense::minimize, best); });
    unchanged("quantile_interval", x, [&] { return tradeoff::quantile_interval(x, 0.3); });
    unchanged("median_interval", x, [&] { return tradeoff::median_interval(x, 0.9); });
    unchanged("mann_whitney_u", x, [&] { return tradeoff::mann_whitney_u(x, y); });
    unchanged("mann_whitney_u (y)", y, [&] { return tradeoff::mann_whitney_u(x, y); });
    unchanged("cliffs_delta", y, [&] { return tradeoff::cliffs_delta(x, y); });
    unchanged("common_language_effect", x, [&] { return tradeoff::common_language_effect(x, y); });
    unchanged("hodges_lehmann_shift", x, [&] { return tradeoff::hodges_lehmann_shift(x, y); });
    unchanged("hodges_lehmann_interval", y, [&] { return tradeoff::hodges_lehmann_interval(x, y); });
    unchanged("bootstrap_throughput_ratio", y, [&] { return tradeoff::bootstrap_throughput_ratio(x, x, y, y); });
    const Eigen::ArrayXd p = Eigen::ArrayXd::LinSpaced(n, 0.5, 0.0);
    unchanged("holm_adjust", p, [&] { return tradeoff::holm_adjust(p); });
  }
}
