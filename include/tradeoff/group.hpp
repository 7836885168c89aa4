#ifndef TRADEOFF_GROUP_HPP
#define TRADEOFF_GROUP_HPP

/// @file
/// @brief Group rows by a key and reduce a value column per group, bit-identical to pandas 1.5.3
/// `df.groupby(key)[value]` (count, size, sum, mean, std, var, min, max, median, quantile, and the
/// origin script's `agg(lambda x: x.quantile(q))`), in O(n) expected time.
///
/// NaN policy: every reduction skips NaN values; a group without valid values gets count 0, sum 0
/// (as pandas' sum) and NaN for every other statistic. NaN keys are dropped (code −1) unless
/// `group_options::dropna` is false, which makes them one group (last when sorted, at its first
/// appearance otherwise, as pandas 1.5.3). Rows whose mask entry
/// is false get code −1 too. Ties: equal values are interchangeable; equal keys (also −0.0 and +0.0)
/// form one group. Results do not depend on FMA contraction (see detail/float_exact.hpp).

#include <tradeoff/detail/cython_quantile.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/exact_equal.hpp>
#include <tradeoff/detail/group_describe.hpp>
#include <tradeoff/detail/group_factorize.hpp>
#include <tradeoff/detail/group_multi_key.hpp>
#include <tradeoff/detail/group_reduce.hpp>
#include <tradeoff/detail/group_scatter.hpp>
#include <tradeoff/detail/number_text.hpp>
#include <tradeoff/detail/quantile_core.hpp>
#include <tradeoff/grouping.hpp>
#include <tradeoff/key_table.hpp>
#include <tradeoff/quantile.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace tradeoff {

/// @brief Groups rows by string keys (pandas `groupby(key)` on an object column).
/// @param keys One key per row.
/// @param options sort (default: keys ascending by byte value, i.e. by code point for UTF-8, as
///   Python sorts str) or first appearance; dropna has no effect (strings have no NaN).
/// @return The grouping: `keys()` (`std::vector<std::string>`), `codes()`, `sizes()`.
/// @throws std::invalid_argument if there are more than INT_MAX rows.
/// @note Expected O(n + g log g) with a hash table over the n rows and a sort of the g keys.
[[nodiscard]] inline grouping<std::vector<std::string>> group_by(const std::vector<std::string>& keys,
                                                                 const group_options& options = {}) {
  const auto rows = static_cast<Eigen::Index>(keys.size());
  detail::check_row_count(rows, "group_by");
  auto f = detail::factorize_strings(
      rows, [&](Eigen::Index i) { return std::string_view(keys[static_cast<std::size_t>(i)]); },
      [](Eigen::Index) { return true; }, options.sort);
  return detail::grouping_access::make(std::move(f.keys), std::move(f.codes), std::move(f.sizes));
}

/// @brief group_by() of string keys for the rows where `mask` is true (others get code −1).
/// @throws std::invalid_argument if mask and keys differ in length.
template <typename DerivedMask>
[[nodiscard]] grouping<std::vector<std::string>> group_by(const std::vector<std::string>& keys,
                                                          const Eigen::DenseBase<DerivedMask>& mask,
                                                          const group_options& options = {}) {
  const auto rows = static_cast<Eigen::Index>(keys.size());
  detail::check_mask(mask, rows);
  detail::check_row_count(rows, "group_by");
  const auto& m = mask.derived().eval();
  auto f = detail::factorize_strings(
      rows, [&](Eigen::Index i) { return std::string_view(keys[static_cast<std::size_t>(i)]); },
      [&](Eigen::Index i) { return static_cast<bool>(m(i)); }, options.sort);
  return detail::grouping_access::make(std::move(f.keys), std::move(f.codes), std::move(f.sizes));
}

/// @brief Groups rows by bool keys given as std::vector<bool> (false sorts first).
/// @throws std::invalid_argument if there are more than INT_MAX keys (codes are int).
[[nodiscard]] inline grouping<Eigen::Array<bool, Eigen::Dynamic, 1>> group_by(const std::vector<bool>& keys,
                                                                             const group_options& options = {}) {
  return detail::group_numeric<bool>(
      static_cast<Eigen::Index>(keys.size()), [&](Eigen::Index i) -> bool { return keys[static_cast<std::size_t>(i)]; },
      [](Eigen::Index) { return true; }, options);
}

