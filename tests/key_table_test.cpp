// group_by over several key columns (tradeoff/key_table.hpp) and describe() per group, against
// pandas 1.5.3 (tests/golden/make_golden_describe.py).
#include "golden_describe_data.hpp"

#include <tradeoff/group.hpp>
#include <tradeoff/key_table.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

namespace {

std::vector<tradeoff::key_column> three_keys(const golden_describe::data& d) {
  return {{"type", d.type}, {"blocks", d.blocks}, {"flag", d.flag}};
}

}  // namespace

TEST_CASE("group_by over text / integer / bool keys is sorted as a pandas MultiIndex") {
  const auto d = golden_describe::load();
  const auto g = tradeoff::group_by(three_keys(d));
  std::vector<std::vector<std::string>> expected;
  for (const auto& r : d.records) {
    if (r[0] == "describe") expected.push_back(r);
  }
  REQUIRE(g.groups() == static_cast<Eigen::Index>(expected.size()));
  const auto& type = g.keys().column("type");
  const auto& blocks = g.keys().column(1);
  const auto& flag = g.keys().column("flag");
  CHECK(type.kind() == tradeoff::key_kind::text);
  CHECK(blocks.kind() == tradeoff::key_kind::integer);
  CHECK(flag.kind() == tradeoff::key_kind::boolean);
  for (Eigen::Index j = 0; j < g.groups(); ++j) {
    const auto& r = expected[static_cast<std::size_t>(j)];
    CHECK(type.text()[static_cast<std::size_t>(j)] == r[1]);
    CHECK(blocks.integers()(j) == std::stoll(r[2]));
    CHECK(flag.booleans()(j) == (r[3] == "1"));
  }
  for (Eigen::Index i = 0; i < g.rows(); ++i) {
    const int c = g.codes()(i);
    REQUIRE(c >= 0);
    REQUIRE(type.text()[static_cast<std::size_t>(c)] == d.type[static_cast<std::size_t>(i)]);
    REQUIRE(blocks.integers()(c) == d.blocks(i));
    REQUIRE(flag.booleans()(c) == d.flag(i));
  }
  CHECK(g.sizes().sum() == g.rows());
}

TEST_CASE("describe per group equals pandas groupby describe bit for bit") {
  const auto d = golden_describe::load();
  const auto g = tradeoff::group_by(three_keys(d));
  const tradeoff::group_description s = tradeoff::describe(g, d.v);
  Eigen::Index j = 0;
  int differences = 0;
  for (const auto& r : d.records) {
    if (r[0] != "describe") continue;
    REQUIRE(j < g.groups());
    CHECK(s.count(j) == std::stoi(r[4]));
    const double got[] = {s.mean(j), s.stddev(j), s.min(j), s.q25(j), s.q50(j), s.q75(j), s.max(j)};
    for (std::size_t k = 0; k < 7; ++k) {
      if (!golden_describe::same(got[k], golden_describe::number(r[5 + k]))) {
        ++differences;
        MESSAGE("group " << j << " statistic " << k << ": " << got[k] << " vs " << r[5 + k]);
      }
    }
    CHECK(golden_describe::same(s.iqr(j), s.q75(j) - s.q25(j)));
    ++j;
  }
  CHECK(j == g.groups());
  CHECK(differences == 0);
}

TEST_CASE("group_by over a float key drops NaN keys and sorts -1 before 1e-300") {
  const auto d = golden_describe::load();
  const auto g = tradeoff::group_by({{"type", d.type}, {"f", d.f}});
  Eigen::Index j = 0;
  for (const auto& r : d.records) {
    if (r[0] != "groups_tf") continue;
    REQUIRE(j < g.groups());
    CHECK(g.keys().column(0).text()[static_cast<std::size_t>(j)] == r[1]);
    CHECK(golden_describe::same(g.keys().column("f").reals()(j), golden_describe::number(r[2])));
    CHECK(g.sizes()(j) == std::stoi(r[3]));
    ++j;
  }
  CHECK(j == g.groups());
  tradeoff::group_options keep;
  keep.dropna = false;
  const auto with_nan = tradeoff::group_by({{"type", d.type}, {"f", d.f}}, keep);
  CHECK(with_nan.sizes().sum() == with_nan.rows());
  CHECK(with_nan.groups() > g.groups());
}

TEST_CASE("group_by over several keys with sort false keeps the order of first appearance") {
  const auto d = golden_describe::load();
  tradeoff::group_options appearance;
  appearance.sort = false;
  const auto g = tradeoff::group_by({{"type", d.type}, {"blocks", d.blocks}}, appearance);
  Eigen::Index j = 0;
  for (const auto& r : d.records) {
    if (r[0] != "unsorted") continue;
    REQUIRE(j < g.groups());
    CHECK(g.keys().column(0).text()[static_cast<std::size_t>(j)] == r[1]);
    CHECK(g.keys().column(1).integers()(j) == std::stoll(r[2]));
    ++j;
  }
  CHECK(j == g.groups());
}

