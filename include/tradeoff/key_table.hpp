#ifndef TRADEOFF_KEY_TABLE_HPP
#define TRADEOFF_KEY_TABLE_HPP

/// @file
/// @brief Key columns of mixed types (text, integer, bool, float) for `group_by` over several keys
/// (pandas' `groupby(["type", "num_blocks"])`), and the keys of such a grouping: one
/// `key_column` per key, one row per group, readable per column.

#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/exact_equal.hpp>
#include <tradeoff/detail/named_column.hpp>
#include <tradeoff/detail/number_text.hpp>
#include <tradeoff/detail/vector_shape.hpp>

#include <Eigen/Core>

#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace tradeoff {

/// @brief The type of a key column: how it sorts (text by byte value, numbers numerically, false
/// before true) and how a writer shows it (pandas' object, int64, bool and float64 dtypes).
enum class key_kind {
  text,     ///< std::string
  integer,  ///< std::int64_t
  boolean,  ///< bool
  real      ///< double (NaN is a missing key)
};

/// @brief One named key column: text, integers, bools or doubles.
///
/// Built from a `std::vector<std::string>` (text) or any Eigen vector expression: bool scalars
/// give `key_kind::boolean`, integer scalars `key_kind::integer`, floating ones `key_kind::real`.
/// A column read as doubles that holds integers (`table::numeric("num_blocks")`) can be given
/// `key_kind::integer` or `key_kind::boolean` explicitly; its values are then converted
/// (NaN is not allowed there).
class key_column {
 public:
  key_column() = default;
  /// @brief A text key column.
  key_column(std::string name, std::vector<std::string> text)
      : name_(std::move(name)), kind_(key_kind::text), rows_(static_cast<Eigen::Index>(text.size())),
        text_(std::move(text)) {}
  /// @brief A text key column from string literals, e.g. {"type", {"MHA", "GQA"}}.
  key_column(std::string name, std::initializer_list<const char*> text)
      : key_column(std::move(name), std::vector<std::string>(text.begin(), text.end())) {}
  /// @brief A numeric or bool key column; the kind follows the scalar type.
  template <typename Derived>
  key_column(std::string name, const Eigen::DenseBase<Derived>& values) : name_(std::move(name)) {
    using Scalar = typename Derived::Scalar;
    static_assert(std::is_arithmetic_v<Scalar>, "tradeoff::key_column: keys must be arithmetic, bool or strings");
    detail::check_vector(values, "key_column", "key column '" + name_ + "'");
    rows_ = values.size();
    const auto& v = values.derived().eval();
    if constexpr (std::is_same_v<Scalar, bool>) {
      kind_ = key_kind::boolean;
      integer_.resize(rows_);
      for (Eigen::Index i = 0; i < rows_; ++i) {
        integer_(i) = v(i) ? 1 : 0;
      }
    } else if constexpr (std::is_integral_v<Scalar>) {
      kind_ = key_kind::integer;
      integer_ = v.template cast<std::int64_t>();
    } else {
      kind_ = key_kind::real;
      real_ = v.template cast<double>();
    }
  }
  /// @brief Doubles taken as `kind` (integer or boolean: each value must be an integer, 0/1 for
  /// boolean; real: as they are).
  /// @throws std::invalid_argument for kind text, or a value that is not of the kind.
  key_column(std::string name, const Eigen::ArrayXd& values, key_kind kind)
      : name_(std::move(name)), kind_(kind), rows_(values.size()) {
    if (kind == key_kind::real) {
      real_ = values;
      return;
    }
    if (kind == key_kind::text) {
      throw std::invalid_argument(detail::error_prefix("key_column") + "key column '" + name_ +
                                  "': numbers cannot be a text key (pass the column as strings)");
    }
    integer_.resize(rows_);
    for (Eigen::Index i = 0; i < rows_; ++i) {
      const double x = values(i);
      const bool ok = kind == key_kind::boolean
                          ? (detail::exact_equal(x, 0.0) || detail::exact_equal(x, 1.0))
                          : (x >= -9.2e18 && x <= 9.2e18 &&
                             detail::exact_equal(static_cast<double>(static_cast<std::int64_t>(x)), x));
      if (!ok) {
        throw std::invalid_argument(detail::error_prefix("key_column") + "key column '" + name_ + "' row " + std::to_string(i) +
                                    " is " + detail::number_text(x) + ", not " +
                                    (kind == key_kind::boolean ? "0 or 1" : "an integer"));
      }
      integer_(i) = static_cast<std::int64_t>(x);
    }
  }

