#ifndef TRADEOFF_GROUPING_HPP
#define TRADEOFF_GROUPING_HPP

/// @file
/// @brief The result type of group_by (group.hpp) and its options: an immutable grouping of rows
/// by key, which every grouped reduction takes.

#include <tradeoff/detail/grouping_access.hpp>

#include <Eigen/Core>

#include <utility>

namespace tradeoff {

/// @brief How group_by orders and filters groups (pandas' `groupby(sort=..., dropna=...)`).
struct group_options {
  bool sort = true;    ///< true: keys ascending (pandas' default); false: order of first appearance.
  bool dropna = true;  ///< true: rows with a NaN key are dropped; false: they form one group (last if sorted).
};

/// @brief Result of group_by: the distinct keys and each row's group code. An immutable value:
/// only group_by builds one, so its invariants hold by construction (every code in [-1, groups()),
/// `sizes()` counts the rows of each code, one key per group) and a grouped reduction checks only
/// that its values have rows() entries, in O(1).
/// @tparam Keys `std::vector<std::string>` for string keys, `Eigen::Array<T, Eigen::Dynamic, 1>` for
///   numeric and bool keys, `key_table` for several key columns.
template <typename Keys>
class grouping {
 public:
  /// An empty grouping: no rows, no groups.
  grouping() = default;
  /// One key per group, in group order (ascending unless sort = false).
  [[nodiscard]] const Keys& keys() const noexcept { return keys_; }
  /// Per row: its group (index into keys()), or −1 if the row is dropped.
  [[nodiscard]] const Eigen::ArrayXi& codes() const noexcept { return codes_; }
  /// Per group: its number of rows (NaN values included; pandas' size()).
  [[nodiscard]] const Eigen::ArrayXi& sizes() const noexcept { return sizes_; }
  /// Number of groups.
  [[nodiscard]] Eigen::Index groups() const noexcept { return sizes_.size(); }
  /// Number of rows of the table the grouping was built for.
  [[nodiscard]] Eigen::Index rows() const noexcept { return codes_.size(); }

 private:
  friend struct detail::grouping_access;
  grouping(Keys keys, Eigen::ArrayXi codes, Eigen::ArrayXi sizes)
      : keys_(std::move(keys)), codes_(std::move(codes)), sizes_(std::move(sizes)) {}
  Keys keys_;
  Eigen::ArrayXi codes_;
  Eigen::ArrayXi sizes_;
};

}  // namespace tradeoff

#endif  // TRADEOFF_GROUPING_HPP
