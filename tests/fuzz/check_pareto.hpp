#ifndef TRADEOFF_TESTS_FUZZ_CHECK_PARETO_HPP
#define TRADEOFF_TESTS_FUZZ_CHECK_PARETO_HPP

/// @file
/// @brief Property check for tradeoff/pareto.hpp on an arbitrary byte string: decodes an n×d
/// table of doubles (d = 1..6, NaN, ±inf, −0.0, ties, duplicates) and objective senses, then
/// compares pareto_front (N-D and 2-D) and pareto_ranks with an O(n²·d) brute force of the
/// definition. Throws tradeoff_fuzz::check_failure on any disagreement.
///
/// Byte layout: [d-1 (mod 6)] [sense bits] [flags] then, in the small mode, one value per
/// byte-tagged cell (byte_reader::value), row by row, at most pareto_max_rows rows; in the large
/// mode (flag bit 5) [n: u16] [grid] [shape] and a seed from the remaining bytes, from which a
/// pseudo-random table of 384..2183 rows is generated, large enough to reach the library's
/// radix sort (m >= 384), 2-D bucket pre-filter (n >= 1024) and N-D pivot pre-filter (n >= 2048);
/// the fuzz targets build the library with TRADEOFF_DETAIL_SMALL_THRESHOLDS, which divides
/// those thresholds and this range by 32 (12..67 rows).
/// flags bit 0: empty senses vector (all minimise) instead of d senses
///       bit 1: a matrix (Eigen::MatrixXd) instead of an array
///       bit 2: a row-major array
///       bit 3: also check that senses of the wrong size throw std::invalid_argument
///       bit 4: also check that 2-D inputs of different lengths throw std::invalid_argument
///       bit 5: large mode (see above)
///       bit 6: also check duplicates::keep_first (also for pareto_archive)
///
/// Also checked: pareto_archive fed the rows one by one ends with the ids pareto_front returns,
/// in the same order; and, when every value is a grid value 0..10 and d <= 3 (small mode), the
/// hypervolume equals the number of unit cells of the grid that the points dominate.
///
/// Two brute forces: the all-pairs one (small mode; the plain definition) and a lexicographic
/// sweep that tests each row only against the current front / rank layers (large mode; also
/// cross-checked against the all-pairs one in small mode).

#include "byte_reader.hpp"

#include <tradeoff/detail/pareto_thresholds.hpp>
#include <tradeoff/hypervolume.hpp>
#include <tradeoff/pareto.hpp>
#include <tradeoff/pareto_archive.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff_fuzz {

namespace pareto_detail {

using row_major_array = Eigen::Array<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// The table in minimisation space, row-major: maximised columns negated (NaN stays NaN and
/// -0.0 still equals +0.0), so the brute forces are tight loops over plain doubles.
struct table {
  std::size_t n = 0;
  std::size_t d = 0;
  std::vector<double> cells;
  std::vector<unsigned char> valid;  // 1: no NaN in the row (not vector<bool>: it is read in every inner loop)
  const double* row(std::size_t i) const { return cells.data() + i * d; }
};

inline table to_minimize_space(const Eigen::ArrayXXd& p, const std::vector<tradeoff::sense>& senses) {
  table t;
  t.n = static_cast<std::size_t>(p.rows());
  t.d = static_cast<std::size_t>(p.cols());
  t.cells.resize(t.n * t.d);
  t.valid.assign(t.n, 1);
  for (std::size_t i = 0; i < t.n; ++i) {
    for (std::size_t k = 0; k < t.d; ++k) {
      const double v = p(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k));
      t.cells[i * t.d + k] = senses[k] == tradeoff::sense::minimize ? v : -v;
      if (std::isnan(v)) t.valid[i] = 0;
    }
  }
  return t;
}

/// The definition: a dominates b iff a is no worse in every objective and strictly better in one.
inline bool dominates(const table& t, std::size_t a, std::size_t b) {
  const double* x = t.row(a);
  const double* y = t.row(b);
  bool strict = false;
  for (std::size_t k = 0; k < t.d; ++k) {
    if (!(x[k] <= y[k])) return false;
    strict = strict || x[k] < y[k];
  }
  return strict;
}

