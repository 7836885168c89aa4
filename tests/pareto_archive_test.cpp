#include <tradeoff/pareto_archive.hpp>

#include <doctest/doctest.h>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using tradeoff::duplicates;
using tradeoff::archive_status;
using tradeoff::sense;

constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();
constexpr double inf_value = std::numeric_limits<double>::infinity();

// Brute-force model: every non-NaN point inserted so far, in insertion order.
struct model {
  std::vector<std::vector<double>> minimized;  // minimise space
  std::vector<std::int64_t> ids;

  // Front ids in pareto_front's order: lexicographic in minimise space, then insertion.
  [[nodiscard]] std::vector<std::int64_t> front(bool keep_first) const {
    std::vector<std::size_t> members;
    for (std::size_t i = 0; i < minimized.size(); ++i) {
      bool out = false;
      for (std::size_t j = 0; j < minimized.size() && !out; ++j) {
        bool le = true;
        bool lt = false;
        for (std::size_t c = 0; c < minimized[i].size(); ++c) {
          le = le && minimized[j][c] <= minimized[i][c];
          lt = lt || minimized[j][c] < minimized[i][c];
        }
        out = (le && lt) || (keep_first && j < i && minimized[j] == minimized[i]);
      }
      if (!out) {
        members.push_back(i);
      }
    }
    std::stable_sort(members.begin(), members.end(), [this](std::size_t a, std::size_t b) {
      return minimized[a] < minimized[b];
    });
    std::vector<std::int64_t> out;
    for (const std::size_t i : members) {
      out.push_back(ids[i]);
    }
    return out;
  }
};

void run_stream(Eigen::Index d, duplicates keep, unsigned seed, int length, int range,
                bool mixed_senses) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> values(0, range);
  std::vector<sense> senses;
  std::vector<double> signs(static_cast<std::size_t>(d), 1.0);
  if (mixed_senses) {
    for (Eigen::Index j = 0; j < d; ++j) {
      senses.push_back(j % 2 == 1 ? sense::maximize : sense::minimize);
      signs[static_cast<std::size_t>(j)] = j % 2 == 1 ? -1.0 : 1.0;
    }
  }
  tradeoff::pareto_archive<> archive(d, senses, keep);
  model all;
  std::vector<std::int64_t> previous;
  std::vector<std::vector<double>> history;
  for (int step = 0; step < length; ++step) {
    Eigen::ArrayXd point(d);
    if (step > 0 && rng() % 8 == 0) {
      point = Eigen::Map<const Eigen::ArrayXd>(history[rng() % history.size()].data(), d);
    } else {
      for (Eigen::Index j = 0; j < d; ++j) {
        point(j) = values(rng);
      }
      if (rng() % 16 == 0) {
        point(static_cast<Eigen::Index>(rng() % static_cast<unsigned>(d))) = nan_value;
      }
      if (rng() % 32 == 0) {
        point(static_cast<Eigen::Index>(rng() % static_cast<unsigned>(d))) =
            rng() % 2 ? inf_value : -inf_value;
      }
    }
    history.emplace_back(point.data(), point.data() + d);
    const Eigen::ArrayXd before = point;
    const std::int64_t id = 1000 + step;
    const auto result = archive.insert(point, id);
    CHECK(((point == before) || (point.isNaN() && before.isNaN())).all());
    const bool has_nan = point.isNaN().any();
    if (!has_nan) {
      std::vector<double> m(static_cast<std::size_t>(d));
      for (Eigen::Index j = 0; j < d; ++j) {
        m[static_cast<std::size_t>(j)] = signs[static_cast<std::size_t>(j)] * point(j) + 0.0;
      }
      all.minimized.push_back(m);
      all.ids.push_back(id);
    }
    const std::vector<std::int64_t> expected = all.front(keep == duplicates::keep_first);
    INFO("d " << d << " seed " << seed << " step " << step);
    REQUIRE(archive.ids() == expected);
    CHECK(archive.size() == expected.size());
    // Status.
    const bool in_front = std::find(expected.begin(), expected.end(), id) != expected.end();
    if (has_nan) {
      CHECK(result.status == archive_status::rejected_nan);
    } else if (in_front) {
      CHECK(result.status == archive_status::entered);
      CHECK(result.entered());
    } else {
      CHECK(result.status != archive_status::entered);
      CHECK(result.status != archive_status::rejected_nan);
    }
    // Removed ids: previously on the front, now not, in previous front order.
    std::vector<std::int64_t> removed;
    for (const std::int64_t p : previous) {
      if (std::find(expected.begin(), expected.end(), p) == expected.end()) {
        removed.push_back(p);
      }
    }
    CHECK(result.removed == removed);
    // points() rows match ids() in original units.
    const Eigen::ArrayXXd rows = archive.points();
    REQUIRE(rows.rows() == static_cast<Eigen::Index>(expected.size()));
    for (std::size_t k = 0; k < expected.size(); ++k) {
      const auto row = static_cast<std::size_t>(expected[k] - 1000);
      for (Eigen::Index j = 0; j < d; ++j) {
        CHECK(rows(static_cast<Eigen::Index>(k), j) == history[row][static_cast<std::size_t>(j)]);
      }
    }
    previous = expected;
  }
}

}  // namespace

