#ifndef TRADEOFF_SERVING_HPP
#define TRADEOFF_SERVING_HPP

/// @file
/// @brief Serving-throughput models: the origin's fixed-VRAM linear model (exact parity with its
/// numpy code), a vLLM-style KV-cache capacity model, and a decode roofline.
///
/// Units. The origin's functions take the caller's units: budget and cache only need to agree
/// (the origin uses decimal MB, 1 MB = 1e6 bytes); throughput comes out in the unit of
/// `tps_per_seq` (tokens/s). The capacity model and the roofline use bytes, bytes/s, FLOP/s and
/// seconds throughout; `bytes_per_mb` (1e6) and `bytes_per_mib` (2^20) from kv_cache.hpp convert.
/// See docs/serving.md for every formula and its source.

#include <tradeoff/detail/float_exact.hpp>
#include <tradeoff/detail/serving_checks.hpp>
#include <tradeoff/detail/serving_numpy.hpp>
#include <tradeoff/gpu.hpp>
#include <tradeoff/kv_cache.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace tradeoff {

// ---------------------------------------------------------------------------------------------
// The origin's model
// ---------------------------------------------------------------------------------------------

/// @brief `numpy.logspace(start_exponent, stop_exponent, n)` (base 10, endpoint included).
///
/// The exponents are numpy 1.24's `linspace`, reproduced bit for bit (see
/// detail::numpy_linspace; no FMA contraction even under `-march=native -ffp-contract=fast`);
/// each value is then `std::pow(10.0, exponent)`. numpy evaluates that power with its own
/// (SIMD/SVML) `power` loop on CPUs with AVX-512, which is not always correctly rounded, while
/// glibc's `pow` nearly always is: results equal numpy's to within 1 ulp, and equal
/// `[math.pow(10, e) for e in numpy.linspace(...)]` bit for bit on glibc.
/// @param start_exponent first exponent (finite)
/// @param stop_exponent  last exponent (finite)
/// @param n              number of values (≥ 0)
/// @return n values, 10^exponent
/// @throws std::invalid_argument naming the bad argument.
/// @note O(n).
[[nodiscard]] inline Eigen::ArrayXd log_space(double start_exponent, double stop_exponent, Eigen::Index n) {
  constexpr const char* fn = "log_space";
  if (!std::isfinite(start_exponent)) detail::throw_bad_argument(fn, "start_exponent", "must be finite");
  if (!std::isfinite(stop_exponent)) detail::throw_bad_argument(fn, "stop_exponent", "must be finite");
  detail::require_non_negative(fn, "n", static_cast<std::int64_t>(n));
  Eigen::ArrayXd y = detail::numpy_linspace(start_exponent, stop_exponent, n);
  for (Eigen::Index i = 0; i < n; ++i) y(i) = std::pow(10.0, y(i));
  return y;
}

/// @brief The origin's budget grid: `numpy.logspace(numpy.log10(lo), numpy.log10(hi), n)`,
/// e.g. `log_budgets(500, 80000, 300)` in MB.
///
/// The exponents are `std::log10(lo)` and `std::log10(hi)` (glibc), then `log_space`. numpy's
/// own scalar `log10` differs from glibc's in the last bit for a few per cent of inputs; where it
/// does, the result moves by a few ulps. For the origin's (500, 80000, 300) both agree and every
/// value is within 1 ulp of numpy (tests/data/golden_serving_logspace.txt).
/// @param lo first budget (> 0, finite), any unit
/// @param hi last budget (> 0, finite), same unit; lo > hi gives a descending grid as numpy does
/// @param n  number of budgets (≥ 0)
/// @return n budgets in the unit of lo and hi
/// @throws std::invalid_argument naming the bad argument (non-positive, NaN or infinite bound,
/// negative n).
/// @note O(n).
[[nodiscard]] inline Eigen::ArrayXd log_budgets(double lo, double hi, Eigen::Index n) {
  constexpr const char* fn = "log_budgets";
  detail::require_positive_finite(fn, "lo", lo);
  detail::require_positive_finite(fn, "hi", hi);
  detail::require_non_negative(fn, "n", static_cast<std::int64_t>(n));
  return log_space(std::log10(lo), std::log10(hi), n);
}

