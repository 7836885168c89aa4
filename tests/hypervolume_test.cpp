#include <tradeoff/hypervolume.hpp>

#include <doctest/doctest.h>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using tradeoff::sense;

constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();
constexpr double inf_value = std::numeric_limits<double>::infinity();

// Minimise-space copy of the rows that are strictly better than the reference.
std::vector<std::vector<double>> contributing_rows(const Eigen::ArrayXXd& points,
                                                   const Eigen::ArrayXd& reference,
                                                   const std::vector<sense>& senses,
                                                   std::vector<double>& ref_min) {
  const Eigen::Index d = points.cols();
  ref_min.assign(static_cast<std::size_t>(d), 0.0);
  auto sign = [&](Eigen::Index j) {
    return !senses.empty() && senses[static_cast<std::size_t>(j)] == sense::maximize ? -1.0
                                                                                     : 1.0;
  };
  for (Eigen::Index j = 0; j < d; ++j) {
    ref_min[static_cast<std::size_t>(j)] = sign(j) * reference(j);
  }
  std::vector<std::vector<double>> rows;
  for (Eigen::Index i = 0; i < points.rows(); ++i) {
    std::vector<double> row(static_cast<std::size_t>(d));
    bool ok = true;
    for (Eigen::Index j = 0; j < d; ++j) {
      row[static_cast<std::size_t>(j)] = sign(j) * points(i, j);
      ok = ok && row[static_cast<std::size_t>(j)] < ref_min[static_cast<std::size_t>(j)];
    }
    if (ok) {
      rows.push_back(row);
    }
  }
  return rows;
}

// Inclusion-exclusion over every non-empty subset: exact definition, O(2^n d).
double hypervolume_inclusion_exclusion(const Eigen::ArrayXXd& points,
                                       const Eigen::ArrayXd& reference,
                                       const std::vector<sense>& senses = {}) {
  std::vector<double> ref;
  const auto rows = contributing_rows(points, reference, senses, ref);
  const std::size_t n = rows.size();
  const std::size_t d = ref.size();
  REQUIRE(n <= 16);
  double total = 0.0;
  for (std::size_t mask = 1; mask < (std::size_t{1} << n); ++mask) {
    std::vector<double> corner(d, -inf_value);
    int bits = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (mask & (std::size_t{1} << i)) {
        ++bits;
        for (std::size_t j = 0; j < d; ++j) {
          corner[j] = std::max(corner[j], rows[i][j]);
        }
      }
    }
    double volume = 1.0;
    for (std::size_t j = 0; j < d; ++j) {
      volume *= ref[j] - corner[j];
    }
    total += (bits % 2 == 1 ? 1.0 : -1.0) * volume;
  }
  return total;
}

// Grid counting for integer points and reference: counts unit cells covered by some box.
double hypervolume_grid_count(const Eigen::ArrayXXd& points, const Eigen::ArrayXd& reference,
                              const std::vector<sense>& senses = {}) {
  std::vector<double> ref;
  const auto rows = contributing_rows(points, reference, senses, ref);
  const std::size_t d = ref.size();
  if (rows.empty()) {
    return 0.0;
  }
  std::vector<double> low(d, inf_value);
  for (const auto& row : rows) {
    for (std::size_t j = 0; j < d; ++j) {
      low[j] = std::min(low[j], row[j]);
    }
  }
  // Iterate over the cells [c, c + 1) with low <= c < ref.
  std::vector<double> cell = low;
  double count = 0.0;
  while (true) {
    for (const auto& row : rows) {
      bool covered = true;
      for (std::size_t j = 0; j < d && covered; ++j) {
        covered = row[j] <= cell[j];
      }
      if (covered) {
        count += 1.0;
        break;
      }
    }
    std::size_t j = 0;
    while (j < d) {
      cell[j] += 1.0;
      if (cell[j] < ref[j]) {
        break;
      }
      cell[j] = low[j];
      ++j;
    }
    if (j == d) {
      break;
    }
  }
  return count;
}

Eigen::ArrayXXd random_points(std::mt19937& rng, Eigen::Index n, Eigen::Index d, bool grid,
                              double nan_fraction) {
  std::uniform_int_distribution<int> small(0, 5);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  Eigen::ArrayXXd points(n, d);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < d; ++j) {
      points(i, j) = grid ? static_cast<double>(small(rng)) : unit(rng);
    }
    if (unit(rng) < nan_fraction) {
      points(i, static_cast<Eigen::Index>(rng() % static_cast<unsigned>(d))) = nan_value;
    }
  }
  // Some exact duplicates.
  if (n >= 4) {
    points.row(n - 1) = points.row(0);
    points.row(n - 2) = points.row(1);
  }
  return points;
}

