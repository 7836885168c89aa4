#ifndef TRADEOFF_DETAIL_INTEGER_SET_HPP
#define TRADEOFF_DETAIL_INTEGER_SET_HPP

/// @file
/// @brief Internal: an ordered set of small integers as a 64-ary bit tree, the staircase
/// structure of the 3-D front sweep, the d >= 4 divide and conquer and the 3-D hypervolume.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tradeoff::detail {

/// A set of integers in [0, n) as a 64-ary tree of bit words: insert, erase, predecessor
/// and successor in O(log64 n) word operations (n = 2^24 needs 4 levels).
class integer_set {
 public:
  explicit integer_set(std::size_t n) { reset(n); }

  /// Makes the set empty with universe [0, n), reusing the memory it already holds.
  void reset(std::size_t n) {
    std::size_t words = n;
    std::size_t level = 0;
    do {
      words = (words + 63) / 64;
      if (level == levels_.size()) {
        levels_.emplace_back();
      }
      levels_[level].assign(words, 0);
      ++level;
    } while (words > 1);
    levels_.resize(level);
  }

  void insert(std::size_t i) noexcept {
    for (auto& level : levels_) {
      const std::uint64_t bit = std::uint64_t{1} << (i & 63U);
      const bool had_any = level[i >> 6U] != 0;
      level[i >> 6U] |= bit;
      if (had_any) {
        return;  // the levels above already know this word is non-empty
      }
      i >>= 6U;
    }
  }

  void erase(std::size_t i) noexcept {
    for (auto& level : levels_) {
      level[i >> 6U] &= ~(std::uint64_t{1} << (i & 63U));
      if (level[i >> 6U] != 0) {
        return;
      }
      i >>= 6U;
    }
  }

  /// Largest element <= i, or npos.
  [[nodiscard]] std::size_t predecessor(std::size_t i) const noexcept {
    for (std::size_t l = 0; l < levels_.size(); ++l) {
      const unsigned bit = static_cast<unsigned>(i & 63U);
      const std::uint64_t below = bit == 63 ? ~std::uint64_t{0} : ((std::uint64_t{1} << (bit + 1)) - 1);
      const std::uint64_t word = levels_[l][i >> 6U] & below;
      if (word != 0) {
        std::size_t position = (i & ~std::size_t{63}) + 63 - static_cast<std::size_t>(count_leading_zeros(word));
        while (l-- > 0) {
          position = position * 64 + 63 -
                     static_cast<std::size_t>(count_leading_zeros(levels_[l][position]));
        }
        return position;
      }
      if ((i >> 6U) == 0) {
        return npos;
      }
      i = (i >> 6U) - 1;
    }
    return npos;
  }

  /// Smallest element >= i, or npos.
  [[nodiscard]] std::size_t successor(std::size_t i) const noexcept {
    for (std::size_t l = 0; l < levels_.size(); ++l) {
      if ((i >> 6U) >= levels_[l].size()) {
        return npos;
      }
      const std::uint64_t word = levels_[l][i >> 6U] & (~std::uint64_t{0} << (i & 63U));
      if (word != 0) {
        std::size_t position = (i & ~std::size_t{63}) + static_cast<std::size_t>(count_trailing_zeros(word));
        while (l-- > 0) {
          position = position * 64 + static_cast<std::size_t>(count_trailing_zeros(levels_[l][position]));
        }
        return position;
      }
      i = (i >> 6U) + 1;
    }
    return npos;
  }

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  static int count_leading_zeros(std::uint64_t w) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_clzll(w);
#else
    int n = 0;
    for (std::uint64_t bit = std::uint64_t{1} << 63U; (w & bit) == 0; bit >>= 1U) ++n;
    return n;
#endif
  }
  static int count_trailing_zeros(std::uint64_t w) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_ctzll(w);
#else
    int n = 0;
    for (; (w & 1U) == 0; w >>= 1U) ++n;
    return n;
#endif
  }

  std::vector<std::vector<std::uint64_t>> levels_;
};

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_INTEGER_SET_HPP