namespace detail {
template <typename Derived>
void validate_budgets(const char* function, const Eigen::ArrayBase<Derived>& budgets) {
  for (Eigen::Index i = 0; i < budgets.size(); ++i) {
    const double b = static_cast<double>(budgets(i));
    if (!(std::isfinite(b) && b >= 0.0)) {
      throw_bad_argument(function, "budgets",
                         "must be finite and non-negative (got " + number_text(b) + " at index " + number_text(i) + ")");
    }
  }
}

inline void validate_ratio_arguments(double cache, double tps, double baseline_cache, double baseline_tps) {
  constexpr const char* fn = "throughput_ratio";
  require_positive_finite(fn, "cache", cache);
  require_non_negative_finite(fn, "tps", tps);
  require_positive_finite(fn, "baseline_cache", baseline_cache);
  require_positive_finite(fn, "baseline_tps", baseline_tps);
}
}  // namespace detail

/// @brief The origin's aggregate throughput: `(budgets / cache_per_seq) * tps_per_seq`,
/// element by element, in exactly that order (the origin's `(budgets_mb / cache) * tps`).
///
/// The number of sequences that fit is taken as the real number budget / cache (no floor, no
/// weights, no paging), each running at its batch-1 speed.
/// @param budgets       KV-cache budgets (finite, ≥ 0), same unit as cache_per_seq (origin: MB)
/// @param cache_per_seq KV cache of one sequence (finite, > 0)
/// @param tps_per_seq   tokens/s of one sequence (finite, ≥ 0)
/// @return aggregate tokens/s per budget (unit of tps_per_seq)
/// @throws std::invalid_argument naming the bad argument (NaN, infinite, negative budget;
/// cache ≤ 0 or NaN; tps negative or NaN).
/// @note O(n).
template <typename DerivedBudgets>
[[nodiscard]] Eigen::ArrayXd aggregate_throughput(const Eigen::ArrayBase<DerivedBudgets>& budgets,
                                                  double cache_per_seq, double tps_per_seq) {
  constexpr const char* fn = "aggregate_throughput";
  detail::validate_budgets(fn, budgets);
  detail::require_positive_finite(fn, "cache_per_seq", cache_per_seq);
  detail::require_non_negative_finite(fn, "tps_per_seq", tps_per_seq);
  Eigen::ArrayXd out(budgets.size());
  for (Eigen::Index i = 0; i < budgets.size(); ++i) {
    out(i) = (static_cast<double>(budgets(i)) / cache_per_seq) * tps_per_seq;
  }
  return out;
}

/// @brief The origin's uncertainty band.
struct throughput_band_result {
  Eigen::ArrayXd lo;  ///< budget / cache_q3 × tps_q1 (pessimistic)
  Eigen::ArrayXd hi;  ///< budget / cache_q1 × tps_q3 (optimistic)
};

/// @brief The origin's IQR band: lo = (budget / cache_q3) × tps_q1, hi = (budget / cache_q1) × tps_q3.
/// @param budgets  budgets (finite, ≥ 0), unit of the caches
/// @param tps_q1   first quartile of tokens/s per sequence (finite, ≥ 0)
/// @param tps_q3   third quartile (finite, ≥ tps_q1)
/// @param cache_q1 first quartile of cache per sequence (finite, > 0)
/// @param cache_q3 third quartile (finite, ≥ cache_q1)
/// @return {lo, hi}, each of the size of budgets
/// @throws std::invalid_argument naming the bad argument (also when a q1 exceeds its q3).
/// @note O(n).
template <typename DerivedBudgets>
[[nodiscard]] throughput_band_result throughput_band(const Eigen::ArrayBase<DerivedBudgets>& budgets, double tps_q1,
                                                     double tps_q3, double cache_q1, double cache_q3) {
  constexpr const char* fn = "throughput_band";
  detail::validate_budgets(fn, budgets);
  detail::require_non_negative_finite(fn, "tps_q1", tps_q1);
  detail::require_non_negative_finite(fn, "tps_q3", tps_q3);
  detail::require_positive_finite(fn, "cache_q1", cache_q1);
  detail::require_positive_finite(fn, "cache_q3", cache_q3);
  if (tps_q1 > tps_q3) {
    detail::throw_bad_argument(fn, "tps_q1", "must not exceed tps_q3 (got " + detail::number_text(tps_q1) + " > " +
                                                 detail::number_text(tps_q3) + ")");
  }
  if (cache_q1 > cache_q3) {
    detail::throw_bad_argument(fn, "cache_q1", "must not exceed cache_q3 (got " + detail::number_text(cache_q1) +
                                                   " > " + detail::number_text(cache_q3) + ")");
  }
  throughput_band_result band{Eigen::ArrayXd(budgets.size()), Eigen::ArrayXd(budgets.size())};
  for (Eigen::Index i = 0; i < budgets.size(); ++i) {
    const double b = static_cast<double>(budgets(i));
    band.lo(i) = (b / cache_q3) * tps_q1;
    band.hi(i) = (b / cache_q1) * tps_q3;
  }
  return band;
}

