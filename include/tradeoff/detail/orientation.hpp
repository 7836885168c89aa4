#ifndef TRADEOFF_DETAIL_ORIENTATION_HPP
#define TRADEOFF_DETAIL_ORIENTATION_HPP

/// @file
/// @brief The exact sign of the 2-D orientation determinant (a − o) × (p − o) for any finite
/// doubles. Internal.
///
/// A floating-point filter decides almost every call: the determinant in double arithmetic with
/// Shewchuk's a-priori error bound for it ("Adaptive Precision Floating-Point Arithmetic and Fast
/// Robust Geometric Predicates", Discrete Comput. Geom. 18, 1997: |error| <= (3 + 16ε)ε
/// (|left| + |right|)), trusted only when nothing overflowed or underflowed. The rest (collinear
/// or nearly collinear points, coordinates beyond about 1e154 whose products overflow, tiny
/// ones whose products underflow) is decided exactly in integer arithmetic: every finite
/// double is m · 2^e with an integer m < 2^53, so with E the smallest such e among the six
/// coordinates each coordinate is the integer m · 2^(e − E), and the determinant is an integer
/// computed without rounding. Its width grows with the exponent spread of the six coordinates
/// (3 limbs for ordinary data, at most 136 for 1e-300 next to 1e300).

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>

namespace tradeoff::detail {

/// A signed integer of up to 136 × 32 bits, enough for the product of two differences of
/// doubles at any exponent spread (2 · (2098 + 53 + 1) bits < 136 · 32).
class exact_integer {
 public:
  static constexpr int capacity = 136;

  /// m · 2^shift with m < 2^53 and shift >= 0; negative if `negative`.
  static exact_integer shifted(std::uint64_t m, int shift, bool negative) noexcept {
    exact_integer r;
    const int limb = shift / 32;
    const int bit = shift % 32;
    const std::uint64_t low = m << bit;                                   // bits 0 ... 63 of m · 2^bit
    const std::uint64_t high = bit == 0 ? 0 : m >> static_cast<unsigned>(64 - bit);  // bits 64 ... 84
    const auto at = static_cast<std::size_t>(limb);
    r.limbs_[at] = static_cast<std::uint32_t>(low);
    r.limbs_[at + 1] = static_cast<std::uint32_t>(low >> 32U);
    r.limbs_[at + 2] = static_cast<std::uint32_t>(high);
    r.size_ = limb + 3;
    r.negative_ = negative;
    r.trim();
    return r;
  }

  friend exact_integer operator-(const exact_integer& a, const exact_integer& b) noexcept {
    exact_integer negated = b;
    negated.negative_ = !b.negative_ && b.size_ > 0;
    return add(a, negated);
  }

  friend exact_integer operator*(const exact_integer& a, const exact_integer& b) noexcept {
    exact_integer r;
    if (a.size_ == 0 || b.size_ == 0) {
      return r;
    }
    for (int i = 0; i < a.size_; ++i) {
      std::uint64_t carry = 0;
      for (int j = 0; j < b.size_; ++j) {
        const auto at = static_cast<std::size_t>(i + j);
        const std::uint64_t t = static_cast<std::uint64_t>(a.limbs_[static_cast<std::size_t>(i)]) *
                                    b.limbs_[static_cast<std::size_t>(j)] +
                                r.limbs_[at] + carry;
        r.limbs_[at] = static_cast<std::uint32_t>(t);
        carry = t >> 32U;
      }
      r.limbs_[static_cast<std::size_t>(i + b.size_)] = static_cast<std::uint32_t>(carry);
    }
    r.size_ = a.size_ + b.size_;
    r.negative_ = a.negative_ != b.negative_;
    r.trim();
    return r;
  }

  /// -1, 0 or +1.
  [[nodiscard]] int sign() const noexcept { return size_ == 0 ? 0 : (negative_ ? -1 : 1); }

