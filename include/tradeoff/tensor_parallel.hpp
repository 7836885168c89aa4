#ifndef TRADEOFF_TENSOR_PARALLEL_HPP
#define TRADEOFF_TENSOR_PARALLEL_HPP

/// @file
/// @brief Serving over N GPUs with tensor parallelism: weights and K/V heads split across ranks
/// (GQA with fewer K/V heads than ranks replicates them, as engines do), MLA's latent cache
/// replicated on every rank under plain tensor parallelism or held once per sequence under
/// data-parallel attention (what DeepSeek-style deployments use), and the all-reduce time per
/// layer from the GPU's interconnect bandwidth. Built on the capacity model and decode roofline
/// of serving.hpp, run for one rank. See docs/tensor_parallel.md.

#include <tradeoff/detail/enum_check.hpp>
#include <tradeoff/detail/kv_cache_core.hpp>
#include <tradeoff/detail/serving_checks.hpp>
#include <tradeoff/detail/serving_core.hpp>
#include <tradeoff/detail/tensor_parallel_core.hpp>
#include <tradeoff/gpu.hpp>
#include <tradeoff/serving_config.hpp>

#include <cstdint>

namespace tradeoff {

/// @brief How attention is parallelised across the ranks.
enum class attention_parallelism {
  tensor,  ///< heads split across ranks (Megatron-style TP; vLLM / SGLang default)
  data     ///< every rank runs attention for its own sequences (DP attention; DeepSeek, SGLang `--enable-dp-attention`, vLLM DP + EP)
};

/// @brief The parallel layout of a deployment.
struct parallel_config {
  std::int64_t ranks = 1;                                 ///< GPUs (tensor-parallel size), >= 1
  attention_parallelism attention = attention_parallelism::tensor;
  std::int64_t hidden_size = 0;                           ///< d_model: elements per token all-reduced (> 0 when ranks > 1)
  std::int64_t activation_bytes_per_element = 2;          ///< bytes per all-reduced element (bf16: 2)
  double attention_weight_bytes = 0.0;                    ///< part of weight_bytes in attention, replicated under `data`
  double all_reduce_latency_seconds = 0.0;                ///< fixed cost of one all-reduce
};

/// @brief One rank and the whole deployment.
struct parallel_estimate {
  std::int64_t ranks = 1;
  std::int64_t kv_heads_per_rank = 0;            ///< K/V heads one rank caches (MLA, MQA: 1)
  std::int64_t kv_replication = 1;               ///< ranks holding a copy of each K/V head / latent
  std::int64_t kv_bytes_per_token_per_rank = 0;  ///< per sequence a rank decodes
  double weight_bytes_per_rank = 0.0;
  capacity_result rank_capacity;                 ///< `kv_capacity` of one rank
  std::int64_t sequences_per_rank = 0;           ///< sequences whose KV one rank holds
  std::int64_t concurrent_sequences = 0;         ///< whole deployment: per rank (tensor) or × ranks (data)
  decode_step_result rank_step;                  ///< one rank's decode step, communication excluded
  double all_reduce_seconds = 0.0;               ///< one all-reduce of the step's activations
  double communication_seconds = 0.0;            ///< 2 × n_layers all-reduces per step
  double step_seconds = 0.0;                     ///< rank_step.step_seconds + communication
  double tokens_per_second = 0.0;                ///< concurrent_sequences / step_seconds
};

/// @brief Capacity, decode step and throughput of `model` served on `parallel.ranks` GPUs of
/// kind `gpu`, each with the engine settings of `engine` (memory utilisation, activations and
/// `max_num_seqs` per engine instance: one for tensor parallelism, one per rank for
/// data-parallel attention).
///
///     tensor: weights/N, FLOPs/N, K/V heads/N (heads < N: one head, replicated N/heads times;
///             MQA and MLA: the whole cache on every rank, replicated N times); every rank
///             holds every sequence → concurrency = one rank's capacity
///     data:   attention weights replicated, the rest /N; each rank holds the whole cache of
///             its own sequences only → concurrency = N × one rank's capacity
///     all-reduce = latency + 2(N − 1)/N × tokens × hidden × bytes / (interconnect / 2)
///     step       = rank step + 2 × n_layers × all-reduce       (after attention and after the MLP)
///
/// @throws std::invalid_argument naming the bad argument (ranks < 1, ranks that do not split the
/// K/V heads, no interconnect bandwidth or hidden size with ranks > 1, attention weights beyond
/// the weights).
/// @note O(1).
[[nodiscard]] inline parallel_estimate tensor_parallel_throughput(const serving_model& model, const gpu_spec& gpu,
                                                                  const engine_config& engine,
                                                                  const parallel_config& parallel) {
  constexpr const char* fn = "tensor_parallel_throughput";
  detail::validate_setup(fn, model, gpu, engine);
  detail::require_positive(fn, "parallel.ranks", parallel.ranks);
  detail::check_enum(parallel.attention, attention_parallelism::data, fn, "parallel.attention",
                     "attention_parallelism", "attention_parallelism::tensor or data");
  detail::require_positive(fn, "parallel.activation_bytes_per_element", parallel.activation_bytes_per_element);
  detail::require_non_negative_finite(fn, "parallel.attention_weight_bytes", parallel.attention_weight_bytes);
  detail::require_non_negative_finite(fn, "parallel.all_reduce_latency_seconds", parallel.all_reduce_latency_seconds);
  if (parallel.attention_weight_bytes > model.weight_bytes) {
    detail::throw_bad_argument(fn, "parallel.attention_weight_bytes",
                               "must not exceed model.weight_bytes (got " +
                                   detail::number_text(parallel.attention_weight_bytes) + ")");
  }
  if (parallel.ranks > 1) {
    detail::require_positive_finite(fn, "gpu.interconnect_bytes_per_s", gpu.interconnect_bytes_per_s);
    detail::require_positive(fn, "parallel.hidden_size", parallel.hidden_size);
  }
  const bool data = parallel.attention == attention_parallelism::data;
  if (!data) detail::validate_head_split(fn, model.layout, parallel.ranks);

  const detail::rank_split split = detail::split_model(model, parallel.ranks, data, parallel.attention_weight_bytes);
  parallel_estimate e;
  e.ranks = parallel.ranks;
  e.kv_heads_per_rank = split.kv_heads_per_rank;
  e.kv_replication = split.kv_replication;
  e.kv_bytes_per_token_per_rank = detail::kv_bytes_per_sequence_core(
      fn, split.model.layout, model.n_layers, model.kv_bytes_per_element, 1, {});
  e.weight_bytes_per_rank = split.model.weight_bytes;
  e.rank_capacity = detail::kv_capacity_core(fn, split.model, gpu, engine);
  e.sequences_per_rank = e.rank_capacity.concurrent_sequences;
  e.concurrent_sequences = detail::checked_multiply(fn, e.sequences_per_rank, split.sequence_groups);
  e.rank_step = detail::decode_step_core(fn, split.model, gpu, engine, static_cast<double>(e.sequences_per_rank));
  const double message = static_cast<double>(e.concurrent_sequences) * static_cast<double>(parallel.hidden_size) *
                         static_cast<double>(parallel.activation_bytes_per_element);
  e.all_reduce_seconds = detail::all_reduce_seconds(parallel.ranks, message, gpu.interconnect_bytes_per_s,
                                                    parallel.all_reduce_latency_seconds);
  e.communication_seconds = 2.0 * static_cast<double>(model.n_layers) * e.all_reduce_seconds;
  e.step_seconds = e.rank_step.step_seconds + e.communication_seconds;
  e.tokens_per_second = e.step_seconds > 0.0 ? static_cast<double>(e.concurrent_sequences) / e.step_seconds : 0.0;
  return e;
}

}  // namespace tradeoff

#endif  // TRADEOFF_TENSOR_PARALLEL_HPP