TEST_CASE("pareto_archive: random insertion streams match a brute-force front / d = 1..4") {
  for (Eigen::Index d = 1; d <= 4; ++d) {
    for (unsigned seed = 1; seed <= 12; ++seed) {
      const duplicates keep =
          seed % 2 == 0 ? duplicates::keep_first : duplicates::keep_all;
      const int range = seed % 3 == 0 ? 3 : 30;  // small grids: many ties and duplicates
      run_stream(d, keep, seed * 7919u + static_cast<unsigned>(d), d == 2 ? 300 : 150, range,
                 seed % 4 >= 2);
    }
  }
}

TEST_CASE("pareto_archive: 2-D walkthrough with statuses and removed ids") {
  tradeoff::pareto_archive<std::string> archive(2);
  CHECK(archive.empty());
  auto r = archive.insert({3.0, 3.0}, "a");
  CHECK(r.status == archive_status::entered);
  CHECK(r.removed.empty());
  r = archive.insert({4.0, 4.0}, "b");
  CHECK(r.status == archive_status::dominated);
  r = archive.insert({3.0, 4.0}, "tied x, worse y");
  CHECK(r.status == archive_status::dominated);
  r = archive.insert({1.0, 5.0}, "c");
  CHECK(r.entered());
  r = archive.insert({5.0, 1.0}, "d");
  CHECK(r.entered());
  CHECK(archive.ids() == std::vector<std::string>({"c", "a", "d"}));
  r = archive.insert({3.0, 3.0}, "a again");
  CHECK(r.status == archive_status::entered);  // keep_all: duplicates stay
  CHECK(archive.size() == 4);
  r = archive.insert({1.0, 1.0}, "e");
  CHECK(r.entered());
  CHECK(r.removed == std::vector<std::string>({"c", "a", "a again", "d"}));
  CHECK(archive.ids() == std::vector<std::string>({"e"}));
  r = archive.insert({nan_value, 0.0}, "nan");
  CHECK(r.status == archive_status::rejected_nan);
  CHECK(archive.size() == 1);
  r = archive.insert({0.5, inf_value}, "inf");
  CHECK(r.entered());
  CHECK(archive.ids() == std::vector<std::string>({"inf", "e"}));
  archive.clear();
  CHECK(archive.empty());
  CHECK(archive.ids().empty());
}

