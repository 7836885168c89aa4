#ifndef TRADEOFF_GPU_HPP
#define TRADEOFF_GPU_HPP

/// @file
/// @brief Accelerator figures used by the serving models: memory, memory bandwidth, peak FLOP/s,
/// and the GPU-to-GPU interconnect bandwidth tensor parallelism uses.
///
/// Presets carry the vendors' datasheet figures (decimal units: 1 GB = 1e9 bytes,
/// 1 TB/s = 1e12 bytes/s, dense BF16 tensor-core FLOP/s without sparsity). A real device
/// reports a slightly different total (an A100 80GB shows 81,920 MiB = 85.9e9 bytes in
/// `nvidia-smi`); build your own `gpu_spec` from a measurement when that matters.

#include <string>

namespace tradeoff {

/// @brief One accelerator as the capacity model and the decode roofline see it.
struct gpu_spec {
  std::string name;                     ///< for tables and plots
  double memory_bytes = 0.0;            ///< total device memory, bytes
  double bandwidth_bytes_per_s = 0.0;   ///< peak memory bandwidth, bytes/s
  double peak_flops = 0.0;              ///< peak dense BF16 FLOP/s
  double interconnect_bytes_per_s = 0.0;  ///< NVLink bandwidth per GPU, both directions together
                                          ///< (the datasheet figure); 0 = unknown. tensor_parallel.hpp
                                          ///< moves data at half of it in each direction.

  /// @brief NVIDIA A100 80GB SXM: 80 GB, 2.039 TB/s, 312 TFLOP/s BF16, NVLink 3 600 GB/s.
  [[nodiscard]] static gpu_spec a100_80gb_sxm() { return {"A100-80GB SXM", 80e9, 2.039e12, 312e12, 600e9}; }
  /// @brief NVIDIA H100 SXM: 80 GB, 3.35 TB/s, 989 TFLOP/s BF16, NVLink 4 900 GB/s.
  [[nodiscard]] static gpu_spec h100_sxm() { return {"H100 SXM", 80e9, 3.35e12, 989e12, 900e9}; }
  /// @brief NVIDIA H200 (SXM): 141 GB, 4.8 TB/s, 989 TFLOP/s BF16, NVLink 4 900 GB/s.
  [[nodiscard]] static gpu_spec h200() { return {"H200", 141e9, 4.8e12, 989e12, 900e9}; }
};

}  // namespace tradeoff

#endif  // TRADEOFF_GPU_HPP
