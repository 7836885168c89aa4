#ifndef TRADEOFF_DETAIL_QUANTIZATION_CORE_HPP
#define TRADEOFF_DETAIL_QUANTIZATION_CORE_HPP

/// @file
/// @brief The byte count of quantised tensors behind quantization.hpp: packed elements rounded
/// up to whole bytes, plus one scale (and zero point) per block, and the check of a format.
/// Internal; not part of the API.

#include <tradeoff/detail/number_text.hpp>
#include <tradeoff/detail/serving_checks.hpp>

#include <cstdint>

namespace tradeoff::detail {

/// @brief Checks a format's fields (`format.*`): 1..64 bits per element, block >= 0, scale bits
/// >= 0 and 0 when there are no blocks.
inline void validate_format(const char* function, std::int64_t bits, std::int64_t block, std::int64_t scale_bits) {
  if (bits < 1 || bits > 64) {
    throw_bad_argument(function, "format.bits_per_element", "must lie in [1, 64] (got " + number_text(bits) + ")");
  }
  require_non_negative(function, "format.block_elements", block);
  require_non_negative(function, "format.scale_bits", scale_bits);
  if (block == 0 && scale_bits != 0) {
    throw_bad_argument(function, "format.scale_bits",
                       "must be 0 when format.block_elements is 0 (per-tensor scales are not counted; got " +
                           number_text(scale_bits) + ")");
  }
}

/// @brief ceil(elements × bits / 8) + ceil(ceil(elements / block) × scale_bits / 8), exact.
inline std::int64_t quantized_bytes_core(const char* function, std::int64_t elements, std::int64_t bits,
                                         std::int64_t block, std::int64_t scale_bits) {
  const std::int64_t data = ceil_divide(checked_multiply(function, elements, bits), 8);
  if (block == 0) return data;
  const std::int64_t scales = ceil_divide(checked_multiply(function, ceil_divide(elements, block), scale_bits), 8);
  return checked_add(function, data, scales);
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_QUANTIZATION_CORE_HPP
