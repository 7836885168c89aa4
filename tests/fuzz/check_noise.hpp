#ifndef TRADEOFF_TESTS_FUZZ_CHECK_NOISE_HPP
#define TRADEOFF_TESTS_FUZZ_CHECK_NOISE_HPP

/// @file
/// @brief Property check for tradeoff/attainment.hpp and tradeoff/front_probability.hpp on an
/// arbitrary byte string, against their brute-force definitions: every k-attainment surface
/// against the minimal goals, on the grid of the input coordinates, attained by at least k sets;
/// front_probability against its own loop over the documented streams (medians by sorting,
/// fronts by pairwise dominance); front_probability_noise against the same loop with the
/// documented uniform-to-normal map. Throws tradeoff_fuzz::check_failure on a disagreement.
///
/// Byte layout: [flags] [sets] [n] then n × ([set] [x] [y]) with x, y from byte_reader::value
/// (ties, NaN, ±inf, −0.0, extremes), then [resamples] [seed] [scale x] [scale y].
/// flags bit 0 / 1: maximise x / y.

#include "byte_reader.hpp"

#include <tradeoff/attainment.hpp>
#include <tradeoff/detail/normal_distribution.hpp>
#include <tradeoff/detail/random_stream.hpp>
#include <tradeoff/front_probability.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <utility>
#include <vector>