/// @brief The origin's "× vs MHA": `((B / cache) * tps) / ((B / baseline_cache) * baseline_tps)`
/// at B = 1. Mathematically (tps / cache) / (baseline_tps / baseline_cache): the budget cancels,
/// which is why the origin's ratio panel is a flat line.
/// @param cache          cache per sequence of the type (finite, > 0)
/// @param tps            tokens/s per sequence of the type (finite, ≥ 0)
/// @param baseline_cache cache per sequence of the baseline (finite, > 0), same unit
/// @param baseline_tps   tokens/s of the baseline (finite, > 0)
/// @throws std::invalid_argument naming the bad argument.
/// @note O(1).
[[nodiscard]] inline double throughput_ratio(double cache, double tps, double baseline_cache, double baseline_tps) {
  detail::validate_ratio_arguments(cache, tps, baseline_cache, baseline_tps);
  return ((1.0 / cache) * tps) / ((1.0 / baseline_cache) * baseline_tps);
}

/// @brief The origin's ratio curve, per budget, in its operation order:
/// `((budgets / cache) * tps) / ((budgets / baseline_cache) * baseline_tps)`. Equal to the
/// scalar overload up to rounding (a few ulps); a zero budget gives NaN (0/0), as numpy does.
/// @throws std::invalid_argument naming the bad argument.
/// @note O(n).
template <typename DerivedBudgets>
[[nodiscard]] Eigen::ArrayXd throughput_ratio(const Eigen::ArrayBase<DerivedBudgets>& budgets, double cache, double tps,
                                              double baseline_cache, double baseline_tps) {
  detail::validate_budgets("throughput_ratio", budgets);
  detail::validate_ratio_arguments(cache, tps, baseline_cache, baseline_tps);
  Eigen::ArrayXd out(budgets.size());
  for (Eigen::Index i = 0; i < budgets.size(); ++i) {
    const double b = static_cast<double>(budgets(i));
    out(i) = ((b / cache) * tps) / ((b / baseline_cache) * baseline_tps);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Capacity model (vLLM v1) and decode roofline
// ---------------------------------------------------------------------------------------------

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

namespace detail {

inline void validate_model(const char* function, const serving_model& model) {
  validate_layout(function, model.layout);
  require_positive(function, "model.n_layers", model.n_layers);
  require_positive(function, "model.kv_bytes_per_element", model.kv_bytes_per_element);
  require_non_negative_finite(function, "model.weight_bytes", model.weight_bytes);
  require_non_negative_finite(function, "model.flops_per_token", model.flops_per_token);
  require_non_negative_finite(function, "model.attention_flops_per_context_token",
                              model.attention_flops_per_context_token);
  const kv_cache_options& o = model.kv_options;
  require_non_negative(function, "model.kv_options.window_tokens", o.window_tokens);
  require_non_negative(function, "model.kv_options.sliding_window_layers", o.sliding_window_layers);
  require_non_negative(function, "model.kv_options.kv_producing_layers", o.kv_producing_layers);
  const std::int64_t producing = o.kv_producing_layers == 0 ? model.n_layers : o.kv_producing_layers;
  if (producing > model.n_layers) {
    throw_bad_argument(function, "model.kv_options.kv_producing_layers",
                       "must not exceed model.n_layers = " + number_text(model.n_layers) + " (got " +
                           number_text(producing) + ")");
  }
  if (o.sliding_window_layers > producing) {
    throw_bad_argument(function, "model.kv_options.sliding_window_layers",
                       "must not exceed the KV-producing layers = " + number_text(producing) + " (got " +
                           number_text(o.sliding_window_layers) + ")");
  }
  if (o.sliding_window_layers > 0 && o.window_tokens == 0) {
    throw_bad_argument(function, "model.kv_options.window_tokens", "must be positive when sliding_window_layers > 0");
  }
}

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

inline void validate_setup(const char* function, const serving_model& model, const gpu_spec& gpu,
                           const engine_config& engine) {
  validate_model(function, model);
  validate_engine(function, engine);
  validate_gpu(function, gpu);
}

/// Capacity from KV memory already known (bytes, ≥ 0); fills everything but the memory fields.
inline void fill_capacity(const char* function, const serving_model& model, const engine_config& engine,
                          std::int64_t kv_memory_bytes, capacity_result& r) {
  r.kv_memory_bytes = kv_memory_bytes;
  r.kv_layers = model.kv_options.kv_producing_layers == 0 ? model.n_layers : model.kv_options.kv_producing_layers;
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

inline std::int64_t floor_to_bytes(const char* function, const char* argument, double bytes) {
  if (bytes >= 9.2e18) throw_bad_argument(function, argument, "is too large for an int64 byte count");
  return static_cast<std::int64_t>(std::floor(bytes));
}

}  // namespace detail

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
  capacity_result r;
  r.requested_bytes = gpu.memory_bytes * engine.gpu_memory_utilization;
  const double free_bytes = r.requested_bytes - model.weight_bytes - engine.activation_bytes;
  r.fits_weights = free_bytes > 0.0;
  detail::fill_capacity(fn, model, engine, r.fits_weights ? detail::floor_to_bytes(fn, "gpu.memory_bytes", free_bytes) : 0, r);
  if (!r.fits_weights) r.limited_by = capacity_limit::no_kv_memory;
  return r;
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
  capacity_result r;
  r.requested_bytes = kv_budget_bytes;
  r.fits_weights = true;
  detail::fill_capacity(fn, model, engine, detail::floor_to_bytes(fn, "kv_budget_bytes", kv_budget_bytes), r);
  return r;
}

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

namespace detail {
inline std::int64_t decode_context(const engine_config& engine) {
  return engine.context_tokens == 0 ? engine.max_model_len : engine.context_tokens;
}

inline decode_step_result decode_step_unchecked(const serving_model& model,
                                                const gpu_spec& gpu, const engine_config& engine, double batch) {
  decode_step_result s;
  s.batch = batch;
  const std::int64_t context = decode_context(engine);
  s.kv_bytes_per_sequence = static_cast<double>(kv_bytes_per_sequence(
      model.layout, model.n_layers, model.kv_bytes_per_element, context, model.kv_options));
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
}  // namespace detail

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
  return detail::decode_step_unchecked(model, gpu, engine, batch);
}

/// @brief `decode_step(...).step_seconds` for every batch size in `batches` (finite, ≥ 0).
/// @throws std::invalid_argument naming the bad argument.
/// @note O(n).
template <typename DerivedBatches>
[[nodiscard]] Eigen::ArrayXd decode_step_time(const serving_model& model, const gpu_spec& gpu,
                                              const engine_config& engine,
                                              const Eigen::ArrayBase<DerivedBatches>& batches) {
  constexpr const char* fn = "decode_step_time";
  detail::validate_setup(fn, model, gpu, engine);
  Eigen::ArrayXd out(batches.size());
  for (Eigen::Index i = 0; i < batches.size(); ++i) {
    const double b = static_cast<double>(batches(i));
    if (!(std::isfinite(b) && b >= 0.0)) {
      detail::throw_bad_argument(fn, "batches", "must be finite and non-negative (got " + detail::number_text(b) +
                                                    " at index " + detail::number_text(i) + ")");
    }
    out(i) = detail::decode_step_unchecked(model, gpu, engine, b).step_seconds;
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
  const decode_step_result one = detail::decode_step_unchecked(model, gpu, engine, 1.0);
  const double bandwidth = gpu.bandwidth_bytes_per_s * engine.memory_efficiency;
  const double fixed = model.weight_bytes / bandwidth;                 // memory time at batch 0
  const double per_sequence_memory = one.kv_bytes_per_sequence / bandwidth;
  const double per_sequence_compute = one.compute_seconds;             // compute is linear in B
  const double slope = per_sequence_compute - per_sequence_memory;
  if (!(slope > 0.0)) return std::numeric_limits<double>::infinity();
  return fixed / slope;
}

/// @brief Capacity and decode speed at the concurrency the capacity model allows.
struct serving_estimate {
  capacity_result capacity;  ///< how many sequences run
  decode_step_result decode; ///< the decode step at batch = capacity.concurrent_sequences
};

/// @brief `kv_capacity`, then `decode_step` at its `concurrent_sequences`.
/// @throws std::invalid_argument naming the bad argument.
/// @note O(1).
[[nodiscard]] inline serving_estimate serving_throughput(const serving_model& model, const gpu_spec& gpu,
                                                         const engine_config& engine) {
  serving_estimate e;
  e.capacity = kv_capacity(model, gpu, engine);
  e.decode = decode_step(model, gpu, engine, static_cast<double>(e.capacity.concurrent_sequences));
  return e;
}

/// @brief Throughput against a KV-memory budget: the extended model's version of the origin's curve.
struct throughput_curve {
  Eigen::Array<std::int64_t, Eigen::Dynamic, 1> concurrent_sequences;  ///< per budget
  Eigen::ArrayXd step_seconds;       ///< decode step time per budget
  Eigen::ArrayXd tokens_per_second;  ///< aggregate tokens/s per budget
};

/// @brief For each KV-memory budget (bytes): `kv_capacity_for_kv_memory`, then `decode_step` at
/// the allowed concurrency. Unlike the origin's line, concurrency is floored to whole pages and
/// sequences and capped by max_num_seqs, and the step time grows with the batch.
/// @param kv_budgets_bytes KV-memory budgets in bytes (finite, ≥ 0); MB → × bytes_per_mb
/// @throws std::invalid_argument naming the bad argument.
/// @note O(n).
template <typename DerivedBudgets>
[[nodiscard]] throughput_curve serving_throughput_curve(const Eigen::ArrayBase<DerivedBudgets>& kv_budgets_bytes,
                                                        const serving_model& model, const gpu_spec& gpu,
                                                        const engine_config& engine) {
  constexpr const char* fn = "serving_throughput_curve";
  detail::validate_budgets(fn, kv_budgets_bytes);
  detail::validate_setup(fn, model, gpu, engine);
  const Eigen::Index n = kv_budgets_bytes.size();
  throughput_curve c{Eigen::Array<std::int64_t, Eigen::Dynamic, 1>(n), Eigen::ArrayXd(n), Eigen::ArrayXd(n)};
  for (Eigen::Index i = 0; i < n; ++i) {
    const capacity_result cap = kv_capacity_for_kv_memory(model, static_cast<double>(kv_budgets_bytes(i)), engine);
    const decode_step_result s =
        detail::decode_step_unchecked(model, gpu, engine, static_cast<double>(cap.concurrent_sequences));
    c.concurrent_sequences(i) = cap.concurrent_sequences;
    c.step_seconds(i) = s.step_seconds;
    c.tokens_per_second(i) = s.tokens_per_second;
  }
  return c;
}

/// @brief The extended model's "× vs baseline" per KV budget: tokens/s of `model` divided by
/// tokens/s of `baseline`, both from `serving_throughput_curve`. +infinity where only the
/// baseline fits no sequence, NaN where neither does. It is not constant: ≈ the KV-size ratio
/// while both are KV-memory-limited (floors make it jump at small budgets), falling toward the
/// step-time ratio (≈ 1 when weights dominate the step) once max_num_seqs or compute caps `model`.
/// @throws std::invalid_argument naming the bad argument.
/// @note O(n).
template <typename DerivedBudgets>
[[nodiscard]] Eigen::ArrayXd serving_throughput_ratio(const Eigen::ArrayBase<DerivedBudgets>& kv_budgets_bytes,
                                                      const serving_model& model, const serving_model& baseline,
                                                      const gpu_spec& gpu, const engine_config& engine) {
  const throughput_curve a = serving_throughput_curve(kv_budgets_bytes, model, gpu, engine);
  const throughput_curve b = serving_throughput_curve(kv_budgets_bytes, baseline, gpu, engine);
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
