#ifndef TRADEOFF_EXAMPLES_CLI_HPP
#define TRADEOFF_EXAMPLES_CLI_HPP

/// @file
/// @brief Command-line handling shared by the example programs (not part of the library): the
/// value of an option, and a main() that prints the usage for --help and turns an exception
/// into a message on stderr and exit status 1.

#include <tradeoff/csv.hpp>
#ifdef TRADEOFF_EXAMPLES_JSON
#include <tradeoff/google_benchmark.hpp>
#include <tradeoff/json.hpp>
#endif

#include <exception>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>

namespace example {

/// The value given after the option at argv[i] (argv[i + 1]); advances i past it.
/// @throws std::invalid_argument "<option> needs a value" if the option is the last argument.
inline std::string option_value(int argc, char** argv, int& i) {
  const std::string option = argv[i];
  if (i + 1 >= argc) throw std::invalid_argument(option + " needs a value");
  return argv[++i];
}

/// A benchmark table from a file, through the library's readers. `format` is "csv", "json"
/// (records or JSON Lines, tradeoff::read_json), "gbench" (Google Benchmark JSON,
/// tradeoff::read_google_benchmark: its iteration rows; the aggregate rows -- mean, median,
/// stddev, cv -- are left out and counted on stdout, so they never sit on a front beside the
/// runs they summarise) or "auto": "gbench" for a .json file with a "benchmarks" array, "json" for
/// other .json / .jsonl files, else "csv".
/// @throws std::invalid_argument for an unknown format or a JSON format without nlohmann/json;
///   the readers' errors (tradeoff::csv_error, tradeoff::json_error) for a bad file.
inline tradeoff::table load_table(const std::string& path, std::string format = "auto") {
  auto ends_with = [&](const char* tail) {
    const std::string t = tail;
    return path.size() >= t.size() && path.compare(path.size() - t.size(), t.size(), t) == 0;
  };
  if (format == "auto") {
    format = "csv";
    if (ends_with(".jsonl")) {
      format = "json";
    } else if (ends_with(".json")) {
      std::ifstream in(path, std::ios::binary);
      std::string head(4096, '\0');
      in.read(&head[0], static_cast<std::streamsize>(head.size()));
      head.resize(static_cast<std::size_t>(in.gcount()));
      format = head.find("\"benchmarks\"") != std::string::npos ? "gbench" : "json";
    }
  }
  if (format == "csv") return tradeoff::read_csv(path);
  if (format != "json" && format != "gbench") {
    throw std::invalid_argument("--format " + format + ": expected auto, csv, json or gbench");
  }
#ifdef TRADEOFF_EXAMPLES_JSON
  if (format == "json") return tradeoff::read_json(path);
  tradeoff::google_benchmark_results results = tradeoff::read_google_benchmark(path);
  if (results.aggregates.rows() > 0) {
    std::cout << "  " << results.aggregates.rows() << " aggregate rows (mean, median, stddev, cv, ...) left out; "
              << results.iterations.rows() << " runs kept\n";
  }
  return std::move(results.iterations);
#else
  throw std::invalid_argument("reading " + path + " as " + format +
                              " needs nlohmann/json (tradeoff::json), which this build did not find");
#endif
}

/// What run_program writes to stderr when the program fails.
enum class on_error {
  message,                ///< "<program>: <what>"
  message_and_help_hint,  ///< the same, then "run `<program> --help` for the options"
};

/// The whole main() of an example: `options = parse(argc, argv)`; prints `usage` and returns 0
/// if `options.help`, otherwise returns `run(options)`. Any std::exception on the way is written
/// to stderr as "<program>: <what>" (see on_error) and gives exit status 1.
template <typename Parse, typename Run>
int run_program(const char* program, const char* usage, int argc, char** argv, Parse parse, Run run,
                on_error report = on_error::message) {
  try {
    const auto options = parse(argc, argv);
    if (options.help) {
      std::cout << usage;
      return 0;
    }
    return run(options);
  } catch (const std::exception& error) {
    std::cerr << program << ": " << error.what() << "\n";
    if (report == on_error::message_and_help_hint) {
      std::cerr << "run `" << program << " --help` for the options\n";
    }
    return 1;
  }
}

}  // namespace example

#endif  // TRADEOFF_EXAMPLES_CLI_HPP