/// @brief group_by() of bool keys for the rows where `mask` is true (others get code −1).
/// @throws std::invalid_argument if mask and keys differ in length.
template <typename DerivedMask>
[[nodiscard]] grouping<Eigen::Array<bool, Eigen::Dynamic, 1>> group_by(const std::vector<bool>& keys,
                                                                      const Eigen::DenseBase<DerivedMask>& mask,
                                                                      const group_options& options = {}) {
  const auto rows = static_cast<Eigen::Index>(keys.size());
  detail::check_mask(mask, rows);
  detail::check_row_count(rows, "group_by");
  const auto& m = mask.derived().eval();
  return detail::group_numeric<bool>(
      rows, [&](Eigen::Index i) -> bool { return keys[static_cast<std::size_t>(i)]; },
      [&](Eigen::Index i) { return static_cast<bool>(m(i)); }, options);
}

/// @brief Groups rows by integer, floating-point or bool keys in an Eigen array.
///
/// Integer keys with a range below max(2 n, 65536) are indexed directly (no hashing); other keys
/// go through a hash table, then the distinct keys are sorted. Floating keys: NaN rows are dropped
/// (code −1) unless options.dropna is false (then one NaN group: last when sorted, at its first
/// appearance otherwise); −0.0 and +0.0 are one key, shown as the one that appears first (pandas).
/// @param keys Any Eigen array expression (vector), one key per row.
/// @param options sort (default ascending) or first appearance; dropna.
/// @return The grouping: `keys()` (Eigen array of the key type), `codes()` (Eigen::ArrayXi), `sizes()`.
/// @throws std::invalid_argument if keys is not a vector or has more than INT_MAX rows.
/// @note Expected O(n + g log g) for g groups.
template <typename DerivedKeys>
[[nodiscard]] grouping<Eigen::Array<typename DerivedKeys::Scalar, Eigen::Dynamic, 1>> group_by(
    const Eigen::DenseBase<DerivedKeys>& keys, const group_options& options = {}) {
  detail::check_vector(keys, "group_by", "keys");
  detail::check_row_count(keys.size(), "group_by");  // before eval(): an expression may be huge
  using Scalar = typename DerivedKeys::Scalar;
  const auto& k = keys.derived().eval();
  return detail::group_numeric<Scalar>(
      k.size(), [&](Eigen::Index i) { return k(i); }, [](Eigen::Index) { return true; }, options);
}

/// @brief group_by() of Eigen keys for the rows where `mask` is true (others get code −1), e.g.
/// the origin script's `df[~df.moe]` without copying the table.
/// @throws std::invalid_argument if mask and keys differ in length.
template <typename DerivedKeys, typename DerivedMask>
[[nodiscard]] grouping<Eigen::Array<typename DerivedKeys::Scalar, Eigen::Dynamic, 1>> group_by(
    const Eigen::DenseBase<DerivedKeys>& keys, const Eigen::DenseBase<DerivedMask>& mask,
    const group_options& options = {}) {
  detail::check_vector(keys, "group_by", "keys");
  detail::check_mask(mask, keys.size());
  detail::check_row_count(keys.size(), "group_by");  // before eval(): an expression may be huge
  using Scalar = typename DerivedKeys::Scalar;
  const auto& k = keys.derived().eval();
  const auto& m = mask.derived().eval();
  return detail::group_numeric<Scalar>(
      k.size(), [&](Eigen::Index i) { return k(i); }, [&](Eigen::Index i) { return static_cast<bool>(m(i)); },
      options);
}

