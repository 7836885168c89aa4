#ifndef TRADEOFF_DETAIL_JSON_FLATTEN_HPP
#define TRADEOFF_DETAIL_JSON_FLATTEN_HPP

/// @file
/// @brief Internal: a SAX handler for nlohmann::json that flattens JSON objects into table
/// rows as `pandas.json_normalize` does. Not API.
///
/// Per record (an object): a key whose value is not an object becomes a column named by the
/// keys on its path joined with the separator ("b.c"); an empty object gives no column; an
/// array is kept whole as compact JSON text. Within a record pandas' `nested_to_record` keeps
/// the top-level non-object keys in place and appends the flattened keys of the top-level
/// objects after them; across records columns come in order of first appearance. Cell text:
/// strings as decoded, integers in decimal, other numbers as the shortest text of their value
/// (pandas' ultrajson value, or the correctly rounded one), true/false as True/False, null as
/// an empty (missing) cell.

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <tradeoff/detail/hex_escape.hpp>
#include <tradeoff/detail/json_non_finite.hpp>
#include <tradeoff/detail/table_assembly.hpp>
#include <tradeoff/detail/ujson_number.hpp>

namespace tradeoff::detail {

/// How the value of a JSON number with a fraction or exponent is found.
enum class json_number_rule {
  ujson,      ///< as pandas' read_json (ultrajson, not correctly rounded)
  round_trip  ///< correctly rounded, as Python's json module
};

/// Appends the shortest text that reads back as `value` ("-0.0" for negative zero, so that
/// it is not read as the integer 0).
inline void append_shortest(std::string& out, double value) {
  if (std::isnan(value)) {
    out += "NaN";
    return;
  }
  if (std::fpclassify(value) == FP_ZERO && std::signbit(value)) {
    out += "-0.0";
    return;
  }
  char buffer[32];
  const std::to_chars_result result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, static_cast<std::size_t>(result.ptr - buffer));
}

template <class Integer>
inline void append_integer(std::string& out, Integer value) {
  char buffer[24];
  const std::to_chars_result result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, static_cast<std::size_t>(result.ptr - buffer));
}

/// Appends `text` as a JSON string literal.
inline void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20) {
      out += "\\u00";
      append_hex_digits(out, byte, 2);
    } else {
      out += c;
    }
  }
  out += '"';
}

/// The SAX handler. Records are the objects opened when `record_depth` containers are open
/// (0: each parse is one record, as a JSON Lines line; 1: the elements of a top-level array).
class json_flattener {
 public:
  using json = nlohmann::json;

  json_flattener(table_assembler& out, std::string separator, json_number_rule rule,
                 std::size_t record_depth)
      : out_(out), separator_(std::move(separator)), rule_(rule), record_depth_(record_depth) {}

  /// The line (1-based) the next record starts on; for JSON Lines, set before each line.
  void set_line(std::size_t line) noexcept { line_ = line; }
  /// For a document: where the parser is (bytes read), to find each record's line.
  void track_position(const char* const* position, const char* first) noexcept {
    position_ = position;
    scanned_ = first;
  }
  /// The sentinel tokens of the text in order (see json_non_finite.hpp); empty when not rewritten.
  void set_specials(std::vector<json_special> specials) {
    specials_ = std::move(specials);
    next_special_ = 0;
  }

  /// What went wrong when a callback returned false (empty after a syntax error, which
  /// parse_error reports).
  [[nodiscard]] const std::string& problem() const noexcept { return problem_; }
  [[nodiscard]] bool syntax_error() const noexcept { return syntax_error_; }
  [[nodiscard]] std::size_t error_position() const noexcept { return error_position_; }
  [[nodiscard]] const std::string& error_message() const noexcept { return error_message_; }
  /// Records completed so far.
  [[nodiscard]] std::size_t records() const noexcept { return records_; }
  /// Forgets a record left open by a failed parse.
  void abandon_record() {
    if (in_record_) {
      out_.drop_row();
      in_record_ = false;
    }
    depth_ = 0;
    frames_.clear();
    array_depth_ = 0;
    syntax_error_ = false;
    problem_.clear();
  }