std::vector<sense> random_senses(std::mt19937& rng, Eigen::Index d) {
  std::vector<sense> senses;
  if (rng() % 3 == 0) {
    return senses;  // empty: all minimise
  }
  for (Eigen::Index j = 0; j < d; ++j) {
    senses.push_back(rng() % 2 == 0 ? sense::minimize : sense::maximize);
  }
  return senses;
}

// A reference that most points beat in the points' own senses (grid: integers).
Eigen::ArrayXd random_reference(std::mt19937& rng, Eigen::Index d,
                                const std::vector<sense>& senses, bool grid) {
  Eigen::ArrayXd reference(d);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (Eigen::Index j = 0; j < d; ++j) {
    const bool maximize =
        !senses.empty() && senses[static_cast<std::size_t>(j)] == sense::maximize;
    double r = grid ? static_cast<double>(4 + static_cast<int>(rng() % 3)) : 0.8 + 0.4 * unit(rng);
    if (maximize) {
      r = grid ? 5.0 - r : 1.0 - r;
    }
    reference(j) = r;
  }
  return reference;
}

double relative_error(double a, double b) {
  return std::abs(a - b) / std::max(1.0, std::abs(b));
}

// Integer points with last coordinate in [0, levels), reference(d-1) == levels: the sum over
// integer levels z of the (d-1)-D hypervolume of the points whose last coordinate is <= z.
double sliced_hypervolume(const Eigen::ArrayXXd& points, const Eigen::ArrayXd& reference,
                          int levels) {
  const Eigen::Index n = points.rows();
  const Eigen::Index d = points.cols();
  double total = 0.0;
  for (int z = 0; z < levels; ++z) {
    std::vector<Eigen::Index> rows;
    for (Eigen::Index i = 0; i < n; ++i) {
      if (points(i, d - 1) <= z) {
        rows.push_back(i);
      }
    }
    Eigen::ArrayXXd slice(static_cast<Eigen::Index>(rows.size()), d - 1);
    for (std::size_t k = 0; k < rows.size(); ++k) {
      slice.row(static_cast<Eigen::Index>(k)) = points.row(rows[k]).head(d - 1);
    }
    total += tradeoff::hypervolume(slice, reference.head(d - 1));
  }
  return total;
}

}  // namespace

TEST_CASE("hypervolume: closed forms") {
  SUBCASE("single box") {
    Eigen::ArrayXXd p(1, 3);
    p << 1.0, 2.0, 3.0;
    Eigen::ArrayXd r(3);
    r << 4.0, 4.0, 5.0;
    CHECK(tradeoff::hypervolume(p, r) == 3.0 * 2.0 * 2.0);
  }
  SUBCASE("2-D staircase sum") {
    // Points (i, k - i): area = sum over sorted x of (x_{i+1} - x_i) * (r_y - y_i).
    const int k = 10;
    Eigen::ArrayXXd p(k + 1, 2);
    for (int i = 0; i <= k; ++i) {
      p(i, 0) = i;
      p(i, 1) = k - i;
    }
    Eigen::ArrayXd r(2);
    r << k + 1, k + 1;
    double expected = 0.0;
    for (int i = 0; i <= k; ++i) {
      expected += 1.0 * (k + 1 - (k - i));
    }
    CHECK(tradeoff::hypervolume(p, r) == expected);
  }
  SUBCASE("3-D staircase: unit cube corners") {
    Eigen::ArrayXXd p(3, 3);
    p << 0, 1, 1,  //
        1, 0, 1,   //
        1, 1, 0;
    Eigen::ArrayXd r = Eigen::ArrayXd::Constant(3, 2.0);
    // Union of three 2x1x1-type boxes inside [0,2]^3: 8 - cube [0,1]^3 - ... = 7 - 3 + ... ;
    // inclusion-exclusion: 3 * 2 - 3 * 1 + 1 = 4.
    CHECK(tradeoff::hypervolume(p, r) == 4.0);
  }
  SUBCASE("d = 1..6 single point") {
    for (Eigen::Index d = 1; d <= 6; ++d) {
      Eigen::ArrayXXd p = Eigen::ArrayXXd::Zero(1, d);
      Eigen::ArrayXd r = Eigen::ArrayXd::Constant(d, 2.0);
      CHECK(tradeoff::hypervolume(p, r) == std::pow(2.0, static_cast<double>(d)));
    }
  }
  SUBCASE("1-D: reference minus the best") {
    Eigen::ArrayXXd p(4, 1);
    p << 3.0, nan_value, 1.5, 7.0;
    Eigen::ArrayXd r(1);
    r << 5.0;
    CHECK(tradeoff::hypervolume(p, r) == 3.5);
    CHECK(tradeoff::hypervolume(p, r, {sense::maximize}) == 2.0);
  }
}