/// @brief Groups rows by several key columns of mixed types, as pandas'
/// `df.groupby(["type", "num_blocks"])`.
///
/// Groups are the distinct combinations of keys present. Sorted (the default) they ascend as
/// pandas sorts a MultiIndex: by the first column, ties by the second, and so on, each column in
/// its own order (text by byte value, numbers numerically, false before true). With
/// `sort = false` they come in order of first appearance. A row with a NaN in a `real` key column
/// is dropped (`dropna`, pandas' default); with `dropna = false` NaN is a key of its own that
/// sorts last within its column.
/// @param keys One key_column per key, all of the same length (e.g.
///   `{{"type", t.strings("type")}, {"num_blocks", t.numeric("num_blocks"), key_kind::integer}}`).
/// @param mask Optional: only rows where it is true take part (others get code −1).
/// @return grouping<key_table>: `keys().column("type").text()`, `keys().column(1).integers()`, …,
///   one row per group.
/// @throws std::invalid_argument if keys is empty (E132), two key columns differ in length
///   (E130), the mask has another length (E131), or there are more than INT_MAX rows.
/// @note Expected O(n k + g log g) for k key columns and g groups.
[[nodiscard]] inline grouping<key_table> group_by(const std::vector<key_column>& keys,
                                                  const group_options& options = {}) {
  detail::check_key_columns(keys, "group_by");
  detail::check_row_count(keys.front().rows(), "group_by");
  std::vector<key_column> key_rows;
  auto f = detail::factorize_key_columns(
      keys, [](Eigen::Index) { return true; }, options.sort, options.dropna, key_rows);
  return detail::grouping_access::make(key_table(std::move(key_rows)), std::move(f.codes), std::move(f.sizes));
}

/// @brief group_by() over several key columns for the rows where `mask` is true.
/// @throws as group_by(keys), and std::invalid_argument if mask and keys differ in length.
template <typename DerivedMask>
[[nodiscard]] grouping<key_table> group_by(const std::vector<key_column>& keys,
                                           const Eigen::DenseBase<DerivedMask>& mask,
                                           const group_options& options = {}) {
  detail::check_key_columns(keys, "group_by");
  detail::check_mask(mask, keys.front().rows());
  detail::check_row_count(keys.front().rows(), "group_by");
  const auto& m = mask.derived().eval();
  std::vector<key_column> key_rows;
  auto f = detail::factorize_key_columns(
      keys, [&](Eigen::Index i) { return static_cast<bool>(m(i)); }, options.sort, options.dropna, key_rows);
  return detail::grouping_access::make(key_table(std::move(key_rows)), std::move(f.codes), std::move(f.sizes));
}

/// @brief Number of non-NaN values per group (pandas `count()`).
/// @return Eigen::ArrayXi aligned with g.keys().
/// @throws std::invalid_argument if values is not a vector of g.rows() entries.
/// @note O(n).
template <typename Keys, typename DerivedValues>
[[nodiscard]] Eigen::ArrayXi count(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values) {
  detail::check_values(g, values, "count");
  Eigen::ArrayXi result = Eigen::ArrayXi::Zero(g.groups());
  detail::for_each_valid(g, values, [&](int c, double) { ++result(c); });
  return result;
}

/// @brief Number of rows per group, NaN values included (pandas `size()`); a copy of g.sizes().
/// Named group_sizes, not size, so that it cannot be mistaken for std::size.
/// @note O(g).
template <typename Keys>
[[nodiscard]] Eigen::ArrayXi group_sizes(const grouping<Keys>& g) {
  return g.sizes();
}

/// @brief Sum per group, Kahan-compensated in row order exactly as pandas' `group_sum`.
/// @return Eigen::ArrayXd aligned with g.keys(); 0 for a group without valid values (pandas).
/// @throws std::invalid_argument if values is not a vector of g.rows() entries.
/// @note O(n).
template <typename Keys, typename DerivedValues>
[[nodiscard]] Eigen::ArrayXd sum(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values) {
  detail::check_values(g, values, "sum");
  return detail::kahan_sums(g, values).total;
}

/// @brief Mean per group: pandas' `group_mean` (Kahan sum in row order, divided by the count).
/// @return Eigen::ArrayXd aligned with g.keys(); NaN for a group without valid values.
/// @throws std::invalid_argument if values is not a vector of g.rows() entries.
/// @note O(n).
template <typename Keys, typename DerivedValues>
[[nodiscard]] Eigen::ArrayXd mean(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values) {
  detail::check_values(g, values, "mean");
  const detail::group_sums sums = detail::kahan_sums(g, values);
  Eigen::ArrayXd result(g.groups());
  for (Eigen::Index j = 0; j < g.groups(); ++j) {
    result(j) = sums.valid(j) == 0 ? std::numeric_limits<double>::quiet_NaN()
                                   : sums.total(j) / static_cast<double>(sums.valid(j));
  }
  return result;
}