  /// @brief The column's name.
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  /// @brief The column's kind.
  [[nodiscard]] key_kind kind() const noexcept { return kind_; }
  /// @brief Number of rows (of a key_table: number of groups).
  [[nodiscard]] Eigen::Index rows() const noexcept { return rows_; }
  /// @brief The values of a text column (empty for the other kinds).
  [[nodiscard]] const std::vector<std::string>& text() const noexcept { return text_; }
  /// @brief The values of an integer or boolean column (boolean: 0 and 1; empty otherwise).
  [[nodiscard]] const Eigen::Array<std::int64_t, Eigen::Dynamic, 1>& integers() const noexcept { return integer_; }
  /// @brief The values of a boolean column as bools.
  [[nodiscard]] Eigen::Array<bool, Eigen::Dynamic, 1> booleans() const { return integer_ != 0; }
  /// @brief The values of any numeric column as doubles (integer and boolean converted).
  [[nodiscard]] Eigen::ArrayXd numbers() const {
    return kind_ == key_kind::real ? real_ : Eigen::ArrayXd(integer_.cast<double>());
  }
  /// @brief The values of a real column (empty for the other kinds).
  [[nodiscard]] const Eigen::ArrayXd& reals() const noexcept { return real_; }

  /// @brief The rows `at` of this column, in that order (an internal building block of group_by,
  /// also useful to align a column with groups).
  [[nodiscard]] key_column rows_at(const std::vector<Eigen::Index>& at) const {
    key_column c;
    c.name_ = name_;
    c.kind_ = kind_;
    c.rows_ = static_cast<Eigen::Index>(at.size());
    if (kind_ == key_kind::text) {
      c.text_.reserve(at.size());
      for (const Eigen::Index i : at) {
        c.text_.push_back(text_[static_cast<std::size_t>(i)]);
      }
    } else if (kind_ == key_kind::real) {
      c.real_.resize(c.rows_);
      for (std::size_t j = 0; j < at.size(); ++j) {
        c.real_(static_cast<Eigen::Index>(j)) = real_(at[j]);
      }
    } else {
      c.integer_.resize(c.rows_);
      for (std::size_t j = 0; j < at.size(); ++j) {
        c.integer_(static_cast<Eigen::Index>(j)) = integer_(at[j]);
      }
    }
    return c;
  }

 private:
  std::string name_;
  key_kind kind_ = key_kind::real;
  Eigen::Index rows_ = 0;
  std::vector<std::string> text_;
  Eigen::Array<std::int64_t, Eigen::Dynamic, 1> integer_;
  Eigen::ArrayXd real_;
};

/// @brief The keys of a grouping over several key columns: one key_column per key (in the order
/// given to group_by), each with one row per group — pandas' MultiIndex levels, unrolled.
class key_table {
 public:
  key_table() = default;
  /// @brief The key columns (rows = groups).
  explicit key_table(std::vector<key_column> columns) : columns_(std::move(columns)) {}
  /// @brief Number of groups.
  [[nodiscard]] Eigen::Index size() const noexcept { return columns_.empty() ? 0 : columns_.front().rows(); }
  /// @brief Number of key columns.
  [[nodiscard]] Eigen::Index columns() const noexcept { return static_cast<Eigen::Index>(columns_.size()); }
  /// @brief Key column `c` (0-based, in group_by's order).
  /// @throws std::out_of_range if c is not in [0, columns()).
  [[nodiscard]] const key_column& column(Eigen::Index c) const {
    if (c < 0 || c >= columns()) {
      throw std::out_of_range(detail::error_prefix("key_table::column") + std::to_string(c) + " is not in [0, " +
                              std::to_string(columns()) + ")");
    }
    return columns_[static_cast<std::size_t>(c)];
  }
  /// @brief Key column `name`.
  /// @throws std::invalid_argument if no key column has that name.
  [[nodiscard]] const key_column& column(const std::string& name) const {
    return detail::named_column(columns_, name, "key_table::column", "key column");
  }
  /// @brief All key columns.
  [[nodiscard]] const std::vector<key_column>& all() const noexcept { return columns_; }

 private:
  std::vector<key_column> columns_;
};

}  // namespace tradeoff

#endif  // TRADEOFF_KEY_TABLE_HPP