 private:
  static int compare_magnitude(const exact_integer& a, const exact_integer& b) noexcept {
    if (a.size_ != b.size_) {
      return a.size_ < b.size_ ? -1 : 1;
    }
    for (int i = a.size_ - 1; i >= 0; --i) {
      const auto k = static_cast<std::size_t>(i);
      if (a.limbs_[k] != b.limbs_[k]) {
        return a.limbs_[k] < b.limbs_[k] ? -1 : 1;
      }
    }
    return 0;
  }
  static exact_integer add(const exact_integer& a, const exact_integer& b) noexcept {
    exact_integer r;
    if (a.negative_ == b.negative_) {
      std::uint64_t carry = 0;
      const int n = std::max(a.size_, b.size_);
      for (int i = 0; i < n; ++i) {
        const auto k = static_cast<std::size_t>(i);
        const std::uint64_t t = static_cast<std::uint64_t>(a.limbs_[k]) + b.limbs_[k] + carry;
        r.limbs_[k] = static_cast<std::uint32_t>(t);
        carry = t >> 32U;
      }
      r.limbs_[static_cast<std::size_t>(n)] = static_cast<std::uint32_t>(carry);
      r.size_ = n + 1;
      r.negative_ = a.negative_;
    } else {
      const int order = compare_magnitude(a, b);
      if (order == 0) {
        return r;
      }
      const exact_integer& big = order > 0 ? a : b;
      const exact_integer& small = order > 0 ? b : a;
      std::int64_t borrow = 0;
      for (int i = 0; i < big.size_; ++i) {
        const auto k = static_cast<std::size_t>(i);
        std::int64_t t = static_cast<std::int64_t>(big.limbs_[k]) - small.limbs_[k] - borrow;
        borrow = t < 0 ? 1 : 0;
        t += borrow * (std::int64_t{1} << 32);
        r.limbs_[k] = static_cast<std::uint32_t>(t);
      }
      r.size_ = big.size_;
      r.negative_ = big.negative_;
    }
    r.trim();
    return r;
  }
  void trim() noexcept {
    while (size_ > 0 && limbs_[static_cast<std::size_t>(size_ - 1)] == 0) {
      --size_;
    }
    if (size_ == 0) {
      negative_ = false;
    }
  }
  std::array<std::uint32_t, capacity> limbs_{};
  int size_ = 0;
  bool negative_ = false;
};

/// Sign of (ax − ox)(py − oy) − (ay − oy)(px − ox) for finite inputs, exactly: +1 if o, a, p turn
/// counter-clockwise, −1 if clockwise, 0 if collinear.
[[nodiscard]] inline int orientation_sign(double ox, double oy, double ax, double ay, double px, double py) noexcept {
  const double left = (ax - ox) * (py - oy);
  const double right = (ay - oy) * (px - ox);
  const double determinant = left - right;
  const double magnitude = std::fabs(left) + std::fabs(right);
  constexpr double epsilon = std::numeric_limits<double>::epsilon() / 2.0;  // 2^-53
  constexpr double bound = (3.0 + 16.0 * epsilon) * epsilon;
  // Far from underflow (2^-900) the subnormal rounding of a product is far below the bound.
  constexpr double smallest_trusted = 0x1p-900;
  if (std::isfinite(magnitude) && magnitude > smallest_trusted && std::fabs(determinant) > bound * magnitude) {
    return determinant > 0.0 ? 1 : -1;
  }
  // Exact: each coordinate as the integer m · 2^(e − E).
  const std::array<double, 6> coordinates{ox, oy, ax, ay, px, py};
  std::array<std::uint64_t, 6> mantissa{};
  std::array<int, 6> exponent{};
  int lowest = std::numeric_limits<int>::max();
  for (std::size_t i = 0; i < 6; ++i) {
    int k = 0;
    const double fraction = std::frexp(std::fabs(coordinates[i]), &k);  // |c| = fraction · 2^k
    mantissa[i] = static_cast<std::uint64_t>(std::ldexp(fraction, 53));
    exponent[i] = k - 53;
    if (mantissa[i] != 0) {
      lowest = std::min(lowest, exponent[i]);
    }
  }
  if (lowest == std::numeric_limits<int>::max()) {
    return 0;  // all six are zero
  }
  std::array<exact_integer, 6> value;
  for (std::size_t i = 0; i < 6; ++i) {
    value[i] = mantissa[i] == 0 ? exact_integer{}
                                : exact_integer::shifted(mantissa[i], exponent[i] - lowest, coordinates[i] < 0.0);
  }
  const exact_integer exact_left = (value[2] - value[0]) * (value[5] - value[1]);
  const exact_integer exact_right = (value[3] - value[1]) * (value[4] - value[0]);
  return (exact_left - exact_right).sign();
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_ORIENTATION_HPP