/// @brief Variance per group: pandas' `group_var` (Welford's update in row order), divided by
/// count − ddof.
/// @param ddof Delta degrees of freedom; default 1 (pandas' default).
/// @return Eigen::ArrayXd aligned with g.keys(); NaN where count <= ddof.
/// @throws std::invalid_argument if values is not a vector of g.rows() entries, or ddof < 0.
/// @note O(n).
template <typename Keys, typename DerivedValues>
[[nodiscard]] Eigen::ArrayXd var(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values,
                                 int ddof = 1) {
  detail::check_values(g, values, "var");
  if (ddof < 0) {
    throw std::invalid_argument(detail::error_prefix("var") + "ddof = " + std::to_string(ddof) + " is negative");
  }
  Eigen::ArrayXd running_mean = Eigen::ArrayXd::Zero(g.groups());
  Eigen::ArrayXd squares = Eigen::ArrayXd::Zero(g.groups());
  Eigen::Array<std::int64_t, Eigen::Dynamic, 1> valid = Eigen::Array<std::int64_t, Eigen::Dynamic, 1>::Zero(g.groups());
  detail::for_each_valid(g, values, [&](int c, double x) {  // pandas' group_var, Welford's update
    detail::welford_add(running_mean(c), squares(c), valid(c), x);
  });
  Eigen::ArrayXd result(g.groups());
  for (Eigen::Index j = 0; j < g.groups(); ++j) {
    result(j) = detail::welford_variance(squares(j), valid(j), ddof);
  }
  return result;
}

/// @brief Standard deviation per group: sqrt of var() (pandas' `std()`, ddof = 1 by default).
/// Named stddev, not std, so that it cannot be confused with namespace std.
/// @return Eigen::ArrayXd aligned with g.keys(); NaN where count <= ddof.
/// @throws std::invalid_argument as var().
/// @note O(n).
template <typename Keys, typename DerivedValues>
[[nodiscard]] Eigen::ArrayXd stddev(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values,
                                    int ddof = 1) {
  detail::check_values(g, values, "stddev");
  Eigen::ArrayXd result = var(g, values, ddof);
  for (Eigen::Index j = 0; j < result.size(); ++j) {
    result(j) = std::sqrt(result(j));  // scalar, correctly rounded as numpy.sqrt (no SIMD approximation)
  }
  return result;
}

/// @brief Minimum per group (pandas' `groupby().min()`, Cython `group_min`). NaN for a group without
/// valid values. Named minimum, not min, so that it cannot collide with std::min.
/// @throws std::invalid_argument if values is not a vector of g.rows() entries.
/// @note O(n).
template <typename Keys, typename DerivedValues>
[[nodiscard]] Eigen::ArrayXd minimum(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values) {
  detail::check_values(g, values, "minimum");
  return detail::extreme<false>(g, values);
}

/// @brief Maximum per group (pandas' `groupby().max()`, Cython `group_max`). NaN for a group without
/// valid values. Named maximum, not max, so that it cannot collide with std::max.
/// @throws std::invalid_argument if values is not a vector of g.rows() entries.
/// @note O(n).
template <typename Keys, typename DerivedValues>
[[nodiscard]] Eigen::ArrayXd maximum(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values) {
  detail::check_values(g, values, "maximum");
  return detail::extreme<true>(g, values);
}

/// @brief Median per group: the middle value or (a + b) / 2 of the middle pair, as pandas'
/// `groupby().median()`.
/// @return Eigen::ArrayXd aligned with g.keys(); NaN for a group without valid values.
/// @throws std::invalid_argument if values is not a vector of g.rows() entries.
/// @note Expected O(n); extra memory one copy of the values.
template <typename Keys, typename DerivedValues>
[[nodiscard]] Eigen::ArrayXd median(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values) {
  detail::check_values(g, values, "median");
  auto s = detail::scatter_groups<false>(g.codes(), g.sizes(), detail::evaluated(values));
  Eigen::ArrayXd result(g.groups());
  Eigen::ArrayXXd none(g.groups(), 0);
  detail::select_groups(s, {}, quantile_method::linear, true, &result, &none);
  return result;
}