namespace tradeoff_fuzz {

namespace noise_detail {

using tradeoff::sense;

inline bool better_or_equal(double a, double b, sense s) { return s == sense::minimize ? a <= b : a >= b; }

inline bool weakly_dominates(double ax, double ay, double bx, double by, sense sx, sense sy) {
  return better_or_equal(ax, bx, sx) && better_or_equal(ay, by, sy);
}

/// Strict dominance of row a over row b (no NaN in a: a NaN comparison is false).
inline bool dominates(const std::vector<double>& a, const std::vector<double>& b, const std::vector<sense>& senses) {
  bool strictly = false;
  for (std::size_t j = 0; j < a.size(); ++j) {
    if (!better_or_equal(a[j], b[j], senses[j])) return false;
    strictly = strictly || !better_or_equal(b[j], a[j], senses[j]);
  }
  return strictly;
}

inline std::vector<bool> front_of(const std::vector<std::vector<double>>& rows, const std::vector<sense>& senses) {
  std::vector<bool> on(rows.size(), false);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    bool valid = !rows[i].empty();
    for (const double v : rows[i]) valid = valid && !std::isnan(v);
    bool dominated = false;
    for (std::size_t k = 0; valid && k < rows.size() && !dominated; ++k)
      dominated = !rows[k].empty() && dominates(rows[k], rows[i], senses);
    on[i] = valid && !dominated;
  }
  return on;
}

inline double median_of(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

inline bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

}  // namespace noise_detail

inline void check_noise(const std::uint8_t* data, std::size_t size) {
  using noise_detail::sense;
  byte_reader in(data, size);
  const std::uint8_t flags = in.byte();
  const int sets = 1 + in.byte() % 6;
  const int n = in.byte() % 25;
  const sense sx = (flags & 1U) != 0 ? sense::maximize : sense::minimize;
  const sense sy = (flags & 2U) != 0 ? sense::maximize : sense::minimize;
  std::vector<int> set(static_cast<std::size_t>(n));
  std::vector<double> x(static_cast<std::size_t>(n));
  std::vector<double> y(static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < set.size(); ++i) {
    set[i] = in.byte() % sets;
    x[i] = in.value();
    y[i] = in.value();
  }
  Eigen::ArrayXi keys(n);
  Eigen::ArrayXd ex(n);
  Eigen::ArrayXd ey(n);
  for (int i = 0; i < n; ++i) {
    keys(i) = set[static_cast<std::size_t>(i)];
    ex(i) = x[static_cast<std::size_t>(i)];
    ey(i) = y[static_cast<std::size_t>(i)];
  }
  const auto runs = tradeoff::group_by(keys);
  const int m = static_cast<int>(runs.groups());
  std::vector<int> code(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {  // the grouping numbers the present set ids in sorted order
    int below = 0;
    for (int s = 0; s < set[static_cast<std::size_t>(i)]; ++s)
      below += std::find(set.begin(), set.end(), s) != set.end() ? 1 : 0;
    code[static_cast<std::size_t>(i)] = below;
  }
  const lazy_text input{[&] {
    std::ostringstream text;
    text.precision(17);
    text << "senses " << int(sx) << int(sy) << " points";
    for (std::size_t i = 0; i < x.size(); ++i) text << " (" << set[i] << ": " << x[i] << ", " << y[i] << ")";
    return text.str();
  }};

  // --- attainment surfaces against the definition -------------------------------------------
  const tradeoff::attainment_surfaces eaf = tradeoff::empirical_attainment(runs, ex, ey, sx, sy);
  expect(eaf.sets == m && eaf.start.size() == m + 1 && eaf.start(0) == 0 && eaf.start(m) == eaf.x.size(),
         "empirical_attainment: malformed table for ", input);
  std::vector<double> xs;
  std::vector<double> ys;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!std::isnan(x[i]) && !std::isnan(y[i])) {
      xs.push_back(x[i]);
      ys.push_back(y[i]);
    }
  }
  for (std::vector<double>* coordinates : {&xs, &ys}) {  // distinct values only (−0.0 equals +0.0)
    std::sort(coordinates->begin(), coordinates->end());
    coordinates->erase(std::unique(coordinates->begin(), coordinates->end()), coordinates->end());
  }
  std::vector<std::pair<double, double>> goals;
  std::vector<int> attained_by;
  for (const double gx : xs) {
    for (const double gy : ys) {
      int count = 0;
      for (int s = 0; s < m; ++s) {
        bool any = false;
        for (std::size_t i = 0; i < x.size() && !any; ++i)
          any = code[i] == s && !std::isnan(x[i]) && !std::isnan(y[i]) &&
                noise_detail::weakly_dominates(x[i], y[i], gx, gy, sx, sy);
        count += any ? 1 : 0;
      }
      goals.emplace_back(gx, gy);
      attained_by.push_back(count);
    }
  }
  for (int k = 1; k <= m; ++k) {
    std::vector<std::pair<double, double>> want;
    for (std::size_t a = 0; a < goals.size(); ++a) {
      if (attained_by[a] < k) continue;
      bool dominated = false;
      for (std::size_t b = 0; b < goals.size() && !dominated; ++b)
        dominated = attained_by[b] >= k &&
                    noise_detail::weakly_dominates(goals[b].first, goals[b].second, goals[a].first, goals[a].second,
                                                   sx, sy) &&
                    !(goals[b].first == goals[a].first && goals[b].second == goals[a].second);
      if (!dominated && std::find(want.begin(), want.end(), goals[a]) == want.end()) want.push_back(goals[a]);
    }
    std::sort(want.begin(), want.end(), [&](const auto& a, const auto& b) {
      return sx == sense::minimize ? a.first < b.first : a.first > b.first;
    });
    std::vector<std::pair<double, double>> got;
    for (Eigen::Index r = eaf.start(k - 1); r < eaf.start(k); ++r) {
      expect(eaf.level(r) == k, "empirical_attainment: level column wrong for ", input);
      got.emplace_back(eaf.x(r), eaf.y(r));
    }
    expect(got == want, "empirical_attainment: surface ", k, " of ", m, " differs from the definition for ", input);
  }

