#ifndef TRADEOFF_PARETO_ARCHIVE_HPP
#define TRADEOFF_PARETO_ARCHIVE_HPP

/// @file
/// @brief An incremental Pareto archive for benchmark harnesses: insert results as runs
/// finish, keep only the current front, learn which runs a new result pushed off it.

#include <tradeoff/detail/dominance.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/exact_equal.hpp>
#include <tradeoff/duplicates.hpp>
#include <tradeoff/hypervolume.hpp>
#include <tradeoff/hypervolume_contributions.hpp>  // least_contributor
#include <tradeoff/sense.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <map>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace tradeoff {


/// @brief Outcome of pareto_archive::insert.
enum class archive_status {
  entered,      ///< the point is now on the front
  dominated,    ///< a point on the front dominates it; the archive is unchanged
  duplicate,    ///< equal to a front point under duplicates::keep_first; unchanged
  rejected_nan  ///< the point has NaN in some objective; unchanged
};

/// @brief What pareto_archive::insert reports.
template <typename Id>
struct archive_insert_result {
  archive_status status = archive_status::dominated;  ///< what happened to the point
  std::vector<Id> removed;  ///< ids of the points the new one dominates and pushed off the
                            ///< front, in front order (empty unless status is entered)

  std::vector<Id> evicted;  ///< ids removed by the size limit (set_size_limit): at most one,
                            ///< the least hypervolume contributor, which may be the new point

  /// @brief True if the point entered the front.
  [[nodiscard]] bool entered() const noexcept { return status == archive_status::entered; }
};

/// @brief The Pareto front of every point inserted so far, kept up to date one point at a
/// time, each point tagged with a caller id (a run number, a config name, …).
///
/// Definition and policies (the same as pareto_front): a dominates b iff a is no worse in
/// every objective and strictly better in at least one; the archive holds exactly the
/// non-NaN points inserted so far that no other inserted point dominates. Exact duplicates do
/// not dominate each other: with duplicates::keep_all every copy is kept, with
/// keep_first only the first inserted (later copies are reported as `duplicate`). A point
/// with NaN in any objective is refused (`rejected_nan`) and changes nothing. ±inf are
/// ordinary values. After any sequence of inserts, ids() equals the ids of
/// `pareto_front(all inserted points, senses, keep)` in the same order when ids are row
/// numbers.
///
/// Order of ids() and points(): lexicographic in the objectives, each in its own direction
/// (best first), ties (duplicates) in insertion order — pareto_front's order.
///
/// Complexity, for h points on the front: d = 2 keeps the front in a balanced ordered map
/// keyed on the first objective (second objective strictly worsening along it), so insert
/// is O(log h + r) for r removed points; d >= 3 scans the front, O(h d + r) per insert.
/// ids()/points() are O(h) for d = 2 and O(h log h) for d >= 3. Memory O(h d).
///
/// @tparam Id caller id type, copyable (default std::int64_t; strings work).
///
/// Example:
/// @code
/// tradeoff::pareto_archive<> archive(2, {tradeoff::sense::minimize, tradeoff::sense::minimize});
/// auto r = archive.insert({cache_mb, val_loss}, run_number);
/// if (r.entered()) { for (auto gone : r.removed) { /* run `gone` is no longer optimal */ } }
/// @endcode
template <typename Id = std::int64_t>
class pareto_archive {
 public:
  using id_type = Id;
  using insert_result = archive_insert_result<Id>;

  /// @brief An empty archive for points of `dimensions` objectives.
  /// @param dimensions number of objectives d >= 1.
  /// @param senses one tradeoff::sense per objective, or empty (default) for all-minimise.
  /// @param keep what to do with exact duplicates (default duplicates::keep_all).
  /// @throws std::invalid_argument (message starting `tradeoff::pareto_archive: `) if
  ///         dimensions < 1 or senses is neither empty nor of size dimensions.
  explicit pareto_archive(Eigen::Index dimensions, std::vector<sense> senses = {},
                          duplicates keep = duplicates::keep_all)
      : dimensions_(dimensions), keep_(keep) {
    if (dimensions < 1) {
      throw std::invalid_argument(detail::error_prefix("pareto_archive") + "dimensions is " +
                                  std::to_string(dimensions) + ", need at least 1");
    }
    signs_ = detail::sense_signs(senses, dimensions, "tradeoff::pareto_archive");
    detail::check_duplicates(keep, "tradeoff::pareto_archive");
    senses_ = senses.empty() ? std::vector<sense>(static_cast<std::size_t>(dimensions),
                                                  sense::minimize)
                             : std::move(senses);
  }

