#ifndef TRADEOFF_TRADEOFF_HPP
#define TRADEOFF_TRADEOFF_HPP

/// @file
/// @brief Umbrella header: includes every public header of tradeoff.
///
/// Needs the tradeoff::tradeoff CMake target (Eigen, and fast-cpp-csv-parser for csv.hpp).
/// Code that needs only the math may include the headers it uses and link tradeoff::core.

#include <tradeoff/attainment.hpp>
#include <tradeoff/bootstrap.hpp>
#include <tradeoff/bootstrap_types.hpp>
#include <tradeoff/calibration.hpp>
#include <tradeoff/csv.hpp>
#include <tradeoff/csv_types.hpp>
#include <tradeoff/duplicates.hpp>
#include <tradeoff/fixed_vram.hpp>
#include <tradeoff/front_probability.hpp>
#include <tradeoff/google_benchmark_types.hpp>
#include <tradeoff/gpu.hpp>
#include <tradeoff/group.hpp>
#include <tradeoff/grouping.hpp>
#include <tradeoff/hypervolume.hpp>
#include <tradeoff/hypervolume_contributions.hpp>
#include <tradeoff/idxmin.hpp>
#include <tradeoff/indicators.hpp>
#include <tradeoff/json_types.hpp>
#include <tradeoff/key_table.hpp>
#include <tradeoff/kv_cache.hpp>
#include <tradeoff/kv_layout.hpp>
#include <tradeoff/latency.hpp>
#include <tradeoff/latency_config.hpp>
#include <tradeoff/ndset.hpp>
#include <tradeoff/normalise.hpp>
#include <tradeoff/pareto.hpp>
#include <tradeoff/pareto_archive.hpp>
#include <tradeoff/quantile.hpp>
#include <tradeoff/quantile_interval.hpp>
#include <tradeoff/quantile_interval_types.hpp>
#include <tradeoff/quantile_method.hpp>
#include <tradeoff/quantization.hpp>
#include <tradeoff/rank_test.hpp>
#include <tradeoff/request_lengths.hpp>
#include <tradeoff/result_table.hpp>
#include <tradeoff/row_mask.hpp>
#include <tradeoff/sense.hpp>
#include <tradeoff/serving.hpp>
#include <tradeoff/serving_config.hpp>
#include <tradeoff/staircase.hpp>
#include <tradeoff/table.hpp>
#include <tradeoff/tensor_parallel.hpp>
#include <tradeoff/tied_for_best.hpp>
#include <tradeoff/version.hpp>

#endif  // TRADEOFF_TRADEOFF_HPP