  // --- nlohmann::json SAX interface ---
  bool null() { return leaf(std::string_view{}, "null"); }
  bool boolean(bool value) { return leaf(value ? "True" : "False", value ? "true" : "false"); }
  bool number_integer(json::number_integer_t value) {
    scratch_.clear();
    append_integer(scratch_, value);
    return leaf(scratch_, scratch_);
  }
  bool number_unsigned(json::number_unsigned_t value) {
    scratch_.clear();
    append_integer(scratch_, value);
    return leaf(scratch_, scratch_);
  }
  bool number_float(json::number_float_t value, const json::string_t& text) {
    json_special special = json_special::itself;
    if (next_special_ < specials_.size() && json_sentinel(text)) {
      special = specials_[next_special_++];
    }
    if (special != json_special::itself) {
      value = special == json_special::nan ? std::numeric_limits<double>::quiet_NaN()
              : special == json_special::infinity ? std::numeric_limits<double>::infinity()
                                                  : -std::numeric_limits<double>::infinity();
    } else if (text.find_first_of(".eE") == std::string::npos) {
      return fail("the integer " + text +
                  " is outside [-2^63, 2^64) (pandas' read_json raises \"Value is too big!\" or "
                  "\"Value is too small\")");
    } else if (rule_ == json_number_rule::ujson) {
      const ujson_number_status status = ujson_double(text, value);
      if (status != ujson_number_status::ok) {
        return fail("the integer part of " + text + " is outside " +
                    (status == ujson_number_status::integer_part_too_big ? "[0, 2^64)"
                                                                         : "(-2^63 - 1, 0]") +
                    " (pandas' read_json raises \"Value is too " +
                    (status == ujson_number_status::integer_part_too_big ? "big!" : "small") + "\")");
      }
    }
    scratch_.clear();
    append_shortest(scratch_, value);
    if (array_depth_ > 0) {
      std::string json_text;
      if (std::isnan(value)) {
        json_text = "NaN";
      } else if (std::isinf(value)) {
        json_text = value < 0 ? "-Infinity" : "Infinity";
      } else {
        json_text = text;
      }
      return leaf(scratch_, json_text);
    }
    return leaf(scratch_, scratch_);
  }
  bool string(json::string_t& value) {
    if (array_depth_ > 0) {
      separate();
      append_json_string(array_text_, value);
      return true;
    }
    return leaf(value, std::string_view{});
  }
  bool binary(json::binary_t& /*value*/) { return fail("binary values are not JSON text"); }

