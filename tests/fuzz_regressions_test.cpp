// Replays every committed fuzz input — the seed corpus (tests/fuzz/corpus/<target>/) and the
// inputs kept from findings (tests/fuzz/regressions/<target>/) — through the same property checks
// the libFuzzer targets run (tests/fuzz/check_*.hpp), so that the ordinary and the sanitizer test
// suites cover them without clang or libFuzzer. docs/fuzzing.md lists each regression.
#include "fuzz/check_csv.hpp"
#include "fuzz/check_indicators.hpp"
#include "fuzz/check_intervals.hpp"
#include "fuzz/check_noise.hpp"
#include "fuzz/check_pareto.hpp"
#include "fuzz/check_stats.hpp"
#if defined(TRADEOFF_TEST_JSON)
#include "fuzz/check_json.hpp"
#endif

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

using check_function = void (*)(const std::uint8_t*, std::size_t);

std::vector<std::filesystem::path> inputs_of(const std::string& target) {
  std::vector<std::filesystem::path> files;
  for (const char* kind : {"corpus", "regressions"}) {
    const std::filesystem::path directory = std::filesystem::path(TRADEOFF_SOURCE_DIR) / "tests" / "fuzz" / kind / target;
    if (!std::filesystem::is_directory(directory)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
      if (entry.is_regular_file() && entry.path().filename().string().front() != '.') files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::uint8_t> bytes_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void replay(const std::string& target, check_function check, std::size_t at_least) {
  const auto files = inputs_of(target);
  CHECK(files.size() >= at_least);
  for (const auto& file : files) {
    CAPTURE(file.string());
    const auto data = bytes_of(file);
    try {
      check(data.data(), data.size());
    } catch (const tradeoff_fuzz::check_failure& failure) {
      FAIL_CHECK("property failed: " << std::string(failure.what()));
    } catch (const std::exception& error) {
      FAIL_CHECK("unexpected exception: " << std::string(error.what()));
    }
  }
}

}  // namespace

TEST_CASE("fuzz_csv: the seed corpus and the kept regressions pass the CSV properties") {
  replay("fuzz_csv", tradeoff_fuzz::check_csv, 20);
}

TEST_CASE("fuzz_pareto: the seed corpus and the kept regressions pass the Pareto properties") {
  replay("fuzz_pareto", tradeoff_fuzz::check_pareto, 20);
}

TEST_CASE("fuzz_stats: the seed corpus and the kept regressions pass the statistics properties") {
  replay("fuzz_stats", tradeoff_fuzz::check_stats, 20);
}

TEST_CASE("fuzz_intervals: the seed corpus and the kept regressions pass the interval and rank-test properties") {
  replay("fuzz_intervals", tradeoff_fuzz::check_intervals, 10);
}

TEST_CASE("fuzz_noise: the seed corpus and the kept regressions pass the attainment and front-probability properties") {
  replay("fuzz_noise", tradeoff_fuzz::check_noise, 10);
}
TEST_CASE("fuzz_indicators: the seed corpus and the kept regressions pass the indicator and contribution properties") {
  replay("fuzz_indicators", tradeoff_fuzz::check_indicators, 10);
}

#if defined(TRADEOFF_TEST_JSON)
TEST_CASE("fuzz_json: the seed corpus and the kept regressions pass the JSON and Google Benchmark properties") {
  replay("fuzz_json", tradeoff_fuzz::check_json, 8);
}
#endif
