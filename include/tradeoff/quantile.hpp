#ifndef TRADEOFF_QUANTILE_HPP
#define TRADEOFF_QUANTILE_HPP

/// @file
/// @brief Quantiles, median and interquartile range of one array, bit-identical to numpy 1.24 /
/// pandas 1.5.3, in expected O(n) time (selection, no sort).
///
/// NaN policy: NaN values are skipped, as pandas does (numpy.quantile itself would return NaN);
/// with no valid value the result is NaN. Infinities take part and give what numpy gives (for
/// example the lerp of +inf and +inf is NaN). Ties need no policy: equal values are
/// interchangeable; of +0.0 and -0.0, which one a selection method returns is unspecified (numpy's
/// is equally so). The results do not depend on FMA contraction (see detail/float_exact.hpp).

#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/quantile_buffer.hpp>
#include <tradeoff/detail/quantile_core.hpp>
#include <tradeoff/detail/vector_shape.hpp>
#include <tradeoff/quantile_method.hpp>

#include <Eigen/Core>

#include <cmath>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace tradeoff {

/// @brief The level numpy actually uses when pandas is asked for quantile q.
///
/// pandas 1.5.3 `Series.quantile(q)` (and so `groupby().agg(lambda x: x.quantile(q))`) calls
/// `numpy.percentile(values, q * 100)`, which divides by 100 again; (100 q) / 100 is not always q
/// (1/3 becomes 0.33333333333333326; about 14 % of random levels change). For every level with at
/// most two decimals (0.25, 0.1, 0.99, ...) it is q itself. Pass the result as `q` to reproduce
/// pandas exactly.
/// @param q Quantile level.
/// @return (q · 100) / 100 in double arithmetic.
/// @note O(1).
[[nodiscard]] inline double pandas_level(double q) noexcept { return detail::rounded_product(q, 100.0) / 100.0; }

/// @brief Quantiles of one array at several levels, sharing one selection pass.
///
/// Equals `numpy.quantile(v[~isnan(v)], qs, method=...)` of numpy 1.24 bit for bit (and pandas'
/// `Series.quantile` for levels where pandas_level(q) == q).
/// @param values Any Eigen array expression (vector); NaN entries are skipped; integer values are
///   converted to double.
/// @param qs Levels in [0, 1], any order, duplicates allowed.
/// @param method One of numpy's 13 methods; default `linear` (Hyndman & Fan type 7).
/// @return One quantile per level, in the order of `qs`; all NaN if no value is valid.
/// @throws std::domain_error if a level is outside [0, 1] or NaN.
/// @throws std::invalid_argument if `values` is not a vector.
/// @note Expected O(n + m log m) for n values and m levels; extra memory one copy of the values.
template <typename DerivedValues>
[[nodiscard]] Eigen::ArrayXd quantiles(const Eigen::DenseBase<DerivedValues>& values, const std::vector<double>& qs,
                                       quantile_method method = quantile_method::linear) {
  detail::check_vector(values, "quantiles", "values");
  detail::check_method(method, "quantiles");
  for (std::size_t j = 0; j < qs.size(); ++j) {
    detail::check_level(qs[j], "quantiles", "qs[" + std::to_string(j) + "]");
  }
  detail::scratch_buffer buffer;
  detail::copy_valid_values(values, buffer);
  return detail::quantiles_of_buffer(buffer, qs, method);
}

/// @brief quantiles() with the levels given as an Eigen array (any vector expression).
/// @param values As for the std::vector overload; NaN entries are skipped.
/// @param qs Levels in [0, 1], as a 1-D Eigen array or vector expression.
/// @param method One of numpy's 13 methods; default `linear`.
/// @return One quantile per level, in the order of `qs`; all NaN if no value is valid.
/// @throws std::domain_error if a level is outside [0, 1] or NaN.
/// @throws std::invalid_argument if `values` or `qs` is not a vector.
/// @note Expected O(n + m log m); extra memory one copy of the values and of the levels.
template <typename DerivedValues, typename DerivedLevels>
[[nodiscard]] Eigen::ArrayXd quantiles(const Eigen::DenseBase<DerivedValues>& values,
                                       const Eigen::DenseBase<DerivedLevels>& qs,
                                       quantile_method method = quantile_method::linear) {
  detail::check_vector(qs, "quantiles", "qs");
  const auto& levels = qs.derived().eval();
  std::vector<double> copied(static_cast<std::size_t>(levels.size()));
  for (Eigen::Index j = 0; j < levels.size(); ++j) {
    copied[static_cast<std::size_t>(j)] = static_cast<double>(levels(j));
  }
  return quantiles(values, copied, method);
}

