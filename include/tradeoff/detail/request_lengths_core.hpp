#ifndef TRADEOFF_DETAIL_REQUEST_LENGTHS_CORE_HPP
#define TRADEOFF_DETAIL_REQUEST_LENGTHS_CORE_HPP

/// @file
/// @brief The mechanism behind request_lengths.hpp: the KV a running sequence holds, averaged
/// over every decode step of every request (a running sequence is a request picked in
/// proportion to how many steps it runs), in tokens and in whole pages; and the checks of the
/// length samples, written once. Internal; not part of the API.

#include <tradeoff/detail/exact_equal.hpp>
#include <tradeoff/detail/number_text.hpp>
#include <tradeoff/detail/serving_checks.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstdint>
#include <string>

namespace tradeoff::detail {

/// @brief Sums over all samples: decode steps, tokens held and pages held, step by step.
struct length_sums {
  std::int64_t requests = 0;       ///< samples (after broadcasting a single fixed length)
  std::int64_t prompt_tokens = 0;  ///< Σ P
  std::int64_t decode_steps = 0;   ///< Σ O
  std::int64_t held_tokens = 0;    ///< Σ_r Σ_{j=1..O_r} (P_r + j)
  std::int64_t held_blocks = 0;    ///< Σ_r Σ_{j=1..O_r} ceil((P_r + j) / block)
};

/// @brief Σ_{t=1..n} ceil(t / block) for n >= 0, block > 0 (q full pages then r tokens of page q + 1).
inline std::int64_t ceil_page_sum(const char* function, std::int64_t n, std::int64_t block) {
  const std::int64_t q = n / block;
  const std::int64_t r = n % block;
  const std::int64_t full = checked_multiply(function, block, checked_multiply(function, q, q + 1) / 2);
  return checked_add(function, full, checked_multiply(function, r, q + 1));
}

/// @brief Checks one length sample array: not empty, every value a finite whole number >= `least`.
template <typename Derived>
void validate_lengths(const char* function, const char* argument, const Eigen::ArrayBase<Derived>& lengths,
                      double least) {
  if (lengths.size() == 0) throw_bad_argument(function, argument, "has no samples (give at least one length)");
  for (Eigen::Index i = 0; i < lengths.size(); ++i) {
    const double v = static_cast<double>(lengths(i));
    if (!(std::isfinite(v) && v >= least && exact_equal(v, std::floor(v)) && v < 4.0e12)) {
      throw_bad_argument(function, argument,
                         std::string("must hold whole numbers of tokens >= ") + number_text(least) + " (got " +
                             number_text(v) + " at index " + number_text(i) + ")");
    }
  }
}

/// @brief Checks that prompts and outputs pair up (equal sizes, or one of them a single fixed
/// length) and that no request exceeds `max_model_len`; both arrays already validated.
template <typename DerivedPrompt, typename DerivedOutput>
void validate_length_pairs(const char* function, const Eigen::ArrayBase<DerivedPrompt>& prompt,
                           const Eigen::ArrayBase<DerivedOutput>& output, std::int64_t max_model_len) {
  if (prompt.size() != output.size() && prompt.size() != 1 && output.size() != 1) {
    throw_bad_argument(function, "output_lengths",
                       "has " + number_text(output.size()) + " samples but prompt_lengths has " +
                           number_text(prompt.size()) + " (pair them, or give one fixed length)");
  }
  const Eigen::Index n = prompt.size() > output.size() ? prompt.size() : output.size();
  for (Eigen::Index i = 0; i < n; ++i) {
    const double p = static_cast<double>(prompt(prompt.size() == 1 ? 0 : i));
    const double o = static_cast<double>(output(output.size() == 1 ? 0 : i));
    if (p + o > static_cast<double>(max_model_len)) {
      throw_bad_argument(function, "output_lengths",
                         "request " + number_text(i) + " needs " + number_text(p + o) +
                             " tokens, more than engine.max_model_len = " + number_text(max_model_len));
    }
  }
}

/// @brief The sums for validated samples (broadcasting a size-1 array).
template <typename DerivedPrompt, typename DerivedOutput>
length_sums length_sums_core(const char* function, const Eigen::ArrayBase<DerivedPrompt>& prompt,
                             const Eigen::ArrayBase<DerivedOutput>& output, std::int64_t block) {
  length_sums s;
  const Eigen::Index n = prompt.size() > output.size() ? prompt.size() : output.size();
  s.requests = static_cast<std::int64_t>(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto p = static_cast<std::int64_t>(prompt(prompt.size() == 1 ? 0 : i));
    const auto o = static_cast<std::int64_t>(output(output.size() == 1 ? 0 : i));
    s.prompt_tokens = checked_add(function, s.prompt_tokens, p);
    s.decode_steps = checked_add(function, s.decode_steps, o);
    // Σ_{j=1..O} (P + j) = O·P + O(O + 1)/2
    const std::int64_t tokens =
        checked_add(function, checked_multiply(function, o, p), checked_multiply(function, o, o + 1) / 2);
    s.held_tokens = checked_add(function, s.held_tokens, tokens);
    const std::int64_t blocks =
        ceil_page_sum(function, checked_add(function, p, o), block) - ceil_page_sum(function, p, block);
    s.held_blocks = checked_add(function, s.held_blocks, blocks);
  }
  return s;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_REQUEST_LENGTHS_CORE_HPP
