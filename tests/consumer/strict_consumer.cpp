// A consumer that instantiates every public header's templates with several scalar and index
// types, compiled by the consumer tests with a strict warning set and -Werror: a warning that
// tradeoff's headers emit in a user's build (they are not system headers there) fails the test.
#include <tradeoff/tradeoff.hpp>

#include <cstdint>
#include <cstdio>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

namespace {

template <typename Scalar>
Eigen::Array<Scalar, Eigen::Dynamic, 1> column(int a, int b, int c, int d, int e, int f) {
  Eigen::Array<Scalar, Eigen::Dynamic, 1> v(6);
  v << Scalar(a), Scalar(b), Scalar(c), Scalar(d), Scalar(e), Scalar(f);
  return v;
}

// Fronts, ranks, hypervolume, staircase and the archive take floating-point objectives.
template <typename Scalar>
int exercise_fronts() {
  const auto x = column<Scalar>(1, 2, 2, 4, 5, 3), y = column<Scalar>(6, 5, 5, 2, 1, 3);
  int failures = 0;
  const Eigen::ArrayXi front = tradeoff::pareto_front(x, y);
  const Eigen::ArrayXi maxed = tradeoff::pareto_front(x, y, tradeoff::sense::maximize, tradeoff::sense::minimize);
  const Eigen::ArrayXi ranks = tradeoff::pareto_ranks(x, y);
  Eigen::Array<Scalar, Eigen::Dynamic, Eigen::Dynamic> points(6, 3);
  points << x, y, x + y;
  const Eigen::ArrayXi front_3d = tradeoff::pareto_front(points, {}, tradeoff::duplicates::keep_first);
  const Eigen::ArrayXi ranks_3d = tradeoff::pareto_ranks(points);
  Eigen::Array<Scalar, Eigen::Dynamic, Eigen::Dynamic> points_4d(6, 4);
  points_4d << x, y, x + y, y - x;
  const Eigen::ArrayXi front_4d = tradeoff::pareto_front(points_4d);
  Eigen::Array<Scalar, 1, Eigen::Dynamic> reference(2);
  reference << Scalar(10), Scalar(10);
  Eigen::Array<Scalar, Eigen::Dynamic, Eigen::Dynamic> two(6, 2);
  two << x, y;
  const double volume = tradeoff::hypervolume(two, reference);
  Eigen::Array<Scalar, 1, Eigen::Dynamic> reference_3d = Eigen::Array<Scalar, 1, Eigen::Dynamic>::Constant(3, Scalar(20));
  Eigen::Array<Scalar, 1, Eigen::Dynamic> reference_4d = Eigen::Array<Scalar, 1, Eigen::Dynamic>::Constant(4, Scalar(20));
  const double volume_3d = tradeoff::hypervolume(points, reference_3d);
  const double volume_4d = tradeoff::hypervolume(points_4d, reference_4d);
  const Eigen::ArrayXd contributions = tradeoff::hypervolume_contributions(points, reference_3d);
  const Eigen::ArrayXd contributions_4d = tradeoff::hypervolume_contributions(points_4d, reference_4d);
  const Eigen::Index least = tradeoff::least_contributor(two, reference);
  const double epsilon = tradeoff::epsilon_additive(points, points);
  const double ratio = tradeoff::epsilon_multiplicative(two, two, {tradeoff::sense::minimize, tradeoff::sense::maximize});
  const double distance = tradeoff::igd(points, points) + tradeoff::gd(points, points) +
                          tradeoff::igd_plus(points, points) + tradeoff::avg_hausdorff_distance(points, points, {}, 2.0);
  const Eigen::ArrayXXd scaled = tradeoff::normalise(points);
  const Eigen::ArrayXXd generated = tradeoff::generate_ndset(5, 3, tradeoff::ndset_shape::convex_sphere, 1);
  failures += contributions.size() != 6 || contributions_4d.size() != 6 || least < 0 || !(epsilon <= 0.0);
  failures += !(ratio > 0.0) || !(distance >= 0.0) || scaled.rows() != 6 || generated.rows() != 5;
  const tradeoff::staircase_path path = tradeoff::staircase(x, y, front);
  const Eigen::ArrayXi hull = tradeoff::lower_hull(x, y, front);
  failures += front.size() == 0 || maxed.size() == 0 || ranks.size() != 6 || front_3d.size() == 0;
  failures += ranks_3d.size() != 6 || front_4d.size() == 0 || hull.size() == 0;
  failures += !(volume > 0.0) || !(volume_3d > 0.0) || !(volume_4d > 0.0) || path.x.size() == 0;

  tradeoff::pareto_archive<std::int64_t> archive(2);
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    static_cast<void>(archive.insert({static_cast<double>(x(i)), static_cast<double>(y(i))}, i));
  }
  failures += archive.size() == 0 || !(archive.hypervolume(Eigen::Array2d(10.0, 10.0)) > 0.0);
  static_cast<void>(archive.set_size_limit(2, Eigen::Array2d(10.0, 10.0)));
  failures += archive.size() > 2;
  return failures;
}

