#ifndef TRADEOFF_DETAIL_GROUP_FACTORIZE_HPP
#define TRADEOFF_DETAIL_GROUP_FACTORIZE_HPP

/// @file
/// @brief Turning keys into group codes (pandas' factorize): direct indexing for integer keys with
/// a small range, an open-addressing hash table otherwise, then an optional sort of the distinct
/// keys and a remap of the codes; the grouping of numeric and bool keys built from them. Internal.

#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/exact_equal.hpp>
#include <tradeoff/detail/integer_cast.hpp>
#include <tradeoff/detail/keyed_hash.hpp>
#include <tradeoff/grouping.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace tradeoff::detail {

/// Open-addressing hash table (linear probing, load <= 1/2) from keyed 64-bit hashes to dense ids
/// (first-appearance order). The caller hashes its keys with keyed_bits_hash (invertible, so the
/// hash is the key) or keyed_string_hash (then `same_key(id)` compares the actual keys).
///
/// Bound: the hashes are keyed by a per-process secret (detail/keyed_hash.hpp), so for keys chosen
/// without knowing it every key's expected probe count is O(1), whatever the keys: keys crafted
/// to share a slot of a fixed hash function (the Fibonacci hash this table used before, or
/// libstdc++'s std::hash) spread like random ones.
class dense_id_table {
 public:
  explicit dense_id_table(std::size_t expected) {
    std::size_t capacity = 16;
    while (capacity < 2 * expected + 2) {
      capacity *= 2;
    }
    resize(capacity);
  }

  /// Returns the id of the key with this `hash`, inserting it with the next id if new (`inserted`
  /// says which). `same_key(id)` says whether the key of `id` (whose hash equals `hash`) is the key.
  template <typename SameKey>
  std::int32_t find_or_insert(std::uint64_t hash, SameKey same_key, bool& inserted) {
    if (2 * (size_ + 1) > slots_.size()) {
      grow();
    }
    std::size_t at = slot_of(hash);
    while (true) {
      slot& s = slots_[at];
      if (s.id < 0) {
        s.hash = hash;
        s.id = static_cast<std::int32_t>(size_++);
        inserted = true;
        return s.id;
      }
      if (s.hash == hash && same_key(s.id)) {
        inserted = false;
        return s.id;
      }
      at = (at + 1) & mask_;
    }
  }

  /// find_or_insert() for 64-bit key patterns (integers, doubles): the keyed hash is invertible,
  /// so equal hashes are equal keys.
  std::int32_t find_or_insert(std::uint64_t bits, bool& inserted) {
    return find_or_insert(mix_(bits), [](std::int32_t) { return true; }, inserted);
  }

 private:
  struct slot {
    std::uint64_t hash = 0;
    std::int32_t id = -1;
  };
  std::size_t slot_of(std::uint64_t hash) const { return integer_cast<std::size_t>(hash >> shift_) & mask_; }
  void resize(std::size_t capacity) {
    slots_.assign(capacity, slot{});
    mask_ = capacity - 1;
    int log2 = 0;
    while ((std::size_t{1} << log2) < capacity) {
      ++log2;
    }
    shift_ = static_cast<unsigned>(64 - log2);
  }
  void grow() {
    std::vector<slot> old;
    old.swap(slots_);
    resize(old.size() * 2);
    for (const slot& s : old) {
      if (s.id >= 0) {
        std::size_t at = slot_of(s.hash);
        while (slots_[at].id >= 0) {
          at = (at + 1) & mask_;
        }
        slots_[at] = s;
      }
    }
  }
  keyed_bits_hash mix_;
  std::vector<slot> slots_;
  std::size_t mask_ = 0;
  unsigned shift_ = 0;
  std::size_t size_ = 0;
};

/// Result of factorizing: per row a code (-1 = dropped), per group its key and its number of rows.
template <typename Key>
struct factorized {
  std::vector<Key> keys;
  Eigen::ArrayXi codes;
  Eigen::ArrayXi sizes;
};

/// Renumbers groups so that their keys ascend (`less` orders keys); `keep_last` (if >= 0) is the
/// id of a group that stays last whatever its key (the NaN group).
template <typename Key, typename Less>
void sort_groups(factorized<Key>& f, Less less, std::int32_t keep_last) {
  const auto groups = static_cast<std::int32_t>(f.keys.size());
  std::vector<std::int32_t> order(static_cast<std::size_t>(groups));
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
    if (a == keep_last || b == keep_last) {
      return b == keep_last && a != keep_last;
    }
    return less(f.keys[static_cast<std::size_t>(a)], f.keys[static_cast<std::size_t>(b)]);
  });
  std::vector<std::int32_t> rank(static_cast<std::size_t>(groups));
  std::vector<Key> sorted_keys;
  sorted_keys.reserve(f.keys.size());
  for (std::int32_t r = 0; r < groups; ++r) {
    rank[static_cast<std::size_t>(order[static_cast<std::size_t>(r)])] = r;
    sorted_keys.push_back(f.keys[static_cast<std::size_t>(order[static_cast<std::size_t>(r)])]);
  }
  f.keys = std::move(sorted_keys);
  for (Eigen::Index i = 0; i < f.codes.size(); ++i) {
    const int c = f.codes(i);
    if (c >= 0) {
      f.codes(i) = rank[static_cast<std::size_t>(c)];
    }
  }
}

