#ifndef TRADEOFF_DETAIL_QUANTILE_CORE_HPP
#define TRADEOFF_DETAIL_QUANTILE_CORE_HPP

/// @file
/// @brief numpy's quantile arithmetic (positions, weights, two-sided lerp) and the shared
/// order-statistic selection used by quantile.hpp and group.hpp. Internal.

#include <tradeoff/detail/enum_check.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/exact_equal.hpp>
#include <tradeoff/detail/float_exact.hpp>
#include <tradeoff/detail/number_text.hpp>
#include <tradeoff/quantile_method.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff {

namespace detail {

/// Where numpy reads a quantile in the sorted valid sample: positions `lower` and `upper`
/// (0-based) and the weight `gamma` of numpy's lerp; `interpolates` is false for the methods whose
/// virtual index is an integer (the value at `lower` is the answer).
struct quantile_position {
  Eigen::Index lower = 0;
  Eigen::Index upper = 0;
  double gamma = 0.0;
  bool interpolates = false;
};

/// numpy's `_lerp`: a + (b - a) t for t < 0.5, else b - (b - a)(1 - t); products rounded first.
inline double numpy_lerp(double a, double b, double t) noexcept {
  const double difference = b - a;
  if (t >= 0.5) {
    return subtract_product(b, difference, 1.0 - t);
  }
  return add_product(a, difference, t);
}

/// numpy's `_compute_virtual_index`: n q + (alpha + q (1 - alpha - beta)) - 1, in that order.
inline double numpy_virtual_index(double n, double q, double alpha, double beta) noexcept {
  const double slope = (1.0 - alpha) - beta;
  return (rounded_product(n, q) + (alpha + rounded_product(q, slope))) - 1.0;
}

/// Rounds half to even, as numpy.around; independent of the floating-point rounding mode.
inline double round_half_even(double x) noexcept {
  const double down = std::floor(x);
  const double fraction = x - down;
  if (fraction > 0.5) {
    return down + 1.0;
  }
  if (fraction < 0.5) {
    return down;
  }
  return exact_equal(std::fmod(down, 2.0), 0.0) ? down : down + 1.0;
}

/// numpy's `_discret_interpolation_to_boundaries` with the clip of negative indices.
inline Eigen::Index discrete_boundary(double index, bool odd_previous_moves_up, Eigen::Index n) noexcept {
  const double previous = std::floor(index);
  const double gamma = index - previous;
  bool take_previous = exact_equal(gamma, 0.0);
  if (odd_previous_moves_up) {
    take_previous = take_previous && exact_equal(std::fmod(previous, 2.0), 0.0);
  }
  double chosen = take_previous ? previous : previous + 1.0;
  chosen = std::max(chosen, 0.0);
  return std::min(static_cast<Eigen::Index>(chosen), n - 1);
}

/// numpy 1.24's `_quantile` for a sample of n >= 1 valid values: which order statistics it reads
/// and with which weight. Every product is rounded before it is added (see float_exact.hpp).
inline quantile_position locate_quantile(Eigen::Index n, double q, quantile_method method) noexcept {
  assert(n >= 1);
  const double count = static_cast<double>(n);
  const double last = static_cast<double>(n - 1);
  quantile_position position;
  auto at = [&](Eigen::Index index) {
    position.lower = index;
    position.upper = index;
    position.interpolates = false;
    return position;
  };
  double virtual_index = 0.0;
  switch (method) {
    case quantile_method::inverted_cdf:
      return at(discrete_boundary(rounded_product(count, q) - 1.0, false, n));
    case quantile_method::closest_observation:
      return at(discrete_boundary((rounded_product(count, q) - 1.0) - 0.5, true, n));
    case quantile_method::lower:
      return at(static_cast<Eigen::Index>(std::floor(rounded_product(last, q))));
    case quantile_method::higher:
      return at(static_cast<Eigen::Index>(std::ceil(rounded_product(last, q))));
    case quantile_method::nearest:
      return at(static_cast<Eigen::Index>(round_half_even(rounded_product(last, q))));
    case quantile_method::averaged_inverted_cdf:
      virtual_index = rounded_product(count, q) - 1.0;
      break;
    case quantile_method::interpolated_inverted_cdf:
      virtual_index = numpy_virtual_index(count, q, 0.0, 1.0);
      break;
    case quantile_method::hazen:
      virtual_index = numpy_virtual_index(count, q, 0.5, 0.5);
      break;
    case quantile_method::weibull:
      virtual_index = numpy_virtual_index(count, q, 0.0, 0.0);
      break;
    case quantile_method::linear:
      virtual_index = rounded_product(last, q);
      break;
    case quantile_method::median_unbiased:
      virtual_index = numpy_virtual_index(count, q, 1.0 / 3.0, 1.0 / 3.0);
      break;
    case quantile_method::normal_unbiased:
      virtual_index = numpy_virtual_index(count, q, 3.0 / 8.0, 3.0 / 8.0);
      break;
    case quantile_method::midpoint: {
      const double h = rounded_product(last, q);
      virtual_index = 0.5 * (std::floor(h) + std::ceil(h));
      break;
    }
  }
  // numpy's _get_indexes: above the last index both neighbours are the maximum (index -1), below 0
  // both are the minimum; gamma is then measured from the *adjusted* previous index.
  double previous = std::floor(virtual_index);
  if (virtual_index >= last) {
    previous = -1.0;
    position.lower = n - 1;
    position.upper = n - 1;
  } else if (virtual_index < 0.0) {
    previous = 0.0;
    position.lower = 0;
    position.upper = 0;
  } else {
    position.lower = static_cast<Eigen::Index>(previous);
    position.upper = position.lower + 1;
  }
  double gamma = virtual_index - previous;
  if (method == quantile_method::averaged_inverted_cdf) {
    gamma = exact_equal(gamma, 0.0) ? 0.5 : 1.0;
  } else if (method == quantile_method::midpoint) {
    gamma = exact_equal(std::fmod(virtual_index, 1.0), 0.0) ? 0.0 : 0.5;
  }
  position.gamma = gamma;
  position.interpolates = true;
  return position;
}

/// Scratch doubles that are not zero-filled on allocation: the pass that fills them is their
/// first touch (for 1e7 values that saves a full extra pass over 80 MB).
class scratch_buffer {
 public:
  scratch_buffer() = default;
  explicit scratch_buffer(Eigen::Index size)
      : data_(size > 0 ? new double[static_cast<std::size_t>(size)] : nullptr), size_(size) {}
  double* data() noexcept { return data_.get(); }
  const double* data() const noexcept { return data_.get(); }
  Eigen::Index size() const noexcept { return size_; }
  /// Forgets the tail: only the first `size` values are used from now on.
  void shrink(Eigen::Index size) noexcept { size_ = std::min(size, size_); }

