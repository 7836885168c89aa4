#ifndef TRADEOFF_DETAIL_LATENCY_CORE_HPP
#define TRADEOFF_DETAIL_LATENCY_CORE_HPP

/// @file
/// @brief The mechanisms behind latency.hpp: prefill time from prefill FLOPs, a decode step
/// carrying chunked prefill, and the largest batch whose step meets a time-per-output-token
/// target (a binary search over whole batches on the roofline's own step time, so the answer is
/// exactly consistent with `decode_step`). The checks of the latency arguments are here too,
/// each written once. Internal; not part of the API.

#include <tradeoff/detail/kv_cache_core.hpp>
#include <tradeoff/detail/number_text.hpp>
#include <tradeoff/detail/serving_checks.hpp>
#include <tradeoff/detail/serving_core.hpp>
#include <tradeoff/gpu.hpp>
#include <tradeoff/latency_config.hpp>
#include <tradeoff/serving_config.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace tradeoff::detail {

/// @brief Checks the prefill options (`prefill.*`).
inline void validate_prefill(const char* function, const prefill_options& prefill) {
  require_non_negative_finite(function, "prefill.attention_flops_per_token_pair", prefill.attention_flops_per_token_pair);
  require_fraction(function, "prefill.compute_efficiency", prefill.compute_efficiency);
}

/// @brief Checks an arrival mix (`mix.*`): prompt >= 0, output > 0, both finite.
inline void validate_mix(const char* function, const request_mix& mix) {
  require_non_negative_finite(function, "mix.prompt_tokens", mix.prompt_tokens);
  require_positive_finite(function, "mix.output_tokens", mix.output_tokens);
}

/// @brief Checks a TPOT target: positive, not NaN (+infinity allowed: no target).
template <typename Name>
void require_target(const char* function, const Name& argument, double seconds) {
  if (!(seconds > 0.0)) {
    throw_bad_argument(function, argument, "must be positive (got " + number_text(seconds) + ")");
  }
}

/// @brief Validates the targets of a goodput curve (each > 0, not NaN), naming the first bad one by index.
template <typename DerivedTargets>
void validate_targets(const char* function, const Eigen::ArrayBase<DerivedTargets>& targets) {
  for (Eigen::Index i = 0; i < targets.size(); ++i) {
    const double t = static_cast<double>(targets(i));
    if (!(t > 0.0)) {
      throw_bad_argument(function, "tpot_targets",
                         "must be positive (got " + number_text(t) + " at index " + number_text(i) + ")");
    }
  }
}

/// @brief KV bytes per token over every producing layer (no window), for a validated model.
inline double kv_bytes_per_token_of(const char* function, const serving_model& model) {
  return static_cast<double>(
      kv_bytes_per_sequence_core(function, model.layout, model.n_layers, model.kv_bytes_per_element, 1, {}));
}

/// @brief Prefill of one prompt of `prompt_tokens` (> 0) tokens, for validated arguments.
inline prefill_result prefill_core(const char* function, const serving_model& model, const gpu_spec& gpu,
                                   const engine_config& engine, const prefill_options& prefill,
                                   std::int64_t prompt_tokens) {
  prefill_result r;
  const double p = static_cast<double>(prompt_tokens);
  r.prompt_tokens = prompt_tokens;
  r.linear_flops = rounded_product(model.flops_per_token, p);
  r.attention_flops = rounded_product(prefill.attention_flops_per_token_pair, p * (p + 1.0) / 2.0);
  r.flops = r.linear_flops + r.attention_flops;
  r.compute_seconds = r.flops / (gpu.peak_flops * prefill.compute_efficiency);
  const double kv_written = rounded_product(kv_bytes_per_token_of(function, model), p);
  r.memory_seconds = (model.weight_bytes + kv_written) / (gpu.bandwidth_bytes_per_s * engine.memory_efficiency);
  r.regime = r.compute_seconds > r.memory_seconds ? roofline_regime::compute_bound : roofline_regime::memory_bound;
  r.prefill_seconds = std::max(r.compute_seconds, r.memory_seconds) + engine.step_overhead_seconds;
  r.ttft_seconds = r.prefill_seconds;
  return r;
}

/// @brief One decode step of `batch` sequences carrying the chunked prefill of the arrival mix, for
/// validated arguments (see `chunked_prefill_step`).
inline chunked_step_result chunked_step_core(const char* function, const serving_model& model, const gpu_spec& gpu,
                                             const engine_config& engine, const prefill_options& prefill,
                                             const request_mix& mix, double batch) {
  chunked_step_result r;
  r.decode_only = decode_step_core(function, model, gpu, engine, batch);
  r.batch = batch;
  r.prefill_tokens_per_step = batch * mix.prompt_tokens / mix.output_tokens;
  const double decode_flops = r.decode_only.compute_seconds * gpu.peak_flops * engine.compute_efficiency;
  // A prompt token at position i attends to i keys: (P + 1) / 2 on average over the prompt.
  const double flops_per_prefill_token =
      model.flops_per_token + rounded_product(prefill.attention_flops_per_token_pair, (mix.prompt_tokens + 1.0) / 2.0);
  r.prefill_flops = rounded_product(r.prefill_tokens_per_step, flops_per_prefill_token);
  r.prefill_compute_seconds = r.prefill_flops / (gpu.peak_flops * prefill.compute_efficiency);
  const double kv_written = rounded_product(kv_bytes_per_token_of(function, model), r.prefill_tokens_per_step);
  r.memory_seconds =
      r.decode_only.memory_seconds + kv_written / (gpu.bandwidth_bytes_per_s * engine.memory_efficiency);
  r.compute_seconds = r.decode_only.compute_seconds + r.prefill_compute_seconds;
  r.regime = r.compute_seconds > r.memory_seconds ? roofline_regime::compute_bound : roofline_regime::memory_bound;
  r.step_seconds = std::max(r.memory_seconds, r.compute_seconds) + engine.step_overhead_seconds;
  const double total_flops = decode_flops + r.prefill_flops;
  r.prefill_flops_share = total_flops > 0.0 ? r.prefill_flops / total_flops : 0.0;
  r.tpot_increase_seconds = r.step_seconds - r.decode_only.step_seconds;
  r.tokens_per_step = batch + r.prefill_tokens_per_step;
  r.tokens_per_second = r.step_seconds > 0.0 ? batch / r.step_seconds : 0.0;
  return r;
}

