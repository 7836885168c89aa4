#ifndef TRADEOFF_TESTS_FUZZ_CHECK_STATS_HPP
#define TRADEOFF_TESTS_FUZZ_CHECK_STATS_HPP

/// @file
/// @brief Property check for tradeoff/quantile.hpp and tradeoff/group.hpp on an arbitrary byte
/// string: decodes values (NaN, ±inf, −0.0, ties), group keys and a level q, then compares
/// quantile (all 13 methods), quantiles, median, iqr and the grouped reductions with the sort-based
/// reference of numpy_reference.hpp. Throws tradeoff_fuzz::check_failure on any disagreement.
///
/// Byte layout: [method] [q selector] [q bytes, by selector] [flags] then per row [key] [value].
/// Values compare equal when both are NaN or when == holds (so +0 equals −0: which zero a
/// selection returns is unspecified, in numpy as in the library).

#include "byte_reader.hpp"
#include "numpy_reference.hpp"

#include <tradeoff/quantile.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff_fuzz {

namespace stats_detail {

inline bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

inline const char* method_name(int m) {
  static const char* const names[] = {"inverted_cdf", "averaged_inverted_cdf", "closest_observation",
                                      "interpolated_inverted_cdf", "hazen", "weibull", "linear",
                                      "median_unbiased", "normal_unbiased", "lower", "higher", "midpoint",
                                      "nearest"};
  return names[m];
}

inline std::string describe(const std::vector<double>& values, double q) {
  std::ostringstream out;
  out.precision(17);
  out << "q=" << q << " n=" << values.size() << " values:";
  for (std::size_t i = 0; i < values.size() && i < 64; ++i) out << " " << values[i];
  return out.str();
}

/// A level from the input: usually a valid one (common levels, fine grid, raw doubles in
/// [0, 1]), sometimes one that must be rejected (negative, above 1, NaN, ±inf).
inline double decode_level(byte_reader& in) {
  static const double common[] = {0.0, 1.0, 0.5, 0.25, 0.75, 0.1, 0.9, 1.0 / 3.0, 2.0 / 3.0, 0.01, 0.99,
                                  0.05, 0.95, 0.2, 0.8, 0.3, 0.7, 0.4, 0.6, 5e-324, 1.0 - 0x1p-53};
  const std::uint8_t selector = in.byte();
  switch (selector % 8) {
    case 0: case 1: case 2:
      return common[in.byte() % (sizeof common / sizeof common[0])];
    case 3: case 4:
      return static_cast<double>(in.u16()) / 65535.0;
    case 5: {
      const double raw = std::fabs(in.raw_double());
      return raw <= 1.0 ? raw : 1.0 / raw;  // NaN stays NaN: a rejected level
    }
    case 6: {
      static const double bad[] = {-0x1p-1074, -0.25, 1.0 + 0x1p-52, 2.0, 1e300,
                                   std::numeric_limits<double>::infinity(),
                                   -std::numeric_limits<double>::infinity(),
                                   std::numeric_limits<double>::quiet_NaN()};
      return bad[in.byte() % 8];
    }
    default:
      return static_cast<double>(in.byte() % 101) / 100.0;
  }
}

inline bool level_valid(double q) { return q >= 0.0 && q <= 1.0; }

/// Every one-array function on `values` (an Eigen expression over the same data as `plain`).
template <typename Values>
void check_one_array(const Values& values, const std::vector<double>& plain, double q, int chosen_method) {
  namespace ref = reference;
  const std::string context = describe(plain, q);
  const auto sorted = ref::sorted_valid(plain);

  if (!level_valid(q)) {
    const auto m = static_cast<tradeoff::quantile_method>(chosen_method);
    expect(throws_with_prefix<std::domain_error>([&] { return tradeoff::quantile(values, q, m); },
                                                 "tradeoff::quantile: "),
           "quantile: level ", q, " did not throw std::domain_error \"tradeoff::quantile: ...\"\n", context);
    expect(throws_with_prefix<std::domain_error>(
               [&] { return tradeoff::quantiles(values, std::vector<double>{0.5, q}, m); }, "tradeoff::quantiles: "),
           "quantiles: level ", q, " did not throw std::domain_error \"tradeoff::quantiles: ...\"\n", context);
    q = 0.5;  // go on with a valid level
  }

  const std::vector<double> levels{q, 0.25, 0.75, 0.5, 0.0, 1.0, q};
  Eigen::ArrayXd level_array(static_cast<Eigen::Index>(levels.size()));
  for (std::size_t j = 0; j < levels.size(); ++j) level_array(static_cast<Eigen::Index>(j)) = levels[j];
  for (int m = 0; m < ref::method_count; ++m) {
    const auto method = static_cast<tradeoff::quantile_method>(m);
    const double want = ref::quantile_sorted(sorted, q, static_cast<ref::method>(m));
    const double got = tradeoff::quantile(values, q, method);
    expect(same(got, want), "quantile(", method_name(m), "): got ", got, ", numpy gives ", want, "\n", context);
    const Eigen::ArrayXd many = tradeoff::quantiles(values, levels, method);
    const Eigen::ArrayXd many_array = tradeoff::quantiles(values, level_array, method);
    expect(many.size() == static_cast<Eigen::Index>(levels.size()) && many_array.size() == many.size(),
           "quantiles(", method_name(m), "): wrong result size\n", context);
    for (std::size_t j = 0; j < levels.size(); ++j) {
      const auto jj = static_cast<Eigen::Index>(j);
      const double expected = ref::quantile_sorted(sorted, levels[j], static_cast<ref::method>(m));
      expect(same(many(jj), expected) && same(many_array(jj), expected), "quantiles(", method_name(m),
             "): level ", levels[j], " gives ", many(jj), " / ", many_array(jj), ", numpy gives ", expected, "\n",
             context);
    }
    const double want_iqr = ref::quantile_sorted(sorted, 0.75, static_cast<ref::method>(m)) -
                            ref::quantile_sorted(sorted, 0.25, static_cast<ref::method>(m));
    const double got_iqr = tradeoff::iqr(values, method);
    expect(same(got_iqr, want_iqr), "iqr(", method_name(m), "): got ", got_iqr, ", expected ", want_iqr, "\n",
           context);
  }
  const double want_median = ref::median_sorted(sorted);
  const double got_median = tradeoff::median(values);
  expect(same(got_median, want_median), "median: got ", got_median, ", pandas gives ", want_median, "\n", context);
}

}  // namespace stats_detail

