#ifndef TRADEOFF_DETAIL_CSV_NUMBER_HPP
#define TRADEOFF_DETAIL_CSV_NUMBER_HPP

/// @file
/// @brief Cell-level conversions with the semantics of pandas 1.5.3 (`pd.read_csv` defaults
/// followed by `pd.to_numeric(errors="coerce")`). Internal to tradeoff; not API.
///
/// pandas' default float converter ("high" precision, `precise_xstrtod` in
/// pandas/_libs/src/parser/tokenizer.c) is not correctly rounded: it accumulates at most 17
/// significant digits in a double and then multiplies or divides once by a power of ten. About a
/// third of the values printed with `%.17g` come out one ulp away from the correctly rounded
/// value. `parse_pandas_double` reproduces that algorithm step by step so that the results are
/// bit-identical to pandas; `parse_round_trip_double` is the correctly rounded alternative
/// (`std::from_chars`, like `float_precision="round_trip"`).

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <system_error>

namespace tradeoff::detail {

/// pandas' `isspace_ascii`: space, \t, \n, \v, \f, \r.
[[nodiscard]] constexpr bool is_csv_space(char c) noexcept {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

[[nodiscard]] constexpr bool is_ascii_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}

[[nodiscard]] constexpr char ascii_lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

[[nodiscard]] constexpr bool equals_ignoring_case(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) {
      return false;
    }
  }
  return true;
}

/// True when `cell` is one of pandas 1.5.3's default `na_values` (exact, case-sensitive match
/// of the unquoted cell, no trimming): "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN",
/// "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "n/a", "nan", "null".
[[nodiscard]] inline bool is_pandas_na(std::string_view cell) noexcept {
  switch (cell.size()) {
    case 0:
      return true;
    case 2:
      return cell == "NA";
    case 3:
      return cell == "N/A" || cell == "n/a" || cell == "#NA" || cell == "NaN" || cell == "nan";
    case 4:
      return cell == "#N/A" || cell == "<NA>" || cell == "NULL" || cell == "null" ||
             cell == "-NaN" || cell == "-nan";
    case 6:
      return cell == "1.#IND";
    case 7:
      return cell == "-1.#IND" || cell == "1.#QNAN";
    case 8:
      return cell == "#N/A N/A" || cell == "-1.#QNAN";
    default:
      return false;
  }
}

