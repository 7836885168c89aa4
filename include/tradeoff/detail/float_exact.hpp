#ifndef TRADEOFF_DETAIL_FLOAT_EXACT_HPP
#define TRADEOFF_DETAIL_FLOAT_EXACT_HPP

/// @file
/// @brief Floating-point helpers whose results do not depend on the compiler's FMA contraction.
///
/// GCC contracts `a + b * c` into one fused multiply-add whenever the target has FMA
/// (`-march=native`, `-mfma`) because its default is `-ffp-contract=fast`, even across statements.
/// A fused result is rounded once instead of twice, so the last bit can change. Code that must be
/// bit-identical to numpy/pandas routes every product that feeds an addition through
/// `rounded_product`, which hides the product behind an optimisation barrier: the compiler must
/// round it to a double before the addition sees it, so no pass can fuse the two.
///
/// The barrier is an empty inline `asm` statement that claims to read and modify the value in a
/// floating-point register. It emits no instruction; it only makes the value opaque. Where no
/// register constraint is known the value goes through a `volatile` variable instead (slower,
/// equally exact). Internal; not part of the API.

namespace tradeoff::detail {

/// @brief Returns `x` unchanged, but opaque to the optimiser: an expression computing `x` can
/// never be fused with the expression that consumes the result.
inline double fp_barrier(double x) noexcept {
#if (defined(__GNUC__) || defined(__clang__)) && (defined(__x86_64__) || defined(_M_X64) || (defined(__i386__) && defined(__SSE2_MATH__)))
  __asm__("" : "+x"(x));
  return x;
#elif (defined(__GNUC__) || defined(__clang__)) && defined(__aarch64__)
  __asm__("" : "+w"(x));
  return x;
#else
  volatile double stored = x;
  return stored;
#endif
}

/// @brief `a * b` rounded to double, guaranteed not to be fused into a following addition.
inline double rounded_product(double a, double b) noexcept { return fp_barrier(a * b); }

/// @brief `a + b * c` with the product rounded first (two roundings), never one fused multiply-add.
inline double add_product(double a, double b, double c) noexcept { return a + rounded_product(b, c); }

/// @brief `a - b * c` with the product rounded first (two roundings), never one fused multiply-subtract.
inline double subtract_product(double a, double b, double c) noexcept { return a - rounded_product(b, c); }

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_FLOAT_EXACT_HPP
