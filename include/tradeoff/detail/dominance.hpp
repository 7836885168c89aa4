#ifndef TRADEOFF_DETAIL_DOMINANCE_HPP
#define TRADEOFF_DETAIL_DOMINANCE_HPP

/// @file
/// @brief Shared internals of the Pareto headers: sense validation, "minimise space"
/// conversion with a NaN mask, and the dominance test.
///
/// Minimise space: every objective is turned into "smaller is better" by negating the
/// maximised columns; `-0.0` is canonicalised to `+0.0` so that equal values also have
/// equal bits. In that space `a` dominates `b` iff `a[j] <= b[j]` for every `j` and
/// `a[j] < b[j]` for at least one `j`. Comparisons involving NaN are false, so a row
/// with NaN dominates nothing and is dominated by nothing; callers exclude such rows.
///
/// Internal API (namespace tradeoff::detail), kept stable for the Pareto headers:
/// - `sense_sign(s)`                    +1.0 for minimize, -1.0 for maximize
/// - `sense_signs(senses, d, fn)`       validated per-column signs (empty = all minimize)
/// - `check_fits_int(n, fn, what)`      throws if n > INT_MAX (indices are returned as int)
/// - `dominates(a, b)`                  strict Pareto dominance of minimise-space rows
/// - `weakly_dominates(a, b)`           a[j] <= b[j] for all j
/// - `as_array(x)`                      array view of an Eigen array or matrix expression
/// - `to_minimize_space(points, senses, fn)` column-major copy + validity mask

#include <tradeoff/detail/enum_check.hpp>
#include <tradeoff/sense.hpp>

#include <Eigen/Core>

#include <climits>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace tradeoff::detail {

/// +1.0 for sense::minimize, -1.0 for sense::maximize (multiply to reach minimise space).
[[nodiscard]] constexpr double sense_sign(sense s) noexcept {
  return s == sense::maximize ? -1.0 : 1.0;
}

/// Throws std::invalid_argument unless `s` is sense::minimize or sense::maximize.
inline void check_sense(sense s, const char* function_name, const char* argument_name) {
  check_enum(s, sense::maximize, function_name, argument_name, "sense", "sense::minimize or sense::maximize");
}

/// sense_sign() of a user's argument, checked first.
[[nodiscard]] inline double checked_sense_sign(sense s, const char* function_name, const char* argument_name) {
  check_sense(s, function_name, argument_name);
  return sense_sign(s);
}

/// Throws std::invalid_argument unless `keep` is duplicates::keep_all or duplicates::keep_first
/// (a template: the enum is declared in <tradeoff/pareto.hpp>, which includes this header).
template <typename Duplicates>
void check_duplicates(Duplicates keep, const char* function_name) {
  check_enum(keep, Duplicates::keep_first, function_name, "keep", "duplicates",
             "duplicates::keep_all or duplicates::keep_first");
}

/// Value in minimise space: `sign * v`, with -0.0 turned into +0.0 (NaN stays NaN).
[[nodiscard]] inline double to_minimize(double v, double sign) noexcept {
  return sign * v + 0.0;
}

/// Validates `senses` against `dimensions` and returns one sign per column.
///
/// An empty `senses` means every objective is minimised. Any other size than
/// `dimensions` throws std::invalid_argument with a message starting
/// `"<function_name>: "`, e.g. `"tradeoff::pareto_front: "`.
[[nodiscard]] inline std::vector<double> sense_signs(const std::vector<sense>& senses,
                                                     Eigen::Index dimensions,
                                                     const char* function_name,
                                                     const char* argument_name = "senses") {
  const auto d = static_cast<std::size_t>(dimensions < 0 ? 0 : dimensions);
  if (senses.empty()) {
    return std::vector<double>(d, 1.0);
  }
  if (senses.size() != d) {
    throw std::invalid_argument(std::string(function_name) + ": " + argument_name + " has " +
                                std::to_string(senses.size()) + " entries but points has " +
                                std::to_string(d) +
                                " columns (give one sense per column, or none for all-minimize)");
  }
  std::vector<double> signs(d);
  for (std::size_t j = 0; j < d; ++j) {
    const std::string entry = std::string(argument_name) + "[" + std::to_string(j) + "]";
    signs[j] = checked_sense_sign(senses[j], function_name, entry.c_str());
  }
  return signs;
}

/// Throws std::invalid_argument if `count` rows cannot be indexed by `int`
/// (the Pareto functions return indices as Eigen::ArrayXi).
inline void check_fits_int(Eigen::Index count, const char* function_name,
                           const char* what = "points") {
  if (count > static_cast<Eigen::Index>(INT_MAX)) {
    throw std::invalid_argument(std::string(function_name) + ": " + what + " has " +
                                std::to_string(count) +
                                " rows, more than INT_MAX (indices are returned as int)");
  }
}

