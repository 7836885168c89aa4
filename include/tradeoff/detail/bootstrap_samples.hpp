#ifndef TRADEOFF_DETAIL_BOOTSTRAP_SAMPLES_HPP
#define TRADEOFF_DETAIL_BOOTSTRAP_SAMPLES_HPP

/// @file
/// @brief Internal: the argument checks of bootstrap.hpp, the sources of resample indices (a
/// seeded stream or a caller's matrix), and the one- and two-sample interval drivers its
/// functions call after validating.

#include <tradeoff/bootstrap_types.hpp>
#include <tradeoff/detail/bootstrap_interval_core.hpp>
#include <tradeoff/detail/enum_check.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/number_text.hpp>
#include <tradeoff/detail/random_stream.hpp>
#include <tradeoff/detail/resample_statistic.hpp>
#include <tradeoff/detail/valid_values.hpp>
#include <tradeoff/quantile.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace tradeoff::detail {

inline void check_bootstrap_options(const bootstrap_options& options, const char* function, bool uses_resamples) {
  check_enum(options.method, interval_method::bca, function, "options.method", "interval_method",
             "interval_method::percentile, basic or bca");
  const double level = options.confidence_level;
  if (!(level > 0.0 && level < 1.0)) {
    throw std::domain_error(detail::error_prefix(function) + "confidence_level = " + number_text(level) +
                            " is outside (0, 1)");
  }
  if (uses_resamples && options.resamples <= 0) {
    throw std::invalid_argument(detail::error_prefix(function) + "resamples = " +
                                std::to_string(options.resamples) + " must be positive");
  }
}

inline void check_statistic(const statistic& s, const char* function) {
  if (s.kind == statistic_kind::quantile) {
    check_level(s.level, function, "statistic.level");
  }
  if (s.kind == statistic_kind::standard_deviation && s.ddof < 0) {
    throw std::invalid_argument(detail::error_prefix(function) + "statistic.ddof = " +
                                std::to_string(s.ddof) + " is negative");
  }
}

inline void check_sample_size(std::size_t n, const char* function, const char* name) {
  if (n < 2) {
    throw std::invalid_argument(detail::error_prefix(function) + name + " has " + std::to_string(n) +
                                (n == 1 ? " valid (non-NaN) value" : " valid (non-NaN) values") +
                                "; a bootstrap needs at least 2");
  }
  if (n > std::numeric_limits<std::uint32_t>::max()) {
    throw std::invalid_argument(detail::error_prefix(function) + name + " has " + std::to_string(n) +
                                " valid values; at most 2^32 - 1 are supported");
  }
}

/// Validates the options and the statistic, then returns the sample's valid values (at least 2).
template <typename Derived>
std::vector<double> checked_sample(const Eigen::ArrayBase<Derived>& values, const statistic& s,
                                   const bootstrap_options& options, const char* function, bool uses_resamples) {
  check_bootstrap_options(options, function, uses_resamples);
  check_statistic(s, function);
  std::vector<double> valid = valid_values(values, function, "values");
  check_sample_size(valid.size(), function, "values");
  return valid;
}

/// The valid values of two samples, each checked as by checked_sample.
struct sample_pair {
  std::vector<double> x;
  std::vector<double> y;
};

template <typename DerivedX, typename DerivedY>
sample_pair checked_samples(const Eigen::ArrayBase<DerivedX>& x, const Eigen::ArrayBase<DerivedY>& y,
                            const statistic& s, const bootstrap_options& options, const char* function,
                            bool uses_resamples) {
  check_bootstrap_options(options, function, uses_resamples);
  check_statistic(s, function);
  sample_pair pair{valid_values(x, function, "x"), valid_values(y, function, "y")};
  check_sample_size(pair.x.size(), function, "x");
  check_sample_size(pair.y.size(), function, "y");
  return pair;
}

