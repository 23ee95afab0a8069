#include "core/plot/curve_transform.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace curvedoctor::core {

// x of a step on a series' own x column, by interpolating between its neighbours.
double mapStep(const core::Series& s, std::span<const double> xs, bool stepsSorted,
               std::int64_t step) {
    if (xs.empty() || s.empty()) return static_cast<double>(step);
    const std::size_t n = std::min(xs.size(), s.size());
    std::size_t i = 0;
    if (stepsSorted) {
        i = static_cast<std::size_t>(
            std::lower_bound(s.steps.begin(), s.steps.begin() + static_cast<long>(n), step) -
            s.steps.begin());
    } else {
        while (i < n && s.steps[i] < step) ++i;
    }
    auto finiteNear = [&](std::size_t k, int dir) -> std::ptrdiff_t {
        for (std::ptrdiff_t j = static_cast<std::ptrdiff_t>(k);
             j >= 0 && j < static_cast<std::ptrdiff_t>(n); j += dir)
            if (std::isfinite(xs[static_cast<std::size_t>(j)])) return j;
        return -1;
    };
    const std::ptrdiff_t after = finiteNear(std::min(i, n - 1), +1);
    const std::ptrdiff_t before = i == 0 ? -1 : finiteNear(i - 1, -1);
    if (after < 0 && before < 0) return static_cast<double>(step);
    if (before < 0) return xs[static_cast<std::size_t>(after)];
    if (after < 0) return xs[static_cast<std::size_t>(before)];
    const auto b = static_cast<std::size_t>(before), a = static_cast<std::size_t>(after);
    const double s0 = static_cast<double>(s.steps[b]), s1 = static_cast<double>(s.steps[a]);
    if (s1 <= s0) return xs[a];
    const double t = std::clamp((static_cast<double>(step) - s0) / (s1 - s0), 0.0, 1.0);
    return xs[b] + t * (xs[a] - xs[b]);
}

std::vector<double> progressPercent(const Run& run, const Series& s) {
    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    for (const auto& [name, series] : run.metrics) {
        if (series.empty()) continue;
        const auto [lo, hi] = std::minmax_element(series.steps.begin(), series.steps.end());
        first = std::min(first, *lo);
        last = std::max(last, *hi);
    }
    std::vector<double> out(s.steps.size(), 0.0);
    if (last <= first) return out;
    const double span = static_cast<double>(last - first);
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = 100.0 * static_cast<double>(s.steps[i] - first) / span;
    return out;
}

}  // namespace curvedoctor::core