/// @brief Quantiles per group at several levels (one shared selection per group).
/// @param qs Levels in [0, 1]. Column j of the result belongs to qs[j].
/// @param method One of numpy's 13 methods; default `linear`.
/// @return Eigen::ArrayXXd, groups × levels; NaN rows for groups without valid values. Equals
///   `numpy.quantile(group_values, q, method)` bit for bit, hence
///   `groupby().agg(lambda x: x.quantile(q))` for levels with pandas_level(q) == q.
/// @throws std::domain_error if a level is outside [0, 1] or NaN.
/// @throws std::invalid_argument if values is not a vector of g.rows() entries.
/// @note Expected O(n + g m log m); extra memory one copy of the values.
template <typename Keys, typename DerivedValues>
[[nodiscard]] Eigen::ArrayXXd quantiles(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values,
                                        const std::vector<double>& qs,
                                        quantile_method method = quantile_method::linear) {
  detail::check_quantile_call(g, values, qs, method, "quantiles");
  return detail::grouped_quantiles(g, values, qs, method);
}

/// @brief Quantile per group at level q: `numpy.quantile` of each group's valid values.
///
/// Equals pandas' `groupby().agg(lambda x: x.quantile(q))` (the origin script's path) bit for bit
/// when called with pandas_level(q) (which is q itself for levels with at most two decimals).
/// It differs from pandas' Cython `groupby().quantile(q)`, which interpolates as v + (w − v)·f.
/// @param q Level in [0, 1].
/// @param method One of numpy's 13 methods; default `linear`.
/// @return Eigen::ArrayXd aligned with g.keys(); NaN for a group without valid values.
/// @throws std::domain_error if q is outside [0, 1] or NaN.
/// @throws std::invalid_argument if values is not a vector of g.rows() entries.
/// @note Expected O(n); extra memory one copy of the values.
template <typename Keys, typename DerivedValues>
[[nodiscard]] Eigen::ArrayXd quantile(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values,
                                      double q, quantile_method method = quantile_method::linear) {
  detail::check_level(q, "quantile", "q");
  detail::check_method(method, "quantile");
  detail::check_values(g, values, "quantile");
  return detail::grouped_quantiles(g, values, std::vector<double>{q}, method).col(0);
}

/// @brief Quantiles per group exactly as pandas' own `groupby().quantile(qs, interpolation=...)`.
///
/// pandas 1.5.3's Cython `group_quantile` reads position q·(n − 1) of each group's sorted valid
/// values and interpolates as v + (w − v)·frac — not numpy's two-sided lerp, so in about 4 % of
/// cases the last bit differs from quantile() (which reproduces the origin script's
/// `agg(lambda x: x.quantile(q))`). Use this function to compare with `df.groupby(k)[v].quantile(q)`.
/// @param qs Levels in [0, 1]; column j of the result belongs to qs[j].
/// @param method pandas' `interpolation`: `linear` (default), `lower`, `higher`, `midpoint` or
///   `nearest` (pandas' rule: the upper neighbour if frac > 0.5, or frac == 0.5 and q > 0.5).
/// @return Eigen::ArrayXXd, groups × levels; NaN rows for groups without valid values.
/// @throws std::domain_error if a level is outside [0, 1] or NaN.
/// @throws std::invalid_argument if values is not a vector of g.rows() entries, or for a method
///   pandas' groupby quantile does not offer.
/// @note Expected O(n log m); extra memory one copy of the values.
template <typename Keys, typename DerivedValues>
[[nodiscard]] Eigen::ArrayXXd pandas_groupby_quantiles(const grouping<Keys>& g,
                                                       const Eigen::DenseBase<DerivedValues>& values,
                                                       const std::vector<double>& qs,
                                                       quantile_method method = quantile_method::linear) {
  detail::check_quantile_call(g, values, qs, method, "pandas_groupby_quantiles");
  detail::check_cython_method(method, "pandas_groupby_quantiles");
  return detail::cython_grouped_quantiles(g, values, qs, method);
}