/// Lexicographic "a before b" (minimisation space); false for ties.
inline bool lex_before(const table& t, std::size_t a, std::size_t b) {
  const double* x = t.row(a);
  const double* y = t.row(b);
  for (std::size_t k = 0; k < t.d; ++k) {
    if (x[k] < y[k]) return true;
    if (y[k] < x[k]) return false;
  }
  return false;
}

inline bool equal_rows(const table& t, std::size_t a, std::size_t b) {
  return std::equal(t.row(a), t.row(a) + t.d, t.row(b));
}

struct brute_force {
  std::vector<bool> on_front;
  std::vector<int> rank;
};

/// Front and ranks by the definition, all pairs. Ranks: a row's rank is the length of the
/// longest chain of dominators above it, which equals the layer at which repeated front peeling
/// removes it (dominance is a strict partial order). NaN rows get -1 and take part in nothing.
inline brute_force solve(const table& t) {
  const std::size_t n = t.n;
  // dominance[a * n + b]: a dominates b (a flat matrix: n is at most pareto_max_rows).
  std::vector<unsigned char> dominance(n * n, 0);
  std::vector<int> dominators(n, 0);
  // Each pair once, both directions in one pass over the objectives (NaN rows take no part, so
  // the comparisons are total): a dominates b iff a <= b everywhere and they differ somewhere.
  for (std::size_t a = 0; a < n; ++a) {
    if (t.valid[a] == 0) continue;
    const double* x = t.row(a);
    for (std::size_t b = a + 1; b < n; ++b) {
      if (t.valid[b] == 0) continue;
      const double* y = t.row(b);
      bool a_le_b = true;
      bool b_le_a = true;
      for (std::size_t k = 0; k < t.d && (a_le_b || b_le_a); ++k) {
        a_le_b = a_le_b && x[k] <= y[k];
        b_le_a = b_le_a && y[k] <= x[k];
      }
      if (a_le_b && !b_le_a) {
        dominance[a * n + b] = 1;
        ++dominators[b];
      } else if (b_le_a && !a_le_b) {
        dominance[b * n + a] = 1;
        ++dominators[a];
      }
    }
  }
  brute_force result;
  result.on_front.assign(n, false);
  result.rank.assign(n, -1);
  std::vector<std::size_t> layer;
  for (std::size_t i = 0; i < n; ++i) {
    if (t.valid[i] != 0 && dominators[i] == 0) {
      layer.push_back(i);
      result.on_front[i] = true;
    }
  }
  int depth = 0;
  std::vector<std::size_t> next;
  while (!layer.empty()) {
    next.clear();
    for (const std::size_t i : layer) {
      result.rank[i] = depth;
      for (std::size_t j = 0; j < n; ++j) {
        if (dominance[i * n + j] != 0 && --dominators[j] == 0) next.push_back(j);
      }
    }
    layer.swap(next);
    ++depth;
  }
  return result;
}

/// Same result as solve() in O(n log n + n·h·d): rows in lexicographic order (a dominator always
/// comes strictly earlier), a row's rank is the first layer holding none of its dominators (if
/// layer k holds one, layer k-1 holds one of that one's dominators, which dominates the row too).
/// Each layer is scanned from its newest member, the most likely dominator of the next rows.
inline brute_force solve_by_sweep(const table& t) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < t.n; ++i) {
    if (t.valid[i] != 0) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return lex_before(t, a, b); });
  brute_force result;
  result.on_front.assign(t.n, false);
  result.rank.assign(t.n, -1);
  std::vector<std::vector<std::size_t>> layers;
  for (const std::size_t r : order) {
    std::size_t k = 0;
    for (; k < layers.size(); ++k) {
      bool dominated = false;
      for (auto f = layers[k].rbegin(); f != layers[k].rend(); ++f) {
        if (dominates(t, *f, r)) {
          dominated = true;
          break;
        }
      }
      if (!dominated) break;
    }
    if (k == layers.size()) layers.emplace_back();
    layers[k].push_back(r);
    result.rank[r] = static_cast<int>(k);
    result.on_front[r] = k == 0;
  }
  return result;
}

/// The front with only the lowest index of each group of equal rows (== per column, so -0 == +0).
inline brute_force keep_first_only(const table& t, brute_force b) {
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < t.n; ++i) {
    if (!b.on_front[i]) continue;
    bool duplicate = false;
    for (const std::size_t j : kept) {
      if (equal_rows(t, j, i)) {
        duplicate = true;
        break;
      }
    }
    if (duplicate) {
      b.on_front[i] = false;
    } else {
      kept.push_back(i);
    }
  }
  return b;
}