/// Upper bound on rows (the reference sorts every group for every method).
inline constexpr std::size_t stats_max_rows = 300;

/// @brief Runs every statistics property on the input; throws check_failure on a disagreement.
inline void check_stats(const std::uint8_t* data, std::size_t size) {
  using namespace stats_detail;
  byte_reader in(data, size);
  const int chosen_method = in.byte() % reference::method_count;
  const double q = decode_level(in);
  const std::uint8_t flags = in.byte();
  std::vector<std::uint8_t> key_bytes;
  std::vector<double> plain;
  while (!in.empty() && plain.size() < stats_max_rows) {
    key_bytes.push_back(in.byte());
    plain.push_back(in.value());
  }
  const auto n = static_cast<Eigen::Index>(plain.size());
  Eigen::ArrayXd values(n);
  for (Eigen::Index i = 0; i < n; ++i) values(i) = plain[static_cast<std::size_t>(i)];
  const Eigen::ArrayXd original = values;

  check_one_array(values, plain, q, chosen_method);
  // An expression input: a prefix, as a block of the same array.
  const Eigen::Index prefix = n == 0 ? 0 : static_cast<Eigen::Index>(flags) % (n + 1);
  check_one_array(values.head(prefix), std::vector<double>(plain.begin(), plain.begin() + prefix), q,
                  chosen_method);

  expect(same_bits(values, original),
         "quantile functions modified their input\n", describe(plain, q));
  static_cast<void>(key_bytes);
}

}  // namespace tradeoff_fuzz

#endif  // TRADEOFF_TESTS_FUZZ_CHECK_STATS_HPP
