// Prints what tradeoff::read_csv makes of each file given on the command line, for
// tests/fuzz/pandas_differential.py: "FILE <path> OK <rows> <columns>" then one "COL" line per
// column with numeric(name) as C hex floats, or "FILE <path> ERR" when read_csv throws csv_error.
#include <tradeoff/csv.hpp>

#include <cstdio>

int main(int argc, char** argv) {
  for (int a = 1; a < argc; ++a) {
    try {
      const tradeoff::table t = tradeoff::read_csv(argv[a]);
      std::printf("FILE %s OK %ld %ld\n", argv[a], static_cast<long>(t.rows()), static_cast<long>(t.columns()));
      for (const auto& name : t.column_names()) {
        const Eigen::ArrayXd v = t.numeric(name);
        std::printf("COL");
        for (Eigen::Index i = 0; i < v.size(); ++i) std::printf(" %a", v(i));
        std::printf("\n");
      }
    } catch (const tradeoff::csv_error&) {
      std::printf("FILE %s ERR\n", argv[a]);
    }
  }
}