  // --- front_probability (bootstrap of each set's runs) against its definition -------------
  tradeoff::front_probability_options options;
  options.resamples = 1 + in.byte() % 16;
  options.seed = in.byte();
  const std::vector<sense> senses = {sx, sy};
  Eigen::ArrayXXd points(n, 2);
  points.col(0) = ex;
  points.col(1) = ey;
  const auto r = tradeoff::front_probability(runs, points, senses, tradeoff::statistic::median(), options);
  std::vector<std::vector<std::vector<double>>> valid(static_cast<std::size_t>(m));
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!std::isnan(x[i]) && !std::isnan(y[i])) valid[static_cast<std::size_t>(code[i])].push_back({x[i], y[i]});
  std::vector<tradeoff::detail::random_stream> streams;
  for (int c = 0; c < m; ++c) streams.emplace_back(options.seed, static_cast<std::uint64_t>(c));
  std::vector<int> hits(static_cast<std::size_t>(m), 0);
  for (Eigen::Index b = 0; b < options.resamples; ++b) {
    std::vector<std::vector<double>> table(static_cast<std::size_t>(m));
    for (std::size_t c = 0; c < valid.size(); ++c) {
      const std::size_t runs_of_c = valid[c].size();
      if (runs_of_c == 0) continue;
      std::vector<double> first;
      std::vector<double> second;
      for (std::size_t k = 0; k < runs_of_c; ++k) {
        const std::uint32_t at = streams[c].below(static_cast<std::uint32_t>(runs_of_c));
        first.push_back(valid[c][at][0]);
        second.push_back(valid[c][at][1]);
      }
      table[c] = {noise_detail::median_of(first), noise_detail::median_of(second)};
    }
    const std::vector<bool> on = noise_detail::front_of(table, senses);
    for (std::size_t c = 0; c < on.size(); ++c) hits[c] += on[c] ? 1 : 0;
  }
  for (int c = 0; c < m; ++c) {
    const auto at = static_cast<std::size_t>(c);
    const double want = valid[at].empty() ? std::nan("")
                                          : static_cast<double>(hits[at]) / static_cast<double>(options.resamples);
    expect(noise_detail::same(r.probability(c), want) && r.count(c) == static_cast<int>(valid[at].size()),
           "front_probability: configuration ", c, " has probability ", r.probability(c), ", the definition ", want,
           " for ", input);
  }

  // --- front_probability_noise against its definition --------------------------------------
  const Eigen::Array2d scale(static_cast<double>(in.byte() % 8) / 4.0, static_cast<double>(in.byte() % 8) / 4.0);
  const auto noisy = tradeoff::front_probability_noise(points, scale, senses, options);
  std::vector<tradeoff::detail::random_stream> row_streams;
  for (int i = 0; i < n; ++i) row_streams.emplace_back(options.seed, static_cast<std::uint64_t>(i));
  std::vector<int> row_hits(static_cast<std::size_t>(n), 0);
  for (Eigen::Index b = 0; b < options.resamples; ++b) {
    std::vector<std::vector<double>> table(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < 2; ++j) {
        const std::uint64_t word = row_streams[static_cast<std::size_t>(i)].next64();
        const double u = (static_cast<double>(word >> 11U) + 0.5) / 9007199254740992.0;
        const double z = tradeoff::detail::normal_quantile(u);
        table[static_cast<std::size_t>(i)].push_back(tradeoff::detail::add_product(points(i, j), scale(j), z));
      }
    }
    const std::vector<bool> on = noise_detail::front_of(table, senses);
    for (std::size_t i = 0; i < on.size(); ++i) row_hits[i] += on[i] ? 1 : 0;
  }
  for (int i = 0; i < n; ++i) {
    const bool has_nan = std::isnan(x[static_cast<std::size_t>(i)]) || std::isnan(y[static_cast<std::size_t>(i)]);
    const double want = has_nan ? std::nan("")
                                : static_cast<double>(row_hits[static_cast<std::size_t>(i)]) /
                                      static_cast<double>(options.resamples);
    expect(noise_detail::same(noisy.probability(i), want), "front_probability_noise: row ", i, " has probability ",
           noisy.probability(i), ", the definition ", want, " for ", input);
  }
}

}  // namespace tradeoff_fuzz

#endif  // TRADEOFF_TESTS_FUZZ_CHECK_NOISE_HPP
