#ifndef TRADEOFF_TESTS_FUZZ_CHECK_INDICATORS_HPP
#define TRADEOFF_TESTS_FUZZ_CHECK_INDICATORS_HPP

/// @file
/// @brief Property checks of the quality indicators (indicators.hpp) and the exclusive
/// hypervolume contributions (hypervolume_contributions.hpp) on arbitrary bytes, shared by the
/// libFuzzer target fuzz_indicators and the regression replay (tests/fuzz_regressions_test.cpp).
///
/// Input layout: [d] [sense bits] [flags] [rows of A] [rows of R], then (rows of A + rows of R)
/// x d values from byte_reader's alphabet (grid 0..10, NaN, ±inf, −0.0, extremes, raw doubles).
/// d = 1 + byte % 4; rows = byte % 25 each. Flags: bit 0 empty senses (minimise all), bit 1 the
/// reference set gets one column too many (must throw std::invalid_argument), bits 2–3 the
/// exponent of the averaged Hausdorff distance (1, 2, 0.5, 3), bit 4 the sets as matrices.
///
/// Properties, each against its definition written out here (minimise space: a maximised
/// column negated):
/// - on grid inputs (every non-NaN cell an integer 0..10) the contribution of each row of A is
///   the number of unit cells of the box up to the reference (11 minimised, −1 maximised) that
///   the row covers and no other valid row does (so 0 for duplicates and dominated rows), NaN
///   for a row with NaN; otherwise NaN exactly at the NaN rows and >= 0 elsewhere, or
///   std::domain_error when a row or the reference is infinite; `least_contributor` is the
///   first smallest of them, −1 when none;
/// - additive and multiplicative epsilon equal max over r of min over a of max over i, exactly
///   (the same operations in the same order of magnitude, no rounding choice), on inputs
///   without infinities; the multiplicative one throws std::domain_error when a value is <= 0;
/// - GD, IGD, IGD+ and the averaged Hausdorff distance equal the formulas within 1e-12
///   relative on inputs whose magnitudes cannot overflow a square;
/// - either set without a row free of NaN, or the reference set of another width, throws
///   std::invalid_argument with the function's prefix; the inputs are unchanged.

#include "byte_reader.hpp"

#include <tradeoff/hypervolume_contributions.hpp>
#include <tradeoff/indicators.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff_fuzz {

namespace indicators_detail {

/// Rows of one set in minimisation space, without the rows holding NaN.
struct valid_rows {
  std::size_t d = 0;
  std::vector<double> cells;  // row-major
  std::size_t rows() const { return d == 0 ? 0 : cells.size() / d; }
  const double* row(std::size_t i) const { return cells.data() + i * d; }
};

inline valid_rows minimise_space(const Eigen::ArrayXXd& p, const std::vector<tradeoff::sense>& senses) {
  valid_rows v;
  v.d = static_cast<std::size_t>(p.cols());
  for (Eigen::Index i = 0; i < p.rows(); ++i) {
    if (p.row(i).isNaN().any()) continue;
    for (Eigen::Index k = 0; k < p.cols(); ++k) {
      const double x = p(i, k);
      v.cells.push_back(senses[static_cast<std::size_t>(k)] == tradeoff::sense::minimize ? x : -x);
    }
  }
  return v;
}

/// max over r in R of min over a in A of combine_i(f(i, a_i, r_i)).
template <typename Term, typename Combine>
double max_min(const valid_rows& a, const valid_rows& r, Term term, Combine combine, double start) {
  double worst = -std::numeric_limits<double>::infinity();
  for (std::size_t j = 0; j < r.rows(); ++j) {
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < a.rows(); ++i) {
      double acc = start;
      for (std::size_t k = 0; k < a.d; ++k) acc = combine(acc, term(k, a.row(i)[k], r.row(j)[k]));
      best = std::min(best, acc);
    }
    worst = std::max(worst, best);
  }
  return worst;
}

/// (mean over x in X of (min over y in Y of distance(x, y))^p)^(1/p).
template <typename Distance>
double power_mean_of_nearest(const valid_rows& x, const valid_rows& y, double p, Distance distance) {
  double total = 0.0;
  for (std::size_t i = 0; i < x.rows(); ++i) {
    double nearest = std::numeric_limits<double>::infinity();
    for (std::size_t j = 0; j < y.rows(); ++j) nearest = std::min(nearest, distance(x.row(i), y.row(j), x.d));
    total += std::pow(nearest, p);
  }
  return std::pow(total / static_cast<double>(x.rows()), 1.0 / p);
}

