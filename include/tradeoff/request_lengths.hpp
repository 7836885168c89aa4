#ifndef TRADEOFF_REQUEST_LENGTHS_HPP
#define TRADEOFF_REQUEST_LENGTHS_HPP

/// @file
/// @brief Capacity and throughput for real request lengths with paging. `kv_capacity` reserves
/// `max_model_len` tokens for every sequence (vLLM's worst-case check, what `max_num_seqs`-style
/// admission uses); with paged attention a sequence holds only the pages of what it has so far.
/// Given prompt and output lengths (fixed, or samples), `paged_throughput` gives the mean KV a
/// running sequence holds over a request's life, the concurrency that fits, the decode step
/// there, and throughput and request rate by Little's law — beside the worst case. See
/// docs/request_lengths.md.

#include <tradeoff/detail/request_lengths_core.hpp>
#include <tradeoff/detail/serving_checks.hpp>
#include <tradeoff/detail/serving_core.hpp>
#include <tradeoff/gpu.hpp>
#include <tradeoff/serving_config.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstdint>

namespace tradeoff {

/// @brief Paged capacity and throughput at given request lengths.
struct paged_estimate {
  std::int64_t requests = 0;                       ///< length samples (pairs)
  double mean_prompt_tokens = 0.0;                 ///< mean P over the samples
  double mean_output_tokens = 0.0;                 ///< mean O over the samples
  double mean_tokens_per_running_sequence = 0.0;   ///< Σ_r Σ_j (P_r + j) / Σ_r O_r
  double mean_blocks_per_running_sequence = 0.0;   ///< Σ_r Σ_j ceil((P_r + j)/block) / Σ_r O_r
  double mean_kv_bytes_per_running_sequence = 0.0; ///< mean blocks × block_bytes (whole pages)
  std::int64_t num_blocks = 0;                     ///< as `kv_capacity`
  std::int64_t memory_limited_sequences = 0;       ///< floor(num_blocks / mean blocks)
  std::int64_t concurrent_sequences = 0;           ///< min(max_num_seqs, memory_limited_sequences)
  capacity_limit limited_by = capacity_limit::no_kv_memory;
  capacity_result worst_case;                      ///< `kv_capacity`: every sequence at max_model_len
  std::int64_t decode_context_tokens = 0;          ///< round(mean tokens per running sequence)
  decode_step_result decode;                       ///< decode step at concurrent_sequences, that context
  double tokens_per_second = 0.0;                  ///< decode.tokens_per_second
  double requests_per_second = 0.0;                ///< Little's law: tokens/s / mean output
  double mean_decode_seconds = 0.0;                ///< mean output × step: concurrency / request rate
};

/// @brief Capacity and throughput when every running sequence holds the pages of what it has
/// so far (paged attention), for prompt and output lengths given as samples or one fixed length.
///
///     mean blocks  = Σ_r Σ_{j=1..O_r} ceil((P_r + j) / block_size) / Σ_r O_r
///     sequences    = min(max_num_seqs, floor(num_blocks / mean blocks))
///     step         = decode_step(batch = sequences, context = round(Σ_r Σ_j (P_r + j) / Σ_r O_r))
///     tokens/s     = sequences / step;  requests/s = tokens/s / mean O  (Little: L = λ W)
///
/// A running sequence is a request picked in proportion to its decode steps, so long outputs
/// weigh more. Steady state: admission keeps the pool full, nothing is preempted, prefill is not
/// in the step (see latency.hpp for that). `worst_case` is `kv_capacity` (reserving
/// max_model_len tokens per sequence, vLLM's admission check).
/// @param prompt_lengths prompt tokens per request: whole numbers >= 0, one value = fixed
/// @param output_lengths output tokens per request: whole numbers >= 1, one value = fixed;
///        the same size as prompt_lengths unless one of them has one value
/// @throws std::invalid_argument naming the bad argument (no samples, NaN, negative or
/// fractional lengths, sizes that do not pair, a request longer than engine.max_model_len);
/// std::domain_error on int64 overflow.
/// @note O(n).
template <typename DerivedPrompt, typename DerivedOutput>
[[nodiscard]] paged_estimate paged_throughput(const serving_model& model, const gpu_spec& gpu,
                                              const engine_config& engine,
                                              const Eigen::ArrayBase<DerivedPrompt>& prompt_lengths,
                                              const Eigen::ArrayBase<DerivedOutput>& output_lengths) {
  constexpr const char* fn = "paged_throughput";
  detail::validate_setup(fn, model, gpu, engine);
  detail::validate_lengths(fn, "prompt_lengths", prompt_lengths, 0.0);
  detail::validate_lengths(fn, "output_lengths", output_lengths, 1.0);
  detail::validate_length_pairs(fn, prompt_lengths, output_lengths, engine.max_model_len);
  const detail::length_sums sums = detail::length_sums_core(fn, prompt_lengths, output_lengths, engine.block_size);

  paged_estimate e;
  e.worst_case = detail::kv_capacity_core(fn, model, gpu, engine);
  e.requests = sums.requests;
  const auto steps = static_cast<double>(sums.decode_steps);
  e.mean_prompt_tokens = static_cast<double>(sums.prompt_tokens) / static_cast<double>(sums.requests);
  e.mean_output_tokens = steps / static_cast<double>(sums.requests);
  e.mean_tokens_per_running_sequence = static_cast<double>(sums.held_tokens) / steps;
  e.mean_blocks_per_running_sequence = static_cast<double>(sums.held_blocks) / steps;
  e.mean_kv_bytes_per_running_sequence =
      e.mean_blocks_per_running_sequence * static_cast<double>(e.worst_case.block_bytes);
  e.num_blocks = e.worst_case.num_blocks;
  e.memory_limited_sequences =
      static_cast<std::int64_t>(std::floor(static_cast<double>(e.num_blocks) / e.mean_blocks_per_running_sequence));
  if (!e.worst_case.fits_weights) {
    e.limited_by = capacity_limit::no_kv_memory;
  } else if (engine.max_num_seqs < e.memory_limited_sequences) {
    e.concurrent_sequences = engine.max_num_seqs;
    e.limited_by = capacity_limit::max_num_seqs;
  } else {
    e.concurrent_sequences = e.memory_limited_sequences;
    e.limited_by = capacity_limit::kv_memory;
  }
  engine_config at_mean = engine;
  e.decode_context_tokens = std::llround(e.mean_tokens_per_running_sequence);
  at_mean.context_tokens = e.decode_context_tokens;
  e.decode = detail::decode_step_core(fn, model, gpu, at_mean, static_cast<double>(e.concurrent_sequences));
  e.tokens_per_second = e.decode.tokens_per_second;
  e.requests_per_second = e.tokens_per_second / e.mean_output_tokens;
  e.mean_decode_seconds = e.mean_output_tokens * e.decode.step_seconds;
  return e;
}

}  // namespace tradeoff

#endif  // TRADEOFF_REQUEST_LENGTHS_HPP