// Statistics and groupings take any arithmetic type.
template <typename Scalar>
int exercise_statistics() {
  const auto x = column<Scalar>(1, 2, 2, 4, 5, 3), y = column<Scalar>(6, 5, 5, 2, 1, 3);
  int failures = 0;
  const double median = tradeoff::median(x);
  const double q = tradeoff::quantile(y, 0.3, tradeoff::quantile_method::hazen);
  const Eigen::ArrayXd qs = tradeoff::quantiles(x, {0.25, 0.75});
  const double spread = tradeoff::iqr(y);
  failures += !(median > 0.0) || !(q > 0.0) || qs.size() != 2 || !(spread >= 0.0);

  const auto keys = column<Scalar>(1, 2, 1, 3, 2, 1);
  const auto g = tradeoff::group_by(keys);
  const tradeoff::group_summary s = tradeoff::summarize(g, y, {0.25, 0.75});
  failures += tradeoff::count(g, y).size() != 3 || tradeoff::group_sizes(g).size() != 3;
  failures += tradeoff::sum(g, y).size() != 3 || tradeoff::mean(g, y).size() != 3;
  failures += tradeoff::var(g, y).size() != 3 || tradeoff::stddev(g, y).size() != 3;
  failures += tradeoff::minimum(g, y).size() != 3 || tradeoff::maximum(g, y).size() != 3;
  failures += tradeoff::median(g, y).size() != 3 || tradeoff::quantile(g, y, 0.5).size() != 3;
  failures += tradeoff::iqr(g, y).size() != 3 || tradeoff::quantiles(g, y, {0.1, 0.9}).rows() != 3;
  failures += s.count.size() != 3 || s.quantile(0.75).size() != 3 || s.iqr.size() != 3;
  failures += tradeoff::describe(g, y).q50.size() != 3 || tradeoff::idxmin(g, y).size() != 3;
  failures += tradeoff::idxmax(x) != 4 || tradeoff::idxmin(std::vector<double>{2.0, 1.0}) != 1;
  const std::vector<std::string> names = {"a", "b", "a", "c", "b", "a"};
  const tradeoff::row_mask keep = tradeoff::is_in(names, {"a", "b"}) && !tradeoff::equals(names, "c") && x > Scalar(0);
  const auto multi = tradeoff::group_by({{"name", names}, {"key", keys}, {"flag", keep}}, keep);
  failures += multi.groups() != 2 || multi.keys().column("name").text().size() != 2;
  if constexpr (std::is_floating_point_v<Scalar>) {
    failures += tradeoff::pareto_front(x, y, keep).size() == 0 || tradeoff::pareto_front_mask(x, y).size() != 6;
    failures += tradeoff::pareto_ranks(x, y, keep).size() != 6;
  }
  tradeoff::result_table table = tradeoff::key_columns(multi);
  table.add("median", tradeoff::median(multi, y)).add("n", tradeoff::count(multi, y));
  std::ostringstream text;
  tradeoff::write_csv(table.take(Eigen::Array2i(0, 1)), text);
  tradeoff::write_markdown(tradeoff::to_table(g, s), text);
  tradeoff::write_json(tradeoff::describe_table(g, {{"y", tradeoff::describe(g, y)}}), text);
  failures += text.str().empty();
  return failures;
}

