#ifndef TRADEOFF_DETAIL_GROUP_DESCRIBE_HPP
#define TRADEOFF_DETAIL_GROUP_DESCRIBE_HPP

/// @file
/// @brief pandas 1.5.3's `groupby().describe()` mean and std: it applies `Series.describe()` to
/// each group, whose mean and std are nanops' two-pass formulas over the group's rows with NaN
/// replaced by 0 — numpy's pairwise sum of all n rows (the zeros shape the summation tree) divided
/// by the count; then the pairwise sum of (mean − x)², 0 at NaN rows, over count − 1. Internal.

#include <tradeoff/detail/numpy_sum.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace tradeoff::detail {

struct described_moments {
  Eigen::ArrayXd mean;
  Eigen::ArrayXd stddev;
};

/// Per group: nanops.nanmean and nanops.nanstd (ddof = 1) of its rows in row order.
template <typename Values>
described_moments describe_moments(const Eigen::ArrayXi& codes, const Eigen::ArrayXi& sizes, const Values& values) {
  const auto groups = static_cast<std::size_t>(sizes.size());
  std::vector<std::int64_t> offset(groups + 1, 0);
  for (std::size_t g = 0; g < groups; ++g) {
    offset[g + 1] = offset[g] + sizes(static_cast<Eigen::Index>(g));
  }
  std::vector<std::int64_t> fill(offset.begin(), offset.end() - 1);
  std::vector<double> rows(static_cast<std::size_t>(offset[groups]));
  std::vector<unsigned char> valid(rows.size());
  for (Eigen::Index i = 0; i < codes.size(); ++i) {
    const int c = codes(i);
    if (c < 0) {
      continue;
    }
    const auto x = static_cast<double>(values(i));
    const auto at = static_cast<std::size_t>(fill[static_cast<std::size_t>(c)]++);
    valid[at] = std::isnan(x) ? 0 : 1;
    rows[at] = std::isnan(x) ? 0.0 : x;
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  described_moments m{Eigen::ArrayXd(sizes.size()), Eigen::ArrayXd(sizes.size())};
  std::vector<double> squares;
  for (std::size_t g = 0; g < groups; ++g) {
    const auto first = static_cast<std::size_t>(offset[g]);
    const auto n = static_cast<std::size_t>(offset[g + 1] - offset[g]);
    std::size_t count = 0;
    for (std::size_t i = first; i < first + n; ++i) {
      count += valid[i];
    }
    const auto j = static_cast<Eigen::Index>(g);
    const double mean = numpy_sum(rows.data() + first, n, false) / static_cast<double>(count);
    m.mean(j) = count == 0 ? nan : mean;
    if (count <= 1) {
      m.stddev(j) = nan;
      continue;
    }
    squares.assign(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      const double d = mean - rows[first + i];
      squares[i] = valid[first + i] != 0 ? d * d : 0.0;
    }
    m.stddev(j) = std::sqrt(numpy_sum(squares.data(), n, false) / static_cast<double>(count - 1));
  }
  return m;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_GROUP_DESCRIBE_HPP
