#ifndef TRADEOFF_DETAIL_CALIBRATION_CORE_HPP
#define TRADEOFF_DETAIL_CALIBRATION_CORE_HPP

/// @file
/// @brief The mechanism behind calibration.hpp: a least-squares fit of the decode roofline's
/// free parameters — per-step overhead o, seconds per byte u = 1 / effective bandwidth and
/// seconds per FLOP v = 1 / effective FLOP/s — to measured step times,
///
///     t_i = o + max(u · bytes_i, v · flops_i),
///
/// which is linear in (o, u, v) once each point's roof is known. Points are ordered by
/// flops_i / bytes_i; the compute-bound ones are a suffix of that order (a point is compute-bound
/// iff flops_i / bytes_i > u / v), so every split is tried, each solved by Eigen's
/// column-pivoting Householder QR on scaled columns, and the consistent split with the least
/// squared residual wins (ties: fewer parameters). Internal; not part of the API.

#include <tradeoff/detail/number_text.hpp>
#include <tradeoff/detail/serving_checks.hpp>
#include <tradeoff/detail/serving_core.hpp>
#include <tradeoff/gpu.hpp>
#include <tradeoff/serving_config.hpp>

#include <Eigen/Core>
#include <Eigen/QR>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <vector>

namespace tradeoff::detail {

/// @brief Bytes read and FLOPs of one decode step at (batch, context), for validated arguments:
/// decode_step_core on a unit GPU with unit efficiencies and no overhead.
inline void step_work(const char* function, const serving_model& model, const engine_config& engine, double batch,
                      double context, double& bytes, double& flops) {
  const gpu_spec unit{"unit", 1.0, 1.0, 1.0};
  engine_config e = engine;
  e.context_tokens = static_cast<std::int64_t>(context);
  e.memory_efficiency = 1.0;
  e.compute_efficiency = 1.0;
  e.step_overhead_seconds = 0.0;
  const decode_step_result s = decode_step_core(function, model, unit, e, batch);
  bytes = s.memory_seconds;
  flops = s.compute_seconds;
}

/// @brief Checks batches (finite, > 0) of a calibration or prediction.
template <typename Derived>
void validate_batches(const char* function, const Eigen::ArrayBase<Derived>& batches) {
  for (Eigen::Index i = 0; i < batches.size(); ++i) {
    const double b = static_cast<double>(batches(i));
    if (!(std::isfinite(b) && b > 0.0)) {
      throw_bad_argument(function, "batches",
                         "must be finite and positive (got " + number_text(b) + " at index " + number_text(i) + ")");
    }
  }
}

/// @brief Checks that `other` has as many entries as `batches`.
template <typename Derived>
void require_same_size(const char* function, const char* name, const Eigen::ArrayBase<Derived>& other,
                       Eigen::Index size) {
  if (other.size() != size) {
    throw_bad_argument(function, name,
                       "has " + number_text(other.size()) + " entries but batches has " + number_text(size));
  }
}
/// @brief The fitted linear parameters and what identified them.
struct roofline_fit {
  bool found = false;          ///< some split had a full-rank design
  bool memory_identified = false;
  bool compute_identified = false;
  double overhead = 0.0;       ///< o, seconds
  double seconds_per_byte = 0.0;   ///< u (NaN when not identified)
  double seconds_per_flop = 0.0;   ///< v (NaN when not identified)
  double overhead_se = 0.0, seconds_per_byte_se = 0.0, seconds_per_flop_se = 0.0;
  Eigen::ArrayXd fitted;       ///< o + max(u·bytes, v·flops) per point
  Eigen::Array<bool, Eigen::Dynamic, 1> compute_bound;
  double residual_sum_of_squares = 0.0;
  Eigen::Index parameters = 0;
};

/// @brief The model's step time for fitted parameters (an unidentified roof is left out).
inline double fitted_step(const roofline_fit& f, double bytes, double flops) {
  const double memory = f.memory_identified ? f.seconds_per_byte * bytes : 0.0;
  const double compute = f.compute_identified ? f.seconds_per_flop * flops : 0.0;
  return f.overhead + std::max(memory, compute);
}

/// @brief Fits (o, u, v) to `seconds` at `bytes` and `flops` (all finite, bytes and flops > 0).
inline roofline_fit fit_roofline(const Eigen::ArrayXd& bytes, const Eigen::ArrayXd& flops,
                                 const Eigen::ArrayXd& seconds) {
  const Eigen::Index n = bytes.size();
  std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
    return flops(a) / bytes(a) < flops(b) / bytes(b);
  });
  const double byte_scale = bytes.maxCoeff();
  const double flop_scale = flops.maxCoeff();
  const double total = (seconds - seconds.mean()).square().sum();
  roofline_fit best;
  for (Eigen::Index k = 0; k <= n; ++k) {  // sorted positions >= k are compute-bound
    const bool memory = k > 0;
    const bool compute = k < n;
    const Eigen::Index p = 1 + (memory ? 1 : 0) + (compute ? 1 : 0);
    Eigen::MatrixXd x = Eigen::MatrixXd::Zero(n, p);
    for (Eigen::Index s = 0; s < n; ++s) {
      const Eigen::Index i = order[static_cast<std::size_t>(s)];
      x(i, 0) = 1.0;
      if (s < k) x(i, 1) = bytes(i) / byte_scale;
      else x(i, p - 1) = flops(i) / flop_scale;
    }
    const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(x);
    if (qr.rank() < p) continue;
    const Eigen::VectorXd beta = qr.solve(seconds.matrix());
    roofline_fit f;
    f.found = true;
    f.memory_identified = memory;
    f.compute_identified = compute;
    f.parameters = p;
    f.overhead = beta(0);
    f.seconds_per_byte = memory ? beta(1) / byte_scale : std::numeric_limits<double>::quiet_NaN();
    f.seconds_per_flop = compute ? beta(p - 1) / flop_scale : std::numeric_limits<double>::quiet_NaN();
    if ((memory && !(f.seconds_per_byte > 0.0)) || (compute && !(f.seconds_per_flop > 0.0))) continue;
    // Consistent: every point sits under the roof it was assigned (within rounding).
    bool consistent = true;
    for (Eigen::Index s = 0; s < n && consistent; ++s) {
      const Eigen::Index i = order[static_cast<std::size_t>(s)];
      if (!(memory && compute)) break;
      const double m = f.seconds_per_byte * bytes(i);
      const double c = f.seconds_per_flop * flops(i);
      const double slack = 1e-9 * std::max(m, c);
      if (s < k ? c > m + slack : m > c + slack) consistent = false;
    }
    if (!consistent) continue;
    f.fitted.resize(n);
    f.compute_bound.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      f.fitted(i) = fitted_step(f, bytes(i), flops(i));
      f.compute_bound(i) = compute && (!memory || f.seconds_per_flop * flops(i) > f.seconds_per_byte * bytes(i));
    }
    f.residual_sum_of_squares = (seconds - f.fitted).square().sum();
    // Standard errors: sigma^2 (X'X)^-1 in the scaled coordinates, then unscaled.
    const double dof = static_cast<double>(n - p);
    const double sigma2 = dof > 0.0 ? f.residual_sum_of_squares / dof : std::numeric_limits<double>::quiet_NaN();
    const Eigen::MatrixXd xtx_inverse =
        (x.transpose() * x).ldlt().solve(Eigen::MatrixXd::Identity(p, p));
    f.overhead_se = std::sqrt(sigma2 * xtx_inverse(0, 0));
    f.seconds_per_byte_se = memory ? std::sqrt(sigma2 * xtx_inverse(1, 1)) / byte_scale
                                   : std::numeric_limits<double>::quiet_NaN();
    f.seconds_per_flop_se = compute ? std::sqrt(sigma2 * xtx_inverse(p - 1, p - 1)) / flop_scale
                                    : std::numeric_limits<double>::quiet_NaN();
    const double tie = 1e-12 * (total > 0.0 ? total : 1.0);
    if (!best.found || f.residual_sum_of_squares < best.residual_sum_of_squares - tie ||
        (std::fabs(f.residual_sum_of_squares - best.residual_sum_of_squares) <= tie && f.parameters < best.parameters)) {
      best = f;
    }
  }
  return best;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_CALIBRATION_CORE_HPP