// Uncertainty: bootstrap intervals, order-statistic intervals, rank tests, tied for best, and
// the hypervolume estimate.
template <typename Scalar>
int exercise_uncertainty() {
  const auto x = column<Scalar>(1, 2, 2, 4, 5, 3), y = column<Scalar>(6, 5, 5, 2, 1, 3);
  int failures = 0;
  tradeoff::bootstrap_options options;
  options.resamples = 99;
  const auto one = tradeoff::bootstrap_interval(x, tradeoff::statistic::median(), options);
  const auto two = tradeoff::bootstrap_interval(x, y, tradeoff::statistic::mean(), tradeoff::comparison::difference, options);
  const auto keys = column<Scalar>(1, 1, 1, 2, 2, 2);
  const auto g = tradeoff::group_by(keys);
  const auto per_group = tradeoff::bootstrap_interval(g, y, tradeoff::statistic::median(), options);
  const auto order = tradeoff::quantile_interval(x, 0.5, 0.9);
  const auto test = tradeoff::mann_whitney_u(x, y);
  const auto best = tradeoff::tied_for_best(g, y, tradeoff::sense::minimize);
  failures += !(one.low <= one.high) || !(two.low <= two.high) || per_group.low.size() != 2;
  failures += !(order.coverage > 0.0) || !(test.p_value >= 0.0) || best.tied.size() == 0;
  failures += !(tradeoff::cliffs_delta(x, y) <= 1.0) || !(tradeoff::hodges_lehmann_shift(x, y) <= 10.0);
  failures += tradeoff::holm_adjust(Eigen::Array3d(0.01, 0.04, 0.03)).size() != 3;
  Eigen::Array<Scalar, Eigen::Dynamic, Eigen::Dynamic> points(6, 2);
  points << x, y;
  Eigen::Array<Scalar, 1, Eigen::Dynamic> reference = Eigen::Array<Scalar, 1, Eigen::Dynamic>::Constant(2, Scalar(10));
  failures += !(tradeoff::hypervolume_estimate(points, reference, 1000).value > 0.0);
  return failures;
}

