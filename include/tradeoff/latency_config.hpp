#ifndef TRADEOFF_LATENCY_CONFIG_HPP
#define TRADEOFF_LATENCY_CONFIG_HPP

/// @file
/// @brief Vocabulary of the latency model (latency.hpp): how prefill is costed
/// (`prefill_options`, `attention_flops`), the arrival mix chunked prefill serves
/// (`request_mix`), and what the functions return (`prefill_result`, `chunked_step_result`,
/// `goodput_result`, `goodput_curve_result`).

#include <tradeoff/serving_config.hpp>

#include <Eigen/Core>

#include <cstdint>

namespace tradeoff {

/// @brief Attention FLOPs of one attention kind, per token pair, over all layers.
struct attention_flops {
  double decode_per_context_token = 0.0;  ///< FLOPs per generated token per cached token (decode)
  double prefill_per_token_pair = 0.0;    ///< FLOPs per (prompt token, earlier-or-same prompt token) pair
};

/// @brief How a prefill is costed: the attention term and the compute efficiency it reaches.
struct prefill_options {
  double attention_flops_per_token_pair = 0.0;  ///< `attention_flops::prefill_per_token_pair`
  double compute_efficiency = 1.0;              ///< achieved / peak FLOP/s in prefill, in (0, 1]
};

/// @brief The steady arrival mix of requests: mean prompt and output lengths, tokens.
///
/// In steady state every request that finishes is replaced by one that arrives, so a decode
/// batch of B sequences carries B × prompt_tokens / output_tokens prefill tokens per step.
struct request_mix {
  double prompt_tokens = 0.0;  ///< mean prompt length (finite, >= 0)
  double output_tokens = 1.0;  ///< mean output length (finite, > 0)
};

/// @brief One prefill and the time to first token it implies.
struct prefill_result {
  std::int64_t prompt_tokens = 0;  ///< P
  double linear_flops = 0.0;       ///< flops_per_token × P
  double attention_flops = 0.0;    ///< attention_flops_per_token_pair × P(P + 1)/2 (causal)
  double flops = 0.0;              ///< linear + attention
  double compute_seconds = 0.0;    ///< flops / (peak × prefill.compute_efficiency)
  double memory_seconds = 0.0;     ///< (weights + P × KV bytes per token) / (bandwidth × memory_efficiency)
  roofline_regime regime = roofline_regime::compute_bound;
  double prefill_seconds = 0.0;    ///< max(compute, memory) + step overhead
  double ttft_seconds = 0.0;       ///< time to first token with no queueing: the prefill
};

/// @brief A decode step of `batch` sequences that also carries chunked prefill (vLLM's default).
struct chunked_step_result {
  double batch = 0.0;                     ///< decode sequences in the step
  double prefill_tokens_per_step = 0.0;   ///< batch × prompt / output
  double tokens_per_step = 0.0;           ///< decode + prefill tokens (compare with max_num_batched_tokens)
  double prefill_flops = 0.0;             ///< FLOPs of the prefill tokens
  double prefill_compute_seconds = 0.0;   ///< prefill_flops / (peak × prefill.compute_efficiency)
  double prefill_flops_share = 0.0;       ///< prefill FLOPs / all FLOPs of the step
  double memory_seconds = 0.0;            ///< decode reads + prefill KV writes
  double compute_seconds = 0.0;           ///< decode compute + prefill compute
  roofline_regime regime = roofline_regime::memory_bound;
  double step_seconds = 0.0;              ///< max(memory, compute) + overhead: the TPOT
  double tpot_increase_seconds = 0.0;     ///< step_seconds − decode_only.step_seconds
  double tokens_per_second = 0.0;         ///< decode tokens/s: batch / step_seconds
  decode_step_result decode_only;         ///< the same batch without prefill
};

/// @brief What bounds the batch at a TPOT target.
enum class goodput_limit {
  latency_target,  ///< a larger batch would miss the target
  capacity,        ///< the capacity model's concurrency is reached first
  target_unmet,    ///< batch 1 already misses the target: the empty result
  no_capacity      ///< the capacity model fits no sequence at all
};

/// @brief Throughput at a time-per-output-token target.
///
/// The empty result (`meets_target == false`, `batch == 0`, `tokens_per_second == 0`) is
/// returned, not thrown, when batch 1 already misses the target (`target_unmet`; then
/// `step_seconds` is batch 1's step, to show by how much) or nothing fits (`no_capacity`).
struct goodput_result {
  double target_seconds = 0.0;               ///< the TPOT target
  bool meets_target = false;                 ///< batch >= 1
  std::int64_t batch = 0;                    ///< largest whole batch whose step <= target, capped by capacity
  std::int64_t capacity_sequences = 0;       ///< the capacity model's concurrency (the cap)
  double step_seconds = 0.0;                 ///< step at `batch` (batch 1's when the target is unmet)
  double tokens_per_second = 0.0;            ///< goodput: batch / step_seconds (0 when empty)
  double unconstrained_step_seconds = 0.0;   ///< step at the capacity
  double unconstrained_tokens_per_second = 0.0;  ///< throughput at the capacity, no target
  goodput_limit limited_by = goodput_limit::no_capacity;
};

/// @brief Goodput against a list of TPOT targets (one attention variant).
struct goodput_curve_result {
  Eigen::ArrayXd targets_seconds;                        ///< the targets, in the order given
  Eigen::Array<std::int64_t, Eigen::Dynamic, 1> batch;   ///< batch per target (0 = target unmet)
  Eigen::ArrayXd step_seconds;                           ///< step per target (NaN when unmet)
  Eigen::ArrayXd tokens_per_second;                      ///< goodput per target (0 when unmet)
  double unconstrained_tokens_per_second = 0.0;          ///< at the capacity, no target
  std::int64_t capacity_sequences = 0;                   ///< the cap
};

}  // namespace tradeoff

#endif  // TRADEOFF_LATENCY_CONFIG_HPP