 private:
  std::unique_ptr<double[]> data_;
  Eigen::Index size_ = 0;
};

/// The quantile from the selected order statistics of a sorted-at-positions buffer.
inline double evaluate_quantile(const quantile_position& position, const double* selected) noexcept {
  if (!position.interpolates) {
    return selected[position.lower];
  }
  return numpy_lerp(selected[position.lower], selected[position.upper], position.gamma);
}

/// pandas' median of n >= 1 selected values: the middle one, or (a + b) / 2 of the middle pair.
inline double evaluate_median(Eigen::Index n, const double* selected) noexcept {
  if (n % 2 == 1) {
    return selected[n / 2];
  }
  return (selected[n / 2 - 1] + selected[n / 2]) / 2.0;
}

/// Adds the positions a quantile reads to `needed`.
inline void add_needed(const quantile_position& position, std::vector<Eigen::Index>& needed) {
  needed.push_back(position.lower);
  if (position.interpolates && position.upper != position.lower) {
    needed.push_back(position.upper);
  }
}

/// Adds the positions the median reads to `needed`.
inline void add_median_needed(Eigen::Index n, std::vector<Eigen::Index>& needed) {
  needed.push_back(n / 2);
  if (n % 2 == 0) {
    needed.push_back(n / 2 - 1);
  }
}

/// Below this size a group is simply sorted (faster than repeated selection).
inline constexpr Eigen::Index sort_threshold = 24;

/// Moves the values of data[lo, hi) that are below `pivot` to the front, without branches on the
/// data (a swap per element and a conditional increment, so no mispredicted jumps); returns the
/// end of that front part. `strict` false moves the values <= pivot instead.
inline Eigen::Index partition_branch_free(double* data, Eigen::Index lo, Eigen::Index hi, double pivot,
                                          bool strict) noexcept {
  Eigen::Index store = lo;
  if (strict) {
    for (Eigen::Index i = lo; i < hi; ++i) {
      const double x = data[i];
      data[i] = data[store];
      data[store] = x;
      store += x < pivot ? 1 : 0;
    }
  } else {
    for (Eigen::Index i = lo; i < hi; ++i) {
      const double x = data[i];
      data[i] = data[store];
      data[store] = x;
      store += x <= pivot ? 1 : 0;
    }
  }
  return store;
}

/// Deterministic pseudo-random positions for pivot samples (xorshift64; the seed only changes
/// the speed, never a result).
class pivot_random {
 public:
  explicit pivot_random(std::uint64_t seed) noexcept : state_(0x9E3779B97F4A7C15ULL ^ seed) {}
  /// A position in [lo, hi).
  Eigen::Index position(Eigen::Index lo, Eigen::Index hi) noexcept {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return lo + static_cast<Eigen::Index>(state_ % static_cast<std::uint64_t>(hi - lo));
  }