int exercise_serving() {
  int failures = 0;
  const Eigen::ArrayXd budgets = tradeoff::log_budgets(500.0, 80000.0, 8);
  failures += tradeoff::aggregate_throughput(budgets, 4.0, 100.0).size() != 8;
  failures += tradeoff::throughput_ratio(budgets, 2.0, 90.0, 4.0, 100.0).size() != 8;
  failures += tradeoff::throughput_band(budgets, 80.0, 120.0, 3.0, 5.0).lo.size() != 8;
  tradeoff::serving_model model;
  model.layout = tradeoff::kv_layout::gqa(8, 128);
  model.n_layers = 32;
  model.weight_bytes = 14e9;
  model.flops_per_token = 14e9;
  tradeoff::serving_model mla = model;
  mla.layout = tradeoff::kv_layout::mla(512, 64);
  tradeoff::engine_config engine;
  engine.max_model_len = 4096;
  const tradeoff::gpu_spec gpu = tradeoff::gpu_spec::h100_sxm();
  const auto capacity = tradeoff::kv_capacity(model, gpu, engine);
  const auto estimate = tradeoff::serving_throughput(model, gpu, engine);
  const Eigen::ArrayXd kv_budgets = Eigen::ArrayXd::LinSpaced(5, 10e9, 50e9);
  const auto curve = tradeoff::serving_throughput_curve(kv_budgets, model, gpu, engine);
  const Eigen::ArrayXd ratio = tradeoff::serving_throughput_ratio(kv_budgets, mla, model, gpu, engine);
  const Eigen::ArrayXd times = tradeoff::decode_step_time(model, gpu, engine, Eigen::ArrayXd::LinSpaced(4, 1.0, 64.0));
  failures += capacity.num_blocks <= 0 || !(estimate.decode.tokens_per_second > 0.0);
  failures += curve.tokens_per_second.size() != 5 || ratio.size() != 5 || times.size() != 4;
  failures += tradeoff::kv_bytes_per_token(tradeoff::kv_layout::mha(32, 128), 32, 2) != 524288;
  // Latency targets, request lengths, tensor parallelism, quantisation, calibration.
  tradeoff::prefill_options prefill;
  prefill.attention_flops_per_token_pair = tradeoff::standard_attention_flops(32, 32, 128).prefill_per_token_pair;
  const tradeoff::request_mix mix{1000.0, 200.0};
  const Eigen::ArrayXd targets = Eigen::ArrayXd::LinSpaced(4, 0.01, 0.1);
  failures += tradeoff::goodput_curve(model, gpu, engine, targets).batch.size() != 4;
  failures += tradeoff::goodput_curve(model, gpu, engine, targets.head(2), prefill, mix).batch.size() != 2;
  failures += !(tradeoff::goodput_at_tpot(model, gpu, engine, 0.05, prefill, mix).step_seconds >= 0.0);
  failures += !(tradeoff::prefill_time(model, gpu, engine, prefill, 100).ttft_seconds > 0.0);
  failures += !(tradeoff::chunked_prefill_step(model, gpu, engine, prefill, mix, 8.0).step_seconds > 0.0);
  const Eigen::ArrayXd prompts = Eigen::ArrayXd::Constant(3, 500.0);
  const Eigen::ArrayXi outputs = Eigen::ArrayXi::Constant(1, 100);
  failures += tradeoff::paged_throughput(model, gpu, engine, prompts, outputs).concurrent_sequences <= 0;
  tradeoff::parallel_config parallel;
  parallel.ranks = 2;
  parallel.hidden_size = 4096;
  failures += tradeoff::tensor_parallel_throughput(model, gpu, engine, parallel).kv_heads_per_rank != 4;
  failures += tradeoff::quantized_bytes(1000, tradeoff::number_format::int4_group()) <= 0;
  failures += tradeoff::quantized_kv_bytes_per_token(model.layout, 32, tradeoff::number_format::fp8()) <= 0;
  const Eigen::ArrayXd batches = (Eigen::ArrayXd(4) << 1, 8, 64, 256).finished();
  const Eigen::ArrayXi contexts = Eigen::ArrayXi::Constant(4, 1024);
  Eigen::ArrayXd seconds(4);
  for (Eigen::Index i = 0; i < 4; ++i) seconds(i) = tradeoff::decode_step(model, gpu, engine, batches(i)).step_seconds;
  const auto fit = tradeoff::calibrate_decode(model, gpu, engine, batches, contexts, 1.0 * seconds);
  failures += tradeoff::predict_step_seconds(fit, model, engine, batches, contexts).size() != 4;
  return failures;
}

}  // namespace

int main() {
  std::istringstream csv("type,cache,loss,moe\nMHA,4,2.0,True\nGQA,1,2.5,False\nMLA,2,1.9,False\nMHA,4,2.2,True\n");
  const tradeoff::table runs = tradeoff::read_csv(csv, "strict.csv");
  const Eigen::ArrayXd cache = runs.numeric("cache");
  const auto by_type = tradeoff::group_by(runs.strings("type"));
  const auto by_moe = tradeoff::group_by(runs.booleans("moe"));
  int failures = tradeoff::median(by_type, cache).size() != 3 || tradeoff::mean(by_moe, cache).size() != 2;
  failures += exercise_fronts<double>() + exercise_fronts<float>();
  failures += exercise_statistics<double>() + exercise_statistics<float>() + exercise_statistics<int>() +
              exercise_statistics<std::int64_t>();
  failures += exercise_uncertainty<double>() + exercise_uncertainty<float>();
  failures += exercise_serving();
  tradeoff::csv_options options;
  options.delimiter = ';';
  std::istringstream semicolons("type;moe\nMHA;True\nGQA;\n");
  const tradeoff::table other = tradeoff::read_csv(semicolons, "semicolons.csv", options);
  failures += other.booleans_with_mask("moe").missing.size() != 2;
  std::printf("tradeoff %s strict consumer: %d failures\n", tradeoff::version_string, failures);
  return failures == 0 ? 0 : 1;
}
