#ifndef TRADEOFF_SERVING_CONFIG_HPP
#define TRADEOFF_SERVING_CONFIG_HPP

/// @file
/// @brief Vocabulary of the capacity model and decode roofline (serving.hpp): what a model and
/// an engine are (`serving_model`, `engine_config`) and what the functions return, with every
/// intermediate (`capacity_result`, `decode_step_result`, `serving_estimate`,
/// `throughput_curve`).

#include <tradeoff/kv_layout.hpp>

#include <Eigen/Core>

#include <cstdint>

namespace tradeoff {

/// @brief The model side of a serving estimate.
struct serving_model {
  kv_layout layout;                         ///< what one layer caches per token
  std::int64_t n_layers = 0;                ///< transformer layers
  std::int64_t kv_bytes_per_element = 2;    ///< KV dtype bytes: 2 fp16/bf16, 1 fp8, 4 fp32
  kv_cache_options kv_options{};            ///< sliding window / cross-layer sharing
  double weight_bytes = 0.0;                ///< resident weights, bytes; all read once per decode step
  double flops_per_token = 0.0;             ///< FLOPs per generated token outside attention (≈ 2 × parameters)
  double attention_flops_per_context_token = 0.0;  ///< extra FLOPs per generated token per context token
};

/// @brief The engine side: vLLM's knobs and the roofline's efficiencies.
struct engine_config {
  double gpu_memory_utilization = 0.9;  ///< vLLM `gpu_memory_utilization`, in (0, 1]
  double activation_bytes = 0.0;        ///< peak activations + non-torch memory, bytes (vLLM profiles it)
  std::int64_t block_size = 16;         ///< tokens per KV page (vLLM CUDA default 16; FlashMLA 64)
  std::int64_t max_num_seqs = 256;      ///< vLLM `max_num_seqs`
  std::int64_t max_model_len = 0;       ///< tokens reserved per request (vLLM `max_model_len`), > 0
  std::int64_t context_tokens = 0;      ///< tokens attended per sequence in decode; 0 = max_model_len
  double memory_efficiency = 1.0;       ///< achieved / peak bandwidth, in (0, 1]
  double compute_efficiency = 1.0;      ///< achieved / peak FLOP/s, in (0, 1]
  double step_overhead_seconds = 0.0;   ///< fixed cost per decode step (launches, sampling, scheduling)
};

/// @brief What limits the number of running sequences.
enum class capacity_limit {
  kv_memory,     ///< the KV pages run out first
  max_num_seqs,  ///< the scheduler's cap binds first
  no_kv_memory   ///< weights + activations leave no KV memory at all (zero capacity)
};

/// @brief Every intermediate of the capacity model (vLLM v1 `kv_cache_utils`).
struct capacity_result {
  double requested_bytes = 0.0;            ///< total memory × utilisation
  bool fits_weights = false;               ///< false: weights + activations ≥ requested → zero capacity
  std::int64_t kv_memory_bytes = 0;        ///< floor(requested − weights − activations), or 0
  std::int64_t kv_layers = 0;              ///< layers owning a cache (cross-layer sharing applied)
  std::int64_t page_bytes = 0;             ///< one block of one layer: block_size × per-layer bytes/token
  std::int64_t block_bytes = 0;            ///< one block over all kv_layers
  std::int64_t num_blocks = 0;             ///< kv_memory_bytes // page_bytes // kv_layers
  std::int64_t kv_cache_tokens = 0;        ///< num_blocks × block_size ("GPU KV cache size")
  std::int64_t blocks_per_sequence = 0;    ///< ceil(max_model_len / block_size)
  double max_concurrency = 0.0;            ///< num_blocks / blocks_per_sequence (vLLM's log line)
  std::int64_t memory_limited_sequences = 0;  ///< floor(num_blocks / blocks_per_sequence)
  std::int64_t concurrent_sequences = 0;   ///< min(max_num_seqs, memory_limited_sequences)
  capacity_limit limited_by = capacity_limit::no_kv_memory;
};

/// @brief Which roof a decode step sits under.
enum class roofline_regime { memory_bound, compute_bound };

/// @brief One decode step of `batch` sequences.
struct decode_step_result {
  double batch = 0.0;                   ///< sequences decoded together
  double kv_bytes_per_sequence = 0.0;   ///< KV bytes one sequence reads per step (window applied)
  double memory_seconds = 0.0;          ///< (weights + batch × kv_bytes_per_sequence) / (bandwidth × eff)
  double compute_seconds = 0.0;         ///< batch × flops per token / (peak × eff)
  double step_seconds = 0.0;            ///< max(memory, compute) + overhead
  roofline_regime regime = roofline_regime::memory_bound;  ///< compute_bound iff compute > memory
  double tokens_per_second = 0.0;       ///< aggregate: batch / step_seconds
  double tokens_per_second_per_sequence = 0.0;  ///< 1 / step_seconds
};

/// @brief Capacity and decode speed at the concurrency the capacity model allows.
struct serving_estimate {
  capacity_result capacity;  ///< how many sequences run
  decode_step_result decode; ///< the decode step at batch = capacity.concurrent_sequences
};

/// @brief Throughput against a KV-memory budget: the extended model's version of the origin's curve.
struct throughput_curve {
  Eigen::Array<std::int64_t, Eigen::Dynamic, 1> concurrent_sequences;  ///< per budget
  Eigen::ArrayXd step_seconds;       ///< decode step time per budget
  Eigen::ArrayXd tokens_per_second;  ///< aggregate tokens/s per budget
};

}  // namespace tradeoff

#endif  // TRADEOFF_SERVING_CONFIG_HPP