 private:
  std::uint64_t state_;
};

inline double median_of_three(double a, double b, double c) noexcept {
  return std::max(std::min(a, b), std::min(std::max(a, b), c));
}

/// The pivot for data[lo, hi): the median of three values at pseudo-random positions, or for
/// large ranges Tukey's ninther (the median of three such medians). Random positions make
/// structured orders (sorted, organ pipe, sawtooth) as easy as shuffled ones: fixed positions
/// (first, middle, last) pick the minimum of an organ pipe every round.
inline double choose_pivot(const double* data, Eigen::Index lo, Eigen::Index hi, pivot_random& random) noexcept {
  auto sample = [&] {
    return median_of_three(data[random.position(lo, hi)], data[random.position(lo, hi)],
                           data[random.position(lo, hi)]);
  };
  if (hi - lo < 1024) {
    return sample();
  }
  const double a = sample();
  const double b = sample();
  return median_of_three(a, b, sample());
}

/// Like std::nth_element on data[lo, hi) for rank k (data[k] in sorted position, smaller or equal
/// values before it, larger or equal after), but with branch-free three-way partitions: faster
/// on random data, linear on data with many ties. Falls back to std::nth_element after too many
/// rounds or too much work (bad pivots), so the worst case stays O(n log n).
inline void select_nth(double* data, Eigen::Index lo, Eigen::Index k, Eigen::Index hi) {
  int rounds = 0;
  Eigen::Index work = 0;  // values partitioned so far; expected about 3.4 (hi - lo) with these pivots
  const Eigen::Index budget = 16 * (hi - lo);
  pivot_random random(static_cast<std::uint64_t>(hi - lo));
  while (hi - lo > sort_threshold) {
    work += hi - lo;
    if (++rounds > 64 || work > budget) {
      std::nth_element(data + lo, data + k, data + hi);
      return;
    }
    const double pivot = choose_pivot(data, lo, hi, random);
    const Eigen::Index less_end = partition_branch_free(data, lo, hi, pivot, true);
    if (k < less_end) {
      hi = less_end;
      continue;
    }
    const Eigen::Index equal_end = partition_branch_free(data, less_end, hi, pivot, false);
    if (k < equal_end) {
      return;  // data[less_end, equal_end) all equal the pivot
    }
    lo = equal_end;
  }
  std::sort(data + lo, data + hi);
}

/// Places the order statistics needed[first, last) (sorted, distinct, all in [lo, hi)) of
/// data[lo, hi), given that data[lo, hi) holds exactly the values of those ranks. Splits at the
/// middle needed rank, so m ranks cost O(n log m) expected; a rank at the edge of its range is a
/// single scan for the minimum or maximum (this is how the neighbour k + 1 of a lerp is found).
inline void multiselect(double* data, Eigen::Index lo, Eigen::Index hi, const Eigen::Index* first,
                        const Eigen::Index* last) {
  while (first != last) {
    if (hi - lo <= sort_threshold) {
      std::sort(data + lo, data + hi);
      return;
    }
    if (last - first == 1 && (*first == lo || *first == hi - 1)) {
      double* extreme = *first == lo ? std::min_element(data + lo, data + hi) : std::max_element(data + lo, data + hi);
      std::iter_swap(extreme, data + *first);
      return;
    }
    const Eigen::Index* middle = first + (last - first) / 2;
    const Eigen::Index k = *middle;
    select_nth(data, lo, k, hi);
    multiselect(data, lo, k, first, middle);
    // continue with the right part (loop instead of a second recursive call)
    first = middle + 1;
    lo = k + 1;
  }
}

/// From this size on, order statistics are found by sampling (sample_select) instead of nth_element.
inline constexpr Eigen::Index sample_select_threshold = Eigen::Index{1} << 17;

/// Rows between two capacity checks of bracket_pass (and the slack each bracket's region has).
inline constexpr Eigen::Index bracket_block = 4096;

/// The one pass of sample_select: counts the values below each bracket and copies the values
/// inside it (write always, advance only if inside: no branch on the data). `Brackets` > 0 fixes
/// the number of brackets at compile time so that the counters live in registers. Returns false
/// if a bracket holds more values than its capacity.
template <std::size_t Brackets, std::size_t Max>
bool bracket_pass(const double* data, Eigen::Index n, const std::array<double, Max>& low,
                  const std::array<double, Max>& high, const std::array<Eigen::Index, Max>& start,
                  const std::array<Eigen::Index, Max>& capacity, double* inside, std::array<Eigen::Index, Max>& below,
                  std::array<Eigen::Index, Max>& filled, std::size_t brackets = Brackets) {
  const std::size_t m = Brackets > 0 ? Brackets : brackets;
  std::array<Eigen::Index, Max> count_below{};
  std::array<double*, Max> out{};
  std::array<double*, Max> limit{};
  for (std::size_t b = 0; b < m; ++b) {
    out[b] = inside + start[b];
    limit[b] = inside + start[b] + capacity[b];
  }
  for (Eigen::Index first = 0; first < n; first += bracket_block) {
    const Eigen::Index last = std::min(first + bracket_block, n);
    for (Eigen::Index i = first; i < last; ++i) {
      const double x = data[i];
      for (std::size_t b = 0; b < m; ++b) {
        count_below[b] += x < low[b] ? 1 : 0;
        *out[b] = x;
        out[b] += static_cast<int>(x >= low[b]) & static_cast<int>(x <= high[b]);
      }
    }
    for (std::size_t b = 0; b < m; ++b) {  // checked per block; a block adds at most bracket_block
      if (out[b] > limit[b]) {
        return false;
      }
    }
  }
  for (std::size_t b = 0; b < m; ++b) {
    below[b] = count_below[b];
    filled[b] = out[b] - (inside + start[b]);
  }
  return true;
}

/// Order statistics of a large array by sampling (Floyd & Rivest's idea, for several ranks at
/// once): sort a random sample, bracket each needed rank between two sample values, then one
/// pass counts the values below each bracket and copies the values inside it; the rank is then
/// selected inside its small bracket. Writes data[k] = k-th smallest for each k in `needed`
/// (sorted, distinct) and returns true; returns false (data untouched) if a bracket missed its
/// rank, which is rare, and the caller falls back to multiselect. The result does not depend on
/// the sample: only the speed does.
inline bool sample_select(double* data, Eigen::Index n, const std::vector<Eigen::Index>& needed) {
  // Sample size about n^(2/3) (Floyd & Rivest); a rank's position in the sorted sample has a
  // standard deviation of at most sqrt(s)/2, and the bracket reaches 6 of them on each side.
  const auto sample_size = static_cast<Eigen::Index>(std::cbrt(static_cast<double>(n)) * std::cbrt(static_cast<double>(n)));
  const auto margin = static_cast<Eigen::Index>(3.0 * std::sqrt(static_cast<double>(sample_size))) + 8;
  std::vector<double> sample(static_cast<std::size_t>(sample_size));
  std::uint64_t state = 0x9E3779B97F4A7C15ULL ^ static_cast<std::uint64_t>(n);
  for (double& x : sample) {
    state ^= state << 13;  // xorshift64: deterministic, fast
    state ^= state >> 7;
    state ^= state << 17;
    x = data[static_cast<Eigen::Index>(state % static_cast<std::uint64_t>(n))];
  }
  std::sort(sample.begin(), sample.end());
  constexpr std::size_t max_brackets = 16;
  std::array<Eigen::Index, max_brackets> first_sample{};
  std::array<Eigen::Index, max_brackets> last_sample{};
  std::vector<std::size_t> bracket_of(needed.size());
  std::size_t m = 0;
  for (std::size_t r = 0; r < needed.size(); ++r) {
    const auto centre = static_cast<Eigen::Index>(static_cast<double>(needed[r]) / static_cast<double>(n) *
                                                  static_cast<double>(sample_size));
    const Eigen::Index first = std::max<Eigen::Index>(centre - margin, 0);
    const Eigen::Index last = std::min<Eigen::Index>(centre + margin, sample_size - 1);
    if (m > 0 && first <= last_sample[m - 1]) {
      last_sample[m - 1] = std::max(last_sample[m - 1], last);
    } else {
      if (m == max_brackets) {
        return false;
      }
      first_sample[m] = first;
      last_sample[m] = last;
      ++m;
    }
    bracket_of[r] = m - 1;
  }
  std::array<double, max_brackets> low{};
  std::array<double, max_brackets> high{};
  std::array<Eigen::Index, max_brackets> below{};
  std::array<Eigen::Index, max_brackets> filled{};
  std::array<Eigen::Index, max_brackets> capacity{};
  std::array<Eigen::Index, max_brackets> start{};
  Eigen::Index total_capacity = 0;
  for (std::size_t b = 0; b < m; ++b) {
    // The outermost brackets reach to the ends so that ranks near 0 or n - 1 are always inside.
    low[b] = first_sample[b] == 0 ? -std::numeric_limits<double>::infinity()
                                  : sample[static_cast<std::size_t>(first_sample[b])];
    high[b] = last_sample[b] == sample_size - 1 ? std::numeric_limits<double>::infinity()
                                                : sample[static_cast<std::size_t>(last_sample[b])];
    const double share = static_cast<double>(last_sample[b] - first_sample[b] + 1) / static_cast<double>(sample_size);
    capacity[b] = static_cast<Eigen::Index>(share * static_cast<double>(n) * 1.5) + 1024;
    start[b] = total_capacity;
    total_capacity += capacity[b] + bracket_block;  // slack: the pass checks capacity once per block
  }
  if (total_capacity >= n / 2) {
    return false;  // brackets would be as large as the data: selection is cheaper
  }
  scratch_buffer inside(total_capacity);
  const bool fitted = m == 1   ? bracket_pass<1>(data, n, low, high, start, capacity, inside.data(), below, filled)
                      : m == 2 ? bracket_pass<2>(data, n, low, high, start, capacity, inside.data(), below, filled)
                      : m == 3 ? bracket_pass<3>(data, n, low, high, start, capacity, inside.data(), below, filled)
                      : m == 4 ? bracket_pass<4>(data, n, low, high, start, capacity, inside.data(), below, filled)
                               : bracket_pass<0>(data, n, low, high, start, capacity, inside.data(), below, filled, m);
  if (!fitted) {
    return false;
  }
  for (std::size_t r = 0; r < needed.size(); ++r) {
    const Eigen::Index offset = needed[r] - below[bracket_of[r]];
    if (offset < 0 || offset >= filled[bracket_of[r]]) {
      return false;
    }
  }
  std::vector<Eigen::Index> local;
  for (std::size_t b = 0; b < m; ++b) {
    local.clear();
    for (std::size_t r = 0; r < needed.size(); ++r) {
      if (bracket_of[r] == b) {
        local.push_back(needed[r] - below[b]);
      }
    }
    double* part = inside.data() + start[b];
    multiselect(part, 0, filled[b], local.data(), local.data() + local.size());
    for (const Eigen::Index k : local) {
      data[k + below[b]] = part[k];  // data is scratch space; only the needed positions matter now
    }
  }
  return true;
}

/// Makes data[k] the k-th smallest value of data[0, n) for every k in `needed` (any order,
/// duplicates allowed; `needed` is sorted and deduplicated in place). Afterwards only the needed
/// positions are meaningful: data is scratch space. No NaN in data.
inline void select_order_statistics(double* data, Eigen::Index n, std::vector<Eigen::Index>& needed) {
  if (n <= sort_threshold) {
    std::sort(data, data + n);
    return;
  }
  std::sort(needed.begin(), needed.end());
  needed.erase(std::unique(needed.begin(), needed.end()), needed.end());
  if (n >= sample_select_threshold && sample_select(data, n, needed)) {
    return;
  }
  multiselect(data, 0, n, needed.data(), needed.data() + needed.size());
}

/// Throws std::domain_error unless 0 <= q <= 1.
inline void check_level(double q, const char* function, const std::string& name) {
  if (!(q >= 0.0 && q <= 1.0)) {
    throw std::domain_error(error_prefix(function) + name + " = " + number_text(q) +
                            " is outside [0, 1] (or NaN)");
  }
}

/// Throws std::invalid_argument unless `method` is one of the 13 quantile_method values.
inline void check_method(quantile_method method, const char* function) {
  check_enum(method, quantile_method::nearest, function, "method", "quantile_method",
             "one of numpy's 13 methods, quantile_method::inverted_cdf ... quantile_method::nearest");
}

}  // namespace detail
}  // namespace tradeoff

#endif  // TRADEOFF_DETAIL_QUANTILE_CORE_HPP