/// Counts rows per group from the codes.
inline Eigen::ArrayXi sizes_from_codes(const Eigen::ArrayXi& codes, Eigen::Index groups) {
  Eigen::ArrayXi sizes = Eigen::ArrayXi::Zero(groups);
  for (Eigen::Index i = 0; i < codes.size(); ++i) {
    if (codes(i) >= 0) {
      ++sizes(codes(i));
    }
  }
  return sizes;
}

inline void check_row_count(Eigen::Index rows, const char* function) {
  if (rows > static_cast<Eigen::Index>(INT_MAX)) {
    throw std::invalid_argument(error_prefix(function) + std::to_string(rows) +
                                " rows exceed the 32-bit group codes");
  }
}

/// Factorizes integer keys. `selected(i)` says whether row i takes part.
template <typename Int, typename KeyAt, typename Selected>
factorized<Int> factorize_integers(Eigen::Index rows, KeyAt key_at, Selected selected, bool sort) {
  factorized<Int> f;
  f.codes.resize(rows);
  bool any = false;
  Int low = 0;
  Int high = 0;
  for (Eigen::Index i = 0; i < rows; ++i) {
    if (selected(i)) {
      const Int k = key_at(i);
      if (!any) {
        low = k;
        high = k;
        any = true;
      }
      low = std::min(low, k);
      high = std::max(high, k);
    }
  }
  if (!any) {
    f.codes.setConstant(-1);
    return f;
  }
  const long double span = static_cast<long double>(high) - static_cast<long double>(low);
  const long double limit = std::max<long double>(static_cast<long double>(rows) * 2.0L, 1 << 16);
  if (span < limit) {
    // Direct indexing: one table entry per possible key.
    const auto width = static_cast<std::size_t>(span) + 1;
    if (sort) {
      // Pass 2: each row's offset from the smallest key, counted per offset. Offsets are already
      // the sorted group codes when every key in [low, high] occurs; otherwise pass 3 remaps them.
      std::vector<std::int32_t> rows_at(width, 0);
      for (Eigen::Index i = 0; i < rows; ++i) {
        if (selected(i)) {
          const auto offset = static_cast<std::int32_t>(key_at(i) - low);
          f.codes(i) = offset;
          ++rows_at[static_cast<std::size_t>(offset)];
        } else {
          f.codes(i) = -1;
        }
      }
      std::vector<std::int32_t> rank(width, -1);
      std::vector<int> sizes;
      std::int32_t next = 0;
      for (std::size_t v = 0; v < width; ++v) {
        if (rows_at[v] > 0) {
          rank[v] = next++;
          f.keys.push_back(static_cast<Int>(low + static_cast<Int>(v)));
          sizes.push_back(rows_at[v]);
        }
      }
      if (static_cast<std::size_t>(next) != width) {
        for (Eigen::Index i = 0; i < rows; ++i) {
          const int c = f.codes(i);
          if (c >= 0) {
            f.codes(i) = rank[static_cast<std::size_t>(c)];
          }
        }
      }
      f.sizes = Eigen::Map<const Eigen::ArrayXi>(sizes.data(), static_cast<Eigen::Index>(sizes.size()));
      return f;
    }
    std::vector<std::int32_t> table(width, -1);  // first-appearance ids
    std::int32_t next = 0;
    for (Eigen::Index i = 0; i < rows; ++i) {
      if (!selected(i)) {
        f.codes(i) = -1;
        continue;
      }
      const Int k = key_at(i);
      std::int32_t& id = table[static_cast<std::size_t>(k - low)];
      if (id < 0) {
        id = next++;
        f.keys.push_back(k);
      }
      f.codes(i) = id;
    }
  } else {
    dense_id_table table(1024);
    for (Eigen::Index i = 0; i < rows; ++i) {
      if (!selected(i)) {
        f.codes(i) = -1;
        continue;
      }
      const Int k = key_at(i);
      bool inserted = false;
      f.codes(i) = table.find_or_insert(static_cast<std::uint64_t>(static_cast<std::int64_t>(k)), inserted);
      if (inserted) {
        f.keys.push_back(k);
      }
    }
    if (sort) {
      sort_groups(f, std::less<Int>(), -1);
    }
  }
  f.sizes = sizes_from_codes(f.codes, static_cast<Eigen::Index>(f.keys.size()));
  return f;
}