/// xorshift64*: the large mode's deterministic generator.
struct generator {
  std::uint64_t state;
  std::uint64_t next() {
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 0x2545F4914F6CDD1DULL;
  }
  double unit() { return static_cast<double>(next() >> 11) * 0x1p-53; }
};

/// A pseudo-random n x d table: `grid` = 0 continuous, else values on {0..grid}; `shape` picks
/// uniform, anti-correlated (rows near the simplex: big fronts) or correlated; a few rows get
/// NaN, ±inf or -0.0, a few are copies of earlier rows.
inline Eigen::ArrayXXd generate_table(Eigen::Index n, Eigen::Index d, unsigned grid, unsigned shape,
                                      std::uint64_t seed) {
  generator g{seed | 1U};
  Eigen::ArrayXXd p(n, d);
  for (Eigen::Index i = 0; i < n; ++i) {
    double total = 0.0;
    for (Eigen::Index k = 0; k < d; ++k) {
      double v = g.unit();
      if (shape % 3 == 1 && k + 1 == d) v = std::max(0.0, 1.0 - total / static_cast<double>(d - 1 > 0 ? d - 1 : 1)) + 0.01 * v;
      if (shape % 3 == 2 && k > 0) v = 0.9 * p(i, 0) + 0.1 * v;
      total += v;
      p(i, k) = grid == 0 ? v : std::floor(v * static_cast<double>(grid));
    }
    const std::uint64_t special = g.next() % 1000;
    const Eigen::Index column = static_cast<Eigen::Index>(g.next() % static_cast<std::uint64_t>(d));
    if (special < 5) p(i, column) = std::numeric_limits<double>::quiet_NaN();
    else if (special < 8) p(i, column) = std::numeric_limits<double>::infinity();
    else if (special < 11) p(i, column) = -std::numeric_limits<double>::infinity();
    else if (special < 20 && p(i, column) == 0.0) p(i, column) = -0.0;
    else if (special < 40 && i > 0) p.row(i) = p.row(static_cast<Eigen::Index>(g.next() % static_cast<std::uint64_t>(i)));
  }
  return p;
}

inline std::string describe(const Eigen::ArrayXXd& p, const std::vector<tradeoff::sense>& senses) {
  std::ostringstream out;
  out.precision(17);
  out << p.rows() << "x" << p.cols() << " senses=";
  for (const auto s : senses) out << (s == tradeoff::sense::minimize ? "min " : "max ");
  out << "\n";
  for (Eigen::Index i = 0; i < p.rows() && i < 40; ++i) {
    out << "  row " << i << ":";
    for (Eigen::Index k = 0; k < p.cols(); ++k) out << " " << p(i, k);
    out << "\n";
  }
  return out.str();
}

inline std::string show_row(const table& t, std::size_t i) {
  std::ostringstream out;
  out.precision(17);
  out << "row " << i << " (minimisation space):";
  for (std::size_t k = 0; k < t.d; ++k) out << " " << t.row(i)[k];
  return out.str();
}

/// Why row i is not on the front: a row dominating it, or its NaN.
inline std::string why_not_on_front(const table& t, std::size_t i) {
  if (t.valid[i] == 0) return show_row(t, i) + " has NaN";
  for (std::size_t j = 0; j < t.n; ++j) {
    if (t.valid[j] != 0 && dominates(t, j, i)) return show_row(t, i) + "\n  is dominated by " + show_row(t, j);
  }
  return show_row(t, i) + " (no dominator: checker bug)";
}

/// The returned indices are exactly the brute-force front, each once, in range.
inline void check_front_set(const Eigen::ArrayXi& front, const brute_force& expected, const table& t,
                            const char* function, const lazy_text& context) {
  const auto n = expected.on_front.size();
  std::vector<bool> seen(n, false);
  for (Eigen::Index i = 0; i < front.size(); ++i) {
    const int index = front(i);
    expect(index >= 0 && static_cast<std::size_t>(index) < n, function, ": index ", index,
           " out of range [0, ", n, ")\n", context);
    const auto u = static_cast<std::size_t>(index);
    expect(!seen[u], function, ": index ", index, " listed twice\n", context);
    seen[u] = true;
    expect(expected.on_front[u], function, ": returned ", lazy_text{[&] { return why_not_on_front(t, u); }}, "\n",
           context);
  }
  for (std::size_t u = 0; u < n; ++u) {
    expect(!expected.on_front[u] || seen[u], function, ": missing non-dominated ", lazy_text{[&] { return show_row(t, u); }},
           "\n", context);
  }
}

