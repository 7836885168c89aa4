#ifndef TRADEOFF_DETAIL_CSV_SNIFF_HPP
#define TRADEOFF_DETAIL_CSV_SNIFF_HPP

/// @file
/// @brief The delimiter that `pd.read_csv(sep=None)` picks for a file, from its first line.
/// Internal.
///
/// pandas 1.5.3 (python engine) hands the first line it reads (after `skiprows` and comments) to
/// Python's `csv.Sniffer().sniff`, which tries two rules in turn:
/// 1. a quoted cell next to a delimiter: the regular expressions of
///    `Sniffer._guess_quote_and_delimiter`, tried in order until one matches somewhere; the
///    delimiter is the character that most matches name (the first seen on a tie);
/// 2. otherwise character frequencies (`_guess_delimiter`): with one line, every 7-bit ASCII
///    character in it is a candidate; the first of `, \t ; space :` present wins, else the most
///    frequent character, the largest code on a tie (so `alpha|beta` gives `a`, as in pandas).
/// Bytes of 128 and above count as word characters (Python's `\w` on decoded text is true for
/// letters in any script) and never as delimiters.

#include <array>
#include <cstddef>
#include <string_view>

namespace tradeoff::detail {

/// Python's `[^\w\n"']` for one byte.
[[nodiscard]] inline bool sniff_delimiter_candidate(char c) noexcept {
  const auto byte = static_cast<unsigned char>(c);
  const bool word = (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') ||
                    (byte >= 'A' && byte <= 'Z') || byte == '_' || byte >= 0x80;
  return !word && c != '\n' && c != '"' && c != '\'';
}

[[nodiscard]] inline bool sniff_quote(char c) noexcept { return c == '"' || c == '\''; }

/// Counts of the delimiters the quote rule found, in first-seen order.
struct sniff_votes {
  std::array<char, 128> order{};
  std::array<std::size_t, 128> count{};
  std::size_t distinct = 0;
  bool matched = false;  ///< the rule's expression matched at least once

  void vote(char delimiter) noexcept {
    const auto byte = static_cast<unsigned char>(delimiter);
    if (byte >= 128) {
      return;
    }
    if (count[byte]++ == 0) {
      order[distinct++] = delimiter;
    }
  }
  [[nodiscard]] char winner() const noexcept {
    char best = '\0';
    std::size_t best_count = 0;
    for (std::size_t i = 0; i < distinct; ++i) {
      const std::size_t n = count[static_cast<unsigned char>(order[i])];
      if (n > best_count) {
        best = order[i];
        best_count = n;
      }
    }
    return best;
  }
};

/// The first position k > from with line[k] == quote and `tail(k + 1)` true (the lazy `.*?`
/// followed by the rest of the expression); npos if none.
template <class Tail>
[[nodiscard]] std::size_t sniff_close(std::string_view line, std::size_t from, char quote,
                                      Tail&& tail) {
  for (std::size_t k = from; k < line.size(); ++k) {
    if (line[k] == quote && tail(k + 1)) {
      return k;
    }
  }
  return std::string_view::npos;
}

/// Rule 1 (the quote expressions); '\0' when none matches or none names a delimiter.
[[nodiscard]] inline char sniff_by_quotes(std::string_view line) {
  const std::size_t n = line.size();
  const auto at = [&](std::size_t i) { return i < n ? line[i] : '\0'; };
  const auto line_end = [&](std::size_t i) { return i >= n || line[i] == '\n'; };
  // 1: (delim)( ?)(quote).*?(quote)(delim), matches found left to right without overlap.
  sniff_votes votes;
  for (std::size_t i = 0; i + 1 < n;) {
    const char delimiter = line[i];
    std::size_t j = i + 1;
    if (at(j) == ' ' && sniff_quote(at(j + 1))) {
      ++j;
    }
    if (sniff_delimiter_candidate(delimiter) && sniff_quote(at(j))) {
      const std::size_t close =
          sniff_close(line, j + 1, line[j], [&](std::size_t k) { return at(k) == delimiter; });
      if (close != std::string_view::npos) {
        votes.matched = true;
        votes.vote(delimiter);
        i = close + 2;
        continue;
      }
    }
    ++i;
  }
  if (votes.matched) {
    return votes.winner();
  }
  // 2: ^(quote).*?(quote)(delim)( ?) — one match at most on one line.
  if (sniff_quote(at(0))) {
    const std::size_t close = sniff_close(line, 1, line[0], [&](std::size_t k) {
      return k < n && sniff_delimiter_candidate(line[k]);
    });
    if (close != std::string_view::npos) {
      return line[close + 1];
    }
  }
  // 3: (delim)( ?)(quote).*?(quote)$
  for (std::size_t i = 0; i + 1 < n; ++i) {
    std::size_t j = i + 1;
    if (at(j) == ' ' && sniff_quote(at(j + 1))) {
      ++j;
    }
    if (sniff_delimiter_candidate(line[i]) && sniff_quote(at(j)) &&
        sniff_close(line, j + 1, line[j], line_end) != std::string_view::npos) {
      return line[i];
    }
  }
  // 4 (a quoted cell alone) names no delimiter: rule 2 decides, as in Python.
  return '\0';
}

/// Rule 2 (frequencies) on one line; '\0' for a line without 7-bit characters.
[[nodiscard]] inline char sniff_by_frequency(std::string_view line) noexcept {
  std::array<std::size_t, 127> count{};
  for (const char c : line) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 127 && c != '\n') {
      ++count[byte];
    }
  }
  for (const char preferred : {',', '\t', ';', ' ', ':'}) {
    if (count[static_cast<unsigned char>(preferred)] != 0) {
      return preferred;
    }
  }
  char best = '\0';
  std::size_t best_count = 0;
  for (std::size_t byte = 0; byte < count.size(); ++byte) {
    if (count[byte] != 0 && count[byte] >= best_count) {
      best = static_cast<char>(byte);
      best_count = count[byte];
    }
  }
  return best;
}

/// The delimiter `csv.Sniffer().sniff(line)` returns; '\0' where it raises "Could not determine
/// delimiter".
[[nodiscard]] inline char sniff_delimiter(std::string_view line) {
  const char by_quotes = sniff_by_quotes(line);
  return by_quotes != '\0' ? by_quotes : sniff_by_frequency(line);
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_CSV_SNIFF_HPP
