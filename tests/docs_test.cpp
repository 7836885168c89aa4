// Keeps the README honest: its quick-start program is examples/quick_start.cpp, its test
// command is what CI runs, and every docs/ page it or docs/index.md links to exists.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

namespace {

std::string read_text(const std::string& relative) {
  std::ifstream in(std::string(TRADEOFF_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << relative);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("README: the quick-start program is examples/quick_start.cpp without its first comment line") {
  const std::string readme = read_text("README.md");
  const std::string program = read_text("examples/quick_start.cpp");
  const std::string body = program.substr(program.find('\n') + 1);
  const auto start = readme.find("```cpp\n");
  REQUIRE(start != std::string::npos);
  const auto code_begin = start + 7;
  const auto code_end = readme.find("```", code_begin);
  REQUIRE(code_end != std::string::npos);
  CHECK(readme.substr(code_begin, code_end - code_begin) == body);
}

TEST_CASE("README: CI runs the README's test command verbatim") {
  const std::string readme = read_text("README.md");
  std::smatch match;
  REQUIRE(std::regex_search(readme, match, std::regex(R"(\n(\.ci/install-deps && cmake --workflow --preset test)\b)")));
  const std::string command = match[1];
  const std::string ci = read_text(".ci/run");
  CHECK(ci.find("\n" + command + "\n") != std::string::npos);
}

TEST_CASE("README and docs/index.md link only to files that exist") {
  for (const std::string page : {"README.md", "docs/index.md"}) {
    const std::string text = read_text(page);
    const std::string base = page == "README.md" ? "" : "docs/";
    const std::regex link(R"(\]\(([^)#:]+)(#[^)]*)?\))");
    int links = 0;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), link); it != std::sregex_iterator(); ++it) {
      const std::string target = (*it)[1];
      const auto path = std::filesystem::path(TRADEOFF_SOURCE_DIR) / base / target;
      CHECK_MESSAGE(std::filesystem::exists(path), page << " links to missing " << target);
      ++links;
    }
    CHECK(links > 5);
  }
}
