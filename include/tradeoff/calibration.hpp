#ifndef TRADEOFF_CALIBRATION_HPP
#define TRADEOFF_CALIBRATION_HPP

/// @file
/// @brief Calibrating the decode roofline to your own measurements: fit the per-step overhead,
/// the effective memory bandwidth and the effective compute rate to measured
/// (batch, context, step time) points by least squares (Eigen's column-pivoting Householder QR),
/// with standard errors and residuals, then predict step times and throughput at batches and
/// contexts not measured. See docs/calibration.md.

#include <tradeoff/detail/calibration_core.hpp>
#include <tradeoff/detail/request_lengths_core.hpp>
#include <tradeoff/detail/serving_checks.hpp>
#include <tradeoff/detail/serving_core.hpp>
#include <tradeoff/gpu.hpp>
#include <tradeoff/serving_config.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstdint>
#include <limits>

namespace tradeoff {

/// @brief The fitted roofline: `step = overhead + max(bytes / bandwidth, flops / flop_rate)`.
struct calibration_fit {
  Eigen::Index points = 0;                   ///< measurements used
  Eigen::Index parameters = 0;               ///< 3, or 2 when one roof was never binding
  double step_overhead_seconds = 0.0;        ///< fitted o
  double bandwidth_bytes_per_s = 0.0;        ///< fitted effective bandwidth (NaN: not identified)
  double flops_per_s = 0.0;                  ///< fitted effective FLOP/s (NaN: not identified)
  double memory_efficiency = 0.0;            ///< bandwidth / gpu.bandwidth_bytes_per_s
  double compute_efficiency = 0.0;           ///< flops_per_s / gpu.peak_flops
  double step_overhead_standard_error = 0.0; ///< NaN with as many points as parameters
  double bandwidth_standard_error = 0.0;     ///< bytes/s (delta method: se(u) / u²)
  double flops_per_s_standard_error = 0.0;   ///< FLOP/s (delta method)
  double memory_efficiency_standard_error = 0.0;
  double compute_efficiency_standard_error = 0.0;
  bool memory_identified = false;            ///< some point was fitted memory-bound
  bool compute_identified = false;           ///< some point was fitted compute-bound
  Eigen::ArrayXd fitted_seconds;             ///< the model at each measured point
  Eigen::ArrayXd residuals_seconds;          ///< measured − fitted
  Eigen::Array<bool, Eigen::Dynamic, 1> compute_bound;  ///< which roof each point sits under
  double rms_residual_seconds = 0.0;         ///< sqrt(mean residual²)
};

/// @brief Fits the decode roofline's free parameters to measured decode steps.
///
///     step_i = o + max(bytes_i / bandwidth, flops_i / flop_rate)
///     bytes_i = weight_bytes + batch_i × kv_bytes_per_sequence(context_i)
///     flops_i = batch_i × (flops_per_token + attention_flops_per_context_token × context_i)
///
/// `bytes_i` and `flops_i` are `decode_step`'s own (the engine's efficiencies and overhead are
/// ignored: they are what is fitted). Least squares over the three parameters, trying each
/// assignment of points to the two roofs consistent with the fit; when no point is fitted under
/// one roof that roof is not identified (its rate NaN, `*_identified` false) and the fit has two
/// parameters. Standard errors: σ² (XᵀX)⁻¹ with σ² = RSS / (n − p) (NaN when n = p), mapped to
/// bandwidth and FLOP/s by the delta method.
/// @param batches      sequences per measured step (finite, > 0)
/// @param contexts     tokens attended per sequence (whole numbers >= 1): e.g. prompt_len +
///                     generated/2, or max_context for a fixed-length sweep
/// @param step_seconds measured step times (finite, > 0), e.g. decode_step_ms_p50 / 1000
/// @throws std::invalid_argument naming the bad argument: fewer than 3 points, sizes that
/// differ, NaN / non-positive values, or collinear points (bytes and FLOPs that cannot separate
/// the overhead from the rates).
/// @note O(n² log n) (n + 1 small QR solves).
template <typename DerivedBatches, typename DerivedContexts, typename DerivedSeconds>
[[nodiscard]] calibration_fit calibrate_decode(const serving_model& model, const gpu_spec& gpu,
                                               const engine_config& engine,
                                               const Eigen::ArrayBase<DerivedBatches>& batches,
                                               const Eigen::ArrayBase<DerivedContexts>& contexts,
                                               const Eigen::ArrayBase<DerivedSeconds>& step_seconds) {
  constexpr const char* fn = "calibrate_decode";
  detail::validate_setup(fn, model, gpu, engine);
  const Eigen::Index n = batches.size();
  if (n < 3) {
    detail::throw_bad_argument(fn, "batches",
                               "has " + detail::number_text(n) +
                                   " points; fitting the overhead, bandwidth and compute rate needs at least 3");
  }
  detail::require_same_size(fn, "contexts", contexts, n);
  detail::require_same_size(fn, "step_seconds", step_seconds, n);
  detail::validate_batches(fn, batches);
  detail::validate_lengths(fn, "contexts", contexts, 1.0);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double t = static_cast<double>(step_seconds(i));
    if (!(std::isfinite(t) && t > 0.0)) {
      detail::throw_bad_argument(fn, "step_seconds", "must be finite and positive (got " + detail::number_text(t) +
                                                         " at index " + detail::number_text(i) + ")");
    }
  }
  Eigen::ArrayXd bytes(n), flops(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    detail::step_work(fn, model, engine, static_cast<double>(batches(i)), static_cast<double>(contexts(i)), bytes(i),
                      flops(i));
    if (!(bytes(i) > 0.0 && flops(i) > 0.0)) {
      detail::throw_bad_argument(fn, "model", "reads no bytes or does no FLOPs at point " + detail::number_text(i) +
                                                  " (give weight_bytes and flops_per_token)");
    }
  }
  const Eigen::ArrayXd seconds = step_seconds.template cast<double>();
  const detail::roofline_fit f = detail::fit_roofline(bytes, flops, seconds);
  if (!f.found) {
    detail::throw_bad_argument(fn, "batches",
                               "and contexts give collinear points: the bytes read and FLOPs do not vary "
                               "independently of a constant, so the overhead cannot be told from the rates "
                               "(measure at least two different batches or contexts per roof)");
  }
  calibration_fit c;
  c.points = n;
  c.parameters = f.parameters;
  c.memory_identified = f.memory_identified;
  c.compute_identified = f.compute_identified;
  c.step_overhead_seconds = f.overhead;
  c.step_overhead_standard_error = f.overhead_se;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  c.bandwidth_bytes_per_s = f.memory_identified ? 1.0 / f.seconds_per_byte : nan;
  c.flops_per_s = f.compute_identified ? 1.0 / f.seconds_per_flop : nan;
  c.bandwidth_standard_error =
      f.memory_identified ? f.seconds_per_byte_se / (f.seconds_per_byte * f.seconds_per_byte) : nan;
  c.flops_per_s_standard_error =
      f.compute_identified ? f.seconds_per_flop_se / (f.seconds_per_flop * f.seconds_per_flop) : nan;
  c.memory_efficiency = c.bandwidth_bytes_per_s / gpu.bandwidth_bytes_per_s;
  c.compute_efficiency = c.flops_per_s / gpu.peak_flops;
  c.memory_efficiency_standard_error = c.bandwidth_standard_error / gpu.bandwidth_bytes_per_s;
  c.compute_efficiency_standard_error = c.flops_per_s_standard_error / gpu.peak_flops;
  c.fitted_seconds = f.fitted;
  c.residuals_seconds = seconds - f.fitted;
  c.compute_bound = f.compute_bound;
  c.rms_residual_seconds = std::sqrt(c.residuals_seconds.square().mean());
  return c;
}