/// @brief pandas_groupby_quantiles() at one level: `df.groupby(k)[v].quantile(q, interpolation)`.
/// @return Eigen::ArrayXd aligned with g.keys(); NaN for a group without valid values.
/// @throws as pandas_groupby_quantiles().
template <typename Keys, typename DerivedValues>
[[nodiscard]] Eigen::ArrayXd pandas_groupby_quantile(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values,
                                                     double q, quantile_method method = quantile_method::linear) {
  detail::check_values(g, values, "pandas_groupby_quantile");
  detail::check_method(method, "pandas_groupby_quantile");
  detail::check_cython_method(method, "pandas_groupby_quantile");
  detail::check_level(q, "pandas_groupby_quantile", "q");
  return detail::cython_grouped_quantiles(g, values, std::vector<double>{q}, method).col(0);
}

/// @brief Interquartile range Q3 − Q1 per group.
/// @return Eigen::ArrayXd aligned with g.keys(); NaN for a group without valid values.
/// @throws std::invalid_argument if values is not a vector of g.rows() entries.
/// @note Expected O(n).
template <typename Keys, typename DerivedValues>
[[nodiscard]] Eigen::ArrayXd iqr(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values,
                                 quantile_method method = quantile_method::linear) {
  detail::check_values(g, values, "iqr");
  detail::check_method(method, "iqr");
  const Eigen::ArrayXXd quartiles = detail::grouped_quantiles(g, values, std::vector<double>{0.25, 0.75}, method);
  return quartiles.col(1) - quartiles.col(0);
}

/// @brief Everything summarize() computes, one entry per group (aligned with the grouping's keys).
struct group_summary {
  Eigen::ArrayXi size;       ///< rows per group (pandas size())
  Eigen::ArrayXi count;      ///< non-NaN values per group (pandas count())
  Eigen::ArrayXd sum;        ///< pandas sum() (Kahan, row order); 0 for an all-NaN group
  Eigen::ArrayXd mean;       ///< pandas mean() (Kahan, row order)
  Eigen::ArrayXd min;        ///< pandas min()
  Eigen::ArrayXd max;        ///< pandas max()
  Eigen::ArrayXd median;     ///< pandas median(): (a + b) / 2 of the middle pair
  Eigen::ArrayXd stddev;     ///< pandas std() (ddof = 1, Welford in row order); NaN below 2 values
  Eigen::ArrayXd iqr;        ///< Q3 − Q1 with the summary's method (as iqr(g, values, method))
  std::vector<double> levels;  ///< the requested quantile levels, in the order given
  Eigen::ArrayXXd quantiles;   ///< groups × levels; column j is the quantile at levels[j]

  /// @brief The quantile column at `level` (exactly one of `levels`), e.g. `s.quantile(0.75)`.
  /// @throws std::invalid_argument (E133) if `level` was not requested.
  [[nodiscard]] Eigen::ArrayXd quantile(double level) const {
    for (std::size_t j = 0; j < levels.size(); ++j) {
      if (detail::exact_equal(levels[j], level)) {
        return quantiles.col(static_cast<Eigen::Index>(j));
      }
    }
    std::string known;
    for (const double l : levels) {
      known += (known.empty() ? "" : ", ") + detail::number_text(l);
    }
    throw std::invalid_argument(detail::error_prefix("group_summary::quantile") + "level " + detail::number_text(level) +
                                " was not requested (levels are " + (known.empty() ? "none" : known) + ")");
  }
};