TEST_CASE("hypervolume: points on or beyond the reference contribute nothing") {
  Eigen::ArrayXXd p(4, 2);
  p << 1.0, 1.0,  //
      3.0, 0.0,   // on the reference's x boundary: zero-volume box
      0.0, 4.0,   // beyond in y
      nan_value, 0.0;
  Eigen::ArrayXd r(2);
  r << 3.0, 3.0;
  CHECK(tradeoff::hypervolume(p, r) == 4.0);
  Eigen::ArrayXXd none(2, 2);
  none << 3.0, 3.0, 5.0, 0.0;
  CHECK(tradeoff::hypervolume(none, r) == 0.0);
  CHECK(tradeoff::hypervolume(Eigen::ArrayXXd(0, 2), r) == 0.0);
  CHECK(tradeoff::hypervolume(Eigen::ArrayXXd(0, 5), Eigen::ArrayXd::Zero(5)) == 0.0);
}

TEST_CASE("hypervolume: infinities") {
  Eigen::ArrayXd r(2);
  r << 1.0, 1.0;
  Eigen::ArrayXXd p(2, 2);
  p << 0.0, 0.0, -inf_value, 0.5;
  CHECK(tradeoff::hypervolume(p, r) == inf_value);
  // Infinite point that is not strictly better contributes nothing.
  p << 0.0, 0.0, inf_value, -inf_value;
  CHECK(tradeoff::hypervolume(p, r) == 1.0);
  // Maximised objective: +inf is the good infinity.
  p << 0.0, 0.0, inf_value, 0.5;
  CHECK(tradeoff::hypervolume(p, r, {sense::maximize, sense::minimize}) == inf_value);
  // Infinite reference with a contributing point; -inf reference: nothing beats it.
  Eigen::ArrayXd r_inf(2);
  r_inf << inf_value, 1.0;
  p << 0.0, 0.0, 2.0, 2.0;
  CHECK(tradeoff::hypervolume(p, r_inf) == inf_value);
  r_inf << -inf_value, 1.0;
  CHECK(tradeoff::hypervolume(p, r_inf) == 0.0);
  for (Eigen::Index d = 3; d <= 5; ++d) {
    Eigen::ArrayXXd q = Eigen::ArrayXXd::Zero(2, d);
    q(1, d - 1) = -inf_value;
    CHECK(tradeoff::hypervolume(q, Eigen::ArrayXd::Ones(d)) == inf_value);
  }
}

TEST_CASE("hypervolume: matches inclusion-exclusion on small random inputs / d = 1..6") {
  std::mt19937 rng(20240611u);
  int checked = 0;
  for (int trial = 0; trial < 3600; ++trial) {
    const Eigen::Index d = 1 + static_cast<Eigen::Index>(trial % 6);
    const Eigen::Index n = static_cast<Eigen::Index>(rng() % 11);
    const bool grid = trial % 2 == 0;
    const Eigen::ArrayXXd points = random_points(rng, n, d, grid, 0.1);
    const std::vector<sense> senses = random_senses(rng, d);
    Eigen::ArrayXXd signed_points = points;
    for (Eigen::Index j = 0; j < d; ++j) {
      if (!senses.empty() && senses[static_cast<std::size_t>(j)] == sense::maximize) {
        signed_points.col(j) = 1.0 - points.col(j);
        if (grid) {
          signed_points.col(j) = 5.0 - points.col(j);
        }
      }
    }
    const Eigen::ArrayXd reference = random_reference(rng, d, senses, grid);
    const Eigen::ArrayXXd before = signed_points;
    const Eigen::ArrayXd reference_before = reference;
    const double got = tradeoff::hypervolume(signed_points, reference, senses);
    const double expected = hypervolume_inclusion_exclusion(signed_points, reference, senses);
    INFO("trial " << trial << " d " << d << " n " << n);
    if (grid) {
      CHECK(got == expected);
      if (d <= 4) {
        CHECK(got == hypervolume_grid_count(signed_points, reference, senses));
      }
    } else {
      CHECK(relative_error(got, expected) < 1e-12);
    }
    // Inputs unchanged (NaN-aware comparison).
    CHECK(((signed_points == before) || (signed_points.isNaN() && before.isNaN())).all());
    CHECK((reference == reference_before).all());
    ++checked;
  }
  CHECK(checked == 3600);
}