/// Factorizes floating-point keys as pandas 1.5.3 does: -0.0 and +0.0 are one key, shown as the
/// one that appears first; NaN keys are dropped (code -1) or, with keep_nan, form one group that
/// takes its place of first appearance when unsorted and goes last when sorted.
template <typename Real, typename KeyAt, typename Selected>
factorized<Real> factorize_floats(Eigen::Index rows, KeyAt key_at, Selected selected, bool sort, bool keep_nan) {
  factorized<Real> f;
  f.codes.resize(rows);
  dense_id_table table(1024);
  constexpr std::uint64_t nan_bits = 0x7FF8000000000000ULL;  // every NaN hashes as this one
  std::int32_t nan_id = -1;
  for (Eigen::Index i = 0; i < rows; ++i) {
    if (!selected(i)) {
      f.codes(i) = -1;
      continue;
    }
    const Real k = key_at(i);
    std::uint64_t bits = nan_bits;
    if (std::isnan(k)) {
      if (!keep_nan) {
        f.codes(i) = -1;
        continue;
      }
    } else {
      const double as_double = exact_equal(k, Real(0)) ? 0.0 : static_cast<double>(k);  // fold -0.0 into +0.0
      std::memcpy(&bits, &as_double, sizeof bits);
    }
    bool inserted = false;
    const std::int32_t id = table.find_or_insert(bits, inserted);
    if (inserted) {
      f.keys.push_back(k);
      if (std::isnan(k)) {
        nan_id = id;
      }
    }
    f.codes(i) = id;
  }
  if (sort) {
    sort_groups(f, [](Real a, Real b) { return a < b; }, nan_id);
  }
  f.sizes = sizes_from_codes(f.codes, static_cast<Eigen::Index>(f.keys.size()));
  return f;
}

/// Factorizes strings; keys ascend by byte value (code point order for UTF-8), as Python sorts str.
template <typename KeyAt, typename Selected>
factorized<std::string> factorize_strings(Eigen::Index rows, KeyAt key_at, Selected selected, bool sort) {
  factorized<std::string> f;
  f.codes.resize(rows);
  dense_id_table ids(1024);
  const keyed_string_hash hash;
  std::vector<std::string_view> views;
  for (Eigen::Index i = 0; i < rows; ++i) {
    if (!selected(i)) {
      f.codes(i) = -1;
      continue;
    }
    const std::string_view k = key_at(i);
    bool inserted = false;
    const std::int32_t id = ids.find_or_insert(
        hash(k), [&](std::int32_t other) { return views[static_cast<std::size_t>(other)] == k; }, inserted);
    if (inserted) {
      views.push_back(k);
    }
    f.codes(i) = id;
  }
  if (sort) {
    factorized<std::string_view> v;
    v.keys = std::move(views);
    v.codes = std::move(f.codes);
    sort_groups(v, [](std::string_view a, std::string_view b) { return a < b; }, -1);
    views = std::move(v.keys);
    f.codes = std::move(v.codes);
  }
  f.keys.assign(views.begin(), views.end());
  f.sizes = sizes_from_codes(f.codes, static_cast<Eigen::Index>(f.keys.size()));
  return f;
}

template <typename DerivedMask>
void check_mask(const Eigen::DenseBase<DerivedMask>& mask, Eigen::Index rows) {
  if (mask.size() != rows) {
    throw std::invalid_argument(detail::error_prefix("group_by") + "mask has " + std::to_string(mask.size()) +
                                " entries but keys has " + std::to_string(rows));
  }
}

template <typename Scalar, typename KeyAt, typename Selected>
grouping<Eigen::Array<Scalar, Eigen::Dynamic, 1>> group_numeric(Eigen::Index rows, KeyAt key_at, Selected selected,
                                                                 const group_options& options) {
  check_row_count(rows, "group_by");
  using Keys = Eigen::Array<Scalar, Eigen::Dynamic, 1>;
  if constexpr (std::is_same_v<Scalar, bool>) {
    auto f = factorize_integers<int>(
        rows, [&](Eigen::Index i) { return key_at(i) ? 1 : 0; }, selected, options.sort);
    Keys keys(static_cast<Eigen::Index>(f.keys.size()));
    for (std::size_t j = 0; j < f.keys.size(); ++j) {
      keys(static_cast<Eigen::Index>(j)) = f.keys[j] != 0;
    }
    return grouping_access::make(std::move(keys), std::move(f.codes), std::move(f.sizes));
  } else {
    static_assert(std::is_arithmetic_v<Scalar>, "tradeoff::group_by: keys must be arithmetic, bool or strings");
    static_assert(!std::is_same_v<Scalar, long double>, "tradeoff::group_by: long double keys are not supported");
    auto f = [&] {
      if constexpr (std::is_floating_point_v<Scalar>) {
        return factorize_floats<Scalar>(rows, key_at, selected, options.sort, !options.dropna);
      } else {
        return factorize_integers<Scalar>(rows, key_at, selected, options.sort);
      }
    }();
    Keys keys = Eigen::Map<const Keys>(f.keys.data(), static_cast<Eigen::Index>(f.keys.size()));
    return grouping_access::make(std::move(keys), std::move(f.codes), std::move(f.sizes));
  }
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_GROUP_FACTORIZE_HPP