/// @brief Count, sum, mean, min, max, median, std, IQR and quantiles per group in one pass over the data.
///
/// One pass over the rows scatters each group's valid values into a contiguous slice of one
/// buffer (a counting sort by group code) while accumulating pandas' Kahan sum, min and max in row
/// order (and Welford's running variance, as pandas' group_var); then each group's median,
/// quantiles and quartiles (for the IQR) come from one shared selection in its slice.
/// Every column equals the corresponding pandas reduction bit for bit (quantiles as
/// `agg(lambda x: x.quantile(q))`, see quantile()).
/// @param qs Levels in [0, 1]; default {0.25, 0.75}.
/// @param method Quantile method; default `linear`.
/// @return group_summary.
/// @throws std::domain_error if a level is outside [0, 1] or NaN.
/// @throws std::invalid_argument if values is not a vector of g.rows() entries.
/// @note Expected O(n + g m log m); extra memory one copy of the values plus O(g).
template <typename Keys, typename DerivedValues>
[[nodiscard]] group_summary summarize(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values,
                                      const std::vector<double>& qs = {0.25, 0.75},
                                      quantile_method method = quantile_method::linear) {
  detail::check_quantile_call(g, values, qs, method, "summarize");
  auto s = detail::scatter_groups<true>(g.codes(), g.sizes(), detail::evaluated(values));
  const Eigen::Index groups = g.groups();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  group_summary r;
  r.size = g.sizes();
  r.count.resize(groups);
  r.sum.resize(groups);
  r.mean.resize(groups);
  r.min.resize(groups);
  r.max.resize(groups);
  r.median.resize(groups);
  r.stddev.resize(groups);
  r.levels = qs;
  std::vector<double> levels = qs;  // the quartiles for the IQR ride along in the same selection
  levels.push_back(0.25);
  levels.push_back(0.75);
  Eigen::ArrayXXd selected(groups, static_cast<Eigen::Index>(levels.size()));
  for (Eigen::Index j = 0; j < groups; ++j) {
    const auto& a = s.state[static_cast<std::size_t>(j)];
    const auto n = s.count(j);
    r.count(j) = static_cast<int>(n);
    r.sum(j) = a.sum;
    r.mean(j) = n == 0 ? nan : a.sum / static_cast<double>(n);
    r.min(j) = n == 0 ? nan : a.min;
    r.max(j) = n == 0 ? nan : a.max;
    r.stddev(j) = std::sqrt(detail::welford_variance(a.squares, a.valid, 1));
  }
  detail::select_groups(s, levels, method, true, &r.median, &selected);
  const auto m = static_cast<Eigen::Index>(qs.size());
  r.quantiles = selected.leftCols(m);
  r.iqr = selected.col(m + 1) - selected.col(m);
  return r;
}


/// @brief pandas' `groupby()[value].describe()` per group, plus the IQR.
struct group_description {
  Eigen::ArrayXi count;   ///< non-NaN values ("count")
  Eigen::ArrayXd mean;    ///< "mean": numpy's pairwise sum / count (Series.mean, not the Kahan groupby mean)
  Eigen::ArrayXd stddev;  ///< "std": two-pass, ddof = 1 (Series.std); NaN below 2 values
  Eigen::ArrayXd min;     ///< "min"
  Eigen::ArrayXd q25;     ///< "25%": numpy.percentile(values, 25) (linear)
  Eigen::ArrayXd q50;     ///< "50%": numpy.percentile(values, 50) (a lerp, not median()'s (a + b) / 2)
  Eigen::ArrayXd q75;     ///< "75%"
  Eigen::ArrayXd max;     ///< "max"
  Eigen::ArrayXd iqr;     ///< q75 − q25 (not in pandas' describe)
};

/// @brief count, mean, std, min, 25 %, 50 %, 75 %, max per group, bit for bit as pandas 1.5.3's
/// `df.groupby(key)[value].describe()`, and the IQR.
///
/// pandas applies `Series.describe()` to each group, so these are nanops' formulas, not the
/// groupby Cython kernels of mean() and stddev(): the mean is numpy's pairwise sum of the group's
/// rows (NaN as 0) over the count, the std the two-pass sqrt(Σ(mean − x)² / (count − 1)), and the
/// quartiles `numpy.percentile` (linear). They can differ from mean(g, v) and stddev(g, v) in the
/// last bit, as pandas' own do. A group without valid values gets count 0 and NaN elsewhere.
/// @throws std::invalid_argument if values is not a vector of g.rows() entries.
/// @note Expected O(n); extra memory two copies of the values.
template <typename Keys, typename DerivedValues>
[[nodiscard]] group_description describe(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values) {
  detail::check_values(g, values, "describe");
  const auto& v = detail::evaluated(values);
  auto s = detail::scatter_groups<true>(g.codes(), g.sizes(), v);
  const detail::described_moments moments = detail::describe_moments(g.codes(), g.sizes(), v);
  const Eigen::Index groups = g.groups();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  group_description d;
  d.count.resize(groups);
  d.min.resize(groups);
  d.max.resize(groups);
  for (Eigen::Index j = 0; j < groups; ++j) {
    const auto n = s.count(j);
    const auto& a = s.state[static_cast<std::size_t>(j)];
    d.count(j) = static_cast<int>(n);
    d.min(j) = n == 0 ? nan : a.min;
    d.max(j) = n == 0 ? nan : a.max;
  }
  d.mean = moments.mean;
  d.stddev = moments.stddev;
  Eigen::ArrayXXd quartiles(groups, 3);
  Eigen::ArrayXd none(groups);
  detail::select_groups(s, {0.25, 0.5, 0.75}, quantile_method::linear, false, &none, &quartiles);
  d.q25 = quartiles.col(0);
  d.q50 = quartiles.col(1);
  d.q75 = quartiles.col(2);
  d.iqr = d.q75 - d.q25;
  return d;
}

