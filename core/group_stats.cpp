#include "core/group_stats.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace curvedoctor::core {
namespace {

struct Sorted {
    std::vector<double> steps;
    std::vector<double> values;
};

Sorted sortedCopy(const Series& s) {
    std::vector<std::size_t> order(s.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    if (!s.stepsAreSorted())
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return s.steps[a] < s.steps[b]; });
    Sorted out;
    out.steps.reserve(s.size());
    out.values.reserve(s.size());
    for (std::size_t i : order) {
        const auto st = static_cast<double>(s.steps[i]);
        if (!out.steps.empty() && out.steps.back() == st) {
            out.values.back() = s.values[i];  // logged twice: the later value wins.
            continue;
        }
        out.steps.push_back(st);
        out.values.push_back(s.values[i]);
    }
    return out;
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

GroupStats aggregateSeries(const std::vector<const Series*>& series,
                           const GroupStatsConfig& config) {
    std::vector<Sorted> runs;
    for (const Series* s : series)
        if (s && !s->empty()) runs.push_back(sortedCopy(*s));
    GroupStats out;
    if (runs.empty()) return out;

    if (config.grid == StepGrid::Union) {
        for (const Sorted& r : runs)
            out.steps.insert(out.steps.end(), r.steps.begin(), r.steps.end());
        std::sort(out.steps.begin(), out.steps.end());
        out.steps.erase(std::unique(out.steps.begin(), out.steps.end()), out.steps.end());
    } else {
        double lo = std::numeric_limits<double>::infinity();
        double hi = -lo;
        for (const Sorted& r : runs) {
            lo = std::min(lo, r.steps.front());
            hi = std::max(hi, r.steps.back());
        }
        const std::size_t n = hi > lo ? std::max<std::size_t>(config.points, 2) : 1;
        out.steps.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            out.steps[i] =
                n == 1 ? lo : lo + (hi - lo) * static_cast<double>(i) / static_cast<double>(n - 1);
        out.steps.back() = hi;
    }

    const std::size_t n = out.steps.size();
    out.min.assign(n, std::numeric_limits<double>::infinity());
    out.max.assign(n, -std::numeric_limits<double>::infinity());
    out.count.assign(n, 0);
    // Welford's running update per grid step: one pass over each run, and no cancellation
    // for values far from zero (a loss of 1e4 +/- 1e-3) as sum-of-squares would suffer.
    std::vector<double> mean(n, 0.0), m2(n, 0.0);
    for (const Sorted& r : runs) {
        std::size_t j = 0;  // first index with r.steps[j] >= x
        for (std::size_t g = 0; g < n; ++g) {
            const double x = out.steps[g];
            while (j < r.steps.size() && r.steps[j] < x) ++j;
            if (j == r.steps.size()) break;
            double v = kNaN;
            if (r.steps[j] == x) {
                v = r.values[j];
            } else if (j > 0) {
                const double x0 = r.steps[j - 1], x1 = r.steps[j];
                const double y0 = r.values[j - 1], y1 = r.values[j];
                if (std::isfinite(y0) && std::isfinite(y1))
                    v = y0 + (y1 - y0) * (x - x0) / (x1 - x0);
            }
            if (!std::isfinite(v)) continue;
            const int c = ++out.count[g];
            const double d = v - mean[g];
            mean[g] += d / c;
            m2[g] += d * (v - mean[g]);
            out.min[g] = std::min(out.min[g], v);
            out.max[g] = std::max(out.max[g], v);
        }
    }
    out.mean.resize(n);
    out.std.resize(n);
    for (std::size_t g = 0; g < n; ++g) {
        const int c = out.count[g];
        if (c == 0) {
            out.mean[g] = out.std[g] = out.min[g] = out.max[g] = kNaN;
            continue;
        }
        out.mean[g] = mean[g];
        out.std[g] = c > 1 ? std::sqrt(std::max(0.0, m2[g] / (c - 1))) : 0.0;
    }
    return out;
}

}  // namespace curvedoctor::core