/// pandas' infinity spellings, case-insensitive, whole cell, no whitespace: inf, +inf, -inf,
/// infinity, +infinity, -infinity.
[[nodiscard]] inline bool parse_infinity(std::string_view cell, double& value) noexcept {
  if (cell.empty()) {
    return false;
  }
  const bool negative = cell.front() == '-';
  const std::string_view body =
      (cell.front() == '-' || cell.front() == '+') ? cell.substr(1) : cell;
  if (equals_ignoring_case(body, "inf") || equals_ignoring_case(body, "infinity")) {
    value = negative ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  return false;
}

/// The doubles nearest to 10^0 … 10^308 (compiler-rounded literals, as in pandas' table).
inline constexpr double powers_of_ten[309] = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
      1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
      1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29,
      1e30, 1e31, 1e32, 1e33, 1e34, 1e35, 1e36, 1e37, 1e38, 1e39,
      1e40, 1e41, 1e42, 1e43, 1e44, 1e45, 1e46, 1e47, 1e48, 1e49,
      1e50, 1e51, 1e52, 1e53, 1e54, 1e55, 1e56, 1e57, 1e58, 1e59,
      1e60, 1e61, 1e62, 1e63, 1e64, 1e65, 1e66, 1e67, 1e68, 1e69,
      1e70, 1e71, 1e72, 1e73, 1e74, 1e75, 1e76, 1e77, 1e78, 1e79,
      1e80, 1e81, 1e82, 1e83, 1e84, 1e85, 1e86, 1e87, 1e88, 1e89,
      1e90, 1e91, 1e92, 1e93, 1e94, 1e95, 1e96, 1e97, 1e98, 1e99,
      1e100, 1e101, 1e102, 1e103, 1e104, 1e105, 1e106, 1e107, 1e108, 1e109,
      1e110, 1e111, 1e112, 1e113, 1e114, 1e115, 1e116, 1e117, 1e118, 1e119,
      1e120, 1e121, 1e122, 1e123, 1e124, 1e125, 1e126, 1e127, 1e128, 1e129,
      1e130, 1e131, 1e132, 1e133, 1e134, 1e135, 1e136, 1e137, 1e138, 1e139,
      1e140, 1e141, 1e142, 1e143, 1e144, 1e145, 1e146, 1e147, 1e148, 1e149,
      1e150, 1e151, 1e152, 1e153, 1e154, 1e155, 1e156, 1e157, 1e158, 1e159,
      1e160, 1e161, 1e162, 1e163, 1e164, 1e165, 1e166, 1e167, 1e168, 1e169,
      1e170, 1e171, 1e172, 1e173, 1e174, 1e175, 1e176, 1e177, 1e178, 1e179,
      1e180, 1e181, 1e182, 1e183, 1e184, 1e185, 1e186, 1e187, 1e188, 1e189,
      1e190, 1e191, 1e192, 1e193, 1e194, 1e195, 1e196, 1e197, 1e198, 1e199,
      1e200, 1e201, 1e202, 1e203, 1e204, 1e205, 1e206, 1e207, 1e208, 1e209,
      1e210, 1e211, 1e212, 1e213, 1e214, 1e215, 1e216, 1e217, 1e218, 1e219,
      1e220, 1e221, 1e222, 1e223, 1e224, 1e225, 1e226, 1e227, 1e228, 1e229,
      1e230, 1e231, 1e232, 1e233, 1e234, 1e235, 1e236, 1e237, 1e238, 1e239,
      1e240, 1e241, 1e242, 1e243, 1e244, 1e245, 1e246, 1e247, 1e248, 1e249,
      1e250, 1e251, 1e252, 1e253, 1e254, 1e255, 1e256, 1e257, 1e258, 1e259,
      1e260, 1e261, 1e262, 1e263, 1e264, 1e265, 1e266, 1e267, 1e268, 1e269,
      1e270, 1e271, 1e272, 1e273, 1e274, 1e275, 1e276, 1e277, 1e278, 1e279,
      1e280, 1e281, 1e282, 1e283, 1e284, 1e285, 1e286, 1e287, 1e288, 1e289,
      1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299,
      1e300, 1e301, 1e302, 1e303, 1e304, 1e305, 1e306, 1e307, 1e308,
};

/// `number * 10 + digit` rounded twice (after the product, after the sum), as pandas computes it.
/// Below 9e14 both steps are exact; above, `volatile` keeps the compiler from fusing them into one
/// correctly rounded FMA, which would change the result.
[[nodiscard]] inline double append_digit(double number, int digit) noexcept {
  if (number < 9.0e14) {
    return number * 10.0 + static_cast<double>(digit);
  }
  volatile double scaled = number * 10.0;
  return scaled + static_cast<double>(digit);
}

/// The scan shared by both float converters: [sign] digits [. digits] [e|E [sign] digits], with
/// leading and trailing whitespace, exactly as pandas' `precise_xstrtod` consumes it.
struct decimal_scan {
  bool negative = false;
  double number = 0.0;        ///< pandas' accumulated significand (at most 17 digits)
  std::int32_t exponent = 0;  ///< pandas' decimal exponent
  const char* core_first = nullptr;  ///< first digit or '.', after whitespace and sign
  const char* core_last = nullptr;   ///< one past the last consumed character of the number
};