/// @brief The largest whole batch in [1, cap] whose `step(batch)` is at most `target`, or 0 when
/// batch 1 already misses (or cap is 0). `step` must not decrease with the batch (the roofline's
/// step is a maximum of lines with non-negative slopes plus a constant). O(log cap) steps.
template <typename StepSeconds>
std::int64_t largest_batch_meeting(std::int64_t cap, double target, StepSeconds&& step) {
  if (cap <= 0 || !(step(1) <= target)) return 0;
  std::int64_t good = 1;
  std::int64_t bad = cap + 1;  // sentinel: treated as missing
  if (step(cap) <= target) return cap;
  bad = cap;
  while (bad - good > 1) {
    const std::int64_t mid = good + (bad - good) / 2;
    if (step(mid) <= target) good = mid;
    else bad = mid;
  }
  return good;
}

/// @brief Goodput at a TPOT target for validated arguments; `step(b)` returns the step seconds
/// and `throughput(b)` the tokens/s at batch b (both for the same step model).
template <typename StepSeconds>
goodput_result goodput_core(const capacity_result& capacity, double target, StepSeconds&& step) {
  goodput_result g;
  g.target_seconds = target;
  g.capacity_sequences = capacity.concurrent_sequences;
  const std::int64_t cap = capacity.concurrent_sequences;
  if (cap > 0) {
    const double at_cap = step(cap);
    g.unconstrained_step_seconds = at_cap;
    g.unconstrained_tokens_per_second = at_cap > 0.0 ? static_cast<double>(cap) / at_cap : 0.0;
  }
  auto step_of = [&](std::int64_t b) { return step(b); };
  g.batch = largest_batch_meeting(cap, target, step_of);
  if (cap <= 0) {
    g.limited_by = goodput_limit::no_capacity;
  } else if (g.batch == 0) {
    g.limited_by = goodput_limit::target_unmet;
    g.step_seconds = step(1);  // what batch 1 takes: how far the target is missed
  } else {
    g.limited_by = g.batch == cap ? goodput_limit::capacity : goodput_limit::latency_target;
    g.step_seconds = step(g.batch);
    g.tokens_per_second = g.step_seconds > 0.0 ? static_cast<double>(g.batch) / g.step_seconds : 0.0;
  }
  g.meets_target = g.batch > 0;
  return g;
}

/// @brief The step-time function of a plain decode step (no prefill in the step).
struct decode_only_step {
  const char* function;
  const serving_model& model;
  const gpu_spec& gpu;
  const engine_config& engine;
  double operator()(std::int64_t batch) const {
    return decode_step_core(function, model, gpu, engine, static_cast<double>(batch)).step_seconds;
  }
};

/// @brief The step-time function of a decode step carrying chunked prefill.
struct chunked_step {
  const char* function;
  const serving_model& model;
  const gpu_spec& gpu;
  const engine_config& engine;
  const prefill_options& prefill;
  const request_mix& mix;
  double operator()(std::int64_t batch) const {
    return chunked_step_core(function, model, gpu, engine, prefill, mix, static_cast<double>(batch)).step_seconds;
  }
};

/// @brief `goodput_curve` for validated targets (each > 0, not NaN) and a step-time function.
template <typename DerivedTargets, typename StepSeconds>
goodput_curve_result goodput_curve_core(const capacity_result& capacity, const Eigen::ArrayBase<DerivedTargets>& targets,
                                        StepSeconds&& step) {
  const Eigen::Index n = targets.size();
  goodput_curve_result c{Eigen::ArrayXd(n), Eigen::Array<std::int64_t, Eigen::Dynamic, 1>(n), Eigen::ArrayXd(n),
                         Eigen::ArrayXd(n), 0.0, capacity.concurrent_sequences};
  for (Eigen::Index i = 0; i < n; ++i) {
    const goodput_result g = goodput_core(capacity, static_cast<double>(targets(i)), step);
    c.targets_seconds(i) = g.target_seconds;
    c.batch(i) = g.batch;
    c.step_seconds(i) = g.meets_target ? g.step_seconds : std::numeric_limits<double>::quiet_NaN();
    c.tokens_per_second(i) = g.tokens_per_second;
    c.unconstrained_tokens_per_second = g.unconstrained_tokens_per_second;
  }
  return c;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_LATENCY_CORE_HPP
