#ifndef TRADEOFF_DETAIL_GROUP_REDUCE_HPP
#define TRADEOFF_DETAIL_GROUP_REDUCE_HPP

/// @file
/// @brief Internal: the loops the grouped reductions of group.hpp share — the O(1) argument check,
/// the walk over valid values, pandas' Kahan sums, min/max, and the one selection per group behind
/// median, quantile(s) and IQR.

#include <tradeoff/detail/cython_quantile.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/exact_equal.hpp>
#include <tradeoff/detail/float_exact.hpp>
#include <tradeoff/detail/group_scatter.hpp>
#include <tradeoff/detail/quantile_core.hpp>
#include <tradeoff/detail/vector_shape.hpp>
#include <tradeoff/grouping.hpp>
#include <tradeoff/quantile_method.hpp>

#include <Eigen/Core>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff::detail {

/// Checks that `values` is a vector with one entry per row of the grouping (O(1): the grouping
/// is consistent by construction).
template <typename Keys, typename DerivedValues>
void check_values(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values, const char* function) {
  check_vector(values, function, "values");
  if (values.size() != g.rows()) {
    throw std::invalid_argument(detail::error_prefix(function) + "values has " +
                                std::to_string(values.size()) + " rows but the grouping has " +
                                std::to_string(g.rows()));
  }
}

/// Checks the arguments of a grouped quantile call: the values (check_values), the method, and
/// every level of `qs` (named "qs[j]" in errors).
template <typename Keys, typename DerivedValues>
void check_quantile_call(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values,
                         const std::vector<double>& qs, quantile_method method, const char* function) {
  check_values(g, values, function);
  check_method(method, function);
  for (std::size_t j = 0; j < qs.size(); ++j) {
    check_level(qs[j], function, "qs[" + std::to_string(j) + "]");
  }
}

/// Grouped quantiles (and optionally the median) from a scatter: one shared selection per group.
inline void select_groups(scattered& s, const std::vector<double>& levels, quantile_method method, bool with_median,
                          Eigen::ArrayXd* median_out, Eigen::ArrayXXd* quantiles_out) {
  const auto groups = static_cast<Eigen::Index>(s.state.size());
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const auto m = static_cast<Eigen::Index>(levels.size());
  std::vector<quantile_position> positions(levels.size());
  std::vector<Eigen::Index> needed;
  for (Eigen::Index g = 0; g < groups; ++g) {
    const Eigen::Index n = s.count(g);
    if (n == 0) {
      if (with_median) {
        (*median_out)(g) = nan;
      }
      for (Eigen::Index j = 0; j < m; ++j) {
        (*quantiles_out)(g, j) = nan;
      }
      continue;
    }
    double* data = s.buffer.data() + s.offset[static_cast<std::size_t>(g)];
    needed.clear();
    for (Eigen::Index j = 0; j < m; ++j) {
      positions[static_cast<std::size_t>(j)] = locate_quantile(n, levels[static_cast<std::size_t>(j)], method);
      add_needed(positions[static_cast<std::size_t>(j)], needed);
    }
    if (with_median) {
      add_median_needed(n, needed);
    }
    select_order_statistics(data, n, needed);
    if (with_median) {
      (*median_out)(g) = evaluate_median(n, data);
    }
    for (Eigen::Index j = 0; j < m; ++j) {
      (*quantiles_out)(g, j) = evaluate_quantile(positions[static_cast<std::size_t>(j)], data);
    }
  }
}

template <typename DerivedValues>
decltype(auto) evaluated(const Eigen::DenseBase<DerivedValues>& values) {
  return values.derived().eval();
}

/// Calls visit(group, value) for every row in a group whose value is not NaN, in row order.
template <typename Keys, typename DerivedValues, typename Visit>
void for_each_valid(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values, Visit visit) {
  const auto& v = evaluated(values);
  for (Eigen::Index i = 0; i < g.rows(); ++i) {
    const int c = g.codes()(i);
    const auto x = static_cast<double>(v(i));
    if (c >= 0 && !std::isnan(x)) {
      visit(c, x);
    }
  }
}