TEST_CASE("group_by over several keys with a row mask and a numeric column taken as integers") {
  const std::vector<std::string> type = {"b", "a", "b", "a", "b"};
  const Eigen::ArrayXd blocks = (Eigen::ArrayXd(5) << 8, 4, 4, 4, 8).finished();
  const Eigen::Array<bool, Eigen::Dynamic, 1> keep = (Eigen::Array<bool, Eigen::Dynamic, 1>(5) << true, true, true, false, true).finished();
  const auto g = tradeoff::group_by({{"type", type}, {"blocks", blocks, tradeoff::key_kind::integer}}, keep);
  REQUIRE(g.groups() == 3);  // (a, 4), (b, 4), (b, 8)
  CHECK(g.keys().column(0).text() == std::vector<std::string>{"a", "b", "b"});
  CHECK((g.keys().column(1).integers() == (Eigen::Array<std::int64_t, Eigen::Dynamic, 1>(3) << 4, 4, 8).finished()).all());
  CHECK((g.codes() == (Eigen::ArrayXi(5) << 2, 0, 1, -1, 2).finished()).all());
  CHECK((g.sizes() == Eigen::Array3i(1, 1, 2)).all());
  const tradeoff::group_summary s = tradeoff::summarize(g, blocks, {0.5});
  CHECK(s.quantile(0.5)(2) == 8.0);
}

TEST_CASE("E133 summarize gives std and IQR equal to stddev and iqr and quantiles by level") {
  const auto d = golden_describe::load();
  const auto g = tradeoff::group_by(three_keys(d));
  const tradeoff::group_summary s = tradeoff::summarize(g, d.v, {0.1, 0.75});
  const Eigen::ArrayXd sd = tradeoff::stddev(g, d.v);
  const Eigen::ArrayXd iqr = tradeoff::iqr(g, d.v);
  const Eigen::ArrayXd q10 = tradeoff::quantile(g, d.v, 0.1);
  for (Eigen::Index j = 0; j < g.groups(); ++j) {
    REQUIRE(golden_describe::same(s.stddev(j), sd(j)));
    REQUIRE(golden_describe::same(s.iqr(j), iqr(j)));
    REQUIRE(golden_describe::same(s.quantile(0.1)(j), q10(j)));
  }
  CHECK_THROWS_WITH_AS(static_cast<void>(s.quantile(0.25)),
                       "tradeoff::group_summary::quantile: level 0.25 was not requested (levels are 0.1, 0.75)",
                       std::invalid_argument);
}

TEST_CASE("E130 E131 E132 E136 bad key columns for group_by over several keys: std::invalid_argument naming the argument") {
  const std::vector<std::string> type = {"a", "b", "a"};
  const Eigen::ArrayXd blocks = Eigen::ArrayXd::LinSpaced(2, 4.0, 8.0);
  // E130: key columns of different lengths
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::group_by({{"type", type}, {"num_blocks", blocks}})),
                       "tradeoff::group_by: keys[1] ('num_blocks') has 2 rows but keys[0] ('type') has 3",
                       std::invalid_argument);
  // E131: a mask of another length
  const tradeoff::group_options options;
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::group_by({{"type", type}}, Eigen::Array2i(1, 1) == 1, options)),
                       "tradeoff::group_by: mask has 2 entries but keys has 3", std::invalid_argument);
  // E132: no key column at all
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::group_by(std::vector<tradeoff::key_column>{})),
                       "tradeoff::group_by: keys has no columns (give at least one key column)", std::invalid_argument);
  // E136: a numeric column taken as integers that holds a fraction or NaN; an unknown key column
  CHECK_THROWS_WITH_AS(tradeoff::key_column("num_blocks", Eigen::ArrayXd::Constant(2, 2.5), tradeoff::key_kind::integer),
                       "tradeoff::key_column: key column 'num_blocks' row 0 is 2.5, not an integer",
                       std::invalid_argument);
  const auto g = tradeoff::group_by({{"type", type}});
  CHECK_THROWS_WITH_AS(static_cast<void>(g.keys().column("blocks")),
                       "tradeoff::key_table::column: no key column 'blocks' (the key columns are 'type')",
                       std::invalid_argument);
}

TEST_CASE("grouped reductions accept a std::vector of double") {
  const std::vector<std::string> type = {"b", "a", "b", "a", "b"};
  const std::vector<double> values = {3.0, 1.0, std::nan(""), 2.0, 5.0};
  const Eigen::Map<const Eigen::ArrayXd> map(values.data(), 5);
  const auto g = tradeoff::group_by(type);
  CHECK((tradeoff::count(g, values) == tradeoff::count(g, map)).all());
  CHECK((tradeoff::median(g, values) == tradeoff::median(g, map)).all());
  CHECK((tradeoff::stddev(g, values) == tradeoff::stddev(g, map)).all());
  CHECK((tradeoff::quantiles(g, values, {0.5}) == tradeoff::quantiles(g, map, {0.5})).all());
  CHECK((tradeoff::summarize(g, values).iqr == tradeoff::summarize(g, map).iqr).all());
  CHECK((tradeoff::describe(g, values).mean == tradeoff::describe(g, map).mean).all());
  CHECK((tradeoff::minimum(g, values) == Eigen::Array2d(1.0, 3.0)).all());
}