/// Scans `cell` like pandas' precise_xstrtod, character by character, for every shape it accepts
/// (whitespace, exponents, more than 17 digits); false when it is not a complete number.
/// `scan_decimal` takes the common shapes faster and defers to this for the rest.
[[nodiscard]] inline bool scan_decimal_general(std::string_view cell, decimal_scan& scan) noexcept {
  const char* p = cell.data();
  const char* const last = cell.data() + cell.size();
  const auto at = [&](const char* q) noexcept { return q < last ? *q : '\0'; };
  constexpr int max_digits = 17;

  while (p < last && is_csv_space(*p)) {
    ++p;
  }
  if (at(p) == '-' || at(p) == '+') {
    scan.negative = *p == '-';
    ++p;
  }
  scan.core_first = p;

  // Up to 15 digits are exact in an integer; pandas' double accumulation is identical there.
  std::uint64_t exact = 0;
  int digits = 0;
  double number = 0.0;
  std::int32_t exponent = 0;
  const auto take = [&](int digit) noexcept {
    if (digits < 15) {
      exact = exact * 10U + static_cast<std::uint64_t>(digit);
    } else {
      if (digits == 15) {
        number = static_cast<double>(exact);
      }
      number = append_digit(number, digit);
    }
    ++digits;
  };
  while (is_ascii_digit(at(p))) {
    if (digits < max_digits) {
      take(*p - '0');
    } else {
      ++exponent;
    }
    ++p;
  }
  if (at(p) == '.') {
    ++p;
    int decimals = 0;
    while (digits < max_digits && is_ascii_digit(at(p))) {
      take(*p - '0');
      ++decimals;
      ++p;
    }
    if (digits >= max_digits) {
      while (is_ascii_digit(at(p))) {
        ++p;
      }
    }
    exponent -= decimals;
  }
  if (digits == 0) {
    return false;
  }
  if (digits <= 15) {
    number = static_cast<double>(exact);
  }
  if (at(p) == 'e' || at(p) == 'E') {
    const char* const exponent_mark = p;
    ++p;
    bool exponent_negative = false;
    if (at(p) == '-' || at(p) == '+') {
      exponent_negative = *p == '-';
      ++p;
    }
    // pandas reads at most 17 exponent digits into a C int; wrap like two's complement does.
    std::uint32_t value = 0;
    int exponent_digits = 0;
    while (exponent_digits < max_digits && is_ascii_digit(at(p))) {
      value = value * 10U + static_cast<std::uint32_t>(*p - '0');
      ++exponent_digits;
      ++p;
    }
    if (exponent_digits == 0) {
      p = exponent_mark;  // not an exponent: the 'e' is left unconsumed (and rejects the cell)
    } else {
      const std::uint32_t sum = exponent_negative ? static_cast<std::uint32_t>(exponent) - value
                                                  : static_cast<std::uint32_t>(exponent) + value;
      exponent = static_cast<std::int32_t>(sum);
    }
  }
  scan.core_last = p;
  while (p < last && is_csv_space(*p)) {
    ++p;
  }
  scan.number = number;
  scan.exponent = exponent;
  return p == last;
}

/// Appends the decimal digits at `p` (stopping at `last` or the first non-digit) to `value`,
/// counting them in `count`; eight at a time where eight bytes remain (each byte tested as a digit
/// and the eight combined by three multiplications: pairs, then quadruples, then the octet), one
/// at a time otherwise. `value` wraps past 2^64; callers discard it beyond 17 digits.
[[nodiscard]] inline const char* append_digits(const char* p, const char* last, std::uint64_t& value,
                                               int& count) noexcept {
#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  constexpr std::uint64_t high_nibbles = 0xF0F0F0F0F0F0F0F0ULL;
  while (last - p >= 8) {
    std::uint64_t chunk = 0;
    std::memcpy(&chunk, p, 8);  // the first character in the lowest byte
    // A byte is a digit when its high nibble is 3 and adding 6 keeps it so ('0'..'9').
    if ((chunk & high_nibbles) != 0x3030303030303030ULL ||
        ((chunk + 0x0606060606060606ULL) & high_nibbles) != 0x3030303030303030ULL) {
      break;
    }
    chunk -= 0x3030303030303030ULL;
    chunk = chunk * 10U + (chunk >> 8U);  // byte 2k: 10 d[2k] + d[2k+1]
    chunk = (((chunk & 0x000000FF000000FFULL) * (100U + (1000000ULL << 32U))) +
             (((chunk >> 16U) & 0x000000FF000000FFULL) * (1U + (10000ULL << 32U)))) >> 32U;
    value = value * 100000000U + chunk;
    count += 8;
    p += 8;
  }
#endif
  for (; p < last && is_ascii_digit(*p); ++p) {
    value = value * 10U + static_cast<std::uint64_t>(*p - '0');
    ++count;
  }
  return p;
}

