#pragma once
/// \file finite.h
/// Branch-free finiteness tests for the hot loops over million-point series. `std::isfinite`
/// is a library call with a branch per value at -O2; `|v| <= DBL_MAX` is false for NaN and
/// +/-Inf alike and vectorises.

#include <cmath>
#include <cstddef>
#include <limits>
#include <span>

namespace curvedoctor::core {

[[nodiscard]] inline bool isFiniteValue(double v) {
    return std::abs(v) <= std::numeric_limits<double>::max();
}

/// Number of finite values in `values`.
[[nodiscard]] inline std::size_t countFinite(std::span<const double> values) {
    std::size_t n = 0;
    for (double v : values) n += isFiniteValue(v) ? 1 : 0;
    return n;
}

/// The first finite value of `values`; NaN when there is none.
[[nodiscard]] inline double firstFinite(std::span<const double> values) {
    for (double v : values) {
        if (isFiniteValue(v)) return v;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace curvedoctor::core
