#ifndef TRADEOFF_DETAIL_ROW_MASK_APPLY_HPP
#define TRADEOFF_DETAIL_ROW_MASK_APPLY_HPP

/// @file
/// @brief A row mask applied to the objectives of pareto_front, pareto_ranks and hypervolume:
/// rows outside it become NaN rows, which those functions already leave out (on no front,
/// rank −1, no volume), so the masked result is the unmasked one of the selected rows, with the
/// original row indices. Internal.

#include <tradeoff/detail/error_prefix.hpp>

#include <Eigen/Core>

#include <limits>
#include <stdexcept>
#include <string>

namespace tradeoff::detail {

/// Throws unless `mask` is a vector of `rows` entries (E134).
template <typename DerivedMask>
void check_row_mask(const Eigen::DenseBase<DerivedMask>& mask, Eigen::Index rows, const char* function,
                    const char* rows_of) {
  if ((mask.rows() != 1 && mask.cols() != 1) || mask.size() != rows) {
    throw std::invalid_argument(error_prefix(function) + "mask has " + std::to_string(mask.rows()) + " x " +
                                std::to_string(mask.cols()) + " entries but " + rows_of + " has " +
                                std::to_string(rows) + " rows");
  }
}

/// A vector of objective values with the entries outside `mask` set to NaN.
template <typename DerivedValues, typename DerivedMask>
Eigen::ArrayXd masked_vector(const Eigen::DenseBase<DerivedValues>& values, const Eigen::DenseBase<DerivedMask>& mask) {
  const auto& v = values.derived().eval();
  const auto& m = mask.derived().eval();
  Eigen::ArrayXd out(v.size());
  for (Eigen::Index i = 0; i < v.size(); ++i) {
    out(i) = static_cast<bool>(m(i)) ? static_cast<double>(v(i)) : std::numeric_limits<double>::quiet_NaN();
  }
  return out;
}

/// An n x d array of points with the rows outside `mask` set to NaN.
template <typename DerivedPoints, typename DerivedMask>
Eigen::ArrayXXd masked_matrix(const Eigen::DenseBase<DerivedPoints>& points, const Eigen::DenseBase<DerivedMask>& mask) {
  Eigen::ArrayXXd out = points.derived().template cast<double>();
  const auto& m = mask.derived().eval();
  for (Eigen::Index i = 0; i < out.rows(); ++i) {
    if (!static_cast<bool>(m(i))) {
      out.row(i).setConstant(std::numeric_limits<double>::quiet_NaN());
    }
  }
  return out;
}

/// The indices `front` as a mask over `rows` rows.
inline Eigen::Array<bool, Eigen::Dynamic, 1> front_as_mask(const Eigen::ArrayXi& front, Eigen::Index rows) {
  Eigen::Array<bool, Eigen::Dynamic, 1> m = Eigen::Array<bool, Eigen::Dynamic, 1>::Constant(rows, false);
  for (Eigen::Index j = 0; j < front.size(); ++j) {
    m(front(j)) = true;
  }
  return m;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_ROW_MASK_APPLY_HPP
