#ifndef TRADEOFF_TESTS_FUZZ_CHECK_STATS_HPP
#define TRADEOFF_TESTS_FUZZ_CHECK_STATS_HPP

/// @file
/// @brief Property check for tradeoff/quantile.hpp and tradeoff/group.hpp on an arbitrary byte
/// string: decodes values (NaN, ±inf, −0.0, ties), group keys and a level q, then compares
/// quantile (the chosen method and one other, so all 13 over the inputs), quantiles, median, iqr
/// and the grouped reductions with the sort-based
/// reference of numpy_reference.hpp. Throws tradeoff_fuzz::check_failure on any disagreement.
///
/// Byte layout: [method] [q selector] [q bytes, by selector] [flags] then per row [key] [value].
/// flags bits 0-1: key type (int, double, string, bool), bit 2: group_options::sort = false
/// (first appearance), bit 3: dropna = false, bit 4: a row mask (key byte bit 7), bit 5: also
/// check that values of the wrong length throw std::invalid_argument; flags also picks the length
/// of the prefix that is passed as an expression.
/// Values compare equal when both are NaN or when == holds (so +0 equals −0: which zero a
/// selection returns is unspecified, in numpy as in the library).

#include "byte_reader.hpp"
#include "numpy_reference.hpp"

#include <tradeoff/group.hpp>
#include <tradeoff/quantile.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <type_traits>
#include <utility>
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
  const lazy_text context{[&] { return describe(plain, q); }};
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
  // Two methods per input, the chosen one and another: the input's method byte reaches all 13,
  // and checking every one on every input made this half of each execution (issue 21).
  for (const int m : {chosen_method, (chosen_method + 7) % ref::method_count}) {
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


/// The expected grouping, built by the definition: the selected rows' distinct keys (== equality,
/// so -0.0 and +0.0 are one key; NaN keys dropped, or kept as one group: last when sorted, at its
/// first appearance otherwise, as pandas 1.5.3 orders it), sorted ascending or in order of first
/// appearance, and each row's group.
template <typename Key>
struct expected_grouping {
  std::vector<Key> keys;
  bool nan_group = false;  // floating keys with dropna = false: one extra group ...
  int nan_code = 0;        // ... at this position (keys after it move up by one)
  std::vector<int> codes;
};

template <typename Key>
bool is_nan_key(const Key& k) {
  if constexpr (std::is_floating_point_v<Key>) {
    return std::isnan(k);
  } else {
    static_cast<void>(k);
    return false;
  }
}

template <typename Key>
expected_grouping<Key> group_by_definition(const std::vector<Key>& keys, const std::vector<bool>& selected, bool sort,
                                           bool dropna) {
  expected_grouping<Key> e;
  std::size_t nan_position = 0;  // keys seen before the first NaN key
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (!selected[i]) continue;
    if (is_nan_key(keys[i])) {
      if (!dropna && !e.nan_group) {
        e.nan_group = true;
        nan_position = e.keys.size();
      }
      continue;
    }
    if (std::find(e.keys.begin(), e.keys.end(), keys[i]) == e.keys.end()) e.keys.push_back(keys[i]);
  }
  if (sort) {
    std::sort(e.keys.begin(), e.keys.end());
    nan_position = e.keys.size();
  }
  e.nan_code = static_cast<int>(nan_position);
  e.codes.assign(keys.size(), -1);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (!selected[i]) continue;
    if (is_nan_key(keys[i])) {
      if (e.nan_group) e.codes[i] = e.nan_code;
      continue;
    }
    const auto position = static_cast<int>(std::find(e.keys.begin(), e.keys.end(), keys[i]) - e.keys.begin());
    e.codes[i] = e.nan_group && position >= e.nan_code ? position + 1 : position;
  }
  return e;
}

template <typename Key>
std::string show_key(const Key& k) {
  std::ostringstream out;
  out.precision(17);
  if constexpr (std::is_same_v<Key, std::string>) {
    out << '"' << k << '"';
  } else if constexpr (std::is_same_v<Key, bool>) {
    out << (k ? "true" : "false");
  } else {
    out << +k;
  }
  return out.str();
}

/// Key j of a grouping's keys (a std::vector of strings or an Eigen array).
template <typename Keys>
auto key_at(const Keys& keys, std::size_t j) {
  if constexpr (std::is_same_v<Keys, std::vector<std::string>>) {
    return keys[j];
  } else {
    return keys(static_cast<Eigen::Index>(j));
  }
}