TEST_CASE("hypervolume: larger inputs agree with WFG and slicing / d = 2..5") {
  // The 2-D and 3-D sweeps (with their pre-filters, active from 1024 / 4096 points) against
  // an independent computation: slicing the grid along the last objective into (d-1)-D
  // hypervolumes computed by the library on fewer points.
  std::mt19937 rng(7u);
  for (Eigen::Index d = 2; d <= 3; ++d) {
    for (int trial = 0; trial < 4; ++trial) {
      const Eigen::Index n = trial < 2 ? 5000 : 20000;
      Eigen::ArrayXXd points(n, d);
      std::uniform_int_distribution<int> values(0, 40);
      for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = 0; j < d; ++j) {
          points(i, j) = values(rng);
        }
        if (trial % 2 == 1) {
          // Anti-correlated: near the plane sum = 40 * d / 2.
          points(i, d - 1) = std::max(0.0, 20.0 * static_cast<double>(d) -
                                                points.row(i).head(d - 1).sum() +
                                                static_cast<double>(values(rng) % 3));
        }
      }
      Eigen::ArrayXd reference = Eigen::ArrayXd::Constant(d, 100.0);
      const double got = tradeoff::hypervolume(points, reference);
      // Slice: for each integer level z in [0, 100), the (d-1)-D hypervolume of points with
      // last coordinate <= z.
      CHECK(got == sliced_hypervolume(points, reference, 100));
    }
  }
  // Every point on the front (no pre-filter helps; the radix-sorted sweeps do all the work):
  // the simplex x + y + z = 80 in 3-D, and the 2-D anti-diagonal with its closed form.
  {
    std::vector<double> values;
    for (int i = 0; i <= 80; ++i) {
      for (int j = 0; i + j <= 80; ++j) {
        values.insert(values.end(), {double(i), double(j), double(80 - i - j)});
      }
    }
    const Eigen::Index n = static_cast<Eigen::Index>(values.size() / 3);
    const Eigen::ArrayXXd points =
        Eigen::Map<const Eigen::Array<double, Eigen::Dynamic, 3, Eigen::RowMajor>>(values.data(),
                                                                                  n, 3);
    const Eigen::ArrayXd reference = Eigen::ArrayXd::Constant(3, 100.0);
    CHECK(tradeoff::hypervolume(points, reference) == sliced_hypervolume(points, reference, 100));
    const int k = 50000;
    Eigen::ArrayXXd diagonal(k + 1, 2);
    double expected = 0.0;
    for (int i = 0; i <= k; ++i) {
      diagonal(k - i, 0) = i;  // reversed, so the sort matters
      diagonal(k - i, 1) = k - i;
      expected += 1.0 * (i + 1);  // slab [i, i + 1) x [k - i, k + 1)
    }
    CHECK(tradeoff::hypervolume(diagonal, Eigen::ArrayXd::Constant(2, k + 1.0)) == expected);
  }
  // 4-D with many mutually non-dominated rows (near the plane sum = 38), ties and duplicates:
  // the 4-D sweep against slicing into exact 3-D sweeps; 3000 rows (trials 3, 4) take the
  // pre-filter with pareto_front's algorithm first.
  for (int trial = 0; trial < 5; ++trial) {
    const Eigen::Index n = trial < 3 ? 400 : 3000;
    Eigen::ArrayXXd points(n, 4);
    std::uniform_int_distribution<int> values(0, 19);
    for (Eigen::Index i = 0; i < n; ++i) {
      for (Eigen::Index j = 0; j < 3; ++j) {
        points(i, j) = values(rng);
      }
      points(i, 3) = trial % 3 == 0 ? values(rng)
                                    : std::clamp(38.0 - points.row(i).head(3).sum() + values(rng) % 3,
                                                 0.0, 19.0);
    }
    const Eigen::ArrayXd reference = Eigen::ArrayXd::Constant(4, 20.0);
    CHECK(tradeoff::hypervolume(points, reference) == sliced_hypervolume(points, reference, 20));
  }
  // d = 4, 5: WFG against the same slicing down to the exact 3-D sweep.
  for (Eigen::Index d = 4; d <= 5; ++d) {
    const Eigen::Index n = 60;
    Eigen::ArrayXXd points(n, d);
    std::uniform_int_distribution<int> values(0, 9);
    for (Eigen::Index i = 0; i < n; ++i) {
      for (Eigen::Index j = 0; j < d; ++j) {
        points(i, j) = values(rng);
      }
    }
    Eigen::ArrayXd reference = Eigen::ArrayXd::Constant(d, 10.0);
    CHECK(tradeoff::hypervolume(points, reference) == sliced_hypervolume(points, reference, 10));
  }
}

