#ifndef TRADEOFF_EXAMPLES_CLI_HPP
#define TRADEOFF_EXAMPLES_CLI_HPP

/// @file
/// @brief Command-line handling shared by the example programs (not part of the library): the
/// value of an option, and a main() that prints the usage for --help and turns an exception
/// into a message on stderr and exit status 1.

#include <exception>
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