/// Per group: pandas' Kahan sum of the valid values in row order, and how many there are.
struct group_sums {
  Eigen::ArrayXd total;
  Eigen::ArrayXi valid;
};

/// pandas' Kahan sums per group in row order, and the number of valid values.
template <typename Keys, typename DerivedValues>
[[nodiscard]] group_sums kahan_sums(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values) {
  group_sums sums{Eigen::ArrayXd::Zero(g.groups()), Eigen::ArrayXi::Zero(g.groups())};
  Eigen::ArrayXd compensation = Eigen::ArrayXd::Zero(g.groups());
  for_each_valid(g, values, [&](int c, double x) {
    kahan_add(sums.total(c), compensation(c), x);
    ++sums.valid(c);
  });
  return sums;
}

template <bool Max, typename Keys, typename DerivedValues>
Eigen::ArrayXd extreme(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values) {
  const double start = Max ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  Eigen::ArrayXd best = Eigen::ArrayXd::Constant(g.groups(), start);
  Eigen::ArrayXi valid = Eigen::ArrayXi::Zero(g.groups());
  for_each_valid(g, values, [&](int c, double x) {  // pandas' group_min_max: first of equals stays
    ++valid(c);
    if (Max ? x > best(c) : x < best(c)) {
      best(c) = x;
    }
  });
  return (valid == 0).select(std::numeric_limits<double>::quiet_NaN(), best);
}

/// Quantiles per group at the levels `qs` (arguments already checked): groups × levels.
template <typename Keys, typename DerivedValues>
[[nodiscard]] Eigen::ArrayXXd grouped_quantiles(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values,
                                                const std::vector<double>& qs, quantile_method method) {
  auto s = scatter_groups<false>(g.codes(), g.sizes(), evaluated(values));
  Eigen::ArrayXXd result(g.groups(), static_cast<Eigen::Index>(qs.size()));
  select_groups(s, qs, method, false, nullptr, &result);
  return result;
}

/// Rejects a method pandas' Cython groupby quantile has no interpolation for.
inline void check_cython_method(quantile_method method, const char* function) {
  if (method != quantile_method::linear && method != quantile_method::lower && method != quantile_method::higher &&
      method != quantile_method::midpoint && method != quantile_method::nearest) {
    throw std::invalid_argument(error_prefix(function) + "pandas' groupby quantile has no interpolation \"" +
                                quantile_method_name(method) + "\" (use linear, lower, higher, midpoint or nearest)");
  }
}

/// pandas' own groupby().quantile(qs, interpolation) per group (arguments already checked).
template <typename Keys, typename DerivedValues>
[[nodiscard]] Eigen::ArrayXXd cython_grouped_quantiles(const grouping<Keys>& g,
                                                       const Eigen::DenseBase<DerivedValues>& values,
                                                       const std::vector<double>& qs, quantile_method method) {
  auto s = scatter_groups<false>(g.codes(), g.sizes(), evaluated(values));
  const auto m = static_cast<Eigen::Index>(qs.size());
  Eigen::ArrayXXd result(g.groups(), m);
  std::vector<cython_quantile_position> positions(qs.size());
  std::vector<Eigen::Index> needed;
  for (Eigen::Index group = 0; group < g.groups(); ++group) {
    const Eigen::Index n = s.count(group);
    if (n == 0) {
      result.row(group).setConstant(std::numeric_limits<double>::quiet_NaN());
      continue;
    }
    double* data = s.buffer.data() + s.offset[static_cast<std::size_t>(group)];
    needed.clear();
    for (std::size_t j = 0; j < qs.size(); ++j) {
      positions[j] = locate_cython_quantile(n, qs[j]);
      needed.push_back(positions[j].index);
      if (!exact_equal(positions[j].fraction, 0.0)) {
        needed.push_back(positions[j].index + 1);
      }
    }
    select_order_statistics(data, n, needed);
    for (std::size_t j = 0; j < qs.size(); ++j) {
      result(group, static_cast<Eigen::Index>(j)) = evaluate_cython_quantile(positions[j], qs[j], method, data);
    }
  }
  return result;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_GROUP_REDUCE_HPP