TEST_CASE("hypervolume: 4-D to 6-D sweeps match counting cells with ties and duplicates") {
  // Integer grids near the plane sum = const (large fronts), with repeated rows, rows that
  // tie in single objectives and dominated rows; the exact answer is the number of unit
  // cells covered. Column permutations must give the same value bit for bit.
  std::mt19937 rng(140101u);
  int checked = 0;
  for (int trial = 0; trial < 60; ++trial) {
    const Eigen::Index d = 4 + trial % 3;
    const int side = d == 4 ? 7 : (d == 5 ? 5 : 4);
    const Eigen::Index n = 20 + static_cast<Eigen::Index>(rng() % 200);
    Eigen::ArrayXXd points(n, d);
    std::uniform_int_distribution<int> value(0, side - 1);
    for (Eigen::Index i = 0; i < n; ++i) {
      if (i > 0 && rng() % 8 == 0) {
        points.row(i) = points.row(static_cast<Eigen::Index>(rng() % static_cast<unsigned>(i)));
        continue;  // a duplicate
      }
      double sum = 0.0;
      for (Eigen::Index j = 0; j + 1 < d; ++j) {
        points(i, j) = value(rng);
        sum += points(i, j);
      }
      const double target = (trial % 2 == 0 ? 0.5 : 0.4) * static_cast<double>(side - 1) *
                            static_cast<double>(d);
      points(i, d - 1) = std::clamp(std::round(target - sum) + value(rng) % 2, 0.0,
                                    static_cast<double>(side - 1));
    }
    const Eigen::ArrayXd reference = Eigen::ArrayXd::Constant(d, side);
    const double expected = hypervolume_grid_count(points, reference);
    INFO("trial " << trial << " d " << d << " n " << n);
    CHECK(tradeoff::hypervolume(points, reference) == expected);
    std::vector<Eigen::Index> columns(static_cast<std::size_t>(d));
    for (Eigen::Index j = 0; j < d; ++j) {
      columns[static_cast<std::size_t>(j)] = j;
    }
    std::shuffle(columns.begin(), columns.end(), rng);
    Eigen::ArrayXXd permuted(n, d);
    for (Eigen::Index j = 0; j < d; ++j) {
      permuted.col(j) = points.col(columns[static_cast<std::size_t>(j)]);
    }
    CHECK(tradeoff::hypervolume(permuted, reference) == expected);
    ++checked;
  }
  CHECK(checked == 60);
}