/// @brief Step seconds the fitted roofline predicts at unmeasured (batch, context) points:
/// o + max(bytes / bandwidth, flops / flop_rate), an unidentified roof left out. Tokens/s at a
/// point is batch / step.
/// @throws std::invalid_argument naming the bad argument (sizes, NaN, non-positive batches,
/// contexts below 1 or fractional, a fit with neither roof identified).
/// @note O(n).
template <typename DerivedBatches, typename DerivedContexts>
[[nodiscard]] Eigen::ArrayXd predict_step_seconds(const calibration_fit& fit, const serving_model& model,
                                                  const engine_config& engine,
                                                  const Eigen::ArrayBase<DerivedBatches>& batches,
                                                  const Eigen::ArrayBase<DerivedContexts>& contexts) {
  constexpr const char* fn = "predict_step_seconds";
  detail::validate_model(fn, model);
  detail::validate_engine(fn, engine);
  if (!(fit.memory_identified || fit.compute_identified) || !std::isfinite(fit.step_overhead_seconds)) {
    detail::throw_bad_argument(fn, "fit", "is not a fitted calibration (neither roof identified)");
  }
  detail::require_same_size(fn, "contexts", contexts, batches.size());
  detail::validate_batches(fn, batches);
  detail::validate_lengths(fn, "contexts", contexts, 1.0);
  detail::roofline_fit f;
  f.memory_identified = fit.memory_identified;
  f.compute_identified = fit.compute_identified;
  f.overhead = fit.step_overhead_seconds;
  f.seconds_per_byte = 1.0 / fit.bandwidth_bytes_per_s;
  f.seconds_per_flop = 1.0 / fit.flops_per_s;
  Eigen::ArrayXd out(batches.size());
  for (Eigen::Index i = 0; i < batches.size(); ++i) {
    double bytes = 0.0, flops = 0.0;
    detail::step_work(fn, model, engine, static_cast<double>(batches(i)), static_cast<double>(contexts(i)), bytes,
                      flops);
    out(i) = detail::fitted_step(f, bytes, flops);
  }
  return out;
}

}  // namespace tradeoff

#endif  // TRADEOFF_CALIBRATION_HPP
