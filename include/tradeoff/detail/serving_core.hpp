#ifndef TRADEOFF_DETAIL_SERVING_CORE_HPP
#define TRADEOFF_DETAIL_SERVING_CORE_HPP

/// @file
/// @brief The capacity model and decode roofline behind serving.hpp: the checks of a model, an
/// engine and a GPU (each written once, naming the public function the user called and the
/// argument, e.g. "baseline.n_layers"), and the unchecked cores that public functions call
/// after validating once. Internal; not part of the API.

#include <tradeoff/detail/float_exact.hpp>
#include <tradeoff/detail/kv_cache_core.hpp>
#include <tradeoff/detail/number_text.hpp>
#include <tradeoff/detail/serving_checks.hpp>
#include <tradeoff/gpu.hpp>
#include <tradeoff/serving_config.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

namespace tradeoff::detail {

/// @brief How errors name a model argument and its nested fields.
struct model_argument {
  const char* name;        ///< "model"
  const char* layout;      ///< "model.layout"
  const char* kv_options;  ///< "model.kv_options"
  const char* n_layers;    ///< "model.n_layers"
};
inline constexpr model_argument model_names{"model", "model.layout", "model.kv_options", "model.n_layers"};
inline constexpr model_argument baseline_names{"baseline", "baseline.layout", "baseline.kv_options",
                                               "baseline.n_layers"};

/// @brief Checks a model; `names` says whether it is `model` or `baseline` in messages.
inline void validate_model(const char* function, const serving_model& model,
                           const model_argument& names = model_names) {
  validate_layout(function, model.layout, names.layout);
  require_positive(function, names.n_layers, model.n_layers);
  require_positive(function, field_name{names.name, ".kv_bytes_per_element"}, model.kv_bytes_per_element);
  require_non_negative_finite(function, field_name{names.name, ".weight_bytes"}, model.weight_bytes);
  require_non_negative_finite(function, field_name{names.name, ".flops_per_token"}, model.flops_per_token);
  require_non_negative_finite(function, field_name{names.name, ".attention_flops_per_context_token"},
                              model.attention_flops_per_context_token);
  validate_kv_options(function, model.kv_options, model.n_layers, names.kv_options, names.n_layers);
}

/// @brief Checks an engine configuration.
inline void validate_engine(const char* function, const engine_config& engine) {
  require_fraction(function, "engine.gpu_memory_utilization", engine.gpu_memory_utilization);
  require_non_negative_finite(function, "engine.activation_bytes", engine.activation_bytes);
  require_positive(function, "engine.block_size", engine.block_size);
  require_positive(function, "engine.max_num_seqs", engine.max_num_seqs);
  require_positive(function, "engine.max_model_len", engine.max_model_len);
  require_non_negative(function, "engine.context_tokens", engine.context_tokens);
  require_fraction(function, "engine.memory_efficiency", engine.memory_efficiency);
  require_fraction(function, "engine.compute_efficiency", engine.compute_efficiency);
  require_non_negative_finite(function, "engine.step_overhead_seconds", engine.step_overhead_seconds);
}

/// @brief Checks a GPU's figures.
inline void validate_gpu(const char* function, const gpu_spec& gpu) {
  require_positive_finite(function, "gpu.memory_bytes", gpu.memory_bytes);
  require_positive_finite(function, "gpu.bandwidth_bytes_per_s", gpu.bandwidth_bytes_per_s);
  require_positive_finite(function, "gpu.peak_flops", gpu.peak_flops);
}

/// @brief Model, engine and GPU, in that order.
inline void validate_setup(const char* function, const serving_model& model, const gpu_spec& gpu,
                           const engine_config& engine) {
  validate_model(function, model);
  validate_engine(function, engine);
  validate_gpu(function, gpu);
}

/// @brief floor(bytes) as int64; `argument` is named when it does not fit.
inline std::int64_t floor_to_bytes(const char* function, const char* argument, double bytes) {
  if (bytes >= 9.2e18) throw_bad_argument(function, argument, "is too large for an int64 byte count");
  return static_cast<std::int64_t>(std::floor(bytes));
}

/// @brief Capacity from KV memory already known (bytes, >= 0); fills everything but the memory
/// fields. Validated arguments; overflow is reported as `function`.
inline void fill_capacity(const char* function, const serving_model& model, const engine_config& engine,
                          std::int64_t kv_memory_bytes, capacity_result& r) {
  r.kv_memory_bytes = kv_memory_bytes;
  r.kv_layers = producing_layers(model.n_layers, model.kv_options);
  r.page_bytes = checked_multiply(
      function, checked_multiply(function, engine.block_size, elements_per_token_per_layer(function, model.layout)),
      model.kv_bytes_per_element);
  r.block_bytes = checked_multiply(function, r.page_bytes, r.kv_layers);
  r.num_blocks = kv_memory_bytes / r.page_bytes / r.kv_layers;
  r.kv_cache_tokens = checked_multiply(function, r.num_blocks, engine.block_size);
  r.blocks_per_sequence = ceil_divide(engine.max_model_len, engine.block_size);
  r.max_concurrency = static_cast<double>(r.num_blocks) / static_cast<double>(r.blocks_per_sequence);
  r.memory_limited_sequences = r.num_blocks / r.blocks_per_sequence;
  if (engine.max_num_seqs < r.memory_limited_sequences) {
    r.concurrent_sequences = engine.max_num_seqs;
    r.limited_by = capacity_limit::max_num_seqs;
  } else {
    r.concurrent_sequences = r.memory_limited_sequences;
    r.limited_by = capacity_limit::kv_memory;
  }
}

/// @brief vLLM v1's capacity on one GPU, for validated arguments (see `kv_capacity`).
inline capacity_result kv_capacity_core(const char* function, const serving_model& model, const gpu_spec& gpu,
                                        const engine_config& engine) {
  capacity_result r;
  r.requested_bytes = gpu.memory_bytes * engine.gpu_memory_utilization;
  const double free_bytes = r.requested_bytes - model.weight_bytes - engine.activation_bytes;
  r.fits_weights = free_bytes > 0.0;
  fill_capacity(function, model, engine, r.fits_weights ? floor_to_bytes(function, "gpu.memory_bytes", free_bytes) : 0,
                r);
  if (!r.fits_weights) r.limited_by = capacity_limit::no_kv_memory;
  return r;
}

/// @brief The capacity for a KV budget (finite, >= 0), for validated arguments; `argument` names
/// the budget if it does not fit an int64 byte count.
inline capacity_result kv_capacity_for_kv_memory_core(const char* function, const char* argument,
                                                      const serving_model& model, double kv_budget_bytes,
                                                      const engine_config& engine) {
  capacity_result r;
  r.requested_bytes = kv_budget_bytes;
  r.fits_weights = true;
  fill_capacity(function, model, engine, floor_to_bytes(function, argument, kv_budget_bytes), r);
  return r;
}

/// @brief Tokens attended per sequence in decode: `context_tokens`, or `max_model_len` when 0.
constexpr std::int64_t decode_context(const engine_config& engine) noexcept {
  return engine.context_tokens == 0 ? engine.max_model_len : engine.context_tokens;
}

/// @brief One decode step of `batch` (finite, >= 0) sequences, for validated arguments.
inline decode_step_result decode_step_core(const char* function, const serving_model& model, const gpu_spec& gpu,
                                           const engine_config& engine, double batch) {
  decode_step_result s;
  s.batch = batch;
  const std::int64_t context = decode_context(engine);
  s.kv_bytes_per_sequence = static_cast<double>(kv_bytes_per_sequence_core(
      function, model.layout, model.n_layers, model.kv_bytes_per_element, context, model.kv_options));
  const double bandwidth = gpu.bandwidth_bytes_per_s * engine.memory_efficiency;
  const double flops = gpu.peak_flops * engine.compute_efficiency;
  const double per_token_flops =
      model.flops_per_token + rounded_product(model.attention_flops_per_context_token, static_cast<double>(context));
  s.memory_seconds = (model.weight_bytes + rounded_product(batch, s.kv_bytes_per_sequence)) / bandwidth;
  s.compute_seconds = rounded_product(batch, per_token_flops) / flops;
  s.regime = s.compute_seconds > s.memory_seconds ? roofline_regime::compute_bound : roofline_regime::memory_bound;
  s.step_seconds = std::max(s.memory_seconds, s.compute_seconds) + engine.step_overhead_seconds;
  s.tokens_per_second_per_sequence = s.step_seconds > 0.0 ? 1.0 / s.step_seconds : 0.0;
  s.tokens_per_second = s.step_seconds > 0.0 ? batch / s.step_seconds : 0.0;
  return s;
}

/// @brief `serving_throughput_curve` for validated budgets, model, GPU and engine.
template <typename DerivedBudgets>
throughput_curve serving_throughput_curve_core(const char* function, const Eigen::DenseBase<DerivedBudgets>& budgets,
                                               const serving_model& model, const gpu_spec& gpu,
                                               const engine_config& engine) {
  const Eigen::Index n = budgets.size();
  throughput_curve c{Eigen::Array<std::int64_t, Eigen::Dynamic, 1>(n), Eigen::ArrayXd(n), Eigen::ArrayXd(n)};
  for (Eigen::Index i = 0; i < n; ++i) {
    const capacity_result cap =
        kv_capacity_for_kv_memory_core(function, "budgets", model, static_cast<double>(budgets.derived().coeff(i)), engine);
    const decode_step_result s =
        decode_step_core(function, model, gpu, engine, static_cast<double>(cap.concurrent_sequences));
    c.concurrent_sequences(i) = cap.concurrent_sequences;
    c.step_seconds(i) = s.step_seconds;
    c.tokens_per_second(i) = s.tokens_per_second;
  }
  return c;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_SERVING_CORE_HPP