TEST_CASE("hypervolume: within 2e-15 of the exact value on DTLZ-like fronts in any column order") {
  // tests/golden/make_golden_hypervolume.py: linear (sum = 1) and spherical (|x| = 1) fronts
  // in 3..9 objectives, reference 1.1, their hypervolume computed in exact rational
  // arithmetic. Every column order is checked for d <= 4, 24 random ones above.
  std::ifstream in(TRADEOFF_TEST_DATA_DIR "/golden_hypervolume.txt");
  REQUIRE(in.good());
  std::mt19937 rng(2018u);
  int cases = 0;
  std::string tag;
  while (in >> tag) {
    REQUIRE(tag == "case");
    std::string shape;
    Eigen::Index n = 0;
    Eigen::Index d = 0;
    std::string exact_text;
    in >> shape >> n >> d >> exact_text;
    const long double exact = std::strtold(exact_text.c_str(), nullptr);
    Eigen::ArrayXXd points(n, d);
    for (Eigen::Index i = 0; i < n; ++i) {
      for (Eigen::Index j = 0; j < d; ++j) {
        std::string hex;
        in >> hex;
        points(i, j) = std::strtod(hex.c_str(), nullptr);
      }
    }
    const Eigen::ArrayXd reference = Eigen::ArrayXd::Constant(d, 1.1);
    std::vector<Eigen::Index> columns(static_cast<std::size_t>(d));
    for (Eigen::Index j = 0; j < d; ++j) {
      columns[static_cast<std::size_t>(j)] = j;
    }
    double worst = 0.0;
    for (int order = 0; order < 24; ++order) {
      if (d <= 4) {
        if (order > 0 && !std::next_permutation(columns.begin(), columns.end())) {
          break;
        }
      } else if (order > 0) {
        std::shuffle(columns.begin(), columns.end(), rng);
      }
      Eigen::ArrayXXd permuted(n, d);
      for (Eigen::Index j = 0; j < d; ++j) {
        permuted.col(j) = points.col(columns[static_cast<std::size_t>(j)]);
      }
      const double got = tradeoff::hypervolume(permuted, reference);
      worst = std::max(worst, static_cast<double>(std::fabs(got - exact) / exact));
    }
    INFO(shape << " n " << n << " d " << d << " worst relative error " << worst);
    // The sweeps accumulate in x87 extended precision where long double is that format
    // (detail::hv_wide); with double accumulators the error reaches ~1e-14 on these fronts.
    CHECK(worst <= (std::numeric_limits<long double>::digits == 64 ? 2e-15 : 2e-14));
    ++cases;
  }
  CHECK(cases == 14);
}

TEST_CASE("hypervolume: a volume beyond the double range is +inf in every dimension") {
  // Issue 21 row 2: three realistic points against huge references, and two points at
  // +-1e200 in 4-D, used to give NaN (inf * 0 in the 3-D sweep, inf - inf in WFG).
  const double huge[] = {1e200, 1e300, std::numeric_limits<double>::max()};
  for (const double r : huge) {
    for (Eigen::Index d = 2; d <= 6; ++d) {
      Eigen::ArrayXXd points(3, d);
      for (Eigen::Index j = 0; j < d; ++j) {
        points.col(j) << 1.0 + static_cast<double>(j), 2.0, 0.5 * static_cast<double>(j % 2);
      }
      INFO("reference " << r << " d " << d);
      CHECK(tradeoff::hypervolume(points, Eigen::ArrayXd::Constant(d, r)) == inf_value);
    }
  }
  Eigen::ArrayXXd two(2, 4);
  two << -1e200, 1e200, -1e200, 1e200,
         1e200, -1e200, 1e200, -1e200;
  CHECK(tradeoff::hypervolume(two, Eigen::ArrayXd::Constant(4, 1e201)) == inf_value);
  // Partial products beyond the range, the volume within it: 3e300 exactly (two boxes of
  // 2e300 that overlap in 1e300), whichever accumulator the platform has.
  Eigen::ArrayXXd thin(2, 4);
  thin << -1e200, 0.0, 0.0, 0.0,
          0.0, -1e200, 0.0, 0.0;
  Eigen::ArrayXd reference(4);
  reference << 1e200, 1e200, 1e200, 1e-300;
  CHECK(tradeoff::hypervolume(thin, reference) == doctest::Approx(3e300).epsilon(1e-14));
  CHECK(tradeoff::hypervolume(thin.leftCols(3).eval(), reference.head(3).eval()) == inf_value);
}