/// @name Grouped reductions of a std::vector<double>
/// The same functions with the values in a `std::vector<double>` (seen as an Eigen map, no copy).
/// @{
template <typename Keys>
[[nodiscard]] Eigen::ArrayXi count(const grouping<Keys>& g, const std::vector<double>& values) {
  return count(g, detail::vector_map(values));
}
template <typename Keys>
[[nodiscard]] Eigen::ArrayXd sum(const grouping<Keys>& g, const std::vector<double>& values) {
  return sum(g, detail::vector_map(values));
}
template <typename Keys>
[[nodiscard]] Eigen::ArrayXd mean(const grouping<Keys>& g, const std::vector<double>& values) {
  return mean(g, detail::vector_map(values));
}
template <typename Keys>
[[nodiscard]] Eigen::ArrayXd var(const grouping<Keys>& g, const std::vector<double>& values, int ddof = 1) {
  return var(g, detail::vector_map(values), ddof);
}
template <typename Keys>
[[nodiscard]] Eigen::ArrayXd stddev(const grouping<Keys>& g, const std::vector<double>& values, int ddof = 1) {
  return stddev(g, detail::vector_map(values), ddof);
}
template <typename Keys>
[[nodiscard]] Eigen::ArrayXd minimum(const grouping<Keys>& g, const std::vector<double>& values) {
  return minimum(g, detail::vector_map(values));
}
template <typename Keys>
[[nodiscard]] Eigen::ArrayXd maximum(const grouping<Keys>& g, const std::vector<double>& values) {
  return maximum(g, detail::vector_map(values));
}
template <typename Keys>
[[nodiscard]] Eigen::ArrayXd median(const grouping<Keys>& g, const std::vector<double>& values) {
  return median(g, detail::vector_map(values));
}
template <typename Keys>
[[nodiscard]] Eigen::ArrayXd quantile(const grouping<Keys>& g, const std::vector<double>& values, double q,
                                      quantile_method method = quantile_method::linear) {
  return quantile(g, detail::vector_map(values), q, method);
}
template <typename Keys>
[[nodiscard]] Eigen::ArrayXXd quantiles(const grouping<Keys>& g, const std::vector<double>& values,
                                        const std::vector<double>& qs, quantile_method method = quantile_method::linear) {
  return quantiles(g, detail::vector_map(values), qs, method);
}
template <typename Keys>
[[nodiscard]] Eigen::ArrayXd iqr(const grouping<Keys>& g, const std::vector<double>& values,
                                 quantile_method method = quantile_method::linear) {
  return iqr(g, detail::vector_map(values), method);
}
template <typename Keys>
[[nodiscard]] group_summary summarize(const grouping<Keys>& g, const std::vector<double>& values,
                                      const std::vector<double>& qs = {0.25, 0.75},
                                      quantile_method method = quantile_method::linear) {
  return summarize(g, detail::vector_map(values), qs, method);
}
template <typename Keys>
[[nodiscard]] group_description describe(const grouping<Keys>& g, const std::vector<double>& values) {
  return describe(g, detail::vector_map(values));
}
/// @}
}  // namespace tradeoff

#endif  // TRADEOFF_GROUP_HPP