  /// @brief Inserts a point with its id; see archive_status for the outcomes.
  /// @param point d values (any 1-D Eigen expression of float or double).
  /// @param id    the caller's id for the point; ids need not be unique, they are only
  ///              stored and reported.
  /// @return the status and, if the point entered, the ids of the points it removed.
  /// @throws std::invalid_argument if point is not 1-D of size d.
  /// Complexity: O(log h + removed) for d = 2, O(h d + removed) for d >= 3.
  template <typename Derived>
  insert_result insert(const Eigen::DenseBase<Derived>& point, Id id) {
    detail::static_check_scalar<Derived>();
    if ((point.rows() != 1 && point.cols() != 1) || point.size() != dimensions_) {
      throw std::invalid_argument(detail::error_prefix("pareto_archive::insert") + "point has " +
                                  std::to_string(point.rows()) + " x " +
                                  std::to_string(point.cols()) +
                                  " values but must be a vector of size " +
                                  std::to_string(dimensions_));
    }
    row_.resize(static_cast<std::size_t>(dimensions_));
    for (Eigen::Index j = 0; j < dimensions_; ++j) {
      row_[static_cast<std::size_t>(j)] = static_cast<double>(
          point.cols() == 1 ? point.derived().coeff(j, 0) : point.derived().coeff(0, j));
    }
    return insert_row(std::move(id));
  }

  /// @brief Inserts a point given as a braced list, e.g. `archive.insert({mb, loss}, 7)`.
  /// @throws std::invalid_argument if the list does not have d values.
  insert_result insert(std::initializer_list<double> point, Id id) {
    if (static_cast<Eigen::Index>(point.size()) != dimensions_) {
      throw std::invalid_argument(detail::error_prefix("pareto_archive::insert") + "point has " +
                                  std::to_string(point.size()) +
                                  " values but the archive has " + std::to_string(dimensions_) +
                                  " dimensions");
    }
    row_.assign(point.begin(), point.end());
    return insert_row(std::move(id));
  }

  /// @brief Number of points on the front (duplicates counted under keep_all).
  [[nodiscard]] std::size_t size() const noexcept { return count_; }

  /// @brief True if no point is on the front.
  [[nodiscard]] bool empty() const noexcept { return count_ == 0; }

  /// @brief Number of objectives d.
  [[nodiscard]] Eigen::Index dimensions() const noexcept { return dimensions_; }

  /// @brief The objectives' directions (size d).
  [[nodiscard]] const std::vector<sense>& senses() const noexcept { return senses_; }

  /// @brief Duplicate policy given at construction.
  [[nodiscard]] duplicates duplicate_policy() const noexcept { return keep_; }

  /// @brief Ids of the points on the front, in front order (see the class documentation).
  [[nodiscard]] std::vector<Id> ids() const {
    std::vector<Id> out;
    out.reserve(count_);
    if (dimensions_ == 2) {
      for (const auto& [key, node] : planar_) {
        out.push_back(node.first.id);
        for (const planar_entry& e : node.copies) {
          out.push_back(e.id);
        }
      }
    } else {
      for (const std::size_t k : general_order()) {
        out.push_back(general_ids_[k]);
      }
    }
    return out;
  }