/// Checks a caller's resample matrix (B rows, n columns, entries in [0, n)).
template <typename DerivedIndices>
void check_indices(const Eigen::ArrayBase<DerivedIndices>& indices, std::size_t n, const char* function,
                   const char* name) {
  if (indices.rows() < 1) {
    throw std::invalid_argument(detail::error_prefix(function) + name +
                                " has no rows (one row per resample is needed)");
  }
  if (static_cast<std::size_t>(indices.cols()) != n) {
    throw std::invalid_argument(detail::error_prefix(function) + name + " has " +
                                std::to_string(indices.cols()) + " columns but the sample has " +
                                std::to_string(n) + " valid (non-NaN) values");
  }
  for (Eigen::Index b = 0; b < indices.rows(); ++b) {
    for (Eigen::Index i = 0; i < indices.cols(); ++i) {
      const auto k = static_cast<long long>(indices(b, i));
      if (k < 0 || static_cast<unsigned long long>(k) >= n) {
        throw std::invalid_argument(detail::error_prefix(function) + name + "(" +
                                    std::to_string(b) + ", " + std::to_string(i) + ") = " + std::to_string(k) +
                                    " is outside [0, " + std::to_string(n) + ")");
      }
    }
  }
}

/// Fills out[0, n) with resample b's indices from stream `stream` of the seed, in order.
struct stream_source {
  random_stream stream;
  void operator()(Eigen::Index /*resample*/, std::uint32_t* out, std::size_t n) {
    stream.fill_below(static_cast<std::uint32_t>(n), out, n);
  }
};

/// Fills out[0, n) with row b of a checked index matrix.
template <typename Indices>
struct matrix_source {
  const Indices& indices;
  void operator()(Eigen::Index resample, std::uint32_t* out, std::size_t n) const {
    for (std::size_t i = 0; i < n; ++i) {
      out[i] = static_cast<std::uint32_t>(indices(resample, static_cast<Eigen::Index>(i)));
    }
  }
};

template <typename Source>
confidence_interval one_sample_interval(const std::vector<double>& valid, const statistic& s, Eigen::Index resamples,
                                        Source source, const bootstrap_options& options) {
  const std::size_t n = valid.size();
  resample_statistic evaluator(valid.data(), n, s);
  std::vector<std::uint32_t> index(std::is_same_v<Source, stream_source> ? 0 : n);  // a stream's are counted as drawn
  std::vector<double> theta(static_cast<std::size_t>(resamples));
  for (Eigen::Index b = 0; b < resamples; ++b) {
    if constexpr (std::is_same_v<Source, stream_source>) {
      theta[static_cast<std::size_t>(b)] = evaluator.of_drawn_resample(source.stream);
    } else {
      source(b, index.data(), n);
      theta[static_cast<std::size_t>(b)] = evaluator.of_resample(index.data());
    }
  }
  std::vector<std::vector<double>> jackknives;
  if (options.method == interval_method::bca) {
    jackknives.emplace_back(n);
    evaluator.jackknife(jackknives[0].data());
  }
  return interval_from_distribution(theta, evaluator.of_sample(), options.method, options.confidence_level,
                                    jackknives);
}

inline double compare_statistics(double x, double y, comparison how) noexcept {
  return how == comparison::difference ? x - y : x / y;
}

