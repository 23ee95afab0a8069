#pragma once
/// \file value_scan.h
/// Questions a chart asks of every curve on every zoom (thousands of curves of a few thousand
/// values each), answered by loops the compiler vectorises: no branch per value, comparisons in
/// the values' own type (float or double; a float compared as a double is not vectorised), and
/// reductions kept in kLanes independent lanes (a single running minimum or count is not
/// vectorised either: the compiler may not reorder it). A loop that stops at the first hit
/// tests one value at a time, several times slower on the curves where nothing is found, which
/// are nearly all of them.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <type_traits>
#include <utility>

namespace curvedoctor::core {

namespace detail {
// Values looked at between two checks for an early answer.
inline constexpr std::size_t kScanBlock = 256;
// Independent accumulators: two 16-byte vectors of float, four of double.
inline constexpr std::size_t kLanes = 8;

template <typename T>
inline constexpr bool kFloating = std::is_same_v<T, float> || std::is_same_v<T, double>;
// An integer as wide as T: flags and counts in lanes of the values' width vectorise.
template <typename T>
using LaneInt = std::conditional_t<std::is_same_v<T, float>, std::int32_t, std::int64_t>;

/// The least T at or above `x` (+inf above T's finite range; infinities and NaN as they are).
template <typename T>
T ceilTo(double x) {
    if constexpr (std::is_same_v<T, double>) {
        return x;
    } else {
        constexpr auto kMax = static_cast<double>(std::numeric_limits<float>::max());
        if (std::isnan(x) || std::isinf(x)) return static_cast<float>(x);
        if (x > kMax) return std::numeric_limits<float>::infinity();
        if (x < -kMax) return std::numeric_limits<float>::lowest();
        auto f = static_cast<float>(x);
        if (static_cast<double>(f) < x)
            f = std::nextafter(f, std::numeric_limits<float>::infinity());
        return f;
    }
}

/// The greatest T at or below `x` (-inf below T's range).
template <typename T>
T floorTo(double x) {
    return -ceilTo<T>(-x);
}
}  // namespace detail

/// True when every value is finite (no NaN, no +/-Inf); true for none.
template <typename T>
[[nodiscard]] bool allFinite(std::span<const T> v) {
    static_assert(detail::kFloating<T>);
    // x - x is 0 for a finite x and NaN for NaN and +/-Inf; a NaN stays in its lane's sum.
    std::size_t from = 0;
    for (; from + detail::kScanBlock <= v.size(); from += detail::kScanBlock) {
        const T* p = v.data() + from;
        std::array<T, detail::kLanes> sum{};
        for (std::size_t i = 0; i < detail::kScanBlock; i += detail::kLanes)
            for (std::size_t j = 0; j < detail::kLanes; ++j) sum[j] += p[i + j] - p[i + j];
        for (const T s : sum)
            if (s != T{0}) return false;
    }
    T sum{};
    for (; from < v.size(); ++from) sum += v[from] - v[from];
    return sum == T{0};
}

/// True when some value lies below `lo` or above `hi` (as doubles: a float is compared with
/// the nearest floats inside the bounds, which gives the same answer). NaN is never outside;
/// +/-Inf is outside any finite bounds; a NaN bound leaves nothing outside on its side.
template <typename T>
[[nodiscard]] bool anyOutside(std::span<const T> v, double lo, double hi) {
    static_assert(detail::kFloating<T>);
    const T below = detail::ceilTo<T>(lo), above = detail::floorTo<T>(hi);
    using Flag = detail::LaneInt<T>;
    std::size_t from = 0;
    for (; from + detail::kScanBlock <= v.size(); from += detail::kScanBlock) {
        const T* p = v.data() + from;
        std::array<Flag, detail::kLanes> out{};
        for (std::size_t i = 0; i < detail::kScanBlock; i += detail::kLanes)
            for (std::size_t j = 0; j < detail::kLanes; ++j)
                out[j] |= static_cast<Flag>(p[i + j] < below) | static_cast<Flag>(p[i + j] > above);
        for (const Flag o : out)
            if (o != 0) return true;
    }
    for (; from < v.size(); ++from)
        if (v[from] < below || v[from] > above) return true;
    return false;
}

/// The least and greatest value of `v` (not empty, every value finite), as doubles.
template <typename T>
[[nodiscard]] std::pair<double, double> finiteMinMax(std::span<const T> v) {
    static_assert(detail::kFloating<T>);
    std::array<T, detail::kLanes> lo, hi;
    lo.fill(v.front());
    hi.fill(v.front());
    std::size_t i = 0;
    for (; i + detail::kLanes <= v.size(); i += detail::kLanes)
        for (std::size_t j = 0; j < detail::kLanes; ++j) {
            lo[j] = v[i + j] < lo[j] ? v[i + j] : lo[j];
            hi[j] = v[i + j] > hi[j] ? v[i + j] : hi[j];
        }
    for (; i < v.size(); ++i) {
        lo[0] = v[i] < lo[0] ? v[i] : lo[0];
        hi[0] = v[i] > hi[0] ? v[i] : hi[0];
    }
    return {static_cast<double>(*std::min_element(lo.begin(), lo.end())),
            static_cast<double>(*std::max_element(hi.begin(), hi.end()))};
}

/// How many values are at or below `bottom`, and how many at or above `top` (as doubles, as
/// in anyOutside).
template <typename T>
[[nodiscard]] std::pair<std::size_t, std::size_t> countBeyond(std::span<const T> v, double bottom,
                                                              double top) {
    static_assert(detail::kFloating<T>);
    const T atMost = detail::floorTo<T>(bottom), atLeast = detail::ceilTo<T>(top);
    using Count = detail::LaneInt<T>;
    std::size_t below = 0, above = 0;
    std::size_t from = 0;
    for (; from + detail::kScanBlock <= v.size(); from += detail::kScanBlock) {
        const T* p = v.data() + from;
        std::array<Count, detail::kLanes> low{}, high{};
        for (std::size_t i = 0; i < detail::kScanBlock; i += detail::kLanes)
            for (std::size_t j = 0; j < detail::kLanes; ++j) {
                low[j] += static_cast<Count>(p[i + j] <= atMost);
                high[j] += static_cast<Count>(p[i + j] >= atLeast);
            }
        for (std::size_t j = 0; j < detail::kLanes; ++j) {
            below += static_cast<std::size_t>(low[j]);
            above += static_cast<std::size_t>(high[j]);
        }
    }
    for (; from < v.size(); ++from) {
        below += static_cast<std::size_t>(v[from] <= atMost);
        above += static_cast<std::size_t>(v[from] >= atLeast);
    }
    return {below, above};
}

}  // namespace curvedoctor::core