  bool start_object(std::size_t /*size*/) {
    if (array_depth_ > 0) {
      separate();
      array_text_ += '{';
      array_first_.push_back(true);
      ++array_depth_;
      return true;
    }
    if (depth_ < record_depth_) {
      return fail("the top level must be an array of objects");
    }
    if (depth_ == record_depth_) {
      begin_record();
    } else {
      frames_.push_back(path_.size());  // the key naming this object is in path_
    }
    ++depth_;
    return true;
  }
  bool key(json::string_t& name) {
    if (array_depth_ > 0) {
      separate();
      append_json_string(array_text_, name);
      array_text_ += ':';
      array_first_.back() = true;  // the value follows without a comma
      return true;
    }
    path_.resize(frames_.empty() ? 0 : frames_.back());
    if (!frames_.empty()) {
      path_ += separator_;
    }
    path_ += name;
    return true;
  }
  bool end_object() {
    if (array_depth_ > 0) {
      array_text_ += '}';
      array_first_.pop_back();
      close_array_value();
      return true;
    }
    --depth_;
    if (depth_ == record_depth_) {
      return end_record();
    }
    if (!frames_.empty()) {
      frames_.pop_back();
    }
    return true;
  }
  bool start_array(std::size_t /*size*/) {
    if (depth_ < record_depth_) {
      if (depth_ + 1 == record_depth_) {
        ++depth_;
        return true;  // the top-level array of records
      }
      return fail("the top level must be an array of objects");
    }
    if (depth_ == record_depth_ && array_depth_ == 0) {
      return fail("record " + std::to_string(records_ + 1) +
                  " is an array; each record must be an object");
    }
    if (array_depth_ > 0) {
      separate();
    } else {
      array_text_.clear();
      array_first_.clear();
    }
    array_text_ += '[';
    array_first_.push_back(true);
    ++array_depth_;
    return true;
  }
  bool end_array() {
    if (array_depth_ == 0) {
      --depth_;  // the top-level array
      return true;
    }
    array_text_ += ']';
    array_first_.pop_back();
    close_array_value();
    return true;
  }
  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& error) {
    syntax_error_ = true;
    error_position_ = position;
    // nlohmann's text: "[json.exception.parse_error.101] parse error at line 1, column 5: what"
    std::string message = error.what();
    const std::size_t colon = message.find(": ");
    error_message_ = colon == std::string::npos ? message : message.substr(colon + 2);
    return false;
  }

 private:
  struct pending_cell {
    std::size_t name_offset, name_size, text_offset, text_size;
    bool top;
  };

  bool fail(std::string message) {
    problem_ = std::move(message);
    return false;
  }

  // A comma before a value inside an array or an object within one, unless it is the first.
  void separate() {
    if (!array_first_.back()) {
      array_text_ += ',';
    }
    array_first_.back() = false;
  }

  void close_array_value() {
    --array_depth_;
    if (array_depth_ == 0) {
      std::string text;
      text.swap(array_text_);
      add_cell(text);
    }
  }

  // A scalar: its cell text, and its JSON text when it lies inside an array.
  bool leaf(std::string_view cell_text, std::string_view json_text) {
    if (array_depth_ > 0) {
      separate();
      array_text_ += json_text;
      return true;
    }
    if (depth_ <= record_depth_) {
      return fail(depth_ < record_depth_ ? std::string("the top level must be an array of objects")
                                         : "record " + std::to_string(records_ + 1) +
                                               " is not an object");
    }
    add_cell(cell_text);
    return true;
  }

  void add_cell(std::string_view text) {
    pending_.push_back({pending_text_.size(), path_.size(), 0, text.size(), frames_.empty()});
    pending_text_ += path_;
    pending_.back().text_offset = pending_text_.size();
    pending_text_ += text;
  }

  void begin_record() {
    if (position_ != nullptr) {  // count the lines up to where this record starts
      const char* const here = *position_;
      for (const char* p = scanned_; p < here; ++p) {
        line_ += *p == '\n' ? 1 : 0;
      }
      scanned_ = here;
    }
    out_.begin_row(line_);
    in_record_ = true;
    pending_.clear();
    pending_text_.clear();
    frames_.clear();
    path_.clear();
  }

  bool end_record() {
    // pandas' order: the top-level scalars, then the flattened objects.
    std::size_t position = 0;
    for (const bool top : {true, false}) {
      for (const pending_cell& cell : pending_) {
        if (cell.top != top) {
          continue;
        }
        const std::string_view name(pending_text_.data() + cell.name_offset, cell.name_size);
        std::uint32_t id = 0;
        if (position < previous_names_.size() && previous_names_[position].first == name) {
          id = previous_names_[position].second;  // most records repeat the previous one's keys
        } else {
          id = out_.column(name);
          if (id == table_assembler::npos) {
            return fail("more than " + std::to_string(out_.column_count()) +
                        " distinct columns (json_options::max_columns)");
          }
          if (position < previous_names_.size()) {
            previous_names_[position] = {std::string(name), id};
          } else {
            previous_names_.emplace_back(std::string(name), id);
          }
        }
        ++position;
        out_.cell(id, std::string_view(pending_text_.data() + cell.text_offset, cell.text_size));
      }
    }
    in_record_ = false;
    ++records_;
    return true;
  }

  table_assembler& out_;
  std::string separator_;
  json_number_rule rule_;
  std::size_t record_depth_;
  std::size_t depth_ = 0;              // containers open (outside arrays kept as text)
  std::vector<std::size_t> frames_;    // per open nested object: path_ length of its name
  std::string path_;                   // the current key's column name
  std::size_t array_depth_ = 0;        // arrays/objects open inside an array kept as text
  std::string array_text_;
  std::vector<bool> array_first_;      // per open level inside an array: no value yet
  std::vector<pending_cell> pending_;  // the current record's cells
  std::string pending_text_;
  std::vector<std::pair<std::string, std::uint32_t>> previous_names_;
  std::string scratch_;
  std::vector<json_special> specials_;
  std::size_t next_special_ = 0;
  std::size_t line_ = 1;
  const char* const* position_ = nullptr;
  const char* scanned_ = nullptr;
  bool in_record_ = false;
  std::size_t records_ = 0;
  std::string problem_;
  bool syntax_error_ = false;
  std::size_t error_position_ = 0;
  std::string error_message_;
};

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_JSON_FLATTEN_HPP
