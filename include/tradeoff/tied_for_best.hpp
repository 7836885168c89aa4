#ifndef TRADEOFF_TIED_FOR_BEST_HPP
#define TRADEOFF_TIED_FOR_BEST_HPP

/// @file
/// @brief "Tied for best": the groups that are not significantly worse than the best group —
/// what a figure may honestly mark as best — with each group's estimate and bootstrap interval.
///
/// The best group has the best statistic (default: the median; the lowest for sense::minimize,
/// the highest for sense::maximize; the first such group in grouping order when estimates tie).
/// Every other group with valid values is tested against it with a one-sided Mann–Whitney U test
/// (scipy 1.10.1's mannwhitneyu; alternative "this group is worse"), the p-values are
/// Holm-corrected over those comparisons, and a group is tied for best when its adjusted p-value
/// exceeds the level. The family-wise probability of calling any group worse that is not worse is
/// then at most the level (Holm 1979).
///
/// NaN policy: NaN values are skipped, as pandas does; a group without valid values is never tied
/// and gets NaN everywhere.

#include <tradeoff/bootstrap.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/group.hpp>
#include <tradeoff/rank_test.hpp>
#include <tradeoff/sense.hpp>

#include <Eigen/Core>

#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff {

/// @brief Options of tied_for_best.
struct tied_for_best_options {
  double level = 0.05;                                      ///< family-wise significance level, in (0, 1)
  tradeoff::statistic statistic = tradeoff::statistic::median();  ///< picks the best group; intervals are of it
  bootstrap_options bootstrap = {};                         ///< for the per-group intervals
  rank_test_method method = rank_test_method::automatic;    ///< for the Mann–Whitney tests
  bool continuity = true;                                   ///< for the Mann–Whitney tests
};

/// @brief Result of tied_for_best (per-group arrays aligned with the grouping's keys).
struct best_groups {
  Eigen::Index best = -1;       ///< the best group (−1 if no group has a valid value)
  Eigen::ArrayXi tied;          ///< the groups tied for best, ascending, the best one included
  Eigen::Array<bool, Eigen::Dynamic, 1> is_tied;  ///< per group: tied for best
  Eigen::ArrayXd p_value;       ///< per group: Holm-adjusted p-value against the best (NaN for the best)
  group_intervals intervals;    ///< per group: estimate and bootstrap interval of the statistic
};

/// @brief The groups not significantly worse than the best one, Holm-corrected.
/// @param g A grouping from group_by over the same rows.
/// @param values One value per row; NaN skipped.
/// @param direction sense::minimize (lower is better, e.g. loss) or sense::maximize.
/// @param options level (0.05), statistic (median), bootstrap options, test method, continuity.
/// @return best, tied, is_tied, adjusted p-values and the per-group intervals.
/// @throws std::domain_error if level is outside (0, 1); otherwise as bootstrap_interval(g, ...)
///   and mann_whitney_u.
/// @note O(B · rows) for the intervals plus O(groups · rows log rows) for the tests.
template <typename Keys, typename DerivedValues>
[[nodiscard]] best_groups tied_for_best(const grouping<Keys>& g, const Eigen::ArrayBase<DerivedValues>& values,
                                        sense direction, const tied_for_best_options& options = {}) {
  if (!(options.level > 0.0 && options.level < 1.0)) {
    throw std::domain_error(detail::error_prefix("tied_for_best") + "level = " + detail::number_text(options.level) +
                            " is outside (0, 1)");
  }
  detail::check_enum(direction, sense::maximize, "tied_for_best", "direction", "sense",
                     "sense::minimize or sense::maximize");
  detail::check_rank_test_method(options.method, "tied_for_best", "options.method");
  detail::check_values(g, values, "tied_for_best");
  best_groups result;
  result.intervals = bootstrap_interval(g, values, options.statistic, options.bootstrap);
  const Eigen::Index groups = g.groups();
  std::vector<std::vector<double>> members(static_cast<std::size_t>(groups));
  detail::for_each_valid(g, values, [&](int c, double x) { members[static_cast<std::size_t>(c)].push_back(x); });
  const Eigen::ArrayXd& estimate = result.intervals.estimate;
  for (Eigen::Index j = 0; j < groups; ++j) {
    if (members[static_cast<std::size_t>(j)].empty() || std::isnan(estimate(j))) {
      continue;
    }
    const bool better = result.best < 0 || (direction == sense::minimize ? estimate(j) < estimate(result.best)
                                                                          : estimate(j) > estimate(result.best));
    if (better) {
      result.best = j;
    }
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  Eigen::ArrayXd raw = Eigen::ArrayXd::Constant(groups, nan);
  result.is_tied = Eigen::Array<bool, Eigen::Dynamic, 1>::Constant(groups, false);
  if (result.best >= 0) {
    const std::vector<double>& best_values = members[static_cast<std::size_t>(result.best)];
    const Eigen::Map<const Eigen::ArrayXd> reference(best_values.data(), static_cast<Eigen::Index>(best_values.size()));
    mann_whitney_options test;
    test.alternative = direction == sense::minimize ? alternative::greater : alternative::less;
    test.method = options.method;
    test.continuity = options.continuity;
    for (Eigen::Index j = 0; j < groups; ++j) {
      const std::vector<double>& own = members[static_cast<std::size_t>(j)];
      if (j == result.best || own.empty()) {
        continue;
      }
      const Eigen::Map<const Eigen::ArrayXd> sample(own.data(), static_cast<Eigen::Index>(own.size()));
      raw(j) = mann_whitney_u(sample, reference, test).p_value;
    }
  }
  result.p_value = holm_adjust(raw);
  std::vector<int> tied;
  for (Eigen::Index j = 0; j < groups; ++j) {
    result.is_tied(j) = j == result.best || result.p_value(j) > options.level;
    if (result.is_tied(j)) {
      tied.push_back(static_cast<int>(j));
    }
  }
  result.tied = Eigen::Map<const Eigen::ArrayXi>(tied.data(), static_cast<Eigen::Index>(tied.size()));
  return result;
}

}  // namespace tradeoff

#endif  // TRADEOFF_TIED_FOR_BEST_HPP