/// Scans `cell` like pandas' precise_xstrtod (scan_decimal_general, bit for bit): the shape
/// [-|+] digits [. digits] with at most 17 digits in all, the way numbers are usually written,
/// in one pass over whole words; anything else through scan_decimal_general.
[[nodiscard]] inline bool scan_decimal(std::string_view cell, decimal_scan& scan) noexcept {
  const char* p = cell.data();
  const char* const last = p + cell.size();
  const bool negative = p < last && *p == '-';
  if (p < last && (*p == '-' || *p == '+')) {
    ++p;
  }
  const char* const first = p;
  std::uint64_t value = 0;
  int digits = 0;
  p = append_digits(p, last, value, digits);
  int decimals = 0;
  if (p < last && *p == '.') {
    const int before = digits;
    p = append_digits(p + 1, last, value, digits);
    decimals = digits - before;
  }
  if (p != last || digits == 0 || digits > 17) {
    return scan_decimal_general(cell, scan);
  }
  // pandas accumulates the first 15 digits exactly and each further one by append_digit.
  double number = 0.0;
  if (digits <= 15) {
    number = static_cast<double>(value);
  } else if (digits == 16) {
    number = append_digit(static_cast<double>(value / 10U), static_cast<int>(value % 10U));
  } else {
    number = append_digit(append_digit(static_cast<double>(value / 100U), static_cast<int>(value / 10U % 10U)),
                          static_cast<int>(value % 10U));
  }
  scan.negative = negative;
  scan.number = number;
  scan.exponent = -decimals;
  scan.core_first = first;
  scan.core_last = last;
  return true;
}

/// pandas 1.5.3's default float conversion of one cell (see the file comment). Returns false for
/// anything pandas would not read as a finite-or-zero number: no digits, trailing junk, or a
/// result that overflows to infinity (pandas reports ERANGE and coerces the cell to NaN).
[[nodiscard]] inline bool parse_pandas_double(std::string_view cell, double& value) noexcept {
  decimal_scan scan;
  if (!scan_decimal(cell, scan)) {
    return false;
  }
  double number = scan.negative ? -scan.number : scan.number;
  const std::int32_t exponent = scan.exponent;
  if (exponent > 308) {
    return false;
  }
  if (exponent > 0) {
    number *= powers_of_ten[exponent];
  } else if (exponent < -308) {
    if (exponent < -616) {
      number = 0.0;
    } else {
      number /= powers_of_ten[-308 - exponent];
      number /= powers_of_ten[308];
    }
  } else {
    number /= powers_of_ten[-exponent];
  }
  if (std::isinf(number)) {
    return false;
  }
  value = number;
  return true;
}

/// For a decimal std::from_chars found out of range (digits [. digits] [e|E [sign] digits]): true
/// when it is too large, false when too small. Locale-free (strtod would read "1.5e400" as 1 in
/// a locale whose decimal point is a comma).
[[nodiscard]] inline bool overflows_double(const char* p, const char* last) noexcept {
  std::int64_t leading = 0;  // decimal exponent of the first non-zero digit
  bool seen = false;
  for (; p < last && is_ascii_digit(*p); ++p) {
    if (seen || *p != '0') {
      leading += seen ? 1 : 0;
      seen = true;
    }
  }
  if (p < last && *p == '.') {
    for (++p; p < last && is_ascii_digit(*p); ++p) {
      if (!seen) {
        --leading;
        seen = *p != '0';
      }
    }
  }
  std::int64_t exponent = 0;
  if (p < last && (*p == 'e' || *p == 'E')) {
    ++p;
    const bool negative = p < last && *p == '-';
    if (p < last && (*p == '-' || *p == '+')) {
      ++p;
    }
    for (; p < last && is_ascii_digit(*p); ++p) {
      exponent = std::min<std::int64_t>(exponent * 10 + (*p - '0'), 1000000);
    }
    exponent = negative ? -exponent : exponent;
  }
  return seen && leading + exponent > 0;
}