/// Lexicographic in the objectives' directions (minimisation space), then by index.
inline void check_order(const Eigen::ArrayXi& f, const table& t, const char* function, const lazy_text& context) {
  for (Eigen::Index i = 1; i < f.size(); ++i) {
    const Eigen::Index a = f(i - 1);
    const Eigen::Index b = f(i);
    const auto ua = static_cast<std::size_t>(a);
    const auto ub = static_cast<std::size_t>(b);
    const bool ordered = lex_before(t, ua, ub) || (!lex_before(t, ub, ua) && a < b);
    expect(ordered, function, ": rows ", a, " and ", b, " out of order at output position ", i, "\n", context);
  }
}

/// True when every non-NaN cell is an integer in [0, 10] (a byte_reader grid value).
inline bool on_small_grid(const Eigen::ArrayXXd& p) {
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    const double v = p.data()[i];
    if (std::isnan(v)) continue;
    if (!(v >= 0.0 && v <= 10.0) || v != std::floor(v)) return false;
  }
  return true;
}

/// The hypervolume of grid points by counting: the reference is 11 in minimised objectives and
/// -1 in maximised ones (1 in minimisation space), and a unit cell [a, a + 1) (minimisation
/// space) is covered when a valid point is <= a in every objective. Each point marks the cell at
/// its own corner; a cell is covered when a marked cell lies at or below it in every objective,
/// which a running OR along each axis in turn decides for all 11^d cells at once.
inline double grid_hypervolume(const table& t, const std::vector<double>& low) {
  std::size_t cells = 1;
  for (std::size_t k = 0; k < t.d; ++k) cells *= 11;
  std::vector<unsigned char> covered(cells, 0);
  for (std::size_t i = 0; i < t.n; ++i) {
    if (t.valid[i] == 0) continue;
    std::size_t at = 0;
    for (std::size_t k = t.d; k-- > 0;) at = at * 11 + static_cast<std::size_t>(t.row(i)[k] - low[k]);
    covered[at] = 1;
  }
  std::size_t stride = 1;
  for (std::size_t k = 0; k < t.d; ++k, stride *= 11) {
    for (std::size_t c = 0; c < cells; ++c) {
      if ((c / stride) % 11 != 0 && covered[c - stride] != 0) covered[c] = 1;
    }
  }
  double count = 0.0;
  for (const unsigned char c : covered) count += c;
  return count;
}

template <typename Points>
Eigen::ArrayXi front_of(const Points& points, const std::vector<tradeoff::sense>& senses) {
  return tradeoff::pareto_front(points, senses);
}
template <typename Points>
Eigen::ArrayXi ranks_of(const Points& points, const std::vector<tradeoff::sense>& senses) {
  return tradeoff::pareto_ranks(points, senses);
}

}  // namespace pareto_detail

/// Upper bound on rows so that the O(n²·d) brute force stays fast.
inline constexpr Eigen::Index pareto_max_rows = 160;

/// Which inputs check_pareto decodes: both modes (by flag bit 5), or one of them whatever the
/// flag says. fuzz_pareto runs the small mode (about 1,000 executions per second), fuzz_pareto_large
/// the large one, whose tables of up to 2,183 rows make each execution cost milliseconds.
enum class pareto_modes { by_flag, small_only, large_only };

