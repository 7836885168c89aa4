#ifndef TRADEOFF_DETAIL_DOMINANCE_HPP
#define TRADEOFF_DETAIL_DOMINANCE_HPP

/// @file
/// @brief Shared internals of the Pareto headers: sense validation, "minimise space"
/// conversion, and the dominance test.
///
/// Minimise space: every objective is turned into "smaller is better" by negating the
/// maximised columns; `-0.0` is canonicalised to `+0.0` so that equal values also have
/// equal bits. In that space `a` dominates `b` iff `a[j] <= b[j]` for every `j` and
/// `a[j] < b[j]` for at least one `j`. Comparisons involving NaN are false, so a row
/// with NaN dominates nothing and is dominated by nothing; callers exclude such rows.
///
/// What the Pareto headers use from here:
/// - `sense_sign(s)`, `checked_sense_sign` +1.0 for minimize, -1.0 for maximize
/// - `sense_signs(senses, d, fn)`       validated per-column signs (empty = all minimize)
/// - `to_minimize(v, sign)`             one value into minimise space (-0 -> +0)
/// - `check_fits_int(n, fn, what)`      throws if n > INT_MAX (indices are returned as int)
/// - `dominates(a, b, d)`               strict Pareto dominance of minimise-space rows
/// - `as_array(x)`                      array view of an Eigen array or matrix expression
/// - `static_check_scalar<Derived>()`   float or double coefficients, at compile time

#include <tradeoff/detail/enum_check.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/duplicates.hpp>
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

/// Throws std::invalid_argument unless `keep` is duplicates::keep_all or duplicates::keep_first.
inline void check_duplicates(duplicates keep, const char* function_name) {
  check_enum(keep, duplicates::keep_first, function_name, "keep", "duplicates",
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
    throw std::invalid_argument(error_prefix(function_name) + argument_name + " has " +
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
    throw std::invalid_argument(error_prefix(function_name) + what + " has " +
                                std::to_string(count) +
                                " rows, more than INT_MAX (indices are returned as int)");
  }
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

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_DOMINANCE_HPP
