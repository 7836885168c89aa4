#ifndef TRADEOFF_DETAIL_TABLE_ASSEMBLY_HPP
#define TRADEOFF_DETAIL_TABLE_ASSEMBLY_HPP

/// @file
/// @brief Internal: builds a `tradeoff::table` from records whose columns are discovered as they
/// come (JSON objects): each record gives some of the columns, in any order; the others are
/// missing (empty cells, which every typed accessor reads as missing). Not API.

#include <tradeoff/table.hpp>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <iterator>
#include <utility>
#include <vector>

#include <tradeoff/detail/keyed_hash.hpp>

namespace tradeoff::detail {

/// Collects records cell by cell, then lays them out as a table (one row per record, one
/// column per name in order of first appearance, a missing cell empty).
class table_assembler {
 public:
  /// @param max_columns more distinct names than this is reported by `column` returning npos.
  explicit table_assembler(std::size_t max_columns) : max_columns_(max_columns) {}

  static constexpr std::uint32_t npos = std::numeric_limits<std::uint32_t>::max();

  /// The id of column `name`, made on first sight (ids count up from 0 in that order); npos
  /// when it would be column max_columns + 1.
  [[nodiscard]] std::uint32_t column(std::string_view name) {
    const auto found = ids_.find(name);
    if (found != ids_.end()) {
      return found->second;
    }
    if (names_.size() >= max_columns_) {
      return npos;
    }
    const auto id = static_cast<std::uint32_t>(names_.size());
    names_.emplace_back(name);
    ids_.emplace(names_.back(), id);
    return id;
  }

  [[nodiscard]] std::size_t column_count() const noexcept { return names_.size(); }
  [[nodiscard]] std::size_t max_columns() const noexcept { return max_columns_; }

  /// Starts a record that begins on file line `line` (1-based).
  void begin_row(std::size_t line) {
    row_first_.push_back(cells_.size());
    row_lines_.push_back(line);
  }

  /// One cell of the current record; a later cell of the same column replaces an earlier one.
  void cell(std::uint32_t column, std::string_view text) {
    cells_.push_back({column, text_.size(), text.size()});
    text_.append(text);
  }

  /// Drops the current record (begun with begin_row) and its cells.
  void drop_row() {
    text_.resize(cells_.size() == row_first_.back() ? text_.size()
                                                    : cells_[row_first_.back()].offset);
    cells_.resize(row_first_.back());
    row_first_.pop_back();
    row_lines_.pop_back();
  }

  [[nodiscard]] std::size_t rows() const noexcept { return row_first_.size(); }

  /// The table; the assembler is left empty. Cells are separated by one byte (unused), as the
  /// CSV reader stores them. `decimals_round_trip`: see table::decimals_round_trip_.
  [[nodiscard]] table finish(std::string source, bool decimals_round_trip) {
    table out;
    out.source_ = std::move(source);
    out.names_.assign(std::make_move_iterator(names_.begin()), std::make_move_iterator(names_.end()));
    for (std::size_t i = 0; i < out.names_.size(); ++i) {
      out.index_.emplace(out.names_[i], static_cast<Eigen::Index>(i));
    }
    const std::size_t columns = out.names_.size();
    const std::size_t rows = row_first_.size();
    out.rows_ = static_cast<Eigen::Index>(rows);
    out.decimals_round_trip_ = decimals_round_trip;
    out.arena_.reserve(text_.size() + rows * columns + 1);
    std::uint32_t* const ends = out.cell_ends_.extend(rows * columns);
    std::vector<const cell_entry*> slot(columns, nullptr);
    for (std::size_t row = 0; row < rows; ++row) {
      const std::size_t first = row_first_[row];
      const std::size_t last = row + 1 < rows ? row_first_[row + 1] : cells_.size();
      for (std::size_t i = first; i < last; ++i) {
        slot[cells_[i].column] = &cells_[i];
      }
      const std::size_t row_start = out.arena_.size();
      out.row_starts_.push_back(row_start);
      std::size_t length = 0;
      for (std::size_t column = 0; column < columns; ++column) {
        length += (slot[column] != nullptr ? slot[column]->length : 0) + (column != 0 ? 1 : 0);
      }
      if (length >= std::numeric_limits<std::uint32_t>::max()) {
        throw std::length_error("tradeoff: a record of more than 4 GiB of text");
      }
      char* const start = out.arena_.extend(length);
      char* cursor = start;
      for (std::size_t column = 0; column < columns; ++column) {
        if (column != 0) {
          *cursor++ = ',';
        }
        if (const cell_entry* const entry = slot[column]; entry != nullptr) {
          text_.copy(cursor, entry->length, entry->offset);
          cursor += entry->length;
          slot[column] = nullptr;
        }
        ends[row * columns + column] = static_cast<std::uint32_t>(cursor - start);
      }
    }
    // line_of_row counts one line per row from the last mark.
    for (std::size_t row = 0; row < rows; ++row) {
      if (row == 0 || row_lines_[row] != row_lines_[row - 1] + 1) {
        out.line_marks_.emplace_back(static_cast<Eigen::Index>(row), row_lines_[row]);
      }
    }
    if (out.line_marks_.empty()) {
      out.line_marks_.emplace_back(0, 1);
    }
    *this = table_assembler(max_columns_);
    return out;
  }

 private:
  struct cell_entry {
    std::uint32_t column;
    std::size_t offset;  // in text_
    std::size_t length;
  };

  std::size_t max_columns_;
  std::deque<std::string> names_;  // a deque: ids_ holds views of its strings, which never move
  std::unordered_map<std::string_view, std::uint32_t, keyed_string_hash> ids_;  // views of names_
  std::string text_;                    // the cells' text, one after another
  std::vector<cell_entry> cells_;       // every record's cells in order
  std::vector<std::size_t> row_first_;  // index in cells_ of each record's first cell
  std::vector<std::size_t> row_lines_;  // each record's first line
};

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_TABLE_ASSEMBLY_HPP
