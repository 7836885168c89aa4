#ifndef TRADEOFF_SERVING_HPP
#define TRADEOFF_SERVING_HPP

/// @file
/// @brief Serving throughput at a memory budget: a vLLM-style KV-cache capacity model and a
/// decode roofline run at the concurrency it allows. Also includes the origin's fixed-VRAM
/// model (fixed_vram.hpp), the GPU presets (gpu.hpp) and the KV-cache sizes (kv_cache.hpp).
///
/// Units: bytes, bytes/s, FLOP/s and seconds throughout; `bytes_per_mb` (1e6) and
/// `bytes_per_mib` (2^20) from kv_layout.hpp convert. Every public function validates its
/// arguments once and names itself and the argument in errors. See docs/serving.md for every
/// formula and its source.

#include <tradeoff/detail/fixed_vram_checks.hpp>
#include <tradeoff/detail/serving_checks.hpp>
#include <tradeoff/detail/serving_core.hpp>
#include <tradeoff/fixed_vram.hpp>
#include <tradeoff/gpu.hpp>
#include <tradeoff/kv_cache.hpp>
#include <tradeoff/serving_config.hpp>

#include <Eigen/Core>

#include <cmath>
#include <limits>

namespace tradeoff {

/// @brief vLLM v1's KV-cache capacity on one GPU.
///
///     requested        = gpu.memory_bytes × gpu_memory_utilization
///     kv_memory        = floor(requested − weight_bytes − activation_bytes)     (0 if negative)
///     page_bytes       = block_size × elements_per_token_per_layer × kv_bytes_per_element
///     num_blocks       = kv_memory // page_bytes // kv_layers
///     blocks_per_seq   = ceil(max_model_len / block_size)
///     max_concurrency  = num_blocks / blocks_per_seq            ("Maximum concurrency ... x")
///     running          = min(max_num_seqs, num_blocks // blocks_per_seq)
///
/// When weights and activations exceed the requested memory the result has
/// `fits_weights == false`, zero blocks and zero sequences, `limited_by == no_kv_memory`; no
/// exception (vLLM itself refuses to start; a sweep wants a zero, not an abort). Every
/// KV-producing layer is treated as full attention (vLLM with the hybrid KV manager disabled);
/// sliding windows only shorten the roofline's reads.
/// @throws std::invalid_argument naming the bad field; std::domain_error on int64 overflow.
/// @note O(1).
[[nodiscard]] inline capacity_result kv_capacity(const serving_model& model, const gpu_spec& gpu,
                                                 const engine_config& engine) {
  constexpr const char* fn = "kv_capacity";
  detail::validate_setup(fn, model, gpu, engine);
  return detail::kv_capacity_core(fn, model, gpu, engine);
}

/// @brief The capacity model for a KV-memory budget given directly (the x axis of the origin's
/// figure): `kv_memory = floor(kv_budget_bytes)`, then as `kv_capacity`. `requested_bytes` is the
/// budget, `fits_weights` is true (weights are outside the budget).
/// @throws std::invalid_argument naming the bad argument (NaN, infinite or negative budget).
/// @note O(1).
[[nodiscard]] inline capacity_result kv_capacity_for_kv_memory(const serving_model& model, double kv_budget_bytes,
                                                               const engine_config& engine) {
  constexpr const char* fn = "kv_capacity_for_kv_memory";
  detail::validate_model(fn, model);
  detail::validate_engine(fn, engine);
  detail::require_non_negative_finite(fn, "kv_budget_bytes", kv_budget_bytes);
  return detail::kv_capacity_for_kv_memory_core(fn, "kv_budget_bytes", model, kv_budget_bytes, engine);
}


/// @brief The decode roofline for `batch` sequences (llm-analysis / LLM-Viewer style):
///
///     memory  = (weight_bytes + batch × kv_bytes_per_sequence(context)) / (bandwidth × memory_efficiency)
///     compute = batch × (flops_per_token + attention_flops_per_context_token × context)
///               / (peak_flops × compute_efficiency)
///     step    = max(memory, compute) + step_overhead_seconds
///
/// with context = engine.context_tokens (or max_model_len when 0). tokens/s = batch / step.
/// A step that takes no time at all (no weights, no KV, no FLOPs, no overhead) reports 0 tokens/s.
/// @param batch sequences decoded together (finite, ≥ 0; need not be an integer)
/// @throws std::invalid_argument naming the bad argument.
/// @note O(1).
[[nodiscard]] inline decode_step_result decode_step(const serving_model& model, const gpu_spec& gpu,
                                                    const engine_config& engine, double batch) {
  constexpr const char* fn = "decode_step";
  detail::validate_setup(fn, model, gpu, engine);
  detail::require_non_negative_finite(fn, "batch", batch);
  return detail::decode_step_core(fn, model, gpu, engine, batch);
}

/// @brief `decode_step(...).step_seconds` for every batch size in `batches` (finite, ≥ 0).
/// @throws std::invalid_argument naming the bad argument.
/// @note O(n).
template <typename DerivedBatches>
[[nodiscard]] Eigen::ArrayXd decode_step_time(const serving_model& model, const gpu_spec& gpu,
                                              const engine_config& engine,
                                              const Eigen::DenseBase<DerivedBatches>& batches) {
  constexpr const char* fn = "decode_step_time";
  detail::validate_setup(fn, model, gpu, engine);
  detail::require_vector(fn, "batches", batches);
  Eigen::ArrayXd out(batches.size());
  for (Eigen::Index i = 0; i < batches.size(); ++i) {
    const double b = static_cast<double>(batches.derived().coeff(i));
    if (!(std::isfinite(b) && b >= 0.0)) {
      detail::throw_bad_argument(fn, "batches", "must be finite and non-negative (got " + detail::number_text(b) +
                                                    " at index " + detail::number_text(i) + ")");
    }
    out(i) = detail::decode_step_core(fn, model, gpu, engine, b).step_seconds;
  }
  return out;
}

/// @brief The batch at which the two roofs meet: memory(B) = compute(B), i.e.
/// B* = (W / bw') / (f / peak' − kv_seq / bw'); below it a step is memory-bound, above it
/// compute-bound. +infinity when the per-sequence compute time never exceeds the per-sequence
/// KV read time (long contexts: decode stays memory-bound at any batch).
/// @throws std::invalid_argument naming the bad argument.
/// @note O(1).
[[nodiscard]] inline double decode_crossover_batch(const serving_model& model, const gpu_spec& gpu,
                                                   const engine_config& engine) {
  constexpr const char* fn = "decode_crossover_batch";
  detail::validate_setup(fn, model, gpu, engine);
  const decode_step_result one = detail::decode_step_core(fn, model, gpu, engine, 1.0);
  const double bandwidth = gpu.bandwidth_bytes_per_s * engine.memory_efficiency;
  const double fixed = model.weight_bytes / bandwidth;                 // memory time at batch 0
  const double per_sequence_memory = one.kv_bytes_per_sequence / bandwidth;
  const double per_sequence_compute = one.compute_seconds;             // compute is linear in B
  const double slope = per_sequence_compute - per_sequence_memory;
  if (!(slope > 0.0)) return std::numeric_limits<double>::infinity();
  return fixed / slope;
}


/// @brief `kv_capacity`, then `decode_step` at its `concurrent_sequences`.
/// @throws std::invalid_argument naming the bad argument.
/// @note O(1).
[[nodiscard]] inline serving_estimate serving_throughput(const serving_model& model, const gpu_spec& gpu,
                                                         const engine_config& engine) {
  constexpr const char* fn = "serving_throughput";
  detail::validate_setup(fn, model, gpu, engine);
  serving_estimate e;
  e.capacity = detail::kv_capacity_core(fn, model, gpu, engine);
  e.decode = detail::decode_step_core(fn, model, gpu, engine, static_cast<double>(e.capacity.concurrent_sequences));
  return e;
}


/// @brief For each KV-memory budget (bytes): `kv_capacity_for_kv_memory`, then `decode_step` at
/// the allowed concurrency. Unlike the origin's line, concurrency is floored to whole pages and
/// sequences and capped by max_num_seqs, and the step time grows with the batch.
/// @param kv_budgets_bytes KV-memory budgets in bytes (finite, ≥ 0); MB → × bytes_per_mb
/// @throws std::invalid_argument naming the bad argument.
/// @note O(n).
template <typename DerivedBudgets>
[[nodiscard]] throughput_curve serving_throughput_curve(const Eigen::DenseBase<DerivedBudgets>& kv_budgets_bytes,
                                                        const serving_model& model, const gpu_spec& gpu,
                                                        const engine_config& engine) {
  constexpr const char* fn = "serving_throughput_curve";
  detail::validate_budgets(fn, kv_budgets_bytes);
  detail::validate_setup(fn, model, gpu, engine);
  return detail::serving_throughput_curve_core(fn, kv_budgets_bytes, model, gpu, engine);
}

/// @brief The extended model's "× vs baseline" per KV budget: tokens/s of `model` divided by
/// tokens/s of `baseline`, both from `serving_throughput_curve`. +infinity where only the
/// baseline fits no sequence, NaN where neither does. It is not constant: ≈ the KV-size ratio
/// while both are KV-memory-limited (floors make it jump at small budgets), falling toward the
/// step-time ratio (≈ 1 when weights dominate the step) once max_num_seqs or compute caps `model`.
/// @throws std::invalid_argument naming the bad argument.
/// @note O(n).
template <typename DerivedBudgets>
[[nodiscard]] Eigen::ArrayXd serving_throughput_ratio(const Eigen::DenseBase<DerivedBudgets>& kv_budgets_bytes,
                                                      const serving_model& model, const serving_model& baseline,
                                                      const gpu_spec& gpu, const engine_config& engine) {
  constexpr const char* fn = "serving_throughput_ratio";
  detail::validate_budgets(fn, kv_budgets_bytes);
  detail::validate_model(fn, model);
  detail::validate_model(fn, baseline, detail::baseline_names);
  detail::validate_engine(fn, engine);
  detail::validate_gpu(fn, gpu);
  const throughput_curve a = detail::serving_throughput_curve_core(fn, kv_budgets_bytes, model, gpu, engine);
  const throughput_curve b = detail::serving_throughput_curve_core(fn, kv_budgets_bytes, baseline, gpu, engine);
  Eigen::ArrayXd out(a.tokens_per_second.size());
  for (Eigen::Index i = 0; i < out.size(); ++i) {
    const double num = a.tokens_per_second(i);
    const double den = b.tokens_per_second(i);
    out(i) = den > 0.0 ? num / den
                       : (num > 0.0 ? std::numeric_limits<double>::infinity() : std::numeric_limits<double>::quiet_NaN());
  }
  return out;
}

}  // namespace tradeoff

#endif  // TRADEOFF_SERVING_HPP