template <typename Key, typename Actual>
bool same_key(const Key& expected, const Actual& actual) {
  if constexpr (std::is_floating_point_v<Key>) {
    return same(static_cast<double>(expected), static_cast<double>(actual));
  } else {
    return expected == static_cast<Key>(actual);
  }
}

/// Compares a grouping with the definition, then every grouped reduction with the reference
/// applied to each group's values in row order.
template <typename Grouping, typename Key>
void check_grouping(const Grouping& g, const expected_grouping<Key>& e, const std::vector<double>& values, double q,
                    int chosen_method, bool wrong_length, const lazy_text& context) {
  namespace ref = reference;
  const std::size_t groups = e.keys.size() + (e.nan_group ? 1 : 0);
  expect(static_cast<std::size_t>(g.groups()) == groups && static_cast<std::size_t>(g.keys().size()) == groups,
         "group_by: ", g.groups(), " groups (", g.keys().size(), " keys), expected ", groups, "\n", context);
  for (std::size_t j = 0; j < e.keys.size(); ++j) {
    const std::size_t at = e.nan_group && static_cast<int>(j) >= e.nan_code ? j + 1 : j;
    expect(same_key(e.keys[j], key_at(g.keys(), at)), "group_by: key ", at, " is ",
           show_key(static_cast<Key>(key_at(g.keys(), at))), ", expected ", show_key(e.keys[j]), "\n", context);
  }
  if (e.nan_group) {
    expect(is_nan_key(static_cast<Key>(key_at(g.keys(), static_cast<std::size_t>(e.nan_code)))), "group_by(dropna = false): key ",
           e.nan_code, " is not NaN\n", context);
  }
  expect(static_cast<std::size_t>(g.rows()) == values.size(), "group_by: rows() wrong\n", context);
  std::vector<std::vector<double>> members(groups);
  std::vector<int> sizes(groups, 0);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int code = g.codes()(static_cast<Eigen::Index>(i));
    expect(code == e.codes[i], "group_by: row ", i, " has code ", code, ", expected ", e.codes[i], "\n", context);
    if (code >= 0) {
      members[static_cast<std::size_t>(code)].push_back(values[i]);
      ++sizes[static_cast<std::size_t>(code)];
    }
  }
  Eigen::ArrayXd plain(static_cast<Eigen::Index>(values.size()));
  for (std::size_t i = 0; i < values.size(); ++i) plain(static_cast<Eigen::Index>(i)) = values[i];
  const Eigen::ArrayXd before = plain;

  const auto method = static_cast<tradeoff::quantile_method>(chosen_method);
  const std::vector<double> levels{q, 0.5, 0.25, 0.75};
  const Eigen::ArrayXi count = tradeoff::count(g, plain);
  const Eigen::ArrayXi size = tradeoff::group_sizes(g);
  const Eigen::ArrayXd sum = tradeoff::sum(g, plain);
  const Eigen::ArrayXd mean = tradeoff::mean(g, plain);
  const Eigen::ArrayXd var = tradeoff::var(g, plain);
  const Eigen::ArrayXd std = tradeoff::stddev(g, plain);
  const Eigen::ArrayXd var0 = tradeoff::var(g, plain, 0);
  const Eigen::ArrayXd min = tradeoff::minimum(g, plain);
  const Eigen::ArrayXd max = tradeoff::maximum(g, plain);
  const Eigen::ArrayXd median = tradeoff::median(g, plain);
  const Eigen::ArrayXd quantile = tradeoff::quantile(g, plain, q, method);
  const Eigen::ArrayXXd quantiles = tradeoff::quantiles(g, plain, levels, method);
  const Eigen::ArrayXd iqr = tradeoff::iqr(g, plain, method);
  const tradeoff::group_summary summary = tradeoff::summarize(g, plain, levels, method);
  const auto gs = static_cast<Eigen::Index>(groups);
  for (const Eigen::Index got : {count.size(), size.size(), sum.size(), mean.size(), var.size(), std.size(),
                                 min.size(), max.size(), median.size(), quantile.size(), quantiles.rows(), iqr.size(),
                                 summary.count.size(), summary.quantiles.rows()}) {
    expect(got == gs, "a grouped reduction returned ", got, " entries for ", groups, " groups\n", context);
  }
  expect(quantiles.cols() == 4 && summary.quantiles.cols() == 4 && summary.levels == levels,
         "grouped quantiles: wrong number of levels\n", context);
  for (std::size_t j = 0; j < groups; ++j) {
    const auto jj = static_cast<Eigen::Index>(j);
    const std::vector<double>& v = members[j];
    const auto sorted = ref::sorted_valid(v);
    long valid = 0;
    const double want_sum = ref::kahan_sum(v, valid);
    const double want_var = ref::welford_var(v);
    const std::string where = "group " + std::to_string(j) + " (" + std::to_string(v.size()) + " rows)";
    auto compare = [&](const char* what, double got, double want) {
      expect(same(got, want), what, ": ", where, ": got ", got, ", pandas gives ", want, "\n", context);
    };
    expect(count(jj) == valid && summary.count(jj) == valid, "count: ", where, ": got ", count(jj), "/",
           summary.count(jj), ", expected ", valid, "\n", context);
    expect(size(jj) == sizes[j] && g.sizes()(jj) == sizes[j] && summary.size(jj) == sizes[j], "size: ", where,
           ": got ", size(jj), "/", g.sizes()(jj), "/", summary.size(jj), ", expected ", sizes[j], "\n", context);
    compare("sum", sum(jj), want_sum);
    compare("summarize.sum", summary.sum(jj), want_sum);
    compare("mean", mean(jj), ref::kahan_mean(v));
    compare("summarize.mean", summary.mean(jj), ref::kahan_mean(v));
    compare("var", var(jj), want_var);
    compare("std", std(jj), std::sqrt(want_var));
    compare("var(ddof = 0)", var0(jj), ref::welford_var(v, 0));
    compare("min", min(jj), ref::group_min(v));
    compare("max", max(jj), ref::group_max(v));
    compare("summarize.min", summary.min(jj), ref::group_min(v));
    compare("summarize.max", summary.max(jj), ref::group_max(v));
    compare("median", median(jj), ref::median_sorted(sorted));
    compare("summarize.median", summary.median(jj), ref::median_sorted(sorted));
    compare(method_name(chosen_method), quantile(jj), ref::quantile_sorted(sorted, q, method));
    for (std::size_t l = 0; l < levels.size(); ++l) {
      const double want = ref::quantile_sorted(sorted, levels[l], method);
      compare("quantiles", quantiles(jj, static_cast<Eigen::Index>(l)), want);
      compare("summarize.quantiles", summary.quantiles(jj, static_cast<Eigen::Index>(l)), want);
    }
    compare("iqr", iqr(jj),
            ref::quantile_sorted(sorted, 0.75, method) - ref::quantile_sorted(sorted, 0.25, method));
  }
  expect(same_bits(plain, before), "a grouped reduction modified its values\n", context);

  if (wrong_length) {
    const Eigen::ArrayXd longer = Eigen::ArrayXd::Zero(plain.size() + 1);
    const std::vector<std::pair<const char*, std::function<int()>>> calls{
        {"mean", [&] { return static_cast<int>(tradeoff::mean(g, longer).size()); }},
        {"median", [&] { return static_cast<int>(tradeoff::median(g, longer).size()); }},
        {"summarize", [&] { return static_cast<int>(tradeoff::summarize(g, longer).count.size()); }},
        {"quantile", [&] { return static_cast<int>(tradeoff::quantile(g, longer, 0.5).size()); }}};
    for (const auto& call : calls) {
      expect(throws_with_prefix<std::invalid_argument>(call.second, std::string("tradeoff::") + call.first + ": "),
             call.first, ": values of length ", longer.size(), " for ", plain.size(),
             " rows did not throw std::invalid_argument");
    }
  }
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

  // Grouped: keys of the type the flags choose, from the key bytes.
  const tradeoff::group_options options{(flags & 4U) == 0, (flags & 8U) == 0};
  const bool masked = (flags & 16U) != 0;
  const bool wrong_length = (flags & 32U) != 0;
  std::vector<bool> selected(plain.size(), true);
  Eigen::Array<bool, Eigen::Dynamic, 1> mask(n);
  for (std::size_t i = 0; i < plain.size(); ++i) {
    selected[i] = !masked || (key_bytes[i] & 0x80U) == 0;
    mask(static_cast<Eigen::Index>(i)) = selected[i];
  }
  const double q_valid = level_valid(q) ? q : 0.5;
  const lazy_text context{[&] {
    std::ostringstream key_text;
    for (std::size_t i = 0; i < key_bytes.size() && i < 64; ++i) key_text << " " << +key_bytes[i];
    return describe(plain, q) + "\nkey bytes:" + key_text.str() + "\nsort=" + (options.sort ? "1" : "0") +
           " dropna=" + (options.dropna ? "1" : "0") + " masked=" + (masked ? "1" : "0");
  }};
  switch (flags % 4) {
    case 0: {  // int keys, negative ones included
      std::vector<int> keys;
      Eigen::ArrayXi key_array(n);
      for (std::size_t i = 0; i < plain.size(); ++i) {
        keys.push_back(static_cast<int>(key_bytes[i] & 0x0FU) - 4);
        key_array(static_cast<Eigen::Index>(i)) = keys.back();
      }
      const auto e = group_by_definition(keys, selected, options.sort, true);
      const auto g = masked ? tradeoff::group_by(key_array, mask, options) : tradeoff::group_by(key_array, options);
      check_grouping(g, e, plain, q_valid, chosen_method, wrong_length, context);
      break;
    }
    case 1: {  // double keys: a small grid with NaN, ±inf and -0.0
      static const double table[] = {0.0, -0.0, 1.0, 2.0, 2.5, -1.0, std::numeric_limits<double>::quiet_NaN(),
                                     std::numeric_limits<double>::infinity(),
                                     -std::numeric_limits<double>::infinity(), 1e300, -1e-300, 3.0, 4.0, 5.0,
                                     std::numeric_limits<double>::quiet_NaN(), 0.0};
      std::vector<double> keys;
      Eigen::ArrayXd key_array(n);
      for (std::size_t i = 0; i < plain.size(); ++i) {
        keys.push_back(table[key_bytes[i] & 0x0FU]);
        key_array(static_cast<Eigen::Index>(i)) = keys.back();
      }
      const Eigen::ArrayXd keys_before = key_array;
      const auto e = group_by_definition(keys, selected, options.sort, options.dropna);
      const auto g = masked ? tradeoff::group_by(key_array, mask, options) : tradeoff::group_by(key_array, options);
      expect(same_bits(key_array, keys_before), "group_by modified its keys\n", context);
      check_grouping(g, e, plain, q_valid, chosen_method, wrong_length, context);
      break;
    }
    case 2: {  // string keys: empty, case, prefixes, bytes above 0x7F, an embedded NUL
      static const char* const table[] = {"", "a", "b", "B", "ab", "a\0", "\xC3\xA9", "\xFF", "MLA", "GQA", "MHA",
                                          " ", "a ", "aa", "z", "\x7F"};
      std::vector<std::string> keys;
      for (std::size_t i = 0; i < plain.size(); ++i) {
        const unsigned k = key_bytes[i] & 0x0FU;
        keys.push_back(k == 5 ? std::string("a\0", 2) : std::string(table[k]));
      }
      const std::vector<std::string> keys_before = keys;
      const auto e = group_by_definition(keys, selected, options.sort, true);
      const auto g = masked ? tradeoff::group_by(keys, mask, options) : tradeoff::group_by(keys, options);
      expect(keys == keys_before, "group_by modified its string keys\n", context);
      check_grouping(g, e, plain, q_valid, chosen_method, wrong_length, context);
      break;
    }
    default: {  // bool keys, as an Eigen array (or std::vector<bool> without a mask)
      std::vector<bool> keys;
      Eigen::Array<bool, Eigen::Dynamic, 1> key_array(n);
      for (std::size_t i = 0; i < plain.size(); ++i) {
        keys.push_back((key_bytes[i] & 1U) != 0);
        key_array(static_cast<Eigen::Index>(i)) = keys.back();
      }
      const auto e = group_by_definition(keys, selected, options.sort, true);
      if (masked) {
        check_grouping(tradeoff::group_by(key_array, mask, options), e, plain, q_valid, chosen_method, wrong_length,
                       context);
      } else if ((key_bytes.empty() ? 0 : key_bytes[0]) & 0x40U) {
        check_grouping(tradeoff::group_by(keys, options), e, plain, q_valid, chosen_method, wrong_length, context);
      } else {
        check_grouping(tradeoff::group_by(key_array, options), e, plain, q_valid, chosen_method, wrong_length,
                       context);
      }
      break;
    }
  }
}

}  // namespace tradeoff_fuzz

#endif  // TRADEOFF_TESTS_FUZZ_CHECK_STATS_HPP