TEST_CASE("pareto_archive: keep_first / senses / hypervolume / Eigen expressions") {
  tradeoff::pareto_archive<> archive(3, {sense::minimize, sense::maximize, sense::minimize},
                                     duplicates::keep_first);
  Eigen::ArrayXXd runs(4, 3);
  runs << 1, 10, 1,  //
      1, 10, 1,      //
      2, 20, 2,      //
      0, 5, 3;
  CHECK(archive.insert(runs.row(0), 0).entered());
  CHECK(archive.insert(runs.row(1), 1).status == archive_status::duplicate);
  CHECK(archive.insert(runs.row(2), 2).entered());
  CHECK(archive.insert(2.0 * runs.row(3).transpose(), 3).entered());
  CHECK(archive.ids() == std::vector<std::int64_t>({3, 0, 2}));
  const Eigen::ArrayXXd front = archive.points();
  CHECK(front(0, 1) == 10.0);  // original units, not negated
  Eigen::ArrayXd reference(3);
  reference << 10, 0, 10;
  CHECK(archive.hypervolume(reference) ==
        tradeoff::hypervolume(front, reference, archive.senses()));
  CHECK(archive.dimensions() == 3);
  CHECK(archive.duplicate_policy() == duplicates::keep_first);
  // A duplicate of a point that has been removed is dominated, not a duplicate.
  CHECK(archive.insert({0.0, 100.0, 0.0}, 4).removed == std::vector<std::int64_t>({3, 0, 2}));
  CHECK(archive.insert({1.0, 10.0, 1.0}, 5).status == archive_status::dominated);
  // CTAD with the default id type.
  tradeoff::pareto_archive deduced(2);
  CHECK(deduced.insert({1.0, 2.0}, std::int64_t{9}).entered());
}

TEST_CASE("pareto_archive: errors") {
  CHECK_THROWS_AS(tradeoff::pareto_archive<>(0), std::invalid_argument);
  CHECK_THROWS_AS(tradeoff::pareto_archive<>(2, {sense::minimize}), std::invalid_argument);
  tradeoff::pareto_archive<> archive(2);
  CHECK_THROWS_AS(archive.insert({1.0, 2.0, 3.0}, 1), std::invalid_argument);
  CHECK_THROWS_AS(archive.insert(Eigen::ArrayXXd::Zero(2, 2), 1), std::invalid_argument);
  try {
    archive.insert(Eigen::ArrayXd::Zero(3), 1);
    FAIL("expected std::invalid_argument");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()) ==
          "tradeoff::pareto_archive::insert: point has 3 x 1 values but must be a vector of "
          "size 2");
  }
  try {
    tradeoff::pareto_archive<> bad(3, {sense::minimize});
    FAIL("expected std::invalid_argument");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()).rfind("tradeoff::pareto_archive: senses has 1 entries", 0) == 0);
  }
  CHECK(archive.empty());
}

namespace {

// A size-limited archive by brute force: the front kept as a list, the least contributor found
// by HV(S) - HV(S without q) with tradeoff::hypervolume, ties to the first in front order
// (lexicographic in minimise space, then insertion order).
struct limited_model {
  struct entry {
    std::vector<double> point;  // original units
    std::int64_t id;
  };
  std::vector<entry> front;
  std::vector<double> signs;
  Eigen::ArrayXd reference;
  std::size_t limit;

  std::vector<double> minimized(const std::vector<double>& p) const {
    std::vector<double> m(p.size());
    for (std::size_t j = 0; j < p.size(); ++j) {
      m[j] = signs[j] * p[j];
    }
    return m;
  }
  Eigen::ArrayXXd rows(std::size_t skip) const {
    Eigen::ArrayXXd out(static_cast<Eigen::Index>(front.size() - (skip < front.size() ? 1 : 0)),
                        static_cast<Eigen::Index>(signs.size()));
    Eigen::Index r = 0;
    for (std::size_t k = 0; k < front.size(); ++k) {
      if (k == skip) {
        continue;
      }
      for (std::size_t j = 0; j < signs.size(); ++j) {
        out(r, static_cast<Eigen::Index>(j)) = front[k].point[j];
      }
      ++r;
    }
    return out;
  }
  void insert(const std::vector<double>& p, std::int64_t id, const std::vector<tradeoff::sense>& senses) {
    const std::vector<double> mp = minimized(p);
    std::vector<entry> kept;
    for (const entry& e : front) {
      const std::vector<double> me = minimized(e.point);
      bool e_le = true, p_le = true, equal = true;
      for (std::size_t j = 0; j < mp.size(); ++j) {
        e_le = e_le && me[j] <= mp[j];
        p_le = p_le && mp[j] <= me[j];
        equal = equal && me[j] == mp[j];
      }
      if (e_le && !equal) {
        return;  // dominated
      }
      if (!(p_le && !equal)) {
        kept.push_back(e);
      }
    }
    kept.push_back({p, id});
    // front order: lexicographic in minimise space, ties by insertion (stable sort)
    std::stable_sort(kept.begin(), kept.end(), [this](const entry& a, const entry& b) {
      return minimized(a.point) < minimized(b.point);
    });
    front = kept;
    if (front.size() > limit) {
      const double total = tradeoff::hypervolume(rows(front.size()), reference, senses);
      std::size_t least = 0;
      double smallest = 0.0;
      for (std::size_t k = 0; k < front.size(); ++k) {
        const double c = total - tradeoff::hypervolume(rows(k), reference, senses);
        if (k == 0 || c < smallest) {
          smallest = c;
          least = k;
        }
      }
      front.erase(front.begin() + static_cast<std::ptrdiff_t>(least));
    }
  }
};

}  // namespace

