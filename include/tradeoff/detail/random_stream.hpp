#ifndef TRADEOFF_DETAIL_RANDOM_STREAM_HPP
#define TRADEOFF_DETAIL_RANDOM_STREAM_HPP

/// @file
/// @brief The resampling generator: xoshiro256** (Blackman & Vigna 2018) seeded by SplitMix64
/// (Steele, Lea & Flood 2014), and unbiased indices below n by Lemire's multiply-shift method
/// (Lemire 2019). Pure integer arithmetic, so every platform and standard library draws the same
/// indices. Internal; the definition is restated in docs/bootstrap.md so that other tools can
/// reproduce the resamples.
///
/// Streams: stream k of seed s starts xoshiro256** from the SplitMix64 outputs number 4k, 4k + 1,
/// 4k + 2, 4k + 3 (0-based) of a SplitMix64 whose state starts at s. Each 64-bit xoshiro output
/// gives two 32-bit draws, its high half first; an index below n is taken from one draw u as
/// floor(u n / 2^32), redrawing while (u n mod 2^32) < (2^32 mod n).

#include <cstddef>
#include <cstdint>

namespace tradeoff::detail {

/// SplitMix64's output for the state value `state` (after its increment).
inline std::uint64_t splitmix64_mix(std::uint64_t state) noexcept {
  std::uint64_t z = state;
  z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31U);
}

/// SplitMix64's state increment (2^64 / golden ratio, odd).
inline constexpr std::uint64_t splitmix64_gamma = 0x9E3779B97F4A7C15ULL;

/// xoshiro256** with the stream layout described in the file comment.
class random_stream {
 public:
  random_stream(std::uint64_t seed, std::uint64_t stream) noexcept {
    std::uint64_t splitmix_state = seed + 4U * stream * splitmix64_gamma;
    for (std::uint64_t& word : state_) {
      splitmix_state += splitmix64_gamma;
      word = splitmix64_mix(splitmix_state);
    }
  }

  /// The next 64-bit output of xoshiro256**.
  std::uint64_t next64() noexcept { return step(state_[0], state_[1], state_[2], state_[3]); }

  /// The next 32-bit draw: the high half of a fresh output, then its low half.
  std::uint32_t next32() noexcept {
    if (has_low_half_) {
      has_low_half_ = false;
      return low_half_;
    }
    const std::uint64_t word = next64();
    low_half_ = static_cast<std::uint32_t>(word & 0xFFFFFFFFULL);
    has_low_half_ = true;
    return static_cast<std::uint32_t>(word >> 32U);
  }

  /// An index uniform on [0, n), 1 <= n < 2^32, without bias (Lemire's method).
  std::uint32_t below(std::uint32_t n) noexcept { return finish_below(std::uint64_t{next32()} * n, n); }

  /// out[0, count) = count successive below(n), the same values, two per 64-bit output.
  void fill_below(std::uint32_t n, std::uint32_t* out, std::size_t count) noexcept {
    for_each_below(n, count, [&out](std::uint32_t index) noexcept { *out++ = index; });
  }

  /// visit(i) for count successive below(n), in order, two per 64-bit output: what fill_below
  /// would store, handed over as drawn so that the caller's work on an index overlaps the next
  /// draw. The state lives in locals in the loop; a possible rejection leaves the fast loop and
  /// takes below()'s path, so the values are the same draw for draw.
  template <typename Visit>
  void for_each_below(std::uint32_t n, std::size_t count, Visit visit) noexcept {
    std::size_t i = 0;
    for (;;) {
      if (has_low_half_ && i < count) {  // a pending low half comes first
        visit(below(n));
        ++i;
        continue;
      }
      if (count - i < 2) {
        break;
      }
      std::uint64_t s0 = state_[0];
      std::uint64_t s1 = state_[1];
      std::uint64_t s2 = state_[2];
      std::uint64_t s3 = state_[3];
      std::uint64_t first = 0;
      std::uint64_t word = 0;
      bool rejected = false;
      for (; count - i >= 2; i += 2) {
        word = step(s0, s1, s2, s3);
        first = (word >> 32U) * n;
        const std::uint64_t second = (word & 0xFFFFFFFFULL) * n;
        if ((first & 0xFFFFFFFFULL) < n || (second & 0xFFFFFFFFULL) < n) {  // a rejection is possible
          rejected = true;
          break;
        }
        visit(static_cast<std::uint32_t>(first >> 32U));
        visit(static_cast<std::uint32_t>(second >> 32U));
      }
      state_[0] = s0;
      state_[1] = s1;
      state_[2] = s2;
      state_[3] = s3;
      if (rejected) {
        low_half_ = static_cast<std::uint32_t>(word & 0xFFFFFFFFULL);  // replay in order: the low half is next
        has_low_half_ = true;
        visit(finish_below(first, n));
        ++i;
      }
    }
    if (i < count) {
      visit(below(n));
    }
  }

 private:
  /// One step of xoshiro256** on the state words s0..s3 (the members, or their copies in a loop's
  /// locals): returns the output and advances the state.
  static std::uint64_t step(std::uint64_t& s0, std::uint64_t& s1, std::uint64_t& s2, std::uint64_t& s3) noexcept {
    const std::uint64_t result = rotate_left(s1 * 5U, 7) * 9U;
    const std::uint64_t t = s1 << 17U;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotate_left(s3, 45);
    return result;
  }

  /// Lemire's rejection step for the product m = u n of a first draw u.
  std::uint32_t finish_below(std::uint64_t product, std::uint32_t n) noexcept {
    auto low = static_cast<std::uint32_t>(product & 0xFFFFFFFFULL);
    if (low < n) {
      const std::uint32_t threshold = (0U - n) % n;  // 2^32 mod n (unsigned wrap-around)
      while (low < threshold) {
        product = std::uint64_t{next32()} * n;
        low = static_cast<std::uint32_t>(product & 0xFFFFFFFFULL);
      }
    }
    return static_cast<std::uint32_t>(product >> 32U);
  }

  static std::uint64_t rotate_left(std::uint64_t x, unsigned k) noexcept { return (x << k) | (x >> (64U - k)); }

  std::uint64_t state_[4] = {};
  std::uint32_t low_half_ = 0;
  bool has_low_half_ = false;
};

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_RANDOM_STREAM_HPP