/// @brief Runs every Pareto property on the input; throws check_failure on a disagreement.
inline void check_pareto_modes(const std::uint8_t* data, std::size_t size, pareto_modes modes) {
  using namespace pareto_detail;
  byte_reader in(data, size);
  const Eigen::Index d = 1 + in.byte() % 6;
  const std::uint8_t sense_bits = in.byte();
  const std::uint8_t flags = in.byte();
  std::vector<tradeoff::sense> senses(static_cast<std::size_t>(d));
  for (Eigen::Index k = 0; k < d; ++k) {
    senses[static_cast<std::size_t>(k)] =
        ((sense_bits >> k) & 1U) != 0 ? tradeoff::sense::maximize : tradeoff::sense::minimize;
  }
  const bool empty_senses = (flags & 1U) != 0;
  if (empty_senses) std::fill(senses.begin(), senses.end(), tradeoff::sense::minimize);
  const std::vector<tradeoff::sense> passed_senses = empty_senses ? std::vector<tradeoff::sense>{} : senses;

  const bool large = modes == pareto_modes::by_flag ? (flags & 32U) != 0 : modes == pareto_modes::large_only;
  Eigen::ArrayXXd points;
  if (large) {
    namespace thresholds = tradeoff::detail::pareto_thresholds;
    const Eigen::Index n = static_cast<Eigen::Index>(thresholds::radix_sort_keys) + in.u16() % (1800 / thresholds::divisor);
    static const unsigned grids[] = {0, 0, 2, 3, 5, 10, 50, 1000};
    const unsigned grid = grids[in.byte() % 8];
    const unsigned shape = in.byte();
    std::uint64_t seed = 0x9E3779B97F4A7C15ULL;
    while (!in.empty()) seed = (seed ^ in.byte()) * 0x100000001B3ULL;
    points = generate_table(n, d, grid, shape, seed);
  } else {
    // Every byte after the header yields at most one cell; rows are complete.
    const Eigen::Index n = std::min(static_cast<Eigen::Index>(in.remaining()) / d, pareto_max_rows);
    points.resize(n, d);
    for (Eigen::Index i = 0; i < n; ++i) {
      for (Eigen::Index k = 0; k < d; ++k) points(i, k) = in.value();
    }
  }
  const Eigen::Index n = points.rows();
  const Eigen::ArrayXXd original = points;
  const lazy_text context{[&] { return describe(points, senses); }};
  const table minimized = to_minimize_space(points, senses);
  const brute_force expected = large ? solve_by_sweep(minimized) : solve(minimized);
  if (!large) {
    const brute_force swept = solve_by_sweep(minimized);
    expect(swept.rank == expected.rank, "fuzz_pareto: the two brute forces disagree (a bug in the checker)\n",
           context);
  }

  // N-D front, through the container type the flags choose.
  Eigen::ArrayXi front;
  Eigen::ArrayXi ranks;
  if ((flags & 2U) != 0) {
    const Eigen::MatrixXd matrix = points.matrix();
    front = front_of(matrix, passed_senses);
    ranks = ranks_of(matrix, passed_senses);
  } else if ((flags & 4U) != 0) {
    const row_major_array row_major = points;
    front = front_of(row_major, passed_senses);
    ranks = ranks_of(row_major, passed_senses);
  } else {
    front = front_of(points, passed_senses);
    ranks = ranks_of(points, passed_senses);
  }
  check_front_set(front, expected, minimized, "pareto_front(points, senses)", context);
  check_order(front, minimized, "pareto_front(points, senses)", context);
  if ((flags & 64U) != 0) {
    const Eigen::ArrayXi first = tradeoff::pareto_front(points, passed_senses, tradeoff::duplicates::keep_first);
    check_front_set(first, keep_first_only(minimized, expected), minimized, "pareto_front(points, senses, keep_first)", context);
    check_order(first, minimized, "pareto_front(points, senses, keep_first)", context);
  }
  expect(ranks.size() == n, "pareto_ranks: size ", ranks.size(), " for ", n, " rows\n", context);
  for (Eigen::Index i = 0; i < n; ++i) {
    expect(ranks(i) == expected.rank[static_cast<std::size_t>(i)], "pareto_ranks: row ", i, " has rank ",
           ranks(i), ", brute force says ", expected.rank[static_cast<std::size_t>(i)], "\n", context);
  }

  // 2-D overload on the first two columns, passed as block expressions.
  if (d >= 2) {
    const Eigen::ArrayXXd xy = points.leftCols(2);
    const std::vector<tradeoff::sense> senses2{senses[0], senses[1]};
    const table minimized2 = to_minimize_space(xy, senses2);
    const brute_force expected2 = large ? solve_by_sweep(minimized2) : solve(minimized2);
    const lazy_text context2{[&] { return describe(xy, senses2); }};
    const Eigen::ArrayXi front2 = tradeoff::pareto_front(points.col(0), points.col(1), senses2[0], senses2[1]);
    check_front_set(front2, expected2, minimized2, "pareto_front(x, y, sx, sy)", context2);
    // Ordered by x in its direction, ties by y in its direction, then by index.
    check_order(front2, minimized2, "pareto_front(x, y, sx, sy)", context2);
    if ((flags & 64U) != 0) {
      const Eigen::ArrayXi first2 = tradeoff::pareto_front(points.col(0), points.col(1), senses2[0], senses2[1],
                                                           tradeoff::duplicates::keep_first);
      check_front_set(first2, keep_first_only(minimized2, expected2), minimized2, "pareto_front(x, y, sx, sy, keep_first)", context2);
    }
    if ((flags & 16U) != 0 && n >= 1) {
      expect(throws_with_prefix<std::invalid_argument>(
                 [&] { return tradeoff::pareto_front(points.col(0).head(n - 1), points.col(1), senses2[0], senses2[1]); },
                 "tradeoff::pareto_front: "),
             "pareto_front(x, y): lengths ", n - 1, " and ", n, " did not throw std::invalid_argument");
    }

  }

  if ((flags & 8U) != 0) {
    const std::vector<tradeoff::sense> wrong(static_cast<std::size_t>(d + 1), tradeoff::sense::minimize);
    expect(throws_with_prefix<std::invalid_argument>([&] { return tradeoff::pareto_front(points, wrong); },
                                                     "tradeoff::pareto_front: "),
           "pareto_front: ", d + 1, " senses for d = ", d, " did not throw std::invalid_argument");
    expect(throws_with_prefix<std::invalid_argument>([&] { return tradeoff::pareto_ranks(points, wrong); },
                                                     "tradeoff::pareto_ranks: "),
           "pareto_ranks: ", d + 1, " senses for d = ", d, " did not throw std::invalid_argument");
  }


  // The incremental archive ends with pareto_front's ids, in its order.
  {
    const bool keep_first = (flags & 64U) != 0;
    tradeoff::pareto_archive<int> archive(d, passed_senses, keep_first ? tradeoff::duplicates::keep_first
                                                                       : tradeoff::duplicates::keep_all);
    for (Eigen::Index i = 0; i < n; ++i) {
      const Eigen::ArrayXd row = points.row(i).transpose();
      static_cast<void>(archive.insert(row, static_cast<int>(i)));
    }
    const Eigen::ArrayXi batch = keep_first ? tradeoff::pareto_front(points, passed_senses, tradeoff::duplicates::keep_first)
                                            : front;
    const std::vector<int> ids = archive.ids();
    expect(ids.size() == static_cast<std::size_t>(batch.size()) &&
               std::equal(ids.begin(), ids.end(), batch.data()),
           "pareto_archive: after inserting every row, ids() has ", ids.size(), " entries; pareto_front has ",
           batch.size(), " (or a different order)\n", context);
  }

  // Hypervolume of grid points against counting (small mode, d <= 3).
  if (!large && d <= 3 && on_small_grid(points)) {
    Eigen::ArrayXd reference(d);
    std::vector<double> low(static_cast<std::size_t>(d));
    for (Eigen::Index k = 0; k < d; ++k) {
      const bool minimize = senses[static_cast<std::size_t>(k)] == tradeoff::sense::minimize;
      reference(k) = minimize ? 11.0 : -1.0;
      low[static_cast<std::size_t>(k)] = minimize ? 0.0 : -10.0;
    }
    const double expected_volume = grid_hypervolume(minimized, low);
    const double volume = tradeoff::hypervolume(points, reference, passed_senses);
    expect(volume == expected_volume, "hypervolume: got ", volume, ", counting unit cells gives ", expected_volume,
           "\n", context);
  }

  // Inputs are never modified (compared bit for bit; NaN payloads included).
  expect(same_bits(points, original),
         "pareto: an input was modified\n", context);
}

/// Both modes, by the flag bit (the regression replay).
inline void check_pareto(const std::uint8_t* data, std::size_t size) {
  check_pareto_modes(data, size, pareto_modes::by_flag);
}

/// The small mode only (fuzz_pareto).
inline void check_pareto_small(const std::uint8_t* data, std::size_t size) {
  check_pareto_modes(data, size, pareto_modes::small_only);
}

/// The large mode only (fuzz_pareto_large).
inline void check_pareto_large(const std::uint8_t* data, std::size_t size) {
  check_pareto_modes(data, size, pareto_modes::large_only);
}

}  // namespace tradeoff_fuzz

#endif  // TRADEOFF_TESTS_FUZZ_CHECK_PARETO_HPP