TEST_CASE("pareto_archive size limit removes the least contributor as a brute-force model") {
  std::mt19937_64 random(20);
  std::uniform_int_distribution<int> level(0, 12);
  for (Eigen::Index d = 2; d <= 4; ++d) {
    for (int trial = 0; trial < 6; ++trial) {
      std::vector<tradeoff::sense> senses(static_cast<std::size_t>(d), tradeoff::sense::minimize);
      if (trial % 2 == 1) {
        senses[1] = tradeoff::sense::maximize;
      }
      limited_model model;
      model.signs.assign(static_cast<std::size_t>(d), 1.0);
      model.reference = Eigen::ArrayXd::Constant(d, 11.0);  // some points outside the box
      if (trial % 2 == 1) {
        model.signs[1] = -1.0;
        model.reference(1) = 1.0;
      }
      model.limit = static_cast<std::size_t>(3 + trial);
      tradeoff::pareto_archive<> archive(d, senses);
      static_cast<void>(archive.set_size_limit(model.limit, model.reference));
      for (std::int64_t id = 0; id < 120; ++id) {
        std::vector<double> p(static_cast<std::size_t>(d));
        for (double& v : p) {
          v = level(random);
        }
        if (id % 17 == 5) {
          p = model.front.empty() ? p : model.front.front().point;  // an exact copy
        }
        Eigen::Map<const Eigen::ArrayXd> point(p.data(), d);
        const auto result = archive.insert(point, id);
        model.insert(p, id, senses);
        CHECK(result.evicted.size() <= 1);
        std::vector<std::int64_t> expected;
        for (const auto& e : model.front) {
          expected.push_back(e.id);
        }
        CAPTURE(d);
        CAPTURE(trial);
        CAPTURE(id);
        REQUIRE(archive.ids() == expected);
        CHECK(archive.size() <= model.limit);
      }
    }
  }
}

TEST_CASE("pareto_archive set_size_limit shrinks at once and checks the reference E220") {
  tradeoff::pareto_archive<> archive(2);
  for (int k = 0; k < 6; ++k) {
    static_cast<void>(archive.insert({static_cast<double>(k), static_cast<double>(5 - k)}, k));
  }
  Eigen::ArrayXd reference(2);
  reference << 6.0, 6.0;
  // Every point contributes 1 x 1: the first in front order, id 0, goes; then (1, 4) spans
  // 1 x 2 and the first of the others, id 2, goes.
  const std::vector<std::int64_t> evicted = archive.set_size_limit(4, reference);
  CHECK(evicted == std::vector<std::int64_t>{0, 2});
  CHECK(archive.size() == 4);
  CHECK(archive.size_limit() == 4);
  CHECK_THROWS_AS(static_cast<void>(archive.set_size_limit(2, Eigen::ArrayXd::Zero(3))), std::invalid_argument);
  static_cast<void>(archive.set_size_limit(0, reference));
  CHECK(archive.size_limit() == 0);
}
