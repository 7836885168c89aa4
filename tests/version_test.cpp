#include <tradeoff/tradeoff.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>

TEST_CASE("the header's version equals project(VERSION) in CMakeLists.txt") {
  std::ifstream in(TRADEOFF_SOURCE_DIR "/CMakeLists.txt");
  REQUIRE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  std::smatch match;
  REQUIRE(std::regex_search(s, match, std::regex(R"(VERSION\s+(\d+)\.(\d+)\.(\d+))")));
  CHECK(std::stoi(match[1]) == tradeoff::version_major);
  CHECK(std::stoi(match[2]) == tradeoff::version_minor);
  CHECK(std::stoi(match[3]) == tradeoff::version_patch);
  const std::string joined = std::string(match[1]) + "." + std::string(match[2]) + "." + std::string(match[3]);
  CHECK(joined == tradeoff::version_string);
}