TEST_CASE("hypervolume: constant objectives are a factor (a padded 2-D front costs a 2-D front)") {
  // Issue 21 row 9: 32k points of a 2-D front plus three constant objectives (quadratic
  // before: 30 s); the factors 4 * 3 * 2 are exact, so is the product.
  const Eigen::Index n = 32768;
  Eigen::ArrayXXd padded(n, 5);
  for (Eigen::Index i = 0; i < n; ++i) {
    padded.row(i) << static_cast<double>(i), static_cast<double>(n - 1 - i), 1.0, 2.0, 3.0;
  }
  const Eigen::ArrayXd reference = Eigen::ArrayXd::Constant(5, static_cast<double>(n));
  const double plane = tradeoff::hypervolume(padded.leftCols(2).eval(), reference.head(2).eval());
  const double factor = (n - 1.0) * (n - 2.0) * (n - 3.0);
  CHECK(tradeoff::hypervolume(padded, reference) == plane * factor);
  // Constant columns anywhere, in 3-D to 6-D, on small random grids: the cell count.
  std::mt19937 rng(2121u);
  for (int trial = 0; trial < 200; ++trial) {
    const Eigen::Index d = 3 + trial % 4;
    const Eigen::Index rows = 1 + static_cast<Eigen::Index>(rng() % 12);
    Eigen::ArrayXXd points = random_points(rng, rows, d, true, 0.0);
    for (Eigen::Index j = 0; j < d; ++j) {
      if (rng() % 2 == 0) {
        points.col(j).setConstant(static_cast<double>(rng() % 4));
      }
    }
    const Eigen::ArrayXd box = Eigen::ArrayXd::Constant(d, 6.0);
    INFO("trial " << trial);
    CHECK(tradeoff::hypervolume(points, box) == hypervolume_grid_count(points, box));
  }
}

TEST_CASE("hypervolume: max_work stops the exact computation with a clear error") {
  std::mt19937 rng(21u);
  std::normal_distribution<double> normal;
  const Eigen::Index n = 300;
  const Eigen::Index d = 6;
  Eigen::ArrayXXd sphere(n, d);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < d; ++j) {
      sphere(i, j) = std::fabs(normal(rng));
    }
    sphere.row(i) /= std::sqrt(sphere.row(i).square().sum());
  }
  const Eigen::ArrayXd reference = Eigen::ArrayXd::Constant(d, 1.1);
  tradeoff::hypervolume_options tight;
  tight.max_work = 1000;
  std::string message;
  try {
    static_cast<void>(tradeoff::hypervolume(sphere, reference, {}, tight));
  } catch (const std::domain_error& e) {
    message = e.what();
  }
  CHECK(message.rfind("tradeoff::hypervolume: work budget of 1000 steps exhausted (6 objectives, 300 "
                      "rows after removing dominated ones)", 0) == 0);
  tradeoff::hypervolume_options ample;
  ample.max_work = std::uint64_t{1} << 40U;
  CHECK(tradeoff::hypervolume(sphere, reference, {}, ample) == tradeoff::hypervolume(sphere, reference));
  // d <= 3 is never metered (O(n log n)).
  CHECK(tradeoff::hypervolume(sphere.leftCols(3).eval(), reference.head(3).eval(), {}, tight) > 0.0);
}

TEST_CASE("hypervolume_estimate: the interval holds the exact value and the seed fixes the result") {
  std::mt19937 rng(19u);
  int inside = 0;
  int trials = 0;
  for (Eigen::Index d = 2; d <= 6; ++d) {
    for (int trial = 0; trial < 4; ++trial) {
      const Eigen::ArrayXXd points = random_points(rng, 8, d, trial % 2 == 0, 0.1);
      const std::vector<sense> senses = random_senses(rng, d);
      const Eigen::ArrayXd reference = random_reference(rng, d, senses, trial % 2 == 0);
      const double exact = tradeoff::hypervolume(points, reference, senses);
      const auto estimate = tradeoff::hypervolume_estimate(points, reference, 20000,
                                                           static_cast<std::uint64_t>(trial), senses);
      const auto again = tradeoff::hypervolume_estimate(points, reference, 20000,
                                                        static_cast<std::uint64_t>(trial), senses);
      INFO("d " << d << " trial " << trial << " exact " << exact << " estimate " << estimate.value);
      CHECK(estimate.value == again.value);
      CHECK(estimate.samples == 20000);
      CHECK(estimate.lower <= estimate.value);
      CHECK(estimate.value <= estimate.upper);
      CHECK(std::fabs(estimate.value - exact) <= 6.0 * estimate.standard_error + 1e-12 * exact);
      inside += estimate.lower <= exact && exact <= estimate.upper ? 1 : 0;
      ++trials;
    }
  }
  CHECK(trials == 20);
  CHECK(inside == trials);  // Hoeffding's bound is conservative: 95 % is a floor
  Eigen::ArrayXXd infinite(1, 3);
  infinite << -inf_value, 0.0, 0.0;
  CHECK(tradeoff::hypervolume_estimate(infinite, Eigen::ArrayXd::Ones(3), 10).value == inf_value);
  CHECK(tradeoff::hypervolume_estimate(Eigen::ArrayXXd(0, 3), Eigen::ArrayXd::Ones(3), 10).value == 0.0);
}

