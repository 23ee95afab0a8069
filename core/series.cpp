#include "core/series.h"

#include <algorithm>
#include <cmath>

namespace curvedoctor::core {

std::size_t Series::nonFiniteCount() const {
    return static_cast<std::size_t>(
        std::count_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }));
}

bool Series::stepsAreSorted() const { return std::is_sorted(steps.begin(), steps.end()); }

void Series::shrinkToFit() {
    steps.shrink_to_fit();
    values.shrink_to_fit();
    epochs.shrink_to_fit();
    wallTimes.shrink_to_fit();
}

}  // namespace curvedoctor::core
