#ifndef TRADEOFF_LATENCY_HPP
#define TRADEOFF_LATENCY_HPP

/// @file
/// @brief Serving at a latency target: the largest concurrency whose decode step meets a
/// time-per-output-token (TPOT) target and the tokens/s served there ("goodput"), the goodput
/// curve against the target, prefill time and time to first token (TTFT) from prefill FLOPs,
/// and a decode step that carries chunked prefill at a steady arrival mix.
///
/// Built on the capacity model and decode roofline of serving.hpp (the cap on concurrency is
/// `kv_capacity`'s `concurrent_sequences`, the step is `decode_step`'s). Units: bytes, FLOPs,
/// seconds. Every function validates its arguments once and names itself in errors. See
/// docs/latency.md.

#include <tradeoff/detail/latency_core.hpp>
#include <tradeoff/detail/serving_checks.hpp>
#include <tradeoff/detail/serving_core.hpp>
#include <tradeoff/gpu.hpp>
#include <tradeoff/latency_config.hpp>
#include <tradeoff/serving_config.hpp>

#include <Eigen/Core>

#include <cstdint>

namespace tradeoff {

/// @brief Attention FLOPs of MHA, GQA and MQA: QKᵀ and AV over every query head, 2 FLOPs per
/// multiply-add: 4 × n_layers × n_query_heads × head_dim per token pair, in decode and in
/// prefill alike (grouping K/V heads shrinks the cache, not the FLOPs).
/// @throws std::invalid_argument naming a count that is not positive.
/// @note O(1).
[[nodiscard]] inline attention_flops standard_attention_flops(std::int64_t n_layers, std::int64_t n_query_heads,
                                                              std::int64_t head_dim) {
  constexpr const char* fn = "standard_attention_flops";
  detail::require_positive(fn, "n_layers", n_layers);
  detail::require_positive(fn, "n_query_heads", n_query_heads);
  detail::require_positive(fn, "head_dim", head_dim);
  const double per_pair =
      4.0 * static_cast<double>(n_layers) * static_cast<double>(n_query_heads) * static_cast<double>(head_dim);
  return {per_pair, per_pair};
}

/// @brief Attention FLOPs of MLA (DeepSeek-V2/V3). Decode runs the absorbed form over the cached
/// latent: 2 × L × H × ((d_c + d_rope) + d_c) per cached token (scores over latent + RoPE key,
/// then the latent-weighted sum). Prefill runs the expanded form over per-head keys and values:
/// 2 × L × H × ((d_nope + d_rope) + d_v) per token pair.
/// DeepSeek-V3: L 61, H 128, d_c 512, d_rope 64, d_nope 128, d_v 128.
/// @throws std::invalid_argument naming a count that is not positive (rope_dim may be 0).
/// @note O(1).
[[nodiscard]] inline attention_flops mla_attention_flops(std::int64_t n_layers, std::int64_t n_query_heads,
                                                         std::int64_t latent_dim, std::int64_t rope_dim,
                                                         std::int64_t nope_head_dim, std::int64_t v_head_dim) {
  constexpr const char* fn = "mla_attention_flops";
  detail::require_positive(fn, "n_layers", n_layers);
  detail::require_positive(fn, "n_query_heads", n_query_heads);
  detail::require_positive(fn, "latent_dim", latent_dim);
  detail::require_non_negative(fn, "rope_dim", rope_dim);
  detail::require_positive(fn, "nope_head_dim", nope_head_dim);
  detail::require_positive(fn, "v_head_dim", v_head_dim);
  const double lh = 2.0 * static_cast<double>(n_layers) * static_cast<double>(n_query_heads);
  return {lh * static_cast<double>(latent_dim + rope_dim + latent_dim),
          lh * static_cast<double>(nope_head_dim + rope_dim + v_head_dim)};
}

/// @brief Prefill of one prompt and the TTFT it implies (no queueing):
///
///     flops   = flops_per_token × P + attention_flops_per_token_pair × P(P + 1)/2
///     compute = flops / (peak × prefill.compute_efficiency)
///     memory  = (weight_bytes + P × KV bytes per token) / (bandwidth × memory_efficiency)
///     prefill = max(compute, memory) + step_overhead_seconds = TTFT
///
/// @param prompt_tokens P (> 0)
/// @throws std::invalid_argument naming the bad argument.
/// @note O(1).
[[nodiscard]] inline prefill_result prefill_time(const serving_model& model, const gpu_spec& gpu,
                                                 const engine_config& engine, const prefill_options& prefill,
                                                 std::int64_t prompt_tokens) {
  constexpr const char* fn = "prefill_time";
  detail::validate_setup(fn, model, gpu, engine);
  detail::validate_prefill(fn, prefill);
  detail::require_positive(fn, "prompt_tokens", prompt_tokens);
  return detail::prefill_core(fn, model, gpu, engine, prefill, prompt_tokens);
}

/// @brief A decode step of `batch` sequences carrying chunked prefill at a steady arrival mix:
/// B × prompt / output prefill tokens ride in every step (each finished request is replaced by a
/// new one whose prompt is prefilled in chunks alongside the decodes, as vLLM's scheduler does by
/// default). Memory adds the prefill tokens' KV writes, compute adds their FLOPs (linear +
/// attention over (P + 1)/2 keys on average) at prefill.compute_efficiency;
/// step = max(memory, compute) + overhead is the TPOT under that load.
/// @param batch decode sequences (finite, >= 0)
/// @throws std::invalid_argument naming the bad argument.
/// @note O(1).
[[nodiscard]] inline chunked_step_result chunked_prefill_step(const serving_model& model, const gpu_spec& gpu,
                                                              const engine_config& engine,
                                                              const prefill_options& prefill, const request_mix& mix,
                                                              double batch) {
  constexpr const char* fn = "chunked_prefill_step";
  detail::validate_setup(fn, model, gpu, engine);
  detail::validate_prefill(fn, prefill);
  detail::validate_mix(fn, mix);
  detail::require_non_negative_finite(fn, "batch", batch);
  return detail::chunked_step_core(fn, model, gpu, engine, prefill, mix, batch);
}

/// @brief The largest whole batch, at most `kv_capacity(...).concurrent_sequences`, whose decode
/// step takes at most `tpot_seconds`, and the tokens/s served there (goodput). A target batch 1
/// already misses gives the empty result (`meets_target == false`, `limited_by ==
/// goodput_limit::target_unmet`), not an exception.
/// @param tpot_seconds the target (> 0; +infinity = no target)
/// @throws std::invalid_argument naming the bad argument (a target <= 0 or NaN).
/// @note O(log capacity).
[[nodiscard]] inline goodput_result goodput_at_tpot(const serving_model& model, const gpu_spec& gpu,
                                                    const engine_config& engine, double tpot_seconds) {
  constexpr const char* fn = "goodput_at_tpot";
  detail::validate_setup(fn, model, gpu, engine);
  detail::require_target(fn, "tpot_seconds", tpot_seconds);
  const capacity_result capacity = detail::kv_capacity_core(fn, model, gpu, engine);
  return detail::goodput_core(capacity, tpot_seconds, detail::decode_only_step{fn, model, gpu, engine});
}

/// @brief `goodput_at_tpot` with every step carrying the chunked prefill of `mix`
/// (`chunked_prefill_step`): the TPOT target must hold under that load.
/// @throws std::invalid_argument naming the bad argument.
/// @note O(log capacity).
[[nodiscard]] inline goodput_result goodput_at_tpot(const serving_model& model, const gpu_spec& gpu,
                                                    const engine_config& engine, double tpot_seconds,
                                                    const prefill_options& prefill, const request_mix& mix) {
  constexpr const char* fn = "goodput_at_tpot";
  detail::validate_setup(fn, model, gpu, engine);
  detail::validate_prefill(fn, prefill);
  detail::validate_mix(fn, mix);
  detail::require_target(fn, "tpot_seconds", tpot_seconds);
  const capacity_result capacity = detail::kv_capacity_core(fn, model, gpu, engine);
  return detail::goodput_core(capacity, tpot_seconds, detail::chunked_step{fn, model, gpu, engine, prefill, mix});
}

/// @brief `goodput_at_tpot` for every target of `tpot_targets` (seconds): the goodput-vs-target
/// curve of one attention variant. Unmet targets give batch 0, goodput 0 and a NaN step.
/// Goodput never decreases as the target loosens and never exceeds
/// `unconstrained_tokens_per_second`.
/// @throws std::invalid_argument naming the bad argument (a target <= 0 or NaN, by index).
/// @note O(n log capacity).
template <typename DerivedTargets>
[[nodiscard]] goodput_curve_result goodput_curve(const serving_model& model, const gpu_spec& gpu,
                                                 const engine_config& engine,
                                                 const Eigen::ArrayBase<DerivedTargets>& tpot_targets) {
  constexpr const char* fn = "goodput_curve";
  detail::validate_setup(fn, model, gpu, engine);
  detail::validate_targets(fn, tpot_targets);
  const capacity_result capacity = detail::kv_capacity_core(fn, model, gpu, engine);
  return detail::goodput_curve_core(capacity, tpot_targets, detail::decode_only_step{fn, model, gpu, engine});
}

/// @brief `goodput_curve` with chunked prefill of `mix` in every step.
/// @throws std::invalid_argument naming the bad argument.
/// @note O(n log capacity).
template <typename DerivedTargets>
[[nodiscard]] goodput_curve_result goodput_curve(const serving_model& model, const gpu_spec& gpu,
                                                 const engine_config& engine,
                                                 const Eigen::ArrayBase<DerivedTargets>& tpot_targets,
                                                 const prefill_options& prefill, const request_mix& mix) {
  constexpr const char* fn = "goodput_curve";
  detail::validate_setup(fn, model, gpu, engine);
  detail::validate_prefill(fn, prefill);
  detail::validate_mix(fn, mix);
  detail::validate_targets(fn, tpot_targets);
  const capacity_result capacity = detail::kv_capacity_core(fn, model, gpu, engine);
  return detail::goodput_curve_core(capacity, tpot_targets,
                                    detail::chunked_step{fn, model, gpu, engine, prefill, mix});
}

}  // namespace tradeoff

#endif  // TRADEOFF_LATENCY_HPP
