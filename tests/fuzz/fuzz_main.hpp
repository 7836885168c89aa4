#ifndef TRADEOFF_TESTS_FUZZ_FUZZ_MAIN_HPP
#define TRADEOFF_TESTS_FUZZ_FUZZ_MAIN_HPP

/// @file
/// @brief The libFuzzer entry point shared by the targets: runs one property check and turns a
/// failed property or an unexpected exception into abort(), which libFuzzer records as a finding
/// (crash-<sha1> in the artifact directory) after printing the reason.

#include "byte_reader.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>

#define TRADEOFF_FUZZ_TARGET(check)                                                      \
  extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {   \
    try {                                                                                \
      check(data, size);                                                                 \
    } catch (const tradeoff_fuzz::check_failure& failure) {                              \
      std::fprintf(stderr, "\n*** property failed: %s\n", failure.what());               \
      std::abort();                                                                      \
    } catch (const std::exception& error) {                                              \
      std::fprintf(stderr, "\n*** unexpected exception: %s\n", error.what());            \
      std::abort();                                                                      \
    }                                                                                    \
    return 0;                                                                            \
  }

#endif  // TRADEOFF_TESTS_FUZZ_FUZZ_MAIN_HPP