inline double euclidean(const double* a, const double* b, std::size_t d) {
  double s = 0.0;
  for (std::size_t k = 0; k < d; ++k) s += (a[k] - b[k]) * (a[k] - b[k]);
  return std::sqrt(s);
}

/// d+(r, a): only the objectives where a is worse than r count.
inline double plus_distance(const double* r, const double* a, std::size_t d) {
  double s = 0.0;
  for (std::size_t k = 0; k < d; ++k) {
    const double t = std::max(a[k] - r[k], 0.0);
    s += t * t;
  }
  return std::sqrt(s);
}

inline bool close(double got, double want) {
  if (std::isnan(want) || std::isnan(got)) return std::isnan(want) && std::isnan(got);
  if (got == want) return true;
  return std::abs(got - want) <= 1e-12 * std::max(std::abs(got), std::abs(want)) + 1e-150;
}

/// ok(v) for every non-NaN cell of p.
inline bool every_cell(const Eigen::ArrayXXd& p, bool (*ok)(double)) {
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    const double v = p.data()[i];
    if (!std::isnan(v) && !ok(v)) return false;
  }
  return true;
}

/// Every value of the rows without NaN is > 0 (the multiplicative epsilon's precondition, on the
/// values as given, before any negation).
inline bool rows_without_nan_positive(const Eigen::ArrayXXd& p) {
  for (Eigen::Index i = 0; i < p.rows(); ++i) {
    if (!p.row(i).isNaN().any() && !(p.row(i) > 0.0).all()) return false;
  }
  return true;
}

/// ok(v) for every cell of the set's rows without NaN (the rows the indicators use).
inline bool every_used_cell(const valid_rows& set, bool (*ok)(double)) {
  return std::all_of(set.cells.begin(), set.cells.end(), ok);
}

inline bool grid_cell(double v) { return v >= 0.0 && v <= 10.0 && v == std::floor(v); }
inline bool finite_cell(double v) { return std::isfinite(v); }
inline bool moderate_cell(double v) { return std::abs(v) <= 1e100; }

/// Exclusive contributions on the grid by counting cells: a cell [c, c + 1) of the box (offsets
/// 0..10 from the low corner in minimisation space) is covered by a row that is <= c in every
/// objective; a row earns the cells only it covers. Each valid row marks its corner cell with a
/// count 1 and its index + 1; prefix sums along each axis in turn then give, in every cell, the
/// number of rows covering it and the sum of their indices + 1, which names the owner where the
/// count is 1. O(11^d · d + n).
inline std::vector<double> grid_contributions(const Eigen::ArrayXXd& p, const std::vector<tradeoff::sense>& senses) {
  const auto n = static_cast<std::size_t>(p.rows());
  const auto d = static_cast<std::size_t>(p.cols());
  std::vector<double> result(n, 0.0);
  std::size_t cells = 1;
  for (std::size_t k = 0; k < d; ++k) cells *= 11;
  std::vector<std::size_t> count(cells, 0);
  std::vector<std::size_t> id_sum(cells, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const auto row = static_cast<Eigen::Index>(i);
    if (p.row(row).isNaN().any()) {
      result[i] = std::numeric_limits<double>::quiet_NaN();
      continue;
    }
    std::size_t at = 0;
    for (std::size_t k = d; k-- > 0;) {
      const double v = p(row, static_cast<Eigen::Index>(k));
      at = at * 11 + static_cast<std::size_t>(senses[k] == tradeoff::sense::minimize ? v : 10.0 - v);
    }
    ++count[at];
    id_sum[at] += i + 1;
  }
  std::size_t stride = 1;
  for (std::size_t k = 0; k < d; ++k, stride *= 11) {
    for (std::size_t c = 0; c < cells; ++c) {
      if ((c / stride) % 11 != 0) {
        count[c] += count[c - stride];
        id_sum[c] += id_sum[c - stride];
      }
    }
  }
  for (std::size_t c = 0; c < cells; ++c) {
    if (count[c] == 1) result[id_sum[c] - 1] += 1.0;
  }
  return result;
}

inline std::string describe(const Eigen::ArrayXXd& a, const Eigen::ArrayXXd& r, const std::vector<tradeoff::sense>& senses) {
  std::ostringstream out;
  out.precision(17);
  out << "A " << a.rows() << "x" << a.cols() << ", R " << r.rows() << "x" << r.cols() << " senses=";
  for (const auto s : senses) out << (s == tradeoff::sense::minimize ? "min " : "max ");
  out << "\nA:\n" << a << "\nR:\n" << r << "\n";
  return out.str();
}

}  // namespace indicators_detail