  /// @brief The points on the front as an h x d array in their original units (not negated),
  /// rows in the order of ids().
  [[nodiscard]] Eigen::ArrayXXd points() const {
    Eigen::ArrayXXd out(static_cast<Eigen::Index>(count_), dimensions_);
    Eigen::Index row = 0;
    if (dimensions_ == 2) {
      for (const auto& [key, node] : planar_) {
        out(row, 0) = node.first.x;
        out(row, 1) = node.first.y;
        ++row;
        for (const planar_entry& e : node.copies) {
          out(row, 0) = e.x;
          out(row, 1) = e.y;
          ++row;
        }
      }
    } else {
      const auto d = static_cast<std::size_t>(dimensions_);
      for (const std::size_t k : general_order()) {
        for (std::size_t j = 0; j < d; ++j) {
          out(row, static_cast<Eigen::Index>(j)) = general_values_[k * d + j];
        }
        ++row;
      }
    }
    return out;
  }

  /// @brief Hypervolume of the current front with respect to `reference` (in the archive's
  /// senses); see tradeoff::hypervolume for the definition, policies and errors.
  template <typename Derived>
  [[nodiscard]] double hypervolume(const Eigen::DenseBase<Derived>& reference) const {
    return tradeoff::hypervolume(points(), reference, senses_);
  }

  /// @brief Bounds the archive to `max_points` points: whenever an insert leaves more, the
  /// point with the least exclusive hypervolume contribution with respect to `reference`
  /// (tradeoff::least_contributor of points(), ties to the first in front order) is removed
  /// and reported in the insert result's `evicted`. Copies under keep_all and points outside
  /// the reference box contribute 0 and so go first. If the archive holds more than
  /// `max_points` already, least contributors are removed one at a time until it fits.
  /// @param max_points the limit, >= 1, or 0 to remove the limit.
  /// @param reference d values in the archive's senses (as for tradeoff::hypervolume).
  /// @return the ids removed now, in removal order.
  /// @throws std::invalid_argument (message starting `tradeoff::pareto_archive::set_size_limit: `)
  ///         if `reference` is not a vector of size d or holds NaN (E220).
  /// Complexity of an eviction: one hypervolume_contributions of the h + 1 front points plus
  /// O(h) to unlink the point.
  template <typename Derived>
  std::vector<Id> set_size_limit(std::size_t max_points, const Eigen::DenseBase<Derived>& reference) {
    constexpr const char* function_name = "tradeoff::pareto_archive::set_size_limit";
    const Eigen::ArrayXXd probe(0, dimensions_);
    static_cast<void>(detail::hv_check(probe, reference, senses_, function_name));
    limit_reference_.resize(dimensions_);
    for (Eigen::Index j = 0; j < dimensions_; ++j) {
      limit_reference_(j) = static_cast<double>(reference.derived().coeff(j));
    }
    size_limit_ = max_points;
    std::vector<Id> evicted;
    while (size_limit_ != 0 && count_ > size_limit_) {
      evicted.push_back(evict_least_contributor());
    }
    return evicted;
  }

  /// @brief The size limit (0: none).
  [[nodiscard]] std::size_t size_limit() const noexcept { return size_limit_; }

  /// @brief Removes every point; dimensions, senses, duplicate policy and size limit stay.
  void clear() noexcept {
    planar_.clear();
    general_minimized_.clear();
    general_values_.clear();
    general_ids_.clear();
    count_ = 0;
  }

 private:
  struct planar_entry {
    Id id;
    double x;  // original units
    double y;
  };
  struct planar_node {
    double y;                          // minimise space
    planar_entry first;                // the first point with this value
    std::vector<planar_entry> copies;  // later exact duplicates (keep_all only)
  };

  // row_ holds the point in original units.
  insert_result insert_row(Id id) {
    insert_result result;
    const auto d = static_cast<std::size_t>(dimensions_);
    minimized_.resize(d);
    for (std::size_t j = 0; j < d; ++j) {
      minimized_[j] = detail::to_minimize(row_[j], signs_[j]);
      if (std::isnan(minimized_[j])) {
        result.status = archive_status::rejected_nan;
        return result;
      }
    }
    if (d == 2) {
      insert_planar(std::move(id), result);
    } else {
      insert_general(std::move(id), result);
    }
    if (size_limit_ != 0 && count_ > size_limit_) {
      result.evicted.push_back(evict_least_contributor());
    }
    return result;
  }