/// The two-sample interval for evaluators of x and y (resample_statistic or ratio_statistic):
/// resample b draws x's indices, then y's; BCa jackknifes each sample with the other whole.
template <typename EvaluatorX, typename EvaluatorY, typename SourceX, typename SourceY>
confidence_interval two_sample_interval(EvaluatorX& of_x, EvaluatorY& of_y, comparison how, Eigen::Index resamples,
                                        SourceX source_x, SourceY source_y, const bootstrap_options& options) {
  std::vector<std::uint32_t> index_x(of_x.size());
  std::vector<std::uint32_t> index_y(of_y.size());
  std::vector<double> theta(static_cast<std::size_t>(resamples));
  for (Eigen::Index b = 0; b < resamples; ++b) {
    source_x(b, index_x.data(), index_x.size());
    source_y(b, index_y.data(), index_y.size());
    theta[static_cast<std::size_t>(b)] =
        compare_statistics(of_x.of_resample(index_x.data()), of_y.of_resample(index_y.data()), how);
  }
  std::vector<std::vector<double>> jackknives;
  if (options.method == interval_method::bca) {
    // scipy jackknifes each sample with the other one whole (broadcast as rows of a matrix)
    jackknives.emplace_back(of_x.size());
    jackknives.emplace_back(of_y.size());
    of_x.jackknife(jackknives[0].data());
    of_y.jackknife(jackknives[1].data());
    const double whole_x = of_x.of_sample(true);
    const double whole_y = of_y.of_sample(true);
    for (double& theta_x : jackknives[0]) {
      theta_x = compare_statistics(theta_x, whole_y, how);
    }
    for (double& theta_y : jackknives[1]) {
      theta_y = compare_statistics(whole_x, theta_y, how);
    }
  }
  const double estimate = compare_statistics(of_x.of_sample(), of_y.of_sample(), how);
  return interval_from_distribution(theta, estimate, options.method, options.confidence_level, jackknives);
}

template <typename SourceX, typename SourceY>
confidence_interval two_sample_interval(const std::vector<double>& x, const std::vector<double>& y,
                                        const statistic& s, comparison how, Eigen::Index resamples,
                                        SourceX source_x, SourceY source_y, const bootstrap_options& options) {
  resample_statistic of_x(x.data(), x.size(), s);
  resample_statistic of_y(y.data(), y.size(), s);
  return two_sample_interval(of_x, of_y, how, resamples, source_x, source_y, options);
}

/// s(numerator) / s(denominator) of the rows of one group, both columns resampled by the same
/// row indices (a throughput per MB of cache, for instance).
class ratio_statistic {
 public:
  ratio_statistic(const std::vector<double>& numerator, const std::vector<double>& denominator, const statistic& s)
      : numerator_(numerator.data(), numerator.size(), s), denominator_(denominator.data(), denominator.size(), s),
        scratch_(numerator.size()) {}
  [[nodiscard]] std::size_t size() const noexcept { return numerator_.size(); }
  [[nodiscard]] double of_sample(bool rows_of_matrix = false) {
    return numerator_.of_sample(rows_of_matrix) / denominator_.of_sample(rows_of_matrix);
  }
  [[nodiscard]] double of_resample(const std::uint32_t* index) {
    return numerator_.of_resample(index) / denominator_.of_resample(index);
  }
  void jackknife(double* out) {
    numerator_.jackknife(out);
    denominator_.jackknife(scratch_.data());
    for (std::size_t i = 0; i < scratch_.size(); ++i) {
      out[i] /= scratch_[i];
    }
  }

 private:
  resample_statistic numerator_;
  resample_statistic denominator_;
  std::vector<double> scratch_;
};

/// The rows of two columns where both are valid, as two vectors.
template <typename DerivedA, typename DerivedB>
sample_pair valid_rows(const Eigen::ArrayBase<DerivedA>& a, const Eigen::ArrayBase<DerivedB>& b, const char* function,
                       const char* name_a, const char* name_b) {
  check_vector(a, function, name_a);
  check_vector(b, function, name_b);
  if (a.size() != b.size()) {
    throw std::invalid_argument(detail::error_prefix(function) + name_a + " has " +
                                std::to_string(a.size()) + " rows but " + name_b + " has " + std::to_string(b.size()));
  }
  const auto& ea = a.derived().eval();
  const auto& eb = b.derived().eval();
  sample_pair rows;
  for (Eigen::Index i = 0; i < ea.size(); ++i) {
    const auto va = static_cast<double>(ea(i));
    const auto vb = static_cast<double>(eb(i));
    if (!std::isnan(va) && !std::isnan(vb)) {
      rows.x.push_back(va);
      rows.y.push_back(vb);
    }
  }
  check_sample_size(rows.x.size(), function, name_a);
  return rows;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_BOOTSTRAP_SAMPLES_HPP