/// @brief Runs every indicator property on the input; throws check_failure on a disagreement.
inline void check_indicators(const std::uint8_t* data, std::size_t size) {
  using namespace indicators_detail;
  byte_reader in(data, size);
  const Eigen::Index d = 1 + in.byte() % 4;
  const std::uint8_t sense_bits = in.byte();
  const std::uint8_t flags = in.byte();
  const Eigen::Index n = in.byte() % 25;
  const Eigen::Index m = in.byte() % 25;
  std::vector<tradeoff::sense> senses(static_cast<std::size_t>(d), tradeoff::sense::minimize);
  const bool empty_senses = (flags & 1U) != 0;
  for (Eigen::Index k = 0; k < d && !empty_senses; ++k) {
    if (((sense_bits >> k) & 1U) != 0) senses[static_cast<std::size_t>(k)] = tradeoff::sense::maximize;
  }
  const std::vector<tradeoff::sense> passed = empty_senses ? std::vector<tradeoff::sense>{} : senses;
  const bool wrong_width = (flags & 2U) != 0;
  static const double exponents[] = {1.0, 2.0, 0.5, 3.0};
  const double p = exponents[(flags >> 2) & 3U];
  const bool as_matrix = (flags & 16U) != 0;

  Eigen::ArrayXXd a(n, d);
  for (Eigen::Index i = 0; i < a.size(); ++i) a.data()[i] = in.value();
  Eigen::ArrayXXd r(m, d + (wrong_width ? 1 : 0));
  for (Eigen::Index i = 0; i < m; ++i) {
    for (Eigen::Index k = 0; k < r.cols(); ++k) r(i, k) = k < d ? in.value() : 0.0;
  }
  const Eigen::ArrayXXd a_before = a;
  const Eigen::ArrayXXd r_before = r;
  const lazy_text context{[&] { return describe(a, r, senses); }};

  // Exclusive contributions of A's rows, and the least contributor.
  {
    Eigen::ArrayXd reference(d);
    for (Eigen::Index k = 0; k < d; ++k) {
      reference(k) = senses[static_cast<std::size_t>(k)] == tradeoff::sense::minimize ? 11.0 : -1.0;
    }
    Eigen::ArrayXd contribution;
    bool threw_domain = false;
    try {
      contribution = as_matrix ? tradeoff::hypervolume_contributions(a.matrix(), reference, passed)
                               : tradeoff::hypervolume_contributions(a, reference, passed);
    } catch (const std::domain_error& e) {
      threw_domain = true;
      expect(std::string(e.what()).rfind("tradeoff::hypervolume_contributions: ", 0) == 0,
             "hypervolume_contributions: domain_error without its prefix: ", e.what(), "\n", context);
      expect(!every_cell(a, finite_cell), "hypervolume_contributions: domain_error on finite rows: ", e.what(), "\n",
             context);
    }
    if (!threw_domain) {
      expect(contribution.size() == n, "hypervolume_contributions: ", contribution.size(), " values for ", n, " rows\n",
             context);
      if (every_cell(a, grid_cell)) {
        const std::vector<double> expected = grid_contributions(a, senses);
        for (Eigen::Index i = 0; i < n; ++i) {
          const double want = expected[static_cast<std::size_t>(i)];
          const double got = contribution(i);
          expect((std::isnan(want) && std::isnan(got)) || got == want, "hypervolume_contributions: row ", i, " got ",
                 got, ", counting cells only it covers gives ", want, "\n", context);
        }
      } else {
        for (Eigen::Index i = 0; i < n; ++i) {
          const bool nan_row = a.row(i).isNaN().any();
          expect(nan_row == std::isnan(contribution(i)) && (nan_row || contribution(i) >= 0.0),
                 "hypervolume_contributions: row ", i, " got ", contribution(i), "\n", context);
        }
      }
      Eigen::Index least = -1;
      for (Eigen::Index i = 0; i < n; ++i) {
        if (!std::isnan(contribution(i)) && (least < 0 || contribution(i) < contribution(least))) least = i;
      }
      const Eigen::Index got = tradeoff::least_contributor(a, reference, passed);
      expect(got == least, "least_contributor: ", got, ", the first smallest contribution is row ", least, "\n",
             context);
    }
  }

  // The indicators of A against R.
  const valid_rows va = minimise_space(a, senses);
  const valid_rows vr = minimise_space(r.leftCols(d), senses);
  const bool usable = !wrong_width && va.rows() > 0 && vr.rows() > 0;
  const auto invalid = [&](const char* name, auto call) {
    expect(throws_with_prefix<std::invalid_argument>(call, std::string(name) + ": "), name,
           ": no std::invalid_argument for ", wrong_width ? "a reference set of another width" : "a set without valid rows",
           "\n", context);
  };
  const auto call_with = [&](auto function) {
    return [&, function] { return as_matrix ? function(a.matrix(), r.matrix()) : function(a, r); };
  };
  const auto eps_add = call_with([&](const auto& x, const auto& y) { return tradeoff::epsilon_additive(x, y, passed); });
  const auto eps_mul = call_with([&](const auto& x, const auto& y) { return tradeoff::epsilon_multiplicative(x, y, passed); });
  const auto gd = call_with([&](const auto& x, const auto& y) { return tradeoff::gd(x, y, passed); });
  const auto igd = call_with([&](const auto& x, const auto& y) { return tradeoff::igd(x, y, passed); });
  const auto igd_plus = call_with([&](const auto& x, const auto& y) { return tradeoff::igd_plus(x, y, passed); });
  const auto hausdorff =
      call_with([&](const auto& x, const auto& y) { return tradeoff::avg_hausdorff_distance(x, y, passed, p); });
  if (!usable) {
    invalid("tradeoff::epsilon_additive", eps_add);
    invalid("tradeoff::gd", gd);
    invalid("tradeoff::igd", igd);
    invalid("tradeoff::igd_plus", igd_plus);
    invalid("tradeoff::avg_hausdorff_distance", hausdorff);
  } else {
    const bool finite = every_used_cell(va, finite_cell) && every_used_cell(vr, finite_cell);
    const double got_add = eps_add();
    if (finite) {
      const double want = max_min(va, vr, [](std::size_t, double x, double y) { return x - y; },
                                  [](double acc, double v) { return std::max(acc, v); },
                                  -std::numeric_limits<double>::infinity());
      expect(got_add == want, "epsilon_additive: ", got_add, ", the definition gives ", want, "\n", context);
    }
    const bool positive = rows_without_nan_positive(a) && rows_without_nan_positive(r.leftCols(d));
    if (!positive) {
      expect(throws_with_prefix<std::domain_error>(eps_mul, "tradeoff::epsilon_multiplicative: "),
             "epsilon_multiplicative: no std::domain_error for a value <= 0\n", context);
    } else {
      const double got_mul = eps_mul();
      if (finite) {
        // In minimisation space a maximised column holds -v, and (-r) / (-a) = r / a exactly.
        const double want = max_min(
            va, vr,
            [&](std::size_t k, double x, double y) { return senses[k] == tradeoff::sense::minimize ? x / y : y / x; },
            [](double acc, double v) { return std::max(acc, v); }, -std::numeric_limits<double>::infinity());
        expect(got_mul == want, "epsilon_multiplicative: ", got_mul, ", the definition gives ", want, "\n", context);
      }
    }
    const double got_gd = gd();
    const double got_igd = igd();
    const double got_plus = igd_plus();
    const double got_hausdorff = hausdorff();
    if (every_used_cell(va, moderate_cell) && every_used_cell(vr, moderate_cell)) {
      const double want_gd = power_mean_of_nearest(va, vr, 1.0, euclidean);
      const double want_igd = power_mean_of_nearest(vr, va, 1.0, euclidean);
      const double want_plus = power_mean_of_nearest(vr, va, 1.0, plus_distance);
      const double want_hausdorff =
          std::max(power_mean_of_nearest(va, vr, p, euclidean), power_mean_of_nearest(vr, va, p, euclidean));
      expect(close(got_gd, want_gd), "gd: ", got_gd, ", the formula gives ", want_gd, "\n", context);
      expect(close(got_igd, want_igd), "igd: ", got_igd, ", the formula gives ", want_igd, "\n", context);
      expect(close(got_plus, want_plus), "igd_plus: ", got_plus, ", the formula gives ", want_plus, "\n", context);
      expect(close(got_hausdorff, want_hausdorff), "avg_hausdorff_distance (p = ", p, "): ", got_hausdorff,
             ", the formula gives ", want_hausdorff, "\n", context);
    }
  }

  expect(same_bits(a, a_before) && same_bits(r, r_before), "indicators: an input was modified\n", context);
}

}  // namespace tradeoff_fuzz

#endif  // TRADEOFF_TESTS_FUZZ_CHECK_INDICATORS_HPP