TEST_CASE("hypervolume: invariant under row permutation and mirrored senses") {
  std::mt19937 rng(99u);
  for (int trial = 0; trial < 200; ++trial) {
    const Eigen::Index d = 2 + static_cast<Eigen::Index>(trial % 4);
    const Eigen::Index n = 1 + static_cast<Eigen::Index>(rng() % 200);
    Eigen::ArrayXXd points(n, d);
    std::uniform_int_distribution<int> values(0, 20);
    for (Eigen::Index i = 0; i < n; ++i) {
      for (Eigen::Index j = 0; j < d; ++j) {
        points(i, j) = values(rng);
      }
    }
    const Eigen::ArrayXd reference = Eigen::ArrayXd::Constant(d, 18.0);
    const double base = tradeoff::hypervolume(points, reference);
    // Permutation of rows.
    std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) {
      order[static_cast<std::size_t>(i)] = i;
    }
    std::shuffle(order.begin(), order.end(), rng);
    Eigen::ArrayXXd shuffled(n, d);
    for (Eigen::Index i = 0; i < n; ++i) {
      shuffled.row(i) = points.row(order[static_cast<std::size_t>(i)]);
    }
    CHECK(tradeoff::hypervolume(shuffled, reference) == base);
    // Flip the sense of a random subset of columns, negating the data and the reference.
    std::vector<sense> senses(static_cast<std::size_t>(d), sense::minimize);
    Eigen::ArrayXXd mirrored = points;
    Eigen::ArrayXd mirrored_reference = reference;
    for (Eigen::Index j = 0; j < d; ++j) {
      if (rng() % 2 == 0) {
        senses[static_cast<std::size_t>(j)] = sense::maximize;
        mirrored.col(j) = -points.col(j);
        mirrored_reference(j) = -reference(j);
      }
    }
    CHECK(tradeoff::hypervolume(mirrored, mirrored_reference, senses) == base);
    // Column permutation (the hypervolume is symmetric in the objectives).
    Eigen::ArrayXXd reversed = points.rowwise().reverse();
    CHECK(tradeoff::hypervolume(reversed, reference) == base);
  }
}

TEST_CASE("hypervolume: expressions / matrices and float") {
  Eigen::ArrayXXd p(3, 2);
  p << 1.0, 3.0, 2.0, 2.0, 3.0, 1.0;
  Eigen::ArrayXd r(2);
  r << 4.0, 4.0;
  const double base = tradeoff::hypervolume(p, r);
  CHECK(base == 6.0);
  CHECK(tradeoff::hypervolume(2.0 * p, 2.0 * r) == 24.0);
  CHECK(tradeoff::hypervolume(p.matrix(), r.matrix().transpose()) == base);
  CHECK(tradeoff::hypervolume(p.topRows(2), r) == 5.0);
  CHECK(tradeoff::hypervolume(p.cast<float>(), r.cast<float>()) == base);
}

TEST_CASE("hypervolume: errors") {
  Eigen::ArrayXXd p = Eigen::ArrayXXd::Zero(3, 2);
  Eigen::ArrayXd r = Eigen::ArrayXd::Ones(2);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::hypervolume(p, Eigen::ArrayXd::Ones(3))),
                  std::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::hypervolume(p, Eigen::ArrayXXd::Ones(2, 2))),
                  std::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::hypervolume(p, r, {sense::minimize})),
                  std::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::hypervolume(Eigen::ArrayXXd(3, 0),
                                                          Eigen::ArrayXd(0))),
                  std::invalid_argument);
  Eigen::ArrayXd r_nan(2);
  r_nan << 1.0, nan_value;
  try {
    static_cast<void>(tradeoff::hypervolume(p, r_nan));
    FAIL("expected std::invalid_argument");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()) == "tradeoff::hypervolume: reference(1) is NaN");
  }
  try {
    static_cast<void>(tradeoff::hypervolume(p, Eigen::ArrayXd::Ones(3)));
    FAIL("expected std::invalid_argument");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()).rfind("tradeoff::hypervolume: reference", 0) == 0);
  }
  try {
    static_cast<void>(tradeoff::hypervolume(p, r, {sense::minimize}));
    FAIL("expected std::invalid_argument");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()).rfind("tradeoff::hypervolume: senses", 0) == 0);
  }
}