/// @brief The quantile of one array at level q.
///
/// Equals `numpy.quantile(v[~isnan(v)], q, method=...)` of numpy 1.24 bit for bit, including
/// numpy's two-sided lerp (a + (b − a)·t for t < 0.5, else b − (b − a)·(1 − t)).
/// @param values Any Eigen array expression (vector); NaN entries are skipped.
/// @param q Level in [0, 1]. To match pandas' Series.quantile(q) for any q, pass pandas_level(q).
/// @param method One of numpy's 13 methods; default `linear`.
/// @return The quantile; NaN if no value is valid.
/// @throws std::domain_error if q is outside [0, 1] or NaN.
/// @throws std::invalid_argument if `values` is not a vector.
/// @note Expected O(n) (std::nth_element on a copy of the valid values).
template <typename DerivedValues>
[[nodiscard]] double quantile(const Eigen::DenseBase<DerivedValues>& values, double q,
                              quantile_method method = quantile_method::linear) {
  detail::check_vector(values, "quantile", "values");
  detail::check_method(method, "quantile");
  detail::check_level(q, "quantile", "q");
  detail::scratch_buffer buffer;
  detail::copy_valid_values(values, buffer);
  return detail::quantiles_of_buffer(buffer, {q}, method)(0);
}

/// @brief The median of one array, as pandas computes it.
///
/// The middle value, or (a + b) / 2 of the middle pair — pandas' `Series.median()` and
/// `groupby().median()` (numpy.median); this can differ in the last bit from quantile(values, 0.5).
/// @param values Any Eigen array expression (vector); NaN entries are skipped.
/// @return The median; NaN if no value is valid.
/// @throws std::invalid_argument if `values` is not a vector.
/// @note Expected O(n).
template <typename DerivedValues>
[[nodiscard]] double median(const Eigen::DenseBase<DerivedValues>& values) {
  detail::check_vector(values, "median", "values");
  detail::scratch_buffer buffer;
  detail::copy_valid_values(values, buffer);
  const Eigen::Index n = buffer.size();
  if (n == 0) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  std::vector<Eigen::Index> needed;
  detail::add_median_needed(n, needed);
  detail::select_order_statistics(buffer.data(), n, needed);
  return detail::evaluate_median(n, buffer.data());
}

/// @brief Interquartile range Q3 − Q1 of one array.
/// @param values Any Eigen array expression (vector); NaN entries are skipped.
/// @param method Quantile method for both quartiles; default `linear` (pandas' default).
/// @return quantile(values, 0.75, method) − quantile(values, 0.25, method); NaN if no value is valid.
/// @throws std::invalid_argument if `values` is not a vector.
/// @note Expected O(n), one shared selection.
template <typename DerivedValues>
[[nodiscard]] double iqr(const Eigen::DenseBase<DerivedValues>& values,
                         quantile_method method = quantile_method::linear) {
  detail::check_vector(values, "iqr", "values");
  detail::check_method(method, "iqr");
  const Eigen::ArrayXd quartiles = quantiles(values, std::vector<double>{0.25, 0.75}, method);
  return quartiles(1) - quartiles(0);
}

/// @brief quantiles() of a std::vector<double> (NaN entries skipped).
[[nodiscard]] inline Eigen::ArrayXd quantiles(const std::vector<double>& values, const std::vector<double>& qs,
                                              quantile_method method = quantile_method::linear) {
  return quantiles(detail::vector_map(values), qs, method);
}

/// @brief quantile() of a std::vector<double> (NaN entries skipped).
[[nodiscard]] inline double quantile(const std::vector<double>& values, double q,
                                     quantile_method method = quantile_method::linear) {
  return quantile(detail::vector_map(values), q, method);
}

/// @brief median() of a std::vector<double> (NaN entries skipped).
[[nodiscard]] inline double median(const std::vector<double>& values) { return median(detail::vector_map(values)); }

/// @brief iqr() of a std::vector<double> (NaN entries skipped).
[[nodiscard]] inline double iqr(const std::vector<double>& values, quantile_method method = quantile_method::linear) {
  return iqr(detail::vector_map(values), method);
}

}  // namespace tradeoff

#endif  // TRADEOFF_QUANTILE_HPP