/// Correctly rounded conversion (std::from_chars) of the same syntax as `parse_pandas_double`;
/// overflow to infinity is rejected like pandas' round_trip converter does, underflow gives ±0
/// or a subnormal.
[[nodiscard]] inline bool parse_round_trip_double(std::string_view cell, double& value) {
  decimal_scan scan;
  if (!scan_decimal(cell, scan)) {
    return false;
  }
  double magnitude = 0.0;
  const auto result = std::from_chars(scan.core_first, scan.core_last, magnitude);
  if (result.ec == std::errc::result_out_of_range) {
    // Beyond the double range one way or the other (the gap between the two is 600 decades).
    if (overflows_double(scan.core_first, scan.core_last)) {
      return false;
    }
    magnitude = 0.0;
  } else if (result.ec != std::errc{} || result.ptr != scan.core_last) {
    return false;
  }
  if (std::isinf(magnitude)) {
    return false;
  }
  value = scan.negative ? -magnitude : magnitude;
  return true;
}

/// The part of pandas' `str_to_int64`/`str_to_uint64` after the sign: at least one decimal
/// digit, a magnitude of at most `limit`, then only whitespace to the end.
[[nodiscard]] inline bool parse_magnitude(const char* p, const char* last, std::uint64_t limit,
                                          std::uint64_t& magnitude) noexcept {
  if (p == last || !is_ascii_digit(*p)) {
    return false;
  }
  std::uint64_t value = 0;
  for (; p < last && is_ascii_digit(*p); ++p) {
    const auto digit = static_cast<std::uint64_t>(*p - '0');
    if (value > (limit - digit) / 10U) {
      return false;
    }
    value = value * 10U + digit;
  }
  while (p < last && is_csv_space(*p)) {
    ++p;
  }
  magnitude = value;
  return p == last;
}

/// pandas' `str_to_int64`: optional surrounding whitespace, optional sign, decimal digits only,
/// no overflow.
[[nodiscard]] inline bool parse_pandas_int64(std::string_view cell, std::int64_t& value) noexcept {
  const char* p = cell.data();
  const char* const last = cell.data() + cell.size();
  while (p < last && is_csv_space(*p)) {
    ++p;
  }
  const bool negative = p < last && *p == '-';
  if (p < last && (*p == '-' || *p == '+')) {
    ++p;
  }
  std::uint64_t magnitude = 0;
  if (!parse_magnitude(p, last, negative ? 9223372036854775808ULL : 9223372036854775807ULL,
                       magnitude)) {
    return false;
  }
  value = negative ? static_cast<std::int64_t>(0U - magnitude) : static_cast<std::int64_t>(magnitude);
  return true;
}

/// pandas' `str_to_uint64`: like `parse_pandas_int64` but no minus sign and up to 2^64 − 1.
[[nodiscard]] inline bool parse_pandas_uint64(std::string_view cell, std::uint64_t& value) noexcept {
  const char* p = cell.data();
  const char* const last = cell.data() + cell.size();
  while (p < last && is_csv_space(*p)) {
    ++p;
  }
  if (p < last && *p == '+') {
    ++p;
  }
  return parse_magnitude(p, last, 18446744073709551615ULL, value);
}

/// pandas 1.5.3's boolean cells: `true` or `false` in any letter case (its C parser's
/// `to_boolean` compares with `strcasecmp`). Returns 1 for true, 0 for false, -1 otherwise.
[[nodiscard]] inline int pandas_bool_token(std::string_view cell) noexcept {
  const auto equals_ignoring_case = [cell](std::string_view lower) noexcept {
    if (cell.size() != lower.size()) {
      return false;
    }
    for (std::size_t i = 0; i < cell.size(); ++i) {
      const char c = cell[i];
      if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != lower[i]) {
        return false;
      }
    }
    return true;
  };
  if (equals_ignoring_case("true")) {
    return 1;
  }
  if (equals_ignoring_case("false")) {
    return 0;
  }
  return -1;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_CSV_NUMBER_HPP
