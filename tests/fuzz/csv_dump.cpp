// Prints what tradeoff::read_csv makes of each file given on the command line, for
// tests/fuzz/pandas_differential.py: "FILE <path> OK <rows> <columns>" then per column one "COL"
// line with numeric(name) as C hex floats and one "BOOL" line with booleans_with_mask(name) (1, 0,
// or - where missing; "BOOL ERR" when it throws), or "FILE <path> ERR" when read_csv throws
// csv_error.
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
        std::printf("\nBOOL");
        try {
          const tradeoff::boolean_column b = t.booleans_with_mask(name);
          for (Eigen::Index i = 0; i < b.values.size(); ++i) std::printf(" %s", b.missing(i) ? "-" : b.values(i) ? "1" : "0");
        } catch (const tradeoff::csv_error&) {
          std::printf(" ERR");
        }
        std::printf("\n");
      }
    } catch (const tradeoff::csv_error&) {
      std::printf("FILE %s ERR\n", argv[a]);
    }
  }
}