  // Removes the least hypervolume contributor and returns its id.
  Id evict_least_contributor() {
    const Eigen::Index least = tradeoff::least_contributor(points(), limit_reference_, senses_);
    auto k = static_cast<std::size_t>(least < 0 ? 0 : least);  // no NaN in the archive
    if (dimensions_ != 2) {
      const std::size_t at = general_order()[k];
      const auto d = static_cast<std::size_t>(dimensions_);
      Id id = general_ids_[at];
      const auto begin = static_cast<std::ptrdiff_t>(at * d);
      general_minimized_.erase(general_minimized_.begin() + begin,
                               general_minimized_.begin() + begin + static_cast<std::ptrdiff_t>(d));
      general_values_.erase(general_values_.begin() + begin,
                            general_values_.begin() + begin + static_cast<std::ptrdiff_t>(d));
      general_ids_.erase(general_ids_.begin() + static_cast<std::ptrdiff_t>(at));
      --count_;
      return id;
    }
    for (auto it = planar_.begin(); it != planar_.end(); ++it) {
      planar_node& node = it->second;
      if (k > node.copies.size()) {
        k -= node.copies.size() + 1;
        continue;
      }
      Id id = k == 0 ? node.first.id : node.copies[k - 1].id;
      if (k == 0 && node.copies.empty()) {
        planar_.erase(it);
      } else if (k == 0) {
        node.first = node.copies.front();
        node.copies.erase(node.copies.begin());
      } else {
        node.copies.erase(node.copies.begin() + static_cast<std::ptrdiff_t>(k - 1));
      }
      --count_;
      return id;
    }
    throw std::logic_error(detail::error_prefix("pareto_archive") + "no front point at the least contributor's position");
  }

  void insert_planar(Id id, insert_result& result) {
    const double x = minimized_[0];
    const double y = minimized_[1];
    auto it = planar_.lower_bound(x);
    if (it != planar_.end() && detail::exact_equal(it->first, x)) {
      if (it->second.y < y) {
        result.status = archive_status::dominated;
        return;
      }
      if (detail::exact_equal(it->second.y, y)) {
        if (keep_ == duplicates::keep_first) {
          result.status = archive_status::duplicate;
          return;
        }
        it->second.copies.push_back({std::move(id), row_[0], row_[1]});
        ++count_;
        result.status = archive_status::entered;
        return;
      }
    } else if (it != planar_.begin() && std::prev(it)->second.y <= y) {
      result.status = archive_status::dominated;
      return;
    }
    // Not dominated: drop the run of points with x >= new x and y >= new y.
    auto last = it;
    while (last != planar_.end() && last->second.y >= y) {
      result.removed.push_back(std::move(last->second.first.id));
      for (planar_entry& e : last->second.copies) {
        result.removed.push_back(std::move(e.id));
      }
      count_ -= 1 + last->second.copies.size();
      ++last;
    }
    planar_.erase(it, last);
    planar_.emplace_hint(last, x, planar_node{y, {std::move(id), row_[0], row_[1]}, {}});
    ++count_;
    result.status = archive_status::entered;
  }

