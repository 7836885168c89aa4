#ifndef TRADEOFF_DETAIL_KEYED_HASH_HPP
#define TRADEOFF_DETAIL_KEYED_HASH_HPP

/// @file
/// @brief Hashing keyed by a secret drawn once per process, so that keys chosen to collide (all
/// in one slot of a fixed hash function, or strings of equal `std::hash`) cannot be prepared in
/// advance: without the key, collisions are as rare as for random keys. Used by the group_by
/// hash tables and by read_csv's duplicate-name check. Results never depend on the key: only
/// which slot a key lands in does. Internal.
///
/// Strings: SipHash-1-3 (Aumasson & Bernstein, "SipHash: a fast short-input PRF", INDOCRYPT
/// 2012; 1 compression and 3 finalization rounds, the variant Rust's standard HashMap uses).
/// 64-bit patterns: an invertible mixer (xor with the key, xorshift-multiply rounds, one of the
/// multipliers keyed), so equal hashes mean equal patterns.

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <string_view>

namespace tradeoff::detail {

/// The process's secret hash key: std::random_device mixed with the clock and an address (in
/// case random_device is deterministic or throws on some platform). Drawn on first use.
inline const std::array<std::uint64_t, 2>& process_hash_key() {
  static const std::array<std::uint64_t, 2> key = [] {
    std::uint64_t a = static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    std::uint64_t b = static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
    static const int anchor = 0;
    b ^= reinterpret_cast<std::uintptr_t>(&anchor);
    try {
      std::random_device device;
      a ^= (static_cast<std::uint64_t>(device()) << 32U) ^ device();
      b ^= (static_cast<std::uint64_t>(device()) << 32U) ^ device();
    } catch (...) {  // no entropy source: the clock and the address still differ per process
    }
    // splitmix64 steps spread the bits of both words
    auto spread = [](std::uint64_t x) {
      x += 0x9E3779B97F4A7C15ULL;
      x = (x ^ (x >> 30U)) * 0xBF58476D1CE4E5B9ULL;
      x = (x ^ (x >> 27U)) * 0x94D049BB133111EBULL;
      return x ^ (x >> 31U);
    };
    return std::array<std::uint64_t, 2>{spread(a), spread(b ^ spread(a))};
  }();
  return key;
}

/// Keyed, invertible mix of a 64-bit pattern: every output bit depends on every input bit.
class keyed_bits_hash {
 public:
  keyed_bits_hash() : key_(process_hash_key()[0]), multiplier_(process_hash_key()[1] | 1U) {}
  [[nodiscard]] std::uint64_t operator()(std::uint64_t bits) const noexcept {
    std::uint64_t x = bits ^ key_;
    x = (x ^ (x >> 32U)) * multiplier_;
    x = (x ^ (x >> 29U)) * 0xBF58476D1CE4E5B9ULL;
    return x ^ (x >> 32U);
  }

 private:
  std::uint64_t key_;
  std::uint64_t multiplier_;
};

/// SipHash-1-3 of a byte string under the process key; also a hasher for std::unordered_map.
class keyed_string_hash {
 public:
  keyed_string_hash() : k0_(process_hash_key()[0]), k1_(process_hash_key()[1]) {}

  [[nodiscard]] std::uint64_t operator()(std::string_view text) const noexcept {
    std::uint64_t v0 = k0_ ^ 0x736F6D6570736575ULL;
    std::uint64_t v1 = k1_ ^ 0x646F72616E646F6DULL;
    std::uint64_t v2 = k0_ ^ 0x6C7967656E657261ULL;
    std::uint64_t v3 = k1_ ^ 0x7465646279746573ULL;
    auto round = [&] {
      v0 += v1;
      v1 = rotate(v1, 13);
      v1 ^= v0;
      v0 = rotate(v0, 32);
      v2 += v3;
      v3 = rotate(v3, 16);
      v3 ^= v2;
      v0 += v3;
      v3 = rotate(v3, 21);
      v3 ^= v0;
      v2 += v1;
      v1 = rotate(v1, 17);
      v1 ^= v2;
      v2 = rotate(v2, 32);
    };
    const char* p = text.data();
    const std::size_t size = text.size();
    const std::size_t whole = size & ~std::size_t{7};
    for (std::size_t i = 0; i < whole; i += 8) {
      std::uint64_t m = 0;
      std::memcpy(&m, p + i, 8);  // the byte order only relabels the messages: any fixed one is fine
      v3 ^= m;
      round();
      v0 ^= m;
    }
    const std::uint64_t last = little_endian(p + whole, size - whole) | (static_cast<std::uint64_t>(size) << 56U);
    v3 ^= last;
    round();
    v0 ^= last;
    v2 ^= 0xFFU;
    round();
    round();
    round();
    return v0 ^ v1 ^ v2 ^ v3;
  }
  [[nodiscard]] std::size_t operator()(const std::string& text) const noexcept {
    return (*this)(std::string_view(text));
  }

 private:
  static std::uint64_t rotate(std::uint64_t x, unsigned bits) noexcept { return (x << bits) | (x >> (64U - bits)); }
  /// The first `count` (<= 8) bytes at p as a little-endian number.
  static std::uint64_t little_endian(const char* p, std::size_t count) noexcept {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      value |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8U * i);
    }
    return value;
  }
  std::uint64_t k0_;
  std::uint64_t k1_;
};

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_KEYED_HASH_HPP