/// a[j] <= b[j] for every j (false as soon as a NaN is involved). Strides in elements.
[[nodiscard]] inline bool weakly_dominates(const double* a, const double* b, Eigen::Index d,
                                           Eigen::Index stride_a = 1,
                                           Eigen::Index stride_b = 1) noexcept {
  for (Eigen::Index j = 0; j < d; ++j) {
    if (!(a[j * stride_a] <= b[j * stride_b])) {
      return false;
    }
  }
  return true;
}

/// Strict Pareto dominance of minimise-space rows: a[j] <= b[j] for all j and
/// a[j] < b[j] for at least one j. Exact duplicates do not dominate each other;
/// NaN anywhere in a or b gives false. Strides in elements.
[[nodiscard]] inline bool dominates(const double* a, const double* b, Eigen::Index d,
                                    Eigen::Index stride_a = 1,
                                    Eigen::Index stride_b = 1) noexcept {
  bool strictly_better = false;
  for (Eigen::Index j = 0; j < d; ++j) {
    const double u = a[j * stride_a];
    const double v = b[j * stride_b];
    if (!(u <= v)) {
      return false;
    }
    strictly_better = strictly_better || (u < v);
  }
  return strictly_better;
}

/// Strict Pareto dominance for two Eigen vectors/rows already in minimise space.
template <typename DerivedA, typename DerivedB>
[[nodiscard]] bool dominates(const Eigen::DenseBase<DerivedA>& a,
                             const Eigen::DenseBase<DerivedB>& b) {
  eigen_assert(a.size() == b.size());
  bool strictly_better = false;
  for (Eigen::Index j = 0; j < a.size(); ++j) {
    const double u = static_cast<double>(a.derived().coeff(j));
    const double v = static_cast<double>(b.derived().coeff(j));
    if (!(u <= v)) {
      return false;
    }
    strictly_better = strictly_better || (u < v);
  }
  return strictly_better;
}

/// Array view of an Eigen array expression (identity).
template <typename Derived>
[[nodiscard]] const Derived& as_array(const Eigen::ArrayBase<Derived>& x) noexcept {
  return x.derived();
}

/// Array view of an Eigen matrix expression (no copy).
template <typename Derived>
[[nodiscard]] Eigen::ArrayWrapper<const Derived> as_array(const Eigen::MatrixBase<Derived>& x) {
  return Eigen::ArrayWrapper<const Derived>(x.derived());
}

/// Compile-time check shared by the Pareto functions: float or double coefficients.
template <typename Derived>
constexpr void static_check_scalar() noexcept {
  using scalar = typename Derived::Scalar;
  static_assert(std::is_same_v<scalar, double> || std::is_same_v<scalar, float>,
                "tradeoff: Pareto functions take float or double Eigen expressions");
}

/// n x d points converted to minimise space, column-major, plus a per-row validity mask.
struct minimize_space {
  Eigen::ArrayXXd values;                       ///< n x d; maximised columns negated; -0 -> +0
  Eigen::Array<bool, Eigen::Dynamic, 1> valid;  ///< false for rows with NaN in any column
  Eigen::Index valid_count = 0;                 ///< number of true entries in `valid`
};

/// Copies an n x d Eigen array or matrix expression into minimise space.
///
/// Validates `senses` (empty or size d) and that n fits in int; errors are
/// std::invalid_argument with messages starting `"<function_name>: "`. Rows with NaN
/// keep their (NaN) values and are flagged in `valid`. The input is never modified.
template <typename Derived>
[[nodiscard]] minimize_space to_minimize_space(const Eigen::DenseBase<Derived>& points,
                                               const std::vector<sense>& senses,
                                               const char* function_name) {
  static_check_scalar<Derived>();
  const Eigen::Index n = points.rows();
  const Eigen::Index d = points.cols();
  const std::vector<double> signs = sense_signs(senses, d, function_name);
  check_fits_int(n, function_name);
  minimize_space out;
  out.values.resize(n, d);
  out.valid.setConstant(n, true);
  for (Eigen::Index j = 0; j < d; ++j) {
    const double sign = signs[static_cast<std::size_t>(j)];
    for (Eigen::Index i = 0; i < n; ++i) {
      const double v = to_minimize(static_cast<double>(points.derived().coeff(i, j)), sign);
      out.values(i, j) = v;
      if (std::isnan(v)) {
        out.valid(i) = false;
      }
    }
  }
  out.valid_count = out.valid.count();
  return out;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_DOMINANCE_HPP