  void insert_general(Id id, insert_result& result) {
    const auto d = static_cast<std::size_t>(dimensions_);
    const std::size_t h = general_ids_.size();
    removed_mask_.assign(h, 0);
    bool any_removed = false;
    const double* const p = minimized_.data();
    const double* const rows = general_minimized_.data();
    for (std::size_t k = 0; k < h; ++k) {
      const double* q = rows + k * d;
      // Branch-free comparison of all coordinates: almost every row is incomparable.
      bool q_le_p = true;
      bool p_le_q = true;
      for (std::size_t j = 0; j < d; ++j) {
        q_le_p &= q[j] <= p[j];
        p_le_q &= p[j] <= q[j];
      }
      if (!(q_le_p || p_le_q)) {
        continue;
      }
      if (q_le_p && p_le_q) {
        // Equal to a front point: nothing dominates it and it dominates nothing.
        if (keep_ == duplicates::keep_first) {
          result.status = archive_status::duplicate;
          return;
        }
        break;
      }
      if (q_le_p) {
        result.status = archive_status::dominated;  // no point can have been marked yet
        return;
      }
      if (p_le_q) {
        removed_mask_[k] = 1;
        any_removed = true;
      }
    }
    if (any_removed) {
      removed_keys_.clear();
      std::size_t kept = 0;
      for (std::size_t k = 0; k < h; ++k) {
        if (removed_mask_[k]) {
          result.removed.push_back(std::move(general_ids_[k]));
          removed_keys_.insert(removed_keys_.end(),
                               general_minimized_.begin() + static_cast<std::ptrdiff_t>(k * d),
                               general_minimized_.begin() + static_cast<std::ptrdiff_t>(k * d + d));
          continue;
        }
        if (kept != k) {
          std::copy_n(general_minimized_.begin() + static_cast<std::ptrdiff_t>(k * d), d,
                      general_minimized_.begin() + static_cast<std::ptrdiff_t>(kept * d));
          std::copy_n(general_values_.begin() + static_cast<std::ptrdiff_t>(k * d), d,
                      general_values_.begin() + static_cast<std::ptrdiff_t>(kept * d));
          general_ids_[kept] = std::move(general_ids_[k]);
        }
        ++kept;
      }
      general_minimized_.resize(kept * d);
      general_values_.resize(kept * d);
      general_ids_.erase(general_ids_.begin() + static_cast<std::ptrdiff_t>(kept),
                         general_ids_.end());
      // Report removed ids in front order.
      sort_removed_in_front_order(result);
    }
    general_minimized_.insert(general_minimized_.end(), minimized_.begin(), minimized_.end());
    general_values_.insert(general_values_.end(), row_.begin(), row_.end());
    general_ids_.push_back(std::move(id));
    count_ = general_ids_.size();
    result.status = archive_status::entered;
  }

  // The removed ids were collected in insertion order, their minimise-space rows in
  // removed_keys_; reorder the ids into front order (lexicographic, ties by insertion).
  void sort_removed_in_front_order(insert_result& result) {
    if (result.removed.size() < 2) {
      return;
    }
    const auto d = static_cast<std::size_t>(dimensions_);
    std::vector<std::size_t> order(result.removed.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const double* keys = removed_keys_.data();
    std::stable_sort(order.begin(), order.end(), [keys, d](std::size_t a, std::size_t b) {
      return std::lexicographical_compare(keys + a * d, keys + a * d + d, keys + b * d,
                                          keys + b * d + d);
    });
    std::vector<Id> sorted;
    sorted.reserve(order.size());
    for (const std::size_t k : order) {
      sorted.push_back(std::move(result.removed[k]));
    }
    result.removed = std::move(sorted);
  }

  // Positions in the d >= 3 storage (insertion order) sorted lexicographically in minimise
  // space, ties by insertion order.
  [[nodiscard]] std::vector<std::size_t> general_order() const {
    const auto d = static_cast<std::size_t>(dimensions_);
    std::vector<std::size_t> order(general_ids_.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const double* keys = general_minimized_.data();
    std::stable_sort(order.begin(), order.end(), [keys, d](std::size_t a, std::size_t b) {
      return std::lexicographical_compare(keys + a * d, keys + a * d + d, keys + b * d,
                                          keys + b * d + d);
    });
    return order;
  }

  Eigen::Index dimensions_;
  duplicates keep_;
  std::vector<double> signs_;
  std::vector<sense> senses_;
  std::size_t size_limit_ = 0;       // 0: no limit
  Eigen::ArrayXd limit_reference_;   // set_size_limit's reference, original units
  std::size_t count_ = 0;
  // d = 2: minimise-space x -> node (y strictly decreasing along the map).
  std::map<double, planar_node> planar_;
  // d >= 3: rows in insertion order.
  std::vector<double> general_minimized_;
  std::vector<double> general_values_;
  std::vector<Id> general_ids_;
  // Scratch.
  std::vector<double> row_;
  std::vector<double> minimized_;
  std::vector<char> removed_mask_;
  std::vector<double> removed_keys_;
};

}  // namespace tradeoff

#endif  // TRADEOFF_PARETO_ARCHIVE_HPP
